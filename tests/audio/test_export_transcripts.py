"""Export: chapters JSON and the transcripts as text and as HTML."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from briefing.audio import export
from briefing.audio.export import Chapter, TrackInfo
from briefing.models import Script, ScriptLine, ScriptSection


SCRIPT = Script(
    (
        ScriptSection("intro", "Introduction", (ScriptLine("Briefing: Q&A <live>.", "Briefing: Q and A live."),)),
        ScriptSection("point", "Point 1: Musk", (ScriptLine("Musk said, quote, yes, end of quote.", "Musk said, quote, yes, end of quote."),), 0),
        ScriptSection("outro", "Source", (ScriptLine("Summarised automatically.", "Summarised automatically."),)),
    )
)


CHAPTERS = (Chapter("Introduction", 0.0, 2.0), Chapter("Point 1: Musk", 2.0, 75.5), Chapter("Source", 75.5, 80.0))


INFO = TrackInfo("Musk & Israel", site="The Sun", date="2023-11-24", source_url="https://example.com/a?b=1&c=2")


def test_chapters_json_is_podcasting_2_0():
    doc = json.loads(export.chapters_json(CHAPTERS, INFO))
    assert doc["version"] == "1.2.0"
    assert [(c["startTime"], c["endTime"], c["title"]) for c in doc["chapters"]] == [
        (0.0, 2.0, "Introduction"), (2.0, 75.5, "Point 1: Musk"), (75.5, 80.0, "Source")
    ]


def test_transcript_text_has_every_line_and_time():
    text = export.transcript_text(SCRIPT, CHAPTERS, INFO)
    assert text.startswith("Musk & Israel\n")
    assert "[1:16] Source" in text  # 75.5 s, to the nearest second
    for section in SCRIPT.sections:
        for line in section.lines:
            assert line.text in text


class _Outline(HTMLParser):
    """Collects the tags, <html lang>, <title> and the text of each <h2> (without its <time>)."""

    def __init__(self):
        super().__init__()
        self.tags, self.stack, self.lang, self.title, self.h2, self.text = [], [], None, "", [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "h2":
            self.h2.append("")
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.title += data
        if "h2" in self.stack and self.stack[-1] != "time":
            self.h2[-1] += data
        self.text.append(data)


def test_transcript_html_is_standalone_accessible_and_escaped():
    doc = export.transcript_html(SCRIPT, CHAPTERS, INFO)
    assert doc.startswith("<!DOCTYPE html>")
    assert "<live>" not in doc and "Q&amp;A &lt;live&gt;" in doc
    assert 'href="https://example.com/a?b=1&amp;c=2"' in doc
    outline = _Outline()
    outline.feed(doc)
    assert outline.lang == "en"
    assert outline.title == "Transcript: Musk & Israel"
    assert outline.tags.count("h1") == 1 and outline.tags.count("h2") == 3
    assert outline.h2 == ["Introduction", "Point 1: Musk", "Source"]
    assert "Briefing: Q&A <live>." in "".join(outline.text)


def test_transcript_times_agree_with_their_datetime():
    import re

    chapters = (Chapter("Introduction", 0.0, 7.6), Chapter("Point 1", 7.6, 62.5), Chapter("Source", 62.5, 80.0))
    doc = export.transcript_html(SCRIPT, chapters, INFO)
    found = re.findall(r'<time datetime="PT(\d+)S">(\d+):(\d\d)</time>', doc)
    assert [(int(s), int(m) * 60 + int(ss)) for s, m, ss in found] == [(0, 0), (8, 8), (63, 63)]
    assert "[0:08] Point 1" in export.transcript_text(SCRIPT, chapters, INFO)
