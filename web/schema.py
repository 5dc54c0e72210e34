"""One public representation of a briefing, for every surface that shows one.

``briefing_data`` is a briefing page's data (and its JSON twin); ``briefing_resource``,
the API's view of the same briefing, is derived from it.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, url_for

from . import format as fmt
from .email import email_html
from .store import BriefingRecord
from .urls import absolute

STATUS_MESSAGES = {
    "queued": "The audio is waiting to be made. You can read the key points while you wait.",
    "running": "The audio is being made now. You can read the key points while you wait.",
    "done": "The audio is ready.",
    "failed": "The audio could not be made.",
}


def briefing_data(record: BriefingRecord) -> dict[str, Any]:
    """A briefing page's data (and its JSON twin)."""
    b = record.briefing
    article = b.get("article") or {}
    plain = b.get("plain_points") or []
    points = []
    for number, kp in enumerate(b.get("key_points") or (), 1):
        pp = plain[number - 1] if number - 1 < len(plain) else None
        points.append(
            {
                "number": number,
                "text": pp["text"] if pp else kp["text"],
                "plain": bool(pp and pp.get("changed")),
                "key_point": kp["text"],
                "original": kp.get("original") or kp["text"],
                "sentence_ids": kp.get("sentence_ids") or [],
                "attribution": kp.get("attribution"),
                "rules_applied": (pp or {}).get("rules_applied") or [],
                "fallback_reason": (pp or {}).get("fallback_reason"),
            }
        )
    source_url = fmt.safe_link(article.get("source_url") or record.source_url)
    audio = record.audio if record.status == "done" else None
    audio_links = None
    if audio:
        h = audio["content_hash"]
        files = audio.get("files") or {}

        def media(kind: str, default: str, **query: str) -> str:
            return url_for("media.media_file", content_hash=h, name=files.get(kind, default), **query)

        audio_links = {
            "url": media("mp3", "briefing.mp3"),
            "download_url": media("mp3", "briefing.mp3", download=fmt.slug(record.title)),
            "type": "audio/mpeg",
            "bytes": audio.get("mp3_bytes"),
            "duration": audio.get("duration"),
            "captions_url": media("vtt", "captions.vtt"),
            "chapters_url": media("chapters", "chapters.json"),
            "transcript_url": media("transcript_txt", "transcript.txt"),
            "transcript_html_url": media("transcript_html", "transcript.html"),
            "voice": audio.get("voice"),
        }
    # A daily digest (web/digest.py) groups its points by story.
    stories = []
    for story in (b.get("digest") or {}).get("stories") or ():
        first, count = int(story.get("first_point") or 0), int(story.get("points") or 0)
        stories.append(
            {
                "id": story["id"],
                "title": story.get("title") or "Untitled story",
                "url": url_for("pages.briefing", briefing_id=story["id"]),
                "site_name": story.get("site_name"),
                "source_url": fmt.safe_link(story.get("source_url")),
                "key_points": points[first : first + count],
            }
        )
    return {
        "id": record.id,
        "url": url_for("pages.briefing", briefing_id=record.id),
        "json_url": url_for("pages.briefing_json", briefing_id=record.id),
        "status": record.status,
        "status_message": STATUS_MESSAGES.get(record.status, record.status),
        "error": record.error,
        "title": record.title,
        "site_name": article.get("site_name") or fmt.host(source_url),
        "byline": article.get("byline"),
        "published": article.get("published"),
        "source_url": source_url,
        "created_at": record.created_at,
        "reading_minutes": fmt.reading_minutes([p["text"] for p in points]),
        "reading_level": fmt.reading_level(b.get("readability")),
        "readability": b.get("readability"),
        "key_points": points,
        "stories": stories,
        "notes": b.get("notes") or [],
        "audio": audio_links,
        "chapters": (audio or {}).get("chapters") or [],
        "transcript": (audio or {}).get("transcript") or [],
        "poll_seconds": current_app.config["STATUS_POLL_SECONDS"],
    }


def briefing_resource(record: BriefingRecord) -> dict[str, Any]:
    """A briefing as the API shows it (absolute URLs; media and ``email_html`` once done)."""
    data = briefing_data(record)
    key_points = []
    for point in data["key_points"]:
        attribution = point.get("attribution") or None
        key_points.append(
            {
                "text": point["key_point"],
                "plain": point["text"],
                "attribution": (
                    {k: attribution.get(k) for k in ("source", "cue", "quote", "resolved_from")} if attribution else None
                ),
                "sentence_ids": list(point.get("sentence_ids") or []),
            }
        )
    links = data.get("audio")
    done = record.status == "done" and links is not None
    resource: dict[str, Any] = {
        "id": record.id,
        "status": record.status,
        "error": record.error,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "title": record.title,
        "source_url": data.get("source_url"),
        "page_url": absolute(data["url"]),
        "url": absolute(url_for("api.get_briefing", briefing_id=record.id)),
        "key_points": key_points,
        "readability": data.get("readability"),
        "audio": None,
        "transcript": None,
        "chapters": None,
        "email_html": None,
    }
    if done:
        resource["audio"] = {
            "url": absolute(links["url"]),
            "bytes": links.get("bytes"),
            "duration": links.get("duration"),
            "type": links.get("type") or "audio/mpeg",
        }
        resource["transcript"] = {
            "vtt": absolute(links["captions_url"]),
            "html": absolute(links["transcript_html_url"]),
            "text": absolute(links["transcript_url"]),
        }
        resource["chapters"] = data.get("chapters") or []
        resource["email_html"] = email_html(resource)
    return resource
