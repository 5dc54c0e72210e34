"""Briefings: the text pipeline's result of each article, and the state of its audio.

A briefing made through the API belongs to its key (``key_id``); one made on the site, from
samples, news feeds or a digest belongs to no key. The site (pages, feeds, oEmbed, digests)
shows only *public* briefings: those of no key, and those of a key marked public. The API
reads and writes only a key's own (the ``..._of`` operations).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, exists, insert, select, tuple_, update

from .database import SQL, dumps, utc_now
from .tables import api_keys, briefings as B, source_items

BRIEFING_STATUSES = ("queued", "running", "done", "failed")

BRIEFING_COLUMNS = (
    B.c.id, B.c.created_at, B.c.updated_at, B.c.revision, B.c.title, B.c.source_url, B.c.source_kind,
    B.c.source_name, B.c.input_hash, B.c.options, B.c.briefing, B.c.status, B.c.error, B.c.audio, B.c.key_id,
)
# A briefing the site may show: made by no key, or by a key marked public.
PUBLIC = B.c.key_id.is_(None) | B.c.key_id.in_(select(api_keys.c.id).where(api_keys.c.public == 1))
# Newest first; briefings of the same second in the order they were added.
NEWEST = (B.c.created_at.desc(), B.c.added_ns.desc())


# Built once: the pages and the API run these on every request.
_ID = bindparam("id")
_KEY = bindparam("key_id")
BY_ID = select(*BRIEFING_COLUMNS).where(B.c.id == _ID)
PUBLIC_BY_ID = select(*BRIEFING_COLUMNS).where(B.c.id == _ID, PUBLIC)
OWNED_BY_ID = select(*BRIEFING_COLUMNS).where(B.c.id == _ID, B.c.key_id == _KEY)
REVISION = select(B.c.revision).where(B.c.id == _ID)
PUBLIC_REVISION = select(B.c.revision).where(B.c.id == _ID, PUBLIC)
OWNED_REVISION = select(B.c.revision).where(B.c.id == _ID, B.c.key_id == _KEY)


@dataclass(frozen=True)
class BriefingRecord:
    """A stored briefing: the text pipeline's result and the state of its audio."""

    id: str
    created_at: str
    updated_at: str
    revision: int
    title: str
    source_url: str | None
    source_kind: str
    source_name: str | None
    input_hash: str
    options: dict[str, Any]
    briefing: dict[str, Any]
    status: str
    error: str | None
    audio: dict[str, Any] | None
    key_id: str | None = None  # the API key that owns it; None: public, made on the site


def briefing_record(row: Any) -> BriefingRecord:
    """A row of ``BRIEFING_COLUMNS`` as a :class:`BriefingRecord`."""
    return BriefingRecord(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        revision=row.revision,
        title=row.title,
        source_url=row.source_url,
        source_kind=row.source_kind,
        source_name=row.source_name,
        input_hash=row.input_hash,
        options=json.loads(row.options),
        briefing=json.loads(row.briefing),
        status=row.status,
        error=row.error,
        audio=json.loads(row.audio) if row.audio else None,
        key_id=row.key_id,
    )


def write_status(db: SQL, id: str, status: str, error: str | None, audio: dict[str, Any] | None) -> None:
    """Record a briefing's audio state (and its audio, when given) inside a transaction
    the caller holds; the revision grows, so caches of the page are left behind."""
    values: dict[str, Any] = {"status": status, "error": error, "updated_at": utc_now(), "revision": B.c.revision + 1}
    if audio is not None:
        values.update(audio=dumps(audio), content_hash=audio.get("content_hash"))
    db.execute(update(B).where(B.c.id == id).values(**values))


