"""Points that inform: the accused side's answer kept, the headline never also a point."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rank_articles import article_of

from briefing.attribution.attribute import attribute_with_subjects
from briefing.config import BriefingConfig
from briefing.pipeline import summarize
from briefing.rank.balance import names, replies
from briefing.rank.rank import rank
from briefing.text.extract import read_source
from briefing.text.split import split
from conftest import SEED


def _points(article, **config):
    sentences = split(article)
    attributions, subjects = attribute_with_subjects(article, sentences)
    points, _ = rank(article, sentences, attributions, BriefingConfig(**config), subjects)
    return sentences, points


def test_the_seed_keeps_musks_answer_attributed_to_musk():
    config = BriefingConfig()
    briefing = summarize(read_source(str(SEED), config), config)
    answers = [p for p in briefing.key_points if "Nothing could be further from the truth" in p.original
               or "denied" in p.original]
    assert answers, [p.text for p in briefing.key_points]
    assert all(p.attribution is not None and "Musk" in p.attribution.source for p in answers)


ACCUSED = (
    "Harbourtown mayor Tom Ridley has been accused of spending council money on a holiday home.",
    "The council's auditors said receipts for 40,000 pounds were missing from the accounts.",
    "Opposition members called for an inquiry at a meeting on Tuesday night.",
    "The holiday home, on the coast near Portmere, was bought last spring.",
    "Local papers reported that builders had worked there for months.",
    "Residents of the town have signed a petition asking for new elections.",
    "The petition has gathered more than 3,000 names in a week.",
    "The town's finances have been under strain since the factory closed.",
    "Mayor Tom Ridley denied any wrongdoing and said every payment was lawful.",
    "The inquiry is expected to report in the spring.",
)


def test_an_accusation_point_brings_the_accused_sides_denial():
    article = article_of(*ACCUSED)
    sentences, points = _points(article, points=3)
    chosen = [p.sentence_ids[0] for p in points]
    assert 0 in chosen  # the accusation
    assert 8 in chosen, [p.text for p in points]  # the mayor's denial, in place of a weaker point
    denial = next(p for p in points if p.sentence_ids[0] == 8)
    assert denial.attribution is not None and "Ridley" in denial.attribution.source


def test_no_answer_is_added_when_no_one_named_answers():
    article = article_of(*ACCUSED[:8], "The inquiry is expected to report in the spring.")
    _, points = _points(article, points=3)
    assert all("denied" not in p.text for p in points)


def test_replies_needs_a_source_that_names_the_accused():
    sentences = split(article_of("Police accused Smith of fraud on Monday.", "Jones denied everything."))
    from briefing.models import Attribution

    jones = Attribution(source="Jones", cue="denied")
    assert replies([0], ["Police accused Smith of fraud on Monday."], [None], sentences, [None, jones]) == []
    smith = Attribution(source="Smith", cue="denied")
    assert replies([0], ["Police accused Smith of fraud on Monday."], [None], sentences, [None, smith]) == [(0, 1)]


@pytest.mark.parametrize("text, expected", [
    ("Police accused Smith of fraud.", {"police", "smith"}),
    ("The Prime Minister met Joe Biden on Monday.", {"joe", "biden"}),
])
def test_names(text, expected):
    assert names(text) == expected


def test_the_headline_is_never_also_a_point():
    body = (
        "UK lockdown to be eased from Monday",
        "The UK lockdown will be eased from Monday, the prime minister said after talks with scientists.",
        "Shops selling clothes and books will open again, and schools will follow in June.",
        "Scientists warned that cases could rise again if people stopped keeping apart.",
        "The government will publish its plan for the rest of the summer next week.",
        "Pubs and restaurants will have to wait until July at the earliest.",
        "The opposition said the plan came too late for many small businesses.",
    )
    article = replace(article_of(*body), title="UK lockdown to be eased from Monday")
    _, points = _points(article, points=3, ranker="lead")
    assert 0 not in [p.sentence_ids[0] for p in points]
    assert len(points) == 3
