"""Numbers in words: the shared helpers (American style, years as they are said) and the
normalisers for regnal numbers, percentages, ranges, ordinals and the numbers left over.
"""

from __future__ import annotations

import re

from num2words import num2words

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def in_words(number: int, to: str = "cardinal") -> str:
    """num2words in American style: no commas, no "and" after hundred or thousand, no hyphens.

    The default voice is American English, and a speech recogniser writes "one hundred and
    seven" as "100 and 7": the British "and" reads as a separate number to a US listener.
    espeak-ng pauses at the hyphen of "eighty four", which is then heard as "a 4".
    """
    words = num2words(number, to=to).replace(",", "").replace("-", " ")
    return re.sub(r"\b(hundred|thousand|million|billion|trillion) and\b", r"\1", words)


def cardinal_words(number: str) -> str:
    """Words for a written number ("1,200", "2.5", "007").

    >>> cardinal_words("1,200"), cardinal_words("107"), cardinal_words("0.05")
    ('one thousand two hundred', 'one hundred seven', 'zero point zero five')
    """
    number = number.replace(",", "")
    whole, _, fraction = number.partition(".")
    words = in_words(int(whole or "0"))
    if fraction:
        words += " point " + " ".join(in_words(int(d)) for d in fraction)
    return words


def ordinal_words(number: int) -> str:
    """An ordinal in words: 21 is "twenty first"."""
    return in_words(number, to="ordinal")


def year_words(number: int) -> str:
    """A year as it is said: 2018 "twenty eighteen", 1905 "nineteen oh five", 2005 "two thousand five"."""
    return in_words(number, to="year")


def is_year(number: str) -> bool:
    """Whether a written number from 1100 to 2099 would be read as a year."""
    return bool(re.fullmatch(r"1[1-9]\d\d|20\d\d", number))


def number_or_year_words(number: str) -> str:
    """A written number in words, as a year when it looks like one."""
    return year_words(int(number)) if is_year(number) else cardinal_words(number)


# A scale as written after a number (money, "5m people") and the word said for it.
SCALE_WORDS = {"k": "thousand", "thousand": "thousand", "m": "million", "mn": "million", "mln": "million",
               "million": "million", "b": "billion", "bn": "billion", "billion": "billion",
               "tn": "trillion", "trillion": "trillion"}

_ROMAN = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11, "XII": 12,
          "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20}


def roman_numerals(text: str) -> str:
    """Regnal numbers after a name ("Charles III" -> "Charles the Third"); "World War II" -> "Two".

    >>> roman_numerals("King Charles III, Pope Benedict XVI and World War II.")
    'King Charles the Third, Pope Benedict the Sixteenth and World War Two.'
    """
    pattern = r"\b(" + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r")\b"
    text = re.sub(r"(?<=\bWar )" + pattern, lambda m: in_words(_ROMAN[m.group(1)]).capitalize(), text)
    return re.sub(
        r"\b([A-Z][a-z]{2,}) " + pattern,
        lambda m: f"{m.group(1)} the {ordinal_words(_ROMAN[m.group(2)]).capitalize()}",
        text,
    )


def percentages(text: str) -> str:
    """Percentages and ranges of them.

    >>> percentages("Up 10%, 2.5 % and 10-12% in all.")
    'Up ten percent, two point five percent and ten to twelve percent in all.'
    """
    return re.sub(
        r"(" + NUMBER + r")(?:\s?[-–]\s?(" + NUMBER + r"))?\s?%",
        lambda m: cardinal_words(m.group(1)) + (" to " + cardinal_words(m.group(2)) if m.group(2) else "") + " percent",
        text,
    )


def ranges(text: str) -> str:
    """Number ranges written with a dash: "10-12" -> "ten to twelve", "2019-20".

    A dash between a number and a smaller or equal one is a score or a result, said
    with the dash ("won 3-1", "a 0-0 draw").

    >>> ranges("Aged 10-12, in 2010–2015 and 2019-20, not COVID-19; won 3-1 after a 0-0 draw.")
    'Aged ten to twelve, in twenty ten to twenty fifteen and twenty nineteen to twenty, not COVID-19; won three-one after a zero-zero draw.'
    """

    def say(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if is_year(first) and len(second) == 2:
            return f"{year_words(int(first))} to {in_words(int(second))}"
        if float(first.replace(",", "")) >= float(second.replace(",", "")):
            return f"{cardinal_words(first)}-{cardinal_words(second)}"
        return f"{number_or_year_words(first)} to {number_or_year_words(second)}"

    return re.sub(r"(?<![\w.,-])(" + NUMBER + r")\s?[-–]\s?(" + NUMBER + r")(?![\w.%-]|,\d)", say, text)


def ordinals(text: str) -> str:
    """Ordinal numbers: "7th" -> "seventh", "21st" -> "twenty first".

    >>> ordinals("The 7th, 21st and 102nd times.")
    'The seventh, twenty first and one hundred second times.'
    """
    return re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", lambda m: ordinal_words(int(m.group(1))), text)


def cardinals(text: str) -> str:
    """Every remaining number in words: "1,200", "2.5", "52-year-old", "COVID-19".

    >>> cardinals("1,200 posts, 196 stayed, 2.5 times, a 52-year-old, COVID-19 and 3/4.")
    'one thousand two hundred posts, one hundred ninety six stayed, two point five times, a fifty two-year-old, COVID-nineteen and three quarters.'
    """
    fractions = {"1/2": "a half", "1/3": "a third", "2/3": "two thirds", "1/4": "a quarter", "3/4": "three quarters",
                 "½": "a half", "¼": "a quarter", "¾": "three quarters"}
    text = re.sub(r"(?<![\d/])(1/2|1/3|2/3|1/4|3/4)(?![\d/])|[½¼¾]", lambda m: fractions[m.group(0)], text)
    return re.sub(r"(?<![\d.,])(" + NUMBER + r")(?![\d])", lambda m: cardinal_words(m.group(1)), text)
