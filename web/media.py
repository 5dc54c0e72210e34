"""Media: the render job that makes a briefing's audio, and the routes that serve it.

Audio, captions, chapters and transcripts live in ``MEDIA_DIR/<content_hash>/``. A job
renders into ``MEDIA_DIR/.staging/<job>-<random>/`` and renames the whole folder into
place, so a reader (or a podcast app) never gets a half-written file: the media route
only answers for content-hash folders, which appear complete or not at all.
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import shutil
import time
from pathlib import Path
from typing import Any, Callable

from flask import Blueprint, Flask, abort, current_app, request, send_file
from werkzeug.utils import import_string

from briefing.errors import BriefingError

from .store import Job, Store

bp = Blueprint("media", __name__)

STAGING = ".staging"
HASH_PATTERN = re.compile(r"[0-9a-f]{8,128}")
ONE_YEAR = 365 * 24 * 3600
HEARTBEAT_SECONDS = 5.0  # how often a long render renews its job's lease, at most

# File name in a media folder -> (kind in AudioRendition.files, MIME type).
MEDIA_FILES: dict[str, tuple[str, str]] = {
    "briefing.mp3": ("mp3", "audio/mpeg"),
    "captions.vtt": ("vtt", "text/vtt"),
    "chapters.json": ("chapters", "application/json+chapters"),
    "transcript.txt": ("transcript_txt", "text/plain"),
    "transcript.html": ("transcript_html", "text/html"),
    "briefing.json": ("json", "application/json"),
}


class RenderError(BriefingError):
    """The audio could not be made or stored."""


def media_root(app: Flask | None = None) -> Path:
    return Path((app or current_app).config["MEDIA_DIR"])


def configured_function(app: Flask, setting: str, default: str) -> Callable[..., Any]:
    """The function a setting names (a callable, or ``"module:name"``), else ``default``
    (a dotted path), imported only when needed."""
    chosen = app.config.get(setting) or default
    if isinstance(chosen, str):
        return import_string(chosen.replace(":", "."))
    return chosen


def render_function(app: Flask) -> Callable[..., Any]:
    """The configured render function (``RENDER``), by default
    :func:`briefing.audio.render.render_briefing`."""
    return configured_function(app, "RENDER", "briefing.audio.render.render_briefing")


def briefing_config(app: Flask, options: dict[str, Any] | None = None):
    """The pipeline's BriefingConfig: the app's ``BRIEFING`` settings plus a briefing's options."""
    from briefing.config import BriefingConfig

    values = dict(app.config.get("BRIEFING") or {})
    values.update(options or {})
    values.pop("voice", None)  # a rendering option, not a pipeline one
    if isinstance(values.get("allowed_hosts"), list):
        values["allowed_hosts"] = tuple(values["allowed_hosts"])
    return BriefingConfig(**values)


def article_from_dict(data: dict[str, Any]):
    """Rebuild an :class:`briefing.models.Article` from ``Article.to_dict()``."""
    from briefing.models import Article, Removal

    fields = dict(data)
    fields["paragraphs"] = tuple(fields.get("paragraphs") or ())
    fields["cleaning"] = tuple(Removal(**r) for r in fields.get("cleaning") or ())
    known = set(Article.__dataclass_fields__)
    return Article(**{k: v for k, v in fields.items() if k in known})


def render_job(app: Flask, job: Job, heartbeat: Callable[[], None]) -> None:
    """Job ``render``: run the text pipeline again on the stored article (it is
    deterministic), speak it, publish the media folder and mark the briefing done. A
    daily digest (``source_kind`` "digest") speaks its stories instead (web/digest.py)."""
    from briefing.pipeline import summarize_article

    from . import get_store

    store: Store = get_store(app)
    record = store.get_briefing(job.briefing_id) if job.briefing_id else None
    if record is None:
        return  # deleted while queued: nothing to do
    voice = record.options.get("voice") or app.config["VOICE"]
    root = media_root(app)
    # The pid in the name lets a restarted server remove what a killed worker left.
    staging = root / STAGING / f"job{job.id}.{os.getpid()}.{secrets.token_hex(4)}"
    staging.parent.mkdir(parents=True, exist_ok=True)
    last_beat = [time.monotonic()]

    def progress(*_args: Any, **_kwargs: Any) -> None:
        # Renew the lease now and then, so a long render is not taken for a dead one.
        if time.monotonic() - last_beat[0] >= HEARTBEAT_SECONDS:
            last_beat[0] = time.monotonic()
            heartbeat()

    try:
        if record.source_kind == "digest":
            from .digest import render_digest

            rendition = render_digest(app, record, staging, voice=voice, progress=progress)
        else:
            article = article_from_dict(store.get_article(record.id) or {})
            briefing = summarize_article(article, briefing_config(app, record.options))
            rendition = render_function(app)(briefing, staging, voice=voice, progress=progress)
        folder = publish(staging, root, rendition.content_hash)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    audio = audio_record(rendition, folder, voice)
    store.finish(job.id, on_done=lambda db: Store.write_status(db, record.id, "done", None, audio))


