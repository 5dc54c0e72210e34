"""The attribution as its own short sentence, the main fact first (issue 19):

- "The ship sank on Friday, police said." -> "The ship sank on Friday. Police said this."
- "Police said the ship sank on Friday." -> "The ship sank on Friday. Police said this."
- "..., according to the NTSB." -> "... This is according to the NTSB."

The source and its cue stay word for word; only "this" (and "on" before a bare weekday)
is added. A sentence is left as written when moving its source would leave a pronoun
before the name it stands for ("Obama said he would ..."), when the report is in the
future of the past ("would"), when the reported words are a quotation or a question,
or when another rule has already repeated the source in a split.
"""

from __future__ import annotations

import re

from ...words import WEEKDAYS
from .. import parse
from .tails import _tail
from .text import _Context, _capitalise, _end_sentence, _inside_quote, _word_count

__all__ = ["_rule_move_attribution"]

# Reported words shorter than this stay with their source: the gain is small.
MIN_REPORTED_WORDS = 6
# Verbs of saying whose clause may stand first ("Police said", "Experts believe").
_CUES = frozenset("""said says say told tells reported reports added adds announced announces confirmed confirms
warned warns explained explains noted notes stated states wrote writes claimed claims insisted insists argued
argues believe believes believed think thinks thought estimated estimates revealed reveals acknowledged
acknowledges admitted admits""".split())
# A pronoun in the reported words may stand for the source: moved ahead of it, the
# reader would not know who "he" is.
_PERSONAL = re.compile(r"\b(?:he|she|they|we|i|you|his|her|hers|their|theirs|our|my|your|him|them|us|me|"
                       r"himself|herself|themselves|ourselves|itself)\b", re.IGNORECASE)
_WOULD = re.compile(r"\b(?:would|'d|’d)\b", re.IGNORECASE)
_WEEKDAY_RE = re.compile(r"^(?:" + "|".join(WEEKDAYS) + r")\b")
_QUOTE_CHARS = "\"“”‘’'"


