"""Small text rules for pages: durations, sizes, dates, reading time and level, quotes."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from briefing.audio.speak import VOICES
from briefing.words import MONTHS, QUOTE_PAIRS


def clock(seconds: float) -> str:
    """A time in the audio, as a player shows it.

    >>> clock(0), clock(65.4), clock(3725)
    ('0:00', '1:05', '1:02:05')
    """
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def spoken_duration(seconds: float) -> str:
    """A duration in words, for people and screen readers.

    >>> spoken_duration(42.2), spoken_duration(60), spoken_duration(125.5), spoken_duration(3600)
    ('42 seconds', '1 minute', '2 minutes 6 seconds', '60 minutes')
    """
    total = int(round(seconds))
    minutes, secs = divmod(total, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if secs or not minutes:
        parts.append(f"{secs} second{'s' if secs != 1 else ''}")
    return " ".join(parts)


def file_size(size: int) -> str:
    """A file size as people read it (decimal units, like download dialogs).

    >>> file_size(900), file_size(48_213), file_size(1_234_567)
    ('900 bytes', '48 KB', '1.2 MB')
    >>> file_size(2_000_000)
    '2 MB'
    """
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{round(size / 1000)} KB"
    return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"


def iso_date(value: str | None) -> str | None:
    """The date part of an ISO date or timestamp, or None.

    >>> iso_date("2023-11-24T10:00:00Z"), iso_date("24/11/2023"), iso_date(None)
    ('2023-11-24', None, None)
    """
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        return None
    try:
        date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return match[0]


def long_date(value: str | None) -> str | None:
    """An ISO date written out; other strings are returned as they are.

    >>> long_date("2023-11-04"), long_date("last Tuesday"), long_date("")
    ('4 November 2023', 'last Tuesday', None)
    """
    if not value:
        return None
    iso = iso_date(value)
    if iso is None:
        return value.strip() or None
    day = datetime.strptime(iso, "%Y-%m-%d").date()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def reading_minutes(texts: list[str], words_per_minute: int = 200) -> int:
    """Minutes to read ``texts`` at an ordinary pace, at least 1.

    >>> reading_minutes(["word " * 450])
    3
    """
    words = sum(len(t.split()) for t in texts)
    return max(1, math.ceil(words / words_per_minute))


GRADE_KEYS = ("flesch_kincaid_grade", "fkgl", "fk_grade", "grade")


def reading_level(readability: Any) -> dict[str, Any] | None:
    """The Flesch-Kincaid grade of the briefing (after simplification when known).

    Looks in ``readability["after"]`` first, then at the top level.

    >>> reading_level({"before": {"fkgl": 11.2}, "after": {"fkgl": 7.46}})
    {'grade': 7.5, 'label': 'US school grade 7 (Flesch-Kincaid)'}
    >>> reading_level(None) is None
    True
    """
    if not isinstance(readability, dict):
        return None
    for scope in (readability.get("after"), readability):
        if not isinstance(scope, dict):
            continue
        for key in GRADE_KEYS:
            value = scope.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                grade = round(float(value), 1)
                shown = max(1, math.floor(float(value) + 0.5))
                return {"grade": grade, "label": f"US school grade {shown} (Flesch-Kincaid)"}
    return None


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else None: an article may carry a
    ``javascript:`` URL, which must never become a live link.

    >>> safe_link("https://example.com/a"), safe_link("javascript:alert(1)"), safe_link(" JaVaScRiPt:x")
    ('https://example.com/a', None, None)
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def host(url: str | None) -> str | None:
    """The host name of a URL without ``www.``.

    >>> host("https://www.example.co.uk/news/1")
    'example.co.uk'
    """
    if not url:
        return None
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.") or None


def split_quote(text: str, quote: str | None) -> list[tuple[str, bool]]:
    """Split ``text`` around the quotation ``quote`` with its marks removed, so a page
    can wrap it in ``<q>``: a list of (piece, is_quote). Without the quote in ``text``,
    one piece.

    >>> split_quote("He said: \u201cNothing could be further.\u201d Then left.", "Nothing could be further.")
    [('He said: ', False), ('Nothing could be further.', True), (' Then left.', False)]
    >>> split_quote("No quote here.", "absent")
    [('No quote here.', False)]
    """
    if not quote:
        return [(text, False)]
    quote = quote.strip()
    for opening, closing in QUOTE_PAIRS:
        marked = f"{opening}{quote}{closing}"
        at = text.find(marked)
        if at >= 0:
            pieces = [(text[:at], False), (quote, True), (text[at + len(marked):], False)]
            return [p for p in pieces if p[0]]
    return [(text, False)]


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe version of a title.

    >>> slug("Elon Musk to visit Israel: what we know!")
    'elon-musk-to-visit-israel-what-we-know'
    """
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return value[:limit].rstrip("-") or "briefing"


def voice_name(voice: str) -> str:
    """A voice's name for readers (its ``label`` in the voice registry).

    >>> voice_name("piper"), voice_name("espeak"), voice_name("custom")
    ('Piper', 'eSpeak NG', 'custom')
    """
    registered = VOICES.get(voice)
    return registered.label if registered is not None and registered.label else voice


RULE_NAMES = {
    "lexicon": "plainer words",
    "passive": "active voice",
    "appositive": "a description moved to its own sentence",
    "split": "a long sentence split",
}


def plain_rules(rules: list[str]) -> str:
    """What the plain-language rewrite did, in words, once each.

    >>> plain_rules(["split:conjunction:and", "lexicon", "lexicon", "split:relative:who"])
    'a long sentence split, plainer words'
    >>> plain_rules(["new-rule_x"])
    'new rule x'
    """
    seen: list[str] = []
    for rule in rules:
        head = rule.split(":", 1)[0]
        name = RULE_NAMES.get(head, head.replace("-", " ").replace("_", " "))
        if name not in seen:
            seen.append(name)
    return ", ".join(seen)