def publish(staging: Path, root: Path, content_hash: str) -> Path:
    """Move a complete rendition folder to ``root/<content_hash>`` in one rename.

    When that folder exists already (the same audio was made before), it is kept:
    content-addressed files never change.
    """
    if not HASH_PATTERN.fullmatch(content_hash or ""):
        raise RenderError(f"The audio's content hash {content_hash!r} is not a hexadecimal string; cannot store it.")
    mp3 = staging / "briefing.mp3"
    if not mp3.is_file() or mp3.stat().st_size == 0:
        raise RenderError("The voice produced no audio file. Try again, or check the voice with `briefing voices`.")
    final = root / content_hash
    if final.is_dir():
        return final
    try:
        os.rename(staging, final)
    except OSError as exc:
        if exc.errno in (errno.EEXIST, errno.ENOTEMPTY) and final.is_dir():
            return final  # another worker published the same audio a moment ago
        raise RenderError(f"Could not store the audio in {root}: {exc.strerror}. Check the disk has space.") from exc
    return final


def audio_record(rendition: Any, folder: Path, voice: str) -> dict[str, Any]:
    """What the pages need to know about a rendition, stored with the briefing."""
    chapters = [
        {"title": c.title, "start": round(float(c.start), 3), "end": round(float(c.end), 3)} for c in rendition.chapters
    ]
    return {
        "content_hash": rendition.content_hash,
        "duration": round(float(rendition.duration), 3),
        "mp3_bytes": int(rendition.mp3_bytes),
        "voice": voice,
        "files": dict(rendition.files),
        "chapters": chapters,
        "transcript": transcript_parts(folder, rendition.files, chapters),
    }


def transcript_parts(folder: Path, files: dict[str, str], chapters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The transcript as parts, one per chapter: ``{"label", "start", "text"}``.

    Read from the script in ``briefing.json`` (the exact words shown in the captions);
    without one, from the paragraphs of ``transcript.txt``.
    """
    try:
        document = json.loads((folder / files.get("json", "briefing.json")).read_text(encoding="utf-8"))
        sections = document["script"]["sections"]
    except (OSError, ValueError, KeyError, TypeError):
        sections = None
    if sections:
        parts = []
        for n, section in enumerate(sections):
            if section.get("kind") == "point" and section.get("point_index") is not None:
                label = f"Point {section['point_index'] + 1}"
            else:
                label = section.get("title") or ""
            start = chapters[n]["start"] if n < len(chapters) and len(chapters) == len(sections) else None
            text = " ".join(line["text"] for line in section.get("lines") or ())
            parts.append({"label": label, "start": start, "text": text})
        return parts
    try:
        text = (folder / files.get("transcript_txt", "transcript.txt")).read_text(encoding="utf-8")
    except OSError:
        return []
    return [{"label": None, "start": None, "text": p.strip()} for p in text.split("\n\n") if p.strip()]


def clean_staging(app: Flask, older_than: float | None = None) -> int:
    """Remove staging folders left by workers that died (their process is gone, or they
    are older than a lease); returns how many. Called at start-up."""
    from .jobs import HOST, worker_is_dead

    older_than = float(app.config["JOB_LEASE_SECONDS"]) if older_than is None else older_than
    staging = media_root(app) / STAGING
    removed = 0
    if not staging.is_dir():
        return 0
    for entry in staging.iterdir():
        parts = entry.name.lstrip(".").split(".")
        pid = parts[1] if len(parts) > 1 and parts[1].isdigit() else None
        try:
            dead = pid is not None and pid != str(os.getpid()) and worker_is_dead(f"{HOST}:{pid}:")
            if dead or time.time() - entry.stat().st_mtime >= older_than:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        except FileNotFoundError:
            continue
    return removed


@bp.route("/media/<content_hash>/<name>", methods=("GET", "HEAD"))
def media_file(content_hash: str, name: str):
    """A media file, with HEAD, ranges, ETag and Last-Modified (``conditional=True``),
    cached for a year: its URL changes whenever its content does."""
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


def init_app(app: Flask) -> None:
    app.extensions["briefing.jobs"].handlers["render"] = render_job
    app.register_blueprint(bp)
    try:
        clean_staging(app)
    except OSError:
        pass
