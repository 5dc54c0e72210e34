"""Deletions of what states nothing: a section heading run into its sentence
(``drop:heading``), brackets that only point at a picture (``drop:parenthetical``), a
linking opener (``drop:side``), words of emphasis (``drop:filler:WORD``) and the "that"
after a verb of saying (``drop:that``). Every other word is a fact and stays.
"""

from __future__ import annotations

import re

from .clauses import MIN_PART_WORDS, _is_clause, _segments
from .lexicon_entries import _zipf
from .text import (
    _TOKEN_RE, _Context, _capitalise, _end_sentence, _fix_articles, _inside_quote, _overlaps, _protected, _tidy,
    _word_count, _words,
)
from .word_classes import CONJUNCTIONS, FINITE_VERBS, _PARTICLES, PREPOSITIONS, PRONOUNS, _REPORTING_RE
from .. import inflect, parse
from ..faithful import STOP_WORDS, negations


# Intensifiers, focus and linking adverbs that carry no fact of their own; references
# on ASSET valid drop them in over half of their rewrites. Hedges that carry
# attribution ("reportedly", "allegedly", "apparently") are NOT here: dropping them would
# state a claim as fact.
# Only words of emphasis, which state no fact: a review of 550 rewrites of unseen news
# found that dropping other adverbs changed the claim too often: "not completely",
# "almost certainly", "simply by" (= only by), "successfully courting", "repeatedly
# promised", "purposely crashed", "particularly women" (= more than others), and "also"
# that an inverted sentence needs ("Also getting protection was ..."). Other adverbs say
# how, how often, how much or whether on purpose: facts.
# ("truly", "really" and "actually" are left out too: "the truly Midwestern states" names
# which ones, "who these candidates really were" and "had actually warned" set a contrast.)
FILLERS = frozenset("very quite definitely".split())  # (not "basically": "basically stopped" is "almost")


DROP_REPORTING_THAT = True


# "said that X" -> "said X": the "that" after a reporting verb carries nothing. Only verbs
# that take no plain object: without "that", "added the money ...", "found the man ...",
# "noted the risk ..." first read as an object (a review of unseen rewrites flagged "added").
_THAT_RE = re.compile(r"\b(said|says|say|stated|states|claimed|claims|believed|believes|thought|thinks|"
                      r"argued|argues) that ")


def _is_adverb(s: str, at: int) -> bool:
    """Whether the parser tags the word at ``at`` as an adverb ("cowardly" and
    "elderly" end in -ly but are adjectives).

    >>> s = "The cowardly and reprehensible shooting of two officers was quickly condemned."
    >>> _is_adverb(s, s.index("cowardly")), _is_adverb(s, s.index("quickly"))
    (False, True)
    """
    word = parse.word_at(s, at)
    return word is not None and word.tag.startswith("RB")


def _drop_reporting_that(s: str) -> str:
    """"said that X" -> "said X", only where the parser reads "that" as the word that
    opens the clause, not its subject ("says that doesn't bother him"), and never in a quotation.

    >>> _drop_reporting_that("The parents said that his phone was out of power.")
    'The parents said his phone was out of power.'
    >>> _drop_reporting_that("Herzog says that doesn't bother him at all.")
    "Herzog says that doesn't bother him at all."
    """
    tokens = parse.parse(s)
    cuts = []
    for m in _THAT_RE.finditer(s):
        word = parse.token_at(tokens, m.end() - len("that "))
        after = tokens[word.i + 1] if word is not None and word.i + 1 < len(tokens) else None
        if word is not None and word.dep == "mark" and not _inside_quote(s, word.idx) and after is not None \
                and (after.tag in ("PRP", "NNP", "NNPS") or after.text.lower() in ("the", "a", "an", "his", "her",
                                                                                  "their", "its", "our", "this")):
            # only before a subject that plainly starts the clause: "noted that at one meeting, he ...",
            # "said that claim smacked of ..." keep their "that"
            cuts.append(word.idx)
    for at in reversed(cuts):
        s = s[:at] + s[at + len("that "):]
    return s


