"""Amounts of money: "$5m" is "five million dollars"."""

from __future__ import annotations

import re

from .numbers import NUMBER, SCALE_WORDS, cardinal_words, in_words

_CURRENCIES = {"$": ("dollar", "dollars", "cent", "cents"), "£": ("pound", "pounds", "penny", "pence"),
               "€": ("euro", "euros", "cent", "cents"), "¥": ("yen", "yen", "sen", "sen")}
_MONEY = re.compile(
    r"(?P<prefix>\b(?:US|A|C|NZ|HK))?(?P<cur>[$£€¥])\s?(?P<num>" + NUMBER + r")"
    r"(?:\s?(?P<scale>" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True)) + r")\b)?"
)


def money(text: str) -> str:
    """Amounts of money in words, the currency after the number as it is said.

    >>> money("$5m, £1.2bn, €300, $1, £10.50, $0.99 and US$2 billion.")
    'five million dollars, one point two billion pounds, three hundred euros, one dollar, ten pounds fifty, ninety nine cents and two billion US dollars.'
    """

    def say(match: re.Match[str]) -> str:
        one, many, sub_one, sub_many = _CURRENCIES[match.group("cur")]
        number = match.group("num").replace(",", "")
        prefix = (match.group("prefix") + " ") if match.group("prefix") else ""
        scale = match.group("scale")
        if scale:
            return f"{cardinal_words(number)} {SCALE_WORDS[scale]} {prefix}{many}"
        whole, _, cents = number.partition(".")
        if cents and len(cents) == 2:
            cents_words = in_words(int(cents))
            if int(whole) == 0:
                return f"{cents_words} {sub_one if int(cents) == 1 else sub_many}"
            unit = one if int(whole) == 1 else many
            return f"{cardinal_words(whole)} {prefix}{unit} {cents_words}" if int(cents) else f"{cardinal_words(whole)} {prefix}{unit}"
        unit = one if number == "1" else many
        return f"{cardinal_words(number)} {prefix}{unit}"

    return _MONEY.sub(say, text)
