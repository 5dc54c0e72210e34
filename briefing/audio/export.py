"""Export: loudness mastering, MP3 with ID3 tags and chapters, captions, chapters JSON, transcripts.

Everything here is a plain function of its inputs and writes nothing but what it is asked
to; ``briefing.audio.render`` decides where the files go.

Loudness: the whole file is brought to an integrated -16 LUFS (ITU-R BS.1770, measured by
``pyloudnorm``) with its true peak (4x oversampled) at most -1 dBTP. Speech from Piper has a
peak-to-loudness ratio near 22 dB, so raising it to -16 LUFS would clip by about 6 dB: a gentle
compressor evens out syllables, then a look-ahead limiter (numpy and scipy filters, no
per-sample Python loop) holds the true peak under the ceiling, and the gain is searched so
that loudness lands on target *after* limiting.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from ..errors import BriefingError, VoiceError
from ..models import Script, Segment

SILENCE_LUFS = -70.0  # BS.1770's absolute gate: quieter than this is silence


@dataclass(frozen=True)
class Chapter:
    """A chapter of the audio: the intro, one key point, or the outro (times in seconds)."""

    title: str
    start: float
    end: float


@dataclass(frozen=True)
class TrackInfo:
    """What the ID3 tags, chapters JSON and transcripts say about the briefing."""

    title: str
    site: str | None = None
    date: str | None = None  # ISO 8601, at least a year
    language: str = "en"  # ISO 639-1
    source_url: str | None = None
    encoder: str = ""  # software and voice, for the TSSE frame
    content_hash: str | None = None

    @classmethod
    def from_briefing(cls, briefing: Any, **changes: Any) -> "TrackInfo":
        """The track info of a :class:`briefing.models.Briefing`'s article."""
        article = briefing.article
        site = article.site_name or _host(article.source_url)
        values = {
            "title": article.title or "Untitled briefing",
            "site": site,
            "date": article.published,
            "language": article.language or "en",
            "source_url": article.source_url,
        }
        values.update(changes)
        return cls(**values)


def _host(url: str | None) -> str | None:
    """The host name of ``url`` without ``www.``.

    >>> _host("https://www.thesun.co.uk/news/123/")
    'thesun.co.uk'
    >>> _host(None) is None
    True
    """
    if not url:
        return None
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", url, re.IGNORECASE)
    if not match:
        return None
    host = match.group(1).lower()
    return host[4:] if host.startswith("www.") else host


# --- loudness -----------------------------------------------------------------------------------

_TP_OVERSAMPLE = 4
_TP_TAPS = 49  # like BS.1770-4 Annex 2 (48 taps), odd so that phase 0 is the samples themselves


def _tp_filter() -> np.ndarray:
    from scipy.signal import firwin

    return (firwin(_TP_TAPS, 0.95 / _TP_OVERSAMPLE, window=("kaiser", 6.0)) * _TP_OVERSAMPLE).astype(np.float32)


def _max_per_block(values: np.ndarray, block: int, initial: np.ndarray | None = None) -> np.ndarray:
    """The maximum of each run of ``block`` values (``values.size`` is a multiple of ``block``).

    Strided views are much quicker than ``reshape(-1, block).max(axis=1)`` for small blocks.

    >>> _max_per_block(np.array([1, 5, 2, 0, 3, 3]), 2).tolist()
    [5, 2, 3]
    """
    out = values[0::block].copy() if initial is None else np.maximum(values[0::block], initial)
    for offset in range(1, block):
        np.maximum(out, values[offset::block], out=out)
    return out


