"""Attribution: the cue lexicon (data/attribution.json) and what counts as a speech cue."""

from __future__ import annotations

import pytest

from briefing.attribution.lexicon import is_speech_cue, lexicon


@pytest.mark.parametrize(
    "form",
    "said says told reported according stated claimed added wrote tweeted argued asked warned noted "
    "announced insisted explained acknowledged admitted denied accused found read".split(),
)
def test_issue_cues_are_known(form):
    assert form == "according" or form in lexicon().cue_forms


@pytest.mark.parametrize(
    ("cue", "speech"),
    [
        ("said", True),
        ("has told", True),
        ("According to", True),
        ("denied", True),
        ("saying", False),
        ("found", False),
        ("claim", True),
        ("plans", False),
        (":", False),
        (None, False),
    ],
)
def test_is_speech_cue(cue, speech):
    assert is_speech_cue(cue) is speech
