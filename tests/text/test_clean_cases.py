"""Cleaners: the data-driven cases of tests/data/clean_cases.json (every cleaner has some), the
registry, and the report of every change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.text.clean import CLEANERS, clean_text
from briefing.models import Removal


CASES = json.loads((Path(__file__).parents[1] / "data" / "clean_cases.json").read_text(encoding="utf-8"))


def _params() -> list:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        params.append(pytest.param(case, id=case["name"], marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_clean_case(case):
    text, removals = clean_text(case["input"])
    assert text == case["expected"]
    assert list(dict.fromkeys(r.cleaner for r in removals)) == case["cleaners"]


def test_cases_cover_every_cleaner():
    fired = {name for case in CASES if not case.get("xfail") for name in case["cleaners"]}
    assert fired == set(CLEANERS)


def test_registry_is_ordered_named_functions():
    assert list(CLEANERS)[0] == "whitespace"
    for name, cleaner in CLEANERS.items():
        text, changes = cleaner("Plain words.")
        assert (text, changes) == ("Plain words.", []), name
        assert cleaner.__doc__, name


def test_every_change_is_reported():
    text, removals = clean_text("Musk  arrived.\nShare this article\nELON Musk left.")
    assert removals == (
        Removal("whitespace", "  ", " "),
        Removal("boilerplate_lines", "Share this article", ""),
    )
    assert text == "Musk arrived.\nELON Musk left."
