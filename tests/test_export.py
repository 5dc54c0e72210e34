"""Export: loudness, limiter, MP3 frames, ID3 chapters, captions, chapters JSON, transcripts.

These work on signals made here (tones, noise bursts) so they are quick; the real voice
end to end is in test_render.py.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import numpy as np
import pytest
import pyloudnorm
from scipy.signal import resample_poly

from briefing.audio import export
from briefing.errors import BriefingError
from briefing.audio.export import Chapter, TrackInfo
from briefing.models import Script, ScriptLine, ScriptSection, Segment

SR = 22050


def tone(freq: float, seconds: float, amplitude: float = 0.5, sr: int = SR) -> np.ndarray:
    t = np.arange(int(seconds * sr)) / sr
    return amplitude * np.sin(2 * np.pi * freq * t)


def speechlike(seconds: float = 12.0, sr: int = SR, seed: int = 7) -> np.ndarray:
    """Bursts of harmonics with sharp onsets and pauses: a peaky signal like speech."""
    rng = np.random.default_rng(seed)
    out = np.zeros(int(seconds * sr))
    pos = 0
    while pos < out.size:
        length = int(rng.uniform(0.08, 0.4) * sr)
        f0 = rng.uniform(90, 180)
        t = np.arange(length) / sr
        burst = sum(np.sin(2 * np.pi * f0 * k * t + rng.uniform(0, 6)) / k for k in range(1, 12))
        burst *= np.exp(-t * rng.uniform(2, 12)) * rng.uniform(0.05, 0.6)
        end = min(out.size, pos + length)
        out[pos:end] += burst[: end - pos]
        pos = end + int(rng.uniform(0.02, 0.3) * sr)
    return out


def oversampled_peak_db(x: np.ndarray) -> float:
    """True peak by scipy's own 4x resampler: an independent check of ours."""
    return float(20 * np.log10(np.max(np.abs(resample_poly(x, 4, 1)))))


# --- loudness -------------------------------------------------------------------------------


def test_loudness_matches_pyloudnorm():
    x = speechlike(8.0)
    assert export.loudness_lufs(x, SR) == pytest.approx(pyloudnorm.Meter(SR).integrated_loudness(x), abs=0.01)


def test_true_peak_finds_intersample_peaks():
    x = 0.5 * np.sin(np.pi / 2 * np.arange(SR) + np.pi / 4)  # samples 3 dB under the crests
    assert 20 * np.log10(np.abs(x).max()) == pytest.approx(-9.03, abs=0.05)
    assert export.true_peak_dbtp(x) == pytest.approx(oversampled_peak_db(x), abs=0.2)
    assert export.true_peak_dbtp(x) > -6.3


def test_limiter_gain_never_lets_a_peak_through():
    env = np.abs(speechlike(5.0)) * 4
    gain = export.limiter_gain(env, SR, -3.0)
    assert gain.max() <= 1.0
    assert (env * gain).max() <= 10 ** (-3 / 20) + 1e-9
    # It ramps rather than steps: no jump larger than a block's share of the attack.
    assert np.abs(np.diff(gain)).max() < 0.2


def test_master_hits_target_and_ceiling():
    x = speechlike(15.0) * 0.3
    out, info = export.master(x, SR, target_lufs=-16.0, ceiling_dbtp=-2.0)
    assert pyloudnorm.Meter(SR).integrated_loudness(out) == pytest.approx(-16.0, abs=0.15)
    assert oversampled_peak_db(out) <= -1.8
    assert info.max_reduction_db > 0
    assert out.size == x.size


def test_master_refuses_silence():
    with pytest.raises(BriefingError, match="silence"):
        export.master(np.zeros(SR * 2), SR)


# --- MP3 --------------------------------------------------------------------------------------


def test_mp3_is_cbr_mono_and_frames_add_up():
    x = tone(440, 3.0)
    data = export.encode_mp3(x, SR, 64)
    frames = export.mp3_frames(data)
    assert {(f.bitrate_kbps, f.sample_rate, f.mono, f.samples) for f in frames} == {(64, SR, True, 576)}
    assert frames[-1].offset + frames[-1].length == len(data)
    assert sum(f.samples for f in frames) / SR == pytest.approx(3.0, abs=0.15)


