"""Tenancy (issue 22): a briefing made through the API belongs to the key that made it.

``key_id`` NULL: made on the site, from samples, news feeds or a digest, and public; a key
marked public shows its briefings on the site. API briefings made before this migration go
to the key whose idempotency or webhook record was made with them (within five minutes: a
later record is a key that was handed an existing briefing); text and HTML sent to the API
without one go to a revoked placeholder key (key_unknown), so they stay private; a URL
briefing without one cannot be told from one made on the form, and stays public.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Only SQLite files can hold briefings from before keys owned them: PostgreSQL came later.
SQLITE_DATA = (
    """
    UPDATE briefings SET key_id = (
        SELECT r.key_id FROM (
            SELECT key_id, created_at FROM api_idempotency WHERE briefing_id = briefings.id
            UNION ALL
            SELECT key_id, created_at FROM api_webhooks WHERE briefing_id = briefings.id
        ) r
        WHERE r.created_at <= strftime('%Y-%m-%dT%H:%M:%SZ', briefings.created_at, '+300 seconds')
        ORDER BY r.created_at LIMIT 1
    )
    WHERE source_name IN ('API text', 'API html')
       OR (source_kind = 'url' AND id NOT IN (SELECT briefing_id FROM source_items WHERE briefing_id IS NOT NULL))
    """,
    """
    INSERT INTO api_keys (id, name, key_hash, webhook_secret, created_at, revoked_at)
    SELECT 'key_unknown', 'API briefings made before keys owned them', 'none:key_unknown', '',
           strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    WHERE EXISTS (SELECT 1 FROM briefings WHERE key_id IS NULL AND source_name IN ('API text', 'API html'))
    """,
    "UPDATE briefings SET key_id = 'key_unknown' WHERE key_id IS NULL AND source_name IN ('API text', 'API html')",
)


def upgrade() -> None:
    op.execute("ALTER TABLE api_keys ADD COLUMN public INTEGER NOT NULL DEFAULT 0")
    # Plain SQL that both databases take (SQLite cannot add a foreign key by ALTER ... ADD CONSTRAINT).
    op.execute("ALTER TABLE briefings ADD COLUMN key_id TEXT REFERENCES api_keys (id)")
    op.execute("CREATE INDEX briefings_key ON briefings (key_id, created_at DESC, id)")
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DATA:
            op.execute(statement)


def downgrade() -> None:
    op.drop_index("briefings_key", "briefings")
    with op.batch_alter_table("briefings") as batch:
        batch.drop_column("key_id")
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("public")
