"""Extraction from plain text: paragraphs, wrapped lines, the headline, and the kinds of source."""

from __future__ import annotations

import pytest

from briefing.config import BriefingConfig
from briefing.errors import EmptyInputError
from briefing.text.extract import Source, extract, read_source, source_from_text, text_paragraphs
from test_extract_refusals import ENGLISH


CONFIG = BriefingConfig()


def test_lines_are_paragraphs():
    assert text_paragraphs("One.\nTwo.\n\n\nThree.\r\nFour.") == ("One.", "Two.", "Three.", "Four.")


def test_line_wrapped_mid_sentence_is_joined():
    long = "Israeli TV reports the world’s richest man is lining up a visit following the storm over anti-Semitic content."
    text = f"{long}\nReaction in Israel\nMusk will meet with President Isaac Herzog and\nthe prime minister on Monday."
    # A heading stays a paragraph (the next line is capitalised); a lowercase continuation is joined.
    assert text_paragraphs(text) == (
        long,
        "Reaction in Israel",
        "Musk will meet with President Isaac Herzog and the prime minister on Monday.",
    )


HARD_WRAPPED = """\
Elon Musk is reportedly due to fly into Israel next week for meeting with
the country's leaders and to visit massacre sites. Israeli TV reports the
world's richest man is lining up a visit following the storm surrounding
allegations of anti-Semitic content on X/Twitter.

The tech boss has come under fire over allegations he has failed to
tackle the spread of hate speech on the platform. Musk will meet with
President Isaac Herzog and Prime Minister Benjamin Netanyahu, reports TV
Channel N12 and The Jerusalem Post.
He said the visit was private.
"""


def test_hard_wrapped_text_is_unwrapped():
    paragraphs = text_paragraphs(HARD_WRAPPED)
    assert paragraphs[0].startswith("Elon Musk is reportedly") and paragraphs[0].endswith("on X/Twitter.")
    assert "reports TV Channel N12" in paragraphs[1]  # joined before a capital, at the margin
    assert paragraphs[1].endswith("The Jerusalem Post.")
    assert paragraphs[2] == "He said the visit was private."
    assert len(paragraphs) == 3


def test_short_sentence_lines_are_not_taken_for_wrapping():
    lines = ["Musk met Netanyahu on Monday.", "They discussed AI.", "Herzog was there too.",
             "No deal was signed.", "Musk left on Tuesday."]
    assert text_paragraphs("\n".join(lines)) == tuple(lines)


def test_plain_text_headline_becomes_the_title(tmp_path):
    text = f"Council approves new library\n{ENGLISH}\nThe vote was close."
    article = extract(source_from_text(text), CONFIG)
    assert article.title == "Council approves new library"
    assert article.paragraphs[0] == ENGLISH


def test_source_kinds():
    assert read_source("https://example.com/a", CONFIG) == Source("url", "https://example.com/a", "https://example.com/a")
    with pytest.raises(EmptyInputError):
        extract(Source("text", "  \n "), CONFIG)
