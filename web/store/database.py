"""The SQLite database under the store: one connection per thread, write transactions,
and the schema's migrations.

One connection per thread (waitress and the job workers each keep theirs), WAL mode so
readers never wait for the worker, and short transactions. Each migration is a SQL
script; ``PRAGMA user_version`` records how many have run.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError

from .migrations import MIGRATIONS


class StoreError(BriefingError):
    """The database cannot be used (newer schema, corrupt file, unwritable folder)."""


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def dumps(value: Any) -> str:
    """``value`` as compact JSON text, for a JSON column."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Database:
    """Connections to one SQLite file, and its schema. Safe to share between threads.

    The store's operations (web/store/briefings.py, jobs.py, ...) are mixed into
    :class:`web.store.Store` on top of this class: they use ``db`` and ``transaction()``.
    """

    def __init__(self, path: str | Path, migrations: tuple[str, ...] = MIGRATIONS) -> None:
        self.path = Path(path)
        self.migrations = migrations
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

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

    def transaction(self) -> "Transaction":
        """``with store.transaction():`` runs the store operations inside it in one write
        transaction (they join it rather than open their own)."""
        return Transaction(self.db)

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


class Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises; inside another
    transaction, it joins that one."""

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
