"""The database schema, as migrations: a SQL script each, run in order, never changed once released.

``PRAGMA user_version`` records how many have run (see :meth:`Database.migrate`).
"""

from __future__ import annotations

# Append only: a released migration never changes. Feed and API tables come as new entries.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE briefings (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        title TEXT NOT NULL,
        source_url TEXT,
        source_kind TEXT NOT NULL,
        source_name TEXT,
        input_hash TEXT NOT NULL,
        options TEXT NOT NULL DEFAULT '{}',
        article TEXT NOT NULL,
        briefing TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'queued',
        error TEXT,
        audio TEXT
    );
    CREATE INDEX briefings_input_hash ON briefings (input_hash);
    CREATE INDEX briefings_created ON briefings (created_at DESC, id);
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        briefing_id TEXT REFERENCES briefings (id) ON DELETE CASCADE,
        payload TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL DEFAULT 'queued',
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL DEFAULT 3,
        run_after REAL NOT NULL DEFAULT 0,
        lease_until REAL,
        worker TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX jobs_ready ON jobs (status, run_after, id);
    CREATE INDEX jobs_briefing ON jobs (briefing_id);
    """,
    # API (issue 7): keys (only a hash of each), idempotency records, webhooks per briefing.
    """
    CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        webhook_secret TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
    );
    CREATE TABLE api_idempotency (
        key_id TEXT NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
        idempotency_key TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        briefing_id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (key_id, idempotency_key)
    );
    CREATE TABLE api_webhooks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        briefing_id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
        key_id TEXT NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        base_url TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX api_webhooks_briefing ON api_webhooks (briefing_id);
    """,
    # Feeds in (issue 6): followed news feeds (web/feeds_in.py) and the items seen in them.
    """
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        etag TEXT,
        modified TEXT,
        created_at TEXT NOT NULL,
        checked_at TEXT,
        last_result TEXT
    );
    CREATE TABLE source_items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        guid TEXT,
        link TEXT,
        title TEXT,
        briefing_id TEXT REFERENCES briefings (id) ON DELETE SET NULL,
        status TEXT NOT NULL,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX source_items_guid ON source_items (source_id, guid);
    CREATE INDEX source_items_link ON source_items (source_id, link);
    CREATE INDEX source_items_briefing ON source_items (briefing_id);
    """,
    # Tenancy (issue 22): a briefing made through the API belongs to the key that made it
    # (key_id; NULL: made on the site, from samples, news feeds or a digest, and public); a
    # key marked public shows its briefings on the site. API briefings made before this
    # migration go to the key whose idempotency or webhook record was made with them (within
    # five minutes: a later record is a key that was handed an existing briefing); text and
    # HTML sent to the API without one go to a revoked placeholder key (key_unknown), so they
    # stay private; a URL briefing without one cannot be told from one made on the form, and
    # stays public. The expression index finds the briefings that use a media folder.
    """
    ALTER TABLE api_keys ADD COLUMN public INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE briefings ADD COLUMN key_id TEXT REFERENCES api_keys (id);
    CREATE INDEX briefings_key ON briefings (key_id, created_at DESC, id);
    CREATE INDEX briefings_content_hash ON briefings (json_extract(audio, '$.content_hash'));
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
       OR (source_kind = 'url' AND id NOT IN (SELECT briefing_id FROM source_items WHERE briefing_id IS NOT NULL));
    INSERT INTO api_keys (id, name, key_hash, webhook_secret, created_at, revoked_at)
    SELECT 'key_unknown', 'API briefings made before keys owned them', 'none:key_unknown', '',
           strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    WHERE EXISTS (SELECT 1 FROM briefings WHERE key_id IS NULL AND source_name IN ('API text', 'API html'));
    UPDATE briefings SET key_id = 'key_unknown' WHERE key_id IS NULL AND source_name IN ('API text', 'API html')
    """,
)
