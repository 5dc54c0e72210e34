"""News feeds in: follow RSS and Atom feeds, and brief their new stories.

``briefing follow URL`` adds a source; ``briefing refresh`` (and, every
``FEEDS_REFRESH_MINUTES``, the server's workers) fetches each followed feed with a
conditional request (``If-None-Match``, ``If-Modified-Since``) under the library's URL
rules (:func:`briefing.text.fetch.fetch_url`: private addresses are refused unless the
``BRIEFING`` settings allow them), parses it with feedparser, and briefs every item not
seen before (matched by guid, then by link). An item's article is its full content when
the feed carries one, else its web page. One bad item, a timeout or a server error never
stops the others: each is recorded and reported, and a failed item is tried again at the
next refresh.
"""

from __future__ import annotations

import html
import logging
import re
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

import feedparser
from flask import Flask

from briefing.errors import BriefingError
from briefing.text.extract import Source
from briefing.text.fetch import check_url, fetch_url

from .briefings import brief
from .extensions import get_queue, get_store
from .pipeline import briefing_config
from .store import utc_now

log = logging.getLogger(__name__)

FEED_MEDIA_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "text/plain",
    "application/octet-stream",
    # Some servers call their feed a web page; a real web page is then reported as "not a news feed".
    "text/html",
)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
# Feed content shorter than this (in characters of text) is a teaser: the page is fetched instead.
FULL_CONTENT_CHARS = 400
JOB_KIND = "refresh_feeds"


class FeedsError(BriefingError):
    """A followed feed cannot be added, found or read."""


@dataclass(frozen=True)
class ItemFailure:
    """An item of a feed that could not be briefed, and why."""

    title: str
    link: str | None
    error: str


@dataclass(frozen=True)
class RefreshResult:
    """What one refresh of one followed feed did."""

    source_id: int
    url: str
    status: str  # "ok", "not modified" or "failed"
    new: tuple[str, ...] = ()  # ids of the briefings made
    seen: int = 0  # items briefed before
    failures: tuple[ItemFailure, ...] = ()
    error: str | None = None  # why the whole feed failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": utc_now(),
            "status": self.status,
            "new": len(self.new),
            "seen": self.seen,
            "failed": len(self.failures),
            "failures": [{"title": f.title, "link": f.link, "error": f.error} for f in self.failures],
            "error": self.error,
        }

    def summary(self) -> str:
        """One line for people: ``ok: 4 new, 0 seen, 1 failed``."""
        if self.status == "failed":
            return f"failed: {self.error}"
        if self.status == "not modified":
            return "not modified"
        return f"ok: {len(self.new)} new, {self.seen} seen before, {len(self.failures)} failed"


@dataclass
class _Progress:
    new: list[str] = field(default_factory=list)
    failures: list[ItemFailure] = field(default_factory=list)
    seen: int = 0


# -- sources ---------------------------------------------------------------------------


def follow(app: Flask, url: str) -> dict[str, Any]:
    """Follow the feed at ``url``; returns its row. Checks the URL against the fetch rules
    now, so a refused address is reported at once."""
    url = url.strip()
    check_url(url, briefing_config(app))
    if not get_store(app).add_source(url):
        raise FeedsError(f"{url} is followed already. `briefing sources` lists the followed feeds.")
    return find_source(app, url)


def find_source(app: Flask, key: str | int) -> dict[str, Any]:
    """A followed source by its number or URL; FeedsError when there is none."""
    store = get_store(app)
    text = str(key).strip()
    source = store.source(int(text)) if text.isdigit() else store.source_by_url(text)
    if source is None:
        raise FeedsError(f"No followed feed is {text}. `briefing sources` lists them, with their numbers.")
    return source


def unfollow(app: Flask, key: str | int) -> dict[str, Any]:
    """Stop following a source (by number or URL); its briefings stay. Returns its row."""
    source = find_source(app, key)
    get_store(app).delete_source(source["id"])
    return source


def sources(app: Flask) -> list[dict[str, Any]]:
    """Every followed source with its last result, in the order they were followed."""
    return get_store(app).sources()


# -- refreshing ------------------------------------------------------------------------


def refresh(app: Flask, keys: list[str] | None = None, heartbeat: Callable[[], None] | None = None) -> list[RefreshResult]:
    """Refresh the followed sources (all, or those named by number or URL)."""
    chosen = [find_source(app, k) for k in keys] if keys else sources(app)
    results = []
    for source in chosen:
        results.append(refresh_source(app, source))
        if heartbeat is not None:
            heartbeat()
    return results


