"""The app's shared objects, for every module that needs them: the store, the job queue
and the page cache.

``create_app`` (web/app.py) keeps them in ``app.extensions``; these accessors read them
back. They live here, below every surface, so that no module of the app imports the
``web`` package or its factory.
"""

from __future__ import annotations

from flask import Flask, current_app

from .cache import PageCache
from .jobs import JobQueue
from .store import Store

STORE = "briefing.store"
QUEUE = "briefing.jobs"
PAGE_CACHE = "briefing.page_cache"


def get_store(app: Flask | None = None) -> Store:
    """The app's :class:`Store`."""
    return (app or current_app).extensions[STORE]


def get_queue(app: Flask | None = None) -> JobQueue:
    """The app's :class:`JobQueue`."""
    return (app or current_app).extensions[QUEUE]


def page_cache(app: Flask | None = None) -> PageCache:
    """The app's cache of rendered briefing pages and API JSON."""
    return (app or current_app).extensions[PAGE_CACHE]
