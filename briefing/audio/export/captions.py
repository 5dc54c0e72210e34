"""WebVTT captions: a cue per sentence (or several, evenly broken), timed within it."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ...models import Segment


@dataclass(frozen=True)
class Cue:
    """One WebVTT cue: at most ``max_lines`` lines of at most ``max_chars`` characters."""

    start: float
    end: float
    lines: tuple[str, ...]


def wrap_caption(text: str, width: int = 42) -> list[str]:
    """Caption lines of at most ``width`` characters, breaking between words (and inside a
    word only when it is longer than a line, such as a URL).

    >>> wrap_caption("Musk will meet with President Isaac Herzog and Prime Minister Benjamin Netanyahu.")
    ['Musk will meet with President Isaac Herzog', 'and Prime Minister Benjamin Netanyahu.']
    >>> [len(line) for line in wrap_caption("https://" + "x" * 60)]
    [42, 26]
    """
    return textwrap.wrap(" ".join(text.split()), width=width, break_long_words=True, break_on_hyphens=False)


def _balanced_lines(text: str, width: int, max_lines: int) -> list[str] | None:
    """``text`` in at most ``max_lines`` lines of at most ``width`` characters, as even as possible,
    or None when it does not fit.

    >>> _balanced_lines("The tech boss has come under fire over allegations", 42, 2)
    ['The tech boss has come', 'under fire over allegations']
    """
    if len(text) <= width:
        return [text]
    for w in range(-(-len(text) // max_lines), width + 1):
        lines = wrap_caption(text, w)
        if len(lines) <= max_lines and all(len(line) <= width for line in lines):
            return lines
    return None


def _split_words(words: list[str], parts: int, limit: int) -> list[list[str]] | None:
    """``words`` in ``parts`` runs of about equal length, each at most ``limit`` characters,
    preferring breaks after punctuation; None when they do not fit.

    >>> _split_words("one two, three four five six".split(), 2, 84)
    [['one', 'two,', 'three'], ['four', 'five', 'six']]
    >>> _split_words("aaaa bbbb, cc dd ee ff".split(), 2, 84)
    [['aaaa', 'bbbb,'], ['cc', 'dd', 'ee', 'ff']]
    >>> _split_words("aaaa bbbb, cc dd ee ff".split(), 2, 10)
    """
    ends = np.cumsum([len(w) + 1 for w in words])  # the end of word i, plus one space

    def length(a: int, b: int) -> int:  # words[a:b] joined by spaces
        return int(ends[b - 1] - (ends[a - 1] if a else 0)) - 1

    total = float(ends[-1])
    cuts, last = [], 0
    for k in range(1, parts):
        ideal = total * k / parts
        best, best_cost = None, None
        for i in range(last + 1, len(words) - (parts - k) + 1):
            if length(last, i) > limit:
                break
            cost = abs(ends[i - 1] - ideal) - (0.2 * total / parts if words[i - 1][-1] in ",;:" else 0.0)
            if best_cost is None or cost < best_cost:
                best, best_cost = i, cost
        if best is None:
            return None
        cuts.append(best)
        last = best
    if length(last, len(words)) > limit:
        return None
    bounds = [0, *cuts, len(words)]
    return [words[a:b] for a, b in zip(bounds, bounds[1:])]


def caption_cues(segments: Iterable[Segment], max_chars: int = 42, max_lines: int = 2) -> list[Cue]:
    """Cues for ``segments``: one per sentence, or several when a sentence needs more than
    ``max_lines`` lines, each as even as possible and timed within the sentence in proportion
    to its characters."""
    cues: list[Cue] = []
    for seg in segments:
        words = seg.text.split()
        if not words:
            continue
        parts = max(1, -(-len(wrap_caption(seg.text, max_chars)) // max_lines))
        while True:
            groups = _split_words(words, parts, max_chars * max_lines) if parts < len(words) else None
            if groups is None and parts < len(words):
                parts += 1
                continue
            groups = groups or [[w] for w in words]
            laid = [_balanced_lines(" ".join(g), max_chars, max_lines) for g in groups]
            if all(lines is not None for lines in laid) or parts >= len(words):
                break
            parts += 1
        cue_lines = []
        for group, lines in zip(groups, laid):
            # A single word too long for one line (a URL) is cut into pieces.
            cue_lines += [tuple(lines)] if lines is not None else [
                tuple(chunk) for chunk in _chunks(wrap_caption(" ".join(group), max_chars), max_lines)
            ]
        weights = [sum(len(line) for line in lines) + len(lines) for lines in cue_lines]
        total = float(sum(weights))
        # Work in whole milliseconds so that rounding never makes neighbours overlap.
        start_ms, end_ms = int(round(seg.start * 1000)), int(round(seg.end * 1000))
        done = 0
        for lines, weight in zip(cue_lines, weights):
            a = start_ms + int(round((end_ms - start_ms) * done / total))
            done += weight
            b = start_ms + int(round((end_ms - start_ms) * done / total))
            cues.append(Cue(a / 1000, b / 1000, lines))
    return cues


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def vtt_timestamp(seconds: float) -> str:
    """WebVTT time: ``HH:MM:SS.mmm``.

    >>> vtt_timestamp(3723.5)
    '01:02:03.500'
    """
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _vtt_escape(text: str) -> str:
    """Escape cue text (``&``, ``<`` and ``>`` are markup in WebVTT).

    >>> _vtt_escape("AT&T --> <b>")
    'AT&amp;T --&gt; &lt;b&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(cues: Sequence[Cue]) -> str:
    """The WebVTT document for ``cues``."""
    parts = ["WEBVTT", ""]
    for i, cue in enumerate(cues, 1):
        parts += [str(i), f"{vtt_timestamp(cue.start)} --> {vtt_timestamp(cue.end)}"]
        parts += [_vtt_escape(line) for line in cue.lines]
        parts.append("")
    return "\n".join(parts)
