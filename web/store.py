"""The SQLite store: briefings and the job queue, with a schema version and migrations.

One connection per thread (waitress and the job workers each keep theirs), WAL mode so
readers never wait for the worker, and short transactions. Each migration is a SQL
script; ``PRAGMA user_version`` records how many have run.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from briefing.errors import BriefingError

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
)

BRIEFING_STATUSES = ("queued", "running", "done", "failed")


class StoreError(BriefingError):
    """The database cannot be used (newer schema, corrupt file, unwritable folder)."""


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class BriefingRecord:
    """A stored briefing: the text pipeline's result and the state of its audio."""

    id: str
    created_at: str
    updated_at: str
    revision: int
    title: str
    source_url: str | None
    source_kind: str
    source_name: str | None
    input_hash: str
    options: dict[str, Any]
    briefing: dict[str, Any]
    status: str
    error: str | None
    audio: dict[str, Any] | None


@dataclass(frozen=True)
class Job:
    """A row of the job queue."""

    id: int
    kind: str
    briefing_id: str | None
    payload: dict[str, Any]
    status: str
    attempts: int
    max_attempts: int
    run_after: float
    lease_until: float | None
    worker: str | None
    last_error: str | None


_BRIEFING_COLUMNS = (
    "id, created_at, updated_at, revision, title, source_url, source_kind, source_name, "
    "input_hash, options, briefing, status, error, audio"
)


