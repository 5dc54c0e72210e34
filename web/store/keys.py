"""API keys (only a hash of each is kept) and the idempotency records of their requests.

A key marked ``public`` lets the site show the briefings it made (see web/store/briefings.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from .database import SQL, utc_now
from .tables import api_idempotency as I, api_keys as K


def insert_ignoring_duplicates(db: SQL, table: Any, values: dict[str, Any]) -> int:
    """INSERT ``values`` unless a row with the same key exists (the first one wins), in
    the dialect's own words (``ON CONFLICT DO NOTHING`` on both SQLite and PostgreSQL);
    returns how many rows were added."""
    dialect = postgresql if db.conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**values).on_conflict_do_nothing()
    # Counted from RETURNING: psycopg's rowcount is -1 when SQLAlchemy returns the new key itself.
    return len(db.execute(statement.returning(*table.primary_key.columns)).all())


# Built once: every API request runs these two (a statement built per call costs more than the query).
ACTIVE_KEY = select(K.c.id, K.c.name, K.c.webhook_secret, K.c.public).where(
    K.c.key_hash == bindparam("key_hash"), K.c.revoked_at.is_(None)
)
KEY_USED = update(K).where(K.c.id == bindparam("key_id")).values(last_used_at=bindparam("now"))


class KeyOperations:
    """The store's operations on API keys and idempotency records (mixed into
    :class:`web.store.Store`)."""

    def add_key(self, key_id: str, name: str, key_hash: str, webhook_secret: str, public: bool = False) -> None:
        """Store a new API key: its id, name, the hash of the key, its webhook signing
        secret, and whether the site shows its briefings (``public``)."""
        with self.transaction() as db:
            db.execute(insert(K).values(id=key_id, name=name, key_hash=key_hash, webhook_secret=webhook_secret,
                                        created_at=utc_now(), public=int(public)))

    def keys(self) -> list[dict[str, Any]]:
        """Every key as id, name, created_at, last_used_at, revoked_at, public, oldest first."""
        rows = self._all(
            select(K.c.id, K.c.name, K.c.created_at, K.c.last_used_at, K.c.revoked_at, K.c.public)
            .order_by(K.c.created_at, K.c.id)
        )
        return [{**row._asdict(), "public": bool(row.public)} for row in rows]

    def set_key_public(self, key_id: str, public: bool) -> bool:
        """Let the site show a key's briefings, or stop it; False when there is no such key."""
        with self.transaction() as db:
            return db.execute(update(K).where(K.c.id == key_id).values(public=int(public))).rowcount > 0

    def revoke_key(self, key_id: str) -> bool:
        """Revoke a key at once; False when no such key is active."""
        with self.transaction() as db:
            return db.execute(
                update(K).where(K.c.id == key_id, K.c.revoked_at.is_(None)).values(revoked_at=utc_now())
            ).rowcount > 0

    def active_key(self, key_hash: str) -> dict[str, Any] | None:
        """The active key with this hash, as id, name, webhook_secret, public; or None."""
        with self._read() as db:
            row = db.execute(ACTIVE_KEY, {"key_hash": key_hash}).first()
        return {**row._asdict(), "public": bool(row.public)} if row else None

    def record_key_use(self, key_id: str) -> None:
        """Note that a key was used just now (``last_used_at``)."""
        with self.transaction() as db:
            db.execute(KEY_USED, {"key_id": key_id, "now": utc_now()})

    def idempotent_request(self, key_id: str, idempotency_key: str) -> dict[str, Any] | None:
        """What a key's earlier request with this Idempotency-Key was: its body_hash and
        the briefing_id it made; None when there was none."""
        row = self._first(
            select(I.c.body_hash, I.c.briefing_id).where(I.c.key_id == key_id, I.c.idempotency_key == idempotency_key)
        )
        return row._asdict() if row is not None else None

    def remember_idempotent_request(self, key_id: str, idempotency_key: str, body_hash: str, briefing_id: str) -> None:
        """Remember the briefing a request with this Idempotency-Key made (the first one
        recorded wins)."""
        with self.transaction() as db:
            insert_ignoring_duplicates(db, I, {
                "key_id": key_id, "idempotency_key": idempotency_key, "body_hash": body_hash,
                "briefing_id": briefing_id, "created_at": utc_now(),
            })
