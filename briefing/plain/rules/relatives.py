"""Relative clauses made sentences of their own: a non-restrictive ", who" / ", which" /
", where" clause (``split:relative:WORD``), and a "who" / "that" clause on an indefinite noun
at the end of a long sentence (``split:restrictive:WORD``).
"""

from __future__ import annotations

import re
from typing import Iterator

from .clauses import MIN_PART_WORDS, _clause_end, _has_verb, _is_clause, _long, _reported_at, _split_all, _unreal_at
from .mentions import _again, _antecedent, _is_particle, _is_person_name, _names_people, _second_mention
from .splits import _split_attributed
from .tails import _ends_with_source, _tail
from .text import _Context, _capitalise, _end_sentence, _inside_quote, _word_count, _words
from .word_classes import _BE, DETERMINERS, FINITE_VERBS, _NUMBER_WORDS, _PAST_FORMS, PREPOSITIONS, PRONOUNS
from .. import parse
from ..faithful import CALENDAR_NAMES, STOP_WORDS


def _rule_relative(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all(sentences, _split_relative)


# Verbs whose "which" is mostly the whole event before it, not the last noun.
_EVENT_VERBS = frozenset("led leads lead caused causes resulted results prompted prompts sparked sparks "
                         "triggered triggers angered angers".split())
# (not "left", "made", "gave", "drew": "the scientific literature, which left little doubt" is the literature's)
_TIME_NOUNS = CALENDAR_NAMES | frozenset("today yesterday tomorrow week weeks month months year years decade "
                                          "decades day days night morning evening afternoon weekend".split())
# Adverbs that may stand between "which" and its verb ("which later became ...").
_VERB_ADVERBS = frozenset("later now still also then today often usually eventually soon once never "
                          "always sometimes again first".split())


def _starts_predicate(words: list[str]) -> bool:
    """Whether the words after ", who" / ", which" open with its verb (a quick test before
    the parser: a known finite verb, a past form, a third-person "-s" form, or an adverb
    before one), rather than a subject of its own ("which he said ...").

    >>> _starts_predicate(["creates", "a", "field"]), _starts_predicate(["later", "became", "known"])
    (True, True)
    >>> _starts_predicate(["he", "said"]), _starts_predicate(["his", "father", "built"]), _starts_predicate(["creates"])
    (False, False, False)
    """
    first = words[0].lower()
    if first in FINITE_VERBS or first.endswith("ed") or first in _PAST_FORMS:
        return True
    if first.endswith("s") and not first.endswith(("ss", "us", "is", "ous")) and len(first) > 3 \
            and first not in DETERMINERS and first not in PRONOUNS and words[1:2] != [] \
            and words[1].lower() not in FINITE_VERBS:
        return True  # "which means ...", "who owns ..."
    if first.endswith("ly") or first in _VERB_ADVERBS:
        return len(words) > 2 and _starts_predicate(words[1:])
    return False


_TO_PLACE = frozenset("in at to into near from".split())
_PLACE_NOUNS = frozenset("city town village country area region state island river lake coast school college "
                         "university house home hospital prison camp church capital port valley".split())


def _relative_marks(s: str, words: str) -> Iterator[tuple[re.Match, int, str, str]]:
    """Each ", WORD " (``words``: a regex alternation such as "who|which") outside a
    quotation that has a noun phrase before it: the match, the phrase's start, the phrase,
    and the lowercase word before the phrase ("" at the start)."""
    for m in re.finditer(rf",\s+({words})\s+", s):
        if _inside_quote(s, m.start()):
            continue
        found = _antecedent(s, m.start())
        if found:
            before = _words(s[: found[0]])[-1:]
            yield m, found[0], found[1], before[0].lower() if before else ""


def _relative_clause_end(s: str, m: re.Match) -> int | None:
    """Where the parser ends the relative clause opened by ``m`` (", who/which ...",
    " who/that ..."), as a character offset; None when the parser puts the clause on
    another noun than the one just before it, or the clause's verb disagrees in number
    with that noun ("5,319 square kilometres that straddles ..." is the area's clause).

    >>> s = "The video of the encounter Friday, which contradicted her son's claims, was released by police."
    >>> _relative_clause_end(s, re.search(", (which) ", s)) is None
    True
    >>> s = "Rescuers found the child in the car, which had crashed into a cold river."
    >>> s[_relative_clause_end(s, re.search(", (which) ", s)):]
    '.'
    >>> s = "It is an area of 5,319 square kilometres that straddles the border."
    >>> _relative_clause_end(s, re.search(" (that) ", s)) is None
    True
    """
    tokens = parse.parse(s)
    noun = parse.token_ending_at(tokens, m.start())
    pronoun = parse.token_at(tokens, m.start(1))
    if noun is None or pronoun is None:
        return None
    verb = tokens[pronoun.head]
    if verb.tag == "VBZ" and noun.tag in ("NNS", "NNPS") or verb.tag == "VBP" and noun.tag in ("NN", "NNP"):
        return None
    for t in tokens:
        if t.dep == "relcl" and t.left == pronoun.i and t.head == noun.i:
            return tokens[t.right].end
    return None


def _split_where(s: str, trace: list[str]) -> list[str] | None:
    """"He moved to Paris, where he studied art." -> "He moved to Paris. There he studied
    art." Only after a place: a noun for one ("the town, where ..."), or a name after
    "in", "at", "to", "into", "near" or "from" (not "a meeting with Judge X, where ...").

    >>> _split_where("In 1990 the family moved to Paris, where the young Ana studied art for six years.", [])
    ['In 1990 the family moved to Paris.', 'There, the young Ana studied art for six years.']
    >>> _split_where("The plan failed in the end, where the company lost money on every sale it made.", []) is None
    True
    """
    for m, np_start, np, before in _relative_marks(s, "where"):
        noun = np.split()[-1]
        if not (noun.lower() in _PLACE_NOUNS or (noun[0].isupper() and before in _TO_PLACE)):
            continue  # "a meeting with Judge Granville, where ...": a person is not a place
        if _reported_at(s, np_start) or _unreal_at(s, np_start):
            continue  # "authorities said one shooting was at Fort Meade, where ...": theirs to report
        close = _clause_end(s, m.end())
        clause = s[m.end():close].strip()
        if re.search(r"\bwhere\b", clause):
            continue  # "in Libya, where X and where Y": the second "where" would dangle
        if not _is_clause(clause) or close < len(s.rstrip(".!?…”\" ")):
            continue  # only a clause that ends the sentence: nothing of the main clause is left after it
        main = _end_sentence(s[: m.start()].strip())
        # "There, ..." with its comma: a bare "There Israeli Prime Minister ... spoke" first reads as "there is"
        new = _end_sentence(f"There, {clause}")
        if _word_count(main) < MIN_PART_WORDS or _word_count(new) < 4:
            continue
        trace.append("split:relative:where")
        return [main, new]
    return None


def _split_whose(s: str, trace: list[str]) -> list[str] | None:
    """A non-restrictive ", whose NOUN VERB ..." clause becomes a sentence about the
    noun before it, in the possessive: "The fighter, whose real name is Pedro Ramirez,
    was left ..." -> "The fighter was left .... The fighter's real name is Pedro Ramirez."
    Only when "whose NOUN" is the clause's subject and the parser gives the clause to the
    noun just before the comma, ending where the comma-delimited clause ends.

    >>> _split_whose("The lucha libre fighter, whose real name is Pedro Aguayo Ramirez, was left slumped "
    ...              "against the ropes after a kick.", [])
    ['The lucha libre fighter was left slumped against the ropes after a kick.', "The lucha libre fighter's real name is Pedro Aguayo Ramirez."]
    >>> _split_whose("She finished ahead of the overall leader Tina Maze, whose coach set up the course.", [])
    ['She finished ahead of the overall leader Tina Maze.', "Maze's coach set up the course."]
    >>> _split_whose("He praised the report, whose findings he said were clear, on Monday.", []) is None
    True
    """
    for m, np_start, np, before in _relative_marks(s, "whose"):
        if _antecedent_refused(s, m, np_start, np, before) or _reported_at(s, np_start) or _unreal_at(s, np_start):
            continue
        tokens = parse.parse(s)
        noun = parse.token_ending_at(tokens, m.start())
        whose = parse.token_at(tokens, m.start(1))
        if noun is None or whose is None or whose.dep != "poss":
            continue
        owned = tokens[whose.head]
        verb = tokens[owned.head]
        if owned.dep not in ("nsubj", "nsubjpass") or verb.dep != "relcl" or verb.head != noun.i \
                or verb.left != whose.i:
            continue  # "whose findings he said were clear": not the clause's subject, or another noun's clause
        close = _clause_end(s, m.end())
        if tokens[verb.right].end != close:
            continue
        clause = s[m.end():close].strip()
        if re.search(r"\b(?:and|or|but)\s+whose\b", clause) or re.search(r",[\"”]", clause):
            continue
        tail = s[close:].lstrip(", ")
        coordinated = re.match(r"(and|but)\s+(.+)$", tail)
        rest = _main_and_after(s, m, np_start, np, close, tail, coordinated)
        if rest is None or rest[1]:
            continue
        owner = _second_mention(np)
        owner = owner + ("'" if owner.endswith("s") else "'s")
        main, new = _end_sentence(rest[0].strip()), _end_sentence(f"{owner} {clause}")
        if _word_count(main) < MIN_PART_WORDS or _word_count(new) < 4:
            continue
        trace.append("split:relative:whose")
        return [_capitalise(main), new]
    return None


# A relative clause set off by dashes instead of commas: " -- who ... -- ", or " -- which ...." at the end.
_DASH_RELATIVE_RE = re.compile(r" (--|–|—|-) (who|which|whose) ([^,;:\"“”()]+?)(?: \1 (?=[a-z])|(?=[.!?]$))")


def _split_dash_relative(s: str, trace: list[str]) -> list[str] | None:
    """A relative clause between dashes (or after a dash at the end) is split as the same
    clause between commas would be, with every guard of :func:`_split_relative`; None when
    that split does not take the clause out, or the clause holds a comma or another dash.

    >>> _split_dash_relative("Singer Beck -- who ruled the Grammys with three wins -- will sing at the show in May.", [])
    ['Singer Beck will sing at the show in May.', 'Beck ruled the Grammys with three wins.']
    >>> _split_dash_relative("The doll Lammily - who was created as an antidote to Barbie - is being used to teach us.", [])
    >>> _split_dash_relative("The campaign is aimed at protecting the tourism industry -- which is critical to the economy.", [])
    ['The campaign is aimed at protecting the tourism industry.', 'The tourism industry is critical to the economy.']
    """
    m = _DASH_RELATIVE_RE.search(s)
    if m is None or _inside_quote(s, m.start()) or re.search(r"--|–|—| - ", m.group(3)):
        return None
    closing = not m.group(0).endswith(m.group(3))
    if not closing and _DASH_RELATIVE_RE.search(s, m.end()):
        return None
    commas = f"{s[:m.start()]}, {m.group(2)} {m.group(3)}{', ' if closing else ''}{s[m.end():]}"
    inner: list[str] = []
    parts = _split_relative(commas, inner)
    if len(parts) == 1 or any(f", {m.group(2)} {m.group(3)}" in p for p in parts):
        return None  # the clause stayed: the sentence stays as written, dashes and all
    trace.extend(inner)
    return parts


def _split_relative(s: str, trace: list[str]) -> list[str]:
    """Non-restrictive ", who" / ", which" clauses become their own sentence.

    >>> _split_relative("Elon Musk, who is 52 and lives in Texas, said he would visit Israel next week.", [])
    ['Elon Musk said he would visit Israel next week.', 'Musk is 52 and lives in Texas.']
    >>> _split_relative("Beck, who ruled the Grammys with three wins, including album of the year, will sing at the show.", [])
    ['Beck will sing at the show.', 'Beck ruled the Grammys with three wins, including album of the year.']
    >>> _split_relative("Craddock, who redefined the art of preaching, died Friday in Blue Ridge, Georgia.", [])
    ['Craddock died Friday in Blue Ridge, Georgia.', 'Craddock redefined the art of preaching.']
    >>> _split_relative("Huskins, who was kidnapped in Vallejo, California, has been found safe far away.", [])
    ['Huskins, who was kidnapped in Vallejo, California, has been found safe far away.']
    """
    if not _long(s):
        return [s]
    if _ends_with_source(s):
        # "..., which lasted until Friday, Cayman 27 reported.": each sentence keeps the source
        return _split_attributed(s, trace, _split_relative) or [s]
    where = _split_where(s, trace)
    if where:
        return [*_split_relative(where[0], trace), where[1]]
    whose = _split_whose(s, trace)
    if whose:
        return [*_split_relative(whose[0], trace), whose[1]]
    dashed = _split_dash_relative(s, trace)
    if dashed:
        return dashed
    for m, np_start, np, before in _relative_marks(s, "who|which"):
        if _antecedent_refused(s, m, np_start, np, before):
            continue
        close = _clause_end(s, m.end())
        if re.match(r",\s+(?:including|such as)\s", s[close:]):
            close = _clause_end(s, close + 1)  # "who ruled the Grammys with three wins, including album of the
            # year, will sing": the example is the clause's own (the parser must agree, below)
        if _relative_clause_refused(s, m, np_start, close):
            continue
        clause = s[m.end():close].strip()
        words = _words(clause)
        tail = s[close:].lstrip(", ")
        coordinated = re.match(r"(and|but)\s+(.+)$", tail)
        if _relative_tail_refused(m, np, before, clause, tail, coordinated):
            continue
        rest = _main_and_after(s, m, np_start, np, close, tail, coordinated)
        if rest is None:
            continue
        main, after = rest  # the main clause, and sentences that come after the clause's own
        if m.group(1) == "who" and (re.search(r"\band\b|&", np) or "and" in [w.lower() for w in _words(s[:np_start])[-3:]]):
            continue  # "A and B, who led ...": both, or only B?
        subject = _relative_subject(m, np_start, np, before, words)
        if subject is None:
            continue
        new = _end_sentence(f"{subject} {clause}")
        main = _end_sentence(main.strip())
        if _word_count(main) < MIN_PART_WORDS or _word_count(new) < 3:
            continue
        trace.append(f"split:relative:{m.group(1)}")
        return [*_split_relative(_capitalise(main), trace), new, *(p for a in after for p in _split_relative(a, trace))]
    return [s]


def _antecedent_refused(s: str, m: re.Match, np_start: int, np: str, before: str) -> bool:
    """Whether the noun phrase ``np`` (at ``np_start``, after the word ``before``) is not
    the one the ", who" / ", which" clause of ``m`` is about, or not one a new sentence
    can name again: a time, part of a longer name, one of a pair, a place after a
    preposition, a phrase rather than a noun."""
    if m.group(1) == "who" and not np[0].isupper() and np.split()[0].lower() not in DETERMINERS:
        return True
    if m.group(1) == "who" and not np[0].isupper() and not _names_people(np.split()[-1]):
        return True  # "many around the continent, who found ...": not the continent
    if s[:np_start].endswith(("#", "@")):
        return True  # a hashtag or handle is not a noun phrase to name again
    if re.search(r"\w[\"”’']?,[\"”’']?\s+(?:another|one|a|an)\s[^,]*$", s[:np_start]):
        return True  # '"Maleficent," another take on the classic fairy tale, which featured Jolie': the clause
        # may be about the name the appositive describes, not the noun inside it
    if re.search(r"\b(?:including|such as|like|among them|especially|notably|particularly)\s*$", s[:np_start]):
        return True  # "the fanatics, including British Muslims, who have swept ...": the clause may be the fanatics'
    if np.split()[-1].lower() in _TIME_NOUNS or any(w in CALENDAR_NAMES or w.lower() in _TIME_NOUNS
                                                     for w in np.split()):
        return True  # "on Saturday, which could clear the way": the clause is about the event; "the order
        # Thursday for Scott County, which": not "Thursday for Scott County has ..."
    if m.group(1) == "which" and (before in ("of", "from") or " of " in f" {np} " or _is_person_name(np) or any(
            t.tag == "VBG" and t.dep in ("acl", "advcl", "xcomp") for t in parse.parse(s)
            if np_start <= t.idx < np_start + len(np))):
        return True  # "the diplomacy of his presidency, which has bound ...": the diplomacy's, likely; "the
        # scene gathering evidence, which included": a phrase, not a noun; "photographer Kent Baker,
        # which documents": a person's "which" is the book's
    if s[:np_start].rstrip().endswith(","):
        # "the list of pilots, a handful over two decades, who ...": an appositive's noun; but "From
        # the age of 12, Amy, who ...": the main clause's subject after a phrase in front, whose words
        # (a preposition, a number) say nothing of the noun
        return not _after_fronted_phrase(s, np_start, np)
    if s[:np_start].rstrip()[-1:] in ("/", "-", "&") or (before and _words(s[:np_start])[-1][:1].isupper()
                                                         and before not in STOP_WORDS):
        return True  # "The USC Dornsife/Los Angeles Times Daybreak tracking poll": only part of the name
    if before in ("and", "or"):
        return True  # "Huskins and her boyfriend Quinn, who ...": both, or only Quinn?
    if before in ("that", "which", "whom"):
        return True  # "the struggle that Molaverdi, who ..., and many others are waging": inside another clause
    person = m.group(1) in ("who", "whose") and _ends_with_person_name(np) and not _is_particle(before)
    # ("Hijo del Perro Aguayo, who": "del" is part of the name, which the phrase found leaves out)
    if np[0].isupper() and before and before[0].islower() and not person:
        # (a person's name after a lowercase word, with "who": the word is a role, "CNN correspondent
        # Shasta Darlington, who lives ...", and the name alone still says whom)
        modifier = parse.token_ending_at(parse.parse(s), len(s[:np_start].rstrip()))
        if modifier is not None and modifier.dep in ("amod", "compound", "nmod", "npadvmod", "nummod") \
                and not _names_people(modifier.text):  # ("striker Bafetimbi Gomis, who": a role)
            return True  # "mainly Muslim west Beirut, which ...": "Beirut" alone would widen the claim
    if before in PREPOSITIONS and (any(w[0].isupper() for w in np.split()) or np.split()[0].lower() not in DETERMINERS) \
            and not (person and before in _PERSON_PREPOSITIONS):
        return True  # "a school in Hartford, which later became ...": a place name after a
        # preposition is most often where the earlier noun is, and the parser agrees too readily
        # ("met by Prime Minister Matteo Renzi, who ...": a person's name after "by" is no place)
    return False


def _after_fronted_phrase(s: str, np_start: int, np: str) -> bool:
    """Whether the comma before the noun phrase ``np`` closes a phrase in front of the
    main clause, whose subject ``np`` is ("From the age of 12, Amy, who lives ..., played
    ..."), in the parser's reading: the phrase before the comma hangs on the main verb,
    and ``np`` (a name, or a noun after "the") is that verb's subject.

    >>> s = "From the age of 12, Amy, who lives in the Forest of Dean, played twice a week."
    >>> _after_fronted_phrase(s, s.index("Amy"), "Amy")
    True
    >>> s = "The list of pilots, a handful over two decades, who flew the plane, grew."
    >>> _after_fronted_phrase(s, s.index("a handful"), "a handful over two decades")
    False
    """
    if not (np[:1].isupper() or np.split()[0].lower() == "the") or s[:np_start].count(",") != 1:
        return False
    tokens = parse.parse(s)
    noun = parse.token_ending_at(tokens, np_start + len(np))
    if noun is None or noun.dep not in ("nsubj", "nsubjpass") or tokens[noun.head].dep != "ROOT":
        return False
    verb = tokens[noun.head]
    front = [t for t in tokens if t.idx < np_start and t.dep != "punct"]
    if not front or tokens[noun.left].idx != np_start:
        return False
    tops = [t for t in front if not tokens[t.head].idx < np_start or t.head == t.i]
    return len(tops) == 1 and tops[0].head == verb.i and tops[0].dep in ("prep", "advmod", "npadvmod")


# Prepositions after which a person's name with ", who" is the clause's own noun: "by" the
# agent, "with", "to", "for" the person met or helped (not "of": "the son of X, who" may be the son's).
_PERSON_PREPOSITIONS = frozenset("by with to for against".split())


def _ends_with_person_name(np: str) -> bool:
    """Whether the noun phrase ``np`` ends with a person's name of two to four words
    (after a role or a title: "Italian Prime Minister Matteo Renzi").

    >>> _ends_with_person_name("Prime Minister Matteo Renzi"), _ends_with_person_name("west Beirut")
    (True, False)
    """
    words = np.split()
    return any(_is_person_name(" ".join(words[-k:])) for k in (2, 3, 4) if k <= len(words))


def _relative_clause_refused(s: str, m: re.Match, np_start: int, close: int) -> bool:
    """Whether the clause of ``m`` (up to ``close``) cannot become a sentence of its own:
    it is what someone reports, the parser gives it another noun or end, or it is no
    simple predicate of the noun."""
    rest_start = m.end()
    if _reported_at(s, np_start):
        return True  # "Authorities said ... his father, who was injured": the injury is theirs to report
    if re.search(r",\s+(?:(?:said|says|reported|added)\s+(?:[A-Z]|the\s)|according to\b)", s[close:]) \
            and not _tail(s):
        return True  # ", said Dr. X, medical superintendent at ...": a source the split could not repeat
    if _relative_clause_end(s, m) != close:
        # "the video of the encounter Friday, which ...": the parser gives the clause to
        # another noun; "..., which was made up of Bengal, Bihar and ...": or another end.
        return True
    clause = s[rest_start:close].strip()
    if m.group(1) == "who" and re.search(r"\bits\b", s[close:]):
        return True  # "Philippa Langley, who led the ... project, said its aim was": "its" is the project
    if re.search(rf"\b(?:and|or|but)\s+{m.group(1)}\b", clause):
        return True  # "who believed ... and who challenged us": the second "who" would be left behind
    if re.search(r",[\"”]", clause):
        return True  # 'who plays Draper on "Mad Men," has ...': the clause may end inside the quote
    words = _words(clause)
    if len(words) < 2 or not _starts_predicate(words):
        return True  # "which he said ...": an object relative, not a simple predicate
    lead = parse.word_at(s, rest_start + len(s[rest_start:]) - len(s[rest_start:].lstrip()))
    if lead is not None and lead.tag.startswith("NN"):
        return True  # "which investigators determined was ...": a noun, not a verb in "-s"
    if m.group(1) == "which" and np_start == 0 and close >= len(s.rstrip(".!? ")):
        return True
    return False


def _relative_tail_refused(m: re.Match, np: str, before: str, clause: str, tail: str,
                           coordinated: re.Match | None) -> bool:
    """Whether what follows the clause (``tail``, which may open with "and"/"but":
    ``coordinated``) shows that the clause goes on or covers more than ``np``, or the
    clause speaks of the whole event rather than of the noun."""
    if coordinated and _starts_predicate(_words(coordinated.group(2)) + [""]) or re.match(
            r"(?:and|but)\s+also\b", tail):
        return True  # "the crime bill, which put police on the streets, but also led to ...": the clause goes on
    if re.match(r"(?:and|or)\s+(?!(?:he|she|they|it|we|I|you|the|this|that)\b)[A-Z]", tail) or re.match(
            r"(?:and|or)\s+(?:his|her|their)\s+\w+,", tail):
        return True  # "George Mason, which ..., and Gonzaga, which ..., saw": the second noun's clause would
        # seem to cover both
    if any(_starts_predicate(_words(x.group(1)) + [""]) for x in re.finditer(r",\s+(?:and|but)\s+(.+)$", tail)):
        return True  # "said Don Fowler, who helmed the DNC ..., during Bill Clinton’s presidency, and has backed
        # ...": a verb without a subject later on; whose is it, and where did the clause end?
    if m.group(1) == "which" and re.match(r"(?:is|was)\s+(?:why|what|how)\b|means\b|meant\b", clause):
        return True  # "this crisis, which is why ...": the clause is about the whole statement
    if m.group(1) == "which" and np[:1].isupper() and before.endswith("ing") and before not in PREPOSITIONS:
        return True  # "a thriller starring Halle Berry, which earned $68 million": the film's, not hers
    if re.match(r"is to say\b|(?:would|could|might|may)\b", clause):
        return True  # "killing the talks, which would scuttle a deal": the event's, likely, not the talks'
    return False


def _main_and_after(s: str, m: re.Match, np_start: int, np: str, close: int, tail: str,
                    coordinated: re.Match | None) -> tuple[str, list[str]] | None:
    """The main clause without the relative clause of ``m``, and the sentences that go
    after the clause's own (a coordinated clause); None when the comma that closes the
    clause may be the clause's own, not its end."""
    if coordinated and _is_clause(coordinated.group(2)):
        # "..., which left a million dead, and he appeared unable ...": the clause's
        # sentence goes before the next clause, so "This" still points to the event.
        lead = "But " if coordinated.group(1) == "but" else ""
        return s[:m.start()], [_capitalise(lead + coordinated.group(2))]
    if close < len(s.rstrip(".!?…”\" ")) and tail:
        tail_words = _words(tail)
        if re.match(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,", tail) or (
                not _has_verb("and " + tail) and not _tail(s) and not _subject_verb_follows(s, np_start, np, close)):
            return None  # "in Vallejo, California, has been ...", "on Saturday, April 18.": the comma was the clause's own
            # (_has_verb skips a text's first word: "died Friday in ..." goes on with its verb, "died")
        # The main clause goes on with its verb ("The driver ... was trying") or, after
        # an object, with more of the sentence, which keeps its comma ("held back the
        # search, Cayman 27 reported").
        if np_start > 0 and tail_words and _starts_predicate(tail_words) and _has_verb(s[:np_start]):
            return None  # "creating a Board, which researches ..., deliberates ..., and makes ...": the
            # clause's own series of verbs, not the main clause going on
        noun = parse.token_ending_at(parse.parse(s), np_start + len(np))
        glue = " " if np_start == 0 or noun is not None and noun.dep in ("nsubj", "nsubjpass") or (
            not _has_verb(s[:np_start]) and tail[:1].islower() and tail_words and tail_words[0] not in PREPOSITIONS) or (
            tail_words and _starts_predicate(tail_words)) or re.match(
            r"to [a-z]", tail) else ", "  # ("would name Brian Fallon, who ..., to be lead press secretary";
        # "Many of these villages, which ..., now lie": the subject's verb)
        return s[:m.start()] + glue + tail, []
    return s[:m.start()], []


def _subject_verb_follows(s: str, np_start: int, np: str, close: int) -> bool:
    """Whether the parser makes the noun phrase ``np`` the subject of the sentence's main
    verb and that verb (after its auxiliaries or an adverb) opens what follows the clause
    ending at ``close``: "The reopening, which comes ..., coincides with ..." goes on with
    its own verb, though the closed list of verbs does not know "coincides".

    >>> s = "The reopening, which comes over a year after work began, coincides with Holy Week."
    >>> _subject_verb_follows(s, 0, "The reopening", s.index(", coincides"))
    True
    >>> s = "He was found in Vallejo, which is in California, on Saturday, April 18."
    >>> _subject_verb_follows(s, 15, "Vallejo", s.index(", on"))
    False
    """
    tokens = parse.parse(s)
    noun = parse.token_ending_at(tokens, np_start + len(np))
    if noun is None or noun.dep not in ("nsubj", "nsubjpass"):
        return False
    verb = tokens[noun.head]
    if verb.dep != "ROOT" or verb.idx < close:
        return False
    first = next((t for t in tokens if t.idx >= close and t.dep != "punct"), None)
    if first is None:
        return False
    return first.i == verb.i or (first.head == verb.i and first.dep in ("aux", "auxpass", "neg", "advmod")
                                 and all(tokens[k].head == verb.i or tokens[k].dep == "punct"
                                         for k in range(first.i, verb.i)))


def _relative_subject(m: re.Match, np_start: int, np: str, before: str, words: list[str]) -> str | None:
    """The subject of the clause's new sentence: "This" for an event, the name in full,
    the noun again, or "It" / "They" by the clause's verb; None when there is no plain
    noun phrase to name again."""
    verb_word = words[1] if words[0].lower() in ("has", "have", "had") and len(words) > 1 else words[0]
    if m.group(1) == "which" and (verb_word.lower() in _EVENT_VERBS or words[0].lower() in ("has", "have", "had")
                                  and verb_word.lower() == "left"):
        subject = "This"  # "grabbing the official, which led to his dismissal": the event, not the official;
        # "... into the fold, which has left space for terrorists": what the state did has left it
    elif m.group(1) == "which" and before in ("its", "his", "her", "their", "our", "my", "your") and np[:1].isupper():
        subject = "The " + np  # "its Police Department, which ...": not "Police Department is ..."
    elif m.group(1) == "which" and any(w[:1].isupper() for w in np.split()[1:]):
        subject = np  # a name said again in full ("the Annual Induction Ceremony", not "Ceremony")
    else:
        subject = _again(np) if m.group(1) == "which" else _second_mention(np)
    if subject in ("It", "They") and np_start > 0:
        # After a main clause with nouns of its own, "It"/"They" may point at another one
        # ("took more pictures, which were sent": the pictures, or the pair?): the noun again.
        leads = ("the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "your", "my",
                 "more", "some", "many", "several", "other", "two", "three", "four", "five")
        np_words = np.split()
        k = 0
        while k < len(np_words) and (np_words[k].lower() in leads or np_words[k].isdigit()):
            k += 1
        if k == 0 or k == len(np_words) or any(w.lower() in ("that", "which", "who") for w in np_words):
            return None  # "... that helps regulate mood, which can ...": no plain noun phrase to name again
        subject = "The " + " ".join(np_words[k:])
    if subject in ("It", "They"):
        # The clause's verb says which: "the series, which starts ..." is "It starts".
        verb = words[1].lower() if words[0].lower() in _VERB_ADVERBS or words[0].endswith("ly") else words[0].lower()
        if verb in ("is", "was", "has", "does") or (verb.endswith("s") and not verb.endswith("ss")):
            subject = "It"
        elif verb in ("are", "were", "have", "do"):
            subject = "They"
    return subject


# "a group of trolls who ...": a quantity before "of" still makes the phrase indefinite.
_QUANTITY_OF = frozenset("group number pair couple team band series handful crowd dozens hundreds thousands "
                         "millions".split())
_NEW_FINITE = frozenset("is are was were has have had will would can could 's 're".split())
# Nouns that say nothing without their clause: "X is a notion." ("X is a chart." is a fact.)
_EMPTY_NOUNS = frozenset("notion idea thing things way question matter fact reason problem point concept sense "
                         "feeling view belief case issue kind sort one something".split())


def _rule_restrictive(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    out, trace = [], []
    for s in sentences:
        tail = _tail(s)
        subject = None if tail else _split_subject_restrictive(s)
        if subject:
            trace.append("split:restrictive:subject")
            out.extend(subject)
        elif tail:
            out.extend(_split_attributed(s, trace, _split_restrictive) or [s])
        else:
            out.extend(_split_restrictive(s, trace))
    return out, trace


def _split_subject_restrictive(s: str) -> list[str] | None:
    """"A NOUN who/that DID X VERB ..." opening a sentence -> "A NOUN did X. The NOUN
    VERB ...". A subject that is new to the reader ("a", "an") and whose clause tells a
    past event adds to the noun rather than picks it out: "A hunter who killed a rabbit has
    been hit by plague" says a hunter killed a rabbit. The parser must make the clause the
    subject's, its verb past ("killed", "was jailed", no modal) and the main verb
    not a simple present (a rule about anyone: "A person who smoked is more likely to ...").

    >>> _split_subject_restrictive("A hunter who killed and ate a wild rabbit in China has been hit by the deadly plague.")
    ['A hunter killed and ate a wild rabbit in China.', 'The hunter has been hit by the deadly plague.']
    >>> _split_subject_restrictive("A person who smoked for years is more likely to get cancer than others are.") is None
    True
    >>> _split_subject_restrictive("A woman who claims to have met him has filed a lawsuit in New York.") is None
    True
    >>> _split_subject_restrictive("Two men who robbed a bank in Leeds in May were jailed for six years yesterday.")
    ['Two men robbed a bank in Leeds in May.', 'The men were jailed for six years yesterday.']
    """
    m = re.match(r"(An?|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) ([^,;:\"“”‘’()]+?) (who|that) (?=[a-z])", s)
    if m is None or not _long(s, 12) or re.search(r"[\"“”‘’()]|--|–|—| - ", s):
        return None
    tokens = parse.parse(s)
    pronoun = parse.token_at(tokens, m.start(3))
    noun = parse.token_ending_at(tokens, m.end(2))
    if pronoun is None or noun is None or pronoun.dep not in ("nsubj", "nsubjpass") or noun.left != 0:
        return None
    verb, main = tokens[pronoun.head], tokens[noun.head]
    if verb.dep != "relcl" or verb.head != noun.i or noun.dep not in ("nsubj", "nsubjpass") or main.dep != "ROOT":
        return None
    aux = [k for k in parse.children(tokens, verb) if k.dep in ("aux", "auxpass")]
    if any(k.tag == "MD" for k in aux) or not (verb.tag == "VBD" and not aux or aux and aux[0].text.lower() in (
            "had", "was", "were")):
        return None  # "who claims", "who could": not a past event of the noun's; "A cat who has been missing
        # for five years has been found": alone, "A cat has been missing" would still be so
    main_aux = [k for k in parse.children(tokens, main) if k.dep in ("aux", "auxpass")]
    if main.tag in ("VBZ", "VBP") and not main_aux and not (main.text.lower() in ("is", "are") and any(
            k.dep == "xcomp" and tokens[k.left].text == "to" for k in parse.children(tokens, main))):
        return None  # "A person who smoked is more likely to ...": a rule, not an event
    rest = tokens[verb.right + 1] if verb.right + 1 < len(tokens) else None
    if rest is None or rest.text == "," or not (rest.i == main.i or rest.i == (main_aux or [main])[0].i):
        return None  # the clause must end where the main verb (or its first auxiliary) begins
    clause = s[m.end():rest.idx].strip()
    np = m.group(2)
    if any(w.lower() in _NUMBER_WORDS for w in np.split()) or len(np.split()) > 5 or not np.split()[-1].islower() \
            or np.split()[0].lower() in ("more", "other", "others", "of", "further", "additional", "extra") \
            or (m.group(1) not in ("A", "An")) != (noun.tag == "NNS"):
        return None  # ("Two more aid workers who ...": "The more aid workers" is no noun said again)
    first = _end_sentence(f"{m.group(1)} {np} {clause}")
    second = _end_sentence(f"The {np} {s[rest.idx:].strip()}")
    if _word_count(first) < 5 or _word_count(second) < 4:
        return None
    return [first, second]


def _split_restrictive(s: str, trace: list[str]) -> list[str]:
    """A "who" / "that" clause ending a long sentence, on an indefinite noun ("a", "an"
    or a number), becomes a sentence about "The NOUN".

    An indefinite noun is new to the reader, so the clause adds to it rather than
    picks it out ("held 16 citizens who confessed" = "held 16 citizens; they confessed");
    "the", "those" or "people who" pick out, and are left alone.

    >>> _split_restrictive("Turkish officials have held 16 Indonesian citizens who confessed they were "
    ...                    "planning to cross the border into Syria.", [])
    ['Turkish officials have held 16 Indonesian citizens.', 'The Indonesian citizens confessed they were planning to cross the border into Syria.']
    >>> _split_restrictive("Police said a man who stole a car was arrested in Texas on Monday.", [])
    ['Police said a man who stole a car was arrested in Texas on Monday.']
    >>> _split_restrictive("The group sent a letter to Iran that appeared aimed at scuttling the talks.", [])
    ['The group sent a letter to Iran that appeared aimed at scuttling the talks.']
    """
    if not _long(s, 14):
        return [s]
    if _ends_with_source(s):
        return _split_attributed(s, trace, _split_restrictive) or [s]
    for m in re.finditer(r" (who|that) (?=[a-z])", s):
        if _inside_quote(s, m.start()):
            continue
        before, clause = s[: m.start()], s[m.end() :]
        if _restrictive_words_refuse(m, before, clause):
            continue
        found = _indefinite_noun(before, after_preposition=m.group(1) == "who" and _person_after_verb_preposition(s, m))
        if found is None:
            continue
        tokens, k, det, np_words, np_start = found
        if _indefinite_noun_refused(before, tokens, k, det, np_words, np_start):
            continue
        if not _one_plain_clause(clause):
            continue
        if _restrictive_clause_elsewhere(s, m, before, np_start):
            continue
        first_part = _end_sentence(before)
        np = " ".join(w for w in np_words if w.lower() not in _NUMBER_WORDS)
        second = _end_sentence(f"The {np} {clause.strip()}")
        if _word_count(second) < MIN_PART_WORDS + 1:
            continue
        trace.append(f"split:restrictive:{m.group(1)}")
        return [first_part, second]
    return [s]


def _restrictive_words_refuse(m: re.Match, before: str, clause: str) -> bool:
    """Whether the words around the "who" / "that" of ``m`` rule the split out: nouns in
    parallel, each with its clause; a speaker describing themself; a source's verb."""
    if re.search(rf"\b(?:or|and)\b.*\b{m.group(1)}\b", clause):
        return True  # "a florist who ... or a baker who ...": two nouns in parallel, each with its clause
    if re.search(r"\b(?:I|we|you)\s+(?:am|are|was|were|'m|'re|’m|’re)\s+(?:\S+\s+){0,3}\S+$", before):
        return True  # "I am a psychologist who has researched": not "The psychologist has researched"
    if re.search(r"\b(?:said|says|told|tells)\b", clause):
        return True  # '"intelligent kid," a man who hired him ... said': the clause holds the source's verb
    return False


def _person_after_verb_preposition(s: str, m: re.Match) -> bool:
    """Whether the noun before the " who" of ``m`` names a person and is the object of a
    preposition that hangs on a verb ("to search for an eighth-grade student who has been
    missing"), in the parser's reading: no other noun stands before the preposition whose
    clause it could be ("the son of a man who died": the son's, or the man's?).

    >>> s = "Volunteers went out to search for an eighth-grade student who has been missing since Wednesday."
    >>> _person_after_verb_preposition(s, re.search(" (who) ", s))
    True
    >>> s = "He met the son of a local man who has been missing since Wednesday."
    >>> _person_after_verb_preposition(s, re.search(" (who) ", s))
    False
    >>> s = "The novel is about an art dealer who goes to Beverly Hills to bid on a rare sculpture."
    >>> _person_after_verb_preposition(s, re.search(" (who) ", s))
    False
    """
    tokens = parse.parse(s)
    noun = parse.token_ending_at(tokens, m.start())
    if noun is None or noun.dep != "pobj" or not _names_people(noun.text):
        return False
    prep = tokens[noun.head]
    verb = tokens[prep.head]
    # (not after "be": "The book is about an art dealer who goes to ...": the clause is what it is about)
    return prep.dep == "prep" and verb.tag.startswith("VB") and verb.text.lower() not in _BE


def _indefinite_noun(before: str, *, after_preposition: bool = False) -> tuple[list[str], int, str, list[str], int] | None:
    """The noun phrase that ends ``before``: its words (``tokens``), the index ``k`` of
    the word that opens it ("a", "an", a number, or the one before "a group of"), that
    word (``det``), the phrase's words after it, and where it starts in ``before``; None
    when no such phrase, or it follows a preposition (which noun is the clause about?), unless
    ``after_preposition`` (the parser found a person after a verb's preposition)."""
    tokens = _words(before)
    # The antecedent: adjectives and nouns back to "a"/"an"/a number ("a group of").
    k = len(tokens) - 1
    while k >= 0 and tokens[k].lower() not in STOP_WORDS and tokens[k].lower() not in _NUMBER_WORDS \
            and tokens[k].lower() not in FINITE_VERBS and k > len(tokens) - 5:
        k -= 1
    if k < 0 or k == len(tokens) - 1:
        return None
    det = tokens[k].lower()
    np_words = tokens[k + 1 :]
    if det == "of" and k >= 2 and tokens[k - 1].lower() in _QUANTITY_OF:
        det = tokens[k - 2].lower() if tokens[k - 1].lower() not in _NUMBER_WORDS else "dozens"
        k -= 2
    elif det in PREPOSITIONS or k >= 1 and tokens[k - 1].lower() in PREPOSITIONS and not after_preposition:
        return None  # "the arrest of a student that prompted protests", "negotiations among 195 countries
        # that led to ...": which noun the clause is about is unclear
    np_start = before.rfind(tokens[k], 0, len(before) - len(" ".join(np_words)))
    return tokens, k, det, np_words, np_start


def _indefinite_noun_refused(before: str, tokens: list[str], k: int, det: str, np_words: list[str],
                             np_start: int) -> bool:
    """Whether the noun phrase found by :func:`_indefinite_noun` is not a new, plain noun
    that the clause adds to: the clause picks it out, it is one of a pair, it carries a
    number or a quotation, or the words before it are no sentence."""
    if re.search(r"\bnot (?:just|only|simply|merely)\b", before, re.IGNORECASE):
        return True  # "not just someone who defends extremism but a politician who ...": the clause is the point
    if re.search(r"\bthere\s+(?:\w+\s+)?(?:is|are|was|were|remain|remains)\b", before, re.IGNORECASE):
        return True  # "there are still 13 states that deny ...": the clause says which states
    if k >= 1 and tokens[k - 1].lower() in _BE and np_words[-1].lower() in _EMPTY_NOUNS:
        return True  # "... is a notion that could only be made ...": "X is an idea." says nothing alone
    pair = re.search(r"\b(?:and|or)\s+((?:\S+\s+){0,2})$", before[:np_start])
    if pair and not any(w.lower() in FINITE_VERBS or w.endswith("ed") for w in pair.group(1).split()):
        return True  # "a ship with 3,700 passengers and nearly 1,300 crew that docked": the ship's, or the crew's?
    if re.search(r"\d-\w", before[np_start:]):
        return True  # "a 7-year-old girl": the number would be lost from the noun said again
    if re.search(r"(?:,|--|—|–)\s*$", before[:np_start]) or any(ch in before[np_start:] for ch in "\"“”"):
        return True  # "..., a deal that lifted ...": an appositive; a quoted word is left as written
    indefinite = det in ("a", "an") or det in _NUMBER_WORDS or re.search(r"\d\s+" + re.escape(tokens[k + 1]) + r"\b", before)
    head = tokens[-1]
    if not indefinite or not head.isalpha() or not head.islower() or head in STOP_WORDS or len(head) < 3:
        return True
    if before[-1:] in ",;:-—–" or not _has_verb(before) or _word_count(before) < 6:
        return True
    return False


def _one_plain_clause(clause: str) -> bool:
    """Whether ``clause`` (after "who" / "that") is one clause that opens with its verb
    and ends the sentence, with no comma, colon or dash inside."""
    c_words = _words(clause)
    if len(c_words) < 3:
        return False
    first = c_words[0].lower()
    if first.endswith("ly") and len(c_words) > 3:
        first = c_words[1].lower()
    verb_like = first in FINITE_VERBS or (first.endswith("ed") and len(first) > 4) or (
        first.endswith("s") and len(c_words) > 1
        and (c_words[1].lower() in DETERMINERS or c_words[1].lower() in PREPOSITIONS or c_words[1][0].isdigit()))
    if not verb_like or first in ("to", "do"):
        return False
    # One clause only: a later verb with a noun before it is the main verb
    # ("a man who stole a car was arrested").
    c_tokens = [w.lower() for w in c_words]
    if any(w in _NEW_FINITE and c_tokens[j - 1] not in PRONOUNS | {"that", "who", "which", "and", "or", "there", "it"}
           | _NEW_FINITE | {"not", "also", "never"} for j, w in enumerate(c_tokens) if j > 0):
        return False
    if re.search(r"[,;:]| -- | — | – ", clause.rstrip(".!?")) or not clause.rstrip().endswith("."):
        return False
    return True


def _restrictive_clause_elsewhere(s: str, m: re.Match, before: str, np_start: int) -> bool:
    """Whether the parse shows the clause of ``m`` belonging elsewhere: to another noun,
    ending before the sentence does, inside another clause, in what someone reports, or
    under a modal or a wish (the noun at ``np_start`` may not exist)."""
    end = _relative_clause_end(s, m)
    if end is None:
        return True  # "an area of 5,319 square kilometres that straddles ...": the clause is the area's
    if s[end:].strip(" .!?…”\"'"):
        return True  # "when a nine-story building that housed five factories collapsed": the clause
        # ends before the sentence does
    if re.search(r"\b(?:when|while|if|because|after|before|since|until|as|although|though|once|unless)\s+(?:\w+\s+){0,4}$",
                 before, re.IGNORECASE):
        return True  # the noun is the subject of a clause whose verb comes later
    if _reported_at(s, np_start):
        return True  # "Police said they held a man who ...": what the man did is theirs to report
    if _unreal_at(s, np_start):
        return True  # "would retool the party as a powerhouse that can win": no such powerhouse yet
    return False
