"""Media: the routes that serve a briefing's audio, captions, chapters and transcripts.

They live in ``MEDIA_DIR/<content_hash>/``, written by the render job (web/render.py),
which publishes a complete folder in one rename: the route only answers for
content-hash folders, so a half-written file is never served.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, request, send_file
from werkzeug.exceptions import RequestedRangeNotSatisfiable
from werkzeug.http import parse_range_header

from .errors import handle_http

bp = Blueprint("media", __name__)

HASH_PATTERN = re.compile(r"[0-9a-f]{8,128}")
ONE_YEAR = 365 * 24 * 3600

# File name in a media folder -> (kind in AudioRendition.files, MIME type).
MEDIA_FILES: dict[str, tuple[str, str]] = {
    "briefing.mp3": ("mp3", "audio/mpeg"),
    "captions.vtt": ("vtt", "text/vtt"),
    "chapters.json": ("chapters", "application/json+chapters"),
    "transcript.txt": ("transcript_txt", "text/plain"),
    "transcript.html": ("transcript_html", "text/html"),
    "briefing.json": ("json", "application/json"),
}


def media_root(app: Flask | None = None) -> Path:
    """The folder that holds every published rendition (``MEDIA_DIR``)."""
    return Path((app or current_app).config["MEDIA_DIR"])


@bp.route("/media/<content_hash>/<name>", methods=("GET", "HEAD"))
def media_file(content_hash: str, name: str):
    """A media file, with HEAD, ranges, ETag and Last-Modified (``conditional=True``),
    cached for a year: its URL changes whenever its content does. A request for several
    ranges gets the whole file (200)."""
    if not HASH_PATTERN.fullmatch(content_hash) or name not in MEDIA_FILES:
        abort(404)
    path = media_root() / content_hash / name
    if not path.is_file():
        abort(404)
    _kind, mimetype = MEDIA_FILES[name]
    download = request.args.get("download")
    download_name = None
    if download is not None:
        stem = re.sub(r"[^a-z0-9-]+", "-", download.lower()).strip("-")[:80] or "briefing"
        download_name = f"{stem}{Path(name).suffix}"
    ranges = parse_range_header(request.headers.get("Range"))
    if ranges is not None and len(ranges.ranges) > 1:
        # Werkzeug answers several ranges with 416; RFC 9110 lets a server ignore Range and
        # send the whole file instead, which every client takes.
        request.environ.pop("HTTP_RANGE", None)
    response = send_file(
        path,
        mimetype=mimetype,
        conditional=True,
        etag=True,
        max_age=ONE_YEAR,
        as_attachment=download_name is not None,
        download_name=download_name,
    )
    response.cache_control.public = True
    response.cache_control.immutable = True
    if name != "briefing.mp3":
        # Web players on other sites load captions, chapters and transcripts (public anyway).
        response.headers["Access-Control-Allow-Origin"] = "*"
    if name == "transcript.html":
        # Article-derived markup on our origin: no scripts, no forms, even if escaping failed.
        response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response


def media_url(content_hash: str, name: str) -> str:
    """The site-relative URL of a media file."""
    return f"/media/{content_hash}/{name}"


def range_not_satisfiable(exc: RequestedRangeNotSatisfiable) -> Response:
    """The site's error page for a 416, keeping ``Content-Range: bytes */<length>``, which
    tells a podcast app how long the file is (RFC 9110, section 15.5.17)."""
    response = handle_http(exc)
    value = exc.get_response().headers.get("Content-Range")
    if value:
        response.headers["Content-Range"] = value
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    # A handler for the code itself wins over the app's generic HTTPException handler.
    app.register_error_handler(416, range_not_satisfiable)
