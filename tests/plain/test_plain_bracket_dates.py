"""move:dates: a person's birth date or life span in brackets becomes a sentence of its own; the dates
of things stay where they are."""

from __future__ import annotations

import pytest

from briefing.plain.faithful import check
from briefing.plain.simplify import simplify_sentence


@pytest.mark.parametrize("text, expected", [
    ("Jörg Heinrich (born December 6, 1969 in Rathenow) is a German football defender.",
     "Jörg Heinrich is a German football defender. Jörg Heinrich was born December 6, 1969 in Rathenow."),
    ("Marcel Junod (1904 - 1961), a physician from Geneva, was a famous delegate.",
     "Marcel Junod was a famous delegate. Junod was a doctor from Geneva. Marcel Junod lived from 1904 to 1961."),
])
def test_bracketed_life_dates_get_their_own_sentence(text, expected):
    r = simplify_sentence(text)
    assert r.text == expected
    assert r.rules[0].startswith("move:")
    assert check(text, r.text).ok


@pytest.mark.parametrize("text", [
    "Operation Overlord (6 June 1944 – 30 August 1944) was the invasion of Normandy.",
    "Fleetwood Mac (1967 – 1995) was a band from London.",
    "Shares rose (from 1990 to 2000) by a third.",
])
def test_bracketed_dates_of_things_are_not_a_life(text):
    assert not any(rule.startswith("move:") for rule in simplify_sentence(text).rules)
