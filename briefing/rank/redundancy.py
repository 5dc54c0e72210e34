"""Redundancy: no two key points say the same.

Two measures, either of which makes a pair redundant: LexRank's idf-cosine similarity
(sentences that share many of the article's rarer words), and the overlap of their
content words (stemmed, stop words out): the share of the shorter sentence's words that
the other holds too. The second catches a short point that only restates part of a
longer one ("He has been accused of sharing anti-Semitic content" beside "... an
anti-Semitism storm after he was accused of endorsing ..."), which cosine, diluted by
the longer sentence's other words, misses.
"""

from __future__ import annotations

from typing import Sequence

import numpy


OVERLAP = 0.5  # share of the shorter point's content words the other holds
OVERLAP_WORDS = 2  # and at least this many words shared: one shared name is no repeat


def overlap_matrix(content: Sequence[Sequence[str]]) -> numpy.ndarray:
    """For each pair of sentences, the share of the shorter one's content words that the
    other holds too; 0 where they share fewer than :data:`OVERLAP_WORDS`.

    >>> overlap_matrix([["accus", "share", "content"], ["accus", "content", "storm", "endors"], ["visit"]]).round(2)
    array([[1.  , 0.67, 0.  ],
           [0.67, 1.  , 0.  ],
           [0.  , 0.  , 1.  ]])
    """
    sets = [set(words) for words in content]
    n = len(sets)
    matrix = numpy.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            shared = len(sets[i] & sets[j])
            if shared >= OVERLAP_WORDS:
                matrix[i, j] = matrix[j, i] = shared / min(len(sets[i]), len(sets[j]))
    return matrix


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
