"""Naming again: the noun phrase before a comma, whether it is a person's name or names
people, and how a new sentence names it a second time (a surname, "The pitcher", "It",
"They"), from the words alone or from the parse.
"""

from __future__ import annotations

import re

from .text import _TOKEN_RE, _capitalise, _inside_quote, _lower_first
from .word_classes import (
    DETERMINERS, _EVENT_NOUNS, FINITE_VERBS, _NUMBER_WORDS, ORG_WORDS, PERSON_NOUNS, PREPOSITIONS, PRONOUNS,
    ROLE_NOUNS,
)
from .. import parse
from ..faithful import STOP_WORDS


# How a non-person noun phrase is named again: "it"/"they" (tuned on ASSET valid, where
# references prefer the pronoun), or the phrase itself with "the".
PRONOUN_AGAIN = True


def _again(subject: str) -> str:
    """A subject named again in a new sentence: a pronoun stays, a person's name
    becomes the surname, a thing becomes "It" or "They", a person "The ...".

    >>> _again("he"), _again("Elon Musk"), _again("Its inaugural concert"), _again("the two probes")
    ('He', 'Musk', 'It', 'They')
    """
    if subject.lower() in PRONOUNS:
        return subject[0].upper() + subject[1:]
    words = subject.split()
    if PRONOUN_AGAIN and not subject[0].isupper() or (PRONOUN_AGAIN and words[0] in ("The", "Its", "This", "A", "An")
                                                       and not any(w[0].isupper() for w in words[1:])):
        head = words[-1].lower()
        if head in PERSON_NOUNS:
            return _second_mention(subject)
        return "They" if head.endswith("s") and not head.endswith("ss") else "It"
    return _second_mention(subject)


def _antecedent(text: str, comma: int) -> tuple[int, str] | None:
    """The noun phrase just before ``comma``: (its start, its words).

    >>> t = "The satellite, which was lost, was found."
    >>> _antecedent(t, t.index(","))
    (0, 'The satellite')
    >>> t = "He met Prime Minister Benjamin Netanyahu, who is 74."
    >>> _antecedent(t, t.index(","))
    (7, 'Prime Minister Benjamin Netanyahu')
    >>> t = "The report, which was ordered last year, found bias."
    >>> _antecedent(t, t.index(","))
    (0, 'The report')
    """
    tokens = list(_TOKEN_RE.finditer(text[:comma]))
    if not tokens or tokens[-1].end() != comma:
        return None
    chosen: list[re.Match] = []
    capital = tokens[-1].group()[0].isupper()
    for k in range(len(tokens) - 1, -1, -1):
        t = tokens[k]
        word = t.group()
        lower = word.lower()
        if lower in FINITE_VERBS and k > 0 and tokens[k - 1].group().lower() in DETERMINERS and len(chosen) < 4:
            chosen.append(t)  # "The report, which ...": a noun after "the", though "report" can be a verb
            continue
        if capital:
            if word[0].isupper() and lower not in STOP_WORDS - {"the"}:
                chosen.append(t)
                if lower == "the":
                    break
                continue
            if lower in ("of", "for", "and", "the") and chosen and len(chosen) < 6:
                chosen.append(t)
                continue
            break
        if lower in DETERMINERS:
            chosen.append(t)
            break
        if lower in STOP_WORDS or lower in FINITE_VERBS or lower in PREPOSITIONS or len(chosen) >= 4:
            break
        chosen.append(t)
    while chosen and chosen[-1].group().lower() in ("of", "for", "and"):
        chosen.pop()
    if not chosen:
        return None
    start = chosen[-1].start()
    return start, text[start:comma]


# Words that make a capitalised pair a place, not a person ("North Korea" is not "Korea").
_PLACE_FIRST = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower Greater New "
                         "San Santa Los Las Fort Port Mount Lake Cape Saint United Hong Sri Costa Puerto Saudi "
                         "Sierra Buenos Rio Tel Abu".split())
_PLACE_LAST = frozenset("Korea Africa America Arabia Asia Europe Island Islands City County Kong Lanka Rica Rico "
                        "Zealand Carolina Dakota Virginia York Jersey Mexico Hampshire Aires Aviv Dhabi Leone "
                        "Valley Bay Beach Coast Strait Sea Ocean River Street Avenue Square".split())


