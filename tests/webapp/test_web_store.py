"""The store on both databases: SQLite (a file) and PostgreSQL (the `scale` tests, on the
server `make services` starts): migrations, briefings, and the job queue's claim/lease/retry
rules. The same tests run on each."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

pytest.importorskip("flask")

from web.store import Store, StoreError  # noqa: E402
from web.store.migrate import head, revisions  # noqa: E402


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.scale)])
def db(request, tmp_path):
    if request.param == "postgresql":
        yield request.getfixturevalue("postgres_store")
        return
    store = Store(tmp_path / "briefing.sqlite3")
    store.migrate()
    yield store
    store.close()


def add(store: Store, id: str = "b1", input_hash: str = "h1", key_id: str | None = None) -> None:
    store.add_briefing(
        id,
        title="A title",
        source_url="https://example.com/a",
        source_kind="text",
        source_name="pasted text",
        input_hash=input_hash,
        options={},
        article={"title": "A title", "paragraphs": ["One."]},
        briefing={"article": {"title": "A title"}, "key_points": []},
        key_id=key_id,
    )


# -- migrations ---------------------------------------------------------------------------


def test_migrate_reaches_the_newest_revision_and_is_idempotent(tmp_path):
    store = Store(tmp_path / "x.sqlite3")
    assert store.schema_version() is None
    assert store.migrate() == head() == revisions()[-1]
    assert store.migrate() == head()
    tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"briefings", "jobs", "api_keys", "sources", "alembic_version"} <= tables
    store.close()


def test_an_older_database_is_brought_up_to_date_with_its_data(tmp_path):
    path = tmp_path / "x.sqlite3"
    old = Store(path)
    assert old.migrate("0004") == "0004"
    old.db.execute("INSERT INTO briefings (id, created_at, updated_at, title, source_kind, input_hash, article,"
                   " briefing, audio) VALUES ('b1', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z', 'A title',"
                   " 'text', 'h', '{}', '{}', ?)", ('{"content_hash": "abcd1234"}',))
    old.close()
    newer = Store(path)
    assert newer.migrate() == head()
    assert newer.get_briefing("b1").title == "A title"  # data kept
    assert newer.media_in_use("abcd1234")  # the new column filled from the audio's JSON
    newer.close()


def test_a_sqlite_file_from_before_alembic_is_taken_over(tmp_path):
    """Files made when migrations were counted in PRAGMA user_version: stamped, upgraded."""
    path = tmp_path / "x.sqlite3"
    old = Store(path)
    old.migrate("0004")
    old.db.execute("DROP TABLE alembic_version")
    old.db.execute("PRAGMA user_version = 4")
    old.db.execute("INSERT INTO briefings (id, created_at, updated_at, title, source_kind, input_hash, article,"
                   " briefing) VALUES ('b1', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z', 't', 'text', 'h', '{}', '{}')")
    old.close()
    store = Store(path)
    assert store.schema_version() is None
    assert store.migrate() == head()
    assert store.get_briefing("b1") is not None
    store.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "x.sqlite3"
    store = Store(path)
    store.migrate()
    store.db.execute("UPDATE alembic_version SET version_num = 'ffff'")
    with pytest.raises(StoreError, match="Upgrade Briefing"):
        store.migrate()
    store.close()
    conn = sqlite3.connect(tmp_path / "legacy.sqlite3")
    conn.execute("PRAGMA user_version = 9")
    conn.close()
    with pytest.raises(StoreError, match="Upgrade Briefing"):
        Store(tmp_path / "legacy.sqlite3").migrate()


@pytest.mark.scale
def test_the_schema_on_postgresql_is_the_newest(postgres_store):
    assert postgres_store.schema_version() == head()
    assert postgres_store.migrate() == head()  # nothing to do, and no error


def test_an_unreachable_database_says_what_to_do():
    store = Store("postgresql://briefing:briefing@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="make services"):
        store.get_briefing("x")


# -- briefings ----------------------------------------------------------------------------


def test_briefing_round_trip_and_revision(db):
    add(db)
    record = db.get_briefing("b1")
    assert record.status == "queued" and record.audio is None
    assert db.get_article("b1") == {"title": "A title", "paragraphs": ["One."]}
    before = db.revision("b1")
    db.set_status("b1", "done", audio={"content_hash": "ab" * 32, "duration": 3.0})
    assert db.revision("b1") == before + 1
    assert db.get_briefing("b1").audio["duration"] == 3.0
    assert db.media_hashes() == {"ab" * 32}
    assert db.find_by_input("h1").id == "b1"
    assert db.find_by_input("nope") is None
    assert db.get_briefing("nope") is None and db.revision("nope") is None


def test_recent_is_newest_first(db):
    for n in range(3):
        add(db, f"b{n}", f"h{n}")
    assert [r["id"] for r in db.recent(2)] == ["b2", "b1"]


def test_delete_removes_the_briefing_and_its_jobs(db):
    add(db)
    db.enqueue_job("render", briefing_id="b1")
    assert db.delete_briefing("b1")
    assert db.get_briefing("b1") is None and db.jobs() == []
    assert not db.delete_briefing("b1")


# -- jobs ---------------------------------------------------------------------------------


def test_claim_takes_ready_jobs_in_order_and_marks_the_briefing(db):
    add(db)
    first = db.enqueue_job("render", briefing_id="b1")
    later = db.enqueue_job("other", run_after=time.time() + 3600)
    job = db.claim_job("w1", lease_seconds=60)
    assert job.id == first and job.status == "running" and job.attempts == 1 and job.worker == "w1"
    assert db.get_briefing("b1").status == "running"
    assert db.claim_job("w2", lease_seconds=60) is None  # the other job is not due yet
    assert db.get_job(later).status == "queued"


def test_claim_filters_by_kind(db):
    db.enqueue_job("feed-refresh")
    assert db.claim_job("w", 60, kinds=["render"]) is None
    assert db.claim_job("w", 60, kinds=["feed-refresh"]).kind == "feed-refresh"


def test_a_job_whose_lease_ran_out_is_claimed_again(db):
    job_id = db.enqueue_job("render")
    db.claim_job("dead-worker", lease_seconds=60, now=1000.0)
    again = db.claim_job("w2", lease_seconds=60, now=2000.0)
    assert again.id == job_id and again.attempts == 2 and again.worker == "w2"


def test_a_stale_job_without_attempts_left_is_failed(db):
    add(db)
    job_id = db.enqueue_job("render", briefing_id="b1", max_attempts=1)
    db.claim_job("dead-worker", lease_seconds=60, now=1000.0)
    assert db.claim_job("w2", lease_seconds=60, now=2000.0) is None
    assert db.get_job(job_id).status == "failed"
    assert "stopped" in db.get_briefing("b1").error


def test_renew_extends_only_the_owners_lease(db):
    job_id = db.enqueue_job("render")
    db.claim_job("w1", lease_seconds=1)
    assert db.renew_lease(job_id, "w1", 600)
    assert db.get_job(job_id).lease_until > time.time() + 500
    assert not db.renew_lease(job_id, "someone-else", 600)


def test_fail_retries_then_gives_up(db):
    add(db)
    job_id = db.enqueue_job("render", briefing_id="b1", max_attempts=2)
    db.claim_job("w", 60)
    job = db.fail_job(job_id, "The voice crashed.", retry_delay=0)
    assert job.status == "queued" and job.last_error == "The voice crashed."
    assert db.get_briefing("b1").status == "queued"
    assert "Trying again (attempt 2 of 2)" in db.get_briefing("b1").error
    db.claim_job("w", 60)
    job = db.fail_job(job_id, "The voice crashed again.", retry_delay=0)
    assert job.status == "failed"
    record = db.get_briefing("b1")
    assert record.status == "failed" and record.error == "The voice crashed again."


def test_fail_waits_for_the_retry_delay(db):
    job_id = db.enqueue_job("render")
    db.claim_job("w", 60)
    db.fail_job(job_id, "x", retry_delay=3600)
    assert db.claim_job("w", 60) is None


def test_finish_runs_its_update_in_the_same_transaction(db):
    add(db)
    job_id = db.enqueue_job("render", briefing_id="b1")
    db.claim_job("w", 60)
    db.finish_render(job_id, "b1", {"content_hash": "ff" * 8})
    assert db.get_job(job_id).status == "done"
    assert db.get_briefing("b1").status == "done"


def test_finish_rolls_back_when_the_update_fails(db):
    add(db)
    job_id = db.enqueue_job("render", briefing_id="b1")
    db.claim_job("w", 60)
    unstorable = {"content_hash": object()}  # the audio cannot be written: nothing is

    with pytest.raises(TypeError):
        db.finish_render(job_id, "b1", unstorable)
    assert db.get_job(job_id).status == "running"
    assert db.get_briefing("b1").status == "running"


def test_recover_requeues_jobs_of_dead_workers_only(db):
    add(db)
    dead = db.enqueue_job("render", briefing_id="b1")
    alive = db.enqueue_job("other")
    db.claim_job("dead", 600)
    db.claim_job("alive", 600)
    assert db.recover_jobs(lambda worker: worker == "dead") == [dead]
    assert db.get_job(dead).status == "queued"
    assert db.get_job(alive).status == "running"
    assert db.get_briefing("b1").status == "queued"


def test_two_threads_never_claim_the_same_job(db):
    ids = [db.enqueue_job("render") for _ in range(40)]
    claimed: list[int] = []
    lock = threading.Lock()

    def worker(name):
        while True:
            job = db.claim_job(name, 60)
            if job is None:
                return
            with lock:
                claimed.append(job.id)
            db.finish_job(job.id)

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed) == ids


# -- the named operations the app's modules use instead of SQL ------------------------------


def test_pages_of_briefings_and_a_new_title(db):
    db.add_key("key_1", "newsletter", "hash1", "whsec_1")
    for n in range(3):
        add(db, f"b{n}", f"h{n}", key_id="key_1")
    add(db, "site", "h9")  # the site's own: in no key's pages
    first = db.briefing_page("key_1", 2)
    assert [r["id"] for r in first] == ["b2", "b1"]
    assert set(first[0]) == {"id", "created_at", "title", "source_url", "status", "public"}
    assert [r["id"] for r in db.briefing_page("key_1", 2, (first[-1]["created_at"], first[-1]["id"]))] == ["b0"]
    before = db.revision("b1")
    db.retitle_briefing("b1", "Another title")
    assert db.get_briefing("b1").title == "Another title" and db.revision("b1") == before + 1


def test_done_briefings_of_the_feed_and_of_a_day(db):
    add(db, "b1", "h1")
    add(db, "b2", "h2")
    db.set_status("b1", "done", audio={"content_hash": "ab" * 8})
    assert [r.id for r in db.done_briefings(10)] == ["b1"]
    today = db.get_briefing("b1").created_at[:10]
    start, end = f"{today}T00:00:00Z", f"{today}T23:59:59Z"
    assert [r.id for r in db.done_briefings_between(start, end, 10, except_kind="digest")] == ["b1"]
    assert db.done_briefings_between(start, end, 10, except_kind="text") == []


def test_queued_job_of_a_kind(db):
    assert db.queued_job("tick") is None
    job_id = db.enqueue_job("tick")
    assert db.queued_job("tick") == job_id
    db.claim_job("w", 60)
    assert db.queued_job("tick") is None


def test_api_keys_and_idempotency_records(db):
    db.add_key("key_1", "newsletter", "hash1", "whsec_1")
    assert db.active_key("hash1") == {"id": "key_1", "name": "newsletter", "webhook_secret": "whsec_1", "public": False}
    assert [k["id"] for k in db.keys()] == ["key_1"] and db.keys()[0]["last_used_at"] is None
    db.record_key_use("key_1")
    assert db.keys()[0]["last_used_at"]
    add(db)
    assert db.idempotent_request("key_1", "abc") is None
    db.remember_idempotent_request("key_1", "abc", "body1", "b1")
    db.remember_idempotent_request("key_1", "abc", "body2", "b1")  # the first one recorded wins
    assert db.idempotent_request("key_1", "abc") == {"body_hash": "body1", "briefing_id": "b1"}
    assert db.revoke_key("key_1") and not db.revoke_key("key_1")
    assert db.active_key("hash1") is None


def test_webhooks_are_delivered_only_while_their_key_is_active(db):
    add(db)
    db.add_key("key_1", "hooks", "hash1", "whsec_1")
    webhook_id = db.add_webhook("b1", "key_1", "https://example.org/hook", "https://news.example.org")
    assert db.webhook_ids("b1") == [webhook_id]
    assert db.webhook_delivery(webhook_id) == {
        "url": "https://example.org/hook", "base_url": "https://news.example.org", "briefing_id": "b1",
        "webhook_secret": "whsec_1", "public": False,
    }
    db.revoke_key("key_1")
    assert db.webhook_delivery(webhook_id) is None


def test_sources_and_their_items(db):
    assert db.add_source("https://example.org/feed.xml") and not db.add_source("https://example.org/feed.xml")
    source = db.source_by_url("https://example.org/feed.xml")
    assert db.source(source["id"]) == source and source["last_result"] is None
    db.record_refresh(source["id"], checked_at="2026-01-01T00:00:00Z", last_result={"status": "ok"}, title="News")
    assert db.sources()[0]["last_result"] == {"status": "ok"} and db.sources()[0]["title"] == "News"
    add(db)
    assert db.source_item(source["id"], "g1", None) is None
    db.add_source_item(source["id"], guid="g1", link="https://example.org/1", title="One", briefing_id=None,
                       status="failed", error="broken")
    item = db.source_item(source["id"], None, "https://example.org/1")  # found by its link
    assert item["status"] == "failed"
    db.update_source_item(item["id"], title="One", briefing_id="b1", status="done", error=None)
    assert db.source_item(source["id"], "g1", None) == {"id": item["id"], "status": "done"}
    db.delete_source(source["id"])
    assert db.sources() == [] and db.source(source["id"]) is None


# -- the commands ---------------------------------------------------------------------------


def test_briefing_migrate_brings_the_database_up_to_date(tmp_path, capsys, monkeypatch):
    from briefing.cli import main

    monkeypatch.delenv("BRIEFING_WEB_DATABASE_URL", raising=False)
    assert main(["migrate", "--instance", str(tmp_path / "i")]) == 0
    assert f"is at schema revision {head()}" in capsys.readouterr().out
    assert Store(tmp_path / "i" / "briefing.sqlite3").schema_version() == head()


def test_briefing_worker_needs_a_broker(tmp_path, capsys, monkeypatch):
    from briefing.cli import main

    monkeypatch.delenv("BRIEFING_WEB_BROKER_URL", raising=False)
    assert main(["worker", "--instance", str(tmp_path / "i"), "--no-warm-up"]) == 2
    assert "BRIEFING_WEB_BROKER_URL" in capsys.readouterr().err


@pytest.mark.scale
def test_the_commands_honour_database_url(tmp_path, capsys, monkeypatch, postgres_store, postgres_url):
    """`briefing keys` (like every command) works on the database of BRIEFING_WEB_DATABASE_URL."""
    from briefing.cli import main

    monkeypatch.setenv("BRIEFING_WEB_DATABASE_URL", postgres_url)
    assert main(["keys", "--instance", str(tmp_path / "i"), "create", "--name", "on-postgres"]) == 0
    assert [k["name"] for k in postgres_store.keys()] == ["on-postgres"]
    assert not (tmp_path / "i" / "briefing.sqlite3").exists()
