"""The render job: a rendition is published in one rename, never half-written; what a dead
worker left in staging is removed; a long render renews its job's lease."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("flask")

from conftest import SHORT  # noqa: E402
from doubles import fake_render  # noqa: E402
from web.render import STAGING, RenderError, clean_staging, publish  # noqa: E402


def brief(app, text=SHORT) -> str:
    from briefing.text.extract import source_from_text

    from web.briefings import brief as make

    with app.app_context():
        return make(app, source_from_text(text)).record.id


def test_publish_is_one_rename_and_keeps_existing_content(tmp_path):
    root = tmp_path / "media"
    staging = root / STAGING / "job1.1.aa"
    staging.mkdir(parents=True)
    (staging / "briefing.mp3").write_bytes(b"\xff\xfbaudio")
    final = publish(staging, root, "ab" * 32)
    assert final == root / ("ab" * 32) and (final / "briefing.mp3").read_bytes() == b"\xff\xfbaudio"
    assert not staging.exists()
    again = root / STAGING / "job2.1.bb"
    again.mkdir()
    (again / "briefing.mp3").write_bytes(b"\xff\xfbother")
    assert publish(again, root, "ab" * 32) == final
    assert (final / "briefing.mp3").read_bytes() == b"\xff\xfbaudio"  # content-addressed: never replaced


def test_publish_refuses_an_empty_rendition_or_a_bad_hash(tmp_path):
    staging = tmp_path / "s"
    staging.mkdir()
    (staging / "briefing.mp3").write_bytes(b"")
    with pytest.raises(RenderError, match="no audio"):
        publish(staging, tmp_path, "ab" * 32)
    with pytest.raises(RenderError, match="hexadecimal"):
        publish(staging, tmp_path, "../etc")


def test_clean_staging_removes_what_dead_workers_left(app):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    staging = Path(app.config["MEDIA_DIR"]) / STAGING
    dead = staging / f"job1.{child.pid}.aa"
    mine = staging / f"job2.{os.getpid()}.bb"
    for folder in (dead, mine):
        folder.mkdir(parents=True)
    assert clean_staging(app) == 1
    assert not dead.exists() and mine.exists()


def test_progress_renews_the_lease(app_factory, monkeypatch):
    import web.render

    beats = []

    def slow(briefing, out_dir, *, voice, progress=None):
        for n in range(3):
            progress(n, 3)
        return fake_render(briefing, out_dir, voice=voice)

    monkeypatch.setattr(web.render, "HEARTBEAT_SECONDS", 0.0)
    app = app_factory(RENDER=slow)
    store = app.extensions["briefing.store"]
    renew = store.renew_lease
    monkeypatch.setattr(store, "renew_lease", lambda *a, **k: beats.append(a) or renew(*a, **k))
    brief(app)
    app.extensions["briefing.jobs"].run_once()
    assert len(beats) == 3  # the lease was renewed while rendering
    assert re.match(r".+:\d+:", beats[0][1])
