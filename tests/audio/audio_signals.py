"""Test signals made here (tones, noise bursts shaped like speech) and a reference true-peak meter,
so the export tests are quick; the real voice end to end is in test_render.py.
"""

from __future__ import annotations

import numpy as np
from scipy.signal import resample_poly


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
