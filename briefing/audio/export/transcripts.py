"""Podcasting 2.0 chapters JSON and the transcript as text and as HTML."""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from typing import Any

from ...models import Script
from .id3 import id3_date
from .track import Chapter, TrackInfo


def chapters_json(chapters: Sequence[Chapter], info: TrackInfo) -> str:
    """Podcasting 2.0 JSON chapters (version 1.2.0), times in seconds."""
    doc: dict[str, Any] = {"version": "1.2.0", "title": info.title}
    if info.site:
        doc["author"] = info.site
    doc["chapters"] = [
        {"startTime": round(c.start, 3), "endTime": round(c.end, 3), "title": c.title} for c in chapters
    ]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def whole_seconds(seconds: float) -> int:
    """``seconds`` rounded to the nearest whole second, halves up: the one rounding that the
    shown time and its ``datetime`` both use.

    >>> whole_seconds(7.6), whole_seconds(2.5), whole_seconds(74.49)
    (8, 3, 74)
    """
    return int(math.floor(seconds + 0.5))


def clock(seconds: float) -> str:
    """``M:SS`` (or ``H:MM:SS``) for a transcript heading, to the nearest second.

    >>> clock(75.4), clock(3725), clock(7.6)
    ('1:15', '1:02:05', '0:08')
    """
    total = whole_seconds(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _meta_line(info: TrackInfo) -> str:
    return " · ".join(x for x in (info.site, id3_date(info.date), info.source_url) if x)


def transcript_text(script: Script, chapters: Sequence[Chapter], info: TrackInfo) -> str:
    """The transcript as plain text: the exact words spoken, a paragraph per chapter."""
    out = [info.title]
    meta = _meta_line(info)
    if meta:
        out.append(meta)
    for section, chapter in zip(script.sections, chapters):
        out += ["", f"[{clock(chapter.start)}] {chapter.title}", " ".join(line.text for line in section.lines)]
    return "\n".join(out) + "\n"


def transcript_html(script: Script, chapters: Sequence[Chapter], info: TrackInfo) -> str:
    """The transcript as a small standalone, accessible HTML document."""
    e = html.escape
    lang = e(info.language or "en")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Transcript: {e(info.title)}</title>",
        "<style>body{font:1.1rem/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}"
        "time{color:#555;font-size:.9em;margin-right:.5em}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{e(info.title)}</h1>",
    ]
    meta = []
    if info.site:
        meta.append(e(info.site))
    date = id3_date(info.date)
    if date:
        meta.append(f'<time datetime="{e(date)}">{e(date)}</time>')
    if info.source_url:
        meta.append(f'<a href="{e(info.source_url)}">Source article</a>')
    if meta:
        parts.append(f"<p>{' · '.join(meta)}</p>")
    for i, (section, chapter) in enumerate(zip(script.sections, chapters)):
        parts += [
            f'<section aria-labelledby="ch{i}">',
            f'<h2 id="ch{i}"><time datetime="PT{whole_seconds(chapter.start)}S">{clock(chapter.start)}</time>{e(chapter.title)}</h2>',
        ]
        parts.append(f"<p>{e(' '.join(line.text for line in section.lines))}</p>")
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
