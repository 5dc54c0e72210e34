"""Capital letters: the tabloid's all-caps lead said as words, capitals glued to digits
split, and initialisms that cannot be read as words spelled out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .pronounce import lexicon_words, spell_letters

# Short all-caps words a tabloid lead uses that look like initialisms.
_SHORT_WORDS = frozenset(
    "A AN THE TWO ONE SIX TEN HE SHE HIS HER WE OUR ITS IN ON AT BY TO OF FOR AND BUT NOT NO NEW OLD BIG "
    "MAN MEN MUM DAD BOY GUY ALL HOW WHY MY YOU TOP BOSS FAN FANS CAR DOG CAT KIM JOE BEN TOM SAM ROD "
    "KEIR".split()
)
_ONSETS = frozenset(
    "BL BR CH CL CR DR FL FR GL GR KN PH PL PR SC SCH SCR SH SHR SK SL SM SN SP SPL SPR ST STR SW TH THR "
    "TR TW WH WR QU".split()
)
# Vowel pairs that no English spelling has (ICAO, "I C A O"): an all-caps word with one is spelled.
_SPELLED_VOWELS = r"AO|UO|IU|UU|II|AA"
_CODAS = frozenset(
    "CH CK CT FT LD LF LK LL LM LP LT MP ND NG NK NT NS PT RB RD RK RL RM RN RS RT SH SK SP SS ST TH TS "
    "DS GS KS LS MS PS RST NGS NTS NDS".split()
)


def _pronounceable(word: str) -> bool:
    """Whether an all-caps word can be read as a word rather than spelled out.

    >>> [w for w in ["NASA", "NATO", "ELON", "CCDH", "FBI", "LGBT", "UNICEF", "EU", "UAE", "ICAO"] if _pronounceable(w)]
    ['NASA', 'NATO', 'ELON', 'UNICEF']
    """
    if re.search(_SPELLED_VOWELS, word.upper()):
        return False  # "ICAO": no English word has "ao", so each vowel is a letter's name
    # Vowel groups (Y counts when it is not followed by a vowel) and consonant clusters.
    parts = re.findall(r"[AEIOU]+|Y(?![AEIOU])|[^AEIOUY]+|Y", word.upper())
    vowel = [p[0] in "AEIOU" or p == "Y" for p in parts]
    if all(vowel) or not any(vowel):
        return False
    first, last = parts[0], parts[-1]
    if not vowel[0] and len(first) > 1 and first not in _ONSETS:
        return False
    if not vowel[-1] and len(last) > 1 and last not in _CODAS:
        return False
    return all(len(p) <= 3 for p in parts[1:-1])


@lru_cache(maxsize=1)
def _known_initialisms() -> frozenset[str]:
    # Shared with the cleaner's all-caps lead rule: words that are never a shouted name.
    try:
        text = resources.files("briefing").joinpath("data/initialisms.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def tabloid_caps(text: str) -> str:
    """Tabloid leads set their first words in capitals: say them as words; acronyms stay.

    >>> tabloid_caps("ELON Musk is due. BORIS JOHNSON said. NHS staff went. TWO men ran. FEMA said.")
    'Elon Musk is due. Boris Johnson said. NHS staff went. Two men ran. FEMA said.'
    """
    known = lexicon_words() | _known_initialisms()

    def fix(match: re.Match[str]) -> str:
        words = match.group(0).split(" ")
        out = []
        for word in words:
            if word in known or not (
                word in _SHORT_WORDS or (len(word) >= 4 and _pronounceable(word.replace("'", "").replace("-", "")))
            ):
                out.append(word)
            else:
                out.append("-".join("'".join(p.capitalize() for p in part.split("'")) for part in word.split("-")))
        return " ".join(out)

    # A run of capitalised words at the start of a sentence, followed by a word that is not.
    return re.sub(r"(?:(?<=^)|(?<=[.!?]\s))(?:[A-Z][A-Z'-]*[A-Z] )+(?=[A-Z]?[a-z])", fix, text)


def letters_and_digits(text: str) -> str:
    """Split capitals glued to digits so each is read: "G7" -> "G 7", "5G" -> "5 G".

    >>> letters_and_digits("The G7, 5G masts and COP28, not the 52-year-old.")
    'The G 7, 5 G masts and COP 28, not the 52-year-old.'
    """
    text = re.sub(r"\b([A-Z]{1,5})(\d+)\b", r"\1 \2", text)
    return re.sub(r"\b(\d+)([A-Z]{1,3})\b", r"\1 \2", text)


def initialisms(text: str) -> str:
    """All-capital words that are not in the lexicon: spelled out when they cannot be read as
    words (no vowels, three letters or fewer, or an unlikely cluster); otherwise left as words.

    >>> initialisms("The IDB, LGBTQIA and FEMA met the A.I. group of the RNLI and the TSB.")
    'The I.D.B., L.G.B.T.Q.I.A. and FEMA met the A.I. group of the R.N.L.I. and the TSB.'
    >>> initialisms("The ICAO and OPEC met.")
    'The I.C.A.O. and OPEC met.'
    """
    known = lexicon_words()

    def spell(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in known or (len(word) >= 4 and _pronounceable(word)):
            return word
        spelled = spell_letters(word)
        # A full stop that ends the sentence doubles as the last letter's.
        if spelled.endswith(".") and text[match.end() : match.end() + 1] == ".":
            spelled = spelled[:-1]
        return spelled

    return re.sub(r"(?<![\w.'])[A-Z]{2,7}(?![\w'-]|\.\w)", spell, text)
