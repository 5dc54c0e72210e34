"""Units after a number ("10km", "30°C") and "m"/"bn" meaning million/billion."""

from __future__ import annotations

import re

from .numbers import NUMBER, SCALE_WORDS

_UNITS = {"km": "kilometres", "kph": "kilometres per hour", "km/h": "kilometres per hour",
          "mph": "miles per hour", "kg": "kilograms", "cm": "centimetres", "mm": "millimetres",
          "ft": "feet", "lb": "pounds", "lbs": "pounds", "GB": "gigabytes", "MB": "megabytes",
          "°C": "degrees Celsius", "°F": "degrees Fahrenheit", "C": "degrees Celsius", "F": "degrees Fahrenheit"}


def units(text: str) -> str:
    """Units after a number, and "m"/"bn" meaning million/billion.

    >>> units("10km at 70mph, 5kg, 30°C, 5m people and 2bn views.")
    '10 kilometres at 70 miles per hour, 5 kilograms, 30 degrees Celsius, 5 million people and 2 billion views.'
    """
    names = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    text = re.sub(r"\b(" + NUMBER + r")\s?(" + names + r")(?![\w/])", lambda m: f"{m.group(1)} {_UNITS[m.group(2)]}", text)
    text = re.sub(r"(" + NUMBER + r")\s?°", r"\1 degrees", text)
    return re.sub(
        r"\b(" + NUMBER + r")(m|bn|tn)\b",
        lambda m: f"{m.group(1)} {SCALE_WORDS[m.group(2)]}",
        text,
    )
