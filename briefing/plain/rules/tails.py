"""Attributions at the end of a sentence (", police said.", ", according to officials.",
", said Mark Giuliano."): where one starts and how to repeat it briefly, so that a split
keeps it in every part (:func:`briefing.plain.rules.splits._split_attributed`).
"""

from __future__ import annotations

import re

from ...words import WEEKDAYS
from .. import parse


# "..., the Australian Red Cross said Saturday." / "..., according to officials.": a
# sentence that ends with its attribution is not split, or the first part would lose it.
# The cue may be followed only by a short adjunct (when, where, to whom: "said on Monday",
# "told CNN"); a cue with a clause after it ("..., but experts say it will take months")
# is the last clause's own verb, and the sentence may still be split before it.
_TIME_OR_PLACE = (
    r"(?:on|in|at|to|during|after|before|late|early|earlier|later|last|this|yesterday|today|tonight|"
    + "|".join(day.lower() for day in WEEKDAYS) + r"|[A-Z][a-z]+day)\b"  # (the weekdays of briefing.words)
)
# The cues of such a tail, besides "told"/"tells" (which may take an object: "told CNN").
_TAIL_CUES = (r"said|says|say|reported|reports|added|adds|claimed|claims|stated|states|wrote|writes|posted|"
              r"announced|confirmed|insisted|warned|explained|testified|testifies|recalled|recalls|noted|notes|"
              r"argued|argues|tweeted|heard|hears")
_ATTRIBUTION_TAIL_RE = re.compile(
    r",[”\"]?\s+(?:according to [^,]+|(?:[^,]{1,80}\s)?(?:"
    r"(?:told|tells)(?:\s[^,]{1,50})?"
    r"|(?:" + _TAIL_CUES + r")(?:\s(?i:" + _TIME_OR_PLACE + r")[^,]{0,50})?"
    r"))[.!?]?[”\"]?$"
)


# ", said Mark Giuliano." / ", said the minister.": the cue before its source.
_INVERTED_TAIL_RE = re.compile(
    r",\s+(?P<cue>said|says|added|adds|told)\s(?P<src>(?:[A-Z][\w.’'-]*)(?:\s[A-Z][\w.’'-]*){0,4}|the [a-z][^,]{0,40})"
    r"[.!?]?$"
)
_TAIL_PARTS_RE = re.compile(
    r",\s+(?:according to (?P<asrc>[^,]+?)|(?P<src>[^,]{1,80}?)\s(?P<cue>told|tells|" + _TAIL_CUES + r")"
    r"(?P<adj>\s[^,]{1,50})?)[.!?]?$"
)
# Words that show a "source" is really a clause ("..., which is what he said.").
_NOT_SOURCE_WORDS = frozenset("which who what that when where if as because while so and but or it there".split())
# The longest source repeated word for word in each part of a split.
REPEAT_SOURCE_WORDS = 6


def _pair_and(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is the one "and" between two sources ("authorities and first
    responders said"): not the first or last word, and no word of the source a verb.

    >>> _pair_and("authorities and first responders".split(), 1), _pair_and("and police".split(), 0)
    (True, False)
    >>> _pair_and("the plane landed and passengers".split(), 3)
    False
    """
    return words[k].lower() == "and" and 0 < k < len(words) - 1 and [w.lower() for w in words].count("and") == 1 \
        and not any(w.lower().endswith("ed") or w.lower() in ("is", "was", "are", "were", "has", "had", "have")
                    for w in words)


def _ends_with_source(s: str) -> bool:
    """Whether ``s`` ends with an attribution (", police said.", ", according to X.",
    ", said Mark Giuliano."), which any split of ``s`` must keep in every part.

    >>> _ends_with_source("Two bodies were found, the Guard said."), _ends_with_source("Two bodies were found.")
    (True, False)
    """
    return bool(_ATTRIBUTION_TAIL_RE.search(s) or _inverted_tail(s))


def _inverted_tail(s: str) -> re.Match | None:
    """The match of ", said SOURCE." at the end of ``s``, when the parser makes SOURCE the
    subject of the cue; not ", said the team deserved the win.", a report after its verb.

    >>> bool(_inverted_tail("The storm hit the coast, said the minister.")), _inverted_tail(
    ...     "After the game, Smith, who scored twice, said the team deserved the win.")
    (True, None)
    """
    m = _INVERTED_TAIL_RE.search(s)
    if m is None:
        return None
    tokens = parse.parse(s)
    cue = parse.token_at(tokens, m.start("cue"))
    inside = [t for t in tokens if m.start("src") <= t.idx < m.end("src") and t.dep != "punct"]
    tops = [t for t in inside if not m.start("src") <= tokens[t.head].idx < m.end("src") or t.head == t.i]
    if cue is None or len(tops) != 1 or tops[0].head != cue.i or tops[0].dep not in ("nsubj", "nsubjpass") \
            or any(t.tag.startswith("VB") or t.tag == "MD" for t in inside):
        return None
    return m


def _tail(s: str) -> tuple[int, str] | None:
    """Where an attribution at the end of ``s`` starts, and how to repeat it briefly
    (source and cue, no time): (start, repeat), or None.

    >>> s = "Two bodies were found, and two more are missing, the Guard said Thursday."
    >>> _tail(s)
    (47, 'the Guard said')
    >>> _tail("The storm hit the coast, said Mark Giuliano.")
    (23, 'Mark Giuliano said')
    >>> _tail("It is over, which is what he said.") is None
    True
    >>> _tail("The suspect still barged through, Richel told reporters.")
    (32, 'Richel told reporters')
    """
    m = _ATTRIBUTION_TAIL_RE.search(s)
    if m:
        parts = _TAIL_PARTS_RE.fullmatch(s, m.start())
        if not parts:
            return None
        if parts.group("asrc"):
            src, cue = parts.group("asrc"), None
        else:
            src, cue = parts.group("src"), parts.group("cue")
    else:
        m = _inverted_tail(s)
        if not m:
            return None
        src, cue = m.group("src").rstrip(".!?"), m.group("cue")
        parts = None
    words = src.split()
    if not words or any(w.lower() in _NOT_SOURCE_WORDS and not _pair_and(words, k) for k, w in enumerate(words)) \
            or any(ch in src for ch in "“”\"()"):
        return None
    if len(words) > REPEAT_SOURCE_WORDS:
        return None
    if cue is None:
        return m.start(), f"according to {src}"
    if cue in ("told", "tells"):
        # The hearer is part of the cue ("told CNN"); a time after it is not.
        hearer = []
        for w in (parts.group("adj") or "").split() if parts else []:
            if re.fullmatch(_TIME_OR_PLACE, w, re.IGNORECASE) or len(hearer) == 3:
                break
            hearer.append(w.rstrip(".!?,;"))  # ("told reporters.": not "reporters.." when repeated)
            if hearer[-1] != w:
                break
        if not hearer:
            return None
        cue = f"{cue} {' '.join(hearer)}"
    return m.start(), f"{src} {cue}"