def _briefing(row: sqlite3.Row) -> BriefingRecord:
    return BriefingRecord(
        id=row["id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        revision=row["revision"],
        title=row["title"],
        source_url=row["source_url"],
        source_kind=row["source_kind"],
        source_name=row["source_name"],
        input_hash=row["input_hash"],
        options=json.loads(row["options"]),
        briefing=json.loads(row["briefing"]),
        status=row["status"],
        error=row["error"],
        audio=json.loads(row["audio"]) if row["audio"] else None,
    )


def _job(row: sqlite3.Row) -> Job:
    return Job(
        id=row["id"],
        kind=row["kind"],
        briefing_id=row["briefing_id"],
        payload=json.loads(row["payload"]),
        status=row["status"],
        attempts=row["attempts"],
        max_attempts=row["max_attempts"],
        run_after=row["run_after"],
        lease_until=row["lease_until"],
        worker=row["worker"],
        last_error=row["last_error"],
    )


class Store:
    """Briefings and jobs in one SQLite file. Safe to share between threads."""

    def __init__(self, path: str | Path, migrations: tuple[str, ...] = MIGRATIONS) -> None:
        self.path = Path(path)
        self.migrations = migrations
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    # -- connections and schema ------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # isolation_level=None: we open transactions ourselves, BEGIN IMMEDIATE where we write.
                conn = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
            except (OSError, sqlite3.Error) as exc:
                raise StoreError(f"Cannot open the database {self.path}: {exc}. Check the folder exists and is writable.") from exc
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def close(self) -> None:
        """Close every connection this store opened (call when the app shuts down)."""
        with self._lock:
            conns, self._connections = self._connections, []
        for conn in conns:
            conn.close()
        self._local = threading.local()

    def transaction(self) -> "_Transaction":
        """``with store.transaction() as db:`` runs statements in one write transaction."""
        return _Transaction(self.db)

    def schema_version(self) -> int:
        """How many migrations this database has run."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> int:
        """Run the migrations this database lacks; returns the new schema version.

        Refuses a database made by a newer version of Briefing rather than guess.
        """
        with self.transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > len(self.migrations):
                raise StoreError(
                    f"The database {self.path} has schema version {version}, but this version of Briefing "
                    f"knows only {len(self.migrations)}. Upgrade Briefing, or point DATABASE at another file."
                )
            for number in range(version, len(self.migrations)):
                for statement in _statements(self.migrations[number]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
        return len(self.migrations)

    # -- briefings -------------------------------------------------------------------

    def add_briefing(
        self,
        id: str,
        *,
        title: str,
        source_url: str | None,
        source_kind: str,
        source_name: str | None,
        input_hash: str,
        options: dict[str, Any],
        article: dict[str, Any],
        briefing: dict[str, Any],
        status: str = "queued",
    ) -> None:
        """Store a new briefing (its audio still to be made)."""
        now = utc_now()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO briefings (id, created_at, updated_at, title, source_url, source_kind, source_name,"
                " input_hash, options, article, briefing, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    id, now, now, title, source_url, source_kind, source_name, input_hash,
                    _dumps(options), _dumps(article), _dumps(briefing), status,
                ),
            )

    def get_briefing(self, id: str) -> BriefingRecord | None:
        """The briefing with this id, or None."""
        row = self.db.execute(f"SELECT {_BRIEFING_COLUMNS} FROM briefings WHERE id = ?", (id,)).fetchone()
        return _briefing(row) if row else None

    def get_article(self, id: str) -> dict[str, Any] | None:
        """The extracted article of a briefing, as ``Article.to_dict()`` gave it."""
        row = self.db.execute("SELECT article FROM briefings WHERE id = ?", (id,)).fetchone()
        return json.loads(row["article"]) if row else None

    def revision(self, id: str) -> int | None:
        """A number that grows whenever the briefing changes (for caches), or None."""
        row = self.db.execute("SELECT revision FROM briefings WHERE id = ?", (id,)).fetchone()
        return row[0] if row else None

    def find_by_input(self, input_hash: str) -> BriefingRecord | None:
        """The newest briefing made from the same article and options, if any."""
        row = self.db.execute(
            f"SELECT {_BRIEFING_COLUMNS} FROM briefings WHERE input_hash = ? ORDER BY created_at DESC LIMIT 1",
            (input_hash,),
        ).fetchone()
        return _briefing(row) if row else None

    def recent(self, limit: int = 12) -> list[dict[str, Any]]:
        """The newest briefings, as light summaries (no article or key points)."""
        rows = self.db.execute(
            "SELECT id, created_at, title, source_url, status, audio FROM briefings"
            " ORDER BY created_at DESC, rowid DESC LIMIT ?",
            (limit,),
        ).fetchall()
        out = []
        for row in rows:
            audio = json.loads(row["audio"]) if row["audio"] else None
            out.append(
                {
                    "id": row["id"],
                    "created_at": row["created_at"],
                    "title": row["title"],
                    "source_url": row["source_url"],
                    "status": row["status"],
                    "duration": audio.get("duration") if audio else None,
                }
            )
        return out

    def set_status(self, id: str, status: str, error: str | None = None, audio: dict[str, Any] | None = None) -> None:
        """Record the state of a briefing's audio (and the audio itself once done)."""
        if status not in BRIEFING_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self.transaction() as db:
            self.write_status(db, id, status, error, audio)

    @staticmethod
    def write_status(db: sqlite3.Connection, id: str, status: str, error: str | None, audio: dict[str, Any] | None) -> None:
        """``set_status`` inside a transaction the caller holds."""
        if audio is None:
            db.execute(
                "UPDATE briefings SET status = ?, error = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
                (status, error, utc_now(), id),
            )
        else:
            db.execute(
                "UPDATE briefings SET status = ?, error = ?, audio = ?, updated_at = ?, revision = revision + 1"
                " WHERE id = ?",
                (status, error, _dumps(audio), utc_now(), id),
            )

    def delete_briefing(self, id: str) -> bool:
        """Delete a briefing and its jobs; True when it existed. Media files stay (other
        briefings may share them: they are named by content)."""
        with self.transaction() as db:
            return db.execute("DELETE FROM briefings WHERE id = ?", (id,)).rowcount > 0

    def media_hashes(self) -> set[str]:
        """Content hashes of the audio that some briefing uses."""
        rows = self.db.execute("SELECT audio FROM briefings WHERE audio IS NOT NULL").fetchall()
        return {json.loads(r[0]).get("content_hash") for r in rows} - {None}

    # -- jobs ------------------------------------------------------------------------

    def enqueue(
        self,
        kind: str,
        payload: dict[str, Any] | None = None,
        *,
        briefing_id: str | None = None,
        max_attempts: int = 3,
        run_after: float = 0.0,
    ) -> int:
        """Add a job; returns its id. A render job also marks its briefing as queued."""
        now = utc_now()
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO jobs (kind, briefing_id, payload, max_attempts, run_after, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?)",
                (kind, briefing_id, _dumps(payload or {}), max_attempts, run_after, now, now),
            )
            if briefing_id is not None and kind == "render":
                self.write_status(db, briefing_id, "queued", None, None)
            return cur.lastrowid

    def get_job(self, job_id: int) -> Job | None:
        row = self.db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _job(row) if row else None

    def jobs(self, briefing_id: str | None = None) -> list[Job]:
        """All jobs, or a briefing's, oldest first."""
        if briefing_id is None:
            rows = self.db.execute("SELECT * FROM jobs ORDER BY id").fetchall()
        else:
            rows = self.db.execute("SELECT * FROM jobs WHERE briefing_id = ? ORDER BY id", (briefing_id,)).fetchall()
        return [_job(r) for r in rows]

    def claim(self, worker: str, lease_seconds: float, now: float | None = None, kinds: Iterable[str] | None = None) -> Job | None:
        """Take the next job that is ready, or whose worker's lease ran out.

        The claim is one write transaction, so two workers (threads or processes)
        never take the same job. A stale job that has used all its attempts is
        marked failed instead of being run again.
        """
        now = time.time() if now is None else now
        kinds = tuple(kinds) if kinds is not None else None
        kind_clause = f" AND kind IN ({','.join('?' * len(kinds))})" if kinds else ""
        with self.transaction() as db:
            while True:
                row = db.execute(
                    "SELECT * FROM jobs WHERE ((status = 'queued' AND run_after <= ?)"
                    " OR (status = 'running' AND lease_until < ?))" + kind_clause + " ORDER BY run_after, id LIMIT 1",
                    (now, now, *(kinds or ())),
                ).fetchone()
                if row is None:
                    return None
                job = _job(row)
                if job.status == "running" and job.attempts >= job.max_attempts:
                    self._give_up(db, job, "The worker stopped while running this job, and it has no attempts left.")
                    continue
                db.execute(
                    "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = ?, worker = ?,"
                    " updated_at = ? WHERE id = ?",
                    (now + lease_seconds, worker, utc_now(), job.id),
                )
                if job.briefing_id is not None and job.kind == "render":
                    self.write_status(db, job.briefing_id, "running", None, None)
                return self.get_job(job.id)

    def renew(self, job_id: int, worker: str, lease_seconds: float) -> bool:
        """Extend a running job's lease; False when the job is no longer this worker's."""
        with self.transaction() as db:
            return (
                db.execute(
                    "UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND worker = ? AND status = 'running'",
                    (time.time() + lease_seconds, utc_now(), job_id, worker),
                ).rowcount
                > 0
            )

    def finish(self, job_id: int, on_done: Callable[[sqlite3.Connection], None] | None = None) -> None:
        """Mark a job done (``last_error`` keeps why earlier attempts failed); ``on_done(db)``
        runs in the same transaction (e.g. to store the audio)."""
        with self.transaction() as db:
            db.execute(
                "UPDATE jobs SET status = 'done', lease_until = NULL, updated_at = ? WHERE id = ?",
                (utc_now(), job_id),
            )
            if on_done is not None:
                on_done(db)

    def fail(self, job_id: int, error: str, retry_delay: float) -> Job | None:
        """Record why a job failed: queue it again after ``retry_delay`` seconds while it
        has attempts left, else mark it failed for good. Returns the updated job."""
        with self.transaction() as db:
            row = db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return None
            job = _job(row)
            if job.attempts < job.max_attempts:
                db.execute(
                    "UPDATE jobs SET status = 'queued', run_after = ?, lease_until = NULL, worker = NULL,"
                    " last_error = ?, updated_at = ? WHERE id = ?",
                    (time.time() + retry_delay, error, utc_now(), job_id),
                )
                if job.briefing_id is not None and job.kind == "render":
                    retry = f"{error} Trying again (attempt {job.attempts + 1} of {job.max_attempts})."
                    self.write_status(db, job.briefing_id, "queued", retry, None)
            else:
                self._give_up(db, job, error)
        return self.get_job(job_id)

    def _give_up(self, db: sqlite3.Connection, job: Job, error: str) -> None:
        db.execute(
            "UPDATE jobs SET status = 'failed', lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?",
            (error, utc_now(), job.id),
        )
        if job.briefing_id is not None and job.kind == "render":
            self.write_status(db, job.briefing_id, "failed", error, None)

    def recover(self, is_dead: Callable[[str | None], bool]) -> list[int]:
        """Queue again the running jobs whose worker ``is_dead`` (called at start-up, when
        the process that ran them has died); returns their ids."""
        recovered = []
        with self.transaction() as db:
            rows = db.execute("SELECT * FROM jobs WHERE status = 'running'").fetchall()
            for row in rows:
                job = _job(row)
                if not is_dead(job.worker):
                    continue
                if job.attempts >= job.max_attempts:
                    self._give_up(db, job, "The worker stopped while running this job, and it has no attempts left.")
                    continue
                db.execute(
                    "UPDATE jobs SET status = 'queued', run_after = 0, lease_until = NULL, worker = NULL,"
                    " last_error = ?, updated_at = ? WHERE id = ?",
                    ("The worker stopped while running this job; it was run again.", utc_now(), job.id),
                )
                if job.briefing_id is not None and job.kind == "render":
                    self.write_status(db, job.briefing_id, "queued", None, None)
                recovered.append(job.id)
        return recovered


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.nested = db.in_transaction

    def __enter__(self) -> sqlite3.Connection:
        if not self.nested:
            self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        if self.nested:
            return
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (ours hold no semicolons in strings)."""
    return [s.strip() for s in script.split(";") if s.strip()]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
