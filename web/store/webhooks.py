"""Webhooks: the addresses API clients gave to hear when a briefing's audio is done or failed."""

from __future__ import annotations

from typing import Any

from .database import utc_now


class WebhookOperations:
    """The store's operations on webhooks (mixed into :class:`web.store.Store`)."""

    def add_webhook(self, briefing_id: str, key_id: str, url: str, base_url: str) -> int:
        """Remember ``url`` for a briefing (``base_url``: the site's address the client
        used, for the URLs in the event); returns the webhook's id."""
        with self.transaction() as db:
            return db.execute(
                "INSERT INTO api_webhooks (briefing_id, key_id, url, base_url, created_at) VALUES (?,?,?,?,?)",
                (briefing_id, key_id, url, base_url, utc_now()),
            ).lastrowid

    def webhook_ids(self, briefing_id: str) -> list[int]:
        """The ids of a briefing's webhooks, in no promised order."""
        rows = self.db.execute("SELECT id FROM api_webhooks WHERE briefing_id = ?", (briefing_id,)).fetchall()
        return [row["id"] for row in rows]

    def webhook_delivery(self, webhook_id: int | None) -> dict[str, Any] | None:
        """What sending a webhook needs: url, base_url, briefing_id, and the key's
        webhook_secret and whether it is public; None when the webhook is gone or its key
        was revoked."""
        row = self.db.execute(
            "SELECT w.url, w.base_url, w.briefing_id, k.webhook_secret, k.public FROM api_webhooks w"
            " JOIN api_keys k ON k.id = w.key_id WHERE w.id = ? AND k.revoked_at IS NULL",
            (webhook_id,),
        ).fetchone()
        return {**dict(row), "public": bool(row["public"])} if row is not None else None
