"""Points that stand on their own: each key point carries its sentence's attribution (or
the one a running quotation carries over) and says who it is about, the pronoun or
description that attribution resolved replaced by the name. Quoted words are never
altered.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..attribution.quotations import closes_quote, opens_quote
from ..attribution.subjects import SubjectResolution
from ..models import Attribution, Sentence, Span
from .penalties import quoted_share
from .ranker import Attributions

_POSSESSIVES = frozenset({"his", "her", "its", "their"})
_CARRY_BACK = 3  # sentences a running quotation may reach back for its speaker


def attribution_for(index: int, sentences: Sequence[Sentence], attributions: Attributions) -> Attribution | None:
    """The attribution a point made of sentence ``index`` carries.

    Its own, when it has one: the first (the sentence's main one) that speaks for the
    point's main clause (see :func:`speaks_for_point`); none when all of them speak only
    for a clause inside it. Otherwise, when the sentence is a quotation that runs on from
    the sentences before (it shares a quotation with them, or it is mostly a quotation
    following a sentence whose attribution quotes), the attribution of the sentence that
    introduced it, marked ``carried_over`` and without spans (they point into that other
    sentence). A source is carried only onto words inside the quotation: the point is
    mostly quoted, the quotation closes at or after it, and no quotation closed between
    the introducing sentence and the point (a mispaired mark would otherwise carry a
    speaker onto the reporter's narrative). When unsure, no source: a wrong one is worse.
    """
    sentence = sentences[index]
    if attributions[index]:
        return next((a for a in attributions[index] if speaks_for_point(sentence, a)), None)
    if not sentence.quote_spans or quoted_share(sentence) < 0.5 or not _closes_at_or_after(index, sentences):
        return None
    current = sentence
    for back in range(index - 1, max(-1, index - 1 - _CARRY_BACK), -1):
        previous = sentences[back]
        if closes_quote(previous.text) and not opens_quote(current.text):
            return None  # the quotation closed before the point: these are not its words
        continues = bool(set(current.quotation_ids) & set(previous.quotation_ids))
        if attributions[back]:
            found = attributions[back][0]
            if continues or (found.quote and quoted_share(current) >= 0.5):
                # Its spans point into the sentence it was found in, not into this one.
                return replace(found, carried_over=True, source_span=None, cue_span=None)
            return None
        if not continues:
            return None
        current = previous
    return None


def _closes_at_or_after(index: int, sentences: Sequence[Sentence]) -> bool:
    """Whether the quotation of sentence ``index`` has its closing mark in this sentence
    or in one of the next few that continue it: both marks found, the point between."""
    ids = set(sentences[index].quotation_ids)
    for k in range(index, min(len(sentences), index + 1 + _CARRY_BACK)):
        s = sentences[k]
        if k > index and not ids & set(s.quotation_ids):
            return False
        if any(_is_mark(s.text[e - s.span[0] - 1 : e - s.span[0]]) for _, e in s.quote_spans
               if s.span[0] < e <= s.span[1]) or closes_quote(s.text):
            return True
    return False


def _is_mark(ch: str) -> bool:
    return bool(ch) and ch in "\"'”’»"


_SUBORDINATORS = frozenset(
    {"when", "while", "after", "before", "because", "as", "since", "if", "although", "though", "until",
     "unless", "once", "whenever", "whereas"}
)
_RELATIVES = frozenset({"who", "whom", "which", "that"})
# Subordinators that open a clause of their own before a participle or after a subject
# ("after learning", "when asked"); not "as" ("quoted as saying") nor "since".
_LINKS = _SUBORDINATORS - {"as", "since"}
# Words between a relative pronoun and its verb: "who also said", "which had claimed"
_SKIPPED = frozenset({"also", "reportedly", "later", "then", "has", "had", "have", "once", "previously",
                      "allegedly", "repeatedly", "publicly", "first", "now"})
_WORD = re.compile(r"[\w’'.-]+")
# "grilled Morrison about his testimony", "pressed him on": an interrogation, no words
# reported ("questioned", "asked" and "quizzed" are questions in any case: see _ASKING)
_QUESTIONING = re.compile(
    r"^(?:grill|interview|interrogat|press)\w*\s+"
    r"(?:him|her|them|me|us|(?:[A-Z][\w’'.-]*\s+){1,3})\s*(?:about|over|on|regarding)\b"
)
# "wanted to share", "plans to sell", "wants Fletcher to be his voice": an intention, not
# words reported (the reporter's account of a wish)
_INTENTION = re.compile(
    r"^(?:want|wish|hope|plan|intend)\w*\s+(?:(?:him|her|them|us|me|it|[A-Z][\w’'.-]*)\s+){0,3}to\b", re.IGNORECASE
)
_COORDINATED = re.compile(r"\b[A-Z][\w’'.-]*\s+(?:and|or|&)\s+$")
# "asked her if she was on medication", "wondered whether": a question claims nothing
_ASKING = re.compile(r"^(?:ask|question|quiz|quer|wonder|inquir|enquir)", re.IGNORECASE)
# "found a love so strong" is no finding; a finding reports a clause ("found that ...",
# "found he had") or comes from a body whose findings are its business
_FINDING = re.compile(r"^(?:find|finds|found|finding)$", re.IGNORECASE)
_FINDER_NOUNS = (r"stud(?:y|ies)|reports?|surveys?|polls?|investigations?|inquir(?:y|ies)|reviews?|research|"
                 r"researchers?|scientists?|experts?|police|analys[ie]s|audits?|tests?|trials?|probes?")
_FINDERS = re.compile(rf"\b(?:{_FINDER_NOUNS})\b", re.IGNORECASE)
# "revealed the second model", "unveiled a car", "launched a range": an act with a plain
# object, no report; a report reveals a clause ("revealed that ...", "revealed he had")
# or comes from a body whose revelations are its business (documents, a study, police)
_REVEALING = re.compile(r"^(?:reveal|unveil|launch|show(?:s|ed|ing)?\s+off|showcas)\w*", re.IGNORECASE)
_REVEALERS = re.compile(rf"\b(?:{_FINDER_NOUNS}|documents?|files?|papers?|records?|data)\b", re.IGNORECASE)
# Objects that make "revealed" an announcement: "revealed plans to", "revealed details of"
_ANNOUNCED = re.compile(r"\b(?:plans?|details?|figures?|news|intentions?|proposals?|results?|findings?|"
                        r"decision|identity|names?|reasons?|secrets?|allegations?|claims?)\b")
# "dismissed a chest X-ray as normal" judges a thing; "dismissed the claims as lies"
# answers words, which is a report
_DISMISSING = re.compile(r"^dismiss\w*\s+([^,.;:!?]{1,60}?)\s+as\b", re.IGNORECASE)
_SAID_THINGS = re.compile(
    r"\b(?:claims?|allegations?|accusations?|reports?|suggestions?|criticism|rumou?rs?|comments?|remarks?|"
    r"idea|concerns?|fears?|speculation|charges?|questions?|calls?|warnings?|statements?|stor(?:y|ies))\b",
    re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_CLAUSE_OPENERS = frozenset({"that", "he", "she", "they", "we", "i"})
# Words that end a clause's subject and start its verb: a source ending in one is a scrap
# of the sentence ("The move follows"), not a noun phrase
_VERB_ENDS = frozenset({"follows", "followed", "comes", "came", "means", "meant", "shows", "showed", "seems",
                        "seemed", "appears", "appeared", "remains", "remained", "is", "was", "are", "were", "has",
                        "had", "have", "will", "would", "could", "can", "may", "might", "should", "must", "did",
                        "does", "do", "says", "said", "adds", "added", "becomes", "became", "marks", "raises"})
# Words before an -ing word that make it a modifier of the next noun ("in demanding jobs",
# "the warning signs"), not a verb of the clause
_MODIFIER_LEADS = frozenset({"in", "of", "for", "with", "on", "at", "from", "by", "into", "the", "a", "an", "some",
                             "any", "many", "these", "those", "this", "his", "her", "its", "their", "our", "my",
                             "your", "more", "most", "such"})
# Main verbs that show someone else doing something: a participle after their object
# (", declaring ...") is the object's act, not the subject's ("a video featured voters ...,
# declaring"); after other verbs ("defended the party, saying") it stays the subject's
_SHOWING = re.compile(r"^(?:featur|show|depict|pictur|captur|film|record|saw|see|hear|heard|watch|includ|star|"
                      r"portray|display|present)", re.IGNORECASE)


def speaks_for_point(sentence: Sentence, attribution: Attribution) -> bool:
    """Whether ``attribution`` (found in ``sentence``) may be shown as the source of a point
    made of the whole sentence.

    Not when its cue sits in a clause inside the sentence, an adverbial clause ("When police
    asked her to leave, she refused": the police are no source of her refusal) or a
    relative clause ("lawyers representing a woman who claims ... have filed"), unless the
    clause is a closing comment on the main clause (", as police said."); not when the
    verb reports no words ("questioned Morrison about his testimony", "wanted to
    share"); not when the source is part of a coordinated subject ("Heidi and Maryellen
    Olson": the whole or nothing). The attribution stage keeps all of them (they are
    attributions of their clause); only the point's displayed source drops them.

    >>> s = Sentence(0, "When police asked her to leave, she refused.", (0, 44), 0)
    >>> speaks_for_point(s, Attribution("police", "asked", source_span=(5, 11), cue_span=(12, 17)))
    False
    >>> s = Sentence(0, "The economy shrank, as the minister predicted.", (0, 46), 0)
    >>> speaks_for_point(s, Attribution("the minister", "predicted", source_span=(23, 35), cue_span=(36, 45)))
    True
    >>> s = Sentence(0, "Coe stepped in after learning she needed a donor.", (0, 49), 0)
    >>> speaks_for_point(s, Attribution("Coe", "learning", source_span=(0, 3), cue_span=(22, 30)))
    False
    >>> s = Sentence(0, "Republicans questioned Morrison about his testimony.", (0, 52), 0)
    >>> speaks_for_point(s, Attribution("Republicans", "questioned", source_span=(0, 11), cue_span=(12, 22)))
    False
    """
    if attribution.cue_span is None or attribution.source_span is None:
        return True
    start = sentence.span[0]
    text = sentence.text
    c_start, c_end = attribution.cue_span[0] - start, attribution.cue_span[1] - start
    s_start, s_end = attribution.source_span[0] - start, attribution.source_span[1] - start
    if not (0 <= c_start < c_end <= len(text) and 0 <= s_start < s_end <= len(text)):
        return True
    after = text[c_start:]
    if _QUESTIONING.match(after) or _INTENTION.match(after) or _ASKING.match(after):
        return False
    source_words = _WORD.findall(text[s_start:s_end])
    if len(source_words) > 1 and (source_words[-1].lower() in _VERB_ENDS or
                                  source_words[-1].lower() in _PRONOUNS):
        return False  # "The move follows", "any tools and he": a scrap of the sentence, not a noun phrase
    if s_start > 0 and _last_word(text[:s_start]) in ("and", "but") and \
            _WORD.findall(text[:s_start])[-2:][0][:1].islower():
        return False  # "... asked her if she was ill and she replied": the cue speaks for its half only
    cue_words = _WORD.findall(text[c_start:c_end])
    following = [w.lower() for w in _WORD.findall(text[c_end:])]
    if len(cue_words) == 1 and _FINDING.match(cue_words[0]) and not _FINDERS.search(text[s_start:s_end]) \
            and not (following and following[0] in _CLAUSE_OPENERS):
        return False  # "one couple found a love so strong": no finding reported
    if _REVEALING.match(text[c_start:]) and any(w[:1].isalnum() for w in following) and not _REVEALERS.search(text[s_start:s_end]) \
            and not (following[0] in _CLAUSE_OPENERS or _is_name(text[c_end:])) \
            and not _ANNOUNCED.search(" ".join(following[:4])):
        return False  # "Audi has revealed the second production model": an act, not a report
    dismissed = _DISMISSING.match(text[c_start:])
    if dismissed and not _SAID_THINGS.search(dismissed.group(1)):
        return False  # "a radiologist dismissed a chest X-ray as normal": a judgement of a thing
    lead = [w.lower() for w in _WORD.findall(text[:c_start])]
    while lead and lead[-1] in _SKIPPED:
        lead.pop()
    if lead and lead[-1] in _LINKS and text[:c_start].rstrip()[-1:].isalpha():
        return False  # "stepped in ... after learning she was desperate": the cue opens a clause of its own
    ing = len(cue_words) == 1 and cue_words[0].lower().endswith("ing")
    if ing and lead and lead[-1] in _MODIFIER_LEADS and text[:c_start].rstrip()[-1:].isalpha() \
            and following and following[0].isalpha() and following[0] != "that":
        return False  # "officers in demanding jobs": the -ing word describes a noun
    if ing and s_start < c_start:
        # ", declaring ...": "a video featured people — adults, children — declaring" is the people's act
        between = [w.lower() for w in _WORD.findall(text[s_end:c_start]) if w.lower() not in _SKIPPED]
        if len(between) > 1 and _SHOWING.match(between[0]):
            return False
    if s_start < c_start:  # the source before its cue: "police asked", "who claims"
        if _COORDINATED.search(text[:s_start]):
            return False
        if (attribution.resolved_from or "").strip().lower() in _RELATIVES or \
                text[s_start:s_end].strip().lower() in _RELATIVES:
            return False
        between = [w.lower() for w in _WORD.findall(text[s_end:c_start])]
        if between and (between[-1] in ("who", "which") or between[0] in ("who", "which")
                        and all(w in _SKIPPED for w in between[1:])):
            return False  # "a woman who claims", "Smith, who also said"
        if after[:1].islower() and _WORD.findall(after)[0].lower().endswith("ing") and any(
                w.lower() in _LINKS for w in _WORD.findall(text[s_end:c_start])):
            # "They spoke out after images were published of a jihadist ... – claiming":
            # the participle may belong to the clause in between; unsure, so none
            return False
        opener = _last_word(text[:s_start])
        if opener not in _SUBORDINATORS and _subordinator_before(text[:s_start]):
            return False  # "after leaked documents revealed ...": the cue is in the adverbial clause
        if opener in ("which", "who", "whom"):
            return False  # "the contribution which Brand Finance estimates at £1.5bn": a relative clause
        if opener in _SUBORDINATORS:
            rest = _WORD.findall(text[c_end:])
            return opener == "as" and len(rest) <= 4 and "that" not in rest
    return True


def _is_name(text: str) -> bool:
    """Whether ``text`` opens with a capitalised word that is not a sentence's first word
    in disguise ("The", "A"): a name, the subject of a reported clause ("revealed Smith had")."""
    match = re.match(r"\s*([A-Z][\w’'.-]*)", text)
    return bool(match) and match.group(1).lower() not in {"the", "a", "an", "this", "that", "these", "those"}


def _subordinator_before(text: str) -> bool:
    """Whether ``text`` (the sentence before a source) ends in a clause link and up to three
    modifiers of the source, with no comma, dash or verb between them ("... after leaked",
    "when the new"): the source is then the subject of an adverbial clause.

    >>> _subordinator_before("Gulliver was forced to defend his finances after leaked ")
    True
    >>> _subordinator_before("After the vote, ")
    False
    >>> _subordinator_before("He left after the meeting ended and ")
    False
    """
    clause = re.split(r"[,;:—–()\"“”]", text)[-1]
    words = [w.lower() for w in _WORD.findall(clause)]
    # not "as": "As early retiree Steve Adcock wrote, ..." introduces the writer's own words
    for k in range(1, 4):
        if len(words) <= k:
            break
        between = words[-k:]
        if any(w in _VERB_ENDS or w in ("and", "but", "or") or w in _SUBORDINATORS for w in between):
            break
        # the source may sit a few modifiers after the clause's link ("after leaked documents revealed")
        if words[-k - 1] in _SUBORDINATORS - {"as"}:
            return True
    return False


def _last_word(text: str) -> str | None:
    """The last word of ``text`` when nothing but spaces follows it (no comma: a clause
    closed by a comma does not open the next one)."""
    match = re.search(r"([A-Za-z]+)\s*$", text)
    return match.group(1).lower() if match else None


def apostrophe_of(text: str) -> str:
    """The apostrophe the article uses: curly (’) unless straight ones (') are more common.

    >>> apostrophe_of("Musk’s firm isn’t")
    '’'
    >>> apostrophe_of("Musk's firm")
    "'"
    """
    return "'" if text.count("'") > text.count("’") else "’"


def name_source(text: str, start: int, attribution: Attribution | None,
                quote_spans: Sequence[Span] = (), apostrophe: str = "’", previous: str = "") -> str:
    """``text`` (a sentence at offset ``start`` of the article) with the pronoun or description
    that ``attribution`` resolved replaced by the source's name.

    Nothing changes unless the attribution was resolved (``resolved_from`` set) and its
    ``source_span`` lies in this sentence, holds exactly the ``resolved_from`` words and
    touches no quotation: quoted words are never altered. Possessives become the name
    with the article's apostrophe. Nothing changes either when the sentence names the source
    already (in full or by surname: the name would be given twice), or when the words are a
    description ("The agency") and ``previous``, the point before, names it: the article's
    words read on from there.

    >>> a = Attribution("Elon Musk", "said", resolved_from="He", source_span=(100, 102))
    >>> name_source("He said: “Nothing could be further from the truth.”", 100, a)
    'Elon Musk said: “Nothing could be further from the truth.”'
    >>> b = Attribution("Elon Musk", "read", resolved_from="His", source_span=(10, 13))
    >>> name_source("His response read: “You have said the actual truth”.", 10, b, apostrophe="'")
    "Elon Musk's response read: “You have said the actual truth”."
    >>> c = Attribution("Elon Musk", "said", resolved_from="he", source_span=(6, 8))
    >>> name_source("“No,” he said.", 0, c, quote_spans=((1, 4),))
    '“No,” Elon Musk said.'
    >>> name_source("“He is wrong,” she said.", 0, c, quote_spans=((1, 13),))
    '“He is wrong,” she said.'
    >>> d = Attribution("the Center for Countering Digital Hate", "found", resolved_from="They", source_span=(0, 4))
    >>> name_source("They found that 196 of the posts stayed up.", 0, d)
    'The Center for Countering Digital Hate found that 196 of the posts stayed up.'
    >>> e = Attribution("Julie Graham", "said", resolved_from="she", source_span=(21, 24))
    >>> name_source("Julie Graham, an aide, she said no.", 0, e)
    'Julie Graham, an aide, she said no.'
    """
    if attribution is None or not attribution.resolved_from or attribution.source_span is None:
        return text
    s_start, s_end = attribution.source_span[0] - start, attribution.source_span[1] - start
    if not 0 <= s_start < s_end <= len(text):
        return text
    written = text[s_start:s_end]
    if written.strip().lower() != attribution.resolved_from.strip().lower():
        return text
    if any(q_start < attribution.source_span[1] and attribution.source_span[0] < q_end for q_start, q_end in quote_spans):
        return text
    if _already_named(text[:s_start] + " " + text[s_end:], attribution.source) or (
            written.strip().lower() not in _PRONOUNS | _POSSESSIVES and _already_named(previous, attribution.source)):
        return text  # the name is in the point already, or the description follows its name: no double
    at_start = not text[:s_start].strip(" \"'“‘([")
    return _put_name(text[:s_start], attribution.source, text[s_end:], at_start,
                     written.strip().lower() in _POSSESSIVES, apostrophe)


def _already_named(text: str, name: str) -> bool:
    """Whether ``text`` holds ``name`` in full or by its last word, when that is capitalised
    (a surname: "Alexander" for "Derrell Alexander").

    >>> _already_named("Alexander believes it, he told the paper.", "Derrell Alexander")
    True
    >>> _already_named("The agency said so.", "European Space Agency")
    False
    """
    if not text or not name.strip():
        return False
    if name.strip().lower() in text.lower():
        return True
    last = name.split()[-1].strip("’'.,")
    return len(name.split()) > 1 and last[:1].isupper() and len(last) > 2 and \
        re.search(rf"\b{re.escape(last)}\b", text) is not None


def _put_name(before: str, name: str, after: str, at_start: bool, possessive: bool, apostrophe: str) -> str:
    """``before + name + after``, the name shaped for its place: capitalised at the start
    of the sentence, "the ..." inside it, and with the apostrophe for a possessive.

    >>> _put_name("But ", "The Met Police", " visit.", False, True, "’")
    'But the Met Police’s visit.'
    """
    if at_start:
        name = name[:1].upper() + name[1:]
    elif name.startswith("The "):
        name = "the" + name[3:]
    if possessive:
        name += apostrophe if name.endswith("s") else apostrophe + "s"
    return before + name + after


_LEADING_AND = re.compile(r"^And,?\s+$")


def name_subject(text: str, start: int, subject: SubjectResolution | None,
                 quote_spans: Sequence[Span] = (), apostrophe: str = "’") -> str:
    """``text`` (a sentence at offset ``start`` of the article) with its opening subject,
    a pronoun or description that :func:`briefing.attribution.attribute.resolve_subjects` resolved,
    replaced by the name, so the point says who it is about out of context.

    A leading "And" goes with it: it only links to the sentence before, which the point
    lacks. "But", "However" and the like stay: they mark the point as a reply or a
    contrast (a denial, a setback), which is part of what it says. A description that
    holds a number ("The 52-year-old") stays as written: the number is a fact the
    name would lose. Nothing changes when the words at ``subject.span`` are not the
    resolved words, or touch a quotation. Possessives take the article's apostrophe.

    >>> he = SubjectResolution("Elon Musk", "he", (4, 6), "pronoun")
    >>> name_subject("And he has been accused of sharing anti-Semitic content himself.", 0, he)
    'Elon Musk has been accused of sharing anti-Semitic content himself.'
    >>> boss = SubjectResolution("Elon Musk", "The tech boss", (10, 23), "description")
    >>> name_subject("The tech boss has come under fire.", 10, boss)
    'Elon Musk has come under fire.'
    >>> but = SubjectResolution("Elon Musk", "his", (4, 7), "pronoun")
    >>> name_subject("But his visit went ahead.", 0, but, apostrophe="'")
    "But Elon Musk's visit went ahead."
    >>> age = SubjectResolution("Elon Musk", "The 52-year-old", (0, 15), "description")
    >>> name_subject("The 52-year-old met Herzog.", 0, age)
    'The 52-year-old met Herzog.'
    >>> name_subject("“He is wrong,” she said.", 0, SubjectResolution("Elon Musk", "He", (1, 3), "pronoun"), ((1, 13),))
    '“He is wrong,” she said.'
    """
    if subject is None or any(c.isdigit() for c in subject.words):
        return text
    s_start, s_end = subject.span[0] - start, subject.span[1] - start
    if not 0 <= s_start < s_end <= len(text) or text[s_start:s_end] != subject.words:
        return text
    if any(q_start < subject.span[1] and subject.span[0] < q_end for q_start, q_end in quote_spans):
        return text
    if _already_named(text[:s_start] + " " + text[s_end:], subject.name):
        return text  # the name is in the sentence already: it would be given twice
    before = text[:s_start]
    if _LEADING_AND.match(before):
        before = ""
    return _put_name(before, subject.name, text[s_end:], not before.strip(),
                     subject.words.lower() in _POSSESSIVES, apostrophe)


def source_overlaps(attribution: Attribution | None, span: Span) -> bool:
    """Whether the attribution's source is the subject itself (named, or left as written)."""
    if attribution is None or attribution.source_span is None:
        return False
    return attribution.source_span[0] < span[1] and span[0] < attribution.source_span[1]
