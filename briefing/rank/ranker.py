"""The one interface every ranker implements, and what rankers share.

Every ranker is one class behind one callable interface, in the style of sumy's
summarizers: it is configured when it is built and never changed afterwards, and
``ranker(sentences, attributions, count)`` returns the chosen ``(sentence index,
score)`` pairs in article order (:class:`Ranker`). Shared here: sumy's document model
over *our* sentences (:func:`sumy_document`), sumy's stemmer and stop words, built once
per process, and the scores' normalisation and the top-``count`` choice.

Scores: ``KeyPoint.score`` is the ranker's score for the sentence, min-max
normalised over the article's sentences, so the article's best sentence scores 1.0
and its worst 0.0. Scores compare sentences of one article, not articles.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Callable, Protocol, Sequence

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from ..models import Attribution, Sentence
from ..text.nlp import tokenizer

Attributions = Sequence[Sequence[Attribution]]
Ranked = tuple[tuple[int, float], ...]


class Ranker(Protocol):
    """What every ranker is: built once, then called on an article's sentences."""

    def __call__(self, sentences: Sequence[Sentence], attributions: Attributions, count: int) -> Ranked:
        """The ``count`` best sentences as ``(index, score)`` pairs, in article order."""
        ...


@lru_cache(maxsize=1)
def stemmer() -> Callable[[str], str]:
    """sumy's English (Snowball) stemmer with a memo: news repeats its words a lot."""
    return lru_cache(maxsize=65536)(Stemmer("english"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop words."""
    return frozenset(get_stop_words("english"))


def sumy_document(sentences: Sequence[Sentence]) -> ObjectDocumentModel:
    """sumy's document model over our sentences: one sumy paragraph per article paragraph.

    Sentence ``k`` of the result is ``sentences[k]``, so sumy's order is ours.
    """
    tok = tokenizer()
    paragraphs: list[list[SumySentence]] = []
    last = None
    for s in sentences:
        if s.paragraph != last:
            paragraphs.append([])
            last = s.paragraph
        paragraphs[-1].append(SumySentence(s.text, tok))
    return ObjectDocumentModel(Paragraph(p) for p in paragraphs)


def normalise(scores: Sequence[float]) -> list[float]:
    """Min-max normalise to [0, 1]; all-equal (or non-finite) scores become 1.0.

    >>> normalise([2.0, 4.0, 3.0])
    [0.0, 1.0, 0.5]
    >>> normalise([-1.0, -1.0])
    [1.0, 1.0]
    """
    finite = [s for s in scores if math.isfinite(s)]
    if not finite:
        return [1.0] * len(scores)
    low, high = min(finite), max(finite)
    if high - low <= 1e-12:
        return [1.0] * len(scores)
    return [(s - low) / (high - low) if math.isfinite(s) else 0.0 for s in scores]


def top(scores: Sequence[float], count: int) -> Ranked:
    """The ``count`` highest scores as ``(index, score)`` in article order; ties go to the earlier.

    >>> top([0.2, 0.9, 0.9, 0.1], 2)
    ((1, 0.9), (2, 0.9))
    """
    best = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:count]
    return tuple((i, scores[i]) for i in sorted(best))
