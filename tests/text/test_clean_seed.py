"""Cleaning the seed sample: every piece of debris goes, every real sentence stays, each removal is reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.text.clean import clean
from briefing.config import BriefingConfig
from briefing.text.extract import extract, read_source
from briefing.models import Article


SEED = Path(__file__).resolve().parents[2] / "samples" / "musk-israel-visit.txt"


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