def true_peak_envelope(samples: np.ndarray) -> np.ndarray:
    """The largest absolute value of the 4x oversampled signal around each sample (linear)."""
    from scipy.signal import upfirdn

    x = np.asarray(samples, dtype=np.float32)
    if x.size == 0:
        return np.zeros(0, np.float32)
    up = np.abs(upfirdn(_tp_filter(), x, _TP_OVERSAMPLE))
    delay = (_TP_TAPS - 1) // 2  # the filter's group delay, in oversampled samples
    up = up[delay : delay + x.size * _TP_OVERSAMPLE]
    if up.size < x.size * _TP_OVERSAMPLE:
        up = np.pad(up, (0, x.size * _TP_OVERSAMPLE - up.size))
    return _max_per_block(up, _TP_OVERSAMPLE, np.abs(x))


def true_peak_dbtp(samples: np.ndarray) -> float:
    """The true peak of ``samples`` (floats, full scale 1.0) in dBTP, by 4x oversampling.

    A quarter-rate sine sampled 45 degrees off its crests: every sample is at -9 dBFS, the
    wave itself reaches -6 dBFS (away from its abrupt ends, which ring a little higher).

    >>> wave = 0.5 * np.sin(np.pi / 2 * np.arange(2000) + np.pi / 4)
    >>> round(float(20 * np.log10(np.abs(wave).max())), 1)
    -9.0
    >>> round(float(20 * np.log10(true_peak_envelope(wave)[100:-100].max())), 1)
    -6.0
    """
    env = true_peak_envelope(samples)
    peak = float(env.max()) if env.size else 0.0
    return float(20 * np.log10(peak)) if peak > 0 else float("-inf")


def k_weighted(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """``samples`` through BS.1770's K-weighting (pyloudnorm's own filters)."""
    from pyloudnorm.iirfilter import IIRfilter

    y = np.asarray(samples, dtype=np.float64)
    for stage in (
        IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, sample_rate, "high_shelf"),
        IIRfilter(0.0, 0.5, 38.0, sample_rate, "high_pass"),
    ):
        y = stage.apply_filter(y)
    return y


def gated_loudness(weighted: np.ndarray, sample_rate: int) -> float:
    """Integrated loudness of K-weighted mono samples: BS.1770-4's gating, exactly as pyloudnorm
    computes it (400 ms blocks, 75 % overlap, -70 LUFS and -10 LU gates), without its Python loops."""
    block = 0.4
    n = weighted.size
    count = int(np.round((n / sample_rate - block) / (block * 0.25))) + 1
    if count < 1:
        return -np.inf
    j = np.arange(count)
    lower = (block * (j * 0.25) * sample_rate).astype(np.int64)
    upper = np.minimum((block * (j * 0.25 + 1) * sample_rate).astype(np.int64), n)
    csum = np.concatenate([[0.0], np.cumsum(np.square(weighted))])
    z = (csum[upper] - csum[lower]) / (block * sample_rate)
    with np.errstate(divide="ignore"):
        levels = -0.691 + 10 * np.log10(z)
    above = levels >= SILENCE_LUFS
    if not above.any():
        return -np.inf
    relative = -0.691 + 10 * np.log10(z[above].mean()) - 10.0
    gated = (levels > relative) & (levels > SILENCE_LUFS)
    if not gated.any():
        return -np.inf
    return float(-0.691 + 10 * np.log10(z[gated].mean()))


def loudness_lufs(samples: np.ndarray, sample_rate: int) -> float:
    """Integrated loudness (ITU-R BS.1770-4, gated) in LUFS; the same figure as pyloudnorm's meter."""
    x = np.asarray(samples, dtype=np.float64)
    if x.size < int(0.4 * sample_rate) + 1:  # shorter than one gating block
        x = np.pad(x, (0, int(0.4 * sample_rate) + 1 - x.size))
    return gated_loudness(k_weighted(x, sample_rate), sample_rate)


