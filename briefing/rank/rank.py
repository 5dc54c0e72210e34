"""Rank: choose an article's key points and make each one stand on its own.

:func:`rank` is the pipeline stage: it picks the ranker named by the config from
:data:`~briefing.rank.registry.RANKERS` (:mod:`~briefing.rank.ranker` says what a
ranker is), asks it for the number of points :func:`~briefing.rank.count.point_count`
gives, and makes each point stand on its own (:mod:`~briefing.rank.standalone`).
"""

from __future__ import annotations

from typing import Sequence

from ..attribution.attribute import resolve_subjects
from ..attribution.subjects import SubjectResolution
from ..config import BriefingConfig
from ..errors import ConfigError
from ..models import Article, Attribution, KeyPoint, Sentence
from .count import MIN_POINTS, point_count
from .penalties import is_debris
from .ranker import Attributions, Ranked, Ranker
from .registry import RANKERS
from .standalone import apostrophe_of, attribution_for, name_source, name_subject, source_overlaps


def rank(article: Article, sentences: tuple[Sentence, ...], attributions: tuple[tuple[Attribution, ...], ...],
         config: BriefingConfig, subjects: Sequence[SubjectResolution | None] | None = None,
         ) -> tuple[tuple[KeyPoint, ...], tuple[str, ...]]:
    """The key points of ``article`` in article order, and notes about the choice.

    ``config.ranker`` picks the ranker from :data:`RANKERS`; ``config.points`` the number
    of points (default: :func:`point_count`). An article of fewer than 3 sentences comes
    back whole. Each point carries its sentence's attribution (or the one a running
    quotation carries over) and names its source where the sentence used a pronoun.
    A point whose attribution does not already name it names its opening subject, when
    that is a pronoun or description :func:`briefing.attribution.attribute.resolve_subjects`
    resolved (see :func:`name_subject`); ``original`` keeps the sentence as written.
    ``subjects`` are those resolutions when the caller has them already
    (:func:`briefing.attribution.attribute.attribute_with_subjects`).
    """
    ranker = _ranker(config.ranker)
    if not sentences:
        return (), ("The article has no sentences to rank.",)
    chosen, notes = _choose(ranker, sentences, attributions, config.points)
    apostrophe = apostrophe_of(article.text)
    if subjects is None:
        subjects = resolve_subjects(article, sentences)
    points = [_point(i, score, sentences, attributions, subjects, apostrophe) for i, score in chosen]
    return tuple(points), tuple(notes)


def _ranker(name: str) -> Ranker:
    """The ranker registered as ``name``."""
    try:
        return RANKERS[name]
    except KeyError:
        raise ConfigError(
            f"Unknown ranker {name!r}: choose one of {', '.join(sorted(RANKERS))}."
        ) from None


def _choose(
    ranker: Ranker, sentences: tuple[Sentence, ...], attributions: Attributions, points: int | None
) -> tuple[Ranked, list[str]]:
    """The sentences chosen as points, with their scores, and notes about the choice."""
    notes: list[str] = []
    if len(sentences) < MIN_POINTS:
        chosen: Ranked = tuple((s.index, 1.0) for s in sentences)
        notes.append(
            f"The article has only {len(sentences)} sentence{'s' if len(sentences) > 1 else ''}, "
            "so it is given whole."
        )
    else:
        # Debris the cleaner missed (bylines, captions) must not earn the article more points.
        real = sum(1 for s in sentences if not is_debris(s.text))
        count = point_count(max(real, MIN_POINTS), points)
        if points is not None and points > len(sentences):
            notes.append(f"The article has only {len(sentences)} sentences, so it is given whole.")
        chosen = ranker(sentences, attributions, count)
    return chosen, notes


def _point(
    i: int,
    score: float,
    sentences: tuple[Sentence, ...],
    attributions: Attributions,
    subjects: Sequence[SubjectResolution | None],
    apostrophe: str,
) -> KeyPoint:
    """The key point made of sentence ``i``: its attribution, and its source or opening
    subject named where the sentence used a pronoun or description."""
    sentence = sentences[i]
    attribution = attribution_for(i, sentences, attributions)
    text = name_source(sentence.text, sentence.span[0], attribution, sentence.quote_spans, apostrophe)
    subject = subjects[i] if i < len(subjects) else None
    if text == sentence.text and subject is not None and not source_overlaps(attribution, subject.span):
        text = name_subject(text, sentence.span[0], subject, sentence.quote_spans, apostrophe)
    return KeyPoint(
        sentence_ids=(i,),
        text=text,
        original=sentence.text,
        spans=(sentence.span,),
        score=score,
        attribution=attribution,
    )
