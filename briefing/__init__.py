"""Briefing: turn a news article into attributed key points, plain language and audio.

The public API is small: :func:`summarize` runs the text pipeline on a
:class:`Source`, and :class:`BriefingConfig` holds every setting.
"""

from ._imports import import_nltk

import_nltk()  # before anything imports nltk or sumy: see briefing._imports

from .config import BriefingConfig  # noqa: E402 (after the import above, on purpose)
from .errors import BriefingError
from .text.extract import Source, read_source
from .models import Article, Attribution, Briefing, KeyPoint, Sentence
from .pipeline import summarize, summarize_article

__all__ = [
    "Article",
    "Attribution",
    "Briefing",
    "BriefingConfig",
    "BriefingError",
    "KeyPoint",
    "Sentence",
    "Source",
    "read_source",
    "summarize",
    "summarize_article",
]
