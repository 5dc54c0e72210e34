"""The job queue's rows: enqueue, claim with a lease, renew, finish, fail and retry, recover.

A render job also moves its briefing's audio state (queued, running, done, failed) in the
same transaction as the job's own change.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from sqlalchemy import insert, or_, select, update

from .briefings import write_status
from .database import SQL, dumps, utc_now
from .tables import jobs as J

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


JOB_COLUMNS = (J.c.id, J.c.kind, J.c.briefing_id, J.c.payload, J.c.status, J.c.attempts, J.c.max_attempts,
               J.c.run_after, J.c.lease_until, J.c.worker, J.c.last_error)


def job_record(row: Any) -> Job:
    """A row of ``jobs`` as a :class:`Job`."""
    return Job(
        id=row.id,
        kind=row.kind,
        briefing_id=row.briefing_id,
        payload=json.loads(row.payload),
        status=row.status,
        attempts=row.attempts,
        max_attempts=row.max_attempts,
        run_after=row.run_after,
        lease_until=row.lease_until,
        worker=row.worker,
        last_error=row.last_error,
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
            job_id = db.execute(
                insert(J).values(kind=kind, briefing_id=briefing_id, payload=dumps(payload or {}),
                                 max_attempts=max_attempts, run_after=run_after, created_at=now, updated_at=now)
                .returning(J.c.id)
            ).scalar_one()
            if briefing_id is not None and kind == "render":
                write_status(db, briefing_id, "queued", None, None)
            return job_id

    def get_job(self, job_id: int) -> Job | None:
        """The job with this id, or None."""
        row = self._first(select(*JOB_COLUMNS).where(J.c.id == job_id))
        return job_record(row) if row else None

    def jobs(self, briefing_id: str | None = None) -> list[Job]:
        """All jobs, or a briefing's, oldest first."""
        query = select(*JOB_COLUMNS).order_by(J.c.id)
        if briefing_id is not None:
            query = query.where(J.c.briefing_id == briefing_id)
        return [job_record(r) for r in self._all(query)]

    def queued_job(self, kind: str) -> int | None:
        """The id of a queued job of ``kind``, or None when none waits."""
        row = self._first(select(J.c.id).where(J.c.kind == kind, J.c.status == "queued").limit(1))
        return row.id if row is not None else None

    def quiet_jobs(self, quiet_since: str, now: float | None = None, limit: int = 100) -> list[Job]:
        """Jobs unchanged since ``quiet_since`` (ISO 8601) that are queued and due, or
        running (their worker may have died): the broker's sweep (web/broker.py) sends
        them again, in case their message was lost."""
        now = time.time() if now is None else now
        query = select(*JOB_COLUMNS).where(
            or_((J.c.status == "queued") & (J.c.run_after <= now), J.c.status == "running"),
            J.c.updated_at < quiet_since,
        )
        return [job_record(r) for r in self._all(query.order_by(J.c.run_after, J.c.id).limit(limit))]

    def touch_job(self, job_id: int) -> None:
        """Note that a job was just announced again (its ``updated_at``)."""
        with self.transaction() as db:
            db.execute(update(J).where(J.c.id == job_id).values(updated_at=utc_now()))

    def claim_job(self, worker: str, lease_seconds: float, now: float | None = None,
                  kinds: Iterable[str] | None = None, job_id: int | None = None,
                  is_dead: Callable[[str | None], bool] | None = None) -> Job | None:
        """Take the next job that is ready, or whose worker's lease ran out (only the job
        ``job_id``, when given; one whose worker ``is_dead`` counts as run out).

        The claim is one write transaction that locks the row (``FOR UPDATE SKIP
        LOCKED`` on PostgreSQL; SQLite has one writer), so two workers (threads or
        processes) never take the same job. A stale job that has used all its attempts
        is marked failed instead of being run again.
        """
        now = time.time() if now is None else now
        kinds = tuple(kinds) if kinds is not None else None
        with self.transaction() as db:
            while True:
                stale = (J.c.status == "running") & (J.c.lease_until < now)
                query = select(*JOB_COLUMNS)
                if job_id is not None:
                    query = query.where(J.c.id == job_id)
                else:
                    query = query.where(or_((J.c.status == "queued") & (J.c.run_after <= now), stale))
                if kinds:
                    query = query.where(J.c.kind.in_(kinds))
                row = db.execute(
                    query.order_by(J.c.run_after, J.c.id).limit(1).with_for_update(skip_locked=True)
                ).first()
                if row is None:
                    return None
                job = job_record(row)
                if job_id is not None:
                    ready = job.status == "queued" and job.run_after <= now
                    abandoned = job.status == "running" and (
                        (job.lease_until or 0) < now or (is_dead is not None and is_dead(job.worker))
                    )
                    if not (ready or abandoned):
                        return None
                if job.status == "running" and job.attempts >= job.max_attempts:
                    _give_up(db, job, STALE_AND_SPENT)
                    if job_id is not None:
                        return None
                    continue
                taken = {"last_error": RUN_AGAIN} if job.status == "running" else {}
                db.execute(
                    update(J).where(J.c.id == job.id).values(
                        status="running", attempts=J.c.attempts + 1, lease_until=now + lease_seconds,
                        worker=worker, updated_at=utc_now(), **taken,
                    )
                )
                if _renders(job):
                    write_status(db, job.briefing_id, "running", None, None)
                return self.get_job(job.id)

    def renew_lease(self, job_id: int, worker: str, lease_seconds: float) -> bool:
        """Extend a running job's lease; False when the job is no longer this worker's."""
        with self.transaction() as db:
            return db.execute(
                update(J).where(J.c.id == job_id, J.c.worker == worker, J.c.status == "running")
                .values(lease_until=time.time() + lease_seconds, updated_at=utc_now())
            ).rowcount > 0

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
            row = db.execute(select(*JOB_COLUMNS).where(J.c.id == job_id).with_for_update()).first()
            if row is None:
                return None
            job = job_record(row)
            if job.attempts < job.max_attempts:
                db.execute(
                    update(J).where(J.c.id == job_id).values(
                        status="queued", run_after=time.time() + retry_delay, lease_until=None, worker=None,
                        last_error=error, updated_at=utc_now(),
                    )
                )
                if _renders(job):
                    retry = f"{error} Trying again (attempt {job.attempts + 1} of {job.max_attempts})."
                    write_status(db, job.briefing_id, "queued", retry, None)
            else:
                _give_up(db, job, error)
        return self.get_job(job_id)

    def recover_jobs(self, is_dead: Callable[[str | None], bool]) -> list[int]:
        """Queue again the running jobs whose worker ``is_dead`` (called at start-up, when
        the process that ran them has died, and at shutdown for this process's own);
        returns their ids."""
        recovered = []
        with self.transaction() as db:
            rows = db.execute(select(*JOB_COLUMNS).where(J.c.status == "running").with_for_update()).all()
            for row in rows:
                job = job_record(row)
                if not is_dead(job.worker):
                    continue
                if job.attempts >= job.max_attempts:
                    _give_up(db, job, STALE_AND_SPENT)
                    continue
                db.execute(
                    update(J).where(J.c.id == job.id).values(
                        status="queued", run_after=0, lease_until=None, worker=None, last_error=RUN_AGAIN,
                        updated_at=utc_now(),
                    )
                )
                if _renders(job):
                    write_status(db, job.briefing_id, "queued", None, None)
                recovered.append(job.id)
        return recovered


def _mark_done(db: SQL, job_id: int) -> None:
    db.execute(update(J).where(J.c.id == job_id).values(status="done", lease_until=None, updated_at=utc_now()))


def _give_up(db: SQL, job: Job, error: str) -> None:
    db.execute(update(J).where(J.c.id == job.id).values(status="failed", lease_until=None, last_error=error,
                                                        updated_at=utc_now()))
    if _renders(job):
        write_status(db, job.briefing_id, "failed", error, None)
