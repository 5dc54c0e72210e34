"""The faithfulness check: data-driven cases (tests/data/faithful_cases.json) and its rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.plain.faithful import Verdict, check
from briefing.text.nlp import sentence_tokenizer

CASES = json.loads((Path(__file__).parent.parent / "data" / "faithful_cases.json").read_text(encoding="utf-8"))["cases"]


PARAMS = [
    pytest.param(case, id=case["id"],
                 marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else [])
    for case in CASES
]


@pytest.mark.parametrize("case", PARAMS)
def test_case(case):
    verdict = check(case["original"], case["rewrite"], source=case.get("source"))
    assert isinstance(verdict, Verdict)
    assert verdict.ok is case["ok"], verdict.reasons
    assert verdict.ok is (not verdict.reasons)
    for reason in case.get("reasons", []):
        assert reason in verdict.reasons


def test_cases_cover_every_kind_of_failure():
    kinds = {r.split(":")[0].split(" ")[0] for c in CASES for r in c.get("reasons", [])}
    assert {"number", "quote", "source", "new", "entity", "negation", "date"} <= kinds


def _seed_sentences(seed_text):
    tokenizer = sentence_tokenizer()
    return [s for para in seed_text.splitlines() if para.strip() for s in tokenizer.tokenize(para)]


def test_every_seed_sentence_passes_against_itself(seed_text):
    for sentence in _seed_sentences(seed_text):
        assert check(sentence, sentence).ok, sentence


def test_source_not_in_original_is_not_required():
    # "He" stands for the source; keeping the pronoun loses nothing the original had.
    assert check("He said he would go.", "He said he would go.", source="Elon Musk").ok


def test_source_as_description():
    verdict = check("Officials said the road was closed.", "The road was closed.", source="officials")
    assert verdict.reasons == ("source missing: officials",)


def test_quote_split_inside_fails():
    original = '"I was tired, but now everything is back in order," he said.'
    rewrite = '"I was tired. Now everything is back in order," he said.'
    verdict = check(original, rewrite)
    assert verdict.reasons == ("quote changed: “I was tired, but now everything is back in order,”",)