def _rule_fillers(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    out, trace = [], []
    for s in sentences:
        if DROP_REPORTING_THAT and _THAT_RE.search(s) and not any(k and "that" in k for k in ctx.keep):
            new = _drop_reporting_that(s)
            if new != s:
                s = new
                trace.append("drop:that")
        protected = _protected(s, ctx)
        new = s
        for m in reversed(list(_TOKEN_RE.finditer(s))):
            word = m.group().lower()
            if word not in FILLERS or _overlaps(m.start(), m.end(), protected):
                continue
            if m.group()[0].isupper() and m.start() > 0:
                continue  # "The Very First Light": part of a title
            if re.search(r"(?:\bnot|n['’]t|\bnever|\bno)(?:\s+[\w'’-]+){0,2}\s*$", s[: m.start()], re.IGNORECASE):
                continue  # "not just obnoxious" is not "not obnoxious"; "don't feel very Chinese" not "don't feel Chinese"
            if word == "very" and re.search(r"\b(?:could|would|can|may|might|will|should|must|the|this|that|"
                                            r"these|those|his|her|its|their)\s*$", s[: m.start()], re.IGNORECASE):
                continue  # "could very widely": a typo for "vary", or "could very well"
            if word == "very" and re.match(r" (?:young|old|rich|poor|sick|wealthy|weak|elderly)\b|"
                                           r" (?:high|low) frequency\b", s[m.end():], re.IGNORECASE):
                continue  # "the old and very young": small children, a group of its own; "very high
                # frequency" (VHF): a term
            nxt = re.match(r" ([\w'’-]+)", s[m.end():])
            if word == "very" and nxt and (nxt.group(1)[:1].isupper() or re.search(
                    rf"\b{re.escape(nxt.group(1))}\s+(?:or|and)\s*$", s[: m.start()])):
                continue  # "is very African"; "narrow or very narrow": the degree is the point
            if word == "quite" and re.match(r" (?:an?|the|few|some|so|another|other)\b", s[m.end():], re.IGNORECASE) or \
                    word == "very" and re.match(r" (?:well|much|own|least|most|first|last|same|idea|moment)\b",
                                                s[m.end():], re.IGNORECASE):
                continue  # "quite a few" is many, "a few" is not; "one thing ... quite another" is an idiom;
                # "very well could", "very much", "the very first"
            if s[: m.start()].rstrip().endswith((",", "--", "—", "–")):
                continue  # "in Belarus, especially the genocide": without it, an appositive that says something false
            if word.endswith("ly") and not _is_adverb(s, m.start()):
                continue  # "a really": an -ly word the parser does not read as an adverb
            after = s[m.end() : m.end() + 1]
            # "very" before a noun phrase end ("the very man") or a comma-isolated
            # adverb is left alone: only modifiers inside a phrase go.
            if after not in (" ",):
                continue
            head, rest = new[: m.start()], new[m.end() + 1 :]
            article = re.search(r"\b[Aa]n? $", head)
            if article:  # "a very even split" -> "an even split"
                fixed = _fix_articles(head[article.start():] + rest.split(" ", 1)[0])
                head = head[: article.start()] + fixed.split(" ", 1)[0] + " "
            new = head + rest
            trace.append(f"drop:filler:{word}")
        out.append(_capitalise(_tidy(new)) if new != s else s)
    return out, trace[::-1]


# Sentence openers that only link to the previous sentence: dropped with their comma.
# (Openers that state a relation stay: an exchange "In return", a cause "Therefore", a
# contrast "Instead", "Nevertheless", a time "Eventually", "Meanwhile", a scope "In
# general", "In practice", an example "For example". A review of unseen rewrites found
# the claim changed without them.)
DISCOURSE_OPENERS = (
    "either way", "in fact", "of course", "indeed", "in any case", "at any rate",
    "for their part", "for his part", "for her part", "for its part", "moreover", "furthermore",
    "additionally", "notably", "interestingly", "importantly", "besides", "in addition",
)
# Kinds of side clause that :func:`_rule_side_clauses` may drop (for ablation in tuning).
# Only linking openers ("In return, ", "Meanwhile, ") go. Every other side phrase
# carries something: a scope, time or place before the subject ("On both of these topics,
# X says ..."), a result or reason after it (", resulting in death", ", citing
# communication problems", ", since it is high in pectin"), examples (", such as war
# criminals"). Dropping them gained 0.36 SARI on ASSET valid, where the references drop
# such phrases, but lost facts that the check cannot see; the participles that name a
# result or a report become sentences instead (split:participle). Enabling another kind
# again needs more than the word lists: they took list items ("attempted murder") and
# main predicates for side phrases, which only a parse tells apart.
SIDE_CLAUSE_KINDS = frozenset({"opener"})
_NOT_PARTICIPLES = frozenset(
    "including according following during nothing something anything everything thing things king morning "
    "evening building string spring ring bring sing wing being having regarding concerning excluding "
    "beginning meaning".split()
)


def _side_kind(segment: str, index: int, count: int) -> str | None:
    """What kind of side clause a comma-delimited segment is, if any.

    >>> _side_kind(" receiving the temporary designation.", 1, 2)
    'participle'
    >>> _side_kind(" coupled with a simultaneous fan poll.", 1, 2)
    'pastpart'
    >>> _side_kind(" and the satellite was found.", 1, 2) is None
    True
    """
    words = _words(segment)
    if not words:
        return None
    first = words[0]
    lower = first.lower()
    if index == 0:
        if count > 1 and segment.strip().lower() in DISCOURSE_OPENERS:
            return "opener"
        if count > 1 and len(words) <= 5 and (lower in PREPOSITIONS or lower.endswith("ing")) \
                and lower not in ("as", "like", "than", "of", "to", "since", "until", "after", "before") \
                and not any(w.lower() in PRONOUNS or w.lower() in FINITE_VERBS for w in words[1:]):
            return "fronted"
        return None
    if first[0].isupper() or lower in CONJUNCTIONS:
        return None
    if lower.endswith("ing") and len(lower) > 5 and lower not in _NOT_PARTICIPLES:
        return "participle"
    if len(words) >= 3 and (lower in inflect.PAST_OF_PARTICIPLE or (lower.endswith("ed") and len(lower) > 4)) \
            and not _is_clause(segment) and not re.fullmatch(r"\s*\w+ (?:and|or) \w+[.!?]?\s*", segment):
        # (", burned and abandoned,": a pair of participles is the fact itself, kept.)
        return "pastpart"
    if lower in ("which", "where"):
        return "relative"  # "who" clauses hold facts about people: split, never dropped
    if lower in PREPOSITIONS and lower not in ("of", "than", "as", "like", "to") and len(words) >= 3:
        return "prep"
    if lower.endswith("ly") and lower not in ("only", "early", "family", "italy", "july", "reportedly",
                                              "allegedly", "apparently", "reply", "supply", "rally") \
            and not (len(words) > 3 and index == count - 2):
        # ", wildly successful phases of his career, when ...": a longer segment
        # before the last is a noun phrase the adverb modifies, not an adverbial.
        return "adverbial"
    if lower in ("such", "especially", "particularly", "notably", "mainly", "mostly", "usually"):
        return "adverbial"
    return None


def _rule_side_clauses(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    """Drop side clauses of the kinds in :data:`SIDE_CLAUSE_KINDS` (linking openers,
    "In return, ") that hold no name, number, date, quotation or negation."""
    out, trace = [], []
    for s in sentences:
        protected = _protected(s, ctx)
        segments = _segments(s)
        keep: list[tuple[int, int]] = []
        dropped = []
        for k, (a, b) in enumerate(segments):
            kind = _side_kind(s[a:b], k, len(segments))
            if kind == "opener" and k + 1 < len(segments) and _REPORTING_RE.search(s[segments[k + 1][0]:segments[k + 1][1]]):
                kind = None  # "Furthermore, Toobin said, Durst ...": without it, "Toobin said," leads
            if kind in SIDE_CLAUSE_KINDS and not _overlaps(a, b, protected) and not negations(s[a:b]):
                dropped.append(kind)
                continue
            keep.append((a, b))
        if not dropped or not keep:
            out.append(s)
            continue
        # A dropped middle segment takes both its commas: "Gomis, who ..., said" -> "Gomis said".
        pieces = []
        for n, (a, b) in enumerate(keep):
            if n and keep[n - 1][1] + 1 != a:
                pieces.append(" " if b < len(s) or s[a:b].strip() else "")
            elif n:
                pieces.append(",")
            pieces.append(s[a:b])
        new = "".join(pieces)
        new = _end_sentence(_tidy(new))
        if _word_count(new) < MIN_PART_WORDS:
            out.append(s)
            continue
        if s[:1].isupper():
            new = _capitalise(new)
        out.append(new)
        trace.extend(f"drop:{kind}" for kind in dropped)
    return out, trace


_PAREN_RE = re.compile(r"\s*\(([^()]*)\)")
# Brackets that point at a picture or a video beside the text: nothing to say aloud.
_CAPTION_RE = re.compile(r"(?:pictured|picture|pictures|photo|photos|photographed|file(?: photo| picture)?|video|"
                         r"watch|inset|see (?:above|below|map|video|photo|picture)|above|below|top|bottom|left|right|"
                         r"centre|center|far (?:left|right)|second (?:left|right)|from left|from right|"
                         r"(?:pictured|above|below|top|bottom) (?:left|right|centre|center))",
                         re.IGNORECASE)


def _rule_parentheticals(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    """Drop brackets that say nothing: a caption's pointer ("(pictured left)", "(video)")
    or punctuation alone. Every other bracket stays.

    Earlier versions dropped every bracket without a name, number, date, hedge, scope or
    clause. A third review of rewrites of unseen news found that what was left still
    carried facts: a gloss "(pork buns)", a conversion "(thousands of dollars)", a scope
    "(among other areas)", a direction "(to the south)", an editor's "(it)" in a quote.

    >>> _rule_parentheticals(["The actor (pictured left) arrived with bao bao (pork buns)."], _Context())[0]
    ['The actor arrived with bao bao (pork buns).']
    """
    out, trace = [], []
    for s in sentences:
        protected = _protected(s, ctx)
        new, last = [], 0
        for m in _PAREN_RE.finditer(s):
            inner = m.group(1).strip()
            if not inner or _overlaps(m.start(1), m.end(1), protected):
                continue
            if re.search(r"\w", inner) and not _CAPTION_RE.fullmatch(inner):
                continue
            new.append(s[last : m.start()])
            last = m.end()
            trace.append("drop:parenthetical")
        new.append(s[last:])
        out.append(_tidy("".join(new)) if last else s)  # untouched when nothing was dropped
    return out, trace


# A section heading run into its first sentence by a scraper: "History The town was ...".
_HEADING_RE = re.compile(r"^(?P<head>[A-Z][a-z]+(?: [a-z]+)?) (?=(?:The|A|An|In|It|He|She|They|This|There|His|Her|Its|"
                         r"After|During|On|At|By|From|Since|When|Some|Many|Most)\s)")


def _rule_heading(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    """Drop a heading word left at the head of a sentence ("History The town ..." ->
    "The town ..."). Only an ordinary English word counts as a heading: a name there
    ("Nessler An early method ...") is left for the reader.

    >>> _rule_heading(["History The town was founded in 1200.", "In The Hague it rained."], _Context())
    (['The town was founded in 1200.', 'In The Hague it rained.'], ['drop:heading'])
    """
    out, trace = [], []
    for s in sentences:
        m = _HEADING_RE.match(s)
        head = m.group("head").lower().split() if m else []
        if head and head[0] not in STOP_WORDS and all(_zipf(w) >= 3.0 for w in head) \
                and not re.match(r"A (?:is|was|has|had|will|would|can|could|does|did)\b", s[m.end():]) \
                and not (re.search(r"\byou\b", s, re.IGNORECASE) and max(_zipf(head[0] + "ed"), _zipf(head[0] + "d")) >= 3) \
                and not (len(head) == 2 and head[1] in _PARTICLES) \
                and not _overlaps(0, m.end(), _protected(s, ctx)):
            # ("Country A is a small nation": a label, not a heading; "Mention The Stomp in a bar
            # and you ...": a verb that speaks to the reader)
            s = s[m.end():]
            trace.append("drop:heading")
        out.append(s)
    return out, trace
