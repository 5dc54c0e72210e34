"""What the exported files say about the briefing: its chapters and its track info."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Chapter:
    """A chapter of the audio: the intro, one key point, or the outro (times in seconds)."""

    title: str
    start: float
    end: float


@dataclass(frozen=True)
class TrackInfo:
    """What the ID3 tags, chapters JSON and transcripts say about the briefing."""

    title: str
    site: str | None = None
    date: str | None = None  # ISO 8601, at least a year
    language: str = "en"  # ISO 639-1
    source_url: str | None = None
    encoder: str = ""  # software and voice, for the TSSE frame
    content_hash: str | None = None

    @classmethod
    def from_briefing(cls, briefing: Any, **changes: Any) -> "TrackInfo":
        """The track info of a :class:`briefing.models.Briefing`'s article."""
        article = briefing.article
        site = article.site_name or _host(article.source_url)
        values = {
            "title": article.title or "Untitled briefing",
            "site": site,
            "date": article.published,
            "language": article.language or "en",
            "source_url": article.source_url,
        }
        values.update(changes)
        return cls(**values)


def _host(url: str | None) -> str | None:
    """The host name of ``url`` without ``www.``.

    >>> _host("https://www.thesun.co.uk/news/123/")
    'thesun.co.uk'
    >>> _host(None) is None
    True
    """
    if not url:
        return None
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", url, re.IGNORECASE)
    if not match:
        return None
    host = match.group(1).lower()
    return host[4:] if host.startswith("www.") else host
