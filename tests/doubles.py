"""Test doubles: a quick stand-in for the voice, so page and queue tests need not wait
for speech synthesis (at least one end-to-end test uses the real voice).

``fake_render`` has the signature of :func:`briefing.audio.render.render_briefing` (and
``fake_render_script`` that of :func:`briefing.audio.render.render_script`) and writes
small but real files (a valid MP3 of a quiet tone, WebVTT, chapters, transcripts) in
milliseconds, returning the real :class:`briefing.audio.render.AudioRendition`. An
instance's ``config.py`` names it as ``RENDER = 'doubles:fake_render'`` (tests/ is on
``sys.path`` under pytest).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import lameenc
import numpy as np

from briefing.audio.export import Chapter
from briefing.audio.render import FILES, AudioRendition



def tone_mp3(seconds: float = 0.5, sample_rate: int = 22050) -> bytes:
    """A real mono MP3 of a quiet 440 Hz tone (lameenc; no ffmpeg)."""
    t = np.arange(int(seconds * sample_rate)) / sample_rate
    pcm = (np.sin(2 * np.pi * 440 * t) * 3000).astype("<i2").tobytes()
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(64)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(7)
    return bytes(encoder.encode(pcm) + encoder.flush())


def fake_render(briefing: Any, out_dir: Path, *, voice: str = "fake", progress: Any = None) -> AudioRendition:
    """Write a rendition of ``briefing`` into ``out_dir`` without a voice: one second
    per chapter (intro, each point, outro), captions and transcripts of the real words."""
    title = briefing.article.title or "Untitled article"
    plain = list(getattr(briefing, "plain_points", ()) or ())
    texts = [p.text for p in plain] if plain else [k.text for k in briefing.key_points]
    sections = [("intro", "Introduction", f"Briefing: {title}.")]
    sections += [("point", f"Point {n}", text) for n, text in enumerate(texts, 1)]
    sections.append(("outro", "Sources", "This briefing was summarised automatically."))
    return _write_fake(Path(out_dir), title, sections, voice, progress)


def fake_render_script(
    script: Any, out_dir: Path, *, info: Any, voice: str = "fake", progress: Any = None, document: Any = None
) -> AudioRendition:
    """:func:`briefing.audio.render.render_script` without a voice (daily digests in tests): one
    second per section of ``script``, with its real words."""
    sections = [(s.kind, s.title, " ".join(line.text for line in s.lines)) for s in script.sections]
    return _write_fake(Path(out_dir), info.title, sections, voice, progress)


def _write_fake(out_dir: Path, title: str, sections: list[tuple[str, str, str]], voice: str, progress: Any) -> AudioRendition:
    out_dir.mkdir(parents=True, exist_ok=True)
    chapters = tuple(Chapter(name, float(i), float(i + 1)) for i, (_, name, _) in enumerate(sections))
    duration = float(len(sections))
    mp3 = tone_mp3(duration)
    (out_dir / FILES["mp3"]).write_bytes(mp3)
    cues = ["WEBVTT", ""]
    for (_, _, text), chapter in zip(sections, chapters):
        cues += [f"{_vtt_time(chapter.start)} --> {_vtt_time(chapter.end)}", text, ""]
    (out_dir / FILES["vtt"]).write_text("\n".join(cues), encoding="utf-8")
    (out_dir / FILES["chapters"]).write_text(
        json.dumps({"version": "1.2.0", "chapters": [{"startTime": c.start, "title": c.title} for c in chapters]}),
        encoding="utf-8",
    )
    transcript = "\n\n".join(text for _, _, text in sections)
    (out_dir / FILES["transcript_txt"]).write_text(transcript + "\n", encoding="utf-8")
    (out_dir / FILES["transcript_html"]).write_text("<!doctype html><title>Transcript</title><p>fake</p>", encoding="utf-8")
    script = {
        "sections": [
            {
                "kind": kind,
                "title": name,
                "point_index": n - 1 if 0 < n < len(sections) - 1 else None,
                "lines": [{"text": text, "spoken": text}],
            }
            for n, (kind, name, text) in enumerate(sections)
        ]
    }
    (out_dir / FILES["json"]).write_text(json.dumps({"title": title, "script": script}), encoding="utf-8")
    digest = hashlib.sha256(("fake|" + voice + "|" + transcript).encode("utf-8")).hexdigest()
    if progress is not None:
        progress(len(sections), len(sections))
    return AudioRendition(digest, duration, len(mp3), dict(FILES), chapters, ())


def _vtt_time(seconds: float) -> str:
    """
    >>> _vtt_time(75.5)
    '00:01:15.500'
    """
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"