class BriefingOperations:
    """The store's operations on briefings (mixed into :class:`web.store.Store`)."""

    def add_briefing(
        self,
        id: str,
        *,
        title: str,
        source_url: str | None,
        source_kind: str,
        source_name: str | None,
        input_hash: str,
        options: dict[str, Any],
        article: dict[str, Any],
        briefing: dict[str, Any],
        status: str = "queued",
        key_id: str | None = None,
    ) -> None:
        """Store a new briefing (its audio still to be made), owned by the API key
        ``key_id`` (None: by no key)."""
        now = utc_now()
        with self.transaction() as db:
            db.execute(insert(B).values(
                id=id, created_at=now, updated_at=now, title=title, source_url=source_url, source_kind=source_kind,
                source_name=source_name, input_hash=input_hash, options=dumps(options), article=dumps(article),
                briefing=dumps(briefing), status=status, key_id=key_id, added_ns=time.time_ns(),
            ))

    def get_briefing(self, id: str) -> BriefingRecord | None:
        """The briefing with this id, whoever owns it, or None (for the app's own work:
        jobs, webhooks; a request uses the ``public_`` or ``_of`` operations)."""
        row = self._first_with(BY_ID, {"id": id})
        return briefing_record(row) if row else None

    def public_briefing(self, id: str) -> BriefingRecord | None:
        """The briefing with this id if the site may show it (see ``PUBLIC``), else None."""
        row = self._first_with(PUBLIC_BY_ID, {"id": id})
        return briefing_record(row) if row else None

    def briefing_of(self, id: str, key_id: str) -> BriefingRecord | None:
        """The briefing with this id if the API key ``key_id`` owns it, else None."""
        row = self._first_with(OWNED_BY_ID, {"id": id, "key_id": key_id})
        return briefing_record(row) if row else None

    def get_article(self, id: str) -> dict[str, Any] | None:
        """The extracted article of a briefing, as ``Article.to_dict()`` gave it."""
        row = self._first(select(B.c.article).where(B.c.id == id))
        return json.loads(row.article) if row else None

    def revision(self, id: str) -> int | None:
        """A number that grows whenever the briefing changes (for caches), or None."""
        row = self._first_with(REVISION, {"id": id})
        return row.revision if row else None

    def public_revision(self, id: str) -> int | None:
        """The revision of a briefing the site may show, or None (missing or not public)."""
        row = self._first_with(PUBLIC_REVISION, {"id": id})
        return row.revision if row else None

    def revision_of(self, id: str, key_id: str) -> int | None:
        """The revision of a briefing the API key ``key_id`` owns, or None."""
        row = self._first_with(OWNED_REVISION, {"id": id, "key_id": key_id})
        return row.revision if row else None

    def find_by_input(self, input_hash: str, key_id: str | None = None) -> BriefingRecord | None:
        """The newest briefing of the same owner (``key_id``; None: no key) made from the
        same article and options, if any. Never another owner's: a key is never handed
        another key's briefing, nor a public one."""
        row = self._first(
            select(*BRIEFING_COLUMNS)
            .where(B.c.input_hash == input_hash, B.c.key_id.is_not_distinct_from(key_id))
            .order_by(*NEWEST).limit(1)
        )
        return briefing_record(row) if row else None

    def recent(self, limit: int = 12) -> list[dict[str, Any]]:
        """The newest public briefings, as light summaries (no article or key points)."""
        rows = self._all(
            select(B.c.id, B.c.created_at, B.c.title, B.c.source_url, B.c.status, B.c.audio)
            .where(PUBLIC).order_by(*NEWEST).limit(limit)
        )
        out = []
        for row in rows:
            audio = json.loads(row.audio) if row.audio else None
            out.append(
                {
                    "id": row.id,
                    "created_at": row.created_at,
                    "title": row.title,
                    "source_url": row.source_url,
                    "status": row.status,
                    "duration": audio.get("duration") if audio else None,
                }
            )
        return out

    def briefing_page(self, key_id: str, limit: int, after: tuple[str, str] | None = None) -> list[dict[str, Any]]:
        """Up to ``limit`` briefings of the API key ``key_id``, newest first, that come
        after the briefing whose (created_at, id) is ``after``: each as id, created_at,
        title, source_url, status, and ``public`` (whether the site shows it)."""
        query = (
            select(B.c.id, B.c.created_at, B.c.title, B.c.source_url, B.c.status, api_keys.c.public)
            .join(api_keys, api_keys.c.id == B.c.key_id).where(B.c.key_id == key_id)
        )
        if after is not None:
            query = query.where(tuple_(B.c.created_at, B.c.id) < tuple_(after[0], after[1]))
        query = query.order_by(B.c.created_at.desc(), B.c.id.desc()).limit(limit)
        return [{**row._asdict(), "public": bool(row.public)} for row in self._all(query)]

    def done_briefings(self, limit: int, source_id: int | None = None) -> list[BriefingRecord]:
        """The newest public briefings whose audio is ready (of one followed source, if given)."""
        query = select(*BRIEFING_COLUMNS).where(B.c.status == "done", B.c.audio.is_not(None), PUBLIC)
        if source_id is not None:
            query = query.where(exists().where(source_items.c.briefing_id == B.c.id,
                                               source_items.c.source_id == source_id))
        return [briefing_record(r) for r in self._all(query.order_by(*NEWEST).limit(limit))]

    def done_briefings_between(self, start: str, end: str, limit: int, *, except_kind: str) -> list[BriefingRecord]:
        """Public briefings created in [``start``, ``end``) whose audio is ready, oldest
        first, at most ``limit``, leaving out those whose ``source_kind`` is ``except_kind``."""
        rows = self._all(
            select(*BRIEFING_COLUMNS)
            .where(B.c.status == "done", B.c.source_kind != except_kind, B.c.created_at >= start,
                   B.c.created_at < end, PUBLIC)
            .order_by(B.c.created_at, B.c.added_ns).limit(limit)
        )
        return [briefing_record(r) for r in rows]

    def set_status(self, id: str, status: str, error: str | None = None, audio: dict[str, Any] | None = None) -> None:
        """Record the state of a briefing's audio (and the audio itself once done)."""
        if status not in BRIEFING_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self.transaction() as db:
            write_status(db, id, status, error, audio)

    def retitle_briefing(self, id: str, title: str) -> None:
        """Give a briefing another title (its revision grows)."""
        with self.transaction() as db:
            db.execute(update(B).where(B.c.id == id).values(title=title, updated_at=utc_now(),
                                                            revision=B.c.revision + 1))

    def delete_briefing(self, id: str) -> bool:
        """Delete a briefing with its jobs (queued, running or done), webhooks and
        idempotency records; True when it existed. Its media files are the caller's to
        remove (other briefings may share them: see :meth:`media_in_use`)."""
        with self.transaction() as db:
            return db.execute(delete(B).where(B.c.id == id)).rowcount > 0

    def media_hashes(self) -> set[str]:
        """Content hashes of the audio that some briefing uses."""
        rows = self._all(select(B.c.content_hash).where(B.c.content_hash.is_not(None)).distinct())
        return {row.content_hash for row in rows}

    def media_in_use(self, content_hash: str) -> bool:
        """True when some briefing's audio is the media folder ``content_hash``."""
        return self._first(select(B.c.id).where(B.c.content_hash == content_hash).limit(1)) is not None

    def api_briefings_before(self, created_before: str, limit: int) -> list[str]:
        """The ids of up to ``limit`` briefings owned by an API key and created before
        ``created_before`` (ISO 8601, UTC), oldest first (for the retention job)."""
        rows = self._all(
            select(B.c.id).where(B.c.key_id.is_not(None), B.c.created_at < created_before)
            .order_by(B.c.created_at, B.c.id).limit(limit)
        )
        return [row.id for row in rows]
