"""``create_app``: the app factory (Flask's application-factory pattern).

The instance folder holds the database, the secret key and the media; pass
``INSTANCE_PATH`` in ``test_config`` or set ``BRIEFING_INSTANCE`` to move it. Each
surface registers itself with its ``init_app``: its blueprint, its hooks, its jobs.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Mapping

from flask import Flask

from . import api, deletion, digest, errors, feed, feeds_in, media, oembed, pages, render, security, settings, webhooks
from .extensions import QUEUE, STORE
from .jobs import JobQueue
from .store import Store

# Registered in this order: the API's error handlers replace the site's (errors) for its paths.
SURFACES = (security, errors, render, media, pages, feed, feeds_in, digest, api, oembed, webhooks, deletion)


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. ``test_config`` overrides every other source of settings."""
    test_config = dict(test_config or {})
    instance_path = test_config.pop("INSTANCE_PATH", None) or os.environ.get("BRIEFING_INSTANCE")
    app = Flask(
        __package__,
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

    store = Store(app.config["DATABASE_URL"] or app.config["DATABASE"])
    if app.config["MIGRATE_ON_START"]:
        store.migrate()
    app.extensions[STORE] = store
    if app.config["BROKER_URL"]:
        # deferred: Celery and its Redis client load only when BROKER_URL is set
        from .broker import BrokerQueue

        queue: JobQueue = BrokerQueue(app, store)
    else:
        queue = JobQueue(app, store)
    app.extensions[QUEUE] = queue

    for surface in SURFACES:
        surface.init_app(app)

    if app.config["START_WORKERS"]:
        queue.start()
    return app


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
