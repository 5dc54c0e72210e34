"""The JSON API at ``/api/v1`` for newsletter tools.

Every API call needs a key (``Authorization: Bearer bk_...``); only its SHA-256 is
stored. A key owns the briefings it makes, and sees, lists and deletes only those: any
other id answers 404, exactly as a missing one does, so ids leak nothing. Each key (or,
before a key is known, each client address) has a token bucket: every response says how
much is left (``RateLimit-*``) and an empty bucket answers 429 with ``Retry-After``.
Errors are ``application/problem+json`` (RFC 9457) with per-field ``errors``. Creating a
briefing reuses :func:`web.briefings.brief` (the form's path): the text pipeline runs in
the request, the audio is queued, and a webhook (see :mod:`web.webhooks`) reports when it
is done. Deleting is :func:`web.deletion.delete_briefing`. The OpenAPI document is built in
:mod:`web.openapi`; tests keep it true.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, Response, current_app, g, jsonify, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from briefing.audio.speak import VOICES
from briefing.config import MAX_POINTS
from briefing.errors import BriefingError
from briefing.text.extract import Source, source_from_text

from . import deletion, errors
from . import format as fmt
from .briefings import brief
from .extensions import get_store, page_cache
from .openapi import VISIBILITY, build_spec, operations
from .pipeline import briefing_config
from .schema import briefing_resource, briefing_summary
from .store import BriefingRecord, Store
from .urls import base_url
from .webhooks import check_webhook_url, register_webhook

API_PREFIX = "/api/v1"
KEY_PREFIX = "bk_"
SECRET_PREFIX = "whsec_"
PROBLEM_TYPE = "application/problem+json"
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
IDEMPOTENCY_KEY_MAX = 255
TEXT_FIELDS = ("text", "html", "url")
# White space as the OpenAPI document's patterns (ECMA-262 "\s") know it: a field the
# schema accepts ("\S": one character that is not this) is never refused as blank here.
_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_BLANK = re.compile(f"[{_SPACE}]*")
_EDGES = re.compile(f"^[{_SPACE}]+|[{_SPACE}]+$")
_HTTP_URL = re.compile(f"^https?://[^{_SPACE}/?#]+[^{_SPACE}]*$", re.I)  # the schema's pattern, read as ECMA-262 does
REWRITERS = ("rules", "llm")

bp = Blueprint("api", __name__, url_prefix=API_PREFIX)

# Endpoints under /api/v1 that document the API rather than use it: no key needed.
PUBLIC_ENDPOINTS = frozenset({"api.openapi", "api.docs"})


# -- problems (RFC 9457) ----------------------------------------------------------------


class Problem(Exception):
    """An API error, answered as ``application/problem+json``."""

    def __init__(self, status: int, title: str, detail: str, *, kind: str | None = None,
                 errors: dict[str, str] | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.kind = kind
        self.errors = errors
        self.headers = headers or {}


def problem_response(status: int, title: str, detail: str, *, kind: str | None = None,
                     errors: dict[str, str] | None = None, headers: dict[str, str] | None = None) -> Response:
    """A problem document; ``kind`` names a section of the API docs (the problem's type)."""
    body: dict[str, Any] = {
        "type": f"{API_PREFIX}/docs#problem-{kind}" if kind else "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response = current_app.response_class(json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _handle_problem(exc: Problem) -> Response:
    return problem_response(exc.status, exc.title, exc.detail, kind=exc.kind, errors=exc.errors, headers=exc.headers)


def _is_api_request() -> bool:
    return request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/")


# -- keys -------------------------------------------------------------------------------


def hash_key(token: str) -> str:
    """The stored form of an API key: its SHA-256, hex.

    >>> hash_key("bk_x") == hashlib.sha256(b"bk_x").hexdigest()
    True
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_key(store: Store, name: str, public: bool = False) -> dict[str, Any]:
    """Make a key called ``name``: returns its id, the key itself, its webhook signing
    secret and ``public``. The key is shown this once; only its hash is kept. The site
    shows the briefings of a ``public`` key (pages, feeds); a private key's are seen only
    through the API, with the key."""
    name = (name or "").strip()
    if not name:
        raise BriefingError("Give the key a name, e.g. `briefing keys create --name newsletter`.")
    key_id = "key_" + secrets.token_hex(4)
    token = KEY_PREFIX + secrets.token_urlsafe(32)
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    store.add_key(key_id, name, hash_key(token), secret, public=public)
    return {"id": key_id, "name": name, "key": token, "webhook_secret": secret, "public": public}


def list_keys(store: Store) -> list[dict[str, Any]]:
    """Every key (never the key itself), oldest first."""
    return store.keys()


def revoke_key(store: Store, key_id: str) -> bool:
    """Revoke a key at once; False when no such key is active. Its briefings stay (on the
    site only while the key is public) until they expire."""
    return store.revoke_key(key_id)


def set_key_public(store: Store, key_id: str, public: bool) -> bool:
    """Let the site show a key's briefings (pages, feeds, oEmbed, digests), or stop it at
    once; False when there is no such key."""
    return store.set_key_public(key_id, public)


def key_for_token(store: Store, token: str) -> dict[str, Any] | None:
    """The active key whose hash matches ``token``, or None."""
    if not token.startswith(KEY_PREFIX) or len(token) > 200:
        return None
    return store.active_key(hash_key(token))


# -- rate limit -------------------------------------------------------------------------


@dataclass(frozen=True)
class Allowance:
    """What a token bucket said about one request."""

    allowed: bool
    limit: int
    remaining: int
    reset: int  # seconds until the next request is allowed beyond ``remaining`` (0: the bucket is full)
    retry_after: int  # seconds until one request is allowed (0 when allowed)


class RateLimiter:
    """In-process token buckets: ``limit`` requests per ``window`` seconds, refilled
    smoothly, so a burst of ``limit`` is allowed and then one every ``window/limit`` s.

    >>> limiter = RateLimiter(2, 60)
    >>> [limiter.take("k", now=0).allowed for _ in range(3)]
    [True, True, False]
    >>> limiter.take("k", now=30).allowed
    True
    >>> refused = RateLimiter(120, 60)
    >>> [refused.take("k", now=0) for _ in range(120)][-1].reset, refused.take("k", now=0)
    (1, Allowance(allowed=False, limit=120, remaining=0, reset=1, retry_after=1))
    """

    def __init__(self, limit: int, window: float) -> None:
        self.limit = max(int(limit), 1)
        self.rate = self.limit / max(float(window), 1e-9)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> Allowance:
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, stamp = self._buckets.get(key, (float(self.limit), now))
            tokens = min(float(self.limit), tokens + (now - stamp) * self.rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[key] = (tokens, now)
        # A token bucket has no window that resets all at once, so RateLimit-Reset (IETF
        # draft-ietf-httpapi-ratelimit-headers: "seconds until the quota resets") is the
        # time until the next whole request is added to RateLimit-Remaining: 0 when the
        # bucket is full. On a 429 that is exactly Retry-After, so the two always agree;
        # RateLimit-Policy ("120;w=60") gives the refill rate for the rest. (Reporting the
        # time until the bucket is full, as before, gave "RateLimit-Reset: 60" beside
        # "Retry-After: 1".)
        whole = math.floor(tokens)
        reset = 0 if whole >= self.limit else max(1, math.ceil((whole + 1 - tokens) / self.rate))
        retry_after = 0 if allowed else reset
        return Allowance(allowed, self.limit, int(whole), reset, retry_after)


def _rate_headers(allowance: Allowance, window: float) -> dict[str, str]:
    return {
        "RateLimit-Limit": str(allowance.limit),
        "RateLimit-Remaining": str(allowance.remaining),
        "RateLimit-Reset": str(allowance.reset),
        "RateLimit-Policy": f"{allowance.limit};w={int(window)}",
    }


def _authenticate() -> None:
    """Before every API request: find the key, spend a token, refuse when either fails."""
    if not _is_api_request() or request.endpoint in PUBLIC_ENDPOINTS:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    key = key_for_token(get_store(), token.strip()) if scheme.lower() == "bearer" and token.strip() else None
    bucket = f"key:{key['id']}" if key else f"addr:{request.remote_addr}"
    limiter: RateLimiter = current_app.extensions["briefing.api_limiter"]
    allowance = limiter.take(bucket)
    g.api_allowance = allowance
    if not allowance.allowed:
        raise Problem(
            429, "Too many requests",
            f"This key may make {allowance.limit} requests every {int(current_app.config['API_RATE_WINDOW'])} seconds. "
            f"Wait {allowance.retry_after} s (see Retry-After), then try again.",
            kind="rate-limited", headers={"Retry-After": str(allowance.retry_after)},
        )
    if key is None:
        detail = (
            "Send an API key as `Authorization: Bearer bk_...`. Make one with `briefing keys create --name NAME`."
            if not header else "The API key is unknown or was revoked. Make a new one with `briefing keys create --name NAME`."
        )
        raise Problem(401, "Authentication needed", detail, kind="unauthorized",
                      headers={"WWW-Authenticate": 'Bearer realm="briefing"'})
    g.api_key = key
    _touch(key["id"])


def _touch(key_id: str) -> None:
    """Record when a key was last used, at most once a minute (a write per GET would be waste)."""
    touched: dict[str, float] = current_app.extensions.setdefault("briefing.api_touched", {})
    now = time.monotonic()
    if now - touched.get(key_id, -1e9) < 60:
        return
    touched[key_id] = now
    get_store().record_key_use(key_id)


def _add_rate_headers(response: Response) -> Response:
    allowance = g.get("api_allowance")
    if allowance is not None and _is_api_request():
        for name, value in _rate_headers(allowance, float(current_app.config["API_RATE_WINDOW"])).items():
            response.headers[name] = value
        response.cache_control.no_store = True
    return response


# -- creating briefings -----------------------------------------------------------------


def _json_body() -> dict[str, Any]:
    if not request.is_json:
        raise Problem(415, "Send JSON", "Send the briefing as a JSON object with `Content-Type: application/json`.",
                      kind="unsupported-media-type")
    body = request.get_json(silent=True)
    if body is None:
        raise Problem(400, "The body is not valid JSON", "Send a JSON object, e.g. {\"text\": \"...\"}.", kind="malformed")
    if not isinstance(body, dict):
        raise Problem(422, "The body must be a JSON object", "Send a JSON object, e.g. {\"text\": \"...\"}.",
                      kind="invalid-request")
    return body


def validate_create(body: dict[str, Any], upload_max: int, voice: str) -> dict[str, Any]:
    """The checked fields of a POST body, or :class:`Problem` (422) listing each bad field."""
    errors: dict[str, str] = {}
    allowed = {*TEXT_FIELDS, "title", "points", "voice", "rewriter", "webhook_url"}
    for name in sorted(set(body) - allowed):
        errors[name] = f"Unknown field. Known fields: {', '.join(sorted(allowed))}."
    given = [f for f in TEXT_FIELDS if f in body]
    if not given:
        errors["text"] = "Give the article as one of `text`, `html` or `url`."
    elif len(given) > 1:
        for f in given:
            errors[f] = f"Give only one of `text`, `html` or `url`; you gave {', '.join(given)}."
    for name in (*TEXT_FIELDS, "title", "webhook_url", "voice", "rewriter"):
        if name in body and not isinstance(body[name], str):
            errors[name] = "Must be a string."
    for name in ("text", "html"):
        value = body.get(name)
        if isinstance(value, str):
            if _BLANK.fullmatch(value):
                errors[name] = "Must not be empty."
            elif len(value.encode("utf-8")) > upload_max:
                errors[name] = f"Must be at most {upload_max} bytes."
    for name in ("url", "webhook_url"):
        value = body.get(name)
        if isinstance(value, str) and not _HTTP_URL.match(value):
            errors[name] = "Must be an http:// or https:// address."
        elif isinstance(value, str) and len(value) > 2048:
            errors[name] = "Must be at most 2048 characters."
    title = body.get("title")
    if isinstance(title, str) and (_BLANK.fullmatch(title) or len(title) > 300):
        errors["title"] = "Must be 1 to 300 characters."
    if "points" in body:
        points = body["points"]
        if isinstance(points, float) and points.is_integer():
            points = int(points)  # 14.0 is a whole number in JSON (and JSON Schema)
        if not isinstance(points, int) or isinstance(points, bool) or not 1 <= points <= MAX_POINTS:
            errors["points"] = f"Must be a whole number from 1 to {MAX_POINTS}."
    if isinstance(body.get("rewriter"), str) and body["rewriter"] not in REWRITERS:
        errors["rewriter"] = f"Must be one of: {', '.join(REWRITERS)}."
    if isinstance(body.get("voice"), str) and body["voice"] != voice:
        # Only the name is checked here: probing a voice can take seconds (gtts asks the
        # network), and a voice that cannot speak fails its job with the reason recorded.
        if body["voice"] not in VOICES:
            errors["voice"] = f"Must be one of: {', '.join(VOICES)}."
    if errors:
        raise Problem(422, "The briefing request is not valid", "Correct the fields listed in `errors`.",
                      kind="invalid-request", errors=errors)
    return {**body, "points": points} if "points" in body else dict(body)


def _body_hash(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _idempotency_key() -> str | None:
    value = request.headers.get("Idempotency-Key")
    if value is None:
        return None
    if not 1 <= len(value) <= IDEMPOTENCY_KEY_MAX or not value.isprintable():
        raise Problem(422, "The Idempotency-Key is not valid",
                      f"Send 1 to {IDEMPOTENCY_KEY_MAX} printable characters, e.g. a UUID.", kind="invalid-request",
                      errors={"Idempotency-Key": f"Must be 1 to {IDEMPOTENCY_KEY_MAX} printable characters."})
    return value


def _resource(record: BriefingRecord) -> dict[str, Any]:
    """``record`` as the API shows it to its key (``page_url`` only when the key is public)."""
    return briefing_resource(record, public=bool(g.api_key.get("public")))


def _accepted(record: BriefingRecord, replayed: bool = False) -> Response:
    response = jsonify(_resource(record))
    response.status_code = 202
    response.headers["Location"] = url_for("api.get_briefing", briefing_id=record.id)
    if replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response


@bp.route("/briefings", methods=("POST",))
def create_briefing():
    """Brief an article now and queue its audio: 202 with Location."""
    store = get_store()
    key = g.api_key
    idem = _idempotency_key()
    body = _json_body()
    body_hash = _body_hash(body)
    if idem is not None:
        row = store.idempotent_request(key["id"], idem)
        if row is not None:
            if row["body_hash"] != body_hash:
                raise Problem(422, "Idempotency-Key used with another request",
                              "This Idempotency-Key was sent before with a different body. Use a new key for a new request.",
                              kind="idempotency-mismatch")
            record = store.briefing_of(row["briefing_id"], key["id"])
            if record is not None:
                return _accepted(record, replayed=True)
    fields = validate_create(body, int(current_app.config["UPLOAD_MAX_BYTES"]), current_app.config["VOICE"])
    options: dict[str, Any] = {}
    if "points" in fields:
        options["points"] = fields["points"]
    if fields.get("rewriter", "rules") != "rules":
        options["rewriter"] = fields["rewriter"]
    if fields.get("voice") and fields["voice"] != current_app.config["VOICE"]:
        options["voice"] = fields["voice"]
    config = briefing_config(current_app, options)
    if fields.get("webhook_url"):
        try:
            check_webhook_url(fields["webhook_url"], config)
        except BriefingError as exc:
            raise Problem(422, "The webhook_url cannot be used", str(exc), kind="webhook-refused",
                          errors={"webhook_url": str(exc)}) from None
    field = next(f for f in TEXT_FIELDS if f in fields)
    try:
        if field == "url":
            source = Source("url", fields["url"], fields["url"])
        else:
            source = source_from_text(fields[field], config, name=f"API {field}")
            if field == "html" and source.kind != "html":
                source = Source("html", fields[field], source.name)
        outcome = brief(current_app, source, options, key_id=key["id"])
    except BriefingError as exc:
        raise Problem(422, "The article cannot be briefed", str(exc), kind="unbriefable", errors={field: str(exc)}) from None
    record = outcome.record
    title = _EDGES.sub("", fields.get("title") or "")
    if title and title != record.title:
        store.retitle_briefing(record.id, title)
    if fields.get("webhook_url"):
        register_webhook(current_app, record.id, key["id"], fields["webhook_url"], base_url())
    if idem is not None:
        store.remember_idempotent_request(key["id"], idem, body_hash, record.id)
    return _accepted(store.get_briefing(record.id) or record)


# -- reading and deleting ---------------------------------------------------------------


def _not_found(briefing_id: str) -> Problem:
    # The same answer for a missing id and for another key's briefing (or a public one):
    # an id tells a key nothing about what others made.
    return Problem(404, "No such briefing", f"There is no briefing {briefing_id!r} for this key; it may have been deleted.",
                   kind="not-found")


def _record_or_404(briefing_id: str) -> BriefingRecord:
    """The key's own briefing with this id, or :class:`Problem` (404)."""
    record = get_store().briefing_of(briefing_id, g.api_key["id"]) if ID_PATTERN.fullmatch(briefing_id) else None
    if record is None:
        raise _not_found(briefing_id)
    return record


@bp.route("/briefings/<briefing_id>", methods=("GET",))
def get_briefing(briefing_id: str):
    """The key's briefing: its status, and everything made so far.

    Newsletter tools poll this while the audio is made: the JSON of each revision (and
    public address, and whether the key is public) is kept in the page cache, so a poll
    costs one small query.
    """
    key_id = g.api_key["id"]
    revision = get_store().revision_of(briefing_id, key_id) if ID_PATTERN.fullmatch(briefing_id) else None
    if revision is None:
        raise _not_found(briefing_id)
    public = bool(g.api_key.get("public"))
    body = page_cache().get((briefing_id, revision, "api", base_url(), public))
    if body is None:
        record = _record_or_404(briefing_id)
        body = jsonify(_resource(record)).get_data()
        page_cache().put((briefing_id, record.revision, "api", base_url(), public), body)
    return Response(body, mimetype="application/json")


@bp.route("/briefings/<briefing_id>", methods=("DELETE",))
def delete_briefing(briefing_id: str):
    """Delete the key's briefing: its pages, jobs, webhooks and media files; 204."""
    _record_or_404(briefing_id)
    deletion.delete_briefing(current_app, briefing_id)
    return Response(status=204)


# A cursor is the position after which a page starts: the (created_at, id) of the page's
# last briefing, written compactly. Every string of this shape is a position (the OpenAPI
# document's CURSOR_PATTERN is the same shape), so a schema-valid cursor is never refused;
# it can only show a key its own briefings.
CURSOR = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})Z\.([A-Za-z0-9_-]{1,64})")


