"""What happens to a briefing, told to whoever listens: its audio is done, or failed for good.

The render job (web/render.py) publishes; other surfaces subscribe when they register
(web/webhooks.py sends a webhook for each). Listeners are kept on the app, so the order in
which surfaces register does not matter.
"""

from __future__ import annotations

from typing import Any, Callable

from flask import Flask

BRIEFING_DONE = "briefing.completed"
BRIEFING_FAILED = "briefing.failed"
EVENTS = (BRIEFING_DONE, BRIEFING_FAILED)
LISTENERS = "briefing.listeners"

# listener(app, briefing_id, event); what it returns is ignored.
Listener = Callable[[Flask, "str | None", str], Any]


def subscribe(app: Flask, event: str, listener: Listener) -> None:
    """Call ``listener(app, briefing_id, event)`` whenever ``event`` is published on ``app``."""
    if event not in EVENTS:
        raise ValueError(f"unknown event {event!r}; known: {', '.join(EVENTS)}")
    app.extensions.setdefault(LISTENERS, {}).setdefault(event, []).append(listener)


def listeners(app: Flask, event: str) -> list[Listener]:
    """The listeners of ``event`` on ``app``, in the order they subscribed."""
    return list(app.extensions.get(LISTENERS, {}).get(event, ()))


def publish(app: Flask, event: str, briefing_id: str | None) -> None:
    """Tell every listener of ``event`` that it happened to the briefing ``briefing_id``."""
    for listener in listeners(app, event):
        listener(app, briefing_id, event)
