"""The audio half end to end: a real Piper voice, real MP3 bytes, files read back.

One short script is rendered once per module (a few seconds) and every check reads its
files. The script is built by hand, so these tests do not depend on briefing.audio.script;
the ones that run the whole pipeline (render_briefing, `briefing make`) skip until it exists.
"""

from __future__ import annotations

import html
import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import pyloudnorm
import requests
import responses
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from scipy.signal import resample_poly

from briefing.audio import export, speak
from briefing.cli import main
from briefing.errors import BriefingError, VoiceError
from briefing.models import Article, Briefing, Script, ScriptLine, ScriptSection
from briefing.audio.render import FILES, AudioSettings, TrackInfo, audio_hash, is_complete, render_script
from test_export_captions import parse_vtt
from test_speak import GTTS_URL, fake_mp3, gtts_body


def line(text: str, spoken: str | None = None) -> ScriptLine:
    return ScriptLine(text, spoken or text)


SCRIPT = Script(
    (
        ScriptSection("intro", "Introduction", (line("Briefing: Musk to visit Israel, from The Sun."),)),
        ScriptSection(
            "point",
            "Musk to meet Israel's leaders",
            (
                line("Musk will meet President Isaac Herzog, reports Channel N12.", "Musk will meet President Isaac Herzog, reports Channel N 12."),
                line("He will also visit border towns."),
            ),
            0,
        ),
        ScriptSection(
            "point",
            "Musk denies it",
            (line('Musk said, quote, Nothing could be further from the truth, end of quote. AT&T <no> comment.',
                  "Musk said, quote, Nothing could be further from the truth, end of quote. A T and T, no comment."),),
            1,
        ),
        ScriptSection("outro", "Source", (line("This briefing was summarised automatically."),)),
    )
)

BRIEFING = Briefing(
    article=Article(
        paragraphs=("Elon Musk is due to fly into Israel next week.",),
        title="Musk to visit Israel",
        site_name="The Sun",
        published="2023-11-24",
        source_url="https://www.thesun.co.uk/news/24812345/musk-israel/",
    ),
    sentences=(),
    attributions=(),
    key_points=(),
)
INFO = TrackInfo.from_briefing(BRIEFING)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("render") / "media" / "abc"
    rendition = render_script(SCRIPT, out, info=INFO, document=BRIEFING.to_dict())
    return out, rendition


@pytest.fixture(scope="module")
def decoded(rendered):
    out, _ = rendered
    samples, rate = export.decode_mp3((out / FILES["mp3"]).read_bytes())
    return samples.astype(np.float64) / 32768.0, rate


def leftovers(parent: Path, name: str) -> list[str]:
    """Temporary directories a render left beside ``parent / name``."""
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{name}.") and p.name.endswith(".partial"))


# --- the files -----------------------------------------------------------------------------------


def test_every_file_is_written(rendered):
    out, rendition = rendered
    assert rendition.files == FILES
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES.values())
    assert is_complete(out)
    assert leftovers(out.parent, out.name) == []
    assert rendition.mp3_bytes == (out / "briefing.mp3").stat().st_size


def test_mp3_frames_are_cbr_mono_and_fill_the_file(rendered):
    out, rendition = rendered
    data = (out / "briefing.mp3").read_bytes()
    frames = export.mp3_frames(data)
    assert {(f.bitrate_kbps, f.sample_rate, f.mono) for f in frames} == {(64, 22050, True)}
    assert frames[0].offset == export.skip_id3(data) > 0  # the ID3 tag comes first
    assert frames[-1].offset + frames[-1].length == len(data)
    duration = sum(f.samples for f in frames) / 22050
    assert duration == pytest.approx(rendition.duration, abs=0.001)
    assert MP3(out / "briefing.mp3").info.length == pytest.approx(duration, abs=0.1)
    assert 8 < duration < 40


def test_loudness_and_true_peak_of_the_decoded_mp3(decoded):
    samples, rate = decoded
    assert pyloudnorm.Meter(rate).integrated_loudness(samples) == pytest.approx(-16.0, abs=0.5)
    true_peak = 20 * np.log10(np.max(np.abs(resample_poly(samples, 4, 1))))
    assert true_peak <= -1.0