def encode_cursor(created_at: str, briefing_id: str) -> str:
    """The cursor for the briefing after which a page starts.

    >>> encode_cursor("2026-01-01T09:30:00Z", "abc")
    '20260101T093000Z.abc'
    >>> decode_cursor(encode_cursor("2026-01-01T09:30:00Z", "abc"))
    ('2026-01-01T09:30:00Z', 'abc')
    """
    return re.sub(r"[-:]", "", created_at) + "." + briefing_id


def decode_cursor(cursor: str) -> tuple[str, str]:
    """The (created_at, id) in a cursor, or :class:`Problem` (400)."""
    match = CURSOR.fullmatch(cursor)
    if match is None:
        raise Problem(400, "The cursor is not valid", "Use the `next_cursor` of the previous page, unchanged.",
                      kind="invalid-request", errors={"cursor": "Not a cursor this API made."})
    year, month, day, hour, minute, second, briefing_id = match.groups()
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}Z", briefing_id


@bp.route("/briefings", methods=("GET",))
def list_briefings():
    """The key's briefings, newest first, a page at a time (``limit``, ``cursor``)."""
    raw_limit = request.args.get("limit")
    limit = int(current_app.config["API_PAGE_SIZE"])
    if raw_limit is not None:
        if not re.fullmatch(r"[0-9]{1,3}", raw_limit) or not 1 <= int(raw_limit) <= 100:
            raise Problem(400, "The limit is not valid", "Give `limit` as a whole number from 1 to 100.",
                          kind="invalid-request", errors={"limit": "Must be a whole number from 1 to 100."})
        limit = int(raw_limit)
    cursor = request.args.get("cursor")
    after = decode_cursor(cursor) if cursor else None  # an empty cursor is the first page
    rows = get_store().briefing_page(g.api_key["id"], limit + 1, after)
    page, more = rows[:limit], len(rows) > limit
    next_cursor = encode_cursor(page[-1]["created_at"], page[-1]["id"]) if more and page else None
    response = jsonify({"data": [briefing_summary(r) for r in page], "next_cursor": next_cursor})
    if next_cursor:
        response.headers["Link"] = f'<{url_for("api.list_briefings", limit=limit, cursor=next_cursor)}>; rel="next"'
    return response


