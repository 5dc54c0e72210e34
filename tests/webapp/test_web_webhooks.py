"""Webhooks: a receiver on 127.0.0.1 gets briefing.completed (or .failed) with a valid
signature, and a delivery the receiver answers with 500 is retried from the queue."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("flask")

from conftest import SHORT  # noqa: E402
from briefing.errors import BriefingError  # noqa: E402
from web.api import create_key  # noqa: E402
from web.webhooks import SIGNATURE_HEADER, sign, verify_signature  # noqa: E402


@pytest.fixture
def receiver():
    """An HTTP server on 127.0.0.1 that records requests and answers the statuses queued in ``answers``."""
    received: list[dict] = []
    answers: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server API
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"headers": dict(self.headers), "body": body})
            self.send_response(answers.pop(0) if answers else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_port}/hook", "received": received, "answers": answers}
    server.shutdown()
    server.server_close()


def _post(app, key, body):
    client = app.test_client()
    response = client.post("/api/v1/briefings", json=body, headers={"Authorization": f"Bearer {key['key']}"})
    assert response.status_code == 202, response.json
    return response.json


def test_completed_webhook_is_signed_and_retried_after_a_500(app, receiver):
    key = create_key(app.extensions["briefing.store"], "hooks")
    receiver["answers"].append(500)
    created = _post(app, key, {"text": SHORT, "webhook_url": receiver["url"]})
    queue = app.extensions["briefing.jobs"]
    queue.run_until_idle()  # render, then the webhook: 500, then again (JOB_RETRY_SECONDS=0): 200

    assert len(receiver["received"]) == 2
    jobs = [j for j in app.extensions["briefing.store"].jobs(created["id"]) if j.kind == "webhook"]
    assert len(jobs) == 1 and jobs[0].status == "done" and jobs[0].attempts == 2
    assert "answered 500" in jobs[0].last_error

    for delivery in receiver["received"]:
        headers, body = delivery["headers"], delivery["body"]
        assert headers["Content-Type"] == "application/json" and headers["Briefing-Event"] == "briefing.completed"
        assert verify_signature(key["webhook_secret"], headers[SIGNATURE_HEADER], body)
        assert not verify_signature(key["webhook_secret"], headers[SIGNATURE_HEADER], body + b" ")
        assert not verify_signature("whsec_other", headers[SIGNATURE_HEADER], body)
        event = json.loads(body)
        assert event["type"] == "briefing.completed" and event["id"] == f"evt_{jobs[0].id}"
        assert event["data"]["id"] == created["id"] and event["data"]["status"] == "done"
        assert event["data"]["audio"]["url"].startswith("http://localhost/media/")
    # The signature covers "<timestamp>.<body>".
    header = receiver["received"][-1]["headers"][SIGNATURE_HEADER]
    timestamp = int(header.split(",")[0].removeprefix("t="))
    assert header == sign(key["webhook_secret"], timestamp, receiver["received"][-1]["body"])


def test_failed_webhook(app_factory, receiver):
    def broken(*_args, **_kwargs):
        raise BriefingError("The voice could not be loaded.")

    app = app_factory(RENDER=broken, JOB_MAX_ATTEMPTS=1)
    key = create_key(app.extensions["briefing.store"], "hooks")
    created = _post(app, key, {"text": SHORT, "webhook_url": receiver["url"]})
    app.extensions["briefing.jobs"].run_until_idle()
    assert len(receiver["received"]) == 1
    event = json.loads(receiver["received"][0]["body"])
    assert event["type"] == "briefing.failed" and event["data"]["id"] == created["id"]
    assert event["data"]["status"] == "failed" and "voice" in event["data"]["error"]


def test_a_webhook_given_for_a_finished_briefing_is_sent_at_once(app, receiver):
    key = create_key(app.extensions["briefing.store"], "hooks")
    first = _post(app, key, {"text": SHORT})
    app.extensions["briefing.jobs"].run_until_idle()
    again = _post(app, key, {"text": SHORT, "webhook_url": receiver["url"]})
    assert again["id"] == first["id"] and again["status"] == "done"
    app.extensions["briefing.jobs"].run_until_idle()
    assert [json.loads(d["body"])["type"] for d in receiver["received"]] == ["briefing.completed"]


def test_no_webhook_after_the_briefing_is_deleted(app, receiver):
    key = create_key(app.extensions["briefing.store"], "hooks")
    created = _post(app, key, {"text": SHORT, "webhook_url": receiver["url"]})
    client = app.test_client()
    assert client.delete(f"/api/v1/briefings/{created['id']}", headers={"Authorization": f"Bearer {key['key']}"}).status_code == 204
    app.extensions["briefing.jobs"].run_until_idle()
    assert receiver["received"] == []


def test_a_webhook_goes_to_the_address_that_was_checked(app, receiver, monkeypatch):
    # "hooks.example" resolves only through this stub: were the request to look the name
    # up again itself, it would fail (no network); it reaches the receiver instead.
    import briefing.text.fetch

    port = receiver["url"].split(":")[2].split("/")[0]
    lookups = []

    def resolve(host, port_):
        lookups.append(host)
        return ("127.0.0.1",) if host == "hooks.example" else real_resolve(host, port_)

    real_resolve = briefing.text.fetch.resolve
    monkeypatch.setattr(briefing.text.fetch, "resolve", resolve)
    key = create_key(app.extensions["briefing.store"], "hooks")
    _post(app, key, {"text": SHORT, "webhook_url": f"http://hooks.example:{port}/hook"})
    app.extensions["briefing.jobs"].run_until_idle()
    assert len(receiver["received"]) == 1
    assert receiver["received"][0]["headers"]["Host"] == f"hooks.example:{port}"
    assert lookups.count("hooks.example") == 2  # checked when given, and again when sent


def test_a_webhook_name_that_turns_private_is_not_sent(app_factory, receiver, monkeypatch):
    import briefing.text.fetch

    app = app_factory(BRIEFING={"allow_private_urls": False}, WEBHOOK_MAX_ATTEMPTS=1)
    port = receiver["url"].split(":")[2].split("/")[0]
    lookups = []

    def resolve(host, port_):  # public when given, private when sent
        lookups.append(host)
        return ("93.184.216.34",) if len(lookups) == 1 else ("127.0.0.1",)

    monkeypatch.setattr(briefing.text.fetch, "resolve", resolve)
    key = create_key(app.extensions["briefing.store"], "hooks")
    created = _post(app, key, {"text": SHORT, "webhook_url": f"http://rebind.example:{port}/hook"})
    app.extensions["briefing.jobs"].run_until_idle()
    assert receiver["received"] == []
    jobs = [j for j in app.extensions["briefing.store"].jobs(created["id"]) if j.kind == "webhook"]
    assert jobs and jobs[0].status == "failed" and "127.0.0.1" in jobs[0].last_error


def test_webhooks_are_sent_whatever_the_order_the_surfaces_register_in(app_factory, receiver, monkeypatch):
    import web.app

    # The webhooks listen for the render job's events: registering before the job exists works too.
    monkeypatch.setattr(web.app, "SURFACES", (web.app.webhooks, *(s for s in web.app.SURFACES if s is not web.app.webhooks)))
    app = app_factory()
    key = create_key(app.extensions["briefing.store"], "hooks")
    _post(app, key, {"text": SHORT, "webhook_url": receiver["url"]})
    app.extensions["briefing.jobs"].run_until_idle()
    assert [json.loads(d["body"])["type"] for d in receiver["received"]] == ["briefing.completed"]


def test_the_render_job_tells_its_listeners(app_factory):
    from web import events

    def broken(briefing, out_dir, *, voice, progress=None):
        raise BriefingError("The voice is missing.")

    heard = []
    for render, attempts in ((None, 1), (broken, 2)):
        app = app_factory(**({"RENDER": render} if render else {}), JOB_MAX_ATTEMPTS=attempts)
        for event in events.EVENTS:
            events.subscribe(app, event, lambda app, briefing_id, event: heard.append(event))
        _post(app, create_key(app.extensions["briefing.store"], "k"), {"text": SHORT, "points": attempts})
        app.extensions["briefing.jobs"].run_until_idle()
    # Done once; the failure only when the last attempt failed, not at the first.
    assert heard == ["briefing.completed", "briefing.failed"]
    with pytest.raises(ValueError, match="unknown event"):
        events.subscribe(app, "briefing.deleted", print)
