"""Cleaners: data-driven cases from tests/data/clean_cases.json, the seed sample, titles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.text.clean import CLEANERS, MAX_TITLE, clean, clean_text, derive_title
from briefing.config import BriefingConfig
from briefing.text.extract import extract, read_source
from briefing.models import Article, Removal

SEED = Path(__file__).resolve().parents[1] / "samples" / "musk-israel-visit.txt"
CASES = json.loads((Path(__file__).parent / "data" / "clean_cases.json").read_text(encoding="utf-8"))


def _params() -> list:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        params.append(pytest.param(case, id=case["name"], marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_clean_case(case):
    text, removals = clean_text(case["input"])
    assert text == case["expected"]
    assert list(dict.fromkeys(r.cleaner for r in removals)) == case["cleaners"]


def test_cases_cover_every_cleaner():
    fired = {name for case in CASES if not case.get("xfail") for name in case["cleaners"]}
    assert fired == set(CLEANERS)


def test_registry_is_ordered_named_functions():
    assert list(CLEANERS)[0] == "whitespace"
    for name, cleaner in CLEANERS.items():
        text, changes = cleaner("Plain words.")
        assert (text, changes) == ("Plain words.", []), name
        assert cleaner.__doc__, name


def test_every_change_is_reported():
    text, removals = clean_text("Musk  arrived.\nShare this article\nELON Musk left.")
    assert removals == (
        Removal("whitespace", "  ", " "),
        Removal("boilerplate_lines", "Share this article", ""),
    )
    assert text == "Musk arrived.\nELON Musk left."


# ---------------------------------------------------------------------------------------
# The seed sample

SEED_DEBRIS = (
    "ReutersElon Musk, owner of X/Twitter is due to visit Israel next week[/caption]",
    "APMusk is set to meet with Israeli Prime Minister Benjamin Netanyahu[/caption]",
    "Handout/Israel’s GPOElon and Bibi previously met in September[/caption]",
    "Twitter/@metpoliceukMen appearing to wear Hamas-style headbands in an offensive act during a protest[/caption]",
    "Published: [#item_custom_pubDate]",
)


@pytest.fixture(scope="module")
def seed_article() -> Article:
    config = BriefingConfig()
    return clean(extract(read_source(str(SEED), config), config))


def test_seed_has_no_debris(seed_article):
    text = seed_article.text
    assert "[/caption]" not in text
    assert not re.search(r"\[#|\{\{|%%", text)
    for credit in ("Reuters", "Handout/Israel’s GPO", "Twitter/@metpoliceuk", "GPO"):
        assert credit not in text
    assert not re.search(r"\bAP\b|APMusk", text)
    assert "Published:" not in text


def test_seed_starts_with_fixed_lead(seed_article):
    assert seed_article.text.startswith("Elon Musk is reportedly")


def test_seed_keeps_every_real_sentence(seed_text, seed_article):
    real = [line for line in seed_text.split("\n") if line and line not in SEED_DEBRIS]
    real[0] = real[0].replace("ELON", "Elon", 1)
    # The issue speaks of 27; the sample holds 28 real lines, each one sentence.
    assert len(real) == 28
    assert list(seed_article.paragraphs) == real
    assert "He said: “Nothing could be further from the truth.”" in seed_article.paragraphs
    assert "Musk’s response read: “You have said the actual truth”." in seed_article.paragraphs
    assert "X/Twitter‘s handling" in seed_article.text  # the article's own (odd) quote mark stays


def test_seed_report_lists_each_removal(seed_article):
    removed = [(r.cleaner, r.removed) for r in seed_article.cleaning]
    assert removed == [("caption_remnants", line) for line in SEED_DEBRIS[:4]] + [
        ("placeholders", SEED_DEBRIS[4]),
        ("allcaps_lead", "ELON"),
    ]


def test_seed_title_is_derived(seed_article):
    assert seed_article.title_derived
    assert seed_article.title == "Elon Musk is reportedly due to fly into Israel next week for meeting…"


# ---------------------------------------------------------------------------------------
# Metadata and titles


def test_clean_fills_empty_metadata_from_debris():
    article = Article(paragraphs=(
        "By . Tom Smith . PUBLISHED: . 12:53 EST, 4 January 2013 . | . UPDATED: . 13:07 EST, 4 January 2013 . "
        "A man was held.",
    ))
    cleaned = clean(article)
    assert cleaned.paragraphs == ("A man was held.",)
    assert (cleaned.byline, cleaned.published) == ("Tom Smith", "12:53 EST, 4 January 2013")
    assert clean(Article(paragraphs=("Tokyo (CNN)Police arrested a man.",))).site_name == "CNN"


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