def _is_person_name(np: str) -> bool:
    """Whether a capitalised phrase looks like a person's name (two to four capitalised
    words, no organisation or place word).

    >>> _is_person_name("Elon Musk"), _is_person_name("North Korea"), _is_person_name("The Jerusalem Post")
    (True, False, False)
    """
    words = np.split()
    return (
        2 <= len(words) <= 4
        and all(w[0].isupper() for w in words)
        and words[0].lower() != "the"
        and not any(w.lower().strip(".,") in ORG_WORDS for w in words)
        and words[0] not in _PLACE_FIRST and words[-1].strip(".,") not in _PLACE_LAST
    )


_SURNAME_PARTICLES = frozenset(
    "Di De Da Del Della Van Von Le La Al El Mac Mc St. Ben Bin Ibn Abu Dos Das Du Des Ter Ten Der Den Dem".split())


# Family names that come first in Chinese, Korean and Vietnamese names as English news
# writes them ("Liu Ping", "Kim Jong Un", "Nguyen Van Thieu"): their last word is no
# surname, so such a name is repeated whole. A Western name that opens with one of these
# ("Ma Rainey") is only repeated whole too, which is never wrong.
_FAMILY_NAME_FIRST = frozenset(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song "
    "Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen "
    "Yao Jin Fu Zhong Xi Bo Wen Mao Hou Kong Qin Lei Bai Meng Xue Yan Kim Park Choi Jung Kang Cho Yoon Jang "
    "Lim Moon Ban Roh Lee Nguyen Tran Le Pham Hoang Vu Ngo Duong".split())


def _is_particle(word: str) -> bool:
    """Whether ``word`` is a particle of a family name ("Van", "der", "de"), in either case."""
    return word in _SURNAME_PARTICLES or word.capitalize() in _SURNAME_PARTICLES and word.islower()


def _second_mention(np: str) -> str:
    """How to name a noun phrase again: a person's surname, or the phrase with "the".

    >>> _second_mention("Elon Musk"), _second_mention("a fragile ceasefire"), _second_mention("The Jerusalem Post")
    ('Musk', 'The fragile ceasefire', 'The Jerusalem Post')
    >>> _second_mention("Liu Ping"), _second_mention("Kim Jong Un"), _second_mention("Secretary General Ban Ki-moon")
    ('Liu Ping', 'Kim Jong Un', 'Ban Ki-moon')
    >>> _second_mention("James Van Der Beek"), _second_mention("Van Der Beek"), _second_mention("Dick Van Dyke")
    ('Van Der Beek', 'Van Der Beek', 'Van Dyke')
    """
    words = np.split()
    if _is_person_name(np):
        if re.fullmatch(r"[IVX]+|Jr\.?|Sr\.?|Jnr\.?|Snr\.?", words[-1].rstrip(",")) or words[0] in _FAMILY_NAME_FIRST:
            return np  # "Richard III" is not "III"; "Liu Ping" is not "Ping"
        if len(words) >= 2 and (words[-2] in _FAMILY_NAME_FIRST or re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[-1])):
            return " ".join(words[-2:])  # "UN Secretary General Ban Ki-moon" -> "Ban Ki-moon", not "Ki-moon"
        first = len(words) - 1
        while first > 0 and _is_particle(words[first - 1]):
            first -= 1  # "Angel Di Maria" -> "Di Maria", "James Van Der Beek" -> "Van Der Beek"
        if first < len(words) - 1:
            return " ".join(words[first:]).rstrip(",")
        return words[-1].rstrip(",")
    if words[0].lower() in ("a", "an", "this", "that", "these", "those", "the", "another"):
        return "The " + " ".join(words[1:])
    if words[0].lower() in DETERMINERS:
        return _capitalise(np)
    return _capitalise(np)


def _names_people(noun: str) -> bool:
    """Whether a lowercase noun names a person or people (a "who" clause can be its own).

    >>> _names_people("officers"), _names_people("mother"), _names_people("continent"), _names_people("group")
    (True, True, False, False)
    >>> _names_people("pair"), _names_people("couple")  # ("the pair, who have been friends since ...")
    (True, True)
    """
    noun = noun.lower()
    singular = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    if noun in ORG_WORDS or singular in ORG_WORDS or singular in ("band", "team"):
        return False  # ("group", "band": the words of the attribution rules count them as sources)
    # (beyond PERSON_NOUNS and the suffixes of agents: "staff", "veteran", "suspect", ...)
    return noun in PERSON_NOUNS or singular in PERSON_NOUNS or noun in ("staff", "crew", "public") \
        or singular in ("veteran", "intern", "expert", "colleague", "friend", "candidate", "champion", "legend",
                        "rookie", "pilot", "suspect", "resident", "patient", "attorney", "agent", "guard", "chef",
                        "pair", "couple", "duo", "trio") \
        or singular.endswith(("er", "or", "ist", "ian", "man", "woman", "eer"))


