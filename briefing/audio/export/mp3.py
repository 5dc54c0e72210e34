"""MP3: encoding with LAME and decoding (no ffmpeg), mastering checked on the MP3 itself, and its frames."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ...errors import BriefingError
from .loudness import Mastering, loudness_lufs, master, true_peak_dbtp


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] as 16-bit PCM (clipped, rounded)."""
    x = np.clip(np.asarray(samples, dtype=np.float64), -1.0, 1.0)  # a copy, then worked on in place
    x *= 32767.0
    return np.round(x, out=x).astype(np.int16)


# LAME (as lameenc builds it) scales its input by 0.95 (-0.45 dB) at every rate and bit rate
# we tried; we undo it so that the MP3 plays at the loudness we mastered. tests/audio/test_export_mp3.py
# decodes a tone to check that this still holds.
LAME_INPUT_SCALE = 0.95
# LAME's encoder delay (576 samples) plus the standard decoder delay (529): without a LAME
# info frame, which lameenc does not write, players play this much silence first, so the
# times we publish are shifted by it. tests/audio/test_export_mp3.py measures it.
LAME_DELAY_SAMPLES = 1105


def encode_mp3(samples: np.ndarray, sample_rate: int, bitrate_kbps: int = 64, quality: int = 5) -> bytes:
    """Encode mono float samples in [-1, 1] as constant-bitrate MP3 with LAME (``lameenc``, no ffmpeg)."""
    import lameenc  # deferred: only encoding needs the LAME extension

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
        import miniaudio  # optional: only the gtts voice and the tests decode MP3
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
        del out  # each of these arrays is 20 MB for a two-minute briefing: one at a time
        decoded = decode_mp3(data, sample_rate)[0].astype(np.float64)
        decoded /= 32768.0
        level, peak = loudness_lufs(decoded, sample_rate), true_peak_dbtp(decoded)
        del decoded
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
