"""The rewriter on the curated cases of tests/data/rewrite_cases.json: each gives its expected text and
rules, and each passes the faithfulness check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.plain.faithful import check
from briefing.plain.simplify import simplify_sentence


CASES = json.loads((Path(__file__).parent.parent / "data" / "rewrite_cases.json").read_text(encoding="utf-8"))


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=case["input"][:50], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_rewrite_case(case):
    rewrite = simplify_sentence(case["input"], source=case.get("source"))
    assert rewrite.text == case["expected"]
    if not case.get("xfail"):
        assert list(rewrite.rules) == case["rules"]


@pytest.mark.parametrize("case", [c for c in CASES if not c.get("xfail")], ids=lambda c: c["input"][:50])
def test_every_case_passes_the_check(case):
    # The rules are built to be faithful: none of the curated cases needs the fallback.
    assert check(case["input"], case["expected"], source=case.get("source")).ok
