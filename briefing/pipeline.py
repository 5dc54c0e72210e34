"""The one place that lists the stages in order."""

from __future__ import annotations

from threadpoolctl import threadpool_limits

from .attribution.attribute import attribute_with_subjects
from .text.clean import clean
from .config import BriefingConfig
from .text.extract import Source, extract
from .models import Briefing
from .rank.rank import rank
from .plain.simplify import simplify
from .text.split import split


def limit_blas_threads() -> None:
    """Hold BLAS to one thread for the whole process; entry points call it once at start.

    The pipeline's matrices (a few dozen sentences) are far too small to share out, and
    OpenBLAS's extra threads spin on the other core while they wait: `bench rouge` measured
    18 articles per CPU second and 23 per second with them, and 34 and 34 without, with the
    same key points. It is set once per process (switching it around each article cost a
    fifth of that gain in system time), by the command line, the server and the benchmarks,
    never by importing this module: a program that embeds the library keeps its own setting.
    """
    threadpool_limits(limits=1, user_api="blas")


def summarize(source: Source, config: BriefingConfig | None = None) -> Briefing:
    """Run the text half of the pipeline: extract, clean, split, attribute, rank, simplify.

    ``source`` is a :class:`briefing.text.extract.Source` (text, HTML or URL, see
    :func:`briefing.text.extract.read_source`). Raises :class:`briefing.errors.BriefingError`
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
