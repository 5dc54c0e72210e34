"""Bylines, publication lines and datelines at the start of an article, and the byline,
date and outlet they name (which fill the article's empty metadata).
"""

from __future__ import annotations

import re

from ...words import MONTHS
from .edits import Change, sub

_MONTH = r"(?:" + "|".join(MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s)"
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?[A-Z]{2,4}\b)?"
_DMY = rf"{_WEEKDAY}?\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH},?\s\d{{4}}"
_MDY = rf"{_WEEKDAY}?{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
DATE = rf"(?:(?:at\s)?{_TIME},?\s(?:on\s)?)?(?:{_DMY}|{_MDY}|{_ISO})(?:,?\s(?:at\s)?{_TIME})?"

_NAME_WORD = r"(?:[A-Z][\w'’.-]*,?|and|&|de|del|van|von|der|du|da|la|le|bin|al|for|in|of)"
_HEADER_END = r"(?=\s*(?:$|\|)|\s\.(?:\s|$)|\s+(?i:published|updated|last updated|posted|follow)\b)"
_HEADER_TOKEN = re.compile(
    r"(?:"
    # Daily Mail: "By . Tom Smith . " and "and . Jane Doe . "
    r"(?:By|and)\s\.\s(?P<by_dm>[A-Z][^.|\n]{1,100}?)(?=\s\.(?:\s|$))"
    # "By JOHN SMITH PUBLISHED: ..." or a line "By Jane Smith"
    rf"|By\s(?P<by>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,8}}?){_HEADER_END}"
    # "PUBLISHED: . 12:53 EST, 4 January 2013", "Last updated at 5:24 PM on 9th January 2012"
    rf"|(?P<label>(?i:published|updated|last updated|last modified|posted))(?:\s(?:at|on))?\s?:?\s?(?:\.\s)?(?P<date>{DATE})"
    r"|Follow\s@@?\w+(?:\son\sTwitter)?"
    r")"
    r"(?:\s+[.|](?=\s|$))*\s*"
)


def _header_at(line: str, pos: int = 0) -> tuple[int, list[re.Match[str]]]:
    """Where the byline/dateline header starting at ``pos`` of ``line`` ends, and its tokens."""
    tokens = []
    while True:
        m = _HEADER_TOKEN.match(line, pos)
        if not m or m.end() == pos:
            break
        tokens.append(m)
        pos = m.end()
    return pos, tokens


def strip_bylines(text: str) -> tuple[str, list[Change]]:
    """Remove bylines and publication lines the scrape left in the text.

    At the start of the article, a header glued to the text goes (``By . Tom Smith .
    PUBLISHED: . 12:53 EST, 4 January 2013 . | . UPDATED: ...``, ``By JOHN SMITH
    PUBLISHED: 12:00 GMT, 1 January 2020``, ``Last updated at ...``). In the first
    three paragraphs a whole-line byline goes, and anywhere a line that is only a
    publication date. A byline needs a separator after the name (a dot, a bar, a date
    or the end of the line), so ``By Tuesday, the storm ...`` stays.

    >>> strip_bylines("By . Tom Smith . PUBLISHED: . 12:53 EST, 4 January 2013 . | . UPDATED: . 13:07 EST, 4 January 2013 . A man was held.")[0]
    'A man was held.'
    >>> strip_bylines("By Tuesday, the storm had passed.")[0]
    'By Tuesday, the storm had passed.'

    A full header (a name and a publication date) after the story's highlights in the
    first paragraph goes too; the highlights stay:

    >>> strip_bylines("Luke won the show . By . Bianca London . PUBLISHED: . 07:21 EST, 28 December 2012 . Luke won.")[0]
    'Luke won the show . Luke won.'
    """
    text, changes = _strip_inner_header(text)
    lines = text.split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        end, tokens = _header_at(line)
        if tokens:
            whole = not line[end:].strip()
            has_by = any(t.group("by_dm") or t.group("by") for t in tokens)
            # Glued to text only at the very start; whole lines near the start, or anywhere
            # when they hold no name (a bare publication date is never a sentence).
            if i == 0 or (whole and (i < 3 or not has_by)):
                changes.append((line[:end].strip(), ""))
                line = line[end:]
                if not line.strip():
                    continue
        kept.append(line)
    return "\n".join(kept), changes


_INNER_HEADER_START = re.compile(r"\s\.\s(?=By\s\.\s)")
_INNER_HEADER_WINDOW = 1000  # highlights before a header are a few short lines