def _rule_move_attribution(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    out: list[str] = []
    trace: list[str] = []
    if sum(_tail(s) is not None for s in sentences) > 1:
        return sentences, []  # a split already said the source in each part: "this" would be unclear
    for s in sentences:
        moved = _move_tail(s) or _move_lead(s)
        if moved:
            out.extend(moved)
            trace.append("move:attribution")
        else:
            out.append(s)
    return out, trace


def _reported_ok(text: str) -> bool:
    """Whether the reported words can stand first, as a sentence of their own."""
    body = text.strip()
    if _word_count(body) < MIN_REPORTED_WORDS or not body:
        return False
    if body[-1] in "?!" or body[-1] in _QUOTE_CHARS or body[0] in _QUOTE_CHARS:
        return False
    if _PERSONAL.search(body) or _WOULD.search(body):
        return False
    return True


def _adjunct(words: str) -> str:
    """The words after a cue, with "on" before a bare weekday ("said Monday" -> "said
    this on Monday", not "said this Monday")."""
    words = words.strip().rstrip(".")
    if _WEEKDAY_RE.match(words):
        words = "on " + words
    return (" " + words) if words else ""


_TAIL_CUE_RE = re.compile(r"^(?P<src>.+?)\s(?P<cue>" + "|".join(sorted(_CUES, key=len, reverse=True)) + r")(?P<adj>\s.*)?$")


def _move_tail(s: str) -> list[str] | None:
    """ "S, police said Monday." -> ["S.", "Police said this on Monday."]

    >>> _move_tail("The ship sank near the coast of Sittwe, the ministry said Friday.")
    ['The ship sank near the coast of Sittwe.', 'The ministry said this on Friday.']
    >>> _move_tail("The plane landed safely at the airport in Denver, according to the FAA.")
    ['The plane landed safely at the airport in Denver.', 'This is according to the FAA.']
    >>> _move_tail("The storm hit the coast near the city, said Mark Giuliano.")
    ['The storm hit the coast near the city.', 'Mark Giuliano said this.']
    >>> _move_tail("He will never give up the fight for them, his lawyer said.") is None
    True
    """
    found = _tail(s)
    if not found:
        return None
    start, _ = found
    if _inside_quote(s, start):
        return None
    body, tail = s[:start].rstrip(), s[start:].lstrip(", ").rstrip()
    if not _reported_ok(body) or any(ch in tail for ch in _QUOTE_CHARS + "()") or body.startswith(("Here", "This is")):
        return None
    tail = tail.rstrip(".")
    if tail.lower().startswith("according to "):
        return [_end_sentence(body), f"This is {tail}."]
    m = re.match(r"^(?P<cue>said|says|added|adds|told)\s(?P<src>.+)$", tail)
    if m and m.group("src")[:1].isupper() or (m and m.group("src").startswith("the ")):
        src = m.group("src")
        if m.group("cue") in ("told", "tells"):
            return None
        return [_end_sentence(body), f"{_capitalise(src)} {m.group('cue')} this."]
    m = _TAIL_CUE_RE.match(tail)
    if not m or m.group("cue") not in _CUES:
        return None
    src, cue, adj = m.group("src"), m.group("cue"), m.group("adj") or ""
    if cue in ("told", "tells"):
        # "told CNN" / "told reporters on Monday": the hearer comes before "this".
        hearer = re.match(r"^\s(\S+(?:\s[A-Z]\S*)*)(.*)$", adj)
        if not hearer:
            return None
        return [_end_sentence(body), f"{_capitalise(src)} {cue} {hearer.group(1)} this{_adjunct(hearer.group(2))}."]
    return [_end_sentence(body), f"{_capitalise(src)} {cue} this{_adjunct(adj)}."]


def _move_lead(s: str) -> list[str] | None:
    """ "Police said the ship sank on Friday." -> ["The ship sank on Friday.", "Police said this."]

    >>> _move_lead("Police said the ship sank in bad weather near the coast on Friday.")
    ['The ship sank in bad weather near the coast on Friday.', 'Police said this.']
    >>> _move_lead("The ministry said in a statement that the ship sank near the coast of Sittwe.")
    ['The ship sank near the coast of Sittwe.', 'The ministry said this in a statement.']
    >>> _move_lead("Obama said he would veto the bill if it reached his desk.") is None
    True
    """
    if any(ch in s for ch in _QUOTE_CHARS) or s.rstrip()[-1:] not in ".":
        return None
    tokens = parse.parse(s)
    head = parse.root(tokens)
    if head is None or head.text not in _CUES or tokens[head.i].tag not in ("VBD", "VBZ", "VBP"):
        return None
    kids = parse.children(tokens, head)
    subjects = [t for t in kids if t.dep == "nsubj"]
    clauses = [t for t in kids if t.dep == "ccomp"]
    if len(subjects) != 1 or len(clauses) != 1:
        return None
    subject, clause = subjects[0], clauses[0]
    if subject.left != 0 or subject.right != head.i - 1 or clause.i < head.i:
        return None
    if tokens[subject.i].text.lower() in ("it", "this", "that", "there", "which", "who"):
        return None
    # Between the cue and its clause: "that", or a short adjunct ("in a statement", "on Monday").
    start = tokens[clause.left]
    lead_that = False
    if start.text.lower() == "that" and start.dep == "mark":
        start, lead_that = tokens[start.i + 1], True
    between = s[head.end:start.idx].strip()
    if between.endswith(" that") or between == "that":
        lead_that = True
        between = between[: -len("that")].strip()
    if between and (not lead_that or "," in between or _word_count(between) > 5):
        return None
    if head.text in ("told", "tells") and not between:
        return None  # "told CNN the ..." parses the hearer into the clause at times
    end = tokens[clause.right]
    rest = s[end.end:].strip()
    if rest not in (".",):
        return None
    reported = s[start.idx:end.end]
    if reported.split()[0].lower() in ("if", "whether", "how", "what", "why", "when", "where", "who"):
        return None
    if not _reported_ok(reported):
        return None
    source = s[: head.idx].strip()
    if head.text in ("told", "tells"):
        return [_end_sentence(_capitalise(reported)), f"{source} {head.text} {between} this."]
    return [_end_sentence(_capitalise(reported)), f"{source} {head.text} this{_adjunct(between)}."]