def refresh_source(app: Flask, source: dict[str, Any]) -> RefreshResult:
    """Fetch one followed feed and brief its new items; never raises for a bad feed."""
    config = briefing_config(app)
    headers = {"Accept": FEED_ACCEPT}
    if source.get("etag"):
        headers["If-None-Match"] = source["etag"]
    if source.get("modified"):
        headers["If-Modified-Since"] = source["modified"]
    try:
        fetched = fetch_url(source["url"], config, headers=headers, media_types=FEED_MEDIA_TYPES)
    except BriefingError as exc:
        return _record(app, source, RefreshResult(source["id"], source["url"], "failed", error=str(exc)))
    if fetched.status == 304:
        return _record(app, source, RefreshResult(source["id"], source["url"], "not modified"))
    # Bytes, never a URL: feedparser must not fetch anything itself.
    # content-location: relative item links resolve against the feed's own address.
    parsed = feedparser.parse(fetched.body, response_headers={"content-location": fetched.url})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom markup"
        result = RefreshResult(
            source["id"], source["url"], "failed",
            error=f"{source['url']} is not a news feed ({reason}). Give the address of its RSS or Atom feed.",
        )
        return _record(app, source, result)
    progress = _Progress()
    # Oldest first, so the newest story is also the newest briefing.
    for entry in reversed(parsed.entries):
        _brief_entry(app, source["id"], entry, progress)
    result = RefreshResult(
        source["id"], source["url"], "ok", tuple(progress.new), progress.seen, tuple(progress.failures)
    )
    title = (parsed.feed.get("title") or "").strip() or None
    return _record(app, source, result, title=title, etag=fetched.etag, modified=fetched.last_modified)


def _record(app: Flask, source: dict[str, Any], result: RefreshResult, *, title: str | None = None,
            etag: str | None = None, modified: str | None = None) -> RefreshResult:
    get_store(app).record_refresh(
        source["id"], checked_at=utc_now(), last_result=result.to_dict(), title=title, etag=etag, modified=modified
    )
    if result.status == "failed" or result.failures:
        log.warning("Feed %s: %s", source["url"], result.summary())
    return result


def _brief_entry(app: Flask, source_id: int, entry: Any, progress: _Progress) -> None:
    """Brief one feed item unless it was briefed before; records the outcome."""
    store = get_store(app)
    guid = (entry.get("id") or "").strip() or None
    link = (entry.get("link") or "").strip() or None
    title = re.sub(r"\s+", " ", entry.get("title") or "").strip() or (link or "Untitled item")
    if guid is None and link is None:
        progress.failures.append(ItemFailure(title, None, "The item has neither a guid nor a link, so it cannot be told apart."))
        return
    row = store.source_item(source_id, guid, link)
    if row is not None and row["status"] == "done":
        progress.seen += 1
        return
    briefing_id, error = None, None
    try:
        with app.app_context():
            created = brief(app, item_source(entry, link, title))
        briefing_id = created.record.id
    except BriefingError as exc:
        error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad item must never stop the others
        log.error("Feed item %s failed:\n%s", link or guid, traceback.format_exc())
        error = f"Unexpected error ({type(exc).__name__}: {exc}). The details are in the server log."
    status = "done" if briefing_id else "failed"
    if row is None:
        store.add_source_item(source_id, guid=guid, link=link, title=title, briefing_id=briefing_id, status=status,
                              error=error)
    else:
        store.update_source_item(row["id"], title=title, briefing_id=briefing_id, status=status, error=error)
    if briefing_id:
        progress.new.append(briefing_id)
    else:
        progress.failures.append(ItemFailure(title, link, error or "unknown error"))


def item_source(entry: Any, link: str | None, title: str):
    """The article of a feed item: its full content when the feed carries enough of it,
    else its web page (fetched under the URL rules when briefed)."""
    content = ""
    for part in entry.get("content") or ():
        if len(part.get("value") or "") > len(content):
            content = part["value"]
    text = re.sub(r"<[^>]+>", " ", content)
    if len(re.sub(r"\s+", " ", html.unescape(text)).strip()) >= FULL_CONTENT_CHARS or not link:
        if not content:
            content = entry.get("summary") or ""
        canonical = f'<link rel="canonical" href="{html.escape(link)}">' if link else ""
        markup = (
            f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>{canonical}"
            f"</head><body><article><h1>{html.escape(title)}</h1>{content}</article></body></html>"
        )
        return Source("html", markup, link or title)
    return Source("url", link, link)


# -- the server's periodic refresh -------------------------------------------------------


def refresh_job(app: Flask, job: Any, heartbeat: Callable[[], None]) -> None:
    """Job ``refresh_feeds``: refresh every followed feed, then schedule the next run."""
    try:
        refresh(app, heartbeat=heartbeat)
    finally:
        schedule(app)


def schedule(app: Flask, now: bool = False) -> int | None:
    """Queue the next periodic refresh in ``FEEDS_REFRESH_MINUTES`` (0: never; ``now``:
    at once, as at start-up), unless one is queued already; returns the job id."""
    minutes = float(app.config.get("FEEDS_REFRESH_MINUTES") or 0)
    if minutes <= 0:
        return None
    return get_queue(app).enqueue_once(JOB_KIND, delay=0 if now else minutes * 60)


def init_app(app: Flask) -> None:
    get_queue(app).handlers[JOB_KIND] = refresh_job
    if app.config["START_WORKERS"]:
        schedule(app, now=True)
