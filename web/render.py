"""The render job: make a briefing's audio off the request path and publish its media.

A job renders into ``MEDIA_DIR/.staging/<job>-<random>/`` and renames the whole folder
into ``MEDIA_DIR/<content_hash>/``, so a reader (or a podcast app) never gets a
half-written file: the media route (web/media.py) only answers for content-hash folders,
which appear complete or not at all. A daily digest (``source_kind`` "digest") speaks
its stories instead of an article. When the audio is stored, or the queue gives up on it,
the job publishes ``briefing.completed`` or ``briefing.failed`` (web/events.py).
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Any, Callable

from flask import Flask
from werkzeug.utils import import_string

from briefing.audio.digest import Story, digest_script
from briefing.audio.export import TrackInfo
from briefing.audio.speak import get_voice
from briefing.errors import BriefingError

from . import events
from .deletion import finish_published
from .digest import SOURCE_KIND as DIGEST_KIND, parse_day
from .extensions import get_queue, get_store
from .jobs import HOST, worker_is_dead
from .media import HASH_PATTERN, media_root
from .pipeline import remake_briefing
from .store import BriefingRecord, Job, Store

STAGING = ".staging"
HEARTBEAT_SECONDS = 5.0  # how often a long render renews its job's lease, at most


class RenderError(BriefingError):
    """The audio could not be made or stored."""


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


def render_job(app: Flask, job: Job, heartbeat: Callable[[], None]) -> None:
    """Job ``render``: make the briefing's audio (:func:`make_audio`), then tell the
    listeners it is done; when this was the job's last attempt and it failed, tell them
    that instead."""
    try:
        make_audio(app, job, heartbeat)
    except Exception:
        if job.attempts >= job.max_attempts:  # the queue gives up on this one: say so
            events.publish(app, events.BRIEFING_FAILED, job.briefing_id)
        raise
    if events.listeners(app, events.BRIEFING_DONE):
        record = get_store(app).get_briefing(job.briefing_id) if job.briefing_id else None
        if record is not None and record.status == "done":
            events.publish(app, events.BRIEFING_DONE, job.briefing_id)


def make_audio(app: Flask, job: Job, heartbeat: Callable[[], None]) -> None:
    """Run the text pipeline again on the stored article (it is deterministic), speak it,
    publish the media folder and mark the briefing done, in one transaction with its job
    (:func:`web.deletion.finish_published`: a briefing deleted meanwhile stays deleted,
    and leaves no files)."""
    store: Store = get_store(app)
    record = store.get_briefing(job.briefing_id) if job.briefing_id else None
    if record is None:
        return  # deleted while queued: nothing to do
    voice = record.options.get("voice") or app.config["VOICE"]
    root = media_root(app)
    staging = _staging_folder(root, job)
    progress = _lease_renewer(heartbeat)
    try:
        rendition = _speak(app, store, record, staging, voice, progress)
        folder = publish(staging, root, rendition.content_hash)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    audio = audio_record(rendition, folder, voice)
    # Deleted while it rendered: the folder goes again (unless another briefing uses it),
    # and nothing is marked done.
    finish_published(app, job.id, record.id, audio)


def _staging_folder(root: Path, job: Job) -> Path:
    """A fresh folder name under ``root/.staging`` for this job's files (its parent made)."""
    # The pid in the name lets a restarted server remove what a killed worker left.
    staging = root / STAGING / f"job{job.id}.{os.getpid()}.{secrets.token_hex(4)}"
    staging.parent.mkdir(parents=True, exist_ok=True)
    return staging


def _lease_renewer(heartbeat: Callable[[], None]) -> Callable[..., None]:
    """A ``progress`` callback that renews the job's lease now and then, so a long
    render is not taken for a dead one."""
    last_beat = [time.monotonic()]

    def progress(*_args: Any, **_kwargs: Any) -> None:
        if time.monotonic() - last_beat[0] >= HEARTBEAT_SECONDS:
            last_beat[0] = time.monotonic()
            heartbeat()

    return progress


def _speak(app: Flask, store: Store, record: BriefingRecord, out_dir: Path, voice: str, progress: Any) -> Any:
    """Render ``record`` into ``out_dir`` with the configured render function; returns the rendition."""
    if record.source_kind == DIGEST_KIND:
        return render_digest(app, record, out_dir, voice=voice, progress=progress)
    briefing = remake_briefing(app, store, record)
    return render_function(app)(briefing, out_dir, voice=voice, progress=progress)


def render_digest(app: Flask, record: BriefingRecord, out_dir: Path, *, voice: str, progress: Any) -> Any:
    """Speak the digest ``record`` into ``out_dir``; returns the rendition.

    Each story's briefing is made again from its stored article (the text pipeline is
    deterministic), so the digest speaks exactly what the story's own episode speaks.
    Stories deleted since the digest was stored are left out.
    """
    store = get_store(app)
    info = record.briefing.get("digest") or {}
    day = parse_day(info.get("day") or record.source_name or "")
    stories = []
    for listed in info.get("stories") or ():
        story = store.get_briefing(listed["id"])
        if story is None:
            continue
        stories.append(Story(story.id, remake_briefing(app, store, story)))
    if not stories:
        raise RenderError("Every story of this digest has been deleted: there is nothing to speak.")
    script = digest_script(day, stories, speech=get_voice(voice).speech)
    track = TrackInfo(title=record.title, site="Briefing", date=day.isoformat())
    render = configured_function(app, "RENDER_SCRIPT", "briefing.audio.render.render_script")
    return render(script, out_dir, info=track, voice=voice, progress=progress, document=record.briefing)


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
        return _script_parts(sections, chapters)
    try:
        text = (folder / files.get("transcript_txt", "transcript.txt")).read_text(encoding="utf-8")
    except OSError:
        return []
    return [{"label": None, "start": None, "text": p.strip()} for p in text.split("\n\n") if p.strip()]


def _script_parts(sections: list[dict[str, Any]], chapters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A transcript part per script section, timed by its chapter when they match one to one."""
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


def clean_staging(app: Flask, older_than: float | None = None) -> int:
    """Remove staging folders left by workers that died (their process is gone, or they
    are older than a lease); returns how many. Called at start-up."""
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


def init_app(app: Flask) -> None:
    """Register the ``render`` job and remove what killed workers left in staging."""
    get_queue(app).handlers["render"] = render_job
    try:
        clean_staging(app)
    except OSError:
        pass
