"""WordPress captions: ``[caption]`` shortcodes, stray shortcode tags, and the remnants of a
caption whose opening tag was stripped, with the photo credit glued to it.
"""

from __future__ import annotations

import re

from .edits import Change, sub

_SHORTCODE_PAIR = re.compile(r"\[caption\b[^\]\n]{0,500}\][^\[\n]{0,2000}?\[/caption\][ \t]*", re.I)
# Closing caption tags are left for strip_caption_remnants: the caption text before them goes too.
_SHORTCODE_TAG = re.compile(
    r"\[(?:caption|/?(?:gallery|embed|video|audio|playlist|vc_[a-z_]+|et_pb_[a-z_]+))\b[^\]\n]{0,500}\][ \t]*", re.I
)


def strip_caption_shortcodes(text: str) -> tuple[str, list[Change]]:
    """Remove ``[caption ...]...[/caption]`` shortcodes whole, then stray shortcode tags.

    >>> strip_caption_shortcodes('[caption id="a1"]<img> Musk in May[/caption]Musk arrived.')[0]
    'Musk arrived.'
    """
    text, changes = sub(_SHORTCODE_PAIR, "", text)
    text, more = sub(_SHORTCODE_TAG, "", text)
    return text, changes + more


_CAPTION_END = re.compile(r"\[/caption\]", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘A-Z])")


def strip_caption_remnants(text: str) -> tuple[str, list[Change]]:
    """Drop caption remnants: what is left of a caption when its opening shortcode was
    stripped, with the photo credit glued to the caption (``ReutersElon Musk, owner of
    X ...[/caption]``). A line ending in ``[/caption]`` goes whole; a remnant glued
    before text goes from the start of its line (or the last sentence end) to the tag.

    >>> strip_caption_remnants("APMusk is set to meet Netanyahu[/caption]\\nHe said so.")[0]
    'He said so.'
    """
    changes: list[Change] = []
    lines: list[str] = []
    for line in text.split("\n"):
        had_caption = False
        while m := _CAPTION_END.search(line):
            had_caption = True
            if not line[m.end():].strip():
                changes.append((line.strip(), ""))
                line = ""
                break
            start = 0
            for b in _SENTENCE_BREAK.finditer(line, 0, m.start()):
                start = b.end()
            changes.append((line[start:m.end()].strip(), ""))
            line = line[:start] + line[m.end():].lstrip()
        if line.strip() or not had_caption:
            lines.append(line)
    return "\n".join(lines), changes
