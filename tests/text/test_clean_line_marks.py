"""Plain text in the CNN/Daily Mail format, where the page's line breaks survive as ' . ':
the header goes to the metadata, wrapped lines are joined, captions and teasers go, and
every sentence of the story stays.
"""

from __future__ import annotations

from briefing.config import BriefingConfig
from briefing.text.clean import clean
from briefing.text.extract import extract, source_from_text

STORY = (
    "By . Jane Doe . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . "
    "Two lawyers representing a woman who . claims she was defamed have filed a counter-defamation . lawsuit "
    "against the newspaper. Former judge Paul Cassell and . Bradley Edwards filed the lawsuit in a Florida court. "
    "Heads up: Paul Cassell (left) and Bradley Edwards leave the court in Miami . "
    "VIDEO Lawyers speak outside court . "
    "The newspaper said it would fight the case. Its editor was barely recognisable (pictured) "
    "The case will be heard next year, a court official said."
)


def test_daily_mail_format_is_cleaned():
    article = clean(extract(source_from_text(STORY), BriefingConfig()))
    text = article.text
    assert article.byline == "Jane Doe"
    assert article.published == "14:11 EST, 25 October 2013"
    assert text.startswith("Two lawyers representing a woman who claims she was defamed have filed a "
                           "counter-defamation lawsuit against the newspaper.")
    assert "Former judge Paul Cassell and Bradley Edwards filed the lawsuit in a Florida court." in text
    assert "The newspaper said it would fight the case." in text
    assert "The case will be heard next year, a court official said." in text
    for debris in ("PUBLISHED", "Heads up", "VIDEO", "barely recognisable", " . "):
        assert debris not in text, debris


def test_caption_removals_are_reported():
    article = clean(extract(source_from_text(STORY), BriefingConfig()))
    removed = [r.removed for r in article.cleaning if r.cleaner == "marked_captions"]
    assert any(r.startswith("Heads up:") for r in removed)
    assert any(r.startswith("VIDEO") for r in removed)
