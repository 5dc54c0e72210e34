"""Schema migrations with Alembic: the scripts live in web/store/alembic/versions/, shipped
inside the package, and run on the store's own connection (``Database.migrate``,
``briefing migrate``, and every start of the app).

A SQLite file made before Alembic (its migrations were counted in ``PRAGMA user_version``)
is stamped with the revision its count stands for, then upgraded like any other. On
PostgreSQL an advisory lock makes processes that start together (web processes, workers)
migrate one after the other; on SQLite the write transaction does.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection

ALEMBIC_DIR = Path(__file__).with_name("alembic")
# PRAGMA user_version of a SQLite file from before Alembic -> the revision it equals.
LEGACY_VERSIONS = {1: "0001", 2: "0002", 3: "0003", 4: "0004"}
LOCK_KEY = 0x6272696566  # "brief": the advisory lock that serialises migrations on PostgreSQL


class UnknownRevision(Exception):
    """The database is at a revision this version of Briefing does not know (a newer one)."""


def config(conn: Connection | None = None) -> Config:
    """An Alembic configuration for our scripts, running on ``conn`` when given."""
    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    cfg.attributes["connection"] = conn
    return cfg


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head() -> str:
    """The newest revision this version of Briefing knows."""
    return _scripts().get_current_head()


def revisions() -> list[str]:
    """Every revision, oldest first."""
    return [s.revision for s in reversed(list(_scripts().walk_revisions()))]


def current_revision(conn: Connection) -> str | None:
    """The revision the database on ``conn`` is at (None: not migrated by Alembic)."""
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: Connection, revision: str = "head") -> str:
    """Bring the database on ``conn`` (inside a transaction the caller holds) up to
    ``revision``; returns the revision it is then at."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    current = current_revision(conn)
    if current is None and conn.dialect.name == "sqlite":
        legacy = conn.exec_driver_sql("PRAGMA user_version").scalar() or 0
        if legacy:
            if legacy not in LEGACY_VERSIONS:
                raise UnknownRevision(f"user_version {legacy}")
            command.stamp(config(conn), LEGACY_VERSIONS[legacy])
            current = LEGACY_VERSIONS[legacy]
    if current is not None and current not in revisions():
        raise UnknownRevision(current)
    target = head() if revision == "head" else revision
    if current == target:
        return current
    command.upgrade(config(conn), target)
    return current_revision(conn) or target
