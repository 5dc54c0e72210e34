"""Briefings: the text pipeline's result of each article, and the state of its audio.

A briefing made through the API belongs to its key (``key_id``); one made on the site, from
samples, news feeds or a digest belongs to no key. The site (pages, feeds, oEmbed, digests)
shows only *public* briefings: those of no key, and those of a key marked public. The API
reads and writes only a key's own (the ``..._of`` operations).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from .database import dumps, utc_now

BRIEFING_STATUSES = ("queued", "running", "done", "failed")

BRIEFING_COLUMNS = (
    "id, created_at, updated_at, revision, title, source_url, source_kind, source_name, "
    "input_hash, options, briefing, status, error, audio, key_id"
)
# The same columns of the table named ``b``.
_B_COLUMNS = ", ".join(f"b.{c.strip()}" for c in BRIEFING_COLUMNS.split(","))
# A briefing the site may show: made by no key, or by a key marked public.
PUBLIC = "(b.key_id IS NULL OR b.key_id IN (SELECT id FROM api_keys WHERE public = 1))"
# The content hash of a briefing's audio (an index of migration 4 is on this expression).
CONTENT_HASH = "json_extract(audio, '$.content_hash')"


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


def briefing_record(row: sqlite3.Row) -> BriefingRecord:
    """A row of ``BRIEFING_COLUMNS`` as a :class:`BriefingRecord`."""
    return BriefingRecord(
        id=row["id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        revision=row["revision"],
        title=row["title"],
        source_url=row["source_url"],
        source_kind=row["source_kind"],
        source_name=row["source_name"],
        input_hash=row["input_hash"],
        options=json.loads(row["options"]),
        briefing=json.loads(row["briefing"]),
        status=row["status"],
        error=row["error"],
        audio=json.loads(row["audio"]) if row["audio"] else None,
        key_id=row["key_id"],
    )


def write_status(db: sqlite3.Connection, id: str, status: str, error: str | None, audio: dict[str, Any] | None) -> None:
    """Record a briefing's audio state (and its audio, when given) inside a transaction
    the caller holds; the revision grows, so caches of the page are left behind."""
    if audio is None:
        db.execute(
            "UPDATE briefings SET status = ?, error = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
            (status, error, utc_now(), id),
        )
    else:
        db.execute(
            "UPDATE briefings SET status = ?, error = ?, audio = ?, updated_at = ?, revision = revision + 1"
            " WHERE id = ?",
            (status, error, dumps(audio), utc_now(), id),
        )


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
            db.execute(
                "INSERT INTO briefings (id, created_at, updated_at, title, source_url, source_kind, source_name,"
                " input_hash, options, article, briefing, status, key_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    id, now, now, title, source_url, source_kind, source_name, input_hash,
                    dumps(options), dumps(article), dumps(briefing), status, key_id,
                ),
            )

    def get_briefing(self, id: str) -> BriefingRecord | None:
        """The briefing with this id, whoever owns it, or None (for the app's own work:
        jobs, webhooks; a request uses the ``public_`` or ``_of`` operations)."""
        row = self.db.execute(f"SELECT {BRIEFING_COLUMNS} FROM briefings WHERE id = ?", (id,)).fetchone()
        return briefing_record(row) if row else None

    def public_briefing(self, id: str) -> BriefingRecord | None:
        """The briefing with this id if the site may show it (see ``PUBLIC``), else None."""
        row = self.db.execute(f"SELECT {_B_COLUMNS} FROM briefings b WHERE b.id = ? AND {PUBLIC}", (id,)).fetchone()
        return briefing_record(row) if row else None

    def briefing_of(self, id: str, key_id: str) -> BriefingRecord | None:
        """The briefing with this id if the API key ``key_id`` owns it, else None."""
        row = self.db.execute(
            f"SELECT {BRIEFING_COLUMNS} FROM briefings WHERE id = ? AND key_id = ?", (id, key_id)
        ).fetchone()
        return briefing_record(row) if row else None

    def get_article(self, id: str) -> dict[str, Any] | None:
        """The extracted article of a briefing, as ``Article.to_dict()`` gave it."""
        row = self.db.execute("SELECT article FROM briefings WHERE id = ?", (id,)).fetchone()
        return json.loads(row["article"]) if row else None

    def revision(self, id: str) -> int | None:
        """A number that grows whenever the briefing changes (for caches), or None."""
        row = self.db.execute("SELECT revision FROM briefings WHERE id = ?", (id,)).fetchone()
        return row[0] if row else None

    def public_revision(self, id: str) -> int | None:
        """The revision of a briefing the site may show, or None (missing or not public)."""
        row = self.db.execute(f"SELECT b.revision FROM briefings b WHERE b.id = ? AND {PUBLIC}", (id,)).fetchone()
        return row[0] if row else None

    def revision_of(self, id: str, key_id: str) -> int | None:
        """The revision of a briefing the API key ``key_id`` owns, or None."""
        row = self.db.execute("SELECT revision FROM briefings WHERE id = ? AND key_id = ?", (id, key_id)).fetchone()
        return row[0] if row else None

    def find_by_input(self, input_hash: str, key_id: str | None = None) -> BriefingRecord | None:
        """The newest briefing of the same owner (``key_id``; None: no key) made from the
        same article and options, if any. Never another owner's: a key is never handed
        another key's briefing, nor a public one."""
        row = self.db.execute(
            f"SELECT {BRIEFING_COLUMNS} FROM briefings WHERE input_hash = ? AND key_id IS ?"
            " ORDER BY created_at DESC LIMIT 1",
            (input_hash, key_id),
        ).fetchone()
        return briefing_record(row) if row else None

    def recent(self, limit: int = 12) -> list[dict[str, Any]]:
        """The newest public briefings, as light summaries (no article or key points)."""
        rows = self.db.execute(
            f"SELECT b.id, b.created_at, b.title, b.source_url, b.status, b.audio FROM briefings b WHERE {PUBLIC}"
            " ORDER BY b.created_at DESC, b.rowid DESC LIMIT ?",
            (limit,),
        ).fetchall()
        out = []
        for row in rows:
            audio = json.loads(row["audio"]) if row["audio"] else None
            out.append(
                {
                    "id": row["id"],
                    "created_at": row["created_at"],
                    "title": row["title"],
                    "source_url": row["source_url"],
                    "status": row["status"],
                    "duration": audio.get("duration") if audio else None,
                }
            )
        return out

    def briefing_page(self, key_id: str, limit: int, after: tuple[str, str] | None = None) -> list[dict[str, Any]]:
        """Up to ``limit`` briefings of the API key ``key_id``, newest first, that come
        after the briefing whose (created_at, id) is ``after``: each as id, created_at,
        title, source_url, status, and ``public`` (whether the site shows it)."""
        sql = ("SELECT b.id, b.created_at, b.title, b.source_url, b.status, k.public FROM briefings b"
               " JOIN api_keys k ON k.id = b.key_id WHERE b.key_id = ?")
        params: list[Any] = [key_id]
        if after is not None:
            sql += " AND (b.created_at, b.id) < (?, ?)"
            params += [after[0], after[1]]
        sql += " ORDER BY b.created_at DESC, b.id DESC LIMIT ?"
        return [{**dict(row), "public": bool(row["public"])} for row in self.db.execute(sql, (*params, limit)).fetchall()]

    def done_briefings(self, limit: int, source_id: int | None = None) -> list[BriefingRecord]:
        """The newest public briefings whose audio is ready (of one followed source, if given)."""
        if source_id is None:
            rows = self.db.execute(
                f"SELECT {_B_COLUMNS} FROM briefings b WHERE b.status = 'done' AND b.audio IS NOT NULL AND {PUBLIC}"
                " ORDER BY b.created_at DESC, b.rowid DESC LIMIT ?",
                (limit,),
            ).fetchall()
        else:
            rows = self.db.execute(
                f"SELECT DISTINCT {_B_COLUMNS}, b.rowid AS r FROM briefings b JOIN source_items s ON s.briefing_id = b.id"
                f" WHERE s.source_id = ? AND b.status = 'done' AND b.audio IS NOT NULL AND {PUBLIC}"
                " ORDER BY b.created_at DESC, r DESC LIMIT ?",
                (source_id, limit),
            ).fetchall()
        return [briefing_record(r) for r in rows]

    def done_briefings_between(self, start: str, end: str, limit: int, *, except_kind: str) -> list[BriefingRecord]:
        """Public briefings created in [``start``, ``end``) whose audio is ready, oldest
        first, at most ``limit``, leaving out those whose ``source_kind`` is ``except_kind``."""
        rows = self.db.execute(
            "SELECT b.id FROM briefings b WHERE b.status = 'done' AND b.source_kind != ? AND b.created_at >= ?"
            f" AND b.created_at < ? AND {PUBLIC} ORDER BY b.created_at, b.rowid LIMIT ?",
            (except_kind, start, end, limit),
        ).fetchall()
        return [r for r in (self.get_briefing(row["id"]) for row in rows) if r is not None]

    def set_status(self, id: str, status: str, error: str | None = None, audio: dict[str, Any] | None = None) -> None:
        """Record the state of a briefing's audio (and the audio itself once done)."""
        if status not in BRIEFING_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self.transaction() as db:
            write_status(db, id, status, error, audio)

    def retitle_briefing(self, id: str, title: str) -> None:
        """Give a briefing another title (its revision grows)."""
        with self.transaction() as db:
            db.execute("UPDATE briefings SET title = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
                       (title, utc_now(), id))

    def delete_briefing(self, id: str) -> bool:
        """Delete a briefing with its jobs (queued, running or done), webhooks and
        idempotency records; True when it existed. Its media files are the caller's to
        remove (other briefings may share them: see :meth:`media_in_use`)."""
        with self.transaction() as db:
            return db.execute("DELETE FROM briefings WHERE id = ?", (id,)).rowcount > 0

    def media_hashes(self) -> set[str]:
        """Content hashes of the audio that some briefing uses."""
        rows = self.db.execute("SELECT audio FROM briefings WHERE audio IS NOT NULL").fetchall()
        return {json.loads(r[0]).get("content_hash") for r in rows} - {None}

    def media_in_use(self, content_hash: str) -> bool:
        """True when some briefing's audio is the media folder ``content_hash``."""
        row = self.db.execute(f"SELECT 1 FROM briefings WHERE {CONTENT_HASH} = ? LIMIT 1", (content_hash,)).fetchone()
        return row is not None

    def api_briefings_before(self, created_before: str, limit: int) -> list[str]:
        """The ids of up to ``limit`` briefings owned by an API key and created before
        ``created_before`` (ISO 8601, UTC), oldest first (for the retention job)."""
        rows = self.db.execute(
            "SELECT id FROM briefings WHERE key_id IS NOT NULL AND created_at < ? ORDER BY created_at, id LIMIT ?",
            (created_before, limit),
        ).fetchall()
        return [row["id"] for row in rows]
