"""Briefings: the text pipeline's result of each article, and the state of its audio."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from .database import dumps, utc_now

BRIEFING_STATUSES = ("queued", "running", "done", "failed")

BRIEFING_COLUMNS = (
    "id, created_at, updated_at, revision, title, source_url, source_kind, source_name, "
    "input_hash, options, briefing, status, error, audio"
)


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
    ) -> None:
        """Store a new briefing (its audio still to be made)."""
        now = utc_now()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO briefings (id, created_at, updated_at, title, source_url, source_kind, source_name,"
                " input_hash, options, article, briefing, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    id, now, now, title, source_url, source_kind, source_name, input_hash,
                    dumps(options), dumps(article), dumps(briefing), status,
                ),
            )

    def get_briefing(self, id: str) -> BriefingRecord | None:
        """The briefing with this id, or None."""
        row = self.db.execute(f"SELECT {BRIEFING_COLUMNS} FROM briefings WHERE id = ?", (id,)).fetchone()
        return briefing_record(row) if row else None

    def get_article(self, id: str) -> dict[str, Any] | None:
        """The extracted article of a briefing, as ``Article.to_dict()`` gave it."""
        row = self.db.execute("SELECT article FROM briefings WHERE id = ?", (id,)).fetchone()
        return json.loads(row["article"]) if row else None

    def revision(self, id: str) -> int | None:
        """A number that grows whenever the briefing changes (for caches), or None."""
        row = self.db.execute("SELECT revision FROM briefings WHERE id = ?", (id,)).fetchone()
        return row[0] if row else None

    def find_by_input(self, input_hash: str) -> BriefingRecord | None:
        """The newest briefing made from the same article and options, if any."""
        row = self.db.execute(
            f"SELECT {BRIEFING_COLUMNS} FROM briefings WHERE input_hash = ? ORDER BY created_at DESC LIMIT 1",
            (input_hash,),
        ).fetchone()
        return briefing_record(row) if row else None

    def recent(self, limit: int = 12) -> list[dict[str, Any]]:
        """The newest briefings, as light summaries (no article or key points)."""
        rows = self.db.execute(
            "SELECT id, created_at, title, source_url, status, audio FROM briefings"
            " ORDER BY created_at DESC, rowid DESC LIMIT ?",
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

    def briefing_page(self, limit: int, after: tuple[str, str] | None = None) -> list[dict[str, Any]]:
        """Up to ``limit`` briefings, newest first, that come after the briefing whose
        (created_at, id) is ``after``: each as id, created_at, title, source_url, status."""
        sql = "SELECT id, created_at, title, source_url, status FROM briefings"
        params: list[Any] = []
        if after is not None:
            sql += " WHERE (created_at, id) < (?, ?)"
            params += [after[0], after[1]]
        sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
        return [dict(row) for row in self.db.execute(sql, (*params, limit)).fetchall()]

    def done_briefings(self, limit: int, source_id: int | None = None) -> list[BriefingRecord]:
        """The newest briefings whose audio is ready (of one followed source, if given)."""
        if source_id is None:
            rows = self.db.execute(
                f"SELECT {BRIEFING_COLUMNS} FROM briefings WHERE status = 'done' AND audio IS NOT NULL"
                " ORDER BY created_at DESC, rowid DESC LIMIT ?",
                (limit,),
            ).fetchall()
        else:
            columns = ", ".join(f"b.{c.strip()}" for c in BRIEFING_COLUMNS.split(","))
            rows = self.db.execute(
                f"SELECT DISTINCT {columns}, b.rowid AS r FROM briefings b JOIN source_items s ON s.briefing_id = b.id"
                " WHERE s.source_id = ? AND b.status = 'done' AND b.audio IS NOT NULL"
                " ORDER BY b.created_at DESC, r DESC LIMIT ?",
                (source_id, limit),
            ).fetchall()
        return [briefing_record(r) for r in rows]

    def done_briefings_between(self, start: str, end: str, limit: int, *, except_kind: str) -> list[BriefingRecord]:
        """Briefings created in [``start``, ``end``) whose audio is ready, oldest first, at
        most ``limit``, leaving out those whose ``source_kind`` is ``except_kind``."""
        rows = self.db.execute(
            "SELECT id FROM briefings WHERE status = 'done' AND source_kind != ? AND created_at >= ? AND created_at < ?"
            " ORDER BY created_at, rowid LIMIT ?",
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
        """Delete a briefing and its jobs; True when it existed. Media files stay (other
        briefings may share them: they are named by content)."""
        with self.transaction() as db:
            return db.execute("DELETE FROM briefings WHERE id = ?", (id,)).rowcount > 0

    def media_hashes(self) -> set[str]:
        """Content hashes of the audio that some briefing uses."""
        rows = self.db.execute("SELECT audio FROM briefings WHERE audio IS NOT NULL").fetchall()
        return {json.loads(r[0]).get("content_hash") for r in rows} - {None}
