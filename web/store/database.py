"""The database under the store: SQLite (a file, the default) or PostgreSQL (``DATABASE_URL``),
through SQLAlchemy Core; write transactions; and the schema's migrations (Alembic).

Every operation checks a connection out of the engine's pool and gives it back, so threads
(waitress's, the job workers') and processes (several web processes, Celery workers) share
one database. Reads run on their own; ``with store.transaction():`` groups operations into
one write transaction, which the operations inside it join (a thread-local connection).
On SQLite a write transaction is ``BEGIN IMMEDIATE`` (one writer; WAL mode lets readers go
on); on PostgreSQL the job queue takes rows with ``FOR UPDATE SKIP LOCKED``.
"""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from briefing.errors import BriefingError

from . import migrate as migrations


class StoreError(BriefingError):
    """The database cannot be used (newer schema, corrupt file, unwritable folder, no server)."""


def utc_now(when: datetime | None = None) -> str:
    """``when`` (default: now; an aware UTC time) as an ISO 8601 UTC string, to the second."""
    return (when or datetime.now(timezone.utc)).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def dumps(value: Any) -> str:
    """``value`` as compact JSON text, for a JSON column."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def database_url(value: str | Path) -> str:
    """The SQLAlchemy URL of ``DATABASE_URL`` or of a SQLite file's path; PostgreSQL URLs
    go through psycopg 3.

    >>> database_url("/srv/briefing.sqlite3")
    'sqlite:////srv/briefing.sqlite3'
    >>> database_url("postgresql://briefing:briefing@127.0.0.1:5432/briefing")
    'postgresql+psycopg://briefing:briefing@127.0.0.1:5432/briefing'
    >>> database_url("postgres://h/db"), database_url("sqlite:///x.db")
    ('postgresql+psycopg://h/db', 'sqlite:///x.db')
    """
    value = str(value)
    if "://" not in value:
        return f"sqlite:///{Path(value).resolve()}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    return value


def shown_url(url: str) -> str:
    """A database URL fit for messages: the password hidden.

    >>> shown_url("postgresql+psycopg://briefing:secret@127.0.0.1/b")
    'postgresql+psycopg://briefing:***@127.0.0.1/b'
    """
    return make_url(url).render_as_string(hide_password=True)


class Database:
    """The engine of one database, its transactions, and its schema. Safe to share
    between threads; each process makes its own (after a fork, call :meth:`close`).

    The store's operations (web/store/briefings.py, jobs.py, ...) are mixed into
    :class:`web.store.Store` on top of this class: they use ``_read()`` and
    ``transaction()``.
    """

    def __init__(self, url: str | Path) -> None:
        self.url = database_url(url)
        try:
            parsed = make_url(self.url)
        except ArgumentError as exc:
            raise StoreError(f"DATABASE_URL {url!r} is not a database URL: {exc}. "
                             "Give postgresql://user:password@host:5432/name or a SQLite file's path.") from exc
        self.dialect = parsed.get_backend_name()
        self.path = Path(parsed.database) if self.dialect == "sqlite" and parsed.database else None
        self._local = threading.local()
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use."""
        with self._lock:
            if self._engine is None:
                self._engine = self._make_engine()
            return self._engine

    def _make_engine(self) -> Engine:
        if self.dialect != "sqlite":
            # pre_ping: a connection the server dropped (a restart) is replaced, not used.
            return create_engine(self.url, pool_pre_ping=True, pool_size=8, max_overflow=16)
        if self.path is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"Cannot make the folder of the database {self.path}: {exc.strerror}.") from exc
        engine = create_engine(
            self.url, connect_args={"timeout": 10, "check_same_thread": False}, pool_size=8, max_overflow=-1
        )

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            # We open transactions ourselves (below): the driver's own would begin late.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # A write takes the lock at once, so a read-then-write never fails half way;
            # a read runs each statement on its own.
            if conn.get_execution_options().get("briefing_write"):
                conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine

    def close(self) -> None:
        """Close every connection of this store (at shutdown, or in a forked child)."""
        with self._lock:
            engine, self._engine = self._engine, None
        if engine is not None:
            engine.dispose()
        self._local = threading.local()

    def _connect(self) -> Connection:
        try:
            return self.engine.connect()
        except OperationalError as exc:
            where = self.path if self.path is not None else shown_url(self.url)
            raise StoreError(
                f"Cannot open the database {where}: {exc.orig}. Check DATABASE_URL, that the server runs "
                "(`make services` starts PostgreSQL), or that the folder exists and is writable."
            ) from exc

    @contextmanager
    def transaction(self) -> Iterator["SQL"]:
        """``with store.transaction():`` runs the store operations inside it in one write
        transaction (they join it rather than open their own); rolled back if it raises."""
        current = getattr(self._local, "sql", None)
        if current is not None:
            yield current
            return
        conn = self._connect()
        self._local.after = []
        try:
            conn.execution_options(briefing_write=True)
            with conn.begin():
                self._local.sql = SQL(conn)
                try:
                    yield self._local.sql
                finally:
                    self._local.sql = None
        except BaseException:
            self._local.after = []
            raise
        finally:
            conn.close()
        after, self._local.after = self._local.after, []
        for action in after:
            action()

    def after_commit(self, action: Callable[[], Any]) -> None:
        """Call ``action()`` once this thread's open transaction commits (now, when none is
        open; never, when it rolls back): e.g. tell other processes about a row only once
        they can see it."""
        if getattr(self._local, "sql", None) is None:
            action()
        else:
            self._local.after.append(action)

    @contextmanager
    def _read(self) -> Iterator["SQL"]:
        """A connection for reading: the thread's open transaction, else one of its own."""
        current = getattr(self._local, "sql", None)
        if current is not None:
            yield current
            return
        conn = self._connect()
        try:
            if self.dialect != "sqlite":
                conn.execution_options(isolation_level="AUTOCOMMIT")  # no idle transaction left open
            yield SQL(conn)
        finally:
            conn.close()

    def _all(self, statement: Any) -> list[Any]:
        with self._read() as db:
            return list(db.execute(statement).all())

    def _first(self, statement: Any) -> Any:
        with self._read() as db:
            return db.execute(statement).first()

    def _first_with(self, statement: Any, params: dict[str, Any]) -> Any:
        """The first row of a statement built once with ``bindparam``s, given their values."""
        with self._read() as db:
            return db.execute(statement, params).first()

    @property
    def db(self) -> "RawSQL":
        """SQL text for tests and maintenance: ``store.db.execute("... ?", params)``, each
        statement in a transaction of its own (or in the thread's open one)."""
        return RawSQL(self)

    # -- the schema -------------------------------------------------------------------------

    def schema_version(self) -> str | None:
        """The Alembic revision this database is at (None: empty, or an old SQLite file
        never migrated by Alembic)."""
        with self._read() as db:
            return migrations.current_revision(db.conn)

    def migrate(self, revision: str = "head") -> str:
        """Run the migrations this database lacks, up to ``revision``; returns the revision
        it is at. Several processes may call this at once (a lock makes them take turns).
        Refuses a database made by a newer version of Briefing rather than guess."""
        try:
            with self.transaction() as db:
                return migrations.upgrade(db.conn, revision)
        except migrations.UnknownRevision as exc:
            where = self.path if self.path is not None else shown_url(self.url)
            raise StoreError(
                f"The database {where} is at schema revision {exc}, which this version of Briefing does not "
                "know. Upgrade Briefing, or point DATABASE_URL at another database."
            ) from exc


