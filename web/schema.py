"""One public representation of a briefing, for every surface that shows one.

A key point is built once, by :func:`key_points`, with the same meaning for each field
everywhere (``POINT_FIELDS``): ``text`` is the key point as the article put it,
``plain`` its plain-language version (``text`` again when there is none), ``changed``
whether the rewrite changed it. The page and its JSON twin (:func:`briefing_data`), the
API's resource (:func:`briefing_resource`, whose ``email_html`` is made from it), the
podcast feed's show notes and the OpenAPI document (``RESOURCE_SCHEMAS``) derive from it.
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

# Every field of a key point, and what it means wherever it appears.
POINT_FIELDS: dict[str, str] = {
    "number": "The point's place in the briefing, from 1.",
    "text": "The key point as the article put it.",
    "plain": "The same point in plain language (may equal `text`).",
    "changed": "Whether the plain-language rewrite changed the point.",
    "original": "The article's own words the point was made from.",
    "sentence_ids": "The numbers of the article's sentences the point comes from.",
    "attribution": "Who said it: the source, the verb (cue), the quotation, the words the sentence used for the source.",
    "rules_applied": "The plain-language rules that changed the point.",
    "fallback_reason": "Why the point was kept as written, when a rewrite was refused.",
}

NULLABLE_STRING = {"type": ["string", "null"]}
MEDIA_URL = (
    "Served without a key (email clients cannot send one); the address holds the SHA-256 of the audio and "
    "cannot be guessed. It answers 404 once the briefing is deleted."
)
PAGE_URL = (
    "The briefing's accessible page on the site, when the site shows it (its key is public: "
    "`briefing keys public KEY_ID on`); null otherwise."
)
STATUSES = ["queued", "running", "done", "failed"]

# The API's representations, as the OpenAPI document declares them (web/openapi.py).
RESOURCE_SCHEMAS: dict[str, Any] = {
    "Attribution": {
        "type": ["object", "null"],
        "properties": {
            "source": {"type": "string"},
            "cue": NULLABLE_STRING,
            "quote": NULLABLE_STRING,
            "resolved_from": NULLABLE_STRING,
        },
    },
    "KeyPoint": {
        "type": "object",
        "required": ["text", "plain", "attribution", "sentence_ids"],
        "properties": {
            "text": {"type": "string", "description": POINT_FIELDS["text"]},
            "plain": {"type": "string", "description": POINT_FIELDS["plain"]},
            "attribution": {"$ref": "#/components/schemas/Attribution"},
            "sentence_ids": {"type": "array", "items": {"type": "integer"}},
        },
    },
    "Briefing": {
        "type": "object",
        "required": ["id", "status", "error", "created_at", "title", "page_url", "url", "key_points",
                     "audio", "transcript", "chapters", "email_html"],
        "properties": {
            "id": {"type": "string"},
            "status": {"type": "string", "enum": STATUSES},
            "error": {**NULLABLE_STRING, "description": "Why the audio failed (or why it is being tried again)."},
            "created_at": {"type": "string"},
            "updated_at": {"type": "string"},
            "title": {"type": "string"},
            "source_url": NULLABLE_STRING,
            "page_url": {**NULLABLE_STRING, "description": PAGE_URL},
            "url": {"type": "string", "description": "This resource."},
            "key_points": {"type": "array", "items": {"$ref": "#/components/schemas/KeyPoint"}},
            "readability": {"type": ["object", "null"]},
            "audio": {
                "type": ["object", "null"],
                "description": "Once done: the MP3.",
                "required": ["url", "bytes", "duration", "type"],
                "properties": {
                    "url": {"type": "string", "description": MEDIA_URL},
                    "bytes": {"type": ["integer", "null"]},
                    "duration": {"type": ["number", "null"]},
                    "type": {"type": "string"},
                },
            },
            "transcript": {
                "type": ["object", "null"],
                "description": "Once done: addresses of the captions (WebVTT), HTML and plain-text transcripts.",
                "required": ["vtt", "html", "text"],
                "properties": {"vtt": {"type": "string"}, "html": {"type": "string"}, "text": {"type": "string"}},
            },
            "chapters": {
                "type": ["array", "null"],
                "items": {
                    "type": "object",
                    "required": ["title", "start", "end"],
                    "properties": {"title": {"type": "string"}, "start": {"type": "number"}, "end": {"type": "number"}},
                },
            },
            "email_html": {**NULLABLE_STRING, "description": "Once done: an email-safe HTML snippet."},
        },
    },
    "BriefingSummary": {
        "type": "object",
        "required": ["id", "status", "title", "created_at", "page_url", "url"],
        "properties": {
            "id": {"type": "string"},
            "status": {"type": "string", "enum": STATUSES},
            "title": {"type": "string"},
            "source_url": NULLABLE_STRING,
            "created_at": {"type": "string"},
            "page_url": {**NULLABLE_STRING, "description": PAGE_URL},
            "url": {"type": "string"},
        },
    },
}

ATTRIBUTION_FIELDS = tuple(RESOURCE_SCHEMAS["Attribution"]["properties"])


# -- key points ---------------------------------------------------------------------------


def key_point(number: int, kp: dict[str, Any], pp: dict[str, Any] | None) -> dict[str, Any]:
    """Key point ``kp`` (``KeyPoint.to_dict()``) with its plain version ``pp``
    (``PlainPoint.to_dict()``, or None), as every surface shows it: ``POINT_FIELDS``."""
    text = kp.get("text", "")
    return {
        "number": number,
        "text": text,
        "plain": pp["text"] if pp else text,
        "changed": bool(pp and pp.get("changed")),
        "original": kp.get("original") or text,
        "sentence_ids": kp.get("sentence_ids") or [],
        "attribution": kp.get("attribution"),
        "rules_applied": (pp or {}).get("rules_applied") or [],
        "fallback_reason": (pp or {}).get("fallback_reason"),
    }


def key_points(briefing: dict[str, Any]) -> list[dict[str, Any]]:
    """The key points of a stored briefing (``Briefing.to_dict()``), in order, each
    paired with its plain version."""
    plain = briefing.get("plain_points") or []
    return [
        key_point(number, kp, plain[number - 1] if number - 1 < len(plain) else None)
        for number, kp in enumerate(briefing.get("key_points") or (), 1)
    ]


def api_point(point: dict[str, Any]) -> dict[str, Any]:
    """A key point as the API shows it (``KeyPoint`` in ``RESOURCE_SCHEMAS``), with only
    the attribution's public fields."""
    attribution = point.get("attribution") or None
    return {
        "text": point["text"],
        "plain": point["plain"],
        "attribution": {k: attribution.get(k) for k in ATTRIBUTION_FIELDS} if attribution else None,
        "sentence_ids": list(point.get("sentence_ids") or []),
    }