# -- documentation ----------------------------------------------------------------------


@bp.route("/openapi.json", methods=("GET",))
def openapi():
    """The OpenAPI 3.1 document of this API."""
    response = jsonify(build_spec(current_app))
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.route("/docs", methods=("GET",))
def docs():
    """The API's documentation, readable (built from the OpenAPI document)."""
    spec = build_spec(current_app)
    return render_template("api_docs.html", spec=spec, operations=operations(spec), base=base_url(), visibility=VISIBILITY)


# -- app wiring -------------------------------------------------------------------------


def too_large_detail() -> str:
    """What a client whose request body is too large can do (the 413's ``detail``)."""
    most = f"{int(current_app.config['MAX_CONTENT_LENGTH']) / 1_000_000:.1f}".removesuffix(".0") + " MB"
    text = fmt.file_size(int(current_app.config["UPLOAD_MAX_BYTES"]))
    return (f"The request is larger than {most}, the most this API accepts (an article's `text` or `html` may be "
            f"up to {text}). Send a shorter article, or send its address as `url` instead of its text.")


def init_app(app: Flask) -> None:
    """Register the API, its hooks and its error handlers."""
    app.extensions["briefing.api_limiter"] = RateLimiter(app.config["API_RATE_LIMIT"], app.config["API_RATE_WINDOW"])
    app.extensions["briefing.csrf_exempt"].add("api")
    app.register_blueprint(bp)
    app.before_request(_authenticate)
    app.after_request(_add_rate_headers)
    app.register_error_handler(Problem, _handle_problem)

    # Errors under /api/v1 (including unknown paths and methods, which no view sees)
    # are problem documents; everywhere else the site's handler answers as before.
    def handle_http(exc: HTTPException) -> Response:
        if _is_api_request() and exc.code and exc.code >= 400:
            detail = too_large_detail() if exc.code == 413 else exc.description or exc.name
            return problem_response(exc.code, errors.ERROR_TEXTS.get(exc.code, (exc.name, ""))[0], detail,
                                    kind="too-large" if exc.code == 413 else None,
                                    headers={k: v for k, v in exc.get_response().headers.items() if k in ("Allow", "Retry-After")})
        return errors.handle_http(exc)

    def handle_exception(exc: Exception) -> Response:
        if isinstance(exc, HTTPException):
            return handle_http(exc)
        if _is_api_request():
            errors.log.error("Unhandled error on %s %s", request.method, request.path, exc_info=exc)
            return problem_response(500, "Something went wrong on our side",
                                    "Try again in a moment. If it happens again, the problem is ours.")
        return errors.handle_exception(exc)

    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(Exception, handle_exception)
