"""Webhooks: ``briefing.completed`` and ``briefing.failed`` POSTed to a client's URL.

Each delivery is a ``webhook`` job in the persistent queue, so a receiver that is down
or answers 5xx is tried again with a doubling delay (``WEBHOOK_MAX_ATTEMPTS``), even
across restarts. The body is signed with the key's webhook secret:
``Briefing-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">``; receivers
check it with :func:`verify_signature` (or the same few lines in their language) and
reject old timestamps. Webhook URLs follow the same private-address rules as article
URLs (:func:`briefing.text.fetch.check_url`), checked when given and again when sent, and a
delivery connects to the address that was checked (:func:`briefing.text.fetch.post_url`), so a
name that turns private between the check and the request (DNS rebinding) gets nothing.
The deliveries are queued when the render job announces a briefing done or failed
(web/events.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from typing import Any, Callable

import requests
from flask import Flask

from briefing.errors import BriefingError
from briefing.text.fetch import check_url, post_url

from .events import BRIEFING_DONE, BRIEFING_FAILED, EVENTS, subscribe
from .extensions import get_queue, get_store
from .pipeline import briefing_config
from .schema import briefing_resource
from .store import Job, utc_now

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "Briefing-Signature"
EVENT_HEADER = "Briefing-Event"


class WebhookError(BriefingError):
    """A webhook could not be delivered (it is retried while it has attempts left)."""


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``Briefing-Signature`` header for ``body`` sent at ``timestamp``.

    >>> sign("whsec_x", 1700000000, b"{}")[:15]
    't=1700000000,v1'
    """
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode("ascii") + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify_signature(secret: str, header: str, body: bytes, tolerance: float = 300.0, now: float | None = None) -> bool:
    """True when ``header`` signs ``body`` with ``secret`` and is at most ``tolerance`` s old.

    >>> header = sign("s", 100, b"hi")
    >>> verify_signature("s", header, b"hi", now=150), verify_signature("s", header, b"ho", now=150)
    (True, False)
    >>> verify_signature("s", header, b"hi", now=1000)
    False
    """
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    if not parts.get("t", "").isdigit() or "v1" not in parts:
        return False
    timestamp = int(parts["t"])
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    expected = sign(secret, timestamp, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts["v1"])


def check_webhook_url(url: str, config: Any) -> None:
    """Refuse a webhook URL that the article-fetch rules would refuse (private
    addresses unless ``allow_private_urls``), raising a BriefingError that says why."""
    check_url(url, config)


def register_webhook(app: Flask, briefing_id: str, key_id: str, url: str, base_url: str) -> int:
    """Remember ``url`` for a briefing; when its audio is already done or failed (the
    same article was briefed before), queue the delivery now. Returns the webhook id."""
    store = get_store(app)
    webhook_id = store.add_webhook(briefing_id, key_id, url, base_url)
    record = store.get_briefing(briefing_id)
    if record is not None and record.status in ("done", "failed"):
        _enqueue(app, webhook_id, briefing_id, BRIEFING_DONE if record.status == "done" else BRIEFING_FAILED)
    return webhook_id


def _enqueue(app: Flask, webhook_id: int, briefing_id: str, event: str) -> int:
    return get_queue(app).enqueue(
        "webhook",
        {"webhook_id": webhook_id, "event": event},
        briefing_id=briefing_id,
        max_attempts=int(app.config["WEBHOOK_MAX_ATTEMPTS"]),
    )


def notify(app: Flask, briefing_id: str | None, event: str) -> int:
    """Queue ``event`` for every webhook of a briefing; returns how many."""
    if briefing_id is None:
        return 0
    webhook_ids = get_store(app).webhook_ids(briefing_id)
    for webhook_id in webhook_ids:
        _enqueue(app, webhook_id, briefing_id, event)
    return len(webhook_ids)


def deliver_job(app: Flask, job: Job, heartbeat: Callable[[], None]) -> None:
    """Job ``webhook``: POST the event, signed; a non-2xx answer raises, so it is retried."""
    store = get_store(app)
    row = store.webhook_delivery(job.payload.get("webhook_id"))
    record = store.get_briefing(row["briefing_id"]) if row else None
    if row is None or record is None:
        return  # the briefing was deleted or the key revoked: nothing to tell
    with app.test_request_context(base_url=row["base_url"]):
        resource = briefing_resource(record, public=bool(row["public"]))
    event = job.payload.get("event", BRIEFING_DONE)
    body = json.dumps(
        {"id": f"evt_{job.id}", "type": event, "created_at": utc_now(), "data": resource},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Briefing-Webhooks/1",
        EVENT_HEADER: event,
        SIGNATURE_HEADER: sign(row["webhook_secret"], int(time.time()), body),
    }
    try:
        # Checked again now (the name may point elsewhere than when it was given) and sent
        # to the address that was checked.
        response = post_url(row["url"], briefing_config(app), body, headers, float(app.config["WEBHOOK_TIMEOUT"]))
    except requests.RequestException as exc:
        raise WebhookError(f"Could not reach the webhook at {row['url']}: {type(exc).__name__}. It will be tried again.") from exc
    if not 200 <= response.status_code < 300:
        raise WebhookError(
            f"The webhook at {row['url']} answered {response.status_code}; it must answer 2xx. It will be tried again."
        )


def init_app(app: Flask) -> None:
    """Register the ``webhook`` job, and send a webhook for each briefing done or failed."""
    get_queue(app).handlers["webhook"] = deliver_job
    for event in EVENTS:
        subscribe(app, event, notify)
