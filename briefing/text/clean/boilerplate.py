"""Page furniture: share and follow prompts, "Read more" links, newsletter sign-ups,
"Click here", credits and copyright lines, as whole lines or inside a paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .edits import Change, data_lines, drop_lines, sub


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    """One compiled pattern of every line in ``data/boilerplate_lines.txt``."""
    patterns = data_lines("boilerplate_lines.txt")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)

_MAX_BOILERPLATE_LINE = 300


def strip_boilerplate_lines(text: str) -> tuple[str, list[Change]]:
    """Drop whole lines of page furniture: share and follow prompts, "Read more",
    newsletter sign-ups, "Click here", advertisements, "Image:"/"Photo:" credits,
    copyright lines (patterns in ``briefing/data/boilerplate_lines.txt``).

    >>> strip_boilerplate_lines("Musk spoke.\\nShare this article\\nRead more: Musk in Israel\\nHe left.")[0]
    'Musk spoke.\\nHe left.'
    """
    pattern = boilerplate_pattern()
    return drop_lines(
        text,
        lambda line: len(line) <= _MAX_BOILERPLATE_LINE and bool(pattern.fullmatch(line.strip(" \t.|•·-–—>»"))),
    )


_AFTER_SENTENCE = r"(?:^|(?<=[.!?\"”’)] )|(?<=[.!?\"”’)])|(?<=[a-z])(?=READ MORE:))"
_INLINE_BOILERPLATE = re.compile(
    _AFTER_SENTENCE + r"(?:"
    # "Read more: Nigerian election extended one day . " (the " . " of CNN/DM text
    # marks where a line ended); the link title must not run over a sentence end.
    r"(?:Read more|READ MORE|Read More|See also|SEE ALSO)(?: from [^:.\n]{1,40})?:\s?"
    r"(?:[^.!?\n]{1,150}?(?:\s\.(?=\s|$)|(?=READ MORE|Read more))|[^.!?\n]{1,80}\?(?=\s[A-Z\"“]))"
    r"|Click here\b[^.!?\n]{0,200}[.!?]+"
    r"|CLICK HERE\b[^.!?\n]{0,200}[.!?]+"
    r"|Follow @\w+[^.!?\n]{0,150}[.!?]"
    r"|Scroll down for (?:the )?videos?(?:\s\.|\.)?"
    r"|Sign up (?:to|for) (?:our|the)\b[^.!?\n]{0,100}newsletters?[^.!?\n]{0,100}[.!?]"
    r")\s*"
)


_INLINE_KEYS = ("Read more", "READ MORE", "Read More", "See also", "SEE ALSO", "Click here", "CLICK HERE",
                "Follow @", "Scroll down", "Sign up")


def strip_boilerplate_inline(text: str) -> tuple[str, list[Change]]:
    """Remove boilerplate sentences inside a paragraph (scrapes that lost their line
    breaks): "Read more: <link title> .", "Click here ...", "Follow @handle ...",
    "Scroll down for video".

    >>> strip_boilerplate_inline("Voting ended. Read more: Nigerian election extended one day . Britain spoke.")[0]
    'Voting ended. Britain spoke.'
    >>> strip_boilerplate_inline("He said we should read more: books.")[0]
    'He said we should read more: books.'
    """
    if not any(key in text for key in _INLINE_KEYS):
        return text, []
    text, changes = sub(_INLINE_BOILERPLATE, "", text)
    if changes:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text, [(removed.strip(), new) for removed, new in changes]


_AUTHOR_NOTE = re.compile(
    r"\bfollow (?:him|her|them|me|us) on (?:twitter|x|facebook|instagram|threads|bluesky|linkedin)\b"
    r"|\b(?:may|can) be reached at\b|\bhave a (?:news )?tip\?|\b(?:email|e-mail|contact) (?:him|her|them|the author) at\b",
    re.I,
)
AUTHOR_NOTE_ZONE = 3  # an author's note sits in the last paragraphs


def strip_author_notes(text: str) -> tuple[str, list[Change]]:
    """Drop the author's note at the end of an article: a paragraph among the last few
    that gives how to reach or follow the writer (the note is about the writer, not the news).

    >>> strip_author_notes("Musk spoke.\\nHave a tip? Amy Smith may be reached at amy@example.com. Follow her on Twitter @amy.")[0]
    'Musk spoke.'
    >>> strip_author_notes("Police can be reached at 555-0100, the sheriff said.\\nHe left.")[0]
    'Police can be reached at 555-0100, the sheriff said.\\nHe left.'
    """
    lines = text.split("\n")
    first = max(0, len(lines) - AUTHOR_NOTE_ZONE)
    changes: list[Change] = []
    kept = []
    for i, line in enumerate(lines):
        if i >= first and i > 0 and _AUTHOR_NOTE.search(line) and not _QUOTED.search(line):
            changes.append((line.strip(), ""))
            continue
        kept.append(line)
    return "\n".join(kept), changes


_QUOTED = re.compile(r"[\"“”]|\b(?:said|says|told)\b")
