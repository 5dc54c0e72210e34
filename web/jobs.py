"""The background job queue: jobs live in the database, in-process worker threads run them.

A request only enqueues; speech synthesis happens here. With ``BROKER_URL`` set, the
same jobs are announced to Celery workers on Redis instead (web/broker.py); the rows
stay the record of every job either way. Each job kind has a handler in
``queue.handlers`` (``render`` makes a briefing's audio; the feed and API surfaces add
their own kinds). A job that was running when the process died is run again at
start-up; a job that fails records why and is retried, with a doubling delay, until it
has used ``JOB_MAX_ATTEMPTS``.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from typing import TYPE_CHECKING, Any, Callable

from briefing.errors import BriefingError
from briefing.memory import release_memory

from .store import Job, Store

if TYPE_CHECKING:
    from flask import Flask

log = logging.getLogger(__name__)

HOST = socket.gethostname()

# handler(app, job, heartbeat): heartbeat() renews the job's lease during long work.
Handler = Callable[["Flask", Job, Callable[[], None]], None]


def process_prefix() -> str:
    """``host:pid:``, the start of every worker name of this process."""
    return f"{HOST}:{os.getpid()}:"


def worker_name(thread: str | None = None) -> str:
    """``host:pid:thread``: enough to tell, after a crash, whether a worker still lives."""
    return f"{process_prefix()}{thread or threading.current_thread().name}"


def worker_is_dead(worker: str | None) -> bool:
    """True when the worker that holds a job is gone: its process on this host no longer
    exists, or it was an earlier process whose id this one now has (as in containers).

    >>> worker_is_dead(None)
    True
    >>> worker_is_dead(f"{HOST}:{os.getpid()}:t")  # at start-up no job is ours yet
    True
    >>> worker_is_dead("another-host:1:t")
    False
    """
    if not worker:
        return True
    host, _, rest = worker.partition(":")
    pid_text = rest.partition(":")[0]
    if host != HOST or not pid_text.isdigit():
        # Another machine's worker: only its lease running out frees the job.
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class JobQueue:
    """Enqueue jobs and run them on worker threads."""

    def __init__(self, app: "Flask", store: Store) -> None:
        self.app = app
        self.store = store
        self.handlers: dict[str, Handler] = {}
        self.workers = int(app.config["JOB_WORKERS"])
        self.max_attempts = int(app.config["JOB_MAX_ATTEMPTS"])
        self.retry_seconds = float(app.config["JOB_RETRY_SECONDS"])
        self.lease_seconds = float(app.config["JOB_LEASE_SECONDS"])
        self.poll_seconds = float(app.config["JOB_POLL_SECONDS"])
        self._wake = threading.Condition()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    # -- producing -------------------------------------------------------------------

    def enqueue(self, kind: str, payload: dict[str, Any] | None = None, *, briefing_id: str | None = None,
                max_attempts: int | None = None, delay: float = 0.0) -> int:
        """Add a job and wake a worker; returns the job id."""
        if kind not in self.handlers:
            raise ValueError(f"no handler for job kind {kind!r}; known: {sorted(self.handlers)}")
        job_id = self.store.enqueue_job(
            kind,
            payload,
            briefing_id=briefing_id,
            max_attempts=max_attempts or self.max_attempts,
            run_after=time.time() + delay if delay else 0.0,
        )
        # Other processes see the row only once the caller's transaction commits.
        self.store.after_commit(lambda: self.announce(job_id, delay))
        return job_id

    def announce(self, job_id: int, delay: float = 0.0) -> None:
        """Tell the workers a job waits (here: wake a worker thread)."""
        with self._wake:
            self._wake.notify()

    def enqueue_once(self, kind: str, delay: float = 0.0) -> int:
        """Queue a periodic job of ``kind`` (tried once) unless one is queued already;
        returns the queued job's id."""
        pending = self.store.queued_job(kind)
        if pending is not None:
            return pending
        return self.enqueue(kind, delay=delay, max_attempts=1)

    # -- consuming -------------------------------------------------------------------

    def recover(self) -> list[int]:
        """Queue again the jobs that a dead process left running."""
        recovered = self.store.recover_jobs(worker_is_dead)
        if recovered:
            log.warning("Running again %d job(s) left unfinished by a stopped worker: %s", len(recovered), recovered)
        return recovered

    def run_once(self, worker: str | None = None, job_id: int | None = None) -> Job | None:
        """Claim one ready job (the job ``job_id``, when given, if it is ready or its worker
        died) and run it in this thread; returns the job as claimed, or None when no job
        was ready."""
        worker = worker or worker_name()
        job = self.store.claim_job(worker, self.lease_seconds, kinds=self.handlers, job_id=job_id,
                                   is_dead=worker_is_dead)
        if job is None:
            return None
        handler = self.handlers[job.kind]

        def heartbeat() -> None:
            self.store.renew_lease(job.id, worker, self.lease_seconds)

        try:
            with self.app.app_context():
                handler(self.app, job, heartbeat)
        except BriefingError as exc:
            self._failed(job, str(exc))
        except Exception as exc:  # noqa: BLE001 - a worker must survive any failure of one job
            log.error("Job %s (%s) failed:\n%s", job.id, job.kind, traceback.format_exc())
            self._failed(job, f"Unexpected error ({type(exc).__name__}: {exc}). The details are in the server log.")
        else:
            # Handlers that need to store their result atomically finish the job themselves.
            current = self.store.get_job(job.id)
            if current is not None and current.status == "running":
                self.store.finish_job(job.id)
        finally:
            release_memory()
        return job

    def retry_delay(self, attempts: int) -> float:
        """Seconds before a job that failed ``attempts`` times is tried again (doubling)."""
        return self.retry_seconds * (2 ** max(attempts - 1, 0))

    def _failed(self, job: Job, error: str) -> Job | None:
        updated = self.store.fail_job(job.id, error, self.retry_delay(job.attempts))
        if updated is not None and updated.status == "failed":
            log.warning("Job %s (%s) failed for good after %d attempt(s): %s", job.id, job.kind, job.attempts, error)
        return updated

    def run_until_idle(self, limit: int = 100) -> int:
        """Run ready jobs in this thread until none is left (tests use this); returns how many ran."""
        ran = 0
        while ran < limit and self.run_once() is not None:
            ran += 1
        return ran

    # -- threads ---------------------------------------------------------------------

    def start(self) -> None:
        """Recover unfinished jobs, then start the worker threads."""
        if self._threads:
            return
        self.recover()
        # Each start gets its own stop event, so a thread from an earlier start that is
        # still finishing a job never joins the new set.
        self._stop = threading.Event()
        for n in range(self.workers):
            thread = threading.Thread(target=self._loop, args=(self._stop,), name=f"briefing-worker-{n + 1}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 5.0) -> list[int]:
        """Ask the workers to stop after their current job and wait up to ``timeout`` for
        them; a job still running then is queued again (this process is going away), so
        no job is left "running" by a stopped server. Returns the ids queued again."""
        self._stop.set()
        with self._wake:
            self._wake.notify_all()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(deadline - time.monotonic(), 0))
        unfinished = any(t.is_alive() for t in self._threads)
        self._threads = []
        if not unfinished:
            return []
        mine = process_prefix()
        requeued = self.store.recover_jobs(lambda worker: bool(worker) and worker.startswith(mine))
        if requeued:
            log.warning("Stopping: queued again the job(s) still running: %s", requeued)
        return requeued

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def _loop(self, stop: threading.Event) -> None:
        name = worker_name()
        while not stop.is_set():
            try:
                job = self.run_once(name)
            except Exception:  # noqa: BLE001 - e.g. the database is locked for too long: wait and retry
                log.error("Worker %s could not take a job:\n%s", name, traceback.format_exc())
                job = None
            if job is None:
                with self._wake:
                    self._wake.wait(self.poll_seconds)
