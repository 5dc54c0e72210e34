"""Briefing's web app: accessible briefing pages, their media, the podcast feed, the
JSON API, and the job queue that makes the audio.

``create_app(test_config=None)`` (web/app.py) builds the app; ``get_store`` and
``get_queue`` (web/extensions.py) give its store and job queue.
"""

from .app import create_app
from .extensions import get_queue, get_store

__all__ = ["create_app", "get_queue", "get_store"]