# -- the page and its JSON twin ------------------------------------------------------------


def briefing_data(record: BriefingRecord) -> dict[str, Any]:
    """A briefing page's data (and its JSON twin)."""
    b = record.briefing
    article = b.get("article") or {}
    points = key_points(b)
    source_url = fmt.safe_link(article.get("source_url") or record.source_url)
    audio = record.audio if record.status == "done" else None
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
        "reading_minutes": fmt.reading_minutes([p["plain"] for p in points]),
        "reading_level": fmt.reading_level(b.get("readability")),
        "readability": b.get("readability"),
        "key_points": points,
        "stories": digest_stories(b, points),
        "notes": b.get("notes") or [],
        "audio": audio_links(record, audio) if audio else None,
        "chapters": (audio or {}).get("chapters") or [],
        "transcript": (audio or {}).get("transcript") or [],
        "poll_seconds": current_app.config["STATUS_POLL_SECONDS"],
    }


def audio_links(record: BriefingRecord, audio: dict[str, Any]) -> dict[str, Any]:
    """The site-relative addresses of a briefing's media, and the audio's size, length and voice."""
    h = audio["content_hash"]
    files = audio.get("files") or {}

    def media(kind: str, default: str, **query: str) -> str:
        return url_for("media.media_file", content_hash=h, name=files.get(kind, default), **query)

    return {
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


def digest_stories(briefing: dict[str, Any], points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A daily digest's stories (web/digest.py), each with its own run of ``points``;
    none for any other briefing."""
    stories = []
    for story in (briefing.get("digest") or {}).get("stories") or ():
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
    return stories


# -- the API's resource ----------------------------------------------------------------------


def briefing_resource(record: BriefingRecord, *, public: bool) -> dict[str, Any]:
    """A briefing as the API shows it (absolute URLs; media and ``email_html`` once done).
    ``public``: whether the site shows it (its key is public); if not, ``page_url`` is null
    and the email snippet links to the audio instead of the page."""
    data = briefing_data(record)
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
        "page_url": absolute(data["url"]) if public else None,
        "url": absolute(url_for("api.get_briefing", briefing_id=record.id)),
        "key_points": [api_point(point) for point in data["key_points"]],
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


def briefing_summary(row: dict[str, Any]) -> dict[str, Any]:
    """A briefing in the API's list (``BriefingSummary``), from a row of
    :meth:`web.store.Store.briefing_page`."""
    return {
        "id": row["id"],
        "status": row["status"],
        "title": row["title"],
        "source_url": row["source_url"],
        "created_at": row["created_at"],
        "page_url": absolute(url_for("pages.briefing", briefing_id=row["id"])) if row.get("public") else None,
        "url": absolute(url_for("api.get_briefing", briefing_id=row["id"])),
    }
