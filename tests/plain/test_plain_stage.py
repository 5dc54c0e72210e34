"""The simplify stage: the rule registry, the faithfulness fallback, a point's trace and readability, a
point that is someone's quoted words, a rule that breaks, the parser's model, and the seed sample
through the whole pipeline."""

from __future__ import annotations

import pytest

from briefing.config import BriefingConfig
from briefing.models import Attribution, KeyPoint
from briefing.plain.faithful import check
from briefing.plain.simplify import REWRITES, Rewrite, guard, simplify_checked, simplify_point, simplify_sentence


def test_rules_are_named_and_ordered():
    assert list(REWRITES)[:5] == ["drop:heading", "drop:parenthetical", "move:dates", "drop:side", "drop:filler"]
    assert all(rule.name == name and rule.doc for name, rule in REWRITES.items())


def test_fallback_to_original_when_the_check_fails():
    original = "Musk paid 200 dollars to Netanyahu."
    plain = guard(original, Rewrite("Musk paid some money.", ("made-up",)), source=None)
    assert plain.text == original
    assert plain.rules_applied == ()
    assert "number 200 missing" in plain.fallback_reason
    assert "entity missing: Netanyahu" in plain.fallback_reason


def test_fallback_keeps_a_safe_semicolon_split():
    original = "Israel and Gaza agreed a truce; hostages will be freed on Friday."
    plain = guard(original, Rewrite("Israel agreed a truce.", ("bad",)), source=None)
    assert plain.text == "Israel and Gaza agreed a truce. Hostages will be freed on Friday."
    assert plain.rules_applied == ("split:semicolon",)
    assert plain.fallback_reason


def test_simplify_point_carries_trace_and_readability():
    point = KeyPoint(
        sentence_ids=(3,), text="Israeli officials previously slammed Musk for offering help.",
        original="Israeli officials previously slammed Musk for offering help.", spans=((0, 60),), score=1.0,
        attribution=Attribution(source="Israeli officials", cue="slammed"),
    )
    plain = simplify_point(point, BriefingConfig())
    # The cue is the attribution's own word: kept as written.
    assert plain.text == "Israeli officials earlier slammed Musk for offering help."
    assert plain.rules_applied == ("lexicon:previously→earlier",)
    assert plain.fallback_reason is None
    assert set(plain.readability) == {"before", "after"}
    assert plain.to_dict()["rules_applied"] == ["lexicon:previously→earlier"]


def test_a_point_inside_a_quotation_whose_marks_are_elsewhere_is_kept_whole():
    # The middle sentence of '"We waited. It is very important ... rather than later. Everyone
    # deserves it," said Mayor Jane Holloway.': no mark of its own, but the mayor's words.
    text = "It is very important that the council basically commits the money now rather than later."
    point = KeyPoint(sentence_ids=(2,), text=text, original=text, spans=((0, len(text)),), score=1.0,
                     attribution=Attribution(source="Jane Holloway", cue="said", quote=text, carried_over=True))
    plain = simplify_point(point, BriefingConfig())
    assert plain.text == text
    assert plain.rules_applied == ("keep:quotation",)
    # the same words without the attribution are rewritten
    assert simplify_point(KeyPoint(sentence_ids=(2,), text=text, original=text, spans=((0, len(text)),),
                                   score=1.0), BriefingConfig()).text != text


def test_simplify_checked_rules_by_default():
    plain = simplify_checked("Officials slammed the plan.")
    assert plain.text == "Officials criticised the plan."


@pytest.mark.parametrize("text", [
    'It\'s not quite from sea to shining sea, but the latest winter storm gets an "A" for effort (or is that an "E"?).',
    "And, no surprise, they were really, really ridiculously good-looking.",
    "iReport: Fan says 'We need Zayn' He's getting along fine with the other members of the band.",
])
def test_a_sentence_no_rule_changes_is_returned_as_written(text):
    rewrite = simplify_sentence(text)
    assert (rewrite.text, rewrite.rules) == (text, ())


def test_a_rule_that_breaks_costs_only_its_point(monkeypatch):
    from briefing.plain import simplify as module

    def broken(sentences, ctx):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(module.REWRITES, "split:semicolon", module.Rule("split:semicolon", broken, "broken"))
    text = "Israel and Gaza agreed a truce; hostages will be freed on Friday."
    plain = module.simplify_checked(text)
    assert plain.text == text and plain.rules_applied == ()
    assert plain.fallback_reason == "rules failed (RecursionError); kept as written"


def test_parser_is_the_checked_model():
    """The installed parser is the en_core_web_sm 3.8.0 whose scores Explosion published."""
    from briefing.plain import parse

    meta = parse.model_meta()
    assert meta["version"] == "3.8.0"
    assert meta["performance"]["dep_uas"] == parse.EXPECTED_UAS
    tokens = parse.parse("The car, which had crashed, was found.")
    assert tokens is parse.parse("The car, which had crashed, was found.")  # cached


SEED_PLAIN = {
    "Israeli TV reports the world’s richest man is lining up a visit following the storm surrounding "
    "allegations of anti-Semitic content on X/Twitter.":
        "The world’s richest man is planning a visit after the storm surrounding claims "
        "of anti-Semitic content on X/Twitter. Israeli TV reports this.",
    "The tech boss has come under fire over allegations he has failed to tackle the spread of hate speech "
    "on the platform.":
        "The tech boss has faced criticism over claims he has failed to deal with the spread of hate speech "
        "on the platform.",
    "Elon Musk is reportedly due to fly into Israel next week for meeting with the country’s leaders and to "
    "visit massacre sites.":
        "Elon Musk is reportedly due to fly into Israel next week for meeting with the country’s leaders and "
        "to visit sites of the killings.",
    "Israeli officials previously slammed Musk for offering help to international aid organisations working "
    "in Gaza.":
        "Israeli officials earlier criticised Musk for offering help to international aid organisations "
        "working in Gaza.",
    "The tech boss gas been caught up in an anti-Semitism storm after he was accused of endorsing a hateful "
    "conspiracy theory on X.":
        "The tech boss gas been caught up in an anti-Semitism storm after he was accused of supporting a "
        "hateful conspiracy theory on X.",
}


@pytest.fixture(scope="module")
def seed_briefing():
    from briefing.text.extract import source_from_text
    from briefing.pipeline import summarize
    from tests.conftest import SEED

    config = BriefingConfig(points=10)
    return summarize(source_from_text(SEED.read_text(encoding="utf-8"), config), config)


def test_seed_sample_plain_points(seed_briefing):
    b = seed_briefing
    assert len(b.plain_points) == len(b.key_points)
    found = 0
    for point, plain in zip(b.key_points, b.plain_points):
        assert plain.original == point.text
        assert plain.fallback_reason is None
        assert check(point.text, plain.text, source=point.attribution.source if point.attribution else None).ok
        if point.attribution:
            assert point.attribution.source in plain.text
            if point.attribution.cue:
                assert point.attribution.cue in plain.text
        if point.text in SEED_PLAIN:
            assert plain.text == SEED_PLAIN[point.text]
            found += 1
    assert found >= 3
    assert b.readability["after"]["fkgl"] < b.readability["before"]["fkgl"]
    data = b.to_dict()
    assert data["plain_points"][0]["rules_applied"] == list(b.plain_points[0].rules_applied)
