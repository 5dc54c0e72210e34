"""Cleaners: remove the debris scraped news carries. (Minimal version: none yet.)"""

from __future__ import annotations

from .models import Article


def clean(article: Article) -> Article:
    """``article`` with debris removed and a report of what went."""
    return article
