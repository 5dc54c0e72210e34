"""Attribution: the invariants every attribution keeps (spans into the article text, one
tuple per sentence, the sentence's own attribution first)."""

from __future__ import annotations

import pytest
from attribution_articles import attribute_all as _all
from attribution_articles import seed_article_from

from briefing.attribution.attribute import attribute
from briefing.models import Article


@pytest.fixture(scope="module")
def seed_article(seed_text: str) -> Article:
    """The seed article without what the cleaner removes (caption lines, a placeholder)."""
    return seed_article_from(seed_text)


def test_one_tuple_per_sentence(seed_article):
    sentences, attributions = _all(seed_article)
    assert len(attributions) == len(sentences)
    assert all(isinstance(a, tuple) for a in attributions)


def test_no_sentences_no_attributions():
    assert attribute(Article(paragraphs=()), ()) == ()


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(None, id="seed"),
        pytest.param(
            (
                "“We lost. We will be back,” said Ann Lee, a spokeswoman for the party.",
                "She added: “Nobody expected it.”",
                "“Nobody.”",
                "The figures were reported by the BBC, according to officials, who said they were final.",
            ),
            id="quotes",
        ),
    ],
)
def test_spans_point_into_the_article(paragraphs, seed_article):
    article = seed_article if paragraphs is None else Article(paragraphs=paragraphs)
    sentences, attributions = _all(article)
    text = article.text
    for sentence, attrs in zip(sentences, attributions):
        for a in attrs:
            if a.quote is not None:
                assert a.quote in text
            if a.carried_over:
                assert a.source_span is None and a.cue_span is None
                continue
            start, end = a.source_span
            words = text[start:end]
            assert sentence.span[0] <= start < end <= sentence.span[1]
            if a.resolved_from and a.resolved_from.lower() in ("who", "which", "that"):
                # a relative's source span is its antecedent, which already names it
                assert text[a.source_span[1] :].lstrip(" ,—–-").startswith(a.resolved_from)
            elif a.resolved_from:
                assert words == a.resolved_from
            else:
                # the fullest form of a name ("Elon Musk" for "Musk's response") keeps its last word
                assert a.source.split()[-1].strip("()") in words
            assert text[a.cue_span[0] : a.cue_span[1]] == a.cue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“I told them no,” Ann Lee said, adding that it was final.",
            [("Ann Lee", "said"), ("Ann Lee", "adding")],
        ),
        ("He wanted an end to the drills, police said.", [("police", "said"), ("He", "wanted")]),
        (
            "Smith said the plan, which Jones proposed, would fail, adding that it was late.",
            [("Smith", "said"), ("Jones", "proposed"), ("Smith", "adding")],
        ),
    ],
)
def test_the_sentence_attribution_comes_first(text, expected):
    _, attributions = _all(Article(paragraphs=(text,)))
    assert [(a.source, a.cue) for a in attributions[0]] == expected


def test_same_result_twice(seed_article):
    assert _all(seed_article)[1] == _all(seed_article)[1]