def _subject_again(s: str, tokens: tuple, head, *, it: bool = False, of_phrase: bool = True) -> str | None:
    """How to name the subject ``head`` again in a new sentence: a pronoun as it is, a
    name by its own words ("Boren", "The Los Angeles County District Attorney"), a thing
    or person by its determiner and noun ("The former pitcher" -> "The pitcher"), with a
    short "of" phrase (``of_phrase``: "Lakes of oil" -> "The lakes of oil"). "It"
    only with ``it`` (for a subject that was "it" already); never for a report, whose
    speaker may be a person. None when unsure.

    >>> s = "The former Major League Baseball pitcher recently fired off a series of fastballs."
    >>> tokens = parse.parse(s)
    >>> _subject_again(s, tokens, tokens[5])
    'The pitcher'
    """
    if any(x.dep in ("conj", "cc") for x in parse.children(tokens, head)):
        return None  # "Houthi rebels and the government": both, not "Houthi rebels"
    if head.tag in ("PRP",):
        return _capitalise(head.text) if head.text.lower() in PRONOUNS and (it or head.text.lower() != "it") else None
    if head.tag == "EX" or _inside_quote(s, head.idx) or re.search(r"\)[A-Za-z]", s[:tokens[head.head].idx]):
        return None  # (or "Coral Gables, Florida (CNN)Former President ...": the parser may take the dateline
        # for the subject)
    if head.tag in ("NNP", "NNPS"):
        return _name_again(s, tokens, head)
    if head.tag in ("NN", "NNS") and any(x.dep == "case" for x in parse.children(tokens, head)):
        return None  # "Last year's was set to Mozart": not "Last year"
    of = [x for x in parse.children(tokens, head) if x.dep == "prep" and x.text.lower() == "of" and of_phrase]
    if head.tag in ("NN", "NNS") and of:
        # "Lakes of oil" is not "Lakes" the second time: the "of" phrase goes along when short
        phrase = s[of[0].idx:tokens[of[0].right].end]
        if of[0].right - of[0].i > 3 or any(ch in phrase for ch in ",()\"“”"):
            return None
        inner = _subject_again(s, tokens, head, it=it, of_phrase=False)
        return None if inner is None else f"{inner} {phrase}"
    if head.tag in ("NN", "NNS"):
        return _noun_again(s, tokens, head)
    return None


def _name_again(s: str, tokens: tuple, head) -> str | None:
    """A name (``head`` tagged NNP or NNPS) said again: its own words from the parse, as
    :func:`_second_mention` shortens them; None when the name may be longer or narrower
    than the parse shows."""
    if any(x.dep in ("poss", "nummod", "prep") for x in parse.children(tokens, head)):
        return None  # "Huskins' 2000 White Toyota Camry" is not "Camry" the second time, "Al Qaeda in
        # the Islamic Maghreb" not "Al Qaeda", "Ambassador to South Korea, Mark Lippert," not "Ambassador"
    start = head.i
    while start > head.left and (tokens[start - 1].tag in ("NNP", "NNPS") or tokens[start - 1].tag == "HYPH"
                                 and start - 2 >= head.left and tokens[start - 2].tag in ("NNP", "NNPS")):
        start -= 1  # ("Ban Ki-moon": the hyphen is inside the name)
    if start == head.i and start > head.left and tokens[start - 1].text[:1].isupper() and \
            tokens[start - 1].text.lower() != "the" and \
            not (start - 1 == 0 and _names_people(tokens[start - 1].text)):
        return None  # "Hot Bench": a capital word the parser left out of the name is likely part of it
        # ("Creator Julian Fellowes": a role)
    if start > head.left and tokens[start - 1].text.lower() == "the":
        start -= 1  # "The Los Angeles County District Attorney"
    if any(t.dep in ("amod", "compound", "nmod", "npadvmod") and t.text[:1].islower() and not _names_people(t.text)
           for t in tokens[head.left:start]):  # ("Navy veteran Vanessa Hicks": a role, not a part)
        return None  # "mainly Muslim west Beirut" is not all of "Beirut"
    phrase = s[tokens[start].idx:head.end]
    if any(ch in phrase for ch in ",“”\"()"):
        return None
    if start > 0 and tokens[start - 1].text.lower() == "of":
        # "Secretary of State John Kerry": the name comes after the title's last word
        words = phrase.split()
        titles = [k for k, w in enumerate(words) if w.lower() in ROLE_NOUNS or w.lower() in ORG_WORDS]
        if not titles or titles[-1] == len(words) - 1:
            return None
        phrase = " ".join(words[titles[-1] + 1:])
    return _second_mention(phrase)