def test_lame_scale_and_delay_are_what_we_correct_for():
    """LAME scales by 0.95 and delays by 1105 samples; export undoes the first and shifts times by the second."""
    x = np.zeros(SR * 2)
    x[SR // 2 : SR // 2 + 2000] = tone(1000, 2000 / SR, 0.5)
    decoded, rate = export.decode_mp3(export.encode_mp3(x, SR, 64))
    y = decoded / 32768.0
    assert rate == SR
    middle = y[SR // 2 + export.LAME_DELAY_SAMPLES + 500 : SR // 2 + export.LAME_DELAY_SAMPLES + 1500]
    assert np.abs(middle).max() == pytest.approx(0.5, abs=0.02)
    onset = int(np.flatnonzero(np.abs(y) > 0.1)[0])
    assert abs(onset - (SR // 2 + export.LAME_DELAY_SAMPLES)) <= 8


def test_master_mp3_checks_the_mp3_itself():
    """The MP3 is decoded and measured; a peak over the limit is mastered again, lower."""
    x = speechlike(10.0) * 0.3
    data, info = export.master_mp3(x, SR, target_lufs=-16.0, ceiling_dbtp=-2.0, max_true_peak_dbtp=-1.0)
    decoded = export.decode_mp3(data)[0] / 32768.0
    assert pyloudnorm.Meter(SR).integrated_loudness(decoded) == pytest.approx(-16.0, abs=0.3)
    assert oversampled_peak_db(decoded) <= -1.1 and info.mp3_true_peak_dbtp <= -1.2
    # A limit the first pass cannot meet (the ceiling itself is over it) forces a second pass.
    data, info = export.master_mp3(x, SR, target_lufs=-16.0, ceiling_dbtp=-2.0, max_true_peak_dbtp=-1.9)
    decoded = export.decode_mp3(data)[0] / 32768.0
    assert info.attempts >= 2 and oversampled_peak_db(decoded) <= -2.0


def test_mp3_frames_refuses_non_mp3():
    with pytest.raises(BriefingError, match="not MP3"):
        export.mp3_frames(b"RIFF....WAVEfmt ")


def test_id3_tags_and_chapters_read_back(tmp_path):
    from mutagen.id3 import ID3

    path = tmp_path / "a.mp3"
    path.write_bytes(export.encode_mp3(tone(300, 4.0), SR))
    chapters = [Chapter("Introduction", 0.0, 1.2), Chapter("Point 1", 1.2, 3.0), Chapter("Source", 3.0, 4.1)]
    info = TrackInfo(
        title="Musk to visit Israel", site="The Sun", date="2023-11-24T09:00:00Z",
        source_url="https://www.thesun.co.uk/news/1", content_hash="abc",
    )
    export.write_id3(path, info, chapters)
    tags = ID3(path)
    assert tags.version[:2] == (2, 4)
    assert str(tags["TIT2"]) == "Musk to visit Israel"
    assert str(tags["TPE1"]) == "The Sun"
    assert str(tags["TALB"]) == "Briefing"
    assert str(tags["TDRC"]) == "2023-11-24"
    assert str(tags["TLAN"]) == "eng"
    assert "https://www.thesun.co.uk/news/1" in tags.getall("COMM")[0].text[0]
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == ["chp0", "chp1", "chp2"]
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [(c.element_id, c.start_time, c.end_time, str(c.sub_frames["TIT2"])) for c in chaps] == [
        ("chp0", 0, 1200, "Introduction"),
        ("chp1", 1200, 3000, "Point 1"),
        ("chp2", 3000, 4100, "Source"),
    ]
    # The audio is still where it was: the tag sits in front of the frames.
    assert export.mp3_frames(path.read_bytes())[0].offset == export.skip_id3(path.read_bytes())


# --- captions ----------------------------------------------------------------------------------


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


# --- chapters JSON and transcripts ----------------------------------------------------------------

SCRIPT = Script(
    (
        ScriptSection("intro", "Introduction", (ScriptLine("Briefing: Q&A <live>.", "Briefing: Q and A live."),)),
        ScriptSection("point", "Point 1: Musk", (ScriptLine("Musk said, quote, yes, end quote.", "Musk said, quote, yes, end quote."),), 0),
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
    assert "[1:15] Source" in text
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
