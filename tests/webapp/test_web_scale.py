"""Running at scale on real engines (issue 21): the API on PostgreSQL, Celery workers on
Redis in subprocesses (`briefing worker`), the real Piper voice on short articles. No
mocks: a worker is killed with SIGKILL mid-job, a message is delivered twice, Redis is
stopped and started again. Needs `make services`; marked `scale`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import LIBRARY, ROOT, SHORT  # noqa: E402

pytestmark = pytest.mark.scale

MEDIA_FILES = {"briefing.mp3", "captions.vtt", "chapters.json", "transcript.txt", "transcript.html", "briefing.json"}


def wait_for(condition, timeout: float = 90.0, every: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Cluster:
    """Workers (`briefing worker` subprocesses) and an app that enqueues, sharing one
    PostgreSQL database, one broker and one media folder."""

    def __init__(self, root: Path, database_url: str, broker_url: str) -> None:
        self.root = root
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "BRIEFING_INSTANCE": str(root / "instance"),
            "BRIEFING_WEB_DATABASE_URL": database_url,
            "BRIEFING_WEB_BROKER_URL": broker_url,
            "BRIEFING_WEB_MEDIA_DIR": str(root / "media"),
            "BRIEFING_WEB_BROKER_SWEEP_SECONDS": "1",
            "BRIEFING_WEB_JOB_RETRY_SECONDS": "0.5",
            "OMP_NUM_THREADS": "1",
        }
        self.workers: list[subprocess.Popen] = []
        from web import create_app

        self.app = create_app({
            "INSTANCE_PATH": str(root / "instance"), "TESTING": True, "SECRET_KEY": "test", "START_WORKERS": False,
            "DATABASE_URL": database_url, "BROKER_URL": broker_url, "MEDIA_DIR": str(root / "media"),
        })
        self.store = self.app.extensions["briefing.store"]

    def start_worker(self) -> subprocess.Popen:
        log = open(self.root / f"worker{len(self.workers)}.log", "w")
        worker = subprocess.Popen(
            [sys.executable, "-m", "briefing.cli", "worker", "--loglevel", "WARNING"],
            env=self.env, cwd=self.root, stdout=log, stderr=subprocess.STDOUT,
        )
        self.workers.append(worker)
        return worker

    def brief(self, text: str) -> str:
        from briefing.text.extract import source_from_text
        from web.briefings import brief

        with self.app.app_context():
            return brief(self.app, source_from_text(text)).record.id

    def done(self, briefing_id: str, timeout: float = 120.0):
        def finished():
            record = self.store.get_briefing(briefing_id)
            return record if record.status in ("done", "failed") else None

        return wait_for(finished, timeout, what=f"briefing {briefing_id} to finish")

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(self.root.glob("worker*.log")))

    def close(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait(10)
        self.app.extensions["briefing.store"].close()


def media_folders(root: Path) -> list[Path]:
    return [p for p in (root / "media").iterdir() if p.is_dir() and not p.name.startswith(".")]


def assert_no_partial_files(root: Path) -> None:
    """Every published folder is complete, and no staging folder is left behind."""
    for folder in media_folders(root):
        assert {p.name for p in folder.iterdir()} == MEDIA_FILES, folder
        assert (folder / "briefing.mp3").stat().st_size > 1000
    staging = root / "media" / ".staging"
    leftovers = list(staging.iterdir()) if staging.is_dir() else []
    assert leftovers == [], leftovers


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, postgres_url, redis_url):
    """One cluster for the tests of this module (its workers' models load once)."""
    from web.store import Store

    store = Store(postgres_url)
    store.db.execute("TRUNCATE briefings, jobs, api_keys, api_idempotency, api_webhooks, sources, source_items"
                     " RESTART IDENTITY CASCADE")
    store.close()
    made = Cluster(tmp_path_factory.mktemp("cluster"), postgres_url, redis_url)
    yield made
    made.close()


def live_workers(cluster: Cluster) -> list[subprocess.Popen]:
    return [w for w in cluster.workers if w.poll() is None]


def test_two_workers_finish_every_job_once_although_one_is_killed(cluster):
    """SIGKILL of the worker that runs a job: another worker finishes it, once; the rows
    are in PostgreSQL and no partial file is left. A message delivered twice (here: sent
    again by hand) runs nothing twice."""
    first = cluster.start_worker()
    ids = [cluster.brief(SHORT), cluster.brief(LIBRARY)]
    running = wait_for(lambda: next((j for j in cluster.store.jobs() if j.status == "running"), None),
                       timeout=60, every=0.05, what="a job to start")
    time.sleep(1.0)  # well into the job: the text pipeline or the voice
    victim = int(running.worker.split(":")[1])
    assert victim == first.pid
    os.kill(victim, signal.SIGKILL)
    first.wait(10)
    cluster.start_worker()
    try:
        records = [cluster.done(i) for i in ids]
    except AssertionError:
        raise AssertionError(cluster.logs())
    assert [r.status for r in records] == ["done", "done"], cluster.logs()
    killed = cluster.store.get_job(running.id)
    assert killed.status == "done" and killed.attempts == 2 and "stopped" in (killed.last_error or "")
    # Delivered twice more: nothing runs again, no row or file is added.
    queue = cluster.app.extensions["briefing.jobs"]
    for job in cluster.store.jobs():
        assert queue.announce(job.id) and queue.announce(job.id)
    time.sleep(3)
    assert all(j.status == "done" for j in cluster.store.jobs())
    assert sorted(j.attempts for j in cluster.store.jobs()) == sorted([1, 2])
    assert len(cluster.store.jobs()) == 2
    assert cluster.store.db.execute("SELECT COUNT(*) FROM briefings").fetchone()[0] == 2
    assert {r.audio["content_hash"] for r in records} == {p.name for p in media_folders(cluster.root)}
    wait_for(lambda: not (cluster.root / "media" / ".staging").exists()
             or not any((cluster.root / "media" / ".staging").iterdir()), timeout=10, what="the sweep to clean up")
    assert_no_partial_files(cluster.root)


def test_a_job_run_twice_makes_its_files_once(cluster):
    """A job done, queued again as after a crash between the render and the
    acknowledgement: the same content-hash folder is reused, and the row updated, not added."""
    if not live_workers(cluster):
        cluster.start_worker()
    briefing_id = cluster.brief(SHORT + "\n\nThe council will meet again in March.")
    first = cluster.done(briefing_id)
    folder = cluster.root / "media" / first.audio["content_hash"]
    made = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    job = cluster.store.jobs(briefing_id)[0]
    cluster.store.db.execute("UPDATE jobs SET status = 'queued', run_after = 0 WHERE id = ?", (job.id,))
    cluster.app.extensions["briefing.jobs"].announce(job.id)
    wait_for(lambda: cluster.store.get_job(job.id).status == "done" and cluster.store.get_job(job.id).attempts == 2,
             what="the job to run again")
    again = cluster.store.get_briefing(briefing_id)
    assert again.audio["content_hash"] == first.audio["content_hash"]
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == made  # not written again
    assert folder.name in [p.name for p in media_folders(cluster.root)]
    assert len(cluster.store.db.execute("SELECT id FROM briefings WHERE id = ?", (briefing_id,)).fetchall()) == 1
    assert_no_partial_files(cluster.root)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _redis_server(port: int) -> subprocess.Popen:
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def answers():
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) == 0

    wait_for(answers, timeout=10, what="redis-server to start")
    return server


