"""Loudness: the whole file is brought to an integrated -16 LUFS (ITU-R BS.1770, measured
with pyloudnorm's filters and gating) with its true peak (4x oversampled) at most -1 dBTP.
Speech from Piper has a peak-to-loudness ratio near 22 dB, so raising it to -16 LUFS would
clip by about 6 dB: a gentle compressor evens out syllables, then a look-ahead limiter (the
numpy filters of :mod:`.filters`, no per-sample Python loop) holds the true peak under the
ceiling, and the gain is searched so that loudness lands on target *after* limiting.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...errors import VoiceError
from .filters import box_mean, iir, k_weighting, kaiser_lowpass, one_pole, polyphase, running_min

SILENCE_LUFS = -70.0  # BS.1770's absolute gate: quieter than this is silence


_TP_OVERSAMPLE = 4
_TP_TAPS = 49  # like BS.1770-4 Annex 2 (48 taps), odd so that phase 0 is the samples themselves


def _tp_filter() -> np.ndarray:
    return (kaiser_lowpass(_TP_TAPS, 0.95 / _TP_OVERSAMPLE, 6.0) * _TP_OVERSAMPLE).astype(np.float32)


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


def true_peak_envelope(samples: np.ndarray, block: int = 1 << 13) -> np.ndarray:
    """The largest absolute value of the 4x oversampled signal around each sample (linear).

    Oversampled a ``block`` of samples at a time, each with enough of its neighbours for the
    filter: the result is the same as oversampling the whole signal at once, but a
    two-minute briefing no longer holds its 4x copy (and that copy's absolute values), about
    85 MB, all at the same time. Blocks of 8,192 samples keep each array under glibc's mmap
    threshold (see :mod:`.filters`): larger ones were mapped and zeroed afresh, block by block.

    >>> x = np.sin(np.arange(5000) * 0.3).astype(np.float32)
    >>> bool(np.array_equal(true_peak_envelope(x, block=700), true_peak_envelope(x, block=10_000)))
    True
    """
    x = np.asarray(samples, dtype=np.float32)
    if x.size == 0:
        return np.zeros(0, np.float32)
    taps = _tp_filter()
    # The filter's group delay, (taps - 1) / 2 oversampled samples, is a whole number of input samples.
    shift = (_TP_TAPS - 1) // 2 // _TP_OVERSAMPLE
    # Input samples on either side of a block that reach its oversampled values through the filter.
    context = _TP_TAPS // _TP_OVERSAMPLE + 1
    out = np.empty(x.size, np.float32)
    for start in range(0, x.size, block):
        end = min(start + block, x.size)
        lo = max(0, start - context)
        first = start - lo + shift
        # Sample i's oversampled values are row i + shift of the phases.
        up = polyphase(taps, x[lo : min(x.size, end + context)], _TP_OVERSAMPLE)[first : first + end - start]
        np.abs(up, out=up)
        peak = np.abs(x[start:end])
        for phase in range(_TP_OVERSAMPLE):  # quicker than up.max(axis=1) across 4 columns
            np.maximum(peak, up[:, phase], out=peak)
        out[start:end] = peak
    return out


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
    """``samples`` through BS.1770's K-weighting (pyloudnorm's two filters, as one)."""
    b, a = k_weighting(sample_rate)
    return iir(b, a, samples)


def gated_loudness(weighted: np.ndarray, sample_rate: int) -> float:
    """Integrated loudness of K-weighted mono samples: BS.1770-4's gating, exactly as pyloudnorm
    computes it (400 ms blocks, 75 % overlap, -70 LUFS and -10 LU gates), without its Python loops."""
    return _gated_power(np.square(weighted), sample_rate)


def _gated_power(power: np.ndarray, sample_rate: int) -> float:
    """:func:`gated_loudness` from the squared K-weighted samples."""
    block = 0.4
    n = power.size
    count = int(np.round((n / sample_rate - block) / (block * 0.25))) + 1
    if count < 1:
        return -np.inf
    j = np.arange(count)
    lower = (block * (j * 0.25) * sample_rate).astype(np.int64)
    upper = np.minimum((block * (j * 0.25 + 1) * sample_rate).astype(np.int64), n)
    # The running sum written straight after its leading zero: one array of n, not three.
    csum = np.empty(n + 1)
    csum[0] = 0.0
    np.cumsum(power, out=csum[1:])
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
    weighted = k_weighted(x, sample_rate)
    return _gated_power(np.square(weighted, out=weighted), sample_rate)  # our own array: squared in place


def compress(samples: np.ndarray, sample_rate: int, threshold_db: float, ratio: float = 3.0) -> np.ndarray:
    """A gentle RMS compressor: levels above ``threshold_db`` (dBFS, 10 ms RMS) are divided by ``ratio``.

    Both the level detector and the gain smoother are one-pole filters (:func:`.filters.one_pole`).
    """
    x = np.asarray(samples, dtype=np.float64)
    a = np.exp(-1.0 / (0.010 * sample_rate))
    # In place where the order of operations allows (the same values as written out): a
    # two-minute briefing's samples take 20 MB an array.
    level = one_pole(a, np.square(x))
    np.maximum(level, 1e-12, out=level)
    np.log10(level, out=level)
    level *= 10
    level -= threshold_db
    np.maximum(level, 0.0, out=level)
    level *= 1.0 - 1.0 / ratio
    b = np.exp(-1.0 / (0.030 * sample_rate))
    gain = one_pole(b, level)
    del level
    gain /= -20
    np.power(10.0, gain, out=gain)
    return np.multiply(x, gain, out=gain)


# The limiter's attack and hold (seconds) and block (samples), as limiter_gain's defaults.
_TIMING = (0.005, 0.040, 8)
_BLOCK = _TIMING[2]


def limiter_gain(
    envelope: np.ndarray,
    sample_rate: int,
    ceiling_db: float,
    attack: float = _TIMING[0],
    hold: float = _TIMING[1],
    block: int = _BLOCK,
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
    env = np.asarray(envelope, dtype=np.float64)
    if env.size == 0:
        return np.ones(0)
    return _limiter(block_peaks(env, block), env.size, sample_rate, ceiling_db, attack, hold, block, smooth, 1.0)


def block_peaks(envelope: np.ndarray, block: int = 8) -> np.ndarray:
    """The largest value of each run of ``block`` values of ``envelope`` (never negative),
    the last run possibly shorter: all the limiter needs of the envelope, an eighth its size.

    >>> block_peaks(np.array([1.0, 5, 2, 0, 3]), 2).tolist()
    [5.0, 2.0, 3.0]
    """
    whole = envelope.size // block * block
    peak = _max_per_block(envelope[:whole], block) if whole else envelope[:0].copy()
    if whole < envelope.size:
        peak = np.append(peak, envelope[whole:].max())
    return peak


def _limiter(
    peak: np.ndarray, n: int, sample_rate: int, ceiling_db: float, attack: float, hold: float, block: int,
    smooth: bool, scale: float,
) -> np.ndarray:
    """:func:`limiter_gain` from the envelope's :func:`block_peaks` (``n`` samples), for the
    envelope times ``scale`` (> 0): the peaks are scaled, not a whole-length copy of it."""
    blocks = peak.size
    if scale != 1.0:
        peak = peak * scale  # the largest of the scaled values: scaling keeps their order
    need = np.minimum(1.0, 10 ** (ceiling_db / 20) / np.maximum(peak, 1e-12))
    w = max(1, int(round(attack * sample_rate / block)))
    h = max(0, int(round(hold * sample_rate / block)))
    size = h + w
    padded = np.concatenate([np.ones(h), need, np.ones(w)])
    mins = running_min(padded, size)[:blocks]  # output i: the least of padded[i : i + size]
    # Before the start, repeat the first window's minimum: it covers the first blocks' needs.
    ramp = np.concatenate([np.full(w - 1, mins[0]), mins])
    csum = np.concatenate([[0.0], np.cumsum(ramp)])
    gain = np.minimum((csum[w:] - csum[:-w])[:blocks] / w, 1.0)  # the running sum rounds a little
    steps = np.repeat(gain, block)[:n]
    if not smooth:  # good enough to estimate loudness with
        return steps
    # A box average of the steps is a linear ramp between block values; the minimum with
    # the steps keeps every sample at or under its own block's gain.
    smoothed = box_mean(steps, block)
    return np.minimum(steps, smoothed, out=smoothed)


def _search_gain(
    peaks: np.ndarray, weighted: np.ndarray, sample_rate: int, ceiling: float, aim: float, gain_db: float
) -> tuple[float, float]:
    """Secant search, on the estimate, for the make-up gain (dB) that brings the limited
    loudness to ``aim``, starting from ``gain_db``: returns the gain tried last and the gain
    a further round would start from."""
    points: list[tuple[float, float]] = []
    for _step in range(8):
        used_db, g = gain_db, 10 ** (gain_db / 20)
        limit = _limiter(peaks, weighted.size, sample_rate, ceiling, *_TIMING, smooth=False, scale=g)
        limit *= g
        np.multiply(weighted, limit, out=limit)  # weighted * (g * limit)
        estimate = _gated_power(np.square(limit, out=limit), sample_rate)
        del limit
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
    return used_db, gain_db


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
    y = compress(x * 10 ** ((target_lufs - before) / 20), sample_rate, threshold_db=target_lufs - 2.0)
    del x  # a float64 copy when the caller's samples are float32
    # The limiter needs only the envelope's block peaks: the whole envelope is not kept.
    peaks = block_peaks(true_peak_envelope(y), _BLOCK).astype(np.float64)
    ceiling, aim, gain_db = ceiling_dbtp, target_lufs, 0.0
    out = None
    for _round in range(6):
        # Weighted again each round (two filters, a few ms a minute) rather than kept: it
        # would be one more whole-length array beside the output and its measurement.
        used_db, gain_db = _search_gain(peaks, k_weighted(y, sample_rate), sample_rate, ceiling, aim, gain_db)
        g = 10 ** (used_db / 20)
        del out  # the last round's output goes before this round's is made
        limit = _limiter(peaks, y.size, sample_rate, ceiling, *_TIMING, smooth=True, scale=g)
        least = float(limit.min())
        limit *= g
        out = np.multiply(y, limit, out=limit)  # y * (g * limit), in the gain's own array
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
        max_reduction_db=float(-20 * np.log10(max(least, 1e-9))),
    )
