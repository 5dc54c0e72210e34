"""The normalisers in the order they run, and the three ways of running them:
:func:`for_speech`, :func:`for_espeak` and :func:`words_meant`, with quotations protected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...text.quotes import find_quotations
from .addresses import handles_and_hashtags, urls_and_emails
from .dates import dates, decades, times, years
from .letters import initialisms, letters_and_digits, tabloid_caps
from .money import money
from .numbers import cardinals, ordinals, percentages, ranges, roman_numerals
from .pronounce import abbreviations, expansions, pronunciations
from .symbols import spacing, symbols, typography
from .units import units

Normalizer = Callable[[str], str]


NORMALIZERS: list[Normalizer] = [
    typography,
    urls_and_emails,
    handles_and_hashtags,
    tabloid_caps,
    expansions,
    abbreviations,
    pronunciations,
    roman_numerals,
    money,
    percentages,
    dates,
    times,
    decades,
    ranges,
    years,
    ordinals,
    units,
    letters_and_digits,
    cardinals,
    initialisms,
    symbols,
    spacing,
]

# These decide how the same words are said, not which words: words_meant() skips them.
PRONUNCIATION_ONLY: frozenset[Normalizer] = frozenset({pronunciations, initialisms})

# These add or change words: never applied inside a quotation.
ADDS_WORDS: frozenset[Normalizer] = frozenset({expansions})


def _normalize(text: str, steps: Sequence[Normalizer]) -> str:
    for step in steps:
        text = step(text)
    return text


def _segments(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_quoted) parts; quotation marks stay with the outside parts."""
    parts: list[tuple[str, bool]] = []
    at = 0
    for quote in find_quotations(text):
        start, end = quote.span
        if start > at:
            parts.append((text[at:start], False))
        parts.append((text[start:end], True))
        at = end
    if at < len(text):
        parts.append((text[at:], False))
    return parts


def _run(text: str, quoted: bool, skip: frozenset[Normalizer]) -> str:
    outside = [n for n in NORMALIZERS if n not in skip]
    inside = [n for n in outside if n not in ADDS_WORDS]
    if quoted:
        return _normalize(text, inside)
    pieces = []
    for piece, is_quoted in _segments(text):
        said = _normalize(piece, inside if is_quoted else outside)
        # Keep the spaces the rules trim at the edges, so pieces do not run together.
        lead = " " if piece[:1].isspace() else ""
        tail = " " if piece[-1:].isspace() else ""
        pieces.append(lead + said + tail)
    return spacing("".join(pieces))


def for_speech(text: str, *, quoted: bool = False) -> str:
    """The words a voice should read for ``text``: every normaliser, in order.

    Quotations inside ``text`` (and all of ``text`` when ``quoted`` is true) get every
    normaliser except those in :data:`ADDS_WORDS`, so their words are spoken as written.

    >>> for_speech("ELON Musk met the CCDH on Oct. 7, 2023 at 10:30am about $5m.")
    'Elon Musk met the CCDH on October seventh, twenty twenty three at ten thirty a.m. about five million dollars.'
    >>> for_speech('He said: "X/Twitter has 200 posts" on X/Twitter.')
    'He said: "X slash Twitter has two hundred posts" on X, formerly Twitter.'
    """
    return _run(text, quoted, frozenset())


# Numbers that espeak-ng reads well by itself from digits ("11", "2003", "6-8"); written
# out in words it did worse (bench intelligibility, espeak on news: WER 18.4% with them
# in words, 17.2% without, 17.6% for the raw text). Money, dates, times and ordinals are
# still written out: espeak reads "$5m" and "Oct. 7" badly.
ESPEAK_READS_ITSELF: frozenset[Normalizer] = frozenset({cardinals, years, ranges})


def for_espeak(text: str, *, quoted: bool = False) -> str:
    """:func:`for_speech` for espeak-ng: the same, but bare numbers stay as digits.

    >>> for_espeak("All 11 members, aged 59 to 84, died in 2003 on Oct. 7.")
    'All 11 members, aged 59 to 84, died in 2003 on October seventh.'
    """
    return _run(text, quoted, ESPEAK_READS_ITSELF)


def words_meant(text: str, *, quoted: bool = False) -> str:
    """The words a listener should hear, before any respelling for a voice's sake.

    Like :func:`for_speech` without the normalisers in :data:`PRONUNCIATION_ONLY`: numbers,
    dates and abbreviations are in words, but "CCDH" and "Scholz" stay as written.

    >>> words_meant("Scholz and the CCDH met Dr Smith on Oct. 7.")
    'Scholz and the CCDH met Doctor Smith on October seventh.'
    """
    return _run(text, quoted, PRONUNCIATION_ONLY)
