"""The pages blueprint: home (with the form), briefing pages, the accessibility statement.

Every page has a JSON twin: the same URL with ``.json``, or ``Accept: application/json``.
A view builds one plain dict; the template renders it, or it is sent as JSON. Briefing
pages are built from the JSON stored in SQLite and kept, rendered, in a small cache
keyed by the briefing's revision, so a page view costs one indexed lookup.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import PurePath
from typing import Any, Callable

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.routing import BaseConverter

from briefing.errors import BriefingError

from . import format as fmt
from .errors import wants_json
from .media import briefing_config
from .store import BriefingRecord

bp = Blueprint("pages", __name__)

ABOUT = (
    "Briefing turns a news article into a few key points that keep who said what, "
    "rewrites them in plain language, and reads them aloud, with captions, chapters and a full transcript."
)

STATUS_MESSAGES = {
    "queued": "The audio is waiting to be made. You can read the key points while you wait.",
    "running": "The audio is being made now. You can read the key points while you wait.",
    "done": "The audio is ready.",
    "failed": "The audio could not be made.",
}

FIELDS = ("url", "text", "file")


class IdConverter(BaseConverter):
    """Briefing ids: letters, digits, ``-`` and ``_`` (never a dot, so ``.json`` is free)."""

    regex = r"[A-Za-z0-9_-]{1,64}"


def twin_route(rule: str, json_rule: str | None = None, **options: Any) -> Callable:
    """Register a page at ``rule`` and its JSON twin at ``rule + ".json"``."""

    def decorator(view: Callable) -> Callable:
        bp.add_url_rule(rule, view_func=view, **options)
        bp.add_url_rule(json_rule or rule + ".json", view_func=view, endpoint=view.__name__ + "_json", **options)
        return view

    return decorator


def respond(template: str, data: dict[str, Any], status: int = 200, **context: Any) -> Response:
    """The page as HTML, or its data as JSON when the client asked for it."""
    if wants_json():
        response = jsonify(data)
    else:
        response = Response(render_template(template, page=data, **context), mimetype="text/html")
    response.status_code = status
    response.vary.add("Accept")
    return response


# -- the page cache ---------------------------------------------------------------------


class PageCache:
    """A small LRU of rendered bodies, keyed by (briefing id, revision, format)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def put(self, key: tuple, body: bytes) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = body
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def page_cache() -> PageCache:
    return current_app.extensions["briefing.page_cache"]


# -- views ------------------------------------------------------------------------------


@twin_route("/", json_rule="/index.json")
def home():
    """Home: what Briefing does, the form, the recent briefings."""
    return respond("home.html", home_data())


def home_data(values: dict[str, str] | None = None, errors: dict[str, str] | None = None) -> dict[str, Any]:
    from . import get_store
    from .security import csrf_token

    limit = current_app.config["UPLOAD_MAX_BYTES"]
    return {
        "title": "Make a briefing",
        "about": ABOUT,
        "form": {
            "action": url_for("pages.create"),
            "method": "POST",
            "enctype": "multipart/form-data",
            "csrf_token": csrf_token(),
            "fields": {
                "url": "Web address (http or https) of a public news article.",
                "text": f"The article's text or HTML, up to {fmt.file_size(limit)}.",
                "file": f"A .txt or .html file, up to {fmt.file_size(limit)}.",
            },
            "upload_limit_bytes": limit,
            "values": values or {},
            "errors": errors or {},
        },
        "briefings": [
            {**item, "url": url_for("pages.briefing", briefing_id=item["id"])}
            for item in get_store().recent(int(current_app.config["RECENT_COUNT"]))
        ],
    }


