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


# Photo agencies and the words that end a credit ("Getty Images", "AP Photo/Evan Vucci").
AGENCIES = (
    r"Getty Images|Getty|AFP|Reuters|AP Photo|AP|PA Wire|PA|EPA|Rex Features|REX|Shutterstock|Alamy|Splash News"
    r"|Bloomberg|Handout|Supplied|File photo|NASA|iStock|Corbis|Xinhua|Anadolu"
)
_CREDIT = re.compile(
    # "(Photo: Getty Images)", "(AP Photo/Evan Vucci)", "(Image credit: NASA)"
    r"\s?\((?:(?:photo|image|picture|video)s?(?: credit)?\s*:\s*[^()\n]{1,80}|AP Photo/[^()\n]{1,60}"
    rf"|(?:{AGENCIES})(?:\s?/\s?[^()\n]{{1,40}})?)\)"
    # "Photo: Getty Images" glued between two sentences
    rf"|(?:(?<=[.!?\"”’] )|(?<=[.!?\"”’]))(?:Photos?|Pictures?|Images?|Credit|Photo credit)\s*:\s*"
    rf"(?:[A-Z][\w.'’-]*\s){{0,4}}?(?:{AGENCIES})(?:\s?/\s?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,2}})?\b\.?\s*",
    re.I,
)


def strip_glued_credits(text: str) -> tuple[str, list[Change]]:
    """Remove photo credits glued into the text: ``(AP Photo/Evan Vucci)``, ``(Photo:
    Getty Images)``, ``(Image credit: NASA)``, and ``Photo: Getty Images`` between two
    sentences. A dateline's outlet at the very start is the dateline cleaner's.

    >>> strip_glued_credits("The president spoke (AP Photo/Evan Vucci). He left.")[0]
    'The president spoke. He left.'
    >>> strip_glued_credits("The storm hit. Photo: Getty Images The mayor said so.")[0]
    'The storm hit. The mayor said so.'
    >>> strip_glued_credits("Reuters reported the deal (the news agency said so).")[0]
    'Reuters reported the deal (the news agency said so).'
    """
    if not any(key in text for key in ("(", "Photo", "Picture", "Image", "Credit", "PHOTO")):
        return text, []
    changes: list[Change] = []
    lines = []
    for line in text.split("\n"):
        # A parenthesised outlet opening a line is a dateline: leave it to strip_datelines.
        head = re.match(r"^[^()\n]{0,60}?\((?:" + AGENCIES + r")\)", line)
        start = head.end() if head else 0
        new, found = sub(_CREDIT, "", line[start:])
        lines.append(line[:start] + new)
        changes += found
    return "\n".join(lines), [(removed.strip(), new) for removed, new in changes]
