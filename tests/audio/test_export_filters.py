"""Mastering's numpy filters against the scipy and pyloudnorm functions they replace, on noise
and on speech-like signals; and a cold make's text and audio halves without scipy at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.ndimage
import scipy.signal
from pyloudnorm.iirfilter import IIRfilter

from briefing.audio.export import filters

RNG = np.random.default_rng(2026)


def test_kaiser_lowpass_is_firwins_design():
    for numtaps, cutoff, beta in ((49, 0.2375, 6.0), (31, 0.5, 8.0), (48, 0.1, 4.0)):
        ours = filters.kaiser_lowpass(numtaps, cutoff, beta)
        theirs = scipy.signal.firwin(numtaps, cutoff, window=("kaiser", beta))
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-15)


@pytest.mark.parametrize("taps_n, up", [(49, 4), (12, 4), (7, 3), (5, 2)])
def test_polyphase_holds_upfirdns_samples(taps_n, up):
    taps = RNG.standard_normal(taps_n).astype(np.float32)
    x = RNG.standard_normal(5003).astype(np.float32)
    theirs = scipy.signal.upfirdn(taps, x, up)
    ours = filters.polyphase(taps, x, up)
    for p in range(up):
        column = theirs[p::up]
        np.testing.assert_allclose(ours[: column.size, p], column, rtol=0, atol=1e-5)
        assert not ours[column.size :, p].any()  # at most one extra sample, and it is zero


@pytest.mark.parametrize("rate", [16000, 22050, 24000, 48000])
def test_k_weighting_is_pyloudnorms_two_filters(rate):
    x = RNG.standard_normal(3 * rate + 17)
    expected = x
    for stage in (IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, rate, "high_shelf"), IIRfilter(0.0, 0.5, 38.0, rate, "high_pass")):
        expected = stage.apply_filter(expected)
    b, a = filters.k_weighting(rate)
    np.testing.assert_allclose(filters.iir(b, a, x), expected, rtol=0, atol=1e-9)


@pytest.mark.parametrize("n", [1, 2, 4095, 4096, 4097, 64 * 4096 + 5, 600_001])
def test_iir_matches_lfilter_at_every_length(n):
    # Lengths around the block and group sizes: the state carried between blocks must be exact.
    x = RNG.standard_normal(n)
    for b, a in (([0.2, 0.3], [1.0, -0.7]), ([1.0, -2.0, 1.0], [1.0, -1.9, 0.905]), filters.k_weighting(22050)):
        np.testing.assert_allclose(filters.iir(b, a, x), scipy.signal.lfilter(b, a, x), rtol=0, atol=1e-9)


def test_iir_of_nothing_and_of_a_pure_gain():
    assert filters.iir([1.0], [1.0, -0.5], np.zeros(0)).size == 0
    assert filters.iir([3.0], [2.0], np.array([1.0, 2.0])).tolist() == [1.5, 3.0]


@pytest.mark.parametrize("seconds", [0.010, 0.030])
@pytest.mark.parametrize("n", [1, 700, 100_003, 600_000])
def test_one_pole_matches_lfilter(seconds, n):
    coef = np.exp(-1.0 / (seconds * 22050))
    x = np.square(RNG.standard_normal(n))  # the compressor smooths squares: all positive
    expected = scipy.signal.lfilter([1 - coef], [1, -coef], x)
    np.testing.assert_allclose(filters.one_pole(coef, x), expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("size", [1, 2, 3, 8, 124, 125])
def test_running_min_is_ndimages_forward_window(size):
    v = RNG.random(10_007)
    expected = scipy.ndimage.minimum_filter1d(v, size=size, origin=-(size // 2), mode="nearest")[: v.size - size + 1]
    np.testing.assert_array_equal(filters.running_min(v, size), expected)


@pytest.mark.parametrize("size", [1, 2, 7, 8])
def test_box_mean_is_uniform_filter1d(size):
    v = RNG.random(10_007)
    expected = scipy.ndimage.uniform_filter1d(v, size=size, mode="nearest")
    np.testing.assert_allclose(filters.box_mean(v, size), expected, rtol=0, atol=1e-12)


def test_the_text_pipeline_and_mastering_never_import_scipy():
    """scipy (1.4 s to import) stays out of a process that summarises an article and masters
    its audio: the point of briefing/_imports.py and of these filters."""
    code = (
        "import sys, numpy as np\n"
        "from briefing import summarize, read_source, BriefingConfig\n"
        "from briefing.audio.export import master_mp3\n"
        "b = summarize(read_source('samples/musk-israel-visit.txt', BriefingConfig()))\n"
        "assert b.key_points\n"
        "t = np.arange(22050 * 2) / 22050\n"
        "master_mp3((0.1 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), 22050)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scipy', 'pyloudnorm', 'sklearn')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_nltk_loaded_without_scipy_still_splits_and_scipy_still_imports():
    code = (
        "import sys\n"
        "import briefing\n"
        "from briefing.text.nlp import sentence_tokenizer\n"
        "assert 'scipy' not in sys.modules\n"
        "print(len(sentence_tokenizer().tokenize('Mr. Smith went home. He slept.')))\n"
        "import scipy.stats\n"
        "print(scipy.stats.norm.cdf(0))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["2", "0.5"]
