"""Inflection of the lexicon's phrases and replacements (briefing.plain.inflect)."""

from __future__ import annotations

from briefing.plain import inflect


def test_inflect_module():
    assert inflect.forms("slam", "verb") == {"VB": "slam", "VBZ": "slams", "VBD": "slammed", "VBN": "slammed",
                                            "VBG": "slamming"}
    assert inflect.forms("come under fire", "verb")["VBN"] == "come under fire"
    assert inflect.forms("allegation", "noun")["NNS"] == "allegations"
    assert (inflect.comparative("big"), inflect.superlative("easy")) == ("bigger", "easiest")
