"""The plain-language lexicon as data: the entries of ``data/plain_lexicon.tsv`` (a phrase,
its plain replacement, part of speech, source, and the words that mark another sense),
their inflected forms by first word, and how hard a word is (wordfreq's Zipf scale),
which decides whether a swap is worth making.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import inflect
from ..faithful import STOP_WORDS
from ...text.nlp import zipf_frequency


LEXICON_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "plain_lexicon.tsv"


# A single word is replaced only when it is no more common than its plain replacement
# plus this margin (Zipf scale, wordfreq): "slammed" (3.6) -> "criticised" (4.0) is
# replaced; "show" is never replaced by a rarer word.
HARDNESS_MARGIN = 0.25
# Words rarer than this (Zipf; "slam" is 4.0, "show" 5.6) are replaced whatever the
# replacement's frequency: for journalese the everyday sense makes the word look common.
COMMON_ZIPF = 4.5


@dataclass(frozen=True)
class LexiconEntry:
    """One row of the plain-language lexicon (a lemma and its plain replacement)."""

    phrase: str
    replacement: str
    pos: str
    source: str
    not_before: frozenset[str] = frozenset()  # next (or, written "<word", previous) words of another sense


@dataclass(frozen=True)
class _Surface:
    """An inflected form of an entry, as matched in text."""

    words: tuple[str, ...]
    tags: frozenset[str]
    entry: LexiconEntry
    replacements: dict  # tag -> inflected replacement


@lru_cache(maxsize=1)
def lexicon_header() -> tuple[str, ...]:
    """The comment lines at the top of the lexicon file (its sources and licences)."""
    lines = []
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            lines.append(line[1:].strip())
    return tuple(lines)


@lru_cache(maxsize=1)
def lexicon() -> tuple[LexiconEntry, ...]:
    """Every entry of ``data/plain_lexicon.tsv`` (phrase, replacement, pos, source)."""
    entries = []
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if cells[0] == "phrase":
                continue  # the column header
            phrase, replacement, pos, source, not_before = (cells + [""] * 5)[:5]
            entries.append(LexiconEntry(
                phrase.strip().lower(), replacement.strip(), pos.strip(), source.strip(),
                frozenset(w.strip().lower() for w in not_before.split("|") if w.strip()),
            ))
    return tuple(entries)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[_Surface]]:
    """Inflected forms of every entry, by first word, longest phrase first."""
    index: dict[str, list[_Surface]] = {}
    for entry in lexicon():
        source_forms = inflect.forms(entry.phrase, entry.pos)
        target_forms = inflect.forms(entry.replacement, entry.pos) if entry.replacement else {}
        by_surface: dict[str, set[str]] = {}
        for tag, surface in source_forms.items():
            by_surface.setdefault(surface, set()).add(tag)
        for surface, tags in by_surface.items():
            words = tuple(surface.split(" "))
            replacements = {tag: target_forms.get(tag, entry.replacement) for tag in tags}
            index.setdefault(words[0], []).append(_Surface(words, frozenset(tags), entry, replacements))
    for surfaces in index.values():
        surfaces.sort(key=lambda s: -len(s.words))
    return index


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    best = zipf_frequency(word)
    # British spellings are rarer in wordfreq's mostly American data: judge a word by
    # its commoner spelling, so "criticised" is as easy as "criticized".
    for uk, us in (("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("ises", "izes"), ("our", "or")):
        if word.endswith(uk):
            best = max(best, zipf_frequency(word[: -len(uk)] + us))
    return best


def _is_hard(word: str, replacement: str) -> bool:
    """Whether ``word`` is worth replacing by ``replacement``: rare in itself (Zipf below
    :data:`COMMON_ZIPF`), or no commoner than the replacement's rarest word.

    >>> _is_hard("slammed", "criticised"), _is_hard("show", "display")
    (True, False)
    """
    plain = [w for w in replacement.lower().split() if w not in STOP_WORDS] or replacement.lower().split()
    if not plain:
        return True
    zipf = _zipf(word)
    return zipf < COMMON_ZIPF or zipf <= min(_zipf(w) for w in plain) + HARDNESS_MARGIN
