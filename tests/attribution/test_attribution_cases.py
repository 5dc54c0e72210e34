"""Attribution: the data-driven cases of tests/data/attribution_cases.json (cues, sources,
quotations, pronouns and descriptions resolved)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attribution_articles import seed_article_from

from briefing.attribution.attribute import attribute
from briefing.models import Article
from briefing.text.split import split

CASES = json.loads((Path(__file__).parent.parent / "data" / "attribution_cases.json").read_text(encoding="utf-8"))[
    "cases"
]


@pytest.fixture(scope="module")
def seed_article(seed_text: str) -> Article:
    """The seed article without what the cleaner removes (caption lines, a placeholder)."""
    return seed_article_from(seed_text)


def _case_params() -> list:
    return [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else [],
        )
        for case in CASES
    ]


@pytest.mark.parametrize("case", _case_params())
def test_case(case, seed_article):
    article = seed_article if case.get("article") == "seed" else Article(paragraphs=tuple(case["paragraphs"]))
    sentences = split(article)
    attributions = attribute(article, sentences)
    if "find" in case:
        index = next(s.index for s in sentences if case["find"] in s.text)
    else:
        index = case["sentence"]
    found = attributions[index]
    if case["expect"] is None:
        assert found == ()
        return
    assert found, f"no attribution in {sentences[index].text!r}"
    first = found[0]
    got = {key: getattr(first, key) for key in case["expect"]}
    assert got == case["expect"]
    if "count" in case:
        assert len(found) == case["count"]
