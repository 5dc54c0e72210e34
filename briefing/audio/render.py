"""The audio half's entry point: script -> voice -> mastered MP3, captions, chapters, transcripts.

``render_briefing(briefing, out_dir)`` builds the script, speaks it sentence by sentence,
assembles the sentences with pauses, masters the loudness, and writes these files into
``out_dir`` (the keys of ``AudioRendition.files``):

===================  ====================  ==============================================
kind                 file                  what
===================  ====================  ==============================================
``mp3``              ``briefing.mp3``      mono MP3, ID3v2.4 tags, CHAP/CTOC chapters
``vtt``              ``captions.vtt``      WebVTT captions, a cue per sentence
``chapters``         ``chapters.json``     Podcasting 2.0 chapters (version 1.2.0)
``transcript_txt``   ``transcript.txt``    the words spoken, as text
``transcript_html``  ``transcript.html``   the words spoken, as a standalone HTML page
``json``             ``briefing.json``     the Briefing, its script, and the audio info
===================  ====================  ==============================================

Nothing is written into ``out_dir`` until everything has succeeded: the files are made in a
temporary directory beside it and then moved in, ``briefing.json`` last (so its presence
marks a complete directory). A failure leaves ``out_dir`` exactly as it was.

The audio is content-addressed: :func:`audio_hash` hashes the script, the voice (engine,
model and its settings) and the :class:`AudioSettings`, and is known before any synthesis,
so a caller can name the output directory by it and skip work already done.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import numpy as np

from ..errors import BriefingError, VoiceError
from ..memory import release_memory
from ..models import Briefing, Script, Segment
from . import export
from .export import Chapter, TrackInfo
from .script import build_script
from .speak import DEFAULT_VOICE, Voice, get_voice, speech_threads

__all__ = [
    "AudioRendition",
    "AudioSettings",
    "Chapter",
    "FILES",
    "audio_hash",
    "is_complete",
    "render_briefing",
    "render_script",
    "synthesize_script",
    "usable_voice",
]

FORMAT_VERSION = 1  # bump when a change in this module changes the files made from the same inputs

FILES: dict[str, str] = {
    "mp3": "briefing.mp3",
    "vtt": "captions.vtt",
    "chapters": "chapters.json",
    "transcript_txt": "transcript.txt",
    "transcript_html": "transcript.html",
    "json": "briefing.json",
}

Progress = Callable[[int, int], None]  # (sentences spoken, sentences in all)


@dataclass(frozen=True)
class AudioSettings:
    """How the audio is assembled and encoded. Every field is part of the content hash."""

    sample_rate: int = field(default=22050, metadata={"help": "Sample rate of the MP3 (Piper speaks at 22050 Hz)."})
    bitrate_kbps: int = field(default=64, metadata={"help": "Constant MP3 bit rate, mono."})
    mp3_quality: int = field(default=5, metadata={"help": "LAME's quality/speed trade-off: 2 best, 7 fastest."})
    sentence_pause: float = field(default=0.35, metadata={"help": "Silence between sentences, in seconds."})
    point_pause: float = field(default=0.9, metadata={"help": "Silence between chapters (intro, points, outro)."})
    lead_in: float = field(default=0.3, metadata={"help": "Silence before the first word."})
    tail: float = field(default=0.8, metadata={"help": "Silence after the last word."})
    chapter_lead: float = field(default=0.25, metadata={"help": "A chapter starts this long before its first word."})
    target_lufs: float = field(default=-16.0, metadata={"help": "Integrated loudness of the whole file."})
    ceiling_dbtp: float = field(
        default=-2.0,
        metadata={"help": "The limiter's true-peak ceiling before encoding (MP3 encoding raises peaks a little)."},
    )
    max_true_peak_dbtp: float = field(
        default=-1.0, metadata={"help": "Highest true peak of the MP3 itself, checked after encoding."}
    )
    format_version: int = field(default=FORMAT_VERSION, metadata={"help": "Version of the output format."})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class AudioRendition:
    """What :func:`render_briefing` made. ``files`` maps a kind to a file name inside the output directory."""

    content_hash: str
    duration: float
    mp3_bytes: int
    files: dict[str, str]
    chapters: tuple[Chapter, ...]
    segments: tuple[Segment, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "content_hash": self.content_hash,
            "duration": round(self.duration, 3),
            "mp3_bytes": self.mp3_bytes,
            "files": dict(self.files),
            "chapters": [{"title": c.title, "start": round(c.start, 3), "end": round(c.end, 3)} for c in self.chapters],
            "segments": [
                {"section": s.section, "line": s.line, "text": s.text, "start": round(s.start, 3), "end": round(s.end, 3)}
                for s in self.segments
            ],
        }


def audio_hash(script: Script, voice: str, settings: AudioSettings | None = None) -> str:
    """The sha256 (hex) naming the audio of ``script`` spoken by ``voice`` with ``settings``.

    It covers every word shown and spoken, the chapter titles, the voice's engine, model
    and options (``Voice.identity()``, which loads nothing), and every setting, so it can
    be computed before synthesis and changes whenever any output would.
    """
    settings = settings or AudioSettings()
    payload = {
        "format": settings.format_version,
        "script": script.to_dict(),
        "voice": voice,
        "voice_identity": get_voice(voice).identity(),
        "settings": settings.to_dict(),
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def usable_voice(name: str) -> Voice:
    """The voice called ``name``, or :class:`VoiceError` saying why it cannot speak here."""
    voice = get_voice(name)
    ok, why = voice.available()
    if not ok:
        raise VoiceError(f"The {name} voice cannot speak here: {why}.")
    return voice


def is_complete(out_dir: Path) -> bool:
    """True when ``out_dir`` holds every file a rendition writes."""
    return all((Path(out_dir) / name).is_file() for name in FILES.values())


def _trim(samples: np.ndarray, sample_rate: int, margin: float = 0.03) -> np.ndarray:
    """Cut leading and trailing near-silence (40 dB under the sentence's peak), keeping ``margin`` seconds."""
    level = np.abs(samples).astype(np.float64)  # compared in float64, whatever the samples' type
    peak = float(level.max()) if level.size else 0.0
    if peak == 0.0:
        return samples
    loud = np.flatnonzero(level > peak * 0.01)
    pad = int(margin * sample_rate)
    return samples[max(0, loud[0] - pad) : min(samples.size, loud[-1] + 1 + pad)]


def _sentence_samples(voice: Voice, text: str, sample_rate: int) -> np.ndarray:
    audio = voice.synthesize(text)
    # pydub converts whatever the voice gave (24 kHz from gTTS, 8-bit, stereo) to our format.
    audio = audio.set_channels(1).set_sample_width(2).set_frame_rate(sample_rate)
    # float32 holds every 16-bit sample exactly, in half the memory of float64.
    samples = np.frombuffer(audio.raw_data, dtype=np.int16).astype(np.float32) / np.float32(32768.0)
    return _trim(samples, sample_rate)


def _spoken_lines(voice: Voice, texts: list[str], sample_rate: int) -> Iterator[np.ndarray]:
    """The samples of each text in turn; a concurrent voice speaks up to
    :func:`~briefing.audio.speak.speech_threads` of them at once, in order all the same."""
    threads = min(speech_threads(), len(texts)) if voice.concurrent else 1
    if threads <= 1:
        for text in texts:
            yield _sentence_samples(voice, text, sample_rate)
        return
    pool = ThreadPoolExecutor(threads, thread_name_prefix="speak")
    try:
        futures = [pool.submit(_sentence_samples, voice, text, sample_rate) for text in texts]
        for future in futures:
            yield future.result()
    finally:
        # A failed line (or a caller that stops early) cancels the lines not yet begun.
        pool.shutdown(wait=True, cancel_futures=True)


def synthesize_script(
    script: Script,
    voice: Voice,
    settings: AudioSettings | None = None,
    progress: Progress | None = None,
) -> tuple[np.ndarray, tuple[Segment, ...], tuple[Chapter, ...]]:
    """Speak every line of ``script`` and assemble them with pauses.

    Returns the float samples (not yet mastered), a :class:`Segment` per line with its
    measured start and end, and a :class:`Chapter` per section.
    """
    settings = settings or AudioSettings()
    sr = settings.sample_rate
    for i, section in enumerate(script.sections):
        if not section.lines:
            raise BriefingError(f"The script's section {i} ({section.title!r}) has no lines: there is nothing to speak.")
    total = sum(len(s.lines) for s in script.sections)
    if total == 0:
        raise BriefingError("The script is empty: there is nothing to speak.")
    pieces: list[np.ndarray] = [np.zeros(int(settings.lead_in * sr), np.float32)]
    position = pieces[0].size
    segments: list[Segment] = []
    section_starts: list[float] = []
    done = 0
    lines = [line.spoken for section in script.sections for line in section.lines]
    # closing: a failed line or progress callback stops the lines still being spoken.
    with closing(_spoken_lines(voice, lines, sr)) as spoken:
        for s_index, section in enumerate(script.sections):
            for l_index, line in enumerate(section.lines):
                if segments:
                    pause = settings.point_pause if l_index == 0 else settings.sentence_pause
                    gap = np.zeros(int(round(pause * sr)), np.float32)
                    pieces.append(gap)
                    position += gap.size
                samples = next(spoken)
                if l_index == 0:
                    section_starts.append(position / sr)
                segments.append(Segment(s_index, l_index, line.text, position / sr, (position + samples.size) / sr))
                pieces.append(samples)
                position += samples.size
                done += 1
                if progress is not None:
                    progress(done, total)
    pieces.append(np.zeros(int(settings.tail * sr), np.float32))
    audio = np.concatenate(pieces)
    duration = audio.size / sr
    starts = [0.0] + [max(0.0, t - settings.chapter_lead) for t in section_starts[1:]]
    ends = starts[1:] + [duration]
    chapters = tuple(Chapter(s.title, a, b) for s, a, b in zip(script.sections, starts, ends))
    return audio, tuple(segments), chapters


def _as_played(
    mp3: bytes, segments: tuple[Segment, ...], chapters: tuple[Chapter, ...], sample_rate: int
) -> tuple[tuple[Segment, ...], tuple[Chapter, ...], float]:
    """Segment and chapter times as a player plays ``mp3``: after LAME's delay, up to the last frame."""
    frames = export.mp3_frames(mp3)
    duration = sum(f.samples for f in frames) / frames[0].sample_rate
    shift = export.LAME_DELAY_SAMPLES / sample_rate
    segments = tuple(replace(s, start=s.start + shift, end=s.end + shift) for s in segments)
    starts = [0.0] + [c.start + shift for c in chapters[1:]]
    ends = starts[1:] + [duration]
    return segments, tuple(Chapter(c.title, a, b) for c, a, b in zip(chapters, starts, ends)), duration


def _write(path: Path, data: str | bytes) -> None:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _publish(tmp: Path, out_dir: Path) -> None:
    """Move the finished files from ``tmp`` into ``out_dir``, ``briefing.json`` last."""
    if not out_dir.exists():
        try:
            os.rename(tmp, out_dir)  # all at once
            return
        except OSError:
            out_dir.mkdir(parents=True, exist_ok=True)  # someone made it meanwhile: move file by file
    names = [n for k, n in FILES.items() if k != "json"] + [FILES["json"]]
    for name in names:
        os.replace(tmp / name, out_dir / name)


def render_script(
    script: Script,
    out_dir: Path,
    *,
    info: TrackInfo,
    voice: str = DEFAULT_VOICE,
    settings: AudioSettings | None = None,
    progress: Progress | None = None,
    document: dict[str, Any] | None = None,
) -> AudioRendition:
    """Speak ``script`` with ``voice`` and write every output file into ``out_dir``.

    ``info`` fills the tags and transcript headers; ``document`` (the Briefing's ``to_dict()``)
    is written into ``briefing.json`` beside the script and audio info. Raises
    :class:`VoiceError` when the voice cannot speak, :class:`BriefingError` when a file cannot
    be written; in both cases ``out_dir`` is left as it was.
    """
    settings = settings or AudioSettings()
    out_dir = Path(out_dir).resolve()
    voice_obj = usable_voice(voice)
    content_hash = audio_hash(script, voice, settings)
    tmp = _partial_dir(out_dir)
    try:
        started = time.perf_counter()
        raw, segments, chapters = synthesize_script(script, voice_obj, settings, progress)
        # What the voice freed goes back to the system before mastering needs its own
        # (measured: about 60 MB off the job's peak on a two-minute briefing).
        release_memory()
        mp3, mastering = _master_mp3(raw, settings)
        segments, chapters, duration = _as_played(mp3, segments, chapters, settings.sample_rate)
        info = TrackInfo(**{**asdict(info), "encoder": f"Briefing; voice {voice} ({voice_obj.identity()})", "content_hash": content_hash})
        mp3_bytes = _write_media(tmp, mp3, script, segments, chapters, info)
        rendition = AudioRendition(
            content_hash=content_hash,
            duration=duration,
            mp3_bytes=mp3_bytes,
            files=dict(FILES),
            chapters=chapters,
            segments=segments,
        )
        audio_info = _audio_info(rendition, voice, voice_obj, settings, mastering, started)
        doc = {**(document or {}), "script": script.to_dict(), "audio": audio_info}
        _write(tmp / FILES["json"], json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        _publish(tmp, out_dir)
    except OSError as exc:
        raise BriefingError(
            f"Could not write the briefing's files for {out_dir}: {exc.strerror or exc}. "
            "Free some disk space or choose another output directory; nothing in it was changed."
        ) from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rendition


def _partial_dir(out_dir: Path) -> Path:
    """A new private directory beside ``out_dir`` to make the files in (it may become ``out_dir``)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise BriefingError(f"{out_dir} is a file, not a directory: choose another output directory.")
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".partial", dir=out_dir.parent))
        tmp.chmod(0o755)  # mkdtemp makes it private; it may become out_dir itself
    except OSError as exc:
        raise BriefingError(f"Cannot write into {out_dir.parent}: {exc.strerror or exc}. Choose another output directory.") from exc
    return tmp


def _master_mp3(raw: np.ndarray, settings: AudioSettings) -> tuple[bytes, export.Mastering]:
    """The assembled speech mastered and encoded as :class:`AudioSettings` say."""
    return export.master_mp3(
        raw,
        settings.sample_rate,
        target_lufs=settings.target_lufs,
        ceiling_dbtp=settings.ceiling_dbtp,
        max_true_peak_dbtp=settings.max_true_peak_dbtp,
        bitrate_kbps=settings.bitrate_kbps,
        quality=settings.mp3_quality,
    )


def _write_media(
    tmp: Path,
    mp3: bytes,
    script: Script,
    segments: tuple[Segment, ...],
    chapters: tuple[Chapter, ...],
    info: TrackInfo,
) -> int:
    """Write the MP3 (with its tags), captions, chapters and transcripts into ``tmp``; the MP3's size."""
    _write(tmp / FILES["mp3"], mp3)
    export.write_id3(tmp / FILES["mp3"], info, chapters)
    mp3_bytes = (tmp / FILES["mp3"]).stat().st_size
    _write(tmp / FILES["vtt"], export.webvtt(export.caption_cues(segments)))
    _write(tmp / FILES["chapters"], export.chapters_json(chapters, info))
    _write(tmp / FILES["transcript_txt"], export.transcript_text(script, chapters, info))
    _write(tmp / FILES["transcript_html"], export.transcript_html(script, chapters, info))
    return mp3_bytes


def _audio_info(
    rendition: AudioRendition,
    voice: str,
    voice_obj: Voice,
    settings: AudioSettings,
    mastering: export.Mastering,
    started: float,
) -> dict[str, Any]:
    """The ``audio`` part of ``briefing.json``: the rendition, the voice, the settings and the loudness."""
    return {
        **rendition.to_dict(),
        "voice": voice,
        "voice_identity": voice_obj.identity(),
        "settings": settings.to_dict(),
        "loudness": {  # measured on the MP3 itself, decoded again
            "integrated_lufs": round(mastering.mp3_lufs, 2),
            "true_peak_dbtp": round(mastering.mp3_true_peak_dbtp, 2),
            "voice_lufs": round(mastering.input_lufs, 2),
            "max_limiting_db": round(mastering.max_reduction_db, 2),
            "mastering_passes": mastering.attempts,
        },
        "render_seconds": round(time.perf_counter() - started, 2),
    }


def render_briefing(
    briefing: Briefing,
    out_dir: Path,
    *,
    voice: str = DEFAULT_VOICE,
    progress: Progress | None = None,
    settings: AudioSettings | None = None,
) -> AudioRendition:
    """Build the script of ``briefing``, speak it with ``voice``, and write every file into ``out_dir``.

    See the module documentation for the files. ``progress(done, total)`` is called after
    each sentence is spoken. ``out_dir`` is left as it was if anything fails.
    """
    speaker = usable_voice(voice)  # fail before any work when the voice cannot speak here
    script = build_script(briefing, speech=speaker.speech)
    return render_script(
        script,
        out_dir,
        info=TrackInfo.from_briefing(briefing),
        voice=voice,
        settings=settings,
        progress=progress,
        document=briefing.to_dict(),
    )
