"""Shared fixtures. Every test runs with sockets to anything but 127.0.0.1 disabled
(pytest-socket, see pyproject.toml), so nothing can reach the internet."""

from __future__ import annotations

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
