"""The store: every SQL statement of the app, behind named operations.

The app's modules never write SQL: they call the store's operations (``add_briefing``,
``claim_job``, ``record_key_use``, ``webhook_delivery``, ...), built with SQLAlchemy Core
on the tables of tables.py, so the same operations run on SQLite (a file, the default) and
PostgreSQL (``DATABASE_URL``). ``with store.transaction():`` groups operations into one
write transaction. The operations are grouped by table family, a module each: briefings,
jobs, keys (API keys and idempotency), webhooks and sources (followed feeds);
database.py holds the engine and transactions, migrate.py and alembic/ the migrations.
"""

from __future__ import annotations

from .briefings import BRIEFING_STATUSES, BriefingOperations, BriefingRecord
from .database import Database, StoreError, database_url, utc_now
from .jobs import Job, JobOperations
from .keys import KeyOperations
from .sources import SourceOperations
from .webhooks import WebhookOperations

__all__ = ["BRIEFING_STATUSES", "BriefingRecord", "Job", "Store", "StoreError", "database_url", "utc_now"]


class Store(BriefingOperations, JobOperations, KeyOperations, WebhookOperations, SourceOperations, Database):
    """Briefings, jobs, API keys, webhooks and followed feeds in one database (SQLite or
    PostgreSQL). Safe to share between threads."""
