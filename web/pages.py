"""The pages blueprint: home (with the form), briefing pages, the accessibility statement.

Pages show only public briefings: those made on the site, and those of API keys marked
public (see web/store/briefings.py); any other id answers 404.

Every page has a JSON twin: the same URL with ``.json``, or ``Accept: application/json``.
A view builds one plain dict; the template renders it, or it is sent as JSON. Briefing
pages are built from the JSON stored in SQLite and kept, rendered, in a small cache
keyed by the briefing's revision, so a page view costs one indexed lookup.
"""

from __future__ import annotations

import hashlib
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
from briefing.text.extract import Source, decode_bytes, source_from_text

from . import format as fmt
from .briefings import brief
from .briefings import retry as retry_briefing
from .cache import PageCache
from .errors import wants_json
from .extensions import PAGE_CACHE, get_store, page_cache
from .pipeline import briefing_config
from .schema import briefing_data
from .security import csrf_token
from .urls import base_url

bp = Blueprint("pages", __name__)

ABOUT = (
    "Briefing turns a news article into a few key points that keep who said what, "
    "rewrites them in plain language, and reads them aloud, with captions, chapters and a full transcript."
)

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


# -- views ------------------------------------------------------------------------------


@twin_route("/", json_rule="/index.json")
def home():
    """Home: what Briefing does, the form, the recent briefings."""
    return respond("home.html", home_data())


def home_data(values: dict[str, str] | None = None, errors: dict[str, str] | None = None) -> dict[str, Any]:
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
    """A public briefing: key points, player, chapters, transcript (built from stored
    JSON). A private key's briefing answers 404, as a missing one does."""
    store = get_store()
    revision = store.public_revision(briefing_id)
    if revision is None:
        abort(404, description="The address may be mistyped, or the briefing may have been deleted.")
    as_json = wants_json()
    kind = "json" if as_json else "html"
    etag = f"{briefing_id}-{revision}-{kind}"
    cache = page_cache()
    body = cache.get((briefing_id, revision, kind))
    if body is None:
        record = store.public_briefing(briefing_id)
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


@bp.route("/briefings/<id:briefing_id>/retry", methods=("POST",))
def retry(briefing_id: str):
    """Try a failed public briefing's audio again."""
    record = get_store().public_briefing(briefing_id)
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
    app.extensions[PAGE_CACHE] = PageCache(int(app.config["PAGE_CACHE_SIZE"]))
    app.register_blueprint(bp)
    app.after_request(_no_store_home)
    app.jinja_env.globals.update(fmt=fmt, static_url=_static_url, base_url=base_url)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def _static_url(filename: str) -> str:
    """A static file's URL with a version, so a changed file is never stale in a cache."""
    versions = current_app.extensions.setdefault("briefing.static_versions", {})
    version = versions.get(filename)
    if version is None:
        path = PurePath(current_app.static_folder or "") / filename
        try:
            with open(path, "rb") as fh:
                version = hashlib.sha256(fh.read()).hexdigest()[:10]
        except OSError:
            version = "0"
        versions[filename] = version
    return url_for("static", filename=filename, v=version)
