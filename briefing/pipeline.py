"""The one place that lists the stages in order."""

from __future__ import annotations

from .attribute import attribute_with_subjects
from .clean import clean
from .config import BriefingConfig
from .extract import Source, extract
from .models import Briefing
from .rank import rank
from .simplify import simplify
from .split import split


def summarize(source: Source, config: BriefingConfig | None = None) -> Briefing:
    """Run the text half of the pipeline: extract, clean, split, attribute, rank, simplify.

    ``source`` is a :class:`briefing.extract.Source` (text, HTML or URL, see
    :func:`briefing.extract.read_source`). Raises :class:`briefing.errors.BriefingError`
    subclasses for bad input, with a message that says what to do.
    """
    config = config or BriefingConfig()
    article = clean(extract(source, config))
    return summarize_article(article, config)


def summarize_article(article, config: BriefingConfig | None = None) -> Briefing:
    """Split, attribute, rank and simplify an already extracted and cleaned :class:`Article`."""
    config = config or BriefingConfig()
    sentences = split(article)
    attributions, subjects = attribute_with_subjects(article, sentences)
    key_points, notes = rank(article, sentences, attributions, config, subjects)
    briefing = Briefing(
        article=article,
        sentences=sentences,
        attributions=attributions,
        key_points=key_points,
        ranker=config.ranker,
        notes=notes,
    )
    # Each key point gets a plain version that passed the faithfulness check.
    return simplify(briefing, config)