def test_segments_are_where_the_speech_is(rendered, decoded):
    _, rendition = rendered
    samples, rate = decoded
    segs = rendition.segments
    assert [(s.section, s.line) for s in segs] == [(0, 0), (1, 0), (1, 1), (2, 0), (3, 0)]
    assert [s.text for s in segs] == [l.text for sec in SCRIPT.sections for l in sec.lines]
    for a, b in zip(segs, segs[1:]):
        pause = b.start - a.end
        assert pause == pytest.approx(0.9 if b.line == 0 else 0.35, abs=0.002)

    def rms_db(start: float, end: float) -> float:
        part = samples[int(start * rate) : int(end * rate)]
        return float(10 * np.log10(np.mean(part**2) + 1e-12))

    for seg in segs:
        assert rms_db(seg.start, seg.end) > -30
    for a, b in zip(segs, segs[1:]):  # the pauses are silent (the MP3's own delay is accounted for)
        assert rms_db(a.end + 0.03, b.start - 0.03) < -60


def test_chapters_read_back_with_mutagen(rendered):
    out, rendition = rendered
    tags = ID3(out / "briefing.mp3")
    assert tags.version[:2] == (2, 4)
    toc = tags.getall("CTOC")[0]
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    ordered = [chaps[i] for i in toc.child_element_ids]
    assert len(ordered) == len(SCRIPT.sections) == 2 + 2  # one per point, intro and outro
    assert [str(c.sub_frames["TIT2"]) for c in ordered] == [s.title for s in SCRIPT.sections]
    starts = [c.start_time for c in ordered]
    assert starts[0] == 0 and starts == sorted(starts) and len(set(starts)) == len(starts)
    assert all(c.end_time <= rendition.duration * 1000 + 1 for c in ordered)
    assert ordered[-1].end_time == round(rendition.duration * 1000)
    for chapter, c in zip(rendition.chapters, ordered):
        assert c.start_time == round(chapter.start * 1000) and c.end_time == round(chapter.end * 1000)
    # Each chapter starts at its section's boundary: before its first word, after the last chapter's words.
    for i, chapter in enumerate(rendition.chapters):
        first = next(s for s in rendition.segments if s.section == i)
        assert chapter.start <= first.start
        if i:
            last_before = [s for s in rendition.segments if s.section == i - 1][-1]
            assert chapter.start >= last_before.end
    assert str(tags["TIT2"]) == "Musk to visit Israel" and str(tags["TPE1"]) == "The Sun"
    assert str(tags["TALB"]) == "Briefing" and str(tags["TDRC"]) == "2023-11-24" and str(tags["TLAN"]) == "eng"
    assert BRIEFING.article.source_url in tags.getall("COMM")[0].text[0]


def test_captions_follow_the_segments(rendered):
    out, rendition = rendered
    cues = parse_vtt((out / "captions.vtt").read_text(encoding="utf-8"))
    for (s1, e1, _), (s2, _, _) in zip(cues, cues[1:]):
        assert s1 < e1 <= s2  # in order, no overlaps
    for start, end, lines in cues:
        assert 1 <= len(lines) <= 2 and all(len(html.unescape(l)) <= 42 for l in lines)
    for seg in rendition.segments:
        mine = [c for c in cues if seg.start - 0.0005 <= c[0] and c[1] <= seg.end + 0.0005]
        assert mine, seg
        # Together they cover the sentence from its first to its last sample, with no gap.
        assert mine[0][0] == pytest.approx(seg.start, abs=0.001) and mine[-1][1] == pytest.approx(seg.end, abs=0.001)
        assert all(a[1] == b[0] for a, b in zip(mine, mine[1:]))
        assert html.unescape(" ".join(" ".join(c[2]) for c in mine)) == seg.text
    assert sum(1 for c in cues) >= len(rendition.segments)


def test_chapters_json_and_transcripts(rendered):
    out, rendition = rendered
    doc = json.loads((out / "chapters.json").read_text(encoding="utf-8"))
    assert doc["version"] == "1.2.0"
    assert [(c["startTime"], c["title"]) for c in doc["chapters"]] == [
        (round(c.start, 3), c.title) for c in rendition.chapters
    ]
    text = (out / "transcript.txt").read_text(encoding="utf-8")
    page = (out / "transcript.html").read_text(encoding="utf-8")
    for section in SCRIPT.sections:
        for l in section.lines:
            assert l.text in text and html.escape(l.text) in page
    assert '<html lang="en">' in page and page.count("<h2") == 4 and "&lt;no&gt;" in page


def test_briefing_json_holds_briefing_script_and_audio(rendered):
    out, rendition = rendered
    doc = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    assert doc["article"]["title"] == "Musk to visit Israel"
    assert doc["script"] == SCRIPT.to_dict()
    audio = doc["audio"]
    assert audio["content_hash"] == rendition.content_hash
    assert audio["files"] == FILES and audio["voice"] == "piper"
    assert audio["duration"] == round(rendition.duration, 3)
    assert len(audio["chapters"]) == 4 and len(audio["segments"]) == 5
    assert audio["loudness"]["integrated_lufs"] == pytest.approx(-16, abs=0.2)


