"""The OpenAPI 3.1 document of the API at ``/api/v1``, built from one dict.

The briefing's representations come from web/schema.py, the voices from the voice
registry (``briefing.audio.speak.VOICES``), the most key points from the library's config.

Tests validate it with openapi-spec-validator and run schemathesis against the served
app, so every status code, header and body shape written here is what the API sends.
"""

from __future__ import annotations

import copy
from typing import Any

from flask import Flask

from briefing.audio.speak import VOICES
from briefing.config import MAX_POINTS

from .schema import NULLABLE_STRING, RESOURCE_SCHEMAS

RATE_HEADERS = {
    "RateLimit-Limit": {"$ref": "#/components/headers/RateLimit-Limit"},
    "RateLimit-Remaining": {"$ref": "#/components/headers/RateLimit-Remaining"},
    "RateLimit-Reset": {"$ref": "#/components/headers/RateLimit-Reset"},
}


def _problem(description: str, extra_headers: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {**RATE_HEADERS, **(extra_headers or {})},
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def _json(description: str, schema_ref: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {**RATE_HEADERS, **(headers or {})},
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}},
    }


COMMON_ERRORS = {
    "401": _problem(
        "No API key, or an unknown or revoked one.",
        {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}},
    ),
    "429": _problem(
        "The key's rate limit is spent.",
        {"Retry-After": {"required": True, "schema": {"type": "string", "pattern": "^[0-9]+$"},
                         "description": "Seconds until the next request is allowed (the same as RateLimit-Reset)."}},
    ),
}

# Who can see what: said once here, in the document's description and the docs page.
VISIBILITY = (
    "A key owns the briefings it makes: it reads, lists and deletes only those; any other id (another key's "
    "briefing, or one made on the site) answers 404, exactly as a missing one does. The site (briefing pages, "
    "the podcast feed, oEmbed, daily digests) shows a key's briefings only when its owner marks the key public "
    "(`briefing keys create --public`, `briefing keys public KEY_ID on|off`); `page_url` is null until then. "
    "The media files (MP3, captions, transcripts) are served without a key, because email clients cannot send "
    "one: their addresses hold the SHA-256 of the audio and cannot be guessed, so share them only with whom "
    "may hear the briefing. DELETE removes a briefing with its queued work, pending webhooks and media files "
    "(their addresses then answer 404; files whose audio another briefing shares stay for it). A server may "
    "delete API briefings older than a number of days (API_RETENTION_DAYS)."
)

# The shape of a page cursor (web/api.py: CURSOR): the last briefing's time and id, or empty.
CURSOR_PATTERN = "^([0-9]{8}T[0-9]{6}Z\\.[A-Za-z0-9_-]{1,64})?$"

BRIEFING_ID = {
    "name": "briefing_id",
    "in": "path",
    "required": True,
    "description": "The briefing's id.",
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"},
}

SCHEMAS: dict[str, Any] = {
    "Problem": {
        "type": "object",
        "description": "An error (RFC 9457). `errors` maps a field (or header) to what is wrong with it.",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "errors": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
    "NewBriefing": {
        "type": "object",
        "description": "Exactly one of `text`, `html` or `url`, and optional settings.",
        "additionalProperties": False,
        "properties": {
            "text": {"type": "string", "minLength": 1, "pattern": "\\S",
                     "description": "The article as plain text (first line: title), in English; at most UPLOAD_MAX_BYTES in UTF-8."},
            "html": {"type": "string", "minLength": 1, "pattern": "\\S",
                     "description": "The article's web page, as HTML, in English; at most UPLOAD_MAX_BYTES in UTF-8."},
            "url": {"type": "string", "pattern": "^https?://[^\\s/?#]+[^\\s]*$", "maxLength": 2048,
                    "description": "A public http(s) address of the article; fetched by the server."},
            "title": {"type": "string", "minLength": 1, "maxLength": 300, "pattern": "\\S",
                      "description": "Title to use instead of the article's own."},
            "points": {"type": "integer", "minimum": 1, "maximum": MAX_POINTS, "description": "How many key points (default: 3 to 7 by length)."},
            "voice": {"type": "string", "enum": list(VOICES), "description": "The voice (default: the server's configured voice); a voice that cannot speak on this server (espeak-ng missing, no internet for gtts) makes the briefing fail, with the reason in `error`."},
            "rewriter": {"type": "string", "enum": ["rules", "llm"], "description": "Plain-language rewriter (default rules)."},
            "webhook_url": {"type": "string", "pattern": "^https?://[^\\s/?#]+[^\\s]*$", "maxLength": 2048,
                            "description": "Public http(s) address to POST `briefing.completed` or `briefing.failed` to."},
        },
        "oneOf": [{"required": ["text"]}, {"required": ["html"]}, {"required": ["url"]}],
    },
    **RESOURCE_SCHEMAS,
    "BriefingPage": {
        "type": "object",
        "required": ["data", "next_cursor"],
        "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/BriefingSummary"}},
            "next_cursor": {**NULLABLE_STRING, "description": "Pass as `cursor` for the next page; null on the last."},
        },
    },
}

