"""The tabloid all-caps lead: ``ELON Musk is`` becomes ``Elon Musk is``; initialisms stay."""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize.punkt import _ORTHO_LC

from ..nlp import punkt_parameters
from .edits import Change, data_lines


@lru_cache(maxsize=1)
def initialisms() -> frozenset[str]:
    """All-caps words that are initialisms (``data/initialisms.txt``)."""
    return frozenset(word for line in data_lines("initialisms.txt") for word in line.split())


@lru_cache(maxsize=1)
def _lowercase_words() -> frozenset[str]:
    """Words seen in lowercase in the Punkt model's training news (about 20,000)."""
    return frozenset(w for w, flags in punkt_parameters().ortho_context.items() if flags & _ORTHO_LC)

_CAPS_RUN = re.compile(r"^(?P<run>(?:[A-Z][A-Z'’-]*\b\s+){1,4})(?P<next>[\"“‘']?\w[\w'’-]*)")
_VOWEL = re.compile(r"[AEIOUY]")


def fix_allcaps_lead(text: str) -> tuple[str, list[Change]]:
    """Fix the tabloid lead that shouts its first word(s): ``ELON Musk is`` becomes
    ``Elon Musk is``, ``A MAN has been`` becomes ``A man has been``.

    A leading all-caps word is a shouted name when it has 3 or more letters, a vowel,
    is no known initialism, is not written in capitals elsewhere in the article, and
    the next word is Capitalised (or the word appears Capitalised elsewhere). A run of
    capitals followed by a lowercase word is shouted common words when every one of
    them is a known lowercase word. Anything else (NASA, US, FBI, CCDH) stays.

    >>> fix_allcaps_lead("ELON Musk is due in Israel.")[0]
    'Elon Musk is due in Israel.'
    >>> fix_allcaps_lead("A MAN has been jailed.")[0]
    'A man has been jailed.'
    >>> fix_allcaps_lead("NASA Administrator Bill Nelson spoke.")[0]
    'NASA Administrator Bill Nelson spoke.'
    >>> fix_allcaps_lead("CCDH Research found 200 posts.")[0]
    'CCDH Research found 200 posts.'
    """
    m = _CAPS_RUN.match(text)
    if not m:
        return text, []
    words = m.group("run").split()
    nxt = m.group("next").lstrip("\"“‘'")
    rest = text[m.end("run"):]
    if any(not re.search(r"[A-Z]{2}|^A$", w) for w in words) or (len(words) == 1 and len(words[0]) == 1):
        return text, []
    new_words = _fix_caps_words(words, nxt, rest)
    if new_words == words:
        return text, []
    old = m.group("run").rstrip()
    new = " ".join(new_words)
    return new + text[len(old):], [(old, new)]


def _fix_caps_words(words: list[str], nxt: str, rest: str) -> list[str]:
    known = initialisms()
    lowercase = _lowercase_words()

    def acronym_like(word: str) -> bool:
        core = word.strip("'’-")
        return (
            core in known
            or core.rstrip("S") in known
            or not _VOWEL.search(core)
            or re.search(rf"\b{re.escape(core)}\b", rest) is not None
        )

    if any(acronym_like(w) for w in words if len(w) > 1):
        return words
    if nxt[:1].islower() and all(w.lower().strip("'’") in lowercase for w in words):
        # "A MAN has been", "TWO teenagers were": shouted common words.
        return [words[0].capitalize()] + [w.lower() for w in words[1:]]
    # "ELON Musk", "ELON MUSK said ... Musk said": a shouted name.
    if len(words) == 1 and len(words[0]) < 3:
        return words
    next_capitalised = nxt[:1].isupper() and not nxt.isupper()
    named_elsewhere = any(re.search(rf"\b{re.escape(_title_word(w))}\b", rest) for w in words if len(w) > 1)
    if next_capitalised or named_elsewhere:
        return [_title_word(w) for w in words]
    return words


def _title_word(word: str) -> str:
    """``O’NEILL`` -> ``O’Neill``, ``SMITH-JONES`` -> ``Smith-Jones``."""
    return re.sub(r"[A-Z]+", lambda m: m.group(0).capitalize(), word)
