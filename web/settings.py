"""Every setting of the web app, declared once with its default and help text.

``create_app`` loads, in order: these defaults, ``instance/config.py`` (optional),
``BRIEFING_WEB_<NAME>`` environment variables for the simple (str, int, float, bool)
settings, then ``test_config``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One web setting: its default and what it does."""

    default: Any
    help: str


SETTINGS: dict[str, Setting] = {
    "DATABASE": Setting(None, "Path of the SQLite database; default instance/briefing.sqlite3 (unused when DATABASE_URL is set)."),
    "DATABASE_URL": Setting(None, "The database as a URL, e.g. postgresql://briefing:briefing@127.0.0.1:5432/briefing (PostgreSQL through psycopg 3); default: the SQLite file DATABASE."),
    "BROKER_URL": Setting(None, "Redis URL of the Celery broker, e.g. redis://127.0.0.1:6379/0: jobs go to `briefing worker` processes; default: worker threads in the server."),
    "BROKER_VISIBILITY_TIMEOUT": Setting(3600.0, "Seconds before Redis hands a job's message to another worker when the one that took it never acknowledged it (longer than the longest job)."),
    "BROKER_SWEEP_SECONDS": Setting(30.0, "How often each `briefing worker` announces again the jobs whose message was lost (Redis restarted) or whose worker died."),
    "MIGRATE_ON_START": Setting(True, "Bring the database schema up to date when the app starts (else only `briefing migrate` does)."),
    "MEDIA_DIR": Setting(None, "Folder for audio, captions, chapters and transcripts; default instance/media."),
    "SECRET_KEY": Setting(None, "Signs the session cookie (CSRF tokens); default: made once and kept in instance/secret_key."),
    "UPLOAD_MAX_BYTES": Setting(2_000_000, "Largest uploaded file or pasted text accepted, in bytes (2 MB)."),
    "UPLOAD_EXTENSIONS": Setting((".txt", ".html", ".htm"), "File name endings accepted for uploads."),
    "BRIEFING": Setting({}, "BriefingConfig settings for the pipeline, e.g. {'allow_private_urls': True} in tests."),
    "VOICE": Setting("piper", "Voice that speaks the briefings (a key of briefing.audio.speak.VOICES)."),
    "RENDER": Setting(None, "Function (briefing, out_dir, *, voice, progress) -> AudioRendition; default briefing.audio.render.render_briefing."),
    "RENDER_SCRIPT": Setting(None, "Function (script, out_dir, *, info, voice, progress, document) -> AudioRendition, for daily digests; default briefing.audio.render.render_script."),
    "JOB_WORKERS": Setting(1, "Worker threads that make audio in the background."),
    "JOB_MAX_ATTEMPTS": Setting(3, "Times a job is tried before it is marked as failed."),
    "JOB_RETRY_SECONDS": Setting(5.0, "Wait before the first retry of a failed job; doubled for each further retry."),
    "JOB_LEASE_SECONDS": Setting(600.0, "A running job whose worker has not reported for this long is run again."),
    "JOB_POLL_SECONDS": Setting(1.0, "How often an idle worker looks for new jobs (enqueueing also wakes it)."),
    "WARM_UP": Setting(True, "`briefing serve` loads the text pipeline in the background at start-up, so the first article is quick."),
    "START_WORKERS": Setting(True, "Start the worker threads with the app (tests turn this off and run jobs by hand)."),
    "RECENT_COUNT": Setting(12, "Briefings listed on the home page."),
    "PAGE_CACHE_SIZE": Setting(512, "Rendered briefing pages and their API JSON kept in memory (0 turns the cache off)."),
    "STATUS_POLL_SECONDS": Setting(5, "How often a briefing page checks, with JavaScript, whether its audio is ready."),
    "PUBLIC_BASE_URL": Setting(None, "Public address of the site, e.g. https://news.example.org (feeds need absolute URLs)."),
    "FEED_TITLE": Setting("Briefing", "Title of the podcast feed (/feed.xml)."),
    "FEED_DESCRIPTION": Setting(
        "News articles as short spoken briefings: the key points in plain language, each with its source.",
        "Description of the podcast feed.",
    ),
    "FEED_AUTHOR": Setting("Briefing", "Author of the podcast feed (itunes:author)."),
    "FEED_LANGUAGE": Setting("en", "Language of the podcast feed (RFC 5646 code)."),
    "FEED_CATEGORY": Setting("News/Daily News", "Apple Podcasts category of the feed, as Category/Subcategory."),
    "FEED_OWNER_EMAIL": Setting(None, "Contact address in the podcast feed (itunes:owner); Apple Podcasts uses it to verify the owner."),
    "FEED_EXPLICIT": Setting(False, "Mark the podcast feed as explicit (itunes:explicit true)."),
    "FEED_ITEMS": Setting(100, "Episodes listed in a podcast feed, newest first."),
    "DIGEST": Setting(False, "Make a daily digest episode of the previous day's briefings (UTC days), a chapter per story, soon after midnight."),
    "DIGEST_MAX_STORIES": Setting(12, "Most stories joined in one daily digest (the day's first ones)."),
    "FEEDS_REFRESH_MINUTES": Setting(0, "The server fetches the followed news feeds every N minutes (0: never; `briefing refresh` by hand)."),
    "SESSION_COOKIE_SECURE": Setting(False, "Send the session cookie over HTTPS only (turn on behind HTTPS)."),
    "API_RATE_LIMIT": Setting(120, "API requests each key may make per API_RATE_WINDOW seconds (a token bucket: bursts up to this many)."),
    "API_RATE_WINDOW": Setting(60.0, "Seconds in which API_RATE_LIMIT requests are allowed."),
    "API_PAGE_SIZE": Setting(20, "Briefings per page of GET /api/v1/briefings when the client gives no limit."),
    "API_RETENTION_DAYS": Setting(0, "Delete briefings made through the API, and their media, this many days after they were made (0: keep them); the workers check hourly."),
    "WEBHOOK_MAX_ATTEMPTS": Setting(6, "Times a webhook is sent before it is given up (the delay doubles from JOB_RETRY_SECONDS)."),
    "WEBHOOK_TIMEOUT": Setting(10.0, "Seconds a webhook receiver has to answer."),
}


def defaults() -> dict[str, Any]:
    """The default value of every setting."""
    return {name: s.default for name, s in SETTINGS.items()}


def from_environment(environ: os._Environ | dict[str, str] | None = None) -> dict[str, Any]:
    """Settings given as ``BRIEFING_WEB_<NAME>`` environment variables.

    >>> from_environment({"BRIEFING_WEB_JOB_WORKERS": "2", "BRIEFING_WEB_START_WORKERS": "no"})
    {'JOB_WORKERS': 2, 'START_WORKERS': False}
    """
    environ = os.environ if environ is None else environ
    found: dict[str, Any] = {}
    for name, setting in SETTINGS.items():
        raw = environ.get(f"BRIEFING_WEB_{name}")
        if raw is None:
            continue
        kind = type(setting.default)
        if kind is bool:
            found[name] = raw.strip().lower() in ("1", "true", "yes", "on")
        elif kind in (int, float):
            found[name] = kind(raw)
        elif setting.default is None or kind is str:
            found[name] = raw
    return found
