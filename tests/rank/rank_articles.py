"""Articles the rank tests share (not a test module). Articles are built by hand so the
tests do not depend on the cleaner or the attributor."""

from __future__ import annotations

from briefing.config import BriefingConfig
from briefing.models import Article
from briefing.rank.rank import rank
from briefing.text.split import split


def article_of(*paragraphs: str) -> Article:
    return Article(paragraphs=tuple(paragraphs))


def run(article: Article, attributions=None, **config):
    """The article's sentences, key points and notes, with ``config`` for the ranker."""
    sentences = split(article)
    if attributions is None:
        attributions = tuple(() for _ in sentences)
    points, notes = rank(article, sentences, attributions, BriefingConfig(**config))
    return sentences, points, notes


def seed_lines_of(seed_text: str) -> list[str]:
    return [line.strip() for line in seed_text.splitlines() if line.strip()]


def seed_article_of(seed_lines: list[str]) -> Article:
    """The seed sample as the cleaner will leave it: captions and the placeholder dropped."""
    kept = [line for line in seed_lines if not line.endswith("[/caption]") and not line.startswith("Published:")]
    return article_of(*kept)
