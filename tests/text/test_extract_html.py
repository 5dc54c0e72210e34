"""Extraction from HTML: the main text and metadata, hostile markup, fragments, derived titles."""

from __future__ import annotations

from pathlib import Path

from briefing.text.clean import clean
from briefing.config import BriefingConfig
from briefing.text.extract import extract, read_source, source_from_text
from test_extract_refusals import ENGLISH


DATA = Path(__file__).parents[1] / "data"


CONFIG = BriefingConfig()


def test_html_article_and_metadata():
    source = read_source(str(DATA / "article.html"), CONFIG)
    assert source.kind == "html"
    article = extract(source, CONFIG)
    assert article.title == "Musk to visit Israel after anti-Semitism row"
    assert article.byline == "Jane Smith"
    assert article.published == "2023-11-24"
    assert article.site_name == "The Daily Example"
    assert article.source_url == "https://news.example.com/world/musk-israel-visit"
    assert article.paragraphs[0].startswith("Elon Musk is reportedly due")
    assert "He said: “Nothing could be further from the truth.”" in article.paragraphs
    assert len(article.paragraphs) == 5  # paragraph structure kept; nav, caption, aside, footer gone
    text = article.text
    for furniture in ("Home", "Most read", "All rights reserved", "dataLayer", "font-family"):
        assert furniture not in text


def test_hostile_html_yields_only_text():
    article = extract(read_source(str(DATA / "hostile.html"), CONFIG), CONFIG)
    text = " ".join([article.title, *article.paragraphs])
    assert article.paragraphs[0].startswith("The city council approved plans")
    assert "Residents who opposed the plan" in text
    for bad in ("<", ">", "script", "alert", "onerror", "onload", "javascript:", "INJECTED", "evil.example",
                "document.cookie", "NOSCRIPT", "color: red"):
        assert bad not in text, bad


def test_html_fragment_and_batch_text_are_recognised():
    fragment = "<p>" + ENGLISH.replace(". ", ".</p><p>") + "</p>"
    source = source_from_text(fragment)
    assert source.kind == "html"
    assert len(extract(source, CONFIG).paragraphs) == 3
    assert source_from_text("Prices rose 5% <b>today</b>, traders said.").kind == "text"


def test_html_without_title_gets_a_derived_one():
    article = clean(extract(source_from_text(f"<html><body><p>{ENGLISH}</p></body></html>"), CONFIG))
    assert article.title_derived
    assert article.title.startswith("The city council approved plans")
