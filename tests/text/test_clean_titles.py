"""Cleaning fills empty metadata from the debris it removed, and derives a title when there is none."""

from __future__ import annotations

import pytest

from briefing.text.clean import MAX_TITLE, clean, derive_title
from briefing.models import Article


def test_clean_fills_empty_metadata_from_debris():
    article = Article(paragraphs=(
        "By . Tom Smith . PUBLISHED: . 12:53 EST, 4 January 2013 . | . UPDATED: . 13:07 EST, 4 January 2013 . "
        "A man was held.",
    ))
    cleaned = clean(article)
    assert cleaned.paragraphs == ("A man was held.",)
    assert (cleaned.byline, cleaned.published) == ("Tom Smith", "12:53 EST, 4 January 2013")
    assert clean(Article(paragraphs=("Tokyo (CNN)Police arrested a man.",))).site_name == "CNN"


def test_dateline_place_is_metadata_never_text():
    cleaned = clean(Article(paragraphs=("LOS ANGELES — The actor died on Monday.",)))
    assert (cleaned.paragraphs, cleaned.dateline) == (("The actor died on Monday.",), "LOS ANGELES")
    cleaned = clean(Article(paragraphs=("Tokyo (CNN)Police arrested a man.",)))
    assert (cleaned.paragraphs, cleaned.dateline, cleaned.site_name) == (("Police arrested a man.",), "Tokyo", "CNN")
    assert cleaned.to_dict()["dateline"] == "Tokyo"


def test_clean_keeps_existing_metadata_and_title():
    article = Article(paragraphs=("(CNN)Police arrested a man.",), title="Arrest", site_name="CNN International")
    cleaned = clean(article)
    assert (cleaned.title, cleaned.title_derived, cleaned.site_name) == ("Arrest", False, "CNN International")


LONG_LEADS = [
    "Elon Musk is reportedly due to fly into Israel next week for meeting with the country’s leaders and to visit massacre sites.",
    "And a White House spokesperson accused Musk of repeating “the hideous lie behind the most fatal act of antisemitism in American history”.",
    "Research from the Center for Countering Digital Hate (CCDH) found 200 posts on the platform which they deemed antisemitic.",
    '"We will fight on the beaches, we will fight on the landing grounds," the prime minister told a packed House of Commons.',
    "Supercalifragilisticexpialidocious-and-other-very-long-compound-words-without-any-spaces-at-all-for-testing purposes.",
]


@pytest.mark.parametrize("lead", LONG_LEADS)
def test_derived_title_rules(lead):
    title = derive_title(lead)
    assert len(title) <= MAX_TITLE
    assert title.endswith("…")
    body = title[:-1]
    if " " in body:
        assert lead.startswith(body) and lead[len(body)] == " "  # cut at a word boundary
    assert body[-1] not in ".,;:!?"
    assert body.count("“") == body.count("”") and body.count('"') % 2 == 0  # never inside a quotation


def test_short_lead_is_the_title_without_end_punctuation():
    assert derive_title("Musk lands in Israel.  More text follows here.") == "Musk lands in Israel"
    assert derive_title("Is Musk in Israel?") == "Is Musk in Israel"
