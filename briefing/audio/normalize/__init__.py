"""Speech text normalisation: turn a sentence as written into the words a voice should read.

``NORMALIZERS`` is an ordered list of plain ``str -> str`` functions, in the style of gTTS's
text pre-processors; :func:`for_speech` applies them in order. Each one does one kind of
thing (numbers, money, dates, initialisms, symbols ...) and has doctests.

Two kinds of normaliser, because the benchmark and the quotation rule need to tell them apart:

- most decide *which words* are meant: "$5m" is "five million dollars", "Oct. 7" is
  "October seventh", "Mr" is "Mister", "X/Twitter" is "X, formerly Twitter";
- the ones in :data:`PRONUNCIATION_ONLY` only decide *how to say* the same words:
  "CCDH" spelled as letters, "Scholz" respelled "Sholts" so that the voice gets it right.

:func:`words_meant` applies only the first kind: it is the reference a listener should hear,
which ``bench/intelligibility.py`` scores speech recognition against.

Quotations are protected: inside a quotation (between double quotation marks, as
:func:`briefing.text.split.find_quotations` finds them) no normaliser in :data:`ADDS_WORDS` runs,
so quoted words are never changed, dropped or reordered. Numbers, dates and initialisms in a
quotation are still read out as words, since that is how they are said.

Abbreviations, initialisms and respellings come from the pronunciation lexicon,
``briefing/data/pronunciations.tsv`` (its header explains the format). Users add their own
entries in files named by the environment variable ``BRIEFING_PRONUNCIATIONS`` (paths
separated by ``os.pathsep``); theirs replace shipped entries with the same written form.

The normalisers live by family: :mod:`.symbols` (typography, symbols, spacing),
:mod:`.addresses` (web and email addresses, handles, hashtags), :mod:`.letters` (all-caps
leads, initialisms, letters glued to digits), :mod:`.pronounce` (the lexicon: abbreviations,
expansions, respellings), :mod:`.numbers`, :mod:`.money`, :mod:`.dates` (dates, times,
decades, years) and :mod:`.units`; :mod:`.chain` puts them in order and runs them. To add
one, write it in its family's module with a doctest and put it in ``NORMALIZERS``.
"""

from .chain import (
    ADDS_WORDS,
    ESPEAK_READS_ITSELF,
    NORMALIZERS,
    PRONUNCIATION_ONLY,
    Normalizer,
    for_espeak,
    for_speech,
    words_meant,
)
from .pronounce import LEXICON_ENV, LEXICON_KINDS, Pronunciation, active_lexicon, load_lexicon

__all__ = [
    "NORMALIZERS",
    "PRONUNCIATION_ONLY",
    "ADDS_WORDS",
    "ESPEAK_READS_ITSELF",
    "LEXICON_ENV",
    "LEXICON_KINDS",
    "Normalizer",
    "Pronunciation",
    "for_speech",
    "for_espeak",
    "words_meant",
    "load_lexicon",
    "active_lexicon",
]
