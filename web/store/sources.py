"""News sources: the followed RSS and Atom feeds, and the items seen in each."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, or_, select, update

from .database import utc_now
from .keys import insert_ignoring_duplicates
from .tables import source_items as SI, sources as S


def source_record(row: Any) -> dict[str, Any]:
    """A row of ``sources`` as a dict, its ``last_result`` read from JSON."""
    data = row._asdict()
    data["last_result"] = json.loads(data["last_result"]) if data.get("last_result") else None
    return data


class SourceOperations:
    """The store's operations on followed feeds and their items (mixed into
    :class:`web.store.Store`)."""

    def add_source(self, url: str) -> bool:
        """Follow the feed at ``url``; False (and nothing written) when it is followed already."""
        with self.transaction() as db:
            return insert_ignoring_duplicates(db, S, {"url": url, "created_at": utc_now()}) > 0

    def source(self, source_id: int) -> dict[str, Any] | None:
        """The followed source with this number, or None."""
        row = self._first(select(S).where(S.c.id == source_id))
        return source_record(row) if row is not None else None

    def source_by_url(self, url: str) -> dict[str, Any] | None:
        """The followed source with this URL, or None."""
        row = self._first(select(S).where(S.c.url == url))
        return source_record(row) if row is not None else None

    def sources(self) -> list[dict[str, Any]]:
        """Every followed source, in the order they were followed."""
        return [source_record(r) for r in self._all(select(S).order_by(S.c.id))]

    def delete_source(self, source_id: int) -> None:
        """Stop following a source (its items go; their briefings stay)."""
        with self.transaction() as db:
            db.execute(delete(S).where(S.c.id == source_id))

    def record_refresh(self, source_id: int, *, checked_at: str, last_result: dict[str, Any],
                       title: str | None = None, etag: str | None = None, modified: str | None = None) -> None:
        """Record a refresh of a source: when, its result, and (when given) the feed's
        title and the validators for the next conditional request."""
        with self.transaction() as db:
            db.execute(
                update(S).where(S.c.id == source_id).values(
                    checked_at=checked_at, last_result=json.dumps(last_result, ensure_ascii=False),
                    title=func.coalesce(title, S.c.title), etag=func.coalesce(etag, S.c.etag),
                    modified=func.coalesce(modified, S.c.modified),
                )
            )

    def source_item(self, source_id: int, guid: str | None, link: str | None) -> dict[str, Any] | None:
        """The item of a source seen before with this guid or, failing that, this link
        (a briefed one first): its id and status; None when it is new."""
        same = []
        if guid is not None:
            same.append(SI.c.guid == guid)
        if link is not None:
            same.append(SI.c.link == link)
        if not same:
            return None
        row = self._first(
            select(SI.c.id, SI.c.status).where(and_(SI.c.source_id == source_id, or_(*same)))
            .order_by(case((SI.c.status == "done", 0), else_=1), SI.c.id).limit(1)
        )
        return row._asdict() if row is not None else None

    def add_source_item(self, source_id: int, *, guid: str | None, link: str | None, title: str,
                        briefing_id: str | None, status: str, error: str | None) -> None:
        """Record a new item of a source and what became of it (its briefing, or the error)."""
        now = utc_now()
        with self.transaction() as db:
            db.execute(insert(SI).values(source_id=source_id, guid=guid, link=link, title=title,
                                         briefing_id=briefing_id, status=status, error=error, created_at=now,
                                         updated_at=now))

    def update_source_item(self, item_id: int, *, title: str, briefing_id: str | None, status: str,
                           error: str | None) -> None:
        """Record what became of an item seen before, when it was tried again."""
        with self.transaction() as db:
            db.execute(update(SI).where(SI.c.id == item_id).values(briefing_id=briefing_id, status=status,
                                                                   error=error, title=title, updated_at=utc_now()))
