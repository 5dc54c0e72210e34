"""Deleting briefings: by their key (``DELETE /api/v1/briefings/{id}``), and by age
(``API_RETENTION_DAYS``, a periodic job of the queue, never on a request path).

Deleting a briefing removes its row with its jobs (queued or running), webhooks and
idempotency records (the store's foreign keys cascade), its pages from the page cache,
and its media folder ``MEDIA_DIR/<content_hash>/`` unless another briefing still uses
the same audio (two keys that brief the same article share one folder). Afterwards its
media URLs answer 404 and no page, feed or API list shows it.

The media folder is removed inside the store's write transaction that deletes the row,
and the render job publishes its audio inside one too (:func:`finish_published`), so
the two never interleave: a render that finishes after its briefing was deleted removes
the folder it made (unless another briefing uses it), and a render whose folder was
removed under it by another deletion is tried again rather than marked done.
"""

from __future__ import annotations

import logging
import shutil
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from flask import Flask

from briefing.errors import BriefingError

from .extensions import get_queue, get_store, page_cache
from .media import HASH_PATTERN, media_root
from .store import utc_now

log = logging.getLogger(__name__)

JOB_KIND = "expire_briefings"
RETENTION_CHECK_SECONDS = 3600.0  # the retention job runs hourly while API_RETENTION_DAYS is set
BATCH = 100  # ids the retention job fetches per query (each briefing is deleted in its own transaction)


def delete_briefing(app: Flask, briefing_id: str) -> bool:
    """Delete a briefing, its jobs, webhooks and cached pages, and its media folder unless
    another briefing uses it; False when there was no such briefing."""
    store = get_store(app)
    with store.transaction():
        record = store.get_briefing(briefing_id)
        if record is None:
            return False
        store.delete_briefing(briefing_id)
        content_hash = (record.audio or {}).get("content_hash")
        if content_hash:
            remove_unused_media(app, content_hash)
    page_cache(app).discard(briefing_id)
    return True


def remove_unused_media(app: Flask, content_hash: str) -> bool:
    """Remove the media folder ``content_hash`` when no briefing uses it; True when removed.

    Call it inside a store transaction (``with store.transaction():``), so no render can
    mark a briefing done with this folder between the check and the removal.
    """
    if not HASH_PATTERN.fullmatch(content_hash or "") or get_store(app).media_in_use(content_hash):
        return False
    folder = media_root(app) / content_hash
    if not folder.is_dir():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True


def finish_published(app: Flask, job_id: int, briefing_id: str, audio: dict[str, Any]) -> bool:
    """Store a render's audio, published in ``MEDIA_DIR/<audio["content_hash"]>``, and mark
    its job done, in one transaction; False (and the folder removed unless another
    briefing uses it) when the briefing was deleted while it rendered.

    Raises :class:`MediaRemoved` when the folder was removed after it was published (a
    deletion of another briefing with the same audio): the job is then tried again.
    """
    store = get_store(app)
    content_hash = audio["content_hash"]
    with store.transaction():
        if store.revision(briefing_id) is None:  # its job went with it
            remove_unused_media(app, content_hash)
            return False
        if not (media_root(app) / content_hash).is_dir():
            raise MediaRemoved(
                "The audio's folder was removed while it was being stored (another briefing with the same "
                "audio was deleted). It will be made again."
            )
        store.finish_render(job_id, briefing_id, audio)
    return True


class MediaRemoved(BriefingError):
    """A render's published folder was removed before its briefing was marked done."""


# -- retention ----------------------------------------------------------------------------


def expire(app: Flask, now: datetime | None = None, heartbeat: Callable[[], None] | None = None) -> int:
    """Delete the API briefings older than ``API_RETENTION_DAYS`` (0: keep them all), and
    their media as :func:`delete_briefing` does; returns how many were deleted."""
    days = float(app.config.get("API_RETENTION_DAYS") or 0)
    if days <= 0:
        return 0
    cutoff = ((now or datetime.now(timezone.utc)) - timedelta(days=days)).astimezone(timezone.utc)
    before = utc_now(cutoff)
    store = get_store(app)
    deleted = 0
    while True:
        ids = store.api_briefings_before(before, BATCH)
        if not ids:
            break
        for briefing_id in ids:
            deleted += delete_briefing(app, briefing_id)
        if heartbeat is not None:
            heartbeat()
    if deleted:
        log.info("Deleted %d API briefing(s) made before %s (API_RETENTION_DAYS=%s).", deleted, before, days)
    return deleted


def expire_job(app: Flask, job: Any, heartbeat: Callable[[], None]) -> None:
    """Job ``expire_briefings``: apply ``API_RETENTION_DAYS``, then queue the next check."""
    try:
        expire(app, heartbeat=heartbeat)
    finally:
        schedule(app)


def schedule(app: Flask, now: bool = False) -> int | None:
    """Queue the next retention check (at once with ``now``, as at start-up; else in an
    hour), unless one is queued already; nothing while ``API_RETENTION_DAYS`` is 0."""
    if float(app.config.get("API_RETENTION_DAYS") or 0) <= 0:
        return None
    return get_queue(app).enqueue_once(JOB_KIND, delay=0 if now else RETENTION_CHECK_SECONDS)


def init_app(app: Flask) -> None:
    """Register the retention job, and queue its first run when the workers start."""
    get_queue(app).handlers[JOB_KIND] = expire_job
    if app.config["START_WORKERS"]:
        schedule(app, now=True)
