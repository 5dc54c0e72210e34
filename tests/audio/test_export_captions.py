"""Export: WebVTT captions, cues split evenly and escaped."""

from __future__ import annotations

import pytest

from briefing.audio import export
from briefing.models import Segment


def parse_vtt(text: str) -> list[tuple[float, float, list[str]]]:
    """A tiny WebVTT reader: (start, end, lines) per cue; checks the header and timing lines."""

    def seconds(stamp: str) -> float:
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    blocks = text.strip("\n").split("\n\n")
    assert blocks[0].splitlines()[0] == "WEBVTT"
    cues = []
    for block in blocks[1:]:
        lines = block.splitlines()
        timing = next(i for i, line in enumerate(lines) if "-->" in line)
        start, end = (part.strip() for part in lines[timing].split("-->"))
        cues.append((seconds(start), seconds(end), lines[timing + 1 :]))
    return cues


LONG = (
    "The tech giant denied antisemitism, claiming his comments referred to groups like the "
    "Anti-Defamation League, and not all Jewish people."
)


def test_caption_cues_split_long_sentences_evenly():
    segments = [Segment(0, 0, "Briefing: Musk to visit Israel.", 0.3, 2.0), Segment(1, 0, LONG, 2.9, 12.9)]
    cues = export.caption_cues(segments)
    assert cues[0].lines == ("Briefing: Musk to visit Israel.",)
    long_cues = cues[1:]
    assert len(long_cues) == 2
    assert " ".join(" ".join(c.lines) for c in long_cues) == LONG
    for cue in cues:
        assert len(cue.lines) <= 2 and all(len(line) <= 42 for line in cue.lines)
    assert long_cues[0].start == 2.9 and long_cues[-1].end == 12.9
    assert long_cues[0].end == long_cues[1].start
    # Timed by characters: the two halves are about the same length, so about 5 s each.
    assert long_cues[0].end - long_cues[0].start == pytest.approx(5.0, abs=1.0)
    # Three cues when two cannot hold it (169 characters > 2 x 2 x 42).
    longer = LONG.replace("to groups", "just to groups").replace("League,", "League, a Jewish anti-hate monitor,")
    cues = export.caption_cues([Segment(0, 0, longer, 0.0, 9.0)])
    assert len(cues) == 3 and " ".join(" ".join(c.lines) for c in cues) == longer


def test_caption_cues_cut_words_longer_than_a_line():
    url = "https://www.thesun.co.uk/news/24812345/elon-musk-israel-visit-netanyahu/"
    cues = export.caption_cues([Segment(0, 0, f"Read it at {url}", 0.0, 4.0)])
    assert all(len(line) <= 42 for cue in cues for line in cue.lines)
    assert "".join("".join(cue.lines) for cue in cues).replace(" ", "") == f"Readitat{url}"


def test_webvtt_document_parses_and_escapes():
    cues = export.caption_cues([Segment(0, 0, "AT&T said profits were <5% --> lower.", 0.25, 3.5)])
    text = export.webvtt(cues)
    parsed = parse_vtt(text)
    assert parsed == [(0.25, 3.5, ["AT&amp;T said profits were &lt;5% --&gt; lower."])]
    assert "-->" not in text.split("\n", 3)[-1].replace(" --> ", "")