def test_jobs_resume_after_redis_is_stopped_and_started_again(tmp_path, postgres_store, postgres_url):
    """A private Redis (no persistence: its messages are lost) is stopped while a job is
    enqueued; once it is back, the worker reconnects and its sweep sends the job again.
    SIGTERM then lets a running job finish before the worker exits."""
    port = _free_port()
    redis = _redis_server(port)
    cluster = Cluster(tmp_path, postgres_url, f"redis://127.0.0.1:{port}/0")
    try:
        worker = cluster.start_worker()
        warm = cluster.brief(LIBRARY)
        assert cluster.done(warm).status == "done", cluster.logs()
        redis.terminate()
        redis.wait(10)
        started = time.monotonic()
        waiting = cluster.brief(SHORT)  # its message cannot be sent: the row waits
        assert time.monotonic() - started < 20
        assert cluster.store.get_briefing(waiting).status == "queued"
        redis = _redis_server(port)
        assert cluster.done(waiting).status == "done", cluster.logs()
        # SIGTERM while a job runs: it finishes, then the worker stops.
        last = cluster.brief(SHORT + "\n\nThe bridge will have a cycle lane.")
        wait_for(lambda: cluster.store.get_briefing(last).status == "running", every=0.05, what="the job to start")
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(120) == 0
        assert cluster.store.get_briefing(last).status == "done"
        assert_no_partial_files(cluster.root)
    finally:
        cluster.close()
        redis.terminate()
        redis.wait(10)
