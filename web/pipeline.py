"""The library's text pipeline as this app runs it: the BriefingConfig of the app's
``BRIEFING`` settings and a briefing's options, and stored articles rebuilt and briefed
again (the text pipeline is deterministic, so a stored article gives the same briefing)."""

from __future__ import annotations

from typing import Any

from flask import Flask

from briefing.config import BriefingConfig
from briefing.models import Article, Briefing, Removal

from .store import BriefingRecord, Store


def briefing_config(app: Flask, options: dict[str, Any] | None = None) -> BriefingConfig:
    """The pipeline's BriefingConfig: the app's ``BRIEFING`` settings plus a briefing's options."""
    values = dict(app.config.get("BRIEFING") or {})
    values.update(options or {})
    values.pop("voice", None)  # a rendering option, not a pipeline one
    if isinstance(values.get("allowed_hosts"), list):
        values["allowed_hosts"] = tuple(values["allowed_hosts"])
    return BriefingConfig(**values)


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an :class:`briefing.models.Article` from ``Article.to_dict()``."""
    fields = dict(data)
    fields["paragraphs"] = tuple(fields.get("paragraphs") or ())
    fields["cleaning"] = tuple(Removal(**r) for r in fields.get("cleaning") or ())
    known = set(Article.__dataclass_fields__)
    return Article(**{k: v for k, v in fields.items() if k in known})


def remake_briefing(app: Flask, store: Store, record: BriefingRecord) -> Briefing:
    """The briefing of a stored record, made again from its stored article and options."""
    # Deferred: the text pipeline loads its language models (nltk, sumy, spaCy) on import.
    from briefing.pipeline import summarize_article

    article = article_from_dict(store.get_article(record.id) or {})
    return summarize_article(article, briefing_config(app, record.options))
