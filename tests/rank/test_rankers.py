"""Rank: every ranker of the registry, and the stage around it. Real sumy and nltk
throughout."""

from __future__ import annotations

import pytest
from rank_articles import article_of as _article
from rank_articles import run as _run
from rank_articles import seed_article_of, seed_lines_of

from briefing.config import BriefingConfig
from briefing.errors import ConfigError
from briefing.models import Article
from briefing.rank.count import point_count
from briefing.rank.rank import rank
from briefing.rank.registry import RANKERS


@pytest.fixture(scope="module")
def seed_article(seed_text) -> Article:
    """The seed sample as the cleaner will leave it: captions and the placeholder dropped."""
    return seed_article_of(seed_lines_of(seed_text))


@pytest.mark.parametrize("name", sorted(RANKERS))
def test_every_ranker_returns_valid_points_in_article_order(seed_article, name):
    sentences, points, notes = _run(seed_article, ranker=name)
    ids = [p.sentence_ids[0] for p in points]
    assert ids == sorted(set(ids))
    assert all(0 <= i < len(sentences) for i in ids)
    assert len(points) == point_count(len(sentences))
    text = seed_article.text
    for p in points:
        (start, end), = p.spans
        assert text[start:end] == p.original == sentences[p.sentence_ids[0]].text
        assert 0.0 <= p.score <= 1.0
    assert notes == ()


def test_unknown_ranker_is_a_config_error(seed_article):
    with pytest.raises(ConfigError, match="choose one of"):
        _run(seed_article, ranker="nope")


@pytest.mark.parametrize("name", sorted(RANKERS))
def test_every_ranker_copes_with_no_content_words(name):
    _, points, _ = _run(_article("It is what it is.", "And so it was.", "He was there.", "Was it?"), ranker=name)
    assert [p.sentence_ids[0] for p in points] == [0, 1, 2]


def test_the_pipeline_runs_with_one_blas_thread(seed_article, monkeypatch):
    # OpenBLAS's extra threads only spin on matrices this small: bench rouge measured 18
    # against 34 articles per CPU second. The pipeline holds BLAS to one thread while it runs.
    from threadpoolctl import threadpool_info

    from briefing import pipeline

    seen = []

    def spy(*args, **kwargs):
        seen.append([lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"])
        return rank(*args, **kwargs)

    monkeypatch.setattr(pipeline, "rank", spy)
    briefing = pipeline.summarize_article(seed_article, BriefingConfig())
    assert briefing.key_points and seen and all(n == 1 for n in seen[0])