def compress(samples: np.ndarray, sample_rate: int, threshold_db: float, ratio: float = 3.0) -> np.ndarray:
    """A gentle RMS compressor: levels above ``threshold_db`` (dBFS, 10 ms RMS) are divided by ``ratio``.

    Both the level detector and the gain smoother are one-pole filters, so scipy's ``lfilter``
    runs them in C.
    """
    from scipy.signal import lfilter

    x = np.asarray(samples, dtype=np.float64)
    a = np.exp(-1.0 / (0.010 * sample_rate))
    power = lfilter([1 - a], [1, -a], x * x)
    level = 10 * np.log10(np.maximum(power, 1e-12))
    reduction = np.maximum(0.0, level - threshold_db) * (1.0 - 1.0 / ratio)
    b = np.exp(-1.0 / (0.030 * sample_rate))
    reduction = lfilter([1 - b], [1, -b], reduction)
    return x * 10 ** (-reduction / 20)


def limiter_gain(
    envelope: np.ndarray,
    sample_rate: int,
    ceiling_db: float,
    attack: float = 0.005,
    hold: float = 0.040,
    block: int = 8,
    smooth: bool = True,
) -> np.ndarray:
    """Gain (<= 1) per sample that keeps ``envelope * gain`` at or under ``ceiling_db``.

    Look-ahead without a loop, on blocks of ``block`` samples: ``m[k]`` is the smallest gain
    needed over blocks ``[k - hold, k + attack)`` and the gain of block ``n`` is the mean of
    ``m`` over ``(n - attack, n]``. Every one of those windows contains ``n``, so the mean never
    exceeds what ``n`` needs, while the gain ramps down over ``attack`` before a peak and back
    up over ``attack`` after ``hold``. Between blocks the gain is interpolated, never above
    the block's own value.
    """
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    env = np.asarray(envelope, dtype=np.float64)
    n = env.size
    if n == 0:
        return np.ones(0)
    blocks = -(-n // block)
    padded_env = np.pad(env, (0, blocks * block - n))
    peak = _max_per_block(padded_env, block)
    need = np.minimum(1.0, 10 ** (ceiling_db / 20) / np.maximum(peak, 1e-12))
    w = max(1, int(round(attack * sample_rate / block)))
    h = max(0, int(round(hold * sample_rate / block)))
    size = h + w
    padded = np.concatenate([np.ones(h), need, np.ones(w)])
    # With origin -(size // 2) the window of output i is padded[i : i + size].
    mins = minimum_filter1d(padded, size=size, origin=-(size // 2), mode="nearest")[:blocks]
    # Before the start, repeat the first window's minimum: it covers the first blocks' needs.
    ramp = np.concatenate([np.full(w - 1, mins[0]), mins])
    csum = np.concatenate([[0.0], np.cumsum(ramp)])
    gain = np.minimum((csum[w:] - csum[:-w])[:blocks] / w, 1.0)  # the running sum rounds a little
    steps = np.repeat(gain, block)[:n]
    if not smooth:  # good enough to estimate loudness with
        return steps
    # A box average of the steps is a linear ramp between block values; the minimum with
    # the steps keeps every sample at or under its own block's gain.
    return np.minimum(steps, uniform_filter1d(steps, size=block, mode="nearest"))


@dataclass(frozen=True)
class Mastering:
    """What :func:`master` did, for the record."""

    input_lufs: float
    output_lufs: float
    true_peak_dbtp: float
    gain_db: float
    max_reduction_db: float
    mp3_lufs: float | None = None  # measured on the encoded MP3, decoded again
    mp3_true_peak_dbtp: float | None = None
    attempts: int = 1


def master(
    samples: np.ndarray, sample_rate: int, target_lufs: float = -16.0, ceiling_dbtp: float = -2.0
) -> tuple[np.ndarray, Mastering]:
    """Bring ``samples`` (floats) to ``target_lufs`` with the true peak at most ``ceiling_dbtp``.

    Returns the mastered float samples and a :class:`Mastering` record. The make-up gain is
    searched on an estimate (the K-weighted input times the gain curve, since K-weighting is
    linear and the gain moves slowly) and then checked and corrected on the real output.
    """
    x = np.asarray(samples, dtype=np.float64)
    before = loudness_lufs(x, sample_rate)
    if not np.isfinite(before) or before < SILENCE_LUFS:
        raise VoiceError("The voice produced silence: there is nothing to master. Try another voice.")
    y = x * 10 ** ((target_lufs - before) / 20)
    y = compress(y, sample_rate, threshold_db=target_lufs - 2.0)
    envelope = true_peak_envelope(y).astype(np.float64)
    weighted = k_weighted(y, sample_rate)
    ceiling, aim, gain_db = ceiling_dbtp, target_lufs, 0.0
    for _round in range(6):
        points: list[tuple[float, float]] = []
        for _step in range(8):  # secant search on the estimate
            used_db, g = gain_db, 10 ** (gain_db / 20)
            limit = limiter_gain(envelope * g, sample_rate, ceiling, smooth=False)
            estimate = gated_loudness(weighted * (g * limit), sample_rate)
            points.append((gain_db, estimate))
            if abs(estimate - aim) <= 0.02:
                break
            if len(points) == 1:
                step = aim - estimate
            else:
                (g0, l0), (g1, l1) = points[-2], points[-1]
                slope = (l1 - l0) / (g1 - g0) if g1 != g0 else 1.0
                if slope < 0.05:
                    break  # the limiter eats every extra dB: this is as loud as it gets
                step = (aim - l1) / min(slope, 1.0)
            # At most 12 dB of make-up gain after the compressor: past that the limiter would be
            # flattening whole syllables, and a quieter file is the lesser harm.
            gain_db = min(gain_db + step, 12.0)
            if gain_db == used_db:
                break
        limit = limiter_gain(envelope * g, sample_rate, ceiling)
        out = y * (g * limit)
        level = loudness_lufs(out, sample_rate)
        peak = true_peak_dbtp(out)
        if peak > ceiling_dbtp + 0.02:
            # Gain changes between samples can overshoot the envelope a little: lower the ceiling.
            ceiling -= peak - ceiling_dbtp + 0.05
        elif abs(level - target_lufs) > 0.1:
            aim += target_lufs - level  # the estimate is off by about this much
        else:
            break
    return out, Mastering(
        input_lufs=before,
        output_lufs=level,
        true_peak_dbtp=float(peak),
        gain_db=target_lufs - before + used_db,
        max_reduction_db=float(-20 * np.log10(max(float(limit.min()), 1e-9))),
    )


# --- MP3 ------------------------------------------------------------------------------------------


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] as 16-bit PCM (clipped, rounded)."""
    return np.round(np.clip(np.asarray(samples, dtype=np.float64), -1.0, 1.0) * 32767.0).astype(np.int16)


# LAME (as lameenc builds it) scales its input by 0.95 (-0.45 dB) at every rate and bit rate
# we tried; we undo it so that the MP3 plays at the loudness we mastered. tests/test_export.py
# decodes a tone to check that this still holds.
LAME_INPUT_SCALE = 0.95
# LAME's encoder delay (576 samples) plus the standard decoder delay (529): without a LAME
# info frame, which lameenc does not write, players play this much silence first, so the
# times we publish are shifted by it. tests/test_export.py measures it.
LAME_DELAY_SAMPLES = 1105


def encode_mp3(samples: np.ndarray, sample_rate: int, bitrate_kbps: int = 64, quality: int = 5) -> bytes:
    """Encode mono float samples in [-1, 1] as constant-bitrate MP3 with LAME (``lameenc``, no ffmpeg)."""
    import lameenc

    pcm = to_int16(np.asarray(samples, dtype=np.float64) / LAME_INPUT_SCALE)
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_out_sample_rate(sample_rate)  # else LAME may pick a lower rate for a low bit rate
    encoder.set_channels(1)
    encoder.set_quality(quality)
    data = bytes(encoder.encode(pcm.tobytes()))
    return data + bytes(encoder.flush())


def decode_mp3(data: bytes, sample_rate: int | None = None) -> tuple[np.ndarray, int]:
    """Decode MP3 bytes to mono int16 samples (``miniaudio``, no ffmpeg); returns ``(samples, rate)``.

    ``sample_rate`` None keeps the file's own rate. The default path never decodes MP3: the
    gtts voice (Google sends MP3) and the tests do.
    """
    try:
        import miniaudio
    except ImportError as exc:
        raise BriefingError("Decoding MP3 needs the miniaudio package: run `pip install miniaudio`.") from exc
    rate = sample_rate or mp3_sample_rate(data) or 24000
    try:
        decoded = miniaudio.decode(
            data, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=rate
        )
    except miniaudio.DecodeError as exc:
        raise BriefingError(f"The MP3 data could not be decoded: {exc}.") from exc
    return np.frombuffer(decoded.samples, dtype=np.int16).copy(), rate


def master_mp3(
    samples: np.ndarray,
    sample_rate: int,
    target_lufs: float = -16.0,
    ceiling_dbtp: float = -2.0,
    max_true_peak_dbtp: float = -1.0,
    bitrate_kbps: int = 64,
    quality: int = 5,
    tolerance_lu: float = 0.3,
) -> tuple[bytes, Mastering]:
    """Master ``samples`` and encode them as MP3, checked on the MP3 itself.

    Encoding moves peaks (by up to about 0.9 dB on espeak's buzzy voice), so the MP3 is
    decoded again and measured; when its true peak is within 0.2 dB of ``max_true_peak_dbtp``
    (a margin for other meters' interpolators)
    or its loudness is more than ``tolerance_lu`` off target, it is mastered again with a lower
    ceiling or a corrected aim (at most three times).
    """
    ceiling, aim, safe_peak = ceiling_dbtp, target_lufs, max_true_peak_dbtp - 0.2
    for attempt in range(1, 4):
        out, info = master(samples, sample_rate, aim, ceiling)
        data = encode_mp3(out, sample_rate, bitrate_kbps, quality)
        decoded = decode_mp3(data, sample_rate)[0].astype(np.float64) / 32768.0
        level, peak = loudness_lufs(decoded, sample_rate), true_peak_dbtp(decoded)
        if peak <= safe_peak and abs(level - target_lufs) <= tolerance_lu:
            break
        if peak > safe_peak:
            ceiling -= peak - safe_peak + 0.1
        if abs(level - target_lufs) > tolerance_lu:
            aim += target_lufs - level
    return data, replace(info, mp3_lufs=level, mp3_true_peak_dbtp=peak, attempts=attempt)


_MP3_BITRATES = {  # kbps by (MPEG-1?, index) for Layer III
    True: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    False: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
_MP3_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


@dataclass(frozen=True)
class Mp3Frame:
    """One MPEG audio frame header (Layer III only)."""

    offset: int
    length: int
    bitrate_kbps: int
    sample_rate: int
    mono: bool
    samples: int


def skip_id3(data: bytes) -> int:
    """The offset just past a leading ID3v2 tag (0 when there is none)."""
    if len(data) >= 10 and data[:3] == b"ID3":
        size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
        footer = 10 if data[5] & 0x10 else 0
        return 10 + size + footer
    return 0


def mp3_frames(data: bytes) -> list[Mp3Frame]:
    """Walk the MPEG Layer III frames after any ID3v2 tag; stops at the first byte that is not a frame.

    Raises :class:`BriefingError` when the data does not start with a frame.
    """
    pos, frames = skip_id3(data), []
    while pos + 4 <= len(data):
        b1, b2, b3 = data[pos + 1], data[pos + 2], data[pos + 3]
        if data[pos] != 0xFF or (b1 & 0xE0) != 0xE0:
            break
        version_bits, layer_bits = (b1 >> 3) & 3, (b1 >> 1) & 3
        bitrate_index, rate_index = b2 >> 4, (b2 >> 2) & 3
        if version_bits == 1 or layer_bits != 1 or bitrate_index in (0, 15) or rate_index == 3:
            break
        mpeg1 = version_bits == 3
        bitrate = _MP3_BITRATES[mpeg1][bitrate_index]
        rate = _MP3_RATES[version_bits][rate_index]
        samples = 1152 if mpeg1 else 576
        length = (samples // 8) * bitrate * 1000 // rate + ((b2 >> 1) & 1)
        frames.append(Mp3Frame(pos, length, bitrate, rate, (b3 >> 6) == 3, samples))
        pos += length
    if not frames:
        raise BriefingError("The data is not MP3: no MPEG audio frame where one should start.")
    return frames


def mp3_sample_rate(data: bytes) -> int | None:
    """The sample rate of the first MP3 frame, or None."""
    try:
        return mp3_frames(data[: 64 * 1024])[0].sample_rate
    except BriefingError:
        return None


# --- ID3 tags -----------------------------------------------------------------------------------

_ISO639_2 = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "nl": "nld", "pt": "por"}


def _id3_date(value: str | None) -> str | None:
    """The ISO date part of ``value`` that ID3v2.4's TDRC accepts.

    >>> _id3_date("2023-11-24T10:00:00+00:00")
    '2023-11-24'
    >>> _id3_date("Friday") is None
    True
    """
    if not value:
        return None
    match = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", value.strip())
    return match.group(0) if match else None


def write_id3(path: Path, info: TrackInfo, chapters: Sequence[Chapter]) -> None:
    """Write ID3v2.4 tags and CHAP/CTOC chapter frames into the MP3 file at ``path``."""
    from mutagen.id3 import CHAP, COMM, CTOC, ID3, TALB, TDRC, TIT2, TLAN, TPE1, TSSE, TXXX, WOAS, CTOCFlags

    lang3 = _ISO639_2.get(info.language, info.language if len(info.language) == 3 else "eng")
    tags = ID3()
    tags.add(TIT2(encoding=3, text=[info.title]))
    tags.add(TPE1(encoding=3, text=[info.site or "Briefing"]))
    tags.add(TALB(encoding=3, text=["Briefing"]))
    date = _id3_date(info.date)
    if date:
        tags.add(TDRC(encoding=3, text=[date]))
    tags.add(TLAN(encoding=3, text=[lang3]))
    if info.source_url:
        tags.add(COMM(encoding=3, lang=lang3, desc="", text=[f"Summarised automatically from {info.source_url}"]))
        tags.add(WOAS(url=info.source_url))
    if info.encoder:
        tags.add(TSSE(encoding=3, text=[info.encoder]))
    if info.content_hash:
        tags.add(TXXX(encoding=3, desc="briefing content hash", text=[info.content_hash]))
    ids = [f"chp{i}" for i in range(len(chapters))]
    tags.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text=["Chapters"])],
        )
    )
    for element_id, chapter in zip(ids, chapters):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=int(round(chapter.start * 1000)),
                end_time=int(round(chapter.end * 1000)),
                # 0xFFFFFFFF: "use the times, not byte offsets" (ID3v2 chapter addendum).
                start_offset=0xFFFFFFFF,
                end_offset=0xFFFFFFFF,
                sub_frames=[TIT2(encoding=3, text=[chapter.title])],
            )
        )
    tags.save(str(path), v2_version=4)


# --- captions -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One WebVTT cue: at most ``max_lines`` lines of at most ``max_chars`` characters."""

    start: float
    end: float
    lines: tuple[str, ...]


def wrap_caption(text: str, width: int = 42) -> list[str]:
    """Caption lines of at most ``width`` characters, breaking between words (and inside a
    word only when it is longer than a line, such as a URL).

    >>> wrap_caption("Musk will meet with President Isaac Herzog and Prime Minister Benjamin Netanyahu.")
    ['Musk will meet with President Isaac Herzog', 'and Prime Minister Benjamin Netanyahu.']
    >>> [len(line) for line in wrap_caption("https://" + "x" * 60)]
    [42, 26]
    """
    return textwrap.wrap(" ".join(text.split()), width=width, break_long_words=True, break_on_hyphens=False)


def _balanced_lines(text: str, width: int, max_lines: int) -> list[str] | None:
    """``text`` in at most ``max_lines`` lines of at most ``width`` characters, as even as possible,
    or None when it does not fit.

    >>> _balanced_lines("The tech boss has come under fire over allegations", 42, 2)
    ['The tech boss has come', 'under fire over allegations']
    """
    if len(text) <= width:
        return [text]
    for w in range(-(-len(text) // max_lines), width + 1):
        lines = wrap_caption(text, w)
        if len(lines) <= max_lines and all(len(line) <= width for line in lines):
            return lines
    return None


def _split_words(words: list[str], parts: int, limit: int) -> list[list[str]] | None:
    """``words`` in ``parts`` runs of about equal length, each at most ``limit`` characters,
    preferring breaks after punctuation; None when they do not fit.

    >>> _split_words("one two, three four five six".split(), 2, 84)
    [['one', 'two,', 'three'], ['four', 'five', 'six']]
    >>> _split_words("aaaa bbbb, cc dd ee ff".split(), 2, 84)
    [['aaaa', 'bbbb,'], ['cc', 'dd', 'ee', 'ff']]
    >>> _split_words("aaaa bbbb, cc dd ee ff".split(), 2, 10)
    """
    ends = np.cumsum([len(w) + 1 for w in words])  # the end of word i, plus one space

    def length(a: int, b: int) -> int:  # words[a:b] joined by spaces
        return int(ends[b - 1] - (ends[a - 1] if a else 0)) - 1

    total = float(ends[-1])
    cuts, last = [], 0
    for k in range(1, parts):
        ideal = total * k / parts
        best, best_cost = None, None
        for i in range(last + 1, len(words) - (parts - k) + 1):
            if length(last, i) > limit:
                break
            cost = abs(ends[i - 1] - ideal) - (0.2 * total / parts if words[i - 1][-1] in ",;:" else 0.0)
            if best_cost is None or cost < best_cost:
                best, best_cost = i, cost
        if best is None:
            return None
        cuts.append(best)
        last = best
    if length(last, len(words)) > limit:
        return None
    bounds = [0, *cuts, len(words)]
    return [words[a:b] for a, b in zip(bounds, bounds[1:])]


def caption_cues(segments: Iterable[Segment], max_chars: int = 42, max_lines: int = 2) -> list[Cue]:
    """Cues for ``segments``: one per sentence, or several when a sentence needs more than
    ``max_lines`` lines, each as even as possible and timed within the sentence in proportion
    to its characters."""
    cues: list[Cue] = []
    for seg in segments:
        words = seg.text.split()
        if not words:
            continue
        parts = max(1, -(-len(wrap_caption(seg.text, max_chars)) // max_lines))
        while True:
            groups = _split_words(words, parts, max_chars * max_lines) if parts < len(words) else None
            if groups is None and parts < len(words):
                parts += 1
                continue
            groups = groups or [[w] for w in words]
            laid = [_balanced_lines(" ".join(g), max_chars, max_lines) for g in groups]
            if all(lines is not None for lines in laid) or parts >= len(words):
                break
            parts += 1
        cue_lines = []
        for group, lines in zip(groups, laid):
            # A single word too long for one line (a URL) is cut into pieces.
            cue_lines += [tuple(lines)] if lines is not None else [
                tuple(chunk) for chunk in _chunks(wrap_caption(" ".join(group), max_chars), max_lines)
            ]
        weights = [sum(len(line) for line in lines) + len(lines) for lines in cue_lines]
        total = float(sum(weights))
        # Work in whole milliseconds so that rounding never makes neighbours overlap.
        start_ms, end_ms = int(round(seg.start * 1000)), int(round(seg.end * 1000))
        done = 0
        for lines, weight in zip(cue_lines, weights):
            a = start_ms + int(round((end_ms - start_ms) * done / total))
            done += weight
            b = start_ms + int(round((end_ms - start_ms) * done / total))
            cues.append(Cue(a / 1000, b / 1000, lines))
    return cues


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def vtt_timestamp(seconds: float) -> str:
    """WebVTT time: ``HH:MM:SS.mmm``.

    >>> vtt_timestamp(3723.5)
    '01:02:03.500'
    """
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _vtt_escape(text: str) -> str:
    """Escape cue text (``&``, ``<`` and ``>`` are markup in WebVTT).

    >>> _vtt_escape("AT&T --> <b>")
    'AT&amp;T --&gt; &lt;b&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(cues: Sequence[Cue]) -> str:
    """The WebVTT document for ``cues``."""
    parts = ["WEBVTT", ""]
    for i, cue in enumerate(cues, 1):
        parts += [str(i), f"{vtt_timestamp(cue.start)} --> {vtt_timestamp(cue.end)}"]
        parts += [_vtt_escape(line) for line in cue.lines]
        parts.append("")
    return "\n".join(parts)


# --- chapters JSON and transcripts -----------------------------------------------------------------


def chapters_json(chapters: Sequence[Chapter], info: TrackInfo) -> str:
    """Podcasting 2.0 JSON chapters (version 1.2.0), times in seconds."""
    doc: dict[str, Any] = {"version": "1.2.0", "title": info.title}
    if info.site:
        doc["author"] = info.site
    doc["chapters"] = [
        {"startTime": round(c.start, 3), "endTime": round(c.end, 3), "title": c.title} for c in chapters
    ]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def clock(seconds: float) -> str:
    """``M:SS`` (or ``H:MM:SS``) for a transcript heading.

    >>> clock(75.4), clock(3725)
    ('1:15', '1:02:05')
    """
    total = int(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _meta_line(info: TrackInfo) -> str:
    return " · ".join(x for x in (info.site, _id3_date(info.date), info.source_url) if x)


def transcript_text(script: Script, chapters: Sequence[Chapter], info: TrackInfo) -> str:
    """The transcript as plain text: the exact words spoken, a paragraph per chapter."""
    out = [info.title]
    meta = _meta_line(info)
    if meta:
        out.append(meta)
    for section, chapter in zip(script.sections, chapters):
        out += ["", f"[{clock(chapter.start)}] {chapter.title}", " ".join(line.text for line in section.lines)]
    return "\n".join(out) + "\n"


def transcript_html(script: Script, chapters: Sequence[Chapter], info: TrackInfo) -> str:
    """The transcript as a small standalone, accessible HTML document."""
    e = html.escape
    lang = e(info.language or "en")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Transcript: {e(info.title)}</title>",
        "<style>body{font:1.1rem/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}"
        "time{color:#555;font-size:.9em;margin-right:.5em}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{e(info.title)}</h1>",
    ]
    meta = []
    if info.site:
        meta.append(e(info.site))
    date = _id3_date(info.date)
    if date:
        meta.append(f'<time datetime="{e(date)}">{e(date)}</time>')
    if info.source_url:
        meta.append(f'<a href="{e(info.source_url)}">Source article</a>')
    if meta:
        parts.append(f"<p>{' · '.join(meta)}</p>")
    for i, (section, chapter) in enumerate(zip(script.sections, chapters)):
        parts += [
            f'<section aria-labelledby="ch{i}">',
            f'<h2 id="ch{i}"><time datetime="PT{chapter.start:.0f}S">{clock(chapter.start)}</time>{e(chapter.title)}</h2>',
        ]
        parts.append(f"<p>{e(' '.join(line.text for line in section.lines))}</p>")
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
