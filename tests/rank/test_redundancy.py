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
    # Without the redundancy checks both would be chosen: they are the lead and the most central.
    assert {0, 1} <= {i for i, _ in BriefingRanker(redundancy=1.01, overlap=1.01)(sentences, none, 3)}
    assert not {0, 1} <= {i for i, _ in BriefingRanker()(sentences, none, 3)}
    _, points, _ = _run(article, points=3)
    assert not {0, 1} <= {p.sentence_ids[0] for p in points}


def test_a_point_that_restates_part_of_another_is_not_chosen_too():
    # Cosine misses it (the longer sentence's other words dilute it); the content-word
    # overlap does not: "accused" and "anti-Semitic" are half of the short one's words.
    article = _article(
        "The tech boss was caught up in an anti-Semitism storm after he was accused of endorsing a conspiracy theory.",
        "He has been accused of sharing anti-Semitic content himself.",
        "Advertisers including Apple and Disney pulled their adverts from the platform.",
        "The platform's chief executive said the company would keep working with advertisers.",
        "Musk will visit Israel next week to meet the country's leaders.",
        "He is expected to tour border towns with the prime minister.",
        "The visit was arranged by the president's office, officials said.",
    )
    _, points, _ = _run(article, points=3)
    chosen = {p.sentence_ids[0] for p in points}
    assert not {0, 1} <= chosen
