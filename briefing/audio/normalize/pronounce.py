"""The pronunciation lexicon, ``briefing/data/pronunciations.tsv`` and the user's files
named in ``BRIEFING_PRONUNCIATIONS``: abbreviations read as words, initialisms spelled out,
respellings, and the expansions that add words.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ...errors import ConfigError

LEXICON_ENV = "BRIEFING_PRONUNCIATIONS"

LEXICON_KINDS = {
    "say": "the same words, respelled or spelled out so that voices say them right",
    "abbr": "an abbreviation read as its full word; takes a following full stop with it",
    "expand": "adds words to explain; never applied inside quotations",
    "ipa": "how Piper says a word, in espeak-ng's IPA; other voices read the word as written",
}


@dataclass(frozen=True)
class Pronunciation:
    """One lexicon line: ``written`` is replaced by ``spoken``; ``kind`` is a key of LEXICON_KINDS."""

    written: str
    spoken: str
    kind: str
    origin: str = ""  # "file:line", for error messages and for users checking what applied


def _parse_lexicon(text: str, origin: str) -> list[Pronunciation]:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        where = f"{origin}:{number}"
        if len(cells) < 3 or not cells[0] or not cells[1]:
            raise ConfigError(
                f"Pronunciation lexicon {where}: expected 'written<TAB>spoken<TAB>kind', got {line!r}. "
                "Separate the three columns with TAB characters."
            )
        if cells[2] not in LEXICON_KINDS:
            raise ConfigError(
                f"Pronunciation lexicon {where}: unknown kind {cells[2]!r}; use one of {', '.join(LEXICON_KINDS)}."
            )
        entries.append(Pronunciation(cells[0], cells[1], cells[2], where))
    return entries


def load_lexicon(paths: Sequence[str | Path] = ()) -> tuple[Pronunciation, ...]:
    """The shipped lexicon followed by the entries of ``paths``; later entries replace earlier
    ones with the same written form.

    Raises :class:`briefing.errors.ConfigError` for a missing file or a malformed line.
    """
    shipped = resources.files("briefing").joinpath("data/pronunciations.tsv").read_text(encoding="utf-8")
    by_written = {e.written: e for e in _parse_lexicon(shipped, "pronunciations.tsv")}
    for path in paths:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(
                f"Pronunciation lexicon {path} does not exist: fix the path in {LEXICON_ENV} or create the file."
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"Cannot read pronunciation lexicon {path}: {exc}. It must be UTF-8 text.") from None
        for entry in _parse_lexicon(text, str(path)):
            by_written[entry.written] = entry
    return tuple(by_written.values())


def active_lexicon() -> tuple[Pronunciation, ...]:
    """The lexicon in force: shipped entries plus the files named in ``BRIEFING_PRONUNCIATIONS``."""
    return _lexicon_for(os.environ.get(LEXICON_ENV, ""))


@lru_cache(maxsize=8)
def _lexicon_for(env_value: str) -> tuple[Pronunciation, ...]:
    return load_lexicon([p for p in env_value.split(os.pathsep) if p.strip()])


@lru_cache(maxsize=32)
def _lexicon_pattern(entries: tuple[Pronunciation, ...], kind: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    chosen = [e for e in entries if e.kind == kind]
    if not chosen:
        return None, {}
    alternatives = []
    spoken: dict[str, str] = {}
    # Longest first, so that "X/Twitter" wins over "X" and "LGBTQ" over "LGBT".
    for e in sorted(chosen, key=lambda e: -len(e.written)):
        alt = re.escape(e.written)
        if kind == "abbr" and not e.written.endswith("."):
            # The full stop goes too, unless it ends the text (then it ends the sentence).
            alt += r"(?:\.(?!\s*$))?"
        alternatives.append(alt)
        spoken[e.written] = e.spoken
    # Whole words only: not inside a longer word, a handle or a hashtag.
    pattern = re.compile(r"(?<![\w@#])(?:" + "|".join(alternatives) + r")(?![\w@])")
    return pattern, spoken


def apply_pronunciations(text: str, kind: str) -> str:
    """``text`` with the lexicon entries of ``kind`` in force replaced by their spoken form."""
    pattern, spoken = _lexicon_pattern(active_lexicon(), kind)
    if pattern is None:
        return text

    def replace(match: re.Match[str]) -> str:
        written = match.group(0)
        said = spoken.get(written) or spoken.get(written[:-1], written)
        if ", " in said and re.match(r" \w", text[match.end() : match.end() + 2]):
            # "X, formerly Twitter, is due": close the aside the expansion opened.
            said += ","
        return render_spelling(said)

    return pattern.sub(replace, text)


def render_spelling(spoken: str) -> str:
    """Letters to spell ("C C D H") written so that voices say each letter.

    Without vowels, as one capitalised word ("CCDH"): every voice spells such a word, and
    separate capitals run into the next word in Piper ("H said" is heard "hset"). With a
    vowel, with full stops ("A.I."), since a voice may read "AI" or "US" as a word and reads
    a lone "A" as the article. Full stops cost something too: before a capitalised word they
    can end the sentence for the voice, so they are kept to the words that need them.

    >>> render_spelling("C C D H"), render_spelling("A I"), render_spelling("N double A C P")
    ('CCDH', 'A.I.', 'N double A.C.P.')
    """
    return re.sub(r"\b[A-Z](?: [A-Z]\b)+", lambda m: spell_letters(m.group(0).replace(" ", "")), spoken)


def spell_letters(letters: str) -> str:
    """Capitals to be spelled: as they are without a vowel ("CCDH"), else with full stops ("A.I.")."""
    if not re.search(r"[AEIOU]", letters):
        return letters
    return ".".join(letters) + "."


def lexicon_ipa() -> dict[str, str]:
    """Entries of kind ``ipa`` in force: written word -> the IPA that Piper is given."""
    return {e.written: e.spoken for e in active_lexicon() if e.kind == "ipa"}


def lexicon_words() -> frozenset[str]:
    """Every written form in the lexicon in force."""
    return frozenset(e.written for e in active_lexicon())


def expansions(text: str) -> str:
    """Lexicon entries of kind ``expand``: words added to explain ("X, formerly Twitter").

    >>> expansions("He posted on X/Twitter and/or Facebook.")
    'He posted on X, formerly Twitter, and or Facebook.'
    """
    return apply_pronunciations(text, "expand")


def abbreviations(text: str) -> str:
    """Lexicon entries of kind ``abbr`` ("Mr" -> "Mister"), "St" as Saint or Street, "No." as number.

    >>> abbreviations("Mr. Smith and Dr Jones met at St Paul's on Baker St. No. 10 said so, etc.")
    "Mister Smith and Doctor Jones met at Saint Paul's on Baker Street. number 10 said so, et cetera."
    """
    # "St" before a name is Saint; after a name it is Street.
    text = re.sub(r"\b([A-Z][a-z]+) St\b", r"\1 Street", text)
    text = re.sub(r"\bSt\b\.?(?= )", "Saint", text)
    text = re.sub(r"\b[Nn]o\.\s?(?=\d)", "number ", text)
    return apply_pronunciations(text, "abbr")


def pronunciations(text: str) -> str:
    """Lexicon entries of kind ``say``: initialisms spelled out, acronyms said as words, respellings.

    >>> pronunciations("The CCDH told NASA and the US that Scholz was on N12.")
    'The CCDH told Nasa and the U.S. that Sholts was on N 12.'
    """
    return apply_pronunciations(text, "say")
