"""Shared fixtures. Every test runs with sockets to anything but 127.0.0.1 disabled
(pytest-socket, see pyproject.toml), so nothing can reach the internet."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "samples" / "musk-israel-visit.txt"

# Short articles the tests brief (`from conftest import SHORT`): a council story, a library
# story, and one in French. Kept as files so the benchmarks' snapshot briefs the same words.
ARTICLES = ROOT / "tests" / "data" / "articles"
SHORT = (ARTICLES / "bridge.txt").read_text(encoding="utf-8")
LIBRARY = (ARTICLES / "library.txt").read_text(encoding="utf-8")
FRENCH = (ARTICLES / "french.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The first sample article, exactly as scraped."""
    return SEED.read_text(encoding="utf-8")


# -- web app (issue 5): the app on a temporary instance folder, jobs run by hand ---------


@pytest.fixture
def app_factory(tmp_path):
    """Build apps on ``tmp_path`` (fake voice, no worker threads); stops their workers after."""
    from web import create_app
    from doubles import fake_render

    apps = []

    def make(**config):
        settings = {
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "TESTING": True,
            "SECRET_KEY": "test",
            "START_WORKERS": False,
            "RENDER": fake_render,
            "JOB_RETRY_SECONDS": 0,
            "BRIEFING": {"allow_private_urls": True},
        }
        settings.update(config)
        app = create_app(settings)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["briefing.jobs"].stop()
        app.extensions["briefing.store"].close()


@pytest.fixture
def app(app_factory):
    return app_factory()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def store(app):
    return app.extensions["briefing.store"]


# -- running at scale (issue 21): real PostgreSQL and Redis on 127.0.0.1 (`make services`) ------

POSTGRES_ADMIN_URL = os.environ.get("BRIEFING_TEST_POSTGRES", "postgresql://briefing:briefing@127.0.0.1:5432/briefing")
REDIS_URL = os.environ.get("BRIEFING_TEST_REDIS", "redis://127.0.0.1:6379")
# CI sets this: a server that is down fails the `scale` tests instead of skipping them.
REQUIRE_SERVICES = os.environ.get("BRIEFING_REQUIRE_SERVICES", "") not in ("", "0")


def _unavailable(what: str, exc: Exception) -> None:
    message = f"{what} is not reachable ({type(exc).__name__}: {exc}); run `make services`"
    if REQUIRE_SERVICES:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_url():
    """A fresh PostgreSQL database for this test session, migrated, dropped after."""
    import psycopg  # deferred: only the `scale` tests need the PostgreSQL driver

    name = f"briefing_test_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        _unavailable("PostgreSQL", exc)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    from web.store import Store  # deferred: the web app loads only for the tests that use it

    store = Store(url)
    store.migrate()
    store.close()
    yield url
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_store(postgres_url):
    """A store on the session's PostgreSQL database, its tables emptied first."""
    from web.store import Store  # deferred: the web app loads only for the tests that use it
    from web.store.tables import metadata

    store = Store(postgres_url)
    names = ", ".join(t.name for t in metadata.sorted_tables)
    store.db.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    yield store
    store.close()


@pytest.fixture(scope="session")
def redis_url():
    """A Redis database number of its own for this test session (flushed before and after)."""
    import redis  # deferred: only the `scale` tests need Redis

    number = 9 + secrets.randbelow(6)
    url = f"{REDIS_URL}/{number}"
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=3)
        client.flushdb()
    except redis.RedisError as exc:
        _unavailable("Redis", exc)
    yield url
    client.flushdb()
