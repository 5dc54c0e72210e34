"""News sources: the followed RSS and Atom feeds, and the items seen in each."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .database import utc_now


def source_record(row: sqlite3.Row) -> dict[str, Any]:
    """A row of ``sources`` as a dict, its ``last_result`` read from JSON."""
    data = dict(row)
    data["last_result"] = json.loads(data["last_result"]) if data.get("last_result") else None
    return data


class SourceOperations:
    """The store's operations on followed feeds and their items (mixed into
    :class:`web.store.Store`)."""

    def add_source(self, url: str) -> bool:
        """Follow the feed at ``url``; False (and nothing written) when it is followed already."""
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM sources WHERE url = ?", (url,)).fetchone():
                return False
            db.execute("INSERT INTO sources (url, created_at) VALUES (?, ?)", (url, utc_now()))
        return True

    def source(self, source_id: int) -> dict[str, Any] | None:
        """The followed source with this number, or None."""
        row = self.db.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
        return source_record(row) if row is not None else None

    def source_by_url(self, url: str) -> dict[str, Any] | None:
        """The followed source with this URL, or None."""
        row = self.db.execute("SELECT * FROM sources WHERE url = ?", (url,)).fetchone()
        return source_record(row) if row is not None else None

    def sources(self) -> list[dict[str, Any]]:
        """Every followed source, in the order they were followed."""
        rows = self.db.execute("SELECT * FROM sources ORDER BY id").fetchall()
        return [source_record(r) for r in rows]

    def delete_source(self, source_id: int) -> None:
        """Stop following a source (its items go; their briefings stay)."""
        with self.transaction() as db:
            db.execute("DELETE FROM sources WHERE id = ?", (source_id,))

    def record_refresh(self, source_id: int, *, checked_at: str, last_result: dict[str, Any],
                       title: str | None = None, etag: str | None = None, modified: str | None = None) -> None:
        """Record a refresh of a source: when, its result, and (when given) the feed's
        title and the validators for the next conditional request."""
        with self.transaction() as db:
            db.execute(
                "UPDATE sources SET checked_at = ?, last_result = ?, title = COALESCE(?, title),"
                " etag = COALESCE(?, etag), modified = COALESCE(?, modified) WHERE id = ?",
                (checked_at, json.dumps(last_result, ensure_ascii=False), title, etag, modified, source_id),
            )

    def source_item(self, source_id: int, guid: str | None, link: str | None) -> dict[str, Any] | None:
        """The item of a source seen before with this guid or, failing that, this link
        (a briefed one first): its id and status; None when it is new."""
        row = self.db.execute(
            "SELECT id, status FROM source_items WHERE source_id = ? AND ((guid IS NOT NULL AND guid = ?)"
            " OR (link IS NOT NULL AND link = ?)) ORDER BY status = 'done' DESC, id LIMIT 1",
            (source_id, guid, link),
        ).fetchone()
        return dict(row) if row is not None else None

    def add_source_item(self, source_id: int, *, guid: str | None, link: str | None, title: str,
                        briefing_id: str | None, status: str, error: str | None) -> None:
        """Record a new item of a source and what became of it (its briefing, or the error)."""
        now = utc_now()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO source_items (source_id, guid, link, title, briefing_id, status, error, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (source_id, guid, link, title, briefing_id, status, error, now, now),
            )

    def update_source_item(self, item_id: int, *, title: str, briefing_id: str | None, status: str,
                           error: str | None) -> None:
        """Record what became of an item seen before, when it was tried again."""
        with self.transaction() as db:
            db.execute(
                "UPDATE source_items SET briefing_id = ?, status = ?, error = ?, title = ?, updated_at = ? WHERE id = ?",
                (briefing_id, status, error, title, utc_now(), item_id),
            )
