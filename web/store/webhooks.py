"""Webhooks: the addresses API clients gave to hear when a briefing's audio is done or failed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from .database import utc_now
from .tables import api_keys as K, api_webhooks as W


class WebhookOperations:
    """The store's operations on webhooks (mixed into :class:`web.store.Store`)."""

    def add_webhook(self, briefing_id: str, key_id: str, url: str, base_url: str) -> int:
        """Remember ``url`` for a briefing (``base_url``: the site's address the client
        used, for the URLs in the event); returns the webhook's id."""
        with self.transaction() as db:
            return db.execute(
                insert(W).values(briefing_id=briefing_id, key_id=key_id, url=url, base_url=base_url,
                                 created_at=utc_now()).returning(W.c.id)
            ).scalar_one()

    def webhook_ids(self, briefing_id: str) -> list[int]:
        """The ids of a briefing's webhooks, in no promised order."""
        return [row.id for row in self._all(select(W.c.id).where(W.c.briefing_id == briefing_id))]

    def webhook_delivery(self, webhook_id: int | None) -> dict[str, Any] | None:
        """What sending a webhook needs: url, base_url, briefing_id, and the key's
        webhook_secret and whether it is public; None when the webhook is gone or its key
        was revoked."""
        if webhook_id is None:
            return None
        row = self._first(
            select(W.c.url, W.c.base_url, W.c.briefing_id, K.c.webhook_secret, K.c.public)
            .join(K, K.c.id == W.c.key_id).where(W.c.id == webhook_id, K.c.revoked_at.is_(None))
        )
        return {**row._asdict(), "public": bool(row.public)} if row is not None else None