def _strip_inner_header(text: str) -> tuple[str, list[Change]]:
    """A byline-and-date header that follows the highlights in the first paragraph."""
    first = text.split("\n", 1)[0]
    m = _INNER_HEADER_START.search(first, 0, _INNER_HEADER_WINDOW)
    if not m:
        return text, []
    start = m.end()
    end, tokens = _header_at(first, start)
    if not any(t.group("by_dm") for t in tokens) or not any(t.group("date") for t in tokens):
        return text, []
    return text[:start] + text[end:], [(text[start:end].strip(), "")]


def header_metadata(removed: str) -> dict[str, str]:
    """The byline and date in a header :func:`strip_bylines` removed.

    >>> header_metadata("By . Tom Smith . and . Ann Lee . PUBLISHED: . 12:53 EST, 4 January 2013 .")
    {'byline': 'Tom Smith and Ann Lee', 'published': '12:53 EST, 4 January 2013'}
    """
    names: list[str] = []
    found: dict[str, str] = {}
    for m in _HEADER_TOKEN.finditer(removed):
        name = m.group("by_dm") or m.group("by")
        if name:
            names.append(name.strip(" ,"))
        if m.group("date") and "published" not in found:
            found["published"] = m.group("date")
    if names:
        found = {"byline": " and ".join(names), **found}
    return found


_OUTLET = r"(?:the\s)?[A-Z][\w&.'’-]*(?:\s(?:[A-Z][\w&.'’-]*|of|and|&|the)){0,4}"
_PLACE = r"[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}(?:,\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}\s)?\((?P<outlet>{_OUTLET})\)(?:(?=[\"“‘'A-Z0-9])|\s*(?:--|—|–|-)\s+)"
)
# A place in capitals and a dash, with no outlet: "LOS ANGELES — ", "KYIV, Ukraine -- ".
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}(?:,\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?"
_PLACE_DATELINE = re.compile(rf"^(?P<place>{_CAPS_PLACE})\s(?:—|–|--)\s+(?=[\"“‘'A-Z0-9])")
_DATE_DATELINE = re.compile(rf"^(?P<date>{_MDY}|{_DMY})\s\.\s+(?=[\"“‘'A-Z0-9])")


def strip_datelines(text: str) -> tuple[str, list[Change]]:
    """Remove the dateline at the start of the article; the outlet and place it names
    fill the article's metadata (:func:`dateline_metadata`), and neither is spoken.

    The wire-style dateline ``(CNN)``, ``Tokyo (CNN)``, ``WASHINGTON (Reuters) -`` or
    ``(The Hollywood Reporter)`` glued to the first word, a place in capitals and a dash
    (``LOS ANGELES — ``), and the ``March 10, 2015 .`` date prefix of CNN Student News.

    >>> strip_datelines("(CNN)Police arrested a man.")[0]
    'Police arrested a man.'
    >>> strip_datelines("Tokyo (CNN)Police arrested a man.")[0]
    'Police arrested a man.'
    >>> strip_datelines("WASHINGTON (Reuters) - The Senate voted.")[0]
    'The Senate voted.'
    >>> strip_datelines("LOS ANGELES — The actor died on Monday.")[0]
    'The actor died on Monday.'
    >>> strip_datelines("(Updated) Police arrested a man.")[0]
    '(Updated) Police arrested a man.'
    >>> strip_datelines("NASA said the launch went well.")[0]
    'NASA said the launch went well.'
    """
    for pattern in (_DATELINE, _PLACE_DATELINE, _DATE_DATELINE):
        text, changes = sub(pattern, "", text)
        if changes:
            return text, changes
    return text, []


def dateline_metadata(removed: str) -> dict[str, str]:
    """The outlet, place or date named in a dateline :func:`strip_datelines` removed.

    >>> dateline_metadata("Tokyo (CNN)")
    {'site_name': 'CNN', 'dateline': 'Tokyo'}
    >>> dateline_metadata("LOS ANGELES — ")
    {'dateline': 'LOS ANGELES'}
    """
    m = _DATELINE.match(removed + ("" if removed.rstrip().endswith(("-", "—", "–")) else "X"))
    if m:
        found = {"site_name": m.group("outlet")}
        if m.group("place"):
            found["dateline"] = m.group("place").strip()
        return found
    m = _PLACE_DATELINE.match(removed.rstrip() + " X")
    if m:
        return {"dateline": m.group("place")}
    m = _DATE_DATELINE.match(removed + " X")
    return {"published": m.group("date")} if m else {}
