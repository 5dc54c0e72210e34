"""The daily digest: one episode a day that joins that day's briefings, a chapter per story.

With ``DIGEST`` on, the server makes the digest of the previous day (UTC) soon after
midnight; ``briefing digest [--day YYYY-MM-DD]`` makes one by hand. A digest is stored
as a briefing whose ``source_kind`` is ``"digest"``: its key points are its stories'
points one after another (each keeps its source), so its page, its JSON twin, the
podcast feed and the API show it like any briefing, and its audio is made by the same
render job (web/render.py). Each day has one digest: stories briefed later on a day
already digested stay in their own episodes.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Callable

from flask import Flask

from briefing.audio.digest import digest_document, digest_title
from briefing.errors import BriefingError

from .briefings import Created, new_id
from .extensions import get_queue, get_store
from .store import BriefingRecord

SOURCE_KIND = "digest"
JOB_KIND = "digest_schedule"


class DigestError(BriefingError):
    """A digest cannot be made (no story that day, a bad date)."""


def parse_day(text: str) -> date:
    """A ``YYYY-MM-DD`` day, or DigestError saying what to give.

    >>> parse_day("2026-11-28")
    datetime.date(2026, 11, 28)
    """
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DigestError(f"{text!r} is not a day: give it as YYYY-MM-DD, e.g. 2026-11-28.") from None


def yesterday(now: datetime | None = None) -> date:
    """The previous UTC day."""
    return ((now or datetime.now(timezone.utc)).astimezone(timezone.utc) - timedelta(days=1)).date()


def digest_hash(day: date) -> str:
    """The digest's ``input_hash``: one digest per day."""
    return hashlib.sha256(f"digest:{day.isoformat()}".encode("ascii")).hexdigest()


def stories_of(app: Flask, day: date) -> list[BriefingRecord]:
    """The briefings made on ``day`` (UTC) whose audio is ready, oldest first, at most
    ``DIGEST_MAX_STORIES``; digests themselves are left out."""
    store = get_store(app)
    start = datetime.combine(day, time(0), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = datetime.combine(day + timedelta(days=1), time(0), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return store.done_briefings_between(start, end, int(app.config["DIGEST_MAX_STORIES"]), except_kind=SOURCE_KIND)


def make_digest(app: Flask, day: date) -> Created:
    """Store the digest of ``day`` and queue its audio; an existing digest is returned as it is.

    Raises DigestError when no briefing of that day has its audio ready.
    """
    store = get_store(app)
    existing = store.find_by_input(digest_hash(day))
    if existing is not None:
        return Created(existing, False)
    stories = stories_of(app, day)
    if not stories:
        raise DigestError(
            f"No briefing made on {day.isoformat()} (UTC) has its audio ready, so there is no digest to make. "
            "Choose another day with --day YYYY-MM-DD."
        )
    document = digest_document(day, [(s.id, s.title, s.briefing) for s in stories])
    digest_id = new_id()
    with store.transaction():
        store.add_briefing(
            digest_id,
            title=digest_title(day),
            source_url=None,
            source_kind=SOURCE_KIND,
            source_name=day.isoformat(),
            input_hash=digest_hash(day),
            options={},
            article=document["article"],
            briefing=document,
        )
        get_queue(app).enqueue("render", briefing_id=digest_id)
    return Created(store.get_briefing(digest_id), True)


# -- the server's schedule -----------------------------------------------------------------


def schedule(app: Flask, now: bool = False, clock: datetime | None = None) -> int | None:
    """Queue the next digest check: at once (``now``, as at start-up) or five minutes after
    the next UTC midnight. Nothing when ``DIGEST`` is off or a check is queued already."""
    if not app.config.get("DIGEST"):
        return None
    delay = 0.0
    if not now:
        current = (clock or datetime.now(timezone.utc)).astimezone(timezone.utc)
        next_run = datetime.combine(current.date() + timedelta(days=1), time(0, 5), timezone.utc)
        delay = (next_run - current).total_seconds()
    return get_queue(app).enqueue_once(JOB_KIND, delay=delay)


def schedule_job(app: Flask, job: Any, heartbeat: Callable[[], None]) -> None:
    """Job ``digest_schedule``: make yesterday's digest if there is something to join,
    then queue the next check."""
    try:
        make_digest(app, yesterday())
    except DigestError:
        pass  # a quiet day: no digest
    finally:
        schedule(app)


def init_app(app: Flask) -> None:
    get_queue(app).handlers[JOB_KIND] = schedule_job
    if app.config["START_WORKERS"]:
        schedule(app, now=True)
