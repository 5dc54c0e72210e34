"""Making briefings: run the text pipeline, store the result, queue the audio.

Shared by the home page's form, ``briefing serve --brief-samples``, news feeds and the API.
A briefing made for an API key belongs to it (``key_id``); the others belong to no key.
The text pipeline runs in the request, so a bad article is reported on the form at once;
only speech synthesis goes to the job queue.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask

from briefing.errors import BriefingError
from briefing.text.extract import read_source

from .extensions import get_queue, get_store
from .pipeline import briefing_config
from .store import BriefingRecord

SAMPLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class Created:
    """The outcome of :func:`brief`: the stored briefing and whether it is new."""

    record: BriefingRecord
    created: bool


def new_id() -> str:
    """A short, unguessable, URL-safe briefing id (12 hex digits)."""
    return secrets.token_hex(6)


def input_hash(article: dict[str, Any], options: dict[str, Any]) -> str:
    """Same article and options, same hash: the same briefing is never made twice.

    >>> input_hash({"title": "A", "paragraphs": ["B."]}, {}) == input_hash({"paragraphs": ["B."], "title": "A"}, {})
    True
    """
    canonical = json.dumps({"article": article, "options": options}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def brief(app: Flask, source: Any, options: dict[str, Any] | None = None, key_id: str | None = None) -> Created:
    """Brief ``source`` (a :class:`briefing.text.extract.Source`) for the API key ``key_id``
    (None: for the site): summarise it now and queue its audio. An article the same owner
    briefed before (same text and options) is not made again; another owner's never counts.

    Raises :class:`briefing.errors.BriefingError` when the article cannot be briefed.
    """
    # Deferred: the text pipeline loads its language models (nltk, sumy, spaCy) on import.
    from briefing.pipeline import summarize

    options = dict(options or {})
    result = summarize(source, briefing_config(app, options))
    article = result.article.to_dict()
    digest = input_hash(article, options)
    store = get_store(app)
    existing = store.find_by_input(digest, key_id)
    if existing is not None:
        return Created(existing, False)
    briefing_id = new_id()
    with store.transaction():
        store.add_briefing(
            briefing_id,
            title=result.article.title or "Untitled article",
            source_url=result.article.source_url,
            source_kind=source.kind,
            source_name=source.name,
            input_hash=digest,
            options=options,
            article=article,
            briefing=result.to_dict(),
            key_id=key_id,
        )
        get_queue(app).enqueue("render", briefing_id=briefing_id)
    record = store.get_briefing(briefing_id)
    return Created(record, True)


def retry(app: Flask, record: BriefingRecord) -> bool:
    """Queue a failed briefing's audio again; False when it has not failed."""
    if record.status != "failed":
        return False
    get_queue(app).enqueue("render", briefing_id=record.id)
    return True


def brief_directory(app: Flask, folder: str | Path) -> list[tuple[Path, Created | Exception]]:
    """Brief every .txt and .html file in ``folder`` (skipping those briefed before);
    returns each file with its outcome, or the error that stopped it."""
    config = briefing_config(app)
    outcomes: list[tuple[Path, Created | Exception]] = []
    for path in sorted(Path(folder).iterdir()):
        if not path.is_file() or path.suffix.lower() not in SAMPLE_SUFFIXES:
            continue
        try:
            source = read_source(str(path), config)
            outcome = brief(app, source)
            # A sample whose audio failed before (say, the voice was missing) is tried again.
            if not outcome.created and retry(app, outcome.record):
                outcome = Created(get_store(app).get_briefing(outcome.record.id), False)
            outcomes.append((path, outcome))
        except BriefingError as exc:
            outcomes.append((path, exc))
    return outcomes
