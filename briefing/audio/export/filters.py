"""The few signal filters mastering needs, in numpy alone.

Mastering used ``scipy.signal`` (``firwin``, ``upfirdn``, ``lfilter``), ``scipy.ndimage``
(a running minimum and a box average) and pyloudnorm's K-weighting filters, which import
``scipy.signal`` too. Importing those took about 1.4 s of a cold ``briefing make`` (most of it
``scipy.stats``, which ``scipy.signal`` imports), against a budget of 10 s for the whole
briefing; the filters themselves take a few milliseconds. These give the same results to
rounding (``tests/audio/test_export_filters.py`` compares each with scipy and pyloudnorm).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

__all__ = ["box_mean", "iir", "k_weighting", "kaiser_lowpass", "one_pole", "polyphase", "running_min"]


def kaiser_lowpass(numtaps: int, cutoff: float, beta: float) -> np.ndarray:
    """A windowed-sinc low-pass FIR with unit gain at DC, as ``scipy.signal.firwin(numtaps,
    cutoff, window=("kaiser", beta))`` designs it (``cutoff`` relative to the Nyquist frequency).

    >>> taps = kaiser_lowpass(49, 0.2375, 6.0)
    >>> round(float(taps.sum()), 12), bool(np.allclose(taps, taps[::-1]))
    (1.0, True)
    """
    m = np.arange(numtaps) - (numtaps - 1) / 2
    taps = cutoff * np.sinc(cutoff * m) * np.kaiser(numtaps, beta)
    return taps / taps.sum()


def polyphase(taps: np.ndarray, x: np.ndarray, up: int) -> np.ndarray:
    """``x`` upsampled ``up`` times through the FIR ``taps``, as a matrix: column ``p`` holds
    samples ``p, p + up, p + 2 up, ...`` of ``scipy.signal.upfirdn(taps, x, up)`` (a column may
    end in one extra zero).

    One matrix product of ``x``'s sliding windows with the phases of ``taps``, in ``x``'s own
    precision: the zeros that upsampling puts between samples are never multiplied, and the
    product is three times quicker than a convolution a phase.

    >>> polyphase(np.array([1.0, 2, 3]), np.array([1.0, 1]), 2).tolist()
    [[1.0, 2.0], [4.0, 2.0], [3.0, 0.0]]
    """
    x = np.asarray(x)
    width = -(-len(taps) // up)  # taps in the longest phase
    matrix = np.zeros((width, up), dtype=x.dtype)
    for p in range(up):
        phase = np.asarray(taps[p::up], dtype=x.dtype)[::-1]
        matrix[width - phase.size :, p] = phase  # right-aligned: window n ends at sample n
    edge = np.zeros(width - 1, dtype=x.dtype)
    windows = np.lib.stride_tricks.sliding_window_view(np.concatenate([edge, x, edge]), width)
    return windows @ matrix


# Samples a block of :func:`iir`: the response of each block is found with one FFT of twice
# this length (measured quickest between 2,048 and 16,384). A few blocks are worked on at a
# time, so that every array stays under glibc's mmap threshold (briefing.memory's 256 KB): the
# heap then reuses the same memory for each group, where larger arrays were mapped and zeroed
# afresh every time, which took longer than the FFTs.
_BLOCK = 4096
_GROUP = 3


@lru_cache(maxsize=32)
def _impulse_responses(b: tuple[float, ...], a: tuple[float, ...], n: int) -> tuple[np.ndarray, np.ndarray]:
    """The first ``n`` samples of the impulse responses of ``B/A`` and of ``1/A`` (``a[0]`` is 1)."""
    order = len(a) - 1
    h, q = [0.0] * n, [0.0] * n
    for i in range(n):
        acc_h = b[i] if i < len(b) else 0.0
        acc_q = 1.0 if i == 0 else 0.0
        for j in range(1, min(order, i) + 1):
            acc_h -= a[j] * h[i - j]
            acc_q -= a[j] * q[i - j]
        h[i], q[i] = acc_h, acc_q
    return np.array(h), np.array(q)


def iir(b, a, x: np.ndarray) -> np.ndarray:
    """``x`` through the filter ``b/a`` from rest: ``scipy.signal.lfilter(b, a, x)`` in float64,
    for the short filters of loudness measurement and the compressor (order up to 4 or so).

    Blocks of :data:`_BLOCK` samples: within a block the response to the block's own samples is
    a convolution with the filter's impulse response, done by FFT for :data:`_GROUP` blocks at once; what
    earlier samples still contribute follows from the last ``order`` inputs and outputs before
    the block (they excite ``1/A``), carried from block to block. Exact up to rounding: no
    response is cut short.

    >>> iir([1.0], [1.0, -0.5], np.array([1.0, 0, 0, 2])).tolist()
    [1.0, 0.5, 0.25, 2.125]
    """
    a0 = float(a[0])
    order = max(len(a), len(b)) - 1
    bb = [float(v) / a0 for v in b] + [0.0] * (order + 1 - len(b))
    aa = [float(v) / a0 for v in a] + [0.0] * (order + 1 - len(a))
    x = np.asarray(x, dtype=np.float64)
    y = np.empty(x.size)
    if x.size == 0:
        return y
    if order == 0:
        return np.multiply(x, bb[0], out=y)
    h, q = _impulse_responses(tuple(bb), tuple(aa), _BLOCK)
    spectrum = np.fft.rfft(h, 2 * _BLOCK)
    # Row m: the response of 1/A to an excitation at sample m of the block.
    excited = np.zeros((order, _BLOCK))
    for m in range(order):
        excited[m, m:] = q[: _BLOCK - m]
    tail = excited[:, _BLOCK - order :]
    prev_x, prev_y = [0.0] * order, [0.0] * order  # the last inputs and outputs, oldest first
    span = _BLOCK * _GROUP
    for start in range(0, x.size, span):
        chunk = x[start : start + span]
        blocks = -(-chunk.size // _BLOCK)
        xb = np.zeros((blocks, _BLOCK))
        xb.reshape(-1)[: chunk.size] = chunk
        zs = np.fft.irfft(np.fft.rfft(xb, 2 * _BLOCK, axis=1) * spectrum, 2 * _BLOCK, axis=1)[:, :_BLOCK]
        exc = np.empty((blocks, order))
        for k in range(blocks):
            e = [
                sum(bb[j] * prev_x[order - j + m] - aa[j] * prev_y[order - j + m] for j in range(m + 1, order + 1))
                for m in range(order)
            ]
            exc[k] = e
            prev_y = (zs[k, _BLOCK - order :] + np.dot(e, tail)).tolist()
            prev_x = xb[k, _BLOCK - order :].tolist()
        zs += exc @ excited
        y[start : start + chunk.size] = zs.reshape(-1)[: chunk.size]
    return y


def one_pole(coef: float, x: np.ndarray) -> np.ndarray:
    """``y[n] = (1 - coef) x[n] + coef y[n - 1]`` from rest (``0 < coef < 1``): the smoothing
    filter ``scipy.signal.lfilter([1 - coef], [1, -coef], x)``, exact up to rounding.

    In runs of ``L`` samples, short enough that ``coef ** -L`` stays below e**4: within a run
    the filter is a running sum of the samples weighted by ``coef ** -k``; between runs only
    the last output carries over. Four times quicker than :func:`iir`'s FFT for this filter.

    >>> one_pole(0.5, np.array([2.0, 0, 0, 2])).tolist()
    [1.0, 0.5, 0.25, 1.125]
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.empty(x.size)
    if x.size == 0:
        return y
    run = max(1, min(x.size, int(4.0 / -np.log(coef))))
    k = np.arange(run)
    rise, fall = coef ** -k.astype(np.float64), coef ** k.astype(np.float64)
    carry_gain = coef ** (k + 1.0)
    last = 0.0
    span = run * max(1, (1 << 14) // run)  # runs at a time: arrays under 256 KB (see _GROUP)
    for start in range(0, x.size, span):
        chunk = x[start : start + span]
        runs = -(-chunk.size // run)
        grid = np.zeros((runs, run))
        grid.reshape(-1)[: chunk.size] = chunk
        grid *= rise
        np.cumsum(grid, axis=1, out=grid)
        grid *= fall * (1.0 - coef)
        ends = grid[:, -1].tolist()
        before = np.empty(runs)
        for i in range(runs):  # the output just before each run
            before[i] = last
            last = ends[i] + carry_gain[-1] * last
        grid += np.multiply.outer(before, carry_gain)
        y[start : start + chunk.size] = grid.reshape(-1)[: chunk.size]
    return y


@lru_cache(maxsize=8)
def k_weighting(sample_rate: int) -> tuple[np.ndarray, np.ndarray]:
    """ITU-R BS.1770's K-weighting at ``sample_rate`` as one filter ``(b, a)``: pyloudnorm's two
    biquads (its RBJ-cookbook high shelf, +4 dB at 1.5 kHz, and its high pass at 38 Hz) in series.

    >>> b, a = k_weighting(48000)
    >>> len(b), len(a), float(a[0])
    (5, 5, 1.0)
    """
    stages = []
    for kind, gain_db, q, fc in (("high_shelf", 4.0, 1 / np.sqrt(2), 1500.0), ("high_pass", 0.0, 0.5, 38.0)):
        amp = 10 ** (gain_db / 40.0)
        w0 = 2.0 * np.pi * fc / sample_rate
        alpha, cos = np.sin(w0) / (2.0 * q), np.cos(w0)
        if kind == "high_shelf":
            root = 2 * np.sqrt(amp) * alpha
            b = [amp * ((amp + 1) + (amp - 1) * cos + root), -2 * amp * ((amp - 1) + (amp + 1) * cos),
                 amp * ((amp + 1) + (amp - 1) * cos - root)]
            a = [(amp + 1) - (amp - 1) * cos + root, 2 * ((amp - 1) - (amp + 1) * cos), (amp + 1) - (amp - 1) * cos - root]
        else:
            b = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2]
            a = [1 + alpha, -2 * cos, 1 - alpha]
        stages.append((np.array(b) / a[0], np.array(a) / a[0]))
    (b1, a1), (b2, a2) = stages
    return np.convolve(b1, b2), np.convolve(a1, a2)


def running_min(values: np.ndarray, size: int) -> np.ndarray:
    """``out[i] = min(values[i : i + size])`` for every ``i`` where that window fits, in linear
    time (van Herk and Gil-Werman: minima from the start and from the end of each run of
    ``size`` values, two of which cover any window).

    >>> running_min(np.array([5.0, 3, 4, 1, 2, 6]), 3).tolist()
    [3.0, 1.0, 1.0, 1.0]
    """
    v = np.asarray(values, dtype=np.float64)
    count = v.size - size + 1
    if count <= 0:
        return np.zeros(0)
    if size == 1:
        return v.copy()
    runs = -(-v.size // size)
    padded = np.full(runs * size, np.inf)
    padded[: v.size] = v
    grid = padded.reshape(runs, size)
    from_start = np.minimum.accumulate(grid, axis=1).reshape(-1)
    from_end = np.minimum.accumulate(grid[:, ::-1], axis=1)[:, ::-1].reshape(-1)
    i = np.arange(count)
    return np.minimum(from_end[i], from_start[i + size - 1])


def box_mean(values: np.ndarray, size: int) -> np.ndarray:
    """The mean of ``size`` values around each one, edges repeated: ``scipy.ndimage.uniform_filter1d(values,
    size, mode="nearest")`` (its window for an even ``size`` reaches one further back than ahead).

    >>> box_mean(np.array([0.0, 0, 4, 4]), 2).tolist()
    [0.0, 0.0, 2.0, 4.0]
    """
    v = np.asarray(values, dtype=np.float64)
    if v.size == 0:
        return v.copy()
    before, after = size // 2, size - size // 2 - 1
    padded = np.concatenate([np.full(before, v[0]), v, np.full(after, v[-1])])
    csum = np.empty(padded.size + 1)
    csum[0] = 0.0
    np.cumsum(padded, out=csum[1:])
    del padded  # a whole-length array each: at most two at a time
    out = np.subtract(csum[size:], csum[:-size])
    out /= size
    return out
