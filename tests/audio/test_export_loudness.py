"""Export: loudness, true peak, the limiter and mastering, on signals made here."""

from __future__ import annotations

import numpy as np
import pytest
import pyloudnorm

from briefing.audio import export
from briefing.errors import BriefingError
from audio_signals import SR, oversampled_peak_db, speechlike


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
