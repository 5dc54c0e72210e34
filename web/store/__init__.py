"""The store: every SQL statement of the app, behind named operations.

The app's modules never write SQL: they call the store's operations (``add_briefing``,
``claim_job``, ``record_key_use``, ``webhook_delivery``, ...), so another database can
stand behind the same interface. ``with store.transaction():`` groups operations into
one write transaction. The operations are grouped by table family, a module each:
briefings, jobs, keys (API keys and idempotency), webhooks and sources (followed feeds);
database.py holds the connections and the migrations (migrations.py).
"""

from __future__ import annotations

from .briefings import BRIEFING_STATUSES, BriefingOperations, BriefingRecord
from .database import Database, StoreError, utc_now
from .jobs import Job, JobOperations
from .keys import KeyOperations
from .migrations import MIGRATIONS
from .sources import SourceOperations
from .webhooks import WebhookOperations

__all__ = ["BRIEFING_STATUSES", "MIGRATIONS", "BriefingRecord", "Job", "Store", "StoreError", "utc_now"]


class Store(BriefingOperations, JobOperations, KeyOperations, WebhookOperations, SourceOperations, Database):
    """Briefings, jobs, API keys, webhooks and followed feeds in one SQLite file. Safe to
    share between threads."""
