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


def test_the_command_line_runs_the_pipeline_with_one_blas_thread(seed_text, tmp_path, capsys):
    # OpenBLAS's extra threads only spin on matrices this small: bench rouge measured 18
    # against 34 articles per CPU second. The entry points (here the command line) hold BLAS
    # to one thread; importing the pipeline does not (tests/test_house.py).
    from threadpoolctl import threadpool_info

    from briefing import cli

    article = tmp_path / "seed.txt"
    article.write_text(seed_text, encoding="utf-8")
    assert cli.main(["summarize", str(article)]) == 0
    assert "1." in capsys.readouterr().out
    assert all(lib["num_threads"] == 1 for lib in threadpool_info() if lib["user_api"] == "blas")
