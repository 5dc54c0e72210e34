"""Rank: the default ranker's penalties (debris, questions, fragments, quotations without a
speaker). Real sumy and nltk throughout."""

from __future__ import annotations

import pytest
from rank_articles import article_of as _article
from rank_articles import run as _run
from rank_articles import seed_article_of, seed_lines_of

from briefing.models import Article, Attribution
from briefing.rank.default import BriefingRanker
from briefing.text.split import split


@pytest.fixture(scope="module")
def seed_lines(seed_text):
    return seed_lines_of(seed_text)


@pytest.fixture(scope="module")
def seed_article(seed_lines) -> Article:
    """The seed sample as the cleaner will leave it: captions and the placeholder dropped."""
    return seed_article_of(seed_lines)


def test_default_ranker_on_seed_gives_four_to_six_points_and_no_caption(seed_article, seed_lines):
    _, points, _ = _run(seed_article)
    assert 4 <= len(points) <= 6
    captions = [line for line in seed_lines if line.endswith("[/caption]")]
    assert not any(p.original in captions for p in points)


def test_default_ranker_never_picks_captions_or_placeholders_left_in(seed_lines):
    # Even when nothing cleaned the text, debris is all but excluded.
    _, points, _ = _run(_article(*seed_lines))
    for p in points:
        assert "[/caption]" not in p.text and "[#item" not in p.text


def test_quote_with_unknown_speaker_scores_lower_than_an_attributed_one():
    article = _article(
        "Flooding closed the main road into the town of Hebden Bridge on Tuesday.",
        "“The water came up faster than anyone expected and we lost everything in the shop,” a resident said.",
        "“The water came up faster than anyone expected and we lost everything in the whole shop.”",
        "Engineers expect the road to reopen on Friday after the water drops.",
    )
    sentences = split(article)
    ranker = BriefingRanker()
    without = tuple(() for _ in sentences)
    with_speaker = ((), (), (Attribution("a resident", "said"),), ())
    unknown, _ = ranker.scores(sentences, without)
    known, _ = ranker.scores(sentences, with_speaker)
    assert unknown[2] < known[2]


def test_questions_and_fragments_are_penalised():
    ranker = BriefingRanker()
    article = _article(
        "Storms closed schools across the county of Devon on Tuesday morning.",
        "Storms closed schools across the county of Devon on Tuesday?",
        "Storms in Devon.",
        "Storms also closed schools across the county of Cornwall on Tuesday.",
    )
    sentences = split(article)
    scores, _ = ranker.scores(sentences, tuple(() for _ in sentences))
    assert scores[1] < scores[3] and scores[2] < scores[3]


def test_byline_debris_before_the_lead_changes_nothing(seed_article):
    # Daily Mail pages scraped as text start with a byline and timestamps.
    debris = ("By . Daily Mail Reporter .", "PUBLISHED: . 10:21 EST, 24 November 2023 . | . UPDATED: .")
    plain = [p.original for p in _run(seed_article)[1]]
    with_byline = [p.original for p in _run(_article(*debris, *seed_article.paragraphs))[1]]
    assert with_byline == plain
