"""The daily digest (issue 6, optional part): one episode that joins a day's briefings,
a chapter per story. (The digest in the web app: tests/webapp/test_web_digest.py.)"""

from __future__ import annotations

from datetime import date

import pytest

from briefing.config import BriefingConfig
from briefing.audio.digest import Story, digest_script, digest_title
from briefing.text.extract import source_from_text
from briefing.pipeline import summarize
from briefing.audio.script import build_script
from conftest import LIBRARY
from conftest import SHORT as BRIDGE

DAY = date(2026, 11, 27)


def _briefing(text: str):
    config = BriefingConfig()
    return summarize(source_from_text(text, config), config)


def test_the_script_joins_the_stories_in_their_own_words():
    stories = [Story("a1", _briefing(BRIDGE)), Story("b2", _briefing(LIBRARY))]
    script = digest_script(DAY, stories)
    kinds = [s.kind for s in script.sections]
    assert kinds == ["intro", "story", "story", "outro"]
    assert [s.title for s in script.sections[1:3]] == [
        "Story 1: Harbour bridge to reopen on Monday",
        "Story 2: Library opens late on Fridays",
    ]
    intro = [line.text for line in script.sections[0].lines]
    assert intro == ["Briefing daily digest for Friday, 27 November 2026.", "Here are two stories."]
    for section, story in zip(script.sections[1:3], stories):
        own = build_script(story.briefing)
        own_points = [line for s in own.sections if s.kind == "point" for line in s.lines]
        # Every line of a story's own points is in the digest, unchanged, in order.
        assert list(section.lines[-len(own_points):]) == own_points
        assert section.lines[0].text.startswith("Story ")
    spoken = " ".join(line.spoken for s in script.sections for line in s.lines)
    assert "Quote, People want somewhere warm and quiet to study, end of quote, said director Sam Patel." in spoken


def test_a_digest_of_nothing_is_refused():
    with pytest.raises(ValueError):
        digest_script(DAY, [])
    assert digest_title(DAY) == "Daily digest: Friday, 27 November 2026"
