"""Briefing's web app: accessible briefing pages, their media, and the job queue.

``create_app(test_config=None)`` builds the app (Flask's application-factory pattern).
The instance folder holds the database, the secret key and the media; pass
``INSTANCE_PATH`` in ``test_config`` or set ``BRIEFING_INSTANCE`` to move it.
Each surface is a blueprint: ``pages`` and ``media`` here; the feed and the API come next.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Mapping

from flask import Flask, current_app

from . import settings
from .jobs import JobQueue
from .store import Store


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. ``test_config`` overrides every other source of settings."""
    test_config = dict(test_config or {})
    instance_path = test_config.pop("INSTANCE_PATH", None) or os.environ.get("BRIEFING_INSTANCE")
    app = Flask(
        __name__,
        instance_path=str(Path(instance_path).resolve()) if instance_path else None,
        instance_relative_config=True,
    )
    app.config.from_mapping(settings.defaults())
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(settings.from_environment())
    app.config.update(test_config)

    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config["DATABASE"] = str(app.config["DATABASE"] or instance / "briefing.sqlite3")
    app.config["MEDIA_DIR"] = str(app.config["MEDIA_DIR"] or instance / "media")
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _secret_key(instance / "secret_key")
    upload_max = int(app.config["UPLOAD_MAX_BYTES"])
    # Room for the other form fields; a single text field may be as large as an upload.
    app.config["MAX_CONTENT_LENGTH"] = upload_max + 100_000
    app.config["MAX_FORM_MEMORY_SIZE"] = upload_max + 10_000
    if not app.config.get("SESSION_COOKIE_SAMESITE"):
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.json.sort_keys = False
    app.json.ensure_ascii = False

    store = Store(app.config["DATABASE"])
    store.migrate()
    app.extensions["briefing.store"] = store
    queue = JobQueue(app, store)
    app.extensions["briefing.jobs"] = queue

    from . import errors, media, pages, security

    security.init_app(app)
    errors.init_app(app)
    media.init_app(app)
    pages.init_app(app)
    from . import digest, feed, feeds_in

    feed.init_app(app)
    feeds_in.init_app(app)
    digest.init_app(app)
    from . import api

    api.init_app(app)  # after media: it wraps the render job to send webhooks

    if app.config["START_WORKERS"]:
        queue.start()
    return app


def get_store(app: Flask | None = None) -> Store:
    """The app's :class:`Store`."""
    return (app or current_app).extensions["briefing.store"]


def get_queue(app: Flask | None = None) -> JobQueue:
    """The app's :class:`JobQueue`."""
    return (app or current_app).extensions["briefing.jobs"]


def _secret_key(path: Path) -> str:
    """The instance's secret key, made once and written atomically (mode 600)."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key)
    try:
        # link, not rename: if another process made a key first, theirs wins and we use it.
        os.link(tmp, path)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
    finally:
        tmp.unlink()
    return key