def _noun_again(s: str, tokens: tuple, head) -> str | None:
    """A common noun (``head`` tagged NN or NNS) said again: its determiner or possessive
    and the nouns that say which one ("The former pitcher" -> "The pitcher", "Her son");
    None when leaving words out would change which one is meant."""
    start = head.i
    while start > head.left and tokens[start - 1].dep in ("compound", "amod") \
            and tokens[start - 1].head in range(start, head.i + 1):
        start -= 1
    first = tokens[head.left]
    if any(t.dep == "compound" and t.text.islower() and (tokens[t.i - 1].tag == "HYPH" or tokens[t.i + 1].tag == "HYPH")
           for t in tokens[start:head.i] if t.i > 0):
        return None  # "the seven-week production" is not "The week production"
    # "vice president" stays whole; "former" and "Major League Baseball" are left out;
    # "deputy principal" keeps "deputy" (a deputy is not the principal).
    nouns = [t.text for t in tokens[start:head.i] if (t.dep == "compound" or t.text.lower() in _RANK_WORDS
                                                       or t.text.lower() in _WHICH_ADJECTIVES)
             and t.text.islower()] + [head.text]
    if first.i < start and first.tag == "PRP$":
        return _capitalise(" ".join([first.text, *nouns]))  # "Her son"
    if first.i < start and first.tag == "DT" and first.text.lower() in ("the", "a", "an", "this", "that"):
        return " ".join(["The", *nouns])
    if first.i == start and head.i - start < 4 and not re.search(r"[()]", s[first.idx:head.end]):
        if first.text.lower() in _QUANTIFIERS or first.tag in ("RB", "RBR", "JJR") and first.i == 0:
            # ("Earlier police had made ...": an adverb the parser took into the subject)
            return None  # "Many people": "The many people" is not what the sentence said
        phrase = s[first.idx:head.end]
        verb = tokens[head.head]
        if head.tag == "NNS" and head.text.lower().endswith("s") and head.text.lower() not in _NUMBER_WORDS | {
                "police"} and (head.text.islower() or head.i == 0 and _common_plural(head.text.lower())) and (
                first.text.islower() or first.i == 0 and first.tag in ("NN", "NNS", "CD")) and (
                verb.tag == "VBD" or any(x.dep in ("aux", "auxpass") and x.text.lower() in ("was", "were", "had")
                                         for x in parse.children(tokens, verb))):
            # "Bombings at two mosques killed ... and wounded ...": the second sentence is about
            # the same bombings, "The bombings" (a bare "Bombings wounded" reads as any bombings).
            # Only in the past: "Alkaloids are made by ..." speaks of all of them.
            # (A capital adjective may be a name's: "Israeli officials" stays as it is.)
            return "The " + _lower_first(phrase)
        return _capitalise(phrase)  # "Police", "Israeli officials"
    return None


_RANK_WORDS = frozenset("deputy vice assistant associate acting interim co-".split())
# Adjectives that say which one or what kind: "The average aviator" is not "The aviator",
# "the other man" not "the man".
_WHICH_ADJECTIVES = frozenset("average typical median ordinary usual alleged suspected so-called would-be fake false "
                              "other same eldest oldest youngest elder older younger future late then outgoing "
                              "incoming".split())
_GROUP_PLURALS = frozenset("crowds bombings attacks airstrikes explosions blasts shootings raids experts investigators "
                           "rebels militants protesters protestors demonstrators residents witnesses researchers "
                           "scientists troops forces fans voters students teachers parents children passengers "
                           "villagers survivors victims firefighters rescuers prosecutors lawyers activists "
                           "critics analysts moves plans talks".split())


def _common_plural(word: str) -> bool:
    """Whether a capitalised plural opening a sentence is a common noun ("Bombings"), not
    a name ("Rollins", "Williams"), which the parser also tags NNS there: only a word we list.

    >>> _common_plural("bombings"), _common_plural("doctors"), _common_plural("rollins")
    (True, True, False)
    """
    return word in _GROUP_PLURALS or word in _EVENT_NOUNS or word[:-1] in PERSON_NOUNS


_QUANTIFIERS = frozenset("many several few most more numerous various countless some all both".split())
