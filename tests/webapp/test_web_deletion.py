"""Deletion that deletes (issue 22): DELETE removes the briefing, its jobs, webhooks, cached
pages and media (checked by URL, with real rendered files on disk), unless another
briefing shares the audio; a render running meanwhile neither brings it back nor leaves
files; API_RETENTION_DAYS deletes old API briefings the same way, from the job queue."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import SHORT  # noqa: E402
from web.api import create_key  # noqa: E402
from webtools import brief_article  # noqa: E402

MEDIA = ("briefing.mp3", "captions.vtt", "chapters.json", "transcript.txt", "transcript.html", "briefing.json")


def make_key(store, name="alpha", public=False):
    key = create_key(store, name, public=public)
    key["auth"] = {"Authorization": f"Bearer {key['key']}"}
    return key


def post(client, key, body):
    response = client.post("/api/v1/briefings", json=body, headers=key["auth"])
    assert response.status_code == 202, response.json
    return response.json["id"]


def media_paths(client, key, briefing_id) -> dict[str, str]:
    done = client.get(f"/api/v1/briefings/{briefing_id}", headers=key["auth"]).json
    assert done["status"] == "done", done
    site = "http://localhost"
    return {
        "mp3": done["audio"]["url"].removeprefix(site),
        "vtt": done["transcript"]["vtt"].removeprefix(site),
        "html": done["transcript"]["html"].removeprefix(site),
        "text": done["transcript"]["text"].removeprefix(site),
    }


def media_folders(app) -> set[str]:
    root = Path(app.config["MEDIA_DIR"])
    return {p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")} if root.is_dir() else set()


def test_the_owners_delete_removes_the_briefing_and_its_media(app, client, store):
    key = make_key(store, public=True)
    briefing_id = post(client, key, {"text": SHORT})
    app.extensions["briefing.jobs"].run_until_idle()
    urls = media_paths(client, key, briefing_id)
    content_hash = store.get_briefing(briefing_id).audio["content_hash"]
    folder = Path(app.config["MEDIA_DIR"]) / content_hash
    assert sorted(p.name for p in folder.iterdir()) == sorted(MEDIA)
    mp3 = client.get(urls["mp3"])
    assert mp3.status_code == 200 and (mp3.data[:3] == b"ID3" or mp3.data[0] == 0xFF and mp3.data[1] >> 5 == 7)  # an MP3 frame
    assert client.get(f"/briefings/{briefing_id}").status_code == 200  # the page is cached now
    assert urls["mp3"] in client.get("/feed.xml").get_data(as_text=True)

    deleted = client.delete(f"/api/v1/briefings/{briefing_id}", headers=key["auth"])
    assert deleted.status_code == 204 and deleted.data == b""
    for name, path in urls.items():
        assert client.get(path).status_code == 404, name
        assert client.head(path).status_code == 404, name
    assert not folder.exists()
    assert client.get(f"/api/v1/briefings/{briefing_id}", headers=key["auth"]).status_code == 404
    assert client.get(f"/briefings/{briefing_id}").status_code == 404
    assert client.get(f"/briefings/{briefing_id}.json").status_code == 404
    assert urls["mp3"] not in client.get("/feed.xml").get_data(as_text=True)
    assert briefing_id not in client.get("/").get_data(as_text=True)
    assert not any(key[0] == briefing_id for key in app.extensions["briefing.page_cache"]._items)
    assert client.delete(f"/api/v1/briefings/{briefing_id}", headers=key["auth"]).status_code == 404


def test_media_shared_with_another_briefing_stay_until_the_last_one_goes(app, client, store):
    alpha, beta = make_key(store, "alpha"), make_key(store, "beta")
    first, second = post(client, alpha, {"text": SHORT}), post(client, beta, {"text": SHORT})
    app.extensions["briefing.jobs"].run_until_idle()
    a, b = media_paths(client, alpha, first), media_paths(client, beta, second)
    assert a == b  # the same words, the same audio: one folder
    assert client.delete(f"/api/v1/briefings/{first}", headers=alpha["auth"]).status_code == 204
    assert client.get(b["mp3"]).status_code == 200 and client.get(b["vtt"]).status_code == 200
    assert client.delete(f"/api/v1/briefings/{second}", headers=beta["auth"]).status_code == 204
    assert client.get(b["mp3"]).status_code == 404
    assert media_folders(app) == set()


def test_deleting_removes_queued_jobs_and_pending_webhooks(app, client, store):
    key = make_key(store)
    briefing_id = post(client, key, {"text": SHORT, "webhook_url": "http://127.0.0.1:9/hook"})
    assert [j.kind for j in store.jobs(briefing_id)] == ["render"]
    assert store.webhook_ids(briefing_id)
    assert client.delete(f"/api/v1/briefings/{briefing_id}", headers=key["auth"]).status_code == 204
    assert store.jobs(briefing_id) == [] and store.webhook_ids(briefing_id) == []
    assert app.extensions["briefing.jobs"].run_until_idle() == 0  # nothing left to run or to tell
    assert store.get_briefing(briefing_id) is None and media_folders(app) == set()


def test_a_render_running_while_its_briefing_is_deleted_leaves_nothing(app_factory):
    """The briefing is deleted while its voice speaks: the render publishes its folder,
    then finds the briefing gone; the folder goes, and nothing is marked done."""
    from doubles import fake_render

    from web.deletion import delete_briefing

    holder = {}

    def render_then_delete(briefing, out_dir, **kwargs):
        rendition = fake_render(briefing, out_dir, **kwargs)
        assert delete_briefing(holder["app"], holder["id"])
        return rendition

    app = holder["app"] = app_factory(RENDER=render_then_delete)
    store = app.extensions["briefing.store"]
    key = make_key(store)
    holder["id"] = post(app.test_client(), key, {"text": SHORT})
    assert app.extensions["briefing.jobs"].run_until_idle() == 1
    assert store.get_briefing(holder["id"]) is None
    assert media_folders(app) == set()
    assert store.jobs() == []


def test_a_folder_removed_under_a_render_is_made_again(app_factory, monkeypatch):
    """Two briefings share audio; one is deleted between the other's publish and its
    being marked done: the other's render is tried again rather than pointing at nothing."""
    import web.render
    from web.deletion import delete_briefing

    app = app_factory()
    store = app.extensions["briefing.store"]
    client = app.test_client()
    alpha, beta = make_key(store, "alpha"), make_key(store, "beta")
    first = post(client, alpha, {"text": SHORT})
    app.extensions["briefing.jobs"].run_until_idle()
    second = post(client, beta, {"text": SHORT})
    publish = web.render.publish
    calls = []

    def publish_then_delete_the_first(staging, root, content_hash):
        folder = publish(staging, root, content_hash)
        calls.append(content_hash)
        if len(calls) == 1:
            assert delete_briefing(app, first)  # the only briefing the database says uses it
        return folder

    monkeypatch.setattr(web.render, "publish", publish_then_delete_the_first)
    app.extensions["briefing.jobs"].run_until_idle()
    record = store.get_briefing(second)
    assert len(calls) == 2 and record.status == "done"
    assert client.get(media_paths(client, beta, second)["mp3"]).status_code == 200
    assert "removed while it was being stored" in (store.jobs(second)[0].last_error or "")


