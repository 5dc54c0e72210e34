"""Rank: how many key points an article gets."""

from __future__ import annotations

import pytest
from rank_articles import article_of as _article
from rank_articles import run as _run
from rank_articles import seed_article_of, seed_lines_of

from briefing.models import Article
from briefing.rank.count import point_count


@pytest.fixture(scope="module")
def seed_article(seed_text) -> Article:
    """The seed sample as the cleaner will leave it: captions and the placeholder dropped."""
    return seed_article_of(seed_lines_of(seed_text))


def test_point_count_rule():
    assert point_count(8) == 3
    assert point_count(12) == 3
    assert point_count(29) == 6
    assert point_count(500) == 7
    assert point_count(29, requested=6) == 6
    assert point_count(4, requested=6) == 4


def test_config_points_is_honoured(seed_article):
    for n in (1, 3, 7):
        _, points, _ = _run(seed_article, points=n)
        assert len(points) == n


def test_short_article_comes_back_whole_with_a_note():
    article = _article("Musk visited Israel on Monday. He met the prime minister.")
    sentences, points, notes = _run(article)
    assert [p.sentence_ids for p in points] == [(0,), (1,)]
    assert len(sentences) == 2 and notes and "whole" in notes[0]
    _, points, notes = _run(_article("One sentence only."))
    assert len(points) == 1 and notes
