"""Extract an Article from text, HTML or a URL. (Minimal version: text only.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .config import BriefingConfig
from .errors import EmptyInputError
from .models import Article


@dataclass(frozen=True)
class Source:
    """Raw input: ``kind`` is "text", "html" or "url"; ``data`` the text, markup or URL."""

    kind: Literal["text", "html", "url"]
    data: str
    name: str | None = None


def read_source(arg: str, config: BriefingConfig | None = None) -> Source:
    """Turn a command-line SOURCE (a path, ``-`` for stdin, or a URL) into a Source."""
    if arg.startswith(("http://", "https://")):
        return Source("url", arg, arg)
    with open(arg, encoding="utf-8") as f:
        return Source("text", f.read(), arg)


def extract(source: Source, config: BriefingConfig) -> Article:
    """The article in ``source``, with paragraphs split on lines."""
    paragraphs = tuple(line.strip() for line in source.data.splitlines() if line.strip())
    if not paragraphs:
        raise EmptyInputError("The input holds no text: give an article's text, HTML or URL.")
    return Article(paragraphs=paragraphs)


def source_from_text(text: str, config: BriefingConfig | None = None) -> Source:
    """A Source for text already in memory (HTML is recognised by its markup)."""
    return Source("text", text)
