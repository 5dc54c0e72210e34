"""Rank: no two key points say the same."""

from __future__ import annotations

from rank_articles import article_of as _article
from rank_articles import run as _run

from briefing.rank.default import BriefingRanker
from briefing.text.split import split


def test_near_identical_sentences_are_never_both_chosen():
    article = _article(
        "The city council approved the new budget for the schools on Monday night.",
        "The city council approved the new budget for the schools on Monday evening.",
        "The budget gives the schools more teachers and smaller classes from September.",
        "Parents had asked the council for more teachers for two years.",
        "The mayor said the schools budget was the largest in the city's history.",
        "Opponents on the council said the budget would raise local taxes.",
        "The council will vote on the rest of the city budget next month.",
    )
    sentences = split(article)
    none = tuple(() for _ in sentences)
    # Without the redundancy check both would be chosen: they are the lead and the most central.
    assert {0, 1} <= {i for i, _ in BriefingRanker(redundancy=1.01)(sentences, none, 3)}
    assert not {0, 1} <= {i for i, _ in BriefingRanker()(sentences, none, 3)}
    _, points, _ = _run(article, points=3)
    assert not {0, 1} <= {p.sentence_ids[0] for p in points}
