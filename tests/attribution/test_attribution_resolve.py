"""Attribution: descriptions resolved to the organisation they name, and not guessed when
they say what kind of organisation it is."""

from __future__ import annotations

from attribution_articles import attribute_all as _all

from briefing.models import Article


def test_a_described_group_is_not_guessed_to_be_the_last_organisation_named():
    """'The militant group' is Boko Haram, not the think tank quoted just before it."""
    article = Article(paragraphs=(
        "Boko Haram has killed thousands in Nigeria, according to a report by Chatham House.",
        "The militant group has purportedly pledged allegiance to ISIS and says its aim is to impose Sharia law.",
    ))
    sentences, attributions = _all(article)
    sources = [a.source for a in attributions[1]]
    assert "Chatham House" not in sources


def test_a_bare_description_still_names_the_organisation():
    article = Article(paragraphs=(
        "Shares in Acme Corp rose on Monday after strong results.",
        "The company said sales were up 20% on last year.",
    ))
    sentences, attributions = _all(article)
    assert [a.source for a in attributions[1]] == ["Acme Corp"]
