"""SARI and BLEU against the calibration figures of ../shared/eval/README.md (ASSET test),
and the metric's small rules."""

from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.plain.sari import corpus_bleu, corpus_sari, normalize, read_lines, sari_operation_scores
from conftest import SHARED

ASSET = SHARED / "eval" / "simplification" / "asset"
needs_asset = pytest.mark.skipif(
    not ASSET.is_dir(), reason=f"calibration data not found at {ASSET} (../shared/eval is absent)"
)


@pytest.fixture(scope="module")
def asset_test():
    orig = read_lines(ASSET / "asset.test.orig")
    refs = [read_lines(ASSET / f"asset.test.simp.{k}") for k in range(10)]
    access = read_lines(ASSET / "ACCESS.asset.test.out")
    return orig, refs, access


@needs_asset
def test_files_line_up(asset_test):
    orig, refs, access = asset_test
    assert len(orig) == len(access) == 359
    assert all(len(r) == 359 for r in refs)


@needs_asset
def test_identity_calibration(asset_test):
    orig, refs, _ = asset_test
    assert corpus_sari(orig, orig, refs) == pytest.approx(20.73, abs=0.05)


@needs_asset
def test_access_calibration(asset_test):
    orig, refs, access = asset_test
    assert corpus_sari(orig, access, refs) == pytest.approx(40.13, abs=0.05)


@needs_asset
def test_access_bleu_calibration(asset_test):
    _, refs, access = asset_test
    assert corpus_bleu(access, refs) == pytest.approx(75.99, abs=0.05)


def test_identity_adds_and_deletes_nothing():
    orig = ["About 95 species are currently accepted ."]
    refs = [["About 95 species are currently known ."], ["95 species are now accepted ."]]
    add, keep, delete = sari_operation_scores(orig, orig, refs)
    assert add == 0 and delete == 0 and keep > 0
    assert corpus_sari(orig, orig, refs) == pytest.approx(keep / 3)


def test_matching_a_reference_scores_higher():
    orig = ["The committee postponed the vote indefinitely ."]
    refs = [["The committee put off the vote ."], ["The group put off the vote ."]]
    good = corpus_sari(orig, ["The committee put off the vote ."], refs)
    wrong = corpus_sari(orig, ["The president cancelled the vote ."], refs)
    assert good > wrong
    assert good > corpus_sari(orig, orig, refs)


def test_tokenised_and_lowercased_like_easse():
    assert normalize("Musk's $5m deal, he said.") == ("musk's", "$", "5m", "deal", ",", "he", "said", ".")
    assert corpus_sari(["A b ."], ["a B."], [["A B ."]]) == corpus_sari(["A b ."], ["A b ."], [["A B ."]])


def test_layout_errors_are_briefing_errors():
    with pytest.raises(BriefingError, match="one system sentence per original"):
        corpus_sari(["a", "b"], ["a"], [["a", "b"]])
    with pytest.raises(BriefingError, match="EASSE layout"):
        corpus_sari(["a", "b"], ["a", "b"], [["a"]])


def test_read_lines_with_and_without_final_newline(tmp_path):
    (tmp_path / "a").write_text("one\ntwo", encoding="utf-8")
    (tmp_path / "b").write_text("one\ntwo\n", encoding="utf-8")
    assert read_lines(tmp_path / "a") == read_lines(tmp_path / "b") == ["one", "two"]
