"""The pronunciation lexicon: the shipped file, users' files from the environment, and their errors."""

from __future__ import annotations

from importlib import resources

import pytest

from briefing.errors import ConfigError
from briefing.audio.normalize import LEXICON_ENV, active_lexicon, for_speech, load_lexicon


def test_user_lexicon_from_the_environment(tmp_path, monkeypatch):
    mine = tmp_path / "mine.tsv"
    mine.write_text("# mine\nKarhi\tKar-hee\tsay\nCCDH\tthe hate centre\texpand\n", encoding="utf-8")
    monkeypatch.setenv(LEXICON_ENV, str(mine))
    assert for_speech("Shlomo Karhi and the CCDH.") == "Shlomo Kar-hee and the the hate centre."
    monkeypatch.delenv(LEXICON_ENV)
    assert for_speech("Shlomo Karhi.") == "Shlomo Karhi."


def test_several_user_files_later_wins(tmp_path):
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    first.write_text("Karhi\tKarry\tsay\n", encoding="utf-8")
    second.write_text("Karhi\tKar-hee\tsay\n", encoding="utf-8")
    entries = {e.written: e for e in load_lexicon([first, second])}
    assert entries["Karhi"].spoken == "Kar-hee"
    assert entries["Karhi"].origin == f"{second}:1"
    assert entries["CCDH"].spoken == "C C D H"  # shipped entries are kept


def test_bad_lexicon_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# fine\nKarhi Kar-hee say\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.tsv:2: expected 'written<TAB>spoken<TAB>kind'"):
        load_lexicon([bad])
    bad.write_text("Karhi\tKar-hee\tshout\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown kind 'shout'"):
        load_lexicon([bad])


def test_missing_user_lexicon_says_which_setting(tmp_path, monkeypatch):
    monkeypatch.setenv(LEXICON_ENV, str(tmp_path / "nope.tsv"))
    with pytest.raises(ConfigError, match=LEXICON_ENV):
        active_lexicon()


def test_shipped_lexicon_is_valid_and_unique():
    text = (resources.files("briefing") / "data" / "pronunciations.tsv").read_text(encoding="utf-8")
    written = [line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(written) == len(set(written))
    assert len(load_lexicon()) == len(written)
