"""``briefing serve``: the app under waitress (a production WSGI server), with its workers.

``--brief-samples DIR`` first briefs every .txt/.html file in DIR that was not briefed
before (``make run`` uses it); their audio is made in the background while the server runs.
:class:`LiveServer` serves an app the same way from a thread (the browser tests and
``bench.api`` use it).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any, TextIO

from waitress.server import create_server

from briefing.memory import limit_malloc_arenas, map_large_blocks
from briefing.text.extract import source_from_text

from .app import create_app
from .briefings import brief_directory
from .extensions import get_queue


def display_url(host: str, port: int) -> str:
    """The URL to print for a listening address.

    >>> display_url("0.0.0.0", 8000), display_url("::1", 80), display_url("127.0.0.1", 8000)
    ('http://localhost:8000/', 'http://[::1]:80/', 'http://127.0.0.1:8000/')
    """
    if host in ("0.0.0.0", "::", ""):
        host = "localhost"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def warm_up() -> None:
    """Load the text pipeline's models in the background, so the first form is quick."""
    try:
        # Deferred: loading the text pipeline's models is the warm-up's whole point, in its thread.
        from briefing.pipeline import summarize

        summarize(source_from_text("Warm up\n\nThe council said the bridge will open on Monday. Officials agreed."))
    except Exception:  # noqa: BLE001 - only a warm-up: the first real request reports any problem
        pass


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    instance: str | None = None,
    workers: int | None = None,
    threads: int = 8,
    brief_samples: str | None = None,
    out: TextIO = sys.stdout,
    config: dict[str, Any] | None = None,
) -> int:
    """Serve the app until interrupted; returns an exit status."""
    limit_malloc_arenas()  # before any thread starts
    map_large_blocks()

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings: dict[str, Any] = dict(config or {})
    settings["INSTANCE_PATH"] = instance or os.environ.get("BRIEFING_INSTANCE") or "instance"
    if workers is not None:
        settings["JOB_WORKERS"] = workers
    app = create_app(settings)
    out.write(f"Instance folder: {app.instance_path}\n")
    if app.config["BROKER_URL"]:
        out.write("Audio is made by `briefing worker` processes (BROKER_URL is set): start at least one.\n")

    if brief_samples:
        folder = Path(brief_samples)
        if not folder.is_dir():
            out.write(f"No folder {folder}: nothing to brief.\n")
        else:
            with app.app_context():
                for path, outcome in brief_directory(app, folder):
                    if isinstance(outcome, Exception):
                        out.write(f"  {path}: not briefed: {outcome}\n")
                    else:
                        state = "briefed, audio queued" if outcome.created else f"already briefed (audio {outcome.record.status})"
                        out.write(f"  {path}: {state} -> /briefings/{outcome.record.id}\n")
    elif app.config["WARM_UP"]:
        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()

    server = create_server(app, host=host, port=port, threads=threads, ident="Briefing")
    effective = getattr(server, "effective_port", port)
    out.write(f"Briefing is serving at {display_url(host, effective)} (press Ctrl+C to stop)\n")
    out.flush()
    previous = _stop_on_sigterm()
    try:
        server.run()
    except KeyboardInterrupt:
        out.write("Stopping.\n")
    finally:
        # The running job gets a moment to finish; if it cannot, it is queued again.
        get_queue(app).stop(timeout=STOP_GRACE_SECONDS)
        server.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0


# Under the 10 s most supervisors (systemd, Docker) wait between SIGTERM and SIGKILL.
STOP_GRACE_SECONDS = 8.0


def _stop_on_sigterm() -> Any:
    """Make SIGTERM stop the server as Ctrl+C does (so the running job is finished or
    queued again, never left "running"); returns the handler it replaced (None when
    not on the main thread, where signals cannot be set)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


class LiveServer:
    """The app served by waitress on 127.0.0.1 (a free port) in a daemon thread."""

    def __init__(self, app: Any, threads: int = 4) -> None:
        self.app = app
        self.server = create_server(app, host="127.0.0.1", port=0, threads=threads, ident="Briefing")
        self.port = self.server.effective_port
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.run, name="waitress", daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.server.close()
        self.thread.join(5)