# -- retention -------------------------------------------------------------------------------


def _age(store, briefing_id: str, days: float) -> None:
    when = (datetime.now(timezone.utc) - timedelta(days=days)).replace(microsecond=0)
    store.db.execute("UPDATE briefings SET created_at = ? WHERE id = ?",
                     (when.isoformat().replace("+00:00", "Z"), briefing_id))


def test_retention_deletes_old_api_briefings_and_their_media_from_the_queue(app_factory):
    from web.deletion import JOB_KIND, schedule

    app = app_factory(API_RETENTION_DAYS=7)
    store = app.extensions["briefing.store"]
    client = app.test_client()
    key = make_key(store)
    old = post(client, key, {"text": SHORT})
    fresh = post(client, key, {"text": SHORT.replace("Monday", "Friday")})
    site = brief_article(app, SHORT.replace("Monday", "Sunday"))
    app.extensions["briefing.jobs"].run_until_idle()
    old_urls = media_paths(client, key, old)
    for briefing_id in (old, site):
        _age(store, briefing_id, 8)
    _age(store, fresh, 6)

    job_id = schedule(app, now=True)
    assert store.get_job(job_id).kind == JOB_KIND
    assert app.extensions["briefing.jobs"].run_once() is not None  # the retention job, from the queue
    assert store.get_briefing(old) is None
    assert client.get(old_urls["mp3"]).status_code == 404
    assert store.get_briefing(fresh) is not None and store.get_briefing(site) is not None  # the site's stay
    assert client.get(media_paths(client, key, fresh)["mp3"]).status_code == 200
    # It queued its next run.
    follow_up = store.queued_job(JOB_KIND)
    assert follow_up is not None and store.get_job(follow_up).run_after > 0


def test_retention_is_off_by_default(app):
    from web.deletion import expire, schedule

    assert app.config["API_RETENTION_DAYS"] == 0
    assert schedule(app, now=True) is None and expire(app) == 0


def test_retention_job_is_queued_when_the_workers_start(app_factory):
    from web.deletion import JOB_KIND

    app = app_factory(API_RETENTION_DAYS=30, START_WORKERS=True, JOB_POLL_SECONDS=0.05)
    store = app.extensions["briefing.store"]
    app.extensions["briefing.jobs"].stop()
    kinds = [job.kind for job in store.jobs()]
    assert JOB_KIND in kinds
