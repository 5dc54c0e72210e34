"""Shared vocabulary: the closed word classes and marks that every stage reads.

The lists live in ``briefing/data/words.json``; this module loads them once and names
them. A stage that needs a variant (lower case, abbreviations, a subset) derives it
here or in its own module from these, so a month or a quotation mark is written down
in one place only.

>>> MONTHS[0], WEEKDAYS[-1], "sgt" in TITLES
('January', 'Sunday', True)
>>> SCALES["million"], OPEN_QUOTES
(1000000, '“«„')
"""

from __future__ import annotations

import json
from importlib import resources
from types import MappingProxyType

_DATA = json.loads(resources.files("briefing").joinpath("data/words.json").read_text(encoding="utf-8"))

# -- calendar ---------------------------------------------------------------------------
MONTHS: tuple[str, ...] = tuple(_DATA["months"])  # "January" ... "December"
WEEKDAYS: tuple[str, ...] = tuple(_DATA["weekdays"])  # "Monday" ... "Sunday", as date.weekday() counts
RELATIVE_DAYS: tuple[str, ...] = tuple(_DATA["relative_days"])  # "yesterday", "today", ...

# -- titles written before a name ("Sgt. John MacLellan"), lower case, without the full stop
TITLES: frozenset[str] = frozenset(_DATA["titles"])

# -- number words -----------------------------------------------------------------------
_NUMBERS = _DATA["number_words"]
ONES: MappingProxyType[str, int] = MappingProxyType(dict(_NUMBERS["ones"]))  # "zero" ... "nineteen"
TENS: MappingProxyType[str, int] = MappingProxyType(dict(_NUMBERS["tens"]))  # "twenty" ... "ninety"
SCALES: MappingProxyType[str, int] = MappingProxyType(
    {word: 10**exponent for word, exponent in _NUMBERS["scales"].items()}
)  # "thousand" ... "trillion"

# -- quotation marks ----------------------------------------------------------------------
_MARKS = _DATA["quotation_marks"]
OPEN_QUOTES: str = _MARKS["double_open"]  # curly and low double opening marks, and «
CLOSE_QUOTES: str = _MARKS["double_close"]
STRAIGHT: str = _MARKS["straight_double"]  # '"', which opens and closes
SINGLE_OPEN: str = _MARKS["single_open"]  # ‘ (also a wrongly turned apostrophe in scraped text)
SINGLE_CLOSE: str = _MARKS["single_close"]  # ’ (also the apostrophe: don't, players’)
STRAIGHT_SINGLE: str = _MARKS["straight_single"]
QUOTE_PAIRS: tuple[tuple[str, str], ...] = tuple((o, c) for o, c in _MARKS["pairs"])  # opening, closing
