"""Articles the attribution tests share (not a test module)."""

from __future__ import annotations

from briefing.attribution.attribute import attribute
from briefing.models import Article
from briefing.text.split import split


def seed_article_from(seed_text: str) -> Article:
    """The seed article without what the cleaner removes (caption lines, a placeholder)."""
    lines = [line.strip() for line in seed_text.splitlines()]
    keep = [line for line in lines if line and not line.endswith("[/caption]") and "[#" not in line]
    return Article(paragraphs=tuple(keep))


def attribute_all(article: Article):
    """The article's sentences and their attributions."""
    sentences = split(article)
    return sentences, attribute(article, sentences)