# --- content addressing ----------------------------------------------------------------------------


def test_content_hash_names_script_voice_and_settings(rendered):
    _, rendition = rendered
    h = audio_hash(SCRIPT, "piper")
    assert rendition.content_hash == h == audio_hash(SCRIPT, "piper", AudioSettings())
    assert len(h) == 64 and int(h, 16) >= 0
    changed_line = Script((SCRIPT.sections[0], SCRIPT.sections[1], SCRIPT.sections[2],
                           ScriptSection("outro", "Source", (line("Summarised automatically."),))))
    others = {
        audio_hash(SCRIPT, "espeak"),
        audio_hash(SCRIPT, "gtts"),
        audio_hash(SCRIPT, "piper", AudioSettings(sentence_pause=0.4)),
        audio_hash(SCRIPT, "piper", AudioSettings(bitrate_kbps=96)),
        audio_hash(changed_line, "piper"),
    }
    assert len(others) == 5 and h not in others


# --- failures leave the output directory as it was ------------------------------------------------------


def existing_dir(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "briefing.mp3").write_bytes(b"an older briefing")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    return out


def assert_untouched(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == ["briefing.mp3", "notes.txt"]
    assert (out / "briefing.mp3").read_bytes() == b"an older briefing"
    assert leftovers(out.parent, out.name) == []


def test_a_sentence_the_voice_cannot_speak_leaves_no_partial_files(tmp_path):
    out = existing_dir(tmp_path)
    broken = Script((SCRIPT.sections[0], ScriptSection("point", "Dots", (line("...", "..."),), 0), SCRIPT.sections[-1]))
    with pytest.raises(VoiceError, match=r"could not speak the sentence '\.\.\.'"):
        render_script(broken, out, info=INFO)
    assert_untouched(out)


def test_a_full_disk_leaves_no_partial_files(tmp_path):
    """Files over 16 KB fail to write (RLIMIT_FSIZE, as a full disk would): one clear error."""
    out = existing_dir(tmp_path)
    short = Script((ScriptSection("intro", "Introduction", (line("Briefing."),)), SCRIPT.sections[-1]))
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so that write() fails instead of killing us
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, hard))
    try:
        with pytest.raises(BriefingError, match="Could not write the briefing's files.*File too large.*nothing in it was changed"):
            render_script(short, out, info=INFO)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert_untouched(out)


def test_success_replaces_our_files_and_keeps_others(tmp_path):
    out = existing_dir(tmp_path)
    with responses.RequestsMock() as mock:  # gtts, answered by `responses`: quick and offline
        mock.add(responses.HEAD, speak.GTTS_PROBE_URL, status=200)
        mock.add(responses.POST, GTTS_URL, body=gtts_body(fake_mp3(1.5)))
        rendition = render_script(SCRIPT, out, info=INFO, voice="gtts")
    assert sorted(p.name for p in out.iterdir()) == sorted([*FILES.values(), "notes.txt"])
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert export.mp3_frames((out / "briefing.mp3").read_bytes())
    assert len(rendition.segments) == 5 and leftovers(tmp_path, "out") == []


def test_gtts_offline_fails_clearly_and_leaves_nothing(tmp_path):
    out = existing_dir(tmp_path)
    fresh = tmp_path / "fresh"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.HEAD, speak.GTTS_PROBE_URL, body=requests.ConnectionError("offline"))
        with pytest.raises(VoiceError, match="needs the internet.*piper"):
            render_script(SCRIPT, out, info=INFO, voice="gtts")
        with pytest.raises(VoiceError, match="needs the internet.*piper"):
            render_script(SCRIPT, fresh, info=INFO, voice="gtts")
    # The network goes away after the check: the first sentence fails, nothing is left either.
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.HEAD, speak.GTTS_PROBE_URL, status=200)
        mock.add(responses.POST, GTTS_URL, body=requests.ConnectionError("offline"))
        with pytest.raises(VoiceError, match="needs the internet.*--voice piper"):
            render_script(SCRIPT, out, info=INFO, voice="gtts")
    assert_untouched(out)
    assert not fresh.exists() and leftovers(tmp_path, "fresh") == []


# --- the whole pipeline: render_briefing and `briefing make` --------------------------------------------

