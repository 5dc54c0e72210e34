"""End to end with the real voice: `briefing serve --brief-samples DIR` briefs a folder,
serves on 127.0.0.1 with waitress, and the page gets real Piper audio, captions and a
transcript. Also: briefing a folder twice skips what is done."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("flask")
pytest.importorskip("waitress")

from conftest import FRENCH, SHORT  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def get(url: str, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


@pytest.fixture
def samples(tmp_path):
    folder = tmp_path / "samples"
    folder.mkdir()
    (folder / "bridge.txt").write_text(SHORT, encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


def test_serve_briefs_samples_with_the_real_voice(tmp_path, samples):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "briefing.cli", "serve", "--port", "0", "--instance", str(tmp_path / "instance"),
         "--brief-samples", str(samples)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 60
        url = None
        while time.monotonic() < deadline and url is None:
            line = server.stdout.readline()
            if not line:
                break
            lines.append(line)
            match = re.search(r"serving at (http://127\.0\.0\.1:\d+/)", line)
            url = match and match.group(1)
        assert url, "".join(lines)
        output = "".join(lines)
        assert "bridge.txt: briefed, audio queued -> /briefings/" in output
        assert "french.txt: not briefed: The article looks like French" in output
        assert "notes.md" not in output
        briefing_path = re.search(r"bridge\.txt: .* -> (/briefings/\w+)", output).group(1)

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            data = json.loads(get(url.rstrip("/") + briefing_path + ".json")[2])
            if data["status"] in ("done", "failed"):
                break
            time.sleep(0.5)
        assert data["status"] == "done", data

        status, headers, page = get(url.rstrip("/") + briefing_path)
        page = page.decode()
        assert status == 200 and headers["Server"] == "Briefing"  # waitress, not the development server
        assert re.search(r'<audio id="player" class="player" controls preload="metadata" src="/media/[0-9a-f]{64}/briefing\.mp3"', page)
        assert 'kind="captions"' in page and "Transcript" in page
        assert "Mayor Ana Lopez" in page or "harbour bridge" in page

        audio = data["audio"]
        base = url.rstrip("/")
        status, headers, probe = get(base + audio["url"], {"Range": "bytes=0-1"})
        assert status == 206 and headers["Content-Range"] == f"bytes 0-1/{audio['bytes']}"
        status, headers, mp3 = get(base + audio["url"])
        assert len(mp3) == audio["bytes"] and headers["Content-Type"] == "audio/mpeg"
        mp3_path = tmp_path / "briefing.mp3"
        mp3_path.write_bytes(mp3)
        from mutagen.mp3 import MP3

        assert abs(MP3(mp3_path).info.length - audio["duration"]) < 0.2
        assert get(base + audio["captions_url"])[2].startswith(b"WEBVTT")
        chapters = json.loads(get(base + audio["chapters_url"])[2])
        assert len(chapters["chapters"]) == len(data["chapters"]) >= 3
        assert data["transcript"][0]["label"] == "Introduction"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode == 0, "".join(lines) + server.stdout.read()


def test_briefing_a_folder_again_skips_what_is_done_and_retries_failures(app, samples):
    from web.briefings import brief_directory

    first = dict(brief_directory(app, samples))
    bridge = first[samples / "bridge.txt"]
    assert bridge.created and isinstance(first[samples / "french.txt"], Exception)
    app.extensions["briefing.jobs"].run_until_idle()
    second = dict(brief_directory(app, samples))
    assert not second[samples / "bridge.txt"].created
    assert second[samples / "bridge.txt"].record.id == bridge.record.id
    assert second[samples / "bridge.txt"].record.status == "done"
    assert app.extensions["briefing.jobs"].run_until_idle() == 0  # nothing made twice

    store = app.extensions["briefing.store"]
    store.set_status(bridge.record.id, "failed", error="voice missing")
    third = dict(brief_directory(app, samples))
    assert third[samples / "bridge.txt"].record.status == "queued"  # a failed sample is tried again


def test_the_library_never_imports_flask():
    code = "import sys, briefing.cli; briefing.cli.build_parser(); print('flask' in sys.modules, 'web' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
