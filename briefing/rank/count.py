"""How many key points an article gets."""

from __future__ import annotations

MIN_POINTS = 3
MAX_POINTS = 7


def point_count(sentence_count: int, requested: int | None = None) -> int:
    """How many key points: ``requested`` if given, else 3 for up to 12 sentences and one
    more for each further 6 (13-18: 4, 19-24: 5, 25-30: 6), never more than 7; never
    more than there are sentences. A listener hears about one point per 5 sentences,
    which keeps a typical story's briefing between one and three minutes.

    >>> [point_count(n) for n in (2, 10, 12, 13, 19, 28, 30, 31, 200)]
    [2, 3, 3, 4, 5, 6, 6, 7, 7]
    >>> point_count(30, requested=2)
    2
    """
    if requested is not None:
        return min(requested, sentence_count)
    return min(sentence_count, MAX_POINTS, MIN_POINTS + max(0, sentence_count - 7) // 6)