@bp.route("/briefings", methods=("POST",))
def create():
    """Brief the article given by the form, then go to its page (303)."""
    from briefing.text.extract import Source, decode_bytes, source_from_text

    from .briefings import brief

    limit = int(current_app.config["UPLOAD_MAX_BYTES"])
    try:
        form, files = request.form, request.files
    except RequestEntityTooLarge:
        too_large = f"What you sent is larger than {fmt.file_size(limit)}. Choose a smaller file, or paste a shorter article."
        return _form_errors({}, {"source": too_large}, 413)
    values = {name: form.get(name, "") for name in ("url", "text")}
    upload = files.get("file")
    given = []
    if values["url"].strip():
        given.append("url")
    if values["text"].strip():
        given.append("text")
    if upload is not None and upload.filename:
        given.append("file")
    if not given:
        return _form_errors(values, {"source": "Enter a web address, paste the article, or choose a file."})
    if len(given) > 1:
        names = {"url": "a web address", "text": "pasted text", "file": "a file"}
        listed = " and ".join(names[g] for g in given)
        return _form_errors(values, {"source": f"Give one article at a time: you gave {listed}. Clear all but one."})

    field = given[0]
    config = briefing_config(current_app)
    try:
        if field == "url":
            url = values["url"].strip()
            if not url.lower().startswith(("http://", "https://")):
                return _form_errors(values, {"url": "Enter a web address that starts with https:// or http://."})
            source = Source("url", url, url)
        elif field == "text":
            text = values["text"]
            if len(text.encode("utf-8")) > limit:
                return _form_errors(values, {"text": f"The text is longer than {fmt.file_size(limit)}. Paste a shorter article."})
            source = source_from_text(text, config, name="pasted text")
        else:
            name = PurePath(upload.filename).name
            if PurePath(name).suffix.lower() not in current_app.config["UPLOAD_EXTENSIONS"]:
                return _form_errors(values, {"file": f"“{name}” is not a .txt or .html file. Choose a text or HTML file."})
            data = upload.stream.read(limit + 1)
            if len(data) > limit:
                return _form_errors(values, {"file": f"The file is larger than {fmt.file_size(limit)}. Choose a smaller file."}, 413)
            source = source_from_text(decode_bytes(data, name, config), config, name=name)
        outcome = brief(current_app, source)
    except BriefingError as exc:
        return _form_errors(values, {field: str(exc)})

    location = url_for("pages.briefing", briefing_id=outcome.record.id)
    if wants_json():
        response = jsonify(briefing_data(outcome.record))
        response.status_code = 201 if outcome.created else 200
        response.headers["Location"] = location
        return response
    return redirect(location, code=303)


def _form_errors(values: dict[str, str], errors: dict[str, str], status: int = 422) -> Response:
    data = home_data(values, errors)
    data["title"] = "Error: " + data["title"]
    return respond("home.html", data, status=status)


@twin_route("/briefings/<id:briefing_id>")
def briefing(briefing_id: str):
    """A briefing: key points, player, chapters, transcript (built from stored JSON)."""
    from . import get_store

    store = get_store()
    revision = store.revision(briefing_id)
    if revision is None:
        abort(404, description="The address may be mistyped, or the briefing may have been deleted.")
    as_json = wants_json()
    kind = "json" if as_json else "html"
    etag = f"{briefing_id}-{revision}-{kind}"
    cache = page_cache()
    body = cache.get((briefing_id, revision, kind))
    if body is None:
        record = store.get_briefing(briefing_id)
        if record is None:
            abort(404)
        data = briefing_data(record)
        response = respond("briefing.html", data)
        # The page of a failed briefing holds a form with this session's CSRF token.
        if as_json or record.status != "failed":
            cache.put((briefing_id, record.revision, kind), response.get_data())
            etag = f"{briefing_id}-{record.revision}-{kind}"
    else:
        response = Response(body, mimetype="application/json" if as_json else "text/html")
        response.vary.add("Accept")
    response.set_etag(etag)
    response.cache_control.no_cache = True
    return response.make_conditional(request)


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


