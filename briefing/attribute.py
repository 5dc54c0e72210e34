"""Attribute each sentence to its source. (Minimal version: nothing found.)"""

from __future__ import annotations

from .models import Article, Attribution, Sentence


def attribute(article: Article, sentences: tuple[Sentence, ...]) -> tuple[tuple[Attribution, ...], ...]:
    """For every sentence, the attributions found in it (possibly none)."""
    return tuple(() for _ in sentences)