PATHS: dict[str, Any] = {
    "/briefings": {
        "post": {
            "operationId": "createBriefing",
            "summary": "Brief an article",
            "description": (
                "Makes the key points now and queues the audio. Answers 202 with `Location`. The briefing belongs "
                "to the key that made it. The same article with the same settings from the same key returns that "
                "key's briefing; another key's briefings are never returned. "
                "Send `Idempotency-Key` to make a retry safe: the same key and body return the same briefing; "
                "the same key with another body is refused with 422. Articles not in English are refused with "
                "422 naming their language, short ones included."
            ),
            "parameters": [
                {"name": "Idempotency-Key", "in": "header", "required": False,
                 "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x20-\\x7e]+$"}},
            ],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewBriefing"}}},
            },
            "responses": {
                "202": _json("Accepted: key points made, audio queued (or already made).", "Briefing",
                             {"Location": {"required": True, "schema": {"type": "string"}}}),
                "400": _problem("The body is not JSON."),
                "413": _problem("The body is too large: send a shorter article, or its address as `url`."),
                "415": _problem("The body is not sent as application/json."),
                "422": _problem(
                    "A field is wrong, the article cannot be briefed (not English, no text, an address that is refused "
                    "or fails), the webhook_url is refused, or the Idempotency-Key was used with another body."),
                **COMMON_ERRORS,
            },
        },
        "get": {
            "operationId": "listBriefings",
            "summary": "List the key's briefings, newest first",
            "description": "Only the briefings this key made.",
            "parameters": [
                {"name": "limit", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                {"name": "cursor", "in": "query", "required": False, "schema": {"type": "string", "pattern": CURSOR_PATTERN},
                 "description": "`next_cursor` of the previous page, unchanged; absent or empty for the first page."},
            ],
            "responses": {
                "200": _json("A page of briefings.", "BriefingPage",
                             {"Link": {"schema": {"type": "string"}, "description": "rel=\"next\" when there is a next page."}}),
                "400": _problem("`limit` or `cursor` is not valid."),
                **COMMON_ERRORS,
            },
        },
    },
    "/briefings/{briefing_id}": {
        "parameters": [BRIEFING_ID],
        "get": {
            "operationId": "getBriefing",
            "summary": "Get one of the key's briefings and its status",
            "description": "Poll until `status` is `done` (audio, transcript, chapters, email_html filled in) or `failed` (see `error`).",
            "responses": {
                "200": _json("The briefing.", "Briefing"),
                "404": _problem("This key has no such briefing (it never existed, was deleted, or is not this key's)."),
                **COMMON_ERRORS,
            },
        },
        "delete": {
            "operationId": "deleteBriefing",
            "summary": "Delete one of the key's briefings",
            "description": (
                "Deletes the briefing, its queued audio and pending webhooks, and its media files: their addresses "
                "answer 404 afterwards (unless another briefing has the same audio), and no feed lists it."
            ),
            "responses": {
                "204": {"description": "Deleted.", "headers": RATE_HEADERS},
                "404": _problem("This key has no such briefing (it never existed, was deleted, or is not this key's)."),
                **COMMON_ERRORS,
            },
        },
    },
}


def build_spec(app: Flask | None = None) -> dict[str, Any]:
    """The OpenAPI document (a fresh copy: callers may change it)."""
    limit = int(app.config["API_RATE_LIMIT"]) if app else 120
    window = int(app.config["API_RATE_WINDOW"]) if app else 60
    header = {"schema": {"type": "string", "pattern": "^[0-9]+$"}, "required": True}
    return copy.deepcopy(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "Briefing API",
                "version": "1.0.0",
                "description": (
                    "Send news articles in; get plain key points with their sources, audio, a transcript and an "
                    "email snippet back. Every call needs an API key (`Authorization: Bearer bk_...`; make one with "
                    f"`briefing keys create --name NAME`). Each key may make {limit} requests every {window} seconds.\n\n"
                    "Who can see what: " + VISIBILITY
                ),
            },
            "servers": [{"url": "/api/v1"}],
            "security": [{"bearer": []}],
            "paths": PATHS,
            "components": {
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "An API key, bk_..."}},
                "headers": {
                    "RateLimit-Limit": {**header, "description": "Requests allowed per window."},
                    "RateLimit-Remaining": {**header, "description": "Requests left now."},
                    "RateLimit-Reset": {**header, "description": (
                        "Seconds until the next request is added to RateLimit-Remaining (0: the allowance is full); "
                        "on a 429 the same as Retry-After.")},
                },
                "schemas": SCHEMAS,
            },
        }
    )


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The operations of ``spec`` in order, flattened for the docs page."""
    out = []
    for path, item in spec["paths"].items():
        for method in ("post", "get", "delete"):
            op = item.get(method)
            if op is None:
                continue
            out.append(
                {
                    "id": op["operationId"],
                    "method": method.upper(),
                    "path": spec["servers"][0]["url"] + path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": item.get("parameters", []) + op.get("parameters", []),
                    "body": op.get("requestBody"),
                    "responses": [(code, r["description"]) for code, r in op["responses"].items()],
                }
            )
    return out
