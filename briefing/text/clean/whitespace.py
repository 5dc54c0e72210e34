"""Whitespace: runs of spaces and tabs, zero-width characters and soft hyphens."""

from __future__ import annotations

import re

from .edits import Change, sub

_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|\t")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]+")
_EDGE_SPACE = re.compile(r"^[ \t\u00a0]+|[ \t\u00a0]+$", re.M)
_WHITESPACE_STEPS = (
    (_INVISIBLE, "", lambda t: any(ch in t for ch in "\u200b\u2060\ufeff\u00ad")),
    (_SPACE_RUN, " ", lambda t: "  " in t or "\t" in t or "\u00a0" in t or not t.isascii()),
    (_EDGE_SPACE, "", lambda t: t[:1] in " \u00a0" or t[-1:] in " \u00a0" or " \n" in t or "\n " in t
     or "\u00a0\n" in t or "\n\u00a0" in t),
)


def fix_whitespace(text: str) -> tuple[str, list[Change]]:
    """Collapse runs of spaces and tabs, drop zero-width characters and soft hyphens.

    >>> fix_whitespace("Musk  met\\u200b Netanyahu. ")
    ('Musk met Netanyahu.', [('\\u200b', ''), ('  ', ' '), (' ', '')])
    """
    changes: list[Change] = []
    for pattern, repl, needed in _WHITESPACE_STEPS:
        if needed(text):  # a cheap substring test first: most text needs nothing
            text, found = sub(pattern, repl, text)
            changes += found
    return text, changes
