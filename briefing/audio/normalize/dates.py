"""Dates, clock times, decades and years, as they are said."""

from __future__ import annotations

import re

from ...words import MONTHS
from .numbers import in_words, ordinal_words, year_words

_MONTHS = MONTHS
_MONTH_ABBREVIATIONS = {m[:3]: m for m in _MONTHS} | {"Sept": "September"}
_MONTH = (
    r"(?P<month>" + "|".join(_MONTHS) + r"|(?:" + "|".join(_MONTH_ABBREVIATIONS) + r")\.?)"
)


def _month_name(written: str) -> str:
    written = written.rstrip(".")
    return _MONTH_ABBREVIATIONS.get(written, written)


def dates(text: str) -> str:
    """Dates in words: the day as an ordinal, the year as it is said.

    >>> dates("On November 15, 2023 and Oct. 7 and 28 November 2023 and March 3rd-5th.")
    'On November fifteenth, twenty twenty three and October seventh and the twenty eighth of November twenty twenty three and March third to fifth.'
    >>> dates("Dated 15/11/2023, 2023-11-28 and 4/7/2024.")
    'Dated the fifteenth of November twenty twenty three, the twenty eighth of November twenty twenty three and the fourth of July twenty twenty four.'
    """
    day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    day_to = r"(?:\s?[-–]\s?(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
    year = r"(?:,?\s(?P<year>1[89]\d\d|20\d\d)\b)?"

    def month_day(match: re.Match[str]) -> str:
        out = f"{_month_name(match.group('month'))} {ordinal_words(int(match.group('day')))}"
        if match.group("day2"):
            out += f" to {ordinal_words(int(match.group('day2')))}"
        if match.group("year"):
            out += f", {year_words(int(match.group('year')))}"
        return out

    def day_month(match: re.Match[str]) -> str:
        out = f"the {ordinal_words(int(match.group('day')))}"
        if match.group("day2"):
            out += f" to {ordinal_words(int(match.group('day2')))}"
        out += f" of {_month_name(match.group('month'))}"
        if match.group("year"):
            out += f" {year_words(int(match.group('year')))}"
        return out

    def spoken(d: int, m: int, y: int) -> str:
        return f"the {ordinal_words(d)} of {_MONTHS[m - 1]} {year_words(y)}"

    def numeric(match: re.Match[str]) -> str:
        a, b, y = int(match.group(1)), int(match.group(2)), int(match.group(3))
        y = y + 2000 if y < 100 else y
        # Day first (British and most of the world) unless only month-first makes sense.
        if b > 12 and a <= 12:
            a, b = b, a
        if not (1 <= b <= 12 and 1 <= a <= 31):
            return match.group(0)
        return spoken(a, b, y)

    def iso(match: re.Match[str]) -> str:
        y, m, d = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if not (1 <= m <= 12 and 1 <= d <= 31):
            return match.group(0)
        return spoken(d, m, y)

    text = re.sub(r"\b(1[89]\d\d|20\d\d)-(\d\d)-(\d\d)\b", iso, text)
    text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", numeric, text)
    text = re.sub(r"\b" + _MONTH + r"\s" + day + day_to + r"\b(?![,.]?\d)" + year, month_day, text)
    return re.sub(r"\b" + day + day_to + r"\s(?:of\s)?" + _MONTH + r"(?!\w)" + year, day_month, text)


def _clock(hours: int, minutes: int) -> str:
    if minutes == 0:
        return in_words(hours)
    if minutes < 10:
        return f"{in_words(hours)} oh {in_words(minutes)}"
    return f"{in_words(hours)} {in_words(minutes)}"


def times(text: str) -> str:
    """Clock times: "10:30am" -> "ten thirty a.m.", "18:45" -> "eighteen forty five".

    >>> times("At 10:30am, 9pm, 9 p.m., 7.15 AM, 12 noon and 18:45 and 10:00.")
    "At ten thirty a.m., nine p.m., nine p.m., seven fifteen a.m., twelve noon and eighteen forty five and ten o'clock."
    """

    def twelve(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hours <= 12 or minutes > 59:
            return match.group(0)
        suffix = "a.m." if match.group(3)[0] in "aA" else "p.m."
        return f"{_clock(hours, minutes)} {suffix}"

    text = re.sub(
        r"\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)(?![\w])",
        twelve,
        text,
    )
    text = re.sub(r"\b12\s?noon\b", "twelve noon", text)

    def twenty_four(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours > 23 or minutes > 59:
            return match.group(0)
        if minutes == 0 and hours <= 12:
            return f"{in_words(hours)} o'clock"
        if minutes == 0:
            return f"{in_words(hours)} hundred"
        return _clock(hours, minutes)

    return re.sub(r"\b(\d{1,2}):(\d{2})\b(?!:)", twenty_four, text)


def decades(text: str) -> str:
    """Decades: "1990s" -> "nineteen nineties", "the '80s" -> "the eighties".

    >>> decades("In the 1990s and the '80s and 2000s and 1900s.")
    'In the nineteen nineties and the eighties and two thousands and nineteen hundreds.'
    """

    def plural(words: str) -> str:
        return words[:-1] + "ies" if words.endswith("y") else words + "s"

    text = re.sub(r"\b(1[1-9]\d0|20\d0)s\b", lambda m: plural(year_words(int(m.group(1)))), text)
    return re.sub(r"(?:(?<=\s)|^)['’]?([2-9]0)s\b", lambda m: plural(in_words(int(m.group(1)))), text)


def years(text: str) -> str:
    """Four-digit numbers from 1100 to 2099 are read as years ("twenty eighteen"), unless
    they carry a comma, a decimal point or a unit that makes them amounts.

    >>> years("In 2018, 1,999 people and 2018.5 and 2000 or 1905.")
    'In twenty eighteen, 1,999 people and 2018.5 and two thousand or nineteen oh five.'
    """
    return re.sub(r"(?<![\d,.$£€])\b(1[1-9]\d\d|20\d\d)\b(?![.,]\d|\s?%)", lambda m: year_words(int(m.group(1))), text)
