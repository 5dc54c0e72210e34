"""Export: MP3 encoding, frames, LAME's scale and delay, and mastering checked on the MP3."""

from __future__ import annotations

import numpy as np
import pytest
import pyloudnorm

from briefing.audio import export
from briefing.errors import BriefingError
from audio_signals import SR, oversampled_peak_db, speechlike, tone


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
