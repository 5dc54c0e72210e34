"""A real server and headless Debian Chromium for the accessibility and keyboard tests.

Chromium is /usr/bin/chromium (apt-get install chromium), driven by Playwright for Python
with that executable (never `playwright install`); axe-core comes from npm
(node_modules/axe-core/axe.min.js). When either is missing these tests are skipped with
the command that installs it, except under CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import SHORT  # tests/conftest.py

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _missing(what: str, fix: str) -> None:
    message = f"{what} is missing: {fix}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        _missing("axe-core", "run `npm install` in the project folder (see package.json)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        _missing(str(CHROMIUM), "run `apt-get install -y chromium`")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The app with the real voice, served by waitress on 127.0.0.1, with a ready, a
    pending and a failed briefing. The ready one renders while the first tests run."""
    pytest.importorskip("flask")
    from briefing.text.extract import source_from_text

    from web import create_app
    from web.briefings import brief
    from web.serve import LiveServer

    instance = tmp_path_factory.mktemp("browser-instance")
    app = create_app(
        {
            "INSTANCE_PATH": str(instance),
            "SECRET_KEY": "browser-tests",
            "JOB_WORKERS": 2,
            "JOB_POLL_SECONDS": 0.1,
            "STATUS_POLL_SECONDS": 2,
            "START_WORKERS": False,
        }
    )
    store = app.extensions["briefing.store"]
    queue = app.extensions["briefing.jobs"]
    ready = brief(app, source_from_text(SHORT)).record.id

    pending_text = SHORT.replace("Monday", "Friday").replace("three months", "six weeks")
    pending = brief(app, source_from_text(pending_text)).record.id
    store.db.execute("UPDATE jobs SET run_after = ? WHERE briefing_id = ?", (time.time() + 3600, pending))
    failed_text = SHORT.replace("Monday", "Sunday").replace("Ana Lopez", "Sam Ortiz")
    failed = brief(app, source_from_text(failed_text)).record.id
    store.db.execute("DELETE FROM jobs WHERE briefing_id = ?", (failed,))
    store.set_status(failed, "failed", error="The piper voice could not be loaded. Check it with `briefing voices`.")
    queue.start()

    with LiveServer(app, threads=6) as server:
        yield {
            "url": server.url,
            "app": app,
            "ready": ready,
            "pending": pending,
            "failed": failed,
        }
    queue.stop()
    store.close()


@pytest.fixture(scope="session")
def wait_until_done():
    """``wait_until_done(site, briefing_id)``: wait for a briefing's audio."""
    return _wait_until_done


def _wait_until_done(site, briefing_id: str, timeout: float = 90.0) -> None:
    store = site["app"].extensions["briefing.store"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        record = store.get_briefing(briefing_id)
        if record.status == "done":
            return
        if record.status == "failed":
            pytest.fail(f"the audio failed: {record.error}")
        time.sleep(0.2)
    pytest.fail("the audio was not made in time")
