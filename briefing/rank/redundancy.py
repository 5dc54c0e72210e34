"""Redundancy: no two key points say the same."""

from __future__ import annotations

from typing import Sequence

import numpy


def choose_distinct(scores: Sequence[float], similarity: numpy.ndarray, count: int, threshold: float) -> list[int]:
    """The indices of the ``count`` best-scored sentences, best first (ties go to the
    earlier), skipping any whose similarity to one already chosen is ``threshold`` or
    more. If that leaves too few, the skipped ones fill in, best first.

    >>> similar = numpy.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.2], [0.1, 0.2, 1.0]])
    >>> choose_distinct([0.9, 0.8, 0.5], similar, 2, 0.5)
    [0, 2]
    >>> choose_distinct([0.9, 0.8, 0.5], similar, 3, 0.5)
    [0, 2, 1]
    """
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    for i in order:
        if len(chosen) == count:
            break
        if all(similarity[i, j] < threshold for j in chosen):
            chosen.append(i)
    for i in order:  # only when redundancy left too few
        if len(chosen) >= count:
            break
        if i not in chosen:
            chosen.append(i)
    return chosen