class SQL:
    """A connection of the store: runs Core statements; SQL text (with ``?`` for each
    parameter) runs through :class:`RawSQL`'s rules, for tests and maintenance."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def execute(self, statement: Any, params: Any = None) -> Any:
        if isinstance(statement, str):
            return _raw(self.conn, statement, params)
        return self.conn.execute(statement) if params is None else self.conn.execute(statement, params)


class RawSQL:
    """``store.db.execute(sql, params)``: SQL text with ``?`` placeholders, rows read at once."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def execute(self, sql: str, params: Any = ()) -> "RawResult":
        with self.store.transaction() as db:
            return _raw(db.conn, sql, params)


def _raw(conn: Connection, sql: str, params: Any) -> "RawResult":
    if conn.dialect.name != "sqlite":
        sql = sql.replace("%", "%%").replace("?", "%s")  # psycopg's placeholders
    result = conn.exec_driver_sql(sql, tuple(params or ()))
    rows = [RawRow(r._mapping) for r in result.all()] if result.returns_rows else []
    return RawResult(rows, result.rowcount)


class RawRow(tuple):
    """A row read by index or by column name (``row[0]``, ``row["id"]``, ``dict(row)``)."""

    def __new__(cls, mapping: Any) -> "RawRow":
        row = super().__new__(cls, tuple(mapping.values()))
        row._names = list(mapping.keys())
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


class RawResult:
    """The rows of a statement run by :class:`RawSQL`, and how many rows it changed."""

    def __init__(self, rows: list[RawRow], rowcount: int) -> None:
        self.rows = rows
        self.rowcount = rowcount

    def fetchone(self) -> RawRow | None:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[RawRow]:
        return list(self.rows)

    def __iter__(self) -> Iterator[RawRow]:
        return iter(self.rows)


def ping(url: str) -> None:
    """Raise :class:`StoreError` unless the database at ``url`` answers (for `briefing worker`)."""
    store = Database(url)
    try:
        with store._read() as db:
            db.execute(text("SELECT 1"))
    finally:
        store.close()
