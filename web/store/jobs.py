"""The job queue's rows: enqueue, claim with a lease, renew, finish, fail and retry, recover.

A render job also moves its briefing's audio state (queued, running, done, failed) in the
same transaction as the job's own change.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from .briefings import write_status
from .database import dumps, utc_now

STALE_AND_SPENT = "The worker stopped while running this job, and it has no attempts left."
RUN_AGAIN = "The worker stopped while running this job; it was run again."


@dataclass(frozen=True)
class Job:
    """A row of the job queue."""

    id: int
    kind: str
    briefing_id: str | None
    payload: dict[str, Any]
    status: str
    attempts: int
    max_attempts: int
    run_after: float
    lease_until: float | None
    worker: str | None
    last_error: str | None


def job_record(row: sqlite3.Row) -> Job:
    """A row of ``jobs`` as a :class:`Job`."""
    return Job(
        id=row["id"],
        kind=row["kind"],
        briefing_id=row["briefing_id"],
        payload=json.loads(row["payload"]),
        status=row["status"],
        attempts=row["attempts"],
        max_attempts=row["max_attempts"],
        run_after=row["run_after"],
        lease_until=row["lease_until"],
        worker=row["worker"],
        last_error=row["last_error"],
    )


def _renders(job: Job) -> bool:
    """True for a render job of a briefing, whose state follows the job's."""
    return job.briefing_id is not None and job.kind == "render"


class JobOperations:
    """The store's operations on the job queue (mixed into :class:`web.store.Store`)."""

    def enqueue_job(
        self,
        kind: str,
        payload: dict[str, Any] | None = None,
        *,
        briefing_id: str | None = None,
        max_attempts: int = 3,
        run_after: float = 0.0,
    ) -> int:
        """Add a job; returns its id. A render job also marks its briefing as queued."""
        now = utc_now()
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO jobs (kind, briefing_id, payload, max_attempts, run_after, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?)",
                (kind, briefing_id, dumps(payload or {}), max_attempts, run_after, now, now),
            )
            if briefing_id is not None and kind == "render":
                write_status(db, briefing_id, "queued", None, None)
            return cur.lastrowid

    def get_job(self, job_id: int) -> Job | None:
        """The job with this id, or None."""
        row = self.db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return job_record(row) if row else None

    def jobs(self, briefing_id: str | None = None) -> list[Job]:
        """All jobs, or a briefing's, oldest first."""
        if briefing_id is None:
            rows = self.db.execute("SELECT * FROM jobs ORDER BY id").fetchall()
        else:
            rows = self.db.execute("SELECT * FROM jobs WHERE briefing_id = ? ORDER BY id", (briefing_id,)).fetchall()
        return [job_record(r) for r in rows]

    def queued_job(self, kind: str) -> int | None:
        """The id of a queued job of ``kind``, or None when none waits."""
        row = self.db.execute("SELECT id FROM jobs WHERE kind = ? AND status = 'queued' LIMIT 1", (kind,)).fetchone()
        return row["id"] if row is not None else None

    def claim_job(self, worker: str, lease_seconds: float, now: float | None = None,
                  kinds: Iterable[str] | None = None) -> Job | None:
        """Take the next job that is ready, or whose worker's lease ran out.

        The claim is one write transaction, so two workers (threads or processes)
        never take the same job. A stale job that has used all its attempts is
        marked failed instead of being run again.
        """
        now = time.time() if now is None else now
        kinds = tuple(kinds) if kinds is not None else None
        kind_clause = f" AND kind IN ({','.join('?' * len(kinds))})" if kinds else ""
        with self.transaction() as db:
            while True:
                row = db.execute(
                    "SELECT * FROM jobs WHERE ((status = 'queued' AND run_after <= ?)"
                    " OR (status = 'running' AND lease_until < ?))" + kind_clause + " ORDER BY run_after, id LIMIT 1",
                    (now, now, *(kinds or ())),
                ).fetchone()
                if row is None:
                    return None
                job = job_record(row)
                if job.status == "running" and job.attempts >= job.max_attempts:
                    _give_up(db, job, STALE_AND_SPENT)
                    continue
                db.execute(
                    "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = ?, worker = ?,"
                    " updated_at = ? WHERE id = ?",
                    (now + lease_seconds, worker, utc_now(), job.id),
                )
                if _renders(job):
                    write_status(db, job.briefing_id, "running", None, None)
                return self.get_job(job.id)

    def renew_lease(self, job_id: int, worker: str, lease_seconds: float) -> bool:
        """Extend a running job's lease; False when the job is no longer this worker's."""
        with self.transaction() as db:
            return (
                db.execute(
                    "UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND worker = ? AND status = 'running'",
                    (time.time() + lease_seconds, utc_now(), job_id, worker),
                ).rowcount
                > 0
            )

    def finish_job(self, job_id: int) -> None:
        """Mark a job done (``last_error`` keeps why earlier attempts failed)."""
        with self.transaction() as db:
            _mark_done(db, job_id)

    def finish_render(self, job_id: int, briefing_id: str, audio: dict[str, Any]) -> None:
        """Mark a render job done and store its briefing's audio, in one transaction."""
        with self.transaction() as db:
            _mark_done(db, job_id)
            write_status(db, briefing_id, "done", None, audio)

    def fail_job(self, job_id: int, error: str, retry_delay: float) -> Job | None:
        """Record why a job failed: queue it again after ``retry_delay`` seconds while it
        has attempts left, else mark it failed for good. Returns the updated job."""
        with self.transaction() as db:
            row = db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return None
            job = job_record(row)
            if job.attempts < job.max_attempts:
                db.execute(
                    "UPDATE jobs SET status = 'queued', run_after = ?, lease_until = NULL, worker = NULL,"
                    " last_error = ?, updated_at = ? WHERE id = ?",
                    (time.time() + retry_delay, error, utc_now(), job_id),
                )
                if _renders(job):
                    retry = f"{error} Trying again (attempt {job.attempts + 1} of {job.max_attempts})."
                    write_status(db, job.briefing_id, "queued", retry, None)
            else:
                _give_up(db, job, error)
        return self.get_job(job_id)

    def recover_jobs(self, is_dead: Callable[[str | None], bool]) -> list[int]:
        """Queue again the running jobs whose worker ``is_dead`` (called at start-up, when
        the process that ran them has died); returns their ids."""
        recovered = []
        with self.transaction() as db:
            rows = db.execute("SELECT * FROM jobs WHERE status = 'running'").fetchall()
            for row in rows:
                job = job_record(row)
                if not is_dead(job.worker):
                    continue
                if job.attempts >= job.max_attempts:
                    _give_up(db, job, STALE_AND_SPENT)
                    continue
                db.execute(
                    "UPDATE jobs SET status = 'queued', run_after = 0, lease_until = NULL, worker = NULL,"
                    " last_error = ?, updated_at = ? WHERE id = ?",
                    (RUN_AGAIN, utc_now(), job.id),
                )
                if _renders(job):
                    write_status(db, job.briefing_id, "queued", None, None)
                recovered.append(job.id)
        return recovered


def _mark_done(db: sqlite3.Connection, job_id: int) -> None:
    db.execute(
        "UPDATE jobs SET status = 'done', lease_until = NULL, updated_at = ? WHERE id = ?",
        (utc_now(), job_id),
    )


def _give_up(db: sqlite3.Connection, job: Job, error: str) -> None:
    db.execute(
        "UPDATE jobs SET status = 'failed', lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?",
        (error, utc_now(), job.id),
    )
    if _renders(job):
        write_status(db, job.briefing_id, "failed", error, None)
