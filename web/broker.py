"""Jobs on Celery workers with Redis as the broker, when ``BROKER_URL`` is set.

The database stays the record of every job (its row: kind, payload, attempts, lease,
state); a Celery message only says "job N waits". So every way a message can go wrong
ends well:

- **a worker dies** (SIGKILL, power): late acknowledgement (``acks_late``,
  ``reject_on_worker_lost``) leaves its message in Redis, which hands it out again after
  ``BROKER_VISIBILITY_TIMEOUT`` (longer than the longest job); sooner, the other workers'
  sweep sees the job's worker is gone (its process, on this host; its lease, elsewhere)
  and announces the job again. A job runs on one worker at a time: the claim locks the row.
- **a message comes twice** (a redelivery, the sweep, a client's retry): the claim finds
  the job done, or running on a live worker, and the message is dropped. A render that
  runs again makes the same content-hash folder, published by one rename, so its files
  are made once and its row is written once.
- **Redis is down or restarted**: a job enqueued meanwhile is kept in the database, and
  the sweep announces it once Redis answers; workers reconnect by themselves.
- **a job fails**: it is retried with a doubling delay (``JOB_RETRY_SECONDS``), as a
  Celery retry with that countdown, until ``JOB_MAX_ATTEMPTS``.
- **SIGTERM**: Celery's warm shutdown finishes the running job, then stops.

``briefing worker`` runs one worker process (Celery's ``solo`` pool: audio is CPU-bound,
so run one per core); webhooks, feed refreshes, digests and retention go through the
same queue as renders.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from celery import Celery
from kombu.exceptions import KombuError
from redis.exceptions import RedisError

from briefing.memory import limit_malloc_arenas, map_large_blocks

from .jobs import JobQueue, worker_is_dead, worker_name
from .render import clean_staging
from .store import Store, utc_now

if TYPE_CHECKING:
    from flask import Flask

log = logging.getLogger(__name__)

TASK = "briefing.run_job"
QUEUE_NAME = "briefing"


def make_celery(app: "Flask") -> Celery:
    """The Celery app of ``BROKER_URL``: late acknowledgement, one message at a time per
    worker, the visibility timeout of ``BROKER_VISIBILITY_TIMEOUT``, JSON only."""
    visibility = float(app.config["BROKER_VISIBILITY_TIMEOUT"])
    celery = Celery("briefing", broker=app.config["BROKER_URL"], set_as_current=False)
    celery.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=QUEUE_NAME,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        enable_utc=True,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        # A redelivered message must not overtake a job that is still running: longer than
        # the longest job. The sweep (below) recovers a dead worker's job much sooner.
        broker_transport_options={
            "visibility_timeout": visibility,
            "unacked_restore_interval": min(10.0, visibility / 4),
            "unacked_restore_throttle": 1,
        },
        # A request that enqueues must not hang on a broker that is down: the row is kept,
        # and the sweep sends the message later.
        task_publish_retry_policy={"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5},
        worker_hijack_root_logger=False,
        worker_cancel_long_running_tasks_on_connection_loss=False,
    )
    return celery


class BrokerQueue(JobQueue):
    """The job queue with Celery workers: enqueueing writes the row and sends a message;
    ``briefing worker`` processes run the jobs (this process starts no threads)."""

    def __init__(self, app: "Flask", store: Store) -> None:
        super().__init__(app, store)
        self.celery = make_celery(app)
        self.visibility_timeout = float(app.config["BROKER_VISIBILITY_TIMEOUT"])
        self.sweep_seconds = float(app.config["BROKER_SWEEP_SECONDS"])

    def announce(self, job_id: int, delay: float = 0.0) -> bool:
        """Send the message "job ``job_id`` waits" (due in ``delay`` seconds); True when
        sent. A delay near the visibility timeout is left to the sweep (Redis would hand
        the waiting message out again), as is a message Redis could not take now."""
        if delay >= self.visibility_timeout / 2:
            return False
        try:
            self.celery.send_task(TASK, args=[job_id], countdown=delay or None, queue=QUEUE_NAME)
        except (KombuError, RedisError, OSError) as exc:
            log.warning("Could not send job %s to the broker (%s: %s); it waits in the database and a "
                        "worker's sweep sends it when the broker answers.", job_id, type(exc).__name__, exc)
            return False
        return True

    def start(self) -> None:
        """Nothing to start here: ``briefing worker`` processes run the jobs."""

    def stop(self, timeout: float = 5.0) -> list[int]:
        """Nothing runs here to stop."""
        return []

    @property
    def running(self) -> bool:
        return False

    # -- in the worker process ---------------------------------------------------------------

    def handle(self, task: Any, job_id: int) -> None:
        """Run the job a message announces, if it is still to be run; after a failure
        with attempts left, retry it (a new message) after the doubling delay."""
        claimed = self.run_once(worker_name(), job_id=job_id)
        current = self.store.get_job(job_id)
        if current is None or current.status != "queued":
            return  # done, failed for good, deleted, or running on a live worker: nothing to do
        wait = max(current.run_after - time.time(), 0.0)
        if claimed is None and wait <= 0:
            return  # a worker is about to take it (its row is locked): no second message
        if wait < self.visibility_timeout / 2:
            raise task.retry(countdown=wait, max_retries=None)
        # Due too late for a message to wait in Redis: the sweep announces it when due.

    def sweep(self, now: float | None = None) -> list[int]:
        """Announce again the jobs whose message may be lost: queued and due but quiet for a
        sweep period, or running on a worker that died (or whose lease ran out); and
        remove staging folders that dead workers left. Returns the ids announced."""
        now = time.time() if now is None else now
        quiet = datetime.fromtimestamp(now - self.sweep_seconds, timezone.utc)
        quiet_since = utc_now(quiet)
        announced = []
        for job in self.store.quiet_jobs(quiet_since, now):
            if job.status == "running" and (job.lease_until or 0) >= now and not worker_is_dead(job.worker):
                continue
            if self.announce(job.id):
                self.store.touch_job(job.id)
                announced.append(job.id)
        if announced:
            log.info("Sweep: announced again job(s) %s (message lost, or worker gone).", announced)
        try:
            clean_staging(self.app)
        except OSError:
            pass
        return announced

    def _sweep_forever(self, stop: threading.Event) -> None:
        while not stop.wait(self.sweep_seconds):
            try:
                self.sweep()
            except Exception:  # noqa: BLE001 - the database or Redis may be away a while: try next time
                log.warning("Sweep failed; trying again in %.0f s.", self.sweep_seconds, exc_info=True)

    def run_worker(self, loglevel: str = "INFO") -> int:
        """Run this process as a Celery worker until it is stopped (SIGTERM: after the
        running job). Returns an exit status."""
        limit_malloc_arenas()
        map_large_blocks()
        task_queue = self

        @self.celery.task(name=TASK, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
        def run_job(task: Any, job_id: int) -> None:
            task_queue.handle(task, int(job_id))

        stop = threading.Event()
        sweeper = threading.Thread(target=self._sweep_forever, args=(stop,), name="briefing-sweep", daemon=True)
        sweeper.start()
        try:
            self.sweep()  # at start: what the dead left, at once
        except Exception:  # noqa: BLE001 - the first sweep is a courtesy; the thread retries
            log.warning("First sweep failed.", exc_info=True)
        argv = ["worker", "--pool=solo", "--concurrency=1", f"--hostname=briefing-{os.getpid()}@%h",
                "--without-gossip", "--without-mingle", f"--queues={QUEUE_NAME}", f"--loglevel={loglevel}"]
        try:
            self.celery.worker_main(argv)
        finally:
            stop.set()
        return 0
