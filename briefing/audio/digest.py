"""The daily digest: one episode that joins a day's briefings, a chapter per story.

:func:`digest_script` builds the spoken script: an introduction (the day and how many
stories), one section per story (its title, where it comes from, then its key points
exactly as the story's own briefing speaks them, sources and quotation marks included),
and an outro. Each story's words come from :func:`briefing.audio.script.build_script`, so a
digest never says anything its stories do not.

:func:`digest_document` is the digest's stored form: the stories' key points and plain
versions, one after another, with the stories listed, in the shape of
``Briefing.to_dict()`` so that pages, the feed and the API can show it like any briefing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from num2words import num2words

from ..models import Briefing, Script, ScriptLine, ScriptSection
from ..words import MONTHS, WEEKDAYS
from .script import SpeechFunction, build_script
from .normalize import for_speech

__all__ = ["Story", "digest_title", "spoken_day", "digest_script", "digest_document"]


@dataclass(frozen=True)
class Story:
    """One story of a digest: its briefing and where its page lives (``id``)."""

    id: str
    briefing: Briefing


def spoken_day(day: date) -> str:
    """The day as a listener hears it.

    >>> spoken_day(date(2026, 11, 28))
    'Saturday, 28 November 2026'
    """
    # Our own names, not strftime's, which follow the process's locale.
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def digest_title(day: date) -> str:
    """The digest's title.

    >>> digest_title(date(2026, 11, 28))
    'Daily digest: Saturday, 28 November 2026'
    """
    return f"Daily digest: {spoken_day(day)}"


def _line(text: str, speech: SpeechFunction) -> ScriptLine:
    return ScriptLine(text, speech(text))


def _story_title(briefing: Briefing) -> str:
    title = " ".join((briefing.article.title or "Untitled story").split())
    return title if title.endswith((".", "!", "?", "…")) else title + "."


def digest_script(day: date, stories: Sequence[Story], speech: SpeechFunction = for_speech) -> Script:
    """The script of the digest of ``stories`` (oldest first) made on ``day``.

    Raises ValueError when there is no story: a digest of nothing is not made.
    """
    if not stories:
        raise ValueError("A digest needs at least one story.")
    count = len(stories)
    intro = [
        _line(f"Briefing daily digest for {spoken_day(day)}.", speech),
        _line("Here is one story." if count == 1 else f"Here are {num2words(count)} stories.", speech),
    ]
    sections = [ScriptSection("intro", "Introduction", tuple(intro))]
    for number, story in enumerate(stories, 1):
        own = build_script(story.briefing, speech)
        lines = [_line(f"Story {num2words(number)}: {_story_title(story.briefing)}", speech)]
        # The story's own introduction says where it comes from in its middle lines
        # ("From CNN, published ..."); its first line is the title and its last the count.
        lines += list(own.sections[0].lines[1:-1])
        for section in own.sections:
            if section.kind == "point":
                lines += section.lines
        title = " ".join((story.briefing.article.title or "Untitled story").split())
        sections.append(ScriptSection("story", f"Story {number}: {title}", tuple(lines), point_index=number - 1))
    outro = [
        _line(f"That was the Briefing daily digest for {spoken_day(day)}.", speech),
        _line(
            "Each story was summarised automatically from its article and may contain errors; "
            "the articles are linked on the digest's page.",
            speech,
        ),
    ]
    sections.append(ScriptSection("outro", "About this digest", tuple(outro)))
    return Script(tuple(sections))


def digest_document(day: date, stories: Sequence[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """The stored form of a digest of ``stories``: ``(id, title, briefing dict)`` each,
    where the dict is a stored ``Briefing.to_dict()``.

    The key points (and their plain versions) of every story follow one another; the
    ``digest`` entry lists the stories with the number of points each holds.
    """
    key_points: list[dict[str, Any]] = []
    plain_points: list[dict[str, Any]] = []
    listed = []
    for story_id, title, document in stories:
        points = list(document.get("key_points") or ())
        plain = list(document.get("plain_points") or ())
        if len(plain) != len(points):
            plain = [None] * len(points)
        article = document.get("article") or {}
        listed.append(
            {
                "id": story_id,
                "title": title,
                "site_name": article.get("site_name"),
                "source_url": article.get("source_url"),
                "first_point": len(key_points),
                "points": len(points),
            }
        )
        key_points += points
        plain_points += plain
    title = digest_title(day)
    return {
        "article": {
            "title": title,
            "title_derived": False,
            "byline": None,
            "published": day.isoformat(),
            "site_name": "Briefing",
            "source_url": None,
            "language": "en",
            "paragraphs": [],
            "cleaning": [],
        },
        "key_points": key_points,
        "plain_points": plain_points if any(p is not None for p in plain_points) else [],
        "notes": [f"A digest of the {len(listed)} briefing(s) made on {spoken_day(day)} (UTC)."],
        "digest": {"day": day.isoformat(), "stories": listed},
    }
