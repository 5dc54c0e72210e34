"""Rankers: pick the key points. (Minimal version: lead sentences.)"""

from __future__ import annotations

from .config import BriefingConfig
from .models import Article, Attribution, KeyPoint, Sentence


def rank(article: Article, sentences: tuple[Sentence, ...], attributions: tuple[tuple[Attribution, ...], ...],
         config: BriefingConfig) -> tuple[tuple[KeyPoint, ...], tuple[str, ...]]:
    """Key points in article order, and notes about the choice."""
    n = config.points or 3
    points = tuple(
        KeyPoint(sentence_ids=(s.index,), text=s.text, original=s.text, spans=(s.span,), score=1.0,
                 attribution=attributions[s.index][0] if attributions[s.index] else None)
        for s in sentences[:n]
    )
    return points, ()


RANKERS = {"lead": rank, "briefing": rank}
