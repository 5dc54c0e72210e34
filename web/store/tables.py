"""The tables, as SQLAlchemy Core sees them at the newest migration (web/store/alembic/).

The store's operations build their statements from these, so one statement runs on SQLite
and PostgreSQL alike. Only portable types: ids, timestamps (ISO 8601 UTC text, which sorts
as time does) and JSON documents are text; flags are integers 0/1; job times are floats
(seconds since the epoch). A migration changes the schema; this module follows it.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text

metadata = MetaData()

briefings = Table(
    "briefings",
    metadata,
    Column("id", Text, primary_key=True),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("revision", Integer, nullable=False, server_default="1"),
    Column("title", Text, nullable=False),
    Column("source_url", Text),
    Column("source_kind", Text, nullable=False),
    Column("source_name", Text),
    Column("input_hash", Text, nullable=False),
    Column("options", Text, nullable=False, server_default="{}"),
    Column("article", Text, nullable=False),
    Column("briefing", Text, nullable=False),
    Column("status", Text, nullable=False, server_default="queued"),
    Column("error", Text),
    Column("audio", Text),
    Column("key_id", Text, ForeignKey("api_keys.id")),
    # The audio's content hash (its media folder), beside the JSON, so "is this folder in
    # use" is an index lookup on every database (migration 5).
    Column("content_hash", Text),
    # Insertion order, to break ties of created_at (to the second): nanoseconds since the
    # epoch when added (SQLite's rowid did this before migration 5).
    Column("added_ns", BigInteger, nullable=False, server_default="0"),
)

jobs = Table(
    "jobs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),
    Column("briefing_id", Text, ForeignKey("briefings.id", ondelete="CASCADE")),
    Column("payload", Text, nullable=False, server_default="{}"),
    Column("status", Text, nullable=False, server_default="queued"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("max_attempts", Integer, nullable=False, server_default="3"),
    Column("run_after", Float, nullable=False, server_default="0"),
    Column("lease_until", Float),
    Column("worker", Text),
    Column("last_error", Text),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("key_hash", Text, nullable=False, unique=True),
    Column("webhook_secret", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("last_used_at", Text),
    Column("revoked_at", Text),
    Column("public", Integer, nullable=False, server_default="0"),
)

api_idempotency = Table(
    "api_idempotency",
    metadata,
    Column("key_id", Text, ForeignKey("api_keys.id", ondelete="CASCADE"), primary_key=True),
    Column("idempotency_key", Text, primary_key=True),
    Column("body_hash", Text, nullable=False),
    Column("briefing_id", Text, ForeignKey("briefings.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", Text, nullable=False),
)

api_webhooks = Table(
    "api_webhooks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("briefing_id", Text, ForeignKey("briefings.id", ondelete="CASCADE"), nullable=False),
    Column("key_id", Text, ForeignKey("api_keys.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("base_url", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("etag", Text),
    Column("modified", Text),
    Column("created_at", Text, nullable=False),
    Column("checked_at", Text),
    Column("last_result", Text),
)

source_items = Table(
    "source_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("guid", Text),
    Column("link", Text),
    Column("title", Text),
    Column("briefing_id", Text, ForeignKey("briefings.id", ondelete="SET NULL")),
    Column("status", Text, nullable=False),
    Column("error", Text),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

# Declared for completeness (the migrations make them); the statements do not name them.
INDEXES = (
    Index("briefings_input_hash", briefings.c.input_hash),
    Index("briefings_created", briefings.c.created_at.desc(), briefings.c.id),
    Index("briefings_key", briefings.c.key_id, briefings.c.created_at.desc(), briefings.c.id),
    Index("briefings_audio_hash", briefings.c.content_hash),
    Index("jobs_ready", jobs.c.status, jobs.c.run_after, jobs.c.id),
    Index("jobs_briefing", jobs.c.briefing_id),
    Index("api_webhooks_briefing", api_webhooks.c.briefing_id),
    Index("source_items_guid", source_items.c.source_id, source_items.c.guid),
    Index("source_items_link", source_items.c.source_id, source_items.c.link),
    Index("source_items_briefing", source_items.c.briefing_id),
)
