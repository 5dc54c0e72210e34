"""Sentence splits at semicolons (``split:semicolon``) and conjunctions: ", but" / ", and"
before a new clause (``split:conjunction:WORD``), "after", "because", "when" and the like
(``split:subordinate:WORD``), a clause between dashes (``split:dash-aside``, ``split:dash``);
and the split of a sentence that ends with its attribution, which every part keeps
(``split:attributed``).
"""

from __future__ import annotations

import re
from typing import Callable

from .clauses import (
    MIN_PART_WORDS, _clause_tense, _has_verb, _is_clause, _long, _own_clause, _reports_before, _reports_inside_clauses,
    _split_all, _split_at, _subject_opens,
)
from .tails import _TAIL_CUES, _ends_with_source, _tail
from .text import _Context, _capitalise, _end_sentence, _inside_quote, _tidy, _word_count, _words
from .word_classes import FINITE_VERBS, _REPORTING_RE
from .. import parse
from ...text.quotes import quotations


def _rule_semicolon(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all(sentences, _split_semicolons_traced)


def _split_semicolons_traced(s: str, trace: list[str]) -> list[str]:
    """:func:`_split_semicolons`, traced; a sentence that ends with its attribution
    repeats it in every part ("The officer was white, Alexander said. The man was ...")."""
    if ";" not in s:
        return [s]
    if _ends_with_source(s):
        return _split_attributed(s, trace, _split_semicolons_traced) or [s]
    parts = _split_semicolons(s)
    trace.extend(["split:semicolon"] * (len(parts) - 1))
    return parts


def _split_semicolons(s: str) -> list[str]:
    """Every safe semicolon split (outside quotations, both sides long enough).

    >>> _split_semicolons("Israel and Gaza agreed a truce; hostages will be freed on Friday.")
    ['Israel and Gaza agreed a truce.', 'Hostages will be freed on Friday.']
    """
    for m in re.finditer(r";\s+", s):
        if s[: m.start()].count("(") > s[: m.start()].count(")"):
            continue  # "(4,390 feet; 1,338 m)": a list inside brackets
        if not (_own_clause(s, 0, m.start()) and _own_clause(s, m.end(), len(s))):
            continue  # "works were Peace (1814); Resignation (1817); ...": a list, not two sentences
        if _REPORTING_RE.search(s[: m.start()].split()[-1]) or s[m.end():m.end() + 1] in "\"“":
            continue  # 'Jonathan said; "I promised ...': the semicolon stands for a colon
        if re.match(r"\W*not only\b", s[: m.start()], re.IGNORECASE):
            break  # "Not only did people talk ...; they wanted to talk.": the first half is not a sentence alone
        parts = _split_at(s, m.start(), m.end() - m.start())
        if parts and not re.match(r"(and|or|not because|not only|but)\b", parts[1], re.IGNORECASE):
            # ("...; not because they don't love a good eclipse, but because ...": a fragment)
            return [parts[0], *_split_semicolons(parts[1])]
    return [s]


# ", but" keeps its word (the contrast is meaning); ", and" is dropped.
CONJUNCTION_LEADS = {"but": "But", "and": "", "yet": "But", "so": "So", "although": "But",
                     "though": "But", "because": "This is because"}


def _rule_conjunction(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all(sentences, _split_conjunctions)


def _split_attributed(s: str, trace: list[str], split: Callable[[str, list[str]], list[str]]) -> list[str] | None:
    """"A, and B, police said." -> "A, police said. B, police said.": a sentence that
    ends with its attribution is split before the attribution, which every part keeps
    (the first as written, the others as source and cue only). None when the sentence
    has no such tail, its source is long, or ``split`` does not split the rest.

    >>> _split_attributed("Two bodies were recovered Thursday, and the remains of two others "
    ...                   "are believed to be in the wreckage, the Guard said.", [], _split_conjunctions)
    ['Two bodies were recovered Thursday, the Guard said.', 'The remains of two others are believed to be in the wreckage, the Guard said.']
    """
    found = _tail(s)
    if not found:
        return None
    start, repeat = found
    if _inside_quote(s, start):
        return None
    body = s[:start].rstrip()
    if not body or body[-1] in "”\"’'?!":
        return None  # a quote or question just before the attribution: keep as written
    if re.search(r",\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*$", body):
        return None  # "..., Manzoor Hussain, his brother told CNN": the source's name comes before its tail
    if _ends_with_source(_end_sentence(body)):
        return None  # "..., a flight attendant told authorities, according to court papers": two sources
    inner: list[str] = []
    parts = split(_end_sentence(body), inner)
    if len(parts) < 2 or any(p[-1:] != "." or p[-2:-1] in "”\"’'" for p in parts):
        return None
    tail = s[start:]
    out = [parts[0][:-1] + tail] + [f"{p[:-1]}, {repeat}." for p in parts[1:]]
    trace.extend(inner)
    trace.append("split:attributed")
    return out


def _opens_clause(s: str, at: int) -> bool:
    """Whether the parser reads the word at ``at`` ("after", "when", "because") as the
    opening of a clause of its own that runs to the end of the sentence.

    >>> s = "A well-heeled employer goes back to his hotel after a long day's work and finds no dinner."
    >>> _opens_clause(s, s.index("after"))
    False
    >>> s = "Busch was suspended after a court found that he probably committed domestic violence."
    >>> _opens_clause(s, s.index("after"))
    True
    """
    tokens = parse.parse(s)
    word = parse.token_at(tokens, at)
    if word is None or word.dep not in ("mark", "advmod"):
        return False
    clause = tokens[word.head]
    return clause.dep == "advcl" and clause.left == word.i and all(t.dep == "punct" for t in tokens[clause.right + 1:])


# Verbs that place an event in time: "X came after Y" says nothing without "after Y".
_TIMING_VERBS = frozenset("come comes came coming happen happens happened occur occurs occurred arrive arrives "
                          "arrived follow follows followed".split())


def _subordinate_tense(s: str, at: int) -> str | None:
    """For a split before the "after" / "when" / "because" at ``at``: "was" or "is", the
    tense of the main verb the parser hangs the clause on; None when the split is unsafe:
    the clause hangs on another verb ("what I wanted to do when I grew up"), the main
    verb is negated ("didn't get a penalty when ..."), or needs the clause to be complete
    ("came after ..."); or the clause
    has a verb with no subject after it ("when X confronted him, extended to ..., and
    culminated in ...", whose verbs may be the main clause's). "" when the split is safe
    but the main verb has a modal or a perfect, whose tense "This was" would misstate.

    >>> s = "The storm hit the coast on Monday when most people were asleep."
    >>> _subordinate_tense(s, s.index("when"))
    'was'
    >>> s = "The admittance came after Trump has fanned the flames of the birther movement for years."
    >>> _subordinate_tense(s, s.index("after")) is None
    True
    """
    tokens = parse.parse(s)
    word = parse.token_at(tokens, at)
    if word is None:
        return None
    clause = tokens[word.head]
    main = tokens[clause.head]
    if clause.dep != "advcl" or main.dep != "ROOT":
        return None
    if word.text.lower() != "because" and any(x.dep == "neg" for x in parse.children(tokens, main)):
        return None  # (a reason is not under the negation: "will not be available because he is away")
    if main.text.lower() in _TIMING_VERBS and not any(
            main.i < x.i < word.i and x.dep not in ("punct", "cc", "aux", "auxpass", "neg")
            for x in parse.children(tokens, main)):
        return None  # "The admittance came after ...": the clause is what the verb is about
    for x in tokens[clause.left:clause.right + 1]:
        if x.i != clause.i and (x.tag in ("VBD", "VBZ", "VBP") or x.dep == "conj" and x.tag.startswith("VB")) \
                and not any(k.dep in ("nsubj", "nsubjpass", "expl") for k in parse.children(tokens, x)) \
                and not any(k.dep in ("aux", "auxpass") for k in parse.children(tokens, x)) and x.dep != "aux":
            return None  # "when X confronted him, extended to ..., and ended in ...": whose are those verbs?
    tense = {"past": "was", "present": "is"}.get(_clause_tense(tokens, main) or "", "")
    if not tense and word.text.lower() == "because" and (clause.tag == "VBD" or any(
            x.dep in ("aux", "auxpass") and x.text.lower() in ("had", "was", "were", "did")
            for x in parse.children(tokens, clause))):
        tense = "was"  # "couldn't leave because her passport had not been returned": a past reason
    return tense


def _after_colon(s: str, at: int) -> bool:
    """Whether a colon outside a quotation comes before ``at``: what follows it is what
    the words before the colon announce ("you are about to hear this: ...").

    >>> _after_colon("You are about to hear this: Warren has to run.", 30)
    True
    """
    return bool(re.search(r"\w: ", s[:at])) and not _inside_quote(s, s.index(": "))


def _split_conjunctions(s: str, trace: list[str]) -> list[str]:
    """Split a long sentence at the first conjunction that joins two clauses of their own,
    trying in turn a subordinate clause in front ("Although X, Y."), one after the main
    clause ("A because B."), ", when", a clause between dashes, "A -- B" and ", but" /
    ", and"; the second part is split again. A sentence that ends with its attribution
    keeps it in every part (:func:`_split_attributed`)."""
    if not _long(s):
        return [s]
    if _ends_with_source(s):
        return _split_attributed(s, trace, _split_conjunctions) or [s]
    for split in (_split_colon, _split_fronted_subordinate, _split_subordinate, _split_comma_when, _split_dash_aside,
                  _split_dash, _split_coordinated_clauses):
        parts = split(s, trace)
        if parts is not None:
            return parts
    return [s]


def _split_and_go_on(s: str, m: re.Match, lead: str, trace: list[str], rule: str) -> list[str] | None:
    """``s`` split where ``m`` matched (the match dropped), the second part opening with
    ``lead`` and split again, with ``rule`` traced; None when :func:`_split_at` refuses."""
    parts = _split_at(s, m.start(), m.end() - m.start(), lead)
    if not parts:
        return None
    trace.append(rule)
    return [parts[0], *_split_conjunctions(parts[1], trace)]


def _split_colon(s: str, trace: list[str]) -> list[str] | None:
    """"Disney timed the release well: It has been a month since ..." -> two sentences,
    where a sentence of its own, with a capital, follows a colon that a clause of its own
    comes before; None otherwise. Not after a verb of saying or a label ("He said: ...",
    "Update: ..."), not before a quotation, and not inside one.

    >>> _split_colon("The news was stunning to hear: A young woman was charged with manslaughter.", [])
    ['The news was stunning to hear.', 'A young woman was charged with manslaughter.']
    >>> _split_colon("The minister said: The talks have failed and the army will stay.", []) is None
    True
    >>> _split_colon('The book is called "Legal Guide: A Compassionate Look" and it sold well.', []) is None
    True
    """
    m = re.search(r"(?<=[a-z0-9)]): (?=[A-Z](?:[a-z]|\s))", s)
    if m is None or _inside_quote(s, m.start()) or ":" in s[m.end():] or quotations(s[:m.start()]):
        return None
    before, after = s[:m.start()], s[m.end():]
    if _REPORTING_RE.search(before) or re.search(r"\b(?:following|follows|as follows|reads|read|this|these|"
                                                 r"here|thus|message|statement|words?|question|answer)$", before,
                                                 re.IGNORECASE):
        return None  # "He said: ...", "The statement read: ...": what follows is someone's words
    if _word_count(before) < 4 or _word_count(after) < 4 or re.search(r"\b(?:would|could|might)\b", after):
        return None  # ("deliver good news to veterans: They would have a choice": the news, in the future of the past)
    if not (_own_clause(s, 0, m.start()) and _own_clause(s, m.end(), len(s))):
        return None  # "Update: ...", "Three things: a, b and c": a label or a list, not two sentences
    trace.append("split:colon")
    return [_end_sentence(before), *_split_conjunctions(after, trace)]


def _split_fronted_subordinate(s: str, trace: list[str]) -> list[str] | None:
    """"Although X, Y." -> "X. But Y."; "After X, Y." -> "X. Then Y."; "While X, Y." ->
    "X. But Y." where "while" concedes (:func:`_while_concedes`), and so after "And" or
    "But" ("And although X, Y."); None when the sentence opens with no such clause, or the
    split is unsafe.

    >>> _split_fronted_subordinate("And while slavery has long been cast from the history books, thousands of "
    ...                            "children still suffer from the bonds of sex trafficking.", [])
    ['Slavery has long been cast from the history books.', 'But thousands of children still suffer from the bonds of sex trafficking.']
    >>> _split_fronted_subordinate("While he was waiting for the bus in the rain, a car hit the shelter.", []) is None
    True
    """
    lead_in = re.match(r"(?:And|But|Yet) (?=(?:although|though|while|whereas)\b)", s)
    m = re.match(r"(Although|Though|Because|Whereas|After|While)\s+([^,]+),\s+(.+)$",
                 _capitalise(s[lead_in.end():]) if lead_in else s)
    if not m:
        return None
    offset = lead_in.end() if lead_in else 0  # where the subordinating word stands in ``s``
    if m.group(1) == "While" and not _while_concedes(s, offset):
        return None  # "While he was waiting for the bus, a car hit ...": a time, not a contrast
    if re.match(r"(?:he|she|they|his|her|their|him|them)\b", m.group(2), re.IGNORECASE) \
            and not re.match(r"(?:he|she|they|his|her|their)\b", m.group(3), re.IGNORECASE):
        return None  # "Although he is appearing on TV ..., Gere ...": "He" would come before the name
    if re.search(r"\b(?:him|her|them)\b", m.group(2), re.IGNORECASE) \
            and not re.match(r"(?:he|she|they|his|her|their)\b", m.group(3), re.IGNORECASE):
        return None  # "After police caught up with him, the man was ...": "him" may be the man, named later
    if m.group(1) == "After" and _REPORTING_RE.search(" ".join(m.group(3).split()[:4])):
        return None  # "After he handed over the cash, Meng said ...": the time may be part of what Meng said
    if re.match(r"[\w’'. ]{1,40}? (?:said|says|added|adds|argued|noted|wrote),", m.group(3)):
        return None  # "Though that transition was seamless, he said, replacing ...": both parts are his
    opener = parse.word_at(s, offset)
    if opener is None or opener.dep != "mark":
        return None  # "After the New York Times report, Trump ...": a preposition, not a clause
    if (_is_clause(m.group(2)) and _is_clause(m.group(3)) or _parsed_fronted(s, offset, offset + m.end(2))) \
            and not _inside_quote(s, offset + m.end(2)):
        first, second = _end_sentence(m.group(2)), m.group(3)
        lead = {"Because": "So", "After": "Then"}.get(m.group(1), "But")
        if _word_count(first) >= MIN_PART_WORDS and _word_count(second) >= MIN_PART_WORDS:
            trace.append(f"split:subordinate:{m.group(1).lower()}")
            return [_capitalise(first), *_split_conjunctions(f"{lead} {second}", trace)]
    return None


def _parsed_fronted(s: str, at: int, comma: int) -> bool:
    """Whether the parser reads ``s`` as a clause that opens with the conjunction at
    ``at`` and ends at ``comma``, with a subject of its own, before a main clause whose
    subject comes after that comma (the word lists of :func:`_is_clause` miss a bare
    noun such as "slavery has long been cast ...").

    >>> s = "While slavery has long been cast from the books, thousands of children still suffer."
    >>> _parsed_fronted(s, 0, s.index(","))
    True
    """
    tokens = parse.parse(s)
    word = parse.token_at(tokens, at)
    if word is None or word.dep != "mark":
        return False
    clause, main = tokens[word.head], parse.root(tokens)
    if main is None or clause.head != main.i or clause.dep != "advcl" or tokens[clause.right].end > comma:
        return False
    has_subject = lambda verb, after: any(k.dep in ("nsubj", "nsubjpass", "expl") and k.idx > after  # noqa: E731
                                          for k in parse.children(tokens, verb))
    return has_subject(clause, at) and has_subject(main, comma) and main.idx > comma


# Words of the main clause that mark a fronted "while" as conceding ("While X, Y still ...").
_CONCEDED_RE = re.compile(r"\b(?:still|also|yet|too|nonetheless|nevertheless|remains?|remained|even|instead)\b",
                          re.IGNORECASE)
# Verbs of a "while" clause that state, not happen: "While the post's wording notes ...".
_STATIVE = frozenset("is are was were be been remain remains remained seem seems seemed appear appears appeared "
                     "say says said know knows knew believe believes believed agree agrees agreed admit admits "
                     "admitted acknowledge acknowledges acknowledged have has had include includes included "
                     "refuse refuses refused deny denies denied insist insists insisted".split())


def _while_concedes(s: str, at: int) -> bool:
    """Whether the fronted "while" at ``at`` concedes ("While X is true, Y") rather than
    gives a time ("While he was waiting, ..."): its clause has a subject and is no
    progressive, and either the main clause says "still", "also", "yet" and the like, or
    the "while" clause states rather than happens (a verb of being or saying, a perfect,
    a passive, a modal or a negation).

    >>> s = "While the skeleton's curved spine is plain to see, experts say it would not show."
    >>> _while_concedes(s, 0)
    True
    >>> _while_concedes("While they waited for the bus, a car hit the shelter on the corner.", 0)
    False
    """
    tokens = parse.parse(s)
    word = parse.token_at(tokens, at)
    if word is None or word.dep != "mark":
        return False
    clause = tokens[word.head]
    if clause.dep != "advcl" or tokens[clause.head].dep != "ROOT":
        return False
    kids = parse.children(tokens, clause)
    if not any(k.dep in ("nsubj", "nsubjpass", "expl", "csubj") for k in kids):
        return False  # "While dealing with a serious issue, ...": whose is the participle?
    if clause.tag == "VBG":
        return False  # "While he was waiting": the time of an action going on
    main_words = s[tokens[clause.right].end:]
    if _CONCEDED_RE.search(main_words):
        return True
    return clause.text.lower() in _STATIVE or any(
        k.dep in ("auxpass", "neg", "cop") or k.dep == "aux" and (k.tag == "MD" or k.text.lower() in ("has", "have", "had"))
        for k in kids)


def _split_subordinate(s: str, trace: list[str]) -> list[str] | None:
    """"A after B." -> "A. This was after B."; "A because B." -> "A. This is because B.";
    "A when B." -> "A. This was when B." (past tense only, as for "after", and so is
    "before"); "A although B." -> "A. But B." None when no such conjunction may split
    the sentence.

    >>> _split_subordinate("The veteran was turned back by Turkish authorities before he could reach Syria.", [])
    ['The veteran was turned back by Turkish authorities.', 'This was before he could reach Syria.']
    >>> _split_subordinate("The veteran was turned back by Turkish authorities two days before he reached Syria.", []) is None
    True

    ("X retired in 1962 and opted to ..." is split:coordination's, with the parser.)"""
    for m in re.finditer(r"(?<=[a-z0-9’'\")]) (after|before|because|although|though|whereas|but|when) (?=[A-Za-z])", s):
        word = m.group(1)
        if _subordinate_stays(s, m):
            continue
        if word in ("after", "before", "when", "because"):
            tense = _subordinate_tense(s, m.start(1))
            if tense is None or (word in ("after", "before", "when") and tense != "was"):
                continue
        if word in ("although", "though", "whereas", "but"):
            lead = "But"
        else:
            # "will not be available because he is in China": a reason holds now
            lead = f"This {tense or 'is'} {word}"
        parts = _split_and_go_on(s, m, lead, trace, f"split:subordinate:{word}")
        if parts:
            return parts
    return None


def _subordinate_stays(s: str, m: re.Match) -> bool:
    """Whether the conjunction matched by ``m`` (group 1: "after", "because", "when", ...)
    must stay: it is not the start of a clause of its own, or the clause after it belongs
    to something in the words before it (a report, a negation, a time, an idiom)."""
    word = m.group(1)
    before, rest = s[: m.start()], s[m.end() :]
    if re.fullmatch(r"(?:This (?:is|was|will be)|But|So|Then)", before.strip()):
        return True  # the lead of an earlier split ("This is because ..."): nothing to split off
    if word == "because" and re.search(r"\b(?:is|was|are|were|be|been|reason|reasons)$", before.rstrip(" ,")):
        return True  # "the main reason he kayaks is because ...": the clause completes the verb
    if word in ("although", "though", "whereas", "because") and _SUBJECTLESS_AFTER_RE.search(rest):
        return True  # "loves Luke, although he has none, and can't wait to ...": the last verb is the main subject's
    if _after_colon(s, m.start()):
        return True  # "you are about to hear this: Warren has to run because ...": the reason is what is heard
    if word == "when" and re.match(r"\W*(?:It|This|That) (?:was|is|'s|’s)\b", before):
        return True  # "It was around 4 p.m. ... when the veteran first tried ...": a cleft, one statement
    if not _is_clause(rest) or not _has_verb(before) or _inside_quote(s, m.start()):
        return True
    if _REPORTING_RE.search(before) or re.search(r"\b(?:accus|charg|blam|suspect|convict|sued?\b|sues\b)",
                                                    before, re.IGNORECASE):
        return True  # "He said he left after ...": the second part would lose its attribution; "Prosecutors
        # accuse Durst of killing Berman because she ...": the motive is theirs to allege
    if re.search(r"\b(?:and|or|but|nor|not|only|just|even|except|partly|part|simply|largely|mainly|mostly|"
                 r"solely|precisely|exactly|so|also)$", before.rstrip(" ,;"), re.IGNORECASE) \
            or word == "but" and re.search(r"\bnot only\b", before, re.IGNORECASE):
        return True  # "not in it for a lark, or because they lack ...": the clause is one of a pair
        # under the negation; "image and, although he won't say it, branding": inside a phrase
    if any(w.lower() in FINITE_VERBS for w in re.findall(r", (\w+)", rest)):
        return True  # "The father of Lily, found after X, says ...": the main verb is still to come
    if word == "when" and _when_is_not_a_time(before, rest):
        return True
    if word == "though" and re.search(r"\b(?:even|as)$", before, re.IGNORECASE):
        return True  # "even though" / "as though": one conjunction, not "even. But ..."
    if word in ("after", "before") and re.search(r"\b(?:weeks?|days?|months?|years?|hours?|minutes?|moments?|decades?|"
                                     r"shortly|soon|just|long|right|immediately)$", before, re.IGNORECASE):
        return True  # "two weeks after X" measures from X: "This was after X" would lose the gap
    if word != "but" and not _opens_clause(s, m.start(1)):
        return True  # "after a hard day's work": a preposition, not the start of a clause
    if word in ("after", "before", "when") and re.search(r",\s+\w+ing\b", rest):
        return True  # "had no gun when they exited the car, violating protocol": whose is the participle?
    if re.search(r"\b(?:cast|casts|casting|shed|sheds|shedding|throw|throws|threw|thrown|put|puts|putting|take|takes|"
                 r"took|taken|place|places|placed|pour|pours|poured|draw|draws|drew|drawn|call|calls|called|"
                 r"turn|turns|turned|shine|shines|shone)\s+(?:a\s+|the\s+|cold\s+|new\s+|fresh\s+)?(?:doubts?|"
                 r"light|aim|pressure|blame|emphasis|shadow|spotlight|water|attention)$", before, re.IGNORECASE):
        return True  # "also cast doubt after MH370 went missing on the belief that ...": the idiom's "on" comes later
    if word in ("after", "before") and re.search(r"\b(?:first|last|only|latest|earliest|since)\b", before, re.IGNORECASE):
        return True  # "the first execution after the death penalty was reinstated": "after" limits "first"
    return False


def _when_is_not_a_time(before: str, rest: str) -> bool:
    """Whether "when" between ``before`` and ``rest`` does not give the time of the
    words before it: it picks out a time, asks a question, or means "whenever"."""
    if re.search(r"\b(?:time|times|day|days|moment|moments|year|years|week|month|night|"
                 r"morning|period|point|age|era|season|stage|case|cases|place|that|just|only|instance|instances|"
                 r"occasion|occasions|times)$",
                 before, re.IGNORECASE):
        return True  # "at a time when ...": the clause picks out the time
    if re.match(r"it (?:comes|came) to\b", rest) or re.search(
            r"\b(?:unclear|clear|known|know|knew|sure|ask|asked|wonder|wondered|remember|decide|decided|see|saw|seen|"
            r"watch|watched|notice|noticed|learn|learned|learnt|show|showed|shown|tell|told|"
            r"listed|list|lists|recalled|recall|noted|described|reported|explained|mentioned|forgot|"
            r"determine|determined|explain|understand|unknown|certain|idea|question)$", before, re.IGNORECASE):
        return True  # "when it comes to"; "it was unclear when they were taken": a question, not a time
    if re.search(r"\b(?:always|usually|often|never|sometimes|would|every time|each time)\b", before, re.IGNORECASE):
        return True  # "I always looked up when I arrived": whenever, not one time
    return False


def _split_comma_when(s: str, trace: list[str]) -> list[str] | None:
    """"It took place in 2013, when bombers struck a church." -> "... This was when
    bombers ..."; None when no ", when" may split the sentence."""
    for m in re.finditer(r", when (?=[A-Za-z])", s):
        before, rest = s[: m.start()], s[m.end() :]
        if _REPORTING_RE.search(before) or re.search(r"\bwhen\b", rest):
            continue  # "he said, in his last interview, when ..."; "in 2011, when ..., and in 2012, when ..."
        if re.match(r"(?:it|that|this|they) (?:is|was|were|are|seemed|seems) (?:\w+ )?(?:convenient|possible|necessary|"
                    r"needed|appropriate|available|required|practical|feasible|safe|useful)\b", rest):
            continue  # "..., when it was convenient": whenever, a condition, not a time
        if _is_clause(rest) and _has_verb(before) and not _inside_quote(s, m.start()) \
                and _opens_clause(s, m.start() + 2) and _subordinate_tense(s, m.start() + 2) == "was":
            parts = _split_and_go_on(s, m, "This was when", trace, "split:subordinate:when")
            if parts:
                return parts
    return None


def _split_dash_aside(s: str, trace: list[str]) -> list[str] | None:
    """"The father -- he and his partner had a baby -- complained ..." -> two sentences,
    the aside after the main one; None when the sentence has no such aside."""
    m = re.search(r" (--|–|—) ([^-–—]+?) \1 ", s)
    if m and _is_clause(m.group(2)) and not _inside_quote(s, m.start()) and not re.search(r"[\"“”]|''", m.group(2)) \
            and not s[: m.start()].rstrip().endswith(("\"", "”")) and not s[m.end():].lstrip().startswith(("\"", "“")) \
            and _own_clause(s, m.start(2), m.end(2)) and not re.match(r"that is\b", m.group(2), re.IGNORECASE) \
            and not re.search(r"\b(?:said|reported|thought|believed|known|expected|understood|rumou?red)\s+to\b",
                              m.group(2)) \
            and not re.search(r"\b(?:called|named|dubbed|nicknamed|known as)\b", m.group(2)) \
            and not (re.match(r"(?:he|she|they|it)\b", m.group(2), re.IGNORECASE)
                     and re.search(r"(?<![.!?] )\b[A-Z][a-z]", s[m.end():])):
        # ("-- Egypt's most famous satirist called his country's Jon Stewart --" is a noun phrase;
        # "The Picks were there -- they sang ... -- as well as singer Tommy Allsup": after the
        # move, "They" could take in the name that follows)
        # ("-- that is, all but seven --" explains the words before it: not a sentence of its own;
        # "-- many said to be moved to tears --" has no verb of its own)
        main = s[: m.start()] + " " + s[m.end() :]
        aside = _end_sentence(_capitalise(m.group(2).strip()))
        if _word_count(main) >= MIN_PART_WORDS and _word_count(aside) >= MIN_PART_WORDS and _has_verb(main):
            trace.append("split:dash-aside")
            return [*_split_conjunctions(_tidy(main), trace), aside]
    return None


# A dash between words: two hyphens, an en or em dash, or (as British papers print it) a
# hyphen with a space on each side, not between figures ("2 - 1" is a score).
_DASH = r"(?:--|–|—|(?<!\d )-(?= \D))"


def _split_dash(s: str, trace: list[str]) -> list[str] | None:
    """"A -- B" with B a clause of its own -> "A. B."; "A -- but B" -> "A. But B."; None
    when no dash may split the sentence.

    >>> _split_dash("Chuck Norris is celebrating his 75th birthday -- but the calendar is only allowed to turn 39.", [])
    ['Chuck Norris is celebrating his 75th birthday.', 'But the calendar is only allowed to turn 39.']
    >>> _split_dash("Burberry's social media success has grown very fast - and it is still growing fast.", [])
    ["Burberry's social media success has grown very fast.", 'It is still growing fast.']
    >>> _split_dash("United won the game 2 - 1 and the fans went home happy after the match.", []) is None
    True
    """
    for m in re.finditer(rf" {_DASH} (?:(but|yet|and) )?(?=[A-Za-z])", s):
        if _dash_stays(s, m):
            continue  # ("-- but the calendar is only allowed to turn 39": the contrast word leads the new sentence)
        parts = _split_and_go_on(s, m, CONJUNCTION_LEADS[m.group(1)] if m.group(1) else "", trace, "split:dash")
        if parts:
            return parts
    return None


def _dash_stays(s: str, m: re.Match) -> bool:
    """Whether the dash matched by ``m`` must stay: what follows it is no sentence of its
    own (a noun phrase, a condition, the close of a pair of dashes), or what comes before
    it is none, or still frames it."""
    rest = s[m.end() :]
    if re.fullmatch(rf"(?:[^,]{{1,80}}\s)?(?:{_TAIL_CUES}|told|tells)(?:\s[^,]{{0,50}})?[.!?]?[”\"]?", rest.strip()):
        return True  # "... near the market -- a police spokesman said.": the source's, not a sentence alone
    if re.search(rf" {_DASH} ", rest) or not (_is_clause(rest) or _subject_opens(s, m.end())) \
            or not _has_verb(s[: m.start()]):
        return True
    unquoted = rest
    for qa, qb, _ in reversed(quotations(rest)):
        unquoted = unquoted[:qa] + unquoted[qb:]
    if not _has_verb(unquoted) or re.match(r"that is\b|that's\b", rest, re.IGNORECASE):
        return True  # '— Marvin Gaye's 1977 hit "Got to Give It Up."': a noun phrase; "-- that is if ...": a condition
    if re.search(r"\bnot (?:only|just|simply|merely)\b", s[: m.start()], re.IGNORECASE):
        return True  # "not only did she find him - but she ...": one statement, the first part no sentence alone
    if re.search(rf" {_DASH} ", s[: m.start()]):
        return True  # the closing dash of a pair: "chronicles -- in painful detail -- every defeat"
    if re.match(r"(?:When|If|While|Although|Though|As|Because|After|Before|Since|Until|Once)\b", s):
        return True  # "When X came out -- weeks after Y --": the first part would be a fragment
    if not (_own_clause(s, 0, m.start()) and _own_clause(s, m.end(), len(s))):
        return True  # "... at the races -- the 20th Dubai World Cup hosted at Meydan": a phrase, not a clause
    if _reports_before(s, m.start()) and not _reports_inside_clauses(s, m.start()):
        return True  # "reported to Shaw that collections reached $235,000 -- the first month ...": still the report
    if " ".join(_words(rest)[:2]).lower() in " ".join(_words(s[: m.start()])[:6]).lower():
        return True  # "But we must not let democracy, ... -- we must not let them be defeated": the speaker starts over
    if re.search(r"\b(?:argument|arguments|claim|claims|reason|reasons|view|views|message|point|theory|logic|"
                 r"rationale|explanation|excuse|idea|ideas|belief|beliefs|thinking)\b", s[: m.start()], re.IGNORECASE):
        return True  # "the students' arguments are essentially biological -- we are omnivores": theirs, not ours
    tokens = parse.parse(s)
    if not any(t.idx < m.start() and t.tag in ("VBD", "VBZ", "VBP", "MD") and (
            tokens[t.head] if t.dep in ("aux", "auxpass") else t).dep in ("ROOT", "conj", "ccomp", "parataxis")
               for t in tokens):
        return True  # "Updates on Walker, ... and a vote where Obama would love ... -- those stories filled ...":
        # the first part's only verb is a relative clause's, so it is no sentence
    first = parse.word_at(s, m.end())
    if first is not None and first.dep == "det":
        tokens = parse.parse(s)
        noun = tokens[first.head]
        after = tokens[noun.i + 1] if noun.i + 1 < len(tokens) else None
        if noun.dep not in ("nsubj", "nsubjpass") or after is None or not after.tag.startswith(("VB", "MD", "RB")):
            return True  # "-- the fight most boxing fans have wanted to see": a noun phrase, however parsed
    return False


def _split_coordinated_clauses(s: str, trace: list[str]) -> list[str] | None:
    """", but" / ", and" / ", so" ... before a clause of its own -> two sentences, the
    second led by :data:`CONJUNCTION_LEADS` ("But", "So", or nothing for "and"); None
    when no such conjunction may split the sentence.

    (Not ", while": it is as often a time as a contrast, and the time link is a fact:
    "may sit in jail ..., while the fees continue to build up".)

    >>> _split_coordinated_clauses("The sellers made money from the bags of air, even though the copycats lacked "
    ...                            "certificates of authenticity.", [])
    ['The sellers made money from the bags of air.', 'But the copycats lacked certificates of authenticity.']
    """
    for m in re.finditer(r",\s+(but|and|yet|so|although|even though|though|because)\s+", s):
        word = m.group(1).split()[-1]  # ", even though" concedes as ", though" does
        if _clauses_stay_together(s, m):
            continue
        lead = CONJUNCTION_LEADS[word]
        parts = _split_and_go_on(s, m, lead, trace, f"split:conjunction:{word}")
        if parts:
            return parts
    for m in re.finditer(r"(?<=[a-z0-9%])\s+(and|but)\s+(?=[A-Za-z])", s):
        if not _bare_conjunction_splits(s, m) or _clauses_stay_together(s, m):
            continue
        parts = _split_and_go_on(s, m, CONJUNCTION_LEADS[m.group(1)], trace, f"split:conjunction:{m.group(1)}")
        if parts:
            return parts
    return None


def _bare_conjunction_splits(s: str, m: re.Match) -> bool:
    """Whether "and" / "but" with no comma before it (matched by ``m``) joins two clauses
    that each stand alone, in the parser's reading: the main verb and a second verb with
    its own subject, and nothing before the main clause's subject that covers both (a
    time, a place, a condition: "On Monday X did A and Y did B").

    >>> s = "Liam Hemsworth has also been cast in a lead role and Jeff Goldblum will reprise his role."
    >>> _bare_conjunction_splits(s, re.search(r" (and) ", s))
    True
    >>> s = "On Monday the police arrested the man at his home and the court charged him with murder."
    >>> _bare_conjunction_splits(s, re.search(r" (and) the court", s))
    False
    >>> s = "The police arrested the man and the woman who drove the car to the bank."
    >>> _bare_conjunction_splits(s, re.search(r" (and) ", s))
    False
    >>> s = "The report found a department that was biased and that has targeted African-Americans."
    >>> _bare_conjunction_splits(s, re.search(r" (and) ", s))
    False
    """
    found = _conjoined(s, m)
    if found is None or _inside_quote(s, m.start()) or _REPORTING_RE.search(s[:m.start()]):
        return False  # ("Miss Moir is said to have stood by him and they still hope ...": the hedge may cover both)
    tokens, main, second = found
    subjects = [k for k in parse.children(tokens, main) if k.dep in ("nsubj", "nsubjpass", "expl")]
    if len(subjects) != 1 or subjects[0].i > main.i:
        return False
    if any(t.dep != "punct" for t in tokens[:subjects[0].left]):
        return False  # "On Monday the police ... and the court ...": the time may be the second clause's too
    if any(k.dep in ("advcl", "prep", "npadvmod") and k.i > second.right for k in parse.children(tokens, main)):
        return False  # a phrase after the second clause that the parser gives to the first: both, perhaps
    return any(t.tag in ("VBD", "VBZ", "VBP", "MD") for t in tokens[second.left:second.i + 1])


def _conjoined(s: str, m: re.Match) -> tuple[tuple[parse.Token, ...], parse.Token, parse.Token] | None:
    """The parse of ``s``, and the two verbs that the conjunction matched by ``m``
    (group 1) joins when the parser reads it as joining the main verb to a verb with a
    subject of its own: (tokens, main verb, second verb); None otherwise."""
    tokens = parse.parse(s)
    cc = parse.token_at(tokens, m.start(1))
    if cc is None or cc.dep != "cc":
        return None
    main = tokens[cc.head]
    if main.dep != "ROOT" or not main.tag.startswith(("VB", "JJ", "NN")):
        return None
    second = next((x for x in parse.children(tokens, main) if x.dep == "conj" and x.i > cc.i), None)
    if second is None or not second.tag.startswith(("VB", "MD")) and not any(
            k.dep in ("cop", "aux") for k in parse.children(tokens, second)):
        return None
    if not any(k.dep in ("nsubj", "nsubjpass", "expl") and k.left == cc.i + 1
               and k.text.lower() not in ("that", "which", "who", "whom", "whose", "what")
               for k in parse.children(tokens, second)):
        return None  # the second verb's subject opens the second clause ("a department that was biased and
        # that has targeted ...": a relative pronoun is no subject of a sentence of its own)
    return tokens, main, second


def _joins_main_clause(s: str, m: re.Match) -> bool:
    """Whether the conjunction matched by ``m`` joins the main clause to a second clause
    with its own subject, in the parser's reading ("Clinton has asked ..., and department
    officials are reviewing them").

    >>> s = "Clinton has asked for the emails to be made public, and department officials are reviewing them."
    >>> _joins_main_clause(s, re.search(r", (and) ", s))
    True
    >>> s = "He bought apples, and pears that were ripe."
    >>> _joins_main_clause(s, re.search(r", (and) ", s))
    False
    """
    return _conjoined(s, m) is not None


def _report_ends_before(s: str, m: re.Match) -> bool:
    """Whether every verb of saying before the conjunction matched by ``m`` ends its
    report before it, in the parser's reading: the conjunction joins a main verb that is
    no verb of saying ("Officials declined to say how many were missing, and they did not
    release the names": the second clause is the officials' act, not what was said);
    words that only look like a report ("warmer states") are not verbs.

    >>> s = "Military officials declined to say how many bodies were missing, and they did not release the names."
    >>> _report_ends_before(s, re.search(r", (and) ", s))
    True
    >>> s = "Rendell noted that the party won the vote, and some speculated about his future."
    >>> _report_ends_before(s, re.search(r", (and) ", s))
    False
    """
    found = _conjoined(s, m)
    if found is None:
        return False
    tokens, main, _ = found
    if _REPORTING_RE.fullmatch(main.text.lower()) and any(k.dep in ("ccomp", "parataxis") for k in parse.children(tokens, main)):
        return False  # the main verb reports a clause: the second may be reported too
    for t in tokens:
        if t.idx >= m.start() or t.i == main.i:
            continue
        if _REPORTING_RE.fullmatch(t.text.lower()) and (t.tag.startswith("VB") or t.text.lower() == "according"):
            if tokens[t.right].end > m.start() or t.dep in ("ccomp", "parataxis") or t.head == main.i and t.dep != "xcomp":
                return False  # the report reaches the conjunction; or "The man fled, police said, and
                # officers ...": a source set in the first clause may cover the second
    return True


# ", and can't wait to ...": a verb with no subject after a subordinate clause, which may be the main clause's.
_SUBJECTLESS_AFTER_RE = re.compile(r",\s+(?:and|or)\s+(?:can|can't|can’t|cannot|could|will|won't|won’t|would|has|have|"
                                   r"had|is|was|does|did|[a-z]+ed|[a-z]+s)\b")


def _clauses_stay_together(s: str, m: re.Match) -> bool:
    """Whether the conjunction matched by ``m`` (", but", ", and", ...) must not split:
    the words after it are no clause of their own, or the words before it reach over
    them (a report, a "not only", a series, a list, a colon, a pair of dashes, a source)."""
    word = m.group(1).split()[-1]  # ("even though" is "though")
    rest = s[m.end() :]
    # (", but was later caught": a verb without its subject is split:coordination's.)
    if not (_is_clause(rest) or _joins_main_clause(s, m) and _own_clause(s, m.end(), len(s))):
        return True  # ("and department officials are reviewing ...": a clause the word lists miss, the parser sees)
    if word in ("although", "though", "because") and _SUBJECTLESS_AFTER_RE.search(rest):
        return True  # "loves Luke, although he has none, and can't wait to ...": the last verb is the main subject's
    that = parse.word_at(s, m.end()) if rest.lower().startswith("that ") else None
    if that is not None and that.dep == "mark":
        return True  # "said the film would be his last, and that afterwards he would ...": still what he said
    if not (_own_clause(s, 0, m.start()) and _own_clause(s, m.end(), len(s))):
        return True  # "Paul McCartney, Patti Smith, Beck, and John Legend are ...": a list, not two clauses
    if _reports_before(s, m.start()) and not _report_ends_before(s, m):
        return True  # "Rendell noted that X, and some speculated ...": the second clause may be his words too
    if re.search(r"\b(?:and|or|but|nor)$", s[: m.start()]) or word == "but" and re.search(
            r"\bnot (?:only|because|just|simply|merely)\b", s[: m.start()], re.IGNORECASE):
        return True  # "talking about image and, although he won't say it, branding": inside a phrase;
        # "not only ..., but ...": one statement
    last = s[: m.start()].rfind(", ")
    earlier = s[: last].rfind(", ") + 2 if last > 0 and ", " in s[: last] else 0
    if word == "and" and last > 0 and _is_clause(s[last + 2: m.start()]) and _own_clause(s, last + 2, m.start()) \
            and _is_clause(s[earlier:last]) and _own_clause(s, earlier, last):
        return True  # "My speech began to slur, my hands were tingling, and my head was pounding": a series
        # of clauses; a split at the last one would leave a comma splice
    if word == "and" and re.search(r"[^,] where\b[^,]*$", s[: m.start()]):
        return True  # "places where ideas were safe to flourish, and we went to question": the second
        # clause may still say where
    if word == "and" and re.search(r": (?:a|an|the|some|many|two|three|four|several)\b[^:]*$", s[: m.start()]):
        return True  # "leaves a legacy: a raft of new rules ..., and an aggressive pledge ...": a list of things
    if word in ("because", "so") and _after_colon(s, m.start()):
        return True  # "you are about to hear this: Warren has to run ..., because ...": all of it is what is heard
    if word == "and" and re.search(r"\b(?:remember|remembers|remembered|recall|recalls|recalled|know|knows|knew|"
                                   r"imagine|imagined|think|thought|wonder|wondered|realize|realized|realise|"
                                   r"realised|understand|understood|learn|learned|learnt|notice|noticed|forget|"
                                   r"forgot|hope|hoped|fear|feared|worry|worried)\s+(?:when|how|that|if|"
                                   r"whether|what|why|where)\b", s[: m.start()], re.IGNORECASE):
        return True  # "I remember when cancer was a dirty word, and the prognosis was always grim": the
        # second clause may be remembered too
    if len(re.findall(rf" {_DASH} ", s[: m.start()])) % 2:
        return True  # "forces -- those commanded by Houthis, and those led by ... -- battled": inside a dash pair
    if re.search(r",\s+(?:[^,]{1,60}\s)?(?:said|says|told|tells|added|adds|reported|reports|testified|recalled|"
                 r"noted|argued|wrote|explained|insisted|warned|claimed|tweeted)\b|,\s+according to\b", rest):
        return True  # "X was at the palace ..., but he then fled, a Hadi aide said, also on condition of
        # anonymity": the source, not at the very end, covers both clauses
    if word == "so" and re.match(r"(?:that\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:can|could|may|might)\b", rest):
        return True  # ", so they can work with their family": a purpose, not a result
    return False
