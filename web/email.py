"""An email-safe snippet of a briefing, for newsletter tools to paste into an email.

Email clients strip ``<style>``, scripts and most CSS, and none plays ``<audio>``, so
the snippet is one table with inline styles: the title, the plain key points with their
sources, a "Listen (N min)" link to the briefing page and a plain link to the MP3 (or,
when the briefing has no public page, a "Listen" link to the MP3).
It holds no images (so nothing needs alt text) and loads nothing by itself.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

FONT = "font-family:Georgia,'Times New Roman',serif;"
TEXT = "color:#1a1a1a;font-size:16px;line-height:1.5;"
SMALL = "color:#4a4a4a;font-size:14px;line-height:1.4;"
LINK = "color:#0b57d0;text-decoration:underline;"


def listen_minutes(duration: float | None) -> int:
    """Whole minutes to announce for ``duration`` seconds (at least 1).

    >>> listen_minutes(61), listen_minutes(20), listen_minutes(None)
    (2, 1, 1)
    """
    if not duration or duration <= 0:
        return 1
    return max(1, math.ceil(duration / 60))


def _source_line(attribution: dict[str, Any] | None) -> str:
    """"Source: the mayor (said)" for a point, or "" when it has no attribution.

    >>> _source_line({"source": "Ana Lopez", "cue": "said"})
    'Source: Ana Lopez (said)'
    >>> _source_line(None)
    ''
    """
    if not attribution or not attribution.get("source"):
        return ""
    line = f"Source: {attribution['source']}"
    if attribution.get("cue"):
        line += f" ({attribution['cue']})"
    return line


def email_html(resource: dict[str, Any]) -> str:
    """The snippet for an API briefing ``resource`` (absolute URLs; audio when done). Its
    title and "Listen" link go to the briefing's page when it has a public one, else
    "Listen" goes to the MP3.

    >>> html = email_html({"title": "Bridge <reopens>", "page_url": "https://x.example/b/1",
    ...     "key_points": [{"plain": "It opens Monday.", "text": "It opens Monday.",
    ...                     "attribution": {"source": "the council", "cue": "said"}}],
    ...     "audio": {"url": "https://x.example/m.mp3", "duration": 95.0}})
    >>> "Bridge &lt;reopens&gt;" in html and "Listen (2 min)" in html and "<script" not in html
    True
    >>> private = email_html({"title": "T", "page_url": None,
    ...     "audio": {"url": "https://x.example/m.mp3", "duration": 95.0}})
    >>> '<a href="https://x.example/m.mp3"' in private and "Listen (2 min, MP3)" in private and "<h2" in private
    True
    """
    title = escape(resource.get("title") or "Briefing")
    page_url = escape(resource.get("page_url") or "", quote=True)
    heading = f'<a href="{page_url}" style="color:#1a1a1a;text-decoration:none;">{title}</a>' if page_url else title
    rows = [
        f'<tr><td style="{FONT}padding:0 0 12px 0;">'
        f'<h2 style="{FONT}color:#1a1a1a;font-size:22px;line-height:1.3;margin:0;">{heading}</h2></td></tr>'
    ]
    items = []
    for point in resource.get("key_points") or ():
        text = escape(point.get("plain") or point.get("text") or "")
        source = escape(_source_line(point.get("attribution")))
        source_html = f'<br><span style="{SMALL}">{source}</span>' if source else ""
        items.append(f'<li style="{FONT}{TEXT}margin:0 0 10px 0;">{text}{source_html}</li>')
    if items:
        rows.append(
            f'<tr><td style="{FONT}padding:0 0 12px 0;">'
            f'<ul style="margin:0;padding:0 0 0 20px;">{"".join(items)}</ul></td></tr>'
        )
    audio = resource.get("audio") or {}
    links = []
    minutes = listen_minutes(audio.get("duration"))
    mp3 = escape(audio["url"], quote=True) if audio.get("url") else ""
    if page_url:
        links.append(f'<a href="{page_url}" style="{LINK}font-weight:bold;">Listen ({minutes} min)</a>')
        if mp3:
            links.append(f'<a href="{mp3}" style="{LINK}">Download the MP3</a>')
    elif mp3:
        # No public page (the key's briefings are private): the MP3 itself is the player.
        links.append(f'<a href="{mp3}" style="{LINK}font-weight:bold;">Listen ({minutes} min, MP3)</a>')
    source_url = resource.get("source_url")
    if source_url:
        links.append(f'<a href="{escape(source_url, quote=True)}" style="{LINK}">Read the original article</a>')
    if links:
        rows.append(f'<tr><td style="{FONT}{TEXT}padding:0 0 8px 0;">{" &middot; ".join(links)}</td></tr>')
    rows.append(
        f'<tr><td style="{FONT}{SMALL}padding:0;">Key points made automatically by Briefing; '
        "check the original before you rely on them.</td></tr>"
    )
    return (
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
        f'style="border-collapse:collapse;max-width:600px;">{"".join(rows)}</table>'
    )