@bp.route("/briefings/<id:briefing_id>/retry", methods=("POST",))
def retry(briefing_id: str):
    """Try a failed briefing's audio again."""
    from . import get_store
    from .briefings import retry as retry_briefing

    record = get_store().get_briefing(briefing_id)
    if record is None:
        abort(404)
    retry_briefing(current_app, record)
    location = url_for("pages.briefing", briefing_id=briefing_id)
    if wants_json():
        response = jsonify(briefing_data(get_store().get_briefing(briefing_id)))
        response.status_code = 202
        response.headers["Location"] = location
        return response
    return redirect(location, code=303)


STATEMENT: dict[str, Any] = {
    "title": "Accessibility statement",
    "summary": (
        "Briefing is made for people who listen rather than read, people who use screen readers, "
        "and people who find news prose hard going. We aim to meet WCAG 2.2 at level AA."
    ),
    "sections": [
        {
            "heading": "What you can do here",
            "items": [
                "Use every page with a keyboard alone: a “Skip to main content” link comes first, and focus is always visible.",
                "Use a screen reader: pages have landmarks, one main heading and headings in order; form errors are listed at the top and tied to their fields.",
                "Listen with the browser's own audio player, with captions, chapters and a download of the MP3. Audio never starts by itself.",
                "Read the full transcript of every briefing, and open the original sentence behind every key point.",
                "Zoom to 400% or use a screen 320 pixels wide without scrolling sideways; light and dark colour schemes follow your system setting.",
                "Use pages without JavaScript: it only adds seeking from the chapter list and a polite update when audio is ready.",
                "Take your time: nothing on Briefing expires or refreshes by itself.",
            ],
        },
        {
            "heading": "How we test",
            "items": [
                "Every page is checked with axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules, and best practices) in light and dark schemes, in a real browser, on every change.",
                "A keyboard-only test briefs an article, plays nothing by itself, opens an original sentence and downloads the audio.",
                "Colours are chosen for a contrast of at least 4.5 to 1; controls are at least 24 by 24 pixels.",
            ],
        },
        {
            "heading": "Known limits",
            "items": [
                "Key points, plain-language rewrites and audio are made automatically. They can be wrong: check the original article before you rely on a point.",
                "The voice is synthetic. Names from other languages may be mispronounced; the captions and transcript show the intended words.",
                "Pages of news sites that Briefing links to are not ours, and may not be accessible.",
            ],
        },
        {
            "heading": "Feedback",
            "items": [
                "If something on Briefing is hard to use, tell the people who run this site, and say which page and what you were trying to do. We treat accessibility problems as bugs.",
            ],
        },
    ],
}


@twin_route("/accessibility")
def statement():
    """The accessibility statement."""
    return respond("statement.html", STATEMENT)


# -- app wiring -------------------------------------------------------------------------


def _no_store_home(response: Response) -> Response:
    # The home page carries this session's CSRF token: never share it through a cache.
    if request.endpoint in ("pages.home", "pages.home_json", "pages.create"):
        response.cache_control.no_store = True
        response.cache_control.private = True
    return response


def init_app(app: Flask) -> None:
    app.url_map.converters["id"] = IdConverter
    app.extensions["briefing.page_cache"] = PageCache(int(app.config["PAGE_CACHE_SIZE"]))
    app.register_blueprint(bp)
    app.after_request(_no_store_home)
    from .urls import base_url

    app.jinja_env.globals.update(fmt=fmt, static_url=_static_url, base_url=base_url)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def _static_url(filename: str) -> str:
    """A static file's URL with a version, so a changed file is never stale in a cache."""
    versions = current_app.extensions.setdefault("briefing.static_versions", {})
    version = versions.get(filename)
    if version is None:
        import hashlib

        path = PurePath(current_app.static_folder or "") / filename
        try:
            with open(path, "rb") as fh:
                version = hashlib.sha256(fh.read()).hexdigest()[:10]
        except OSError:
            version = "0"
        versions[filename] = version
    return url_for("static", filename=filename, v=version)