SHORT_ARTICLE = """Musk to visit Israel after row over posts

Elon Musk is due to fly into Israel next week to meet the country's leaders, Israeli TV reported.
Musk will meet President Isaac Herzog and Prime Minister Benjamin Netanyahu, reports Channel N12.
He has been accused of sharing anti-Semitic content on X.
He said: "Nothing could be further from the truth."
"""


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(SHORT_ARTICLE, encoding="utf-8")
    return path


def test_make_writes_every_output_quietly(article_file, tmp_path, capsys):
    """The whole command, with gtts answered by `responses` so that it takes a second (Piper end
    to end is checked above and by bench/speech.py on the seed article)."""
    pytest.importorskip("briefing.audio.script", reason="briefing.audio.script (the script half of issue 4) is not written yet")
    out = tmp_path / "made"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.HEAD, speak.GTTS_PROBE_URL, status=200)
        mock.add(responses.POST, GTTS_URL, body=gtts_body(fake_mp3(1.0)))
        assert main(["make", str(article_file), "-o", str(out), "--points", "2", "--voice", "gtts"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # no progress bar when stderr is not a terminal
    for name in FILES.values():
        assert f"{out / name}" in captured.out
    assert "duration" in captured.out and "4 chapters" in captured.out
    assert is_complete(out)
    assert len(ID3(out / "briefing.mp3").getall("CHAP")) == 2 + 2
    doc = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    assert len(doc["key_points"]) == 2 and doc["audio"]["voice"] == "gtts"


def test_make_with_a_missing_voice_says_so_in_one_line(article_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no espeak-ng here
    out = existing_dir(tmp_path)
    assert main(["make", str(article_file), "-o", str(out), "--voice", "espeak"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("briefing: The espeak voice cannot speak here") and "apt-get install espeak-ng" in err
    assert_untouched(out)


def test_the_console_script_makes_a_briefing_and_exits_at_once(article_file, tmp_path):
    """`briefing make` as the console script runs it (briefing.cli.run, with its quick exit), in
    a process of its own with the real Piper voice: every file written whole, the listing on
    standard output, exit code 0; then a missing file: exit code 2 and the reason, nothing else."""
    out = tmp_path / "made"
    command = [sys.executable, "-m", "briefing.cli", "make", str(article_file), "-o", str(out), "--points", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert is_complete(out)
    assert [line.split()[0] for line in done.stdout.splitlines()] == [*FILES.keys(), "duration"]
    assert len(ID3(out / "briefing.mp3").getall("CHAP")) == 2 + 2
    missing = subprocess.run([*command[:4], str(tmp_path / "nowhere.txt"), "-o", str(tmp_path / "x")],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.startswith("briefing: ") and len(missing.stderr.strip().splitlines()) == 1


def test_progress_bar_draws_sentences_spoken():
    import io

    from briefing.cli import _ProgressBar

    stream = io.StringIO()
    bar = _ProgressBar(stream, width=10)
    bar(1, 4)
    bar(4, 4)
    assert stream.getvalue() == "\rSpeaking [##--------] 1/4 sentences\rSpeaking [##########] 4/4 sentences\n"


def test_lines_spoken_two_at_a_time_are_the_lines_spoken_one_at_a_time(monkeypatch):
    """Piper speaks two lines at once by default; the samples, and their order, are the same."""
    from briefing.audio.render import _spoken_lines

    voice = speak.get_voice("piper")
    texts = ["The council met on Monday.", "Rain is expected tonight.", "Schools will open at nine."]
    monkeypatch.setenv("BRIEFING_VOICE_THREADS", "1")
    assert speak.speech_threads() == 1
    one = list(_spoken_lines(voice, texts, 22050))
    monkeypatch.setenv("BRIEFING_VOICE_THREADS", "2")
    two = list(_spoken_lines(voice, texts, 22050))
    assert [a.size for a in one] == [b.size for b in two]
    assert all(np.array_equal(a, b) for a, b in zip(one, two))
    monkeypatch.delenv("BRIEFING_VOICE_THREADS")
    assert speak.speech_threads() == min(2, os.cpu_count() or 1)
    monkeypatch.setenv("BRIEFING_VOICE_THREADS", "0")  # not a count: the default again
    assert speak.speech_threads() == min(2, os.cpu_count() or 1)


def test_a_line_that_fails_while_two_are_spoken_stops_the_rest(monkeypatch):
    from briefing.audio.render import _spoken_lines

    monkeypatch.setenv("BRIEFING_VOICE_THREADS", "2")
    voice = speak.get_voice("piper")
    lines = _spoken_lines(voice, ["The council met.", "   ", "Rain is expected."], 22050)
    assert next(lines).size > 0
    with pytest.raises(VoiceError, match="empty sentence"):
        next(lines)
