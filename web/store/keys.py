"""API keys (only a hash of each is kept) and the idempotency records of their requests.

A key marked ``public`` lets the site show the briefings it made (see web/store/briefings.py).
"""

from __future__ import annotations

from typing import Any

from .database import utc_now


class KeyOperations:
    """The store's operations on API keys and idempotency records (mixed into
    :class:`web.store.Store`)."""

    def add_key(self, key_id: str, name: str, key_hash: str, webhook_secret: str, public: bool = False) -> None:
        """Store a new API key: its id, name, the hash of the key, its webhook signing
        secret, and whether the site shows its briefings (``public``)."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO api_keys (id, name, key_hash, webhook_secret, created_at, public) VALUES (?,?,?,?,?,?)",
                (key_id, name, key_hash, webhook_secret, utc_now(), int(public)),
            )

    def keys(self) -> list[dict[str, Any]]:
        """Every key as id, name, created_at, last_used_at, revoked_at, public, oldest first."""
        rows = self.db.execute(
            "SELECT id, name, created_at, last_used_at, revoked_at, public FROM api_keys ORDER BY created_at, id"
        ).fetchall()
        return [{**dict(row), "public": bool(row["public"])} for row in rows]

    def set_key_public(self, key_id: str, public: bool) -> bool:
        """Let the site show a key's briefings, or stop it; False when there is no such key."""
        with self.transaction() as db:
            return db.execute("UPDATE api_keys SET public = ? WHERE id = ?", (int(public), key_id)).rowcount > 0

    def revoke_key(self, key_id: str) -> bool:
        """Revoke a key at once; False when no such key is active."""
        with self.transaction() as db:
            return db.execute(
                "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (utc_now(), key_id)
            ).rowcount > 0

    def active_key(self, key_hash: str) -> dict[str, Any] | None:
        """The active key with this hash, as id, name, webhook_secret, public; or None."""
        row = self.db.execute(
            "SELECT id, name, webhook_secret, public FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
            (key_hash,),
        ).fetchone()
        return {**dict(row), "public": bool(row["public"])} if row else None

    def record_key_use(self, key_id: str) -> None:
        """Note that a key was used just now (``last_used_at``)."""
        with self.transaction() as db:
            db.execute("UPDATE api_keys SET last_used_at = ? WHERE id = ?", (utc_now(), key_id))

    def idempotent_request(self, key_id: str, idempotency_key: str) -> dict[str, Any] | None:
        """What a key's earlier request with this Idempotency-Key was: its body_hash and
        the briefing_id it made; None when there was none."""
        row = self.db.execute(
            "SELECT body_hash, briefing_id FROM api_idempotency WHERE key_id = ? AND idempotency_key = ?",
            (key_id, idempotency_key),
        ).fetchone()
        return dict(row) if row is not None else None

    def remember_idempotent_request(self, key_id: str, idempotency_key: str, body_hash: str, briefing_id: str) -> None:
        """Remember the briefing a request with this Idempotency-Key made (the first one
        recorded wins)."""
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO api_idempotency (key_id, idempotency_key, body_hash, briefing_id, created_at)"
                " VALUES (?,?,?,?,?)",
                (key_id, idempotency_key, body_hash, briefing_id, utc_now()),
            )
