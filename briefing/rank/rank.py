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
from .penalties import echoes_title, is_debris
from .balance import ACCUSATION, replies
from .ranker import Attributions, Ranked, Ranker, normalise, stop_words
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
    echoes = _title_echoes(article, sentences)
    chosen, notes = _choose(ranker, sentences, attributions, config.points, echoes)
    apostrophe = apostrophe_of(article.text)
    if subjects is None:
        subjects = resolve_subjects(article, sentences)
    points: list[KeyPoint] = []
    for i, score in chosen:
        previous = points[-1].original if points else ""
        points.append(_point(i, score, sentences, attributions, subjects, apostrophe, previous))
    if getattr(ranker, "answers_accusations", False) and len(points) >= MIN_POINTS:
        points = _with_replies(ranker, points, sentences, attributions, subjects, apostrophe)
    return tuple(points), tuple(notes)


def _with_replies(
    ranker: Ranker,
    points: list[KeyPoint],
    sentences: tuple[Sentence, ...],
    attributions: Attributions,
    subjects: Sequence[SubjectResolution | None],
    apostrophe: str,
) -> list[KeyPoint]:
    """``points`` with the accused side's answer in place of the weakest point that is
    neither the lead, an accusation nor an answer (:mod:`~briefing.rank.balance`)."""
    chosen = [p.sentence_ids[0] for p in points]
    names = [subjects[i].name if i < len(subjects) and subjects[i] is not None else None for i in chosen]
    each = [attribution_for(j, sentences, attributions) for j in range(len(sentences))]
    pairs = replies(chosen, [p.text for p in points], names, sentences, each)
    if not pairs:
        return points
    normalised = normalise(ranker.scores(sentences, attributions)[0])
    keep = {chosen[0]} | {i for pair in pairs for i in pair}
    for _, answer in pairs:
        spare = [k for k, p in enumerate(points) if p.sentence_ids[0] not in keep]
        if not spare:
            break
        # The weakest by score, an accusation only when nothing else is left to give way.
        weakest = min(spare, key=lambda k: (bool(ACCUSATION.search(points[k].text)), points[k].score))
        points[weakest] = _point(answer, normalised[answer], sentences, attributions, subjects, apostrophe)
        keep.add(answer)
    return sorted(points, key=lambda p: p.sentence_ids[0])


def _ranker(name: str) -> Ranker:
    """The ranker registered as ``name``."""
    try:
        return RANKERS[name]
    except KeyError:
        raise ConfigError(
            f"Unknown ranker {name!r}: choose one of {', '.join(sorted(RANKERS))}."
        ) from None


def _title_echoes(article: Article, sentences: tuple[Sentence, ...]) -> frozenset[int]:
    """The sentences that repeat the article's headline, which is never also a point. A
    title derived from the lead sentence (plain text without a headline) is no headline."""
    if not article.title or article.title_derived:
        return frozenset()
    stop = stop_words()
    return frozenset(s.index for s in sentences if echoes_title(s.text, article.title, stop))


def _choose(
    ranker: Ranker, sentences: tuple[Sentence, ...], attributions: Attributions, points: int | None,
    echoes: frozenset[int] = frozenset(),
) -> tuple[Ranked, list[str]]:
    """The sentences chosen as points, with their scores, and notes about the choice
    (never one of ``echoes``, the sentences that repeat the headline)."""
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
        chosen = ranker(sentences, attributions, count + len(echoes))
        if echoes:
            kept = [pair for pair in chosen if pair[0] not in echoes]
            best = sorted(kept, key=lambda pair: (-pair[1], pair[0]))[:count]
            chosen = tuple(sorted(best))
    return chosen, notes


def _point(
    i: int,
    score: float,
    sentences: tuple[Sentence, ...],
    attributions: Attributions,
    subjects: Sequence[SubjectResolution | None],
    apostrophe: str,
    previous: str = "",
) -> KeyPoint:
    """The key point made of sentence ``i``: its attribution, and its source or opening
    subject named where the sentence used a pronoun or description."""
    sentence = sentences[i]
    attribution = attribution_for(i, sentences, attributions)
    text = name_source(sentence.text, sentence.span[0], attribution, sentence.quote_spans, apostrophe,
                       previous)
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
