"""Speech normalisation inside quotations: no word added, dropped or moved."""

from __future__ import annotations

import re

import pytest

from briefing.audio.normalize import for_speech


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


@pytest.mark.parametrize(
    "quote",
    [
        "Nothing could be further from the truth.",
        "You have said the actual truth",
        "I posted on X/Twitter and/or Facebook, Mr Smith",
        "St Paul's is the best (really)",
    ],
)
def test_quoted_words_are_spoken_as_written(quote):
    spoken = for_speech(f"He said: “{quote}” on X/Twitter.")
    inside = re.search(r"“(.*)”", spoken).group(1)
    # Symbols may be said ("slash"), abbreviations read out; no word is added, dropped or moved.
    said = [w for w in _words(inside) if w not in {"slash", "mister", "saint"}]
    written = [w for w in _words(quote) if w not in {"mr", "st"}]
    assert said == written
    assert spoken.endswith("on X, formerly Twitter.")


def test_numbers_in_quotes_are_read_as_words():
    assert for_speech("She said: “We lost 5 people in 2018.”") == "She said: “We lost five people in twenty eighteen.”"


def test_quoted_flag_protects_the_whole_text():
    assert for_speech("posts on X/Twitter", quoted=True) == "posts on X slash Twitter"
