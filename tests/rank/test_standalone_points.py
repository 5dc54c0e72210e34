"""Rank: points that stand on their own: a pronoun or description their attribution
resolved named, a running quotation's attribution carried over, the opening subject named
(real attribution over hand-built articles), quoted words never altered."""

from __future__ import annotations

import pytest
from rank_articles import article_of as _article

from briefing.attribution.attribute import attribute
from briefing.config import BriefingConfig
from briefing.models import Attribution
from briefing.rank.rank import rank
from briefing.rank.standalone import attribution_for
from briefing.text.split import split


def test_pronoun_is_named_and_quote_kept_verbatim():
    article = _article(
        "Elon Musk has denied claims that he endorsed an antisemitic conspiracy theory on X.",
        "He said: “Nothing could be further from the truth.”",
        "His response read: “You have said the actual truth”.",
    )
    sentences = split(article)
    he = sentences[1].span[0]
    his = sentences[2].span[0]
    attributions = (
        (),
        (Attribution("Elon Musk", "said", quote="Nothing could be further from the truth.", resolved_from="He",
                     source_span=(he, he + 2)),),
        (Attribution("Elon Musk", "read", quote="You have said the actual truth", resolved_from="His",
                     source_span=(his, his + 3)),),
    )
    points, _ = rank(article, sentences, attributions, BriefingConfig(ranker="lead", points=3))
    assert points[1].text == "Elon Musk said: “Nothing could be further from the truth.”"
    assert points[1].original == "He said: “Nothing could be further from the truth.”"
    assert points[1].attribution.source == "Elon Musk"
    assert points[2].text == "Elon Musk’s response read: “You have said the actual truth”."
    for p in points:
        for quote in ("Nothing could be further from the truth.", "You have said the actual truth"):
            if quote in p.original:
                assert f"“{quote}" in p.text and quote in article.text


def test_a_pronoun_inside_a_quotation_is_never_replaced():
    article = _article("“He is wrong about everything,” she said of the senator.")
    sentences = split(article)
    bad = Attribution("Jane Doe", "said", resolved_from="He", source_span=(1, 3))  # points into the quote
    points, _ = rank(article, sentences, ((bad,),), BriefingConfig())
    assert points[0].text == article.text


def test_running_quotation_carries_the_attribution_over():
    article = _article(
        "The mayor spoke to reporters outside the town hall on Monday.",
        "Mayor Jane Doe said: “We will rebuild the bridge this year. It will cost less than people think.”",
        "Work starts in May.",
    )
    sentences = split(article)
    said = Attribution("Jane Doe", "said", quote="We will rebuild the bridge this year.")
    attributions = ((), (said,), (), ())
    assert len(sentences) == 4
    carried = attribution_for(2, sentences, attributions)
    assert carried is not None and carried.source == "Jane Doe" and carried.carried_over
    assert carried.source_span is None
    assert attribution_for(3, sentences, attributions) is None
    points, _ = rank(article, sentences, attributions, BriefingConfig(ranker="lead", points=4))
    assert points[2].attribution == carried and points[2].text == points[2].original


# ---------------------------------------------------------------------------------------
# Opening subjects named (real attribution over hand-built articles)


def _points(*paragraphs: str, points: int | None = None):
    article = _article(*paragraphs)
    sentences = split(article)
    attributions = attribute(article, sentences)
    chosen, _ = rank(article, sentences, attributions, BriefingConfig(ranker="lead", points=points or len(sentences)))
    return sentences, chosen


def test_opening_pronoun_after_and_is_named_and_and_dropped():
    sentences, points = _points(
        "Elon Musk visited Israel on Monday.",
        "And he has been accused of sharing anti-Semitic content himself.",
        "The visit lasted three hours.",
    )
    assert points[1].text == "Elon Musk has been accused of sharing anti-Semitic content himself."
    assert points[1].original == sentences[1].text
    assert points[1].attribution is None


def test_opening_description_is_named_but_one_with_a_number_is_kept():
    _, points = _points(
        "Tech boss Elon Musk visited Israel on Monday.",
        "The tech boss has come under fire over hate speech on X.",
        "The 52-year-old toured a kibbutz.",
    )
    assert points[1].text == "Elon Musk has come under fire over hate speech on X."
    assert points[2].text == "The 52-year-old toured a kibbutz."


def test_but_is_kept_and_possessive_subject_named():
    _, points = _points(
        "Chancellor Angela Merkel visited Paris on Monday.",
        "But she left before the dinner.",
        "Her visit lasted three hours.",
    )
    assert points[1].text == "But Angela Merkel left before the dinner."
    assert points[2].text == "Angela Merkel’s visit lasted three hours."


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Elon Musk met Benjamin Netanyahu in Jerusalem.", "He toured the old city afterwards.", "It was hot."),
        ("The storm hit the coast on Monday.", "It destroyed hundreds of homes.", "Roads were closed."),
        ("Elon Musk visited Israel.", "“He is wrong about the platform,” a critic said.", "It was hot."),
    ],
    ids=["two-people", "it-without-organisation", "inside-quotation"],
)
def test_unsure_or_quoted_subjects_stay_as_written(paragraphs):
    sentences, points = _points(*paragraphs)
    assert [p.text for p in points] == [s.text for s in sentences]


def test_an_attribution_that_names_the_subject_is_not_named_twice():
    _, points = _points(
        "Elon Musk has denied claims that he endorsed a conspiracy theory on X.",
        "He said: “Nothing could be further from the truth.”",
        "The visit lasted three hours.",
    )
    assert points[1].text == "Elon Musk said: “Nothing could be further from the truth.”"
    assert points[1].attribution.resolved_from == "He"
