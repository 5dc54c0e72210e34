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
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from num2words import num2words

from ..errors import ConfigError
from ..text.split import find_quotations
from ..words import MONTHS

__all__ = [
    "NORMALIZERS",
    "PRONUNCIATION_ONLY",
    "ADDS_WORDS",
    "LEXICON_ENV",
    "LEXICON_KINDS",
    "LexiconEntry",
    "for_speech",
    "words_meant",
    "load_lexicon",
    "active_lexicon",
]

Normalizer = Callable[[str], str]

LEXICON_ENV = "BRIEFING_PRONUNCIATIONS"

LEXICON_KINDS = {
    "say": "the same words, respelled or spelled out so that voices say them right",
    "abbr": "an abbreviation read as its full word; takes a following full stop with it",
    "expand": "adds words to explain; never applied inside quotations",
}


# ---------------------------------------------------------------------------------------
# The pronunciation lexicon


@dataclass(frozen=True)
class LexiconEntry:
    """One lexicon line: ``written`` is replaced by ``spoken``; ``kind`` is a key of LEXICON_KINDS."""

    written: str
    spoken: str
    kind: str
    origin: str = ""  # "file:line", for error messages and for users checking what applied


def _parse_lexicon(text: str, origin: str) -> list[LexiconEntry]:
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
        entries.append(LexiconEntry(cells[0], cells[1], cells[2], where))
    return entries


def load_lexicon(paths: Sequence[str | Path] = ()) -> tuple[LexiconEntry, ...]:
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


def active_lexicon() -> tuple[LexiconEntry, ...]:
    """The lexicon in force: shipped entries plus the files named in ``BRIEFING_PRONUNCIATIONS``."""
    return _lexicon_for(os.environ.get(LEXICON_ENV, ""))


@lru_cache(maxsize=8)
def _lexicon_for(env_value: str) -> tuple[LexiconEntry, ...]:
    return load_lexicon([p for p in env_value.split(os.pathsep) if p.strip()])


@lru_cache(maxsize=32)
def _lexicon_pattern(entries: tuple[LexiconEntry, ...], kind: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
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


def _apply_lexicon(text: str, kind: str) -> str:
    pattern, spoken = _lexicon_pattern(active_lexicon(), kind)
    if pattern is None:
        return text

    def replace(match: re.Match[str]) -> str:
        written = match.group(0)
        said = spoken.get(written) or spoken.get(written[:-1], written)
        if ", " in said and re.match(r" \w", text[match.end() : match.end() + 2]):
            # "X, formerly Twitter, is due": close the aside the expansion opened.
            said += ","
        return _render_spelling(said)

    return pattern.sub(replace, text)


def _render_spelling(spoken: str) -> str:
    """Letters to spell ("C C D H") written so that voices say each letter.

    Without vowels, as one capitalised word ("CCDH"): every voice spells such a word, and
    separate capitals run into the next word in Piper ("H said" is heard "hset"). With a
    vowel, with full stops ("A.I."), since a voice may read "AI" or "US" as a word and reads
    a lone "A" as the article. Full stops cost something too: before a capitalised word they
    can end the sentence for the voice, so they are kept to the words that need them.

    >>> _render_spelling("C C D H"), _render_spelling("A I"), _render_spelling("N double A C P")
    ('CCDH', 'A.I.', 'N double A.C.P.')
    """
    return re.sub(r"\b[A-Z](?: [A-Z]\b)+", lambda m: _spell(m.group(0).replace(" ", "")), spoken)


def _spell(letters: str) -> str:
    if not re.search(r"[AEIOU]", letters):
        return letters
    return ".".join(letters) + "."


# ---------------------------------------------------------------------------------------
# Helpers for numbers

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _words(number: int, to: str = "cardinal") -> str:
    """num2words in American style: no commas, no "and" after hundred or thousand, no hyphens.

    The default voice is American English, and a speech recogniser writes "one hundred and
    seven" as "100 and 7": the British "and" reads as a separate number to a US listener.
    espeak-ng pauses at the hyphen of "eighty four", which is then heard as "a 4".
    """
    words = num2words(number, to=to).replace(",", "").replace("-", " ")
    return re.sub(r"\b(hundred|thousand|million|billion|trillion) and\b", r"\1", words)


def _cardinal(number: str) -> str:
    """Words for a written number ("1,200", "2.5", "007").

    >>> _cardinal("1,200"), _cardinal("107"), _cardinal("0.05")
    ('one thousand two hundred', 'one hundred seven', 'zero point zero five')
    """
    number = number.replace(",", "")
    whole, _, fraction = number.partition(".")
    words = _words(int(whole or "0"))
    if fraction:
        words += " point " + " ".join(_words(int(d)) for d in fraction)
    return words


def _ordinal(number: int) -> str:
    return _words(number, to="ordinal")


def _year(number: int) -> str:
    """A year as it is said: 2018 "twenty eighteen", 1905 "nineteen oh five", 2005 "two thousand five"."""
    return _words(number, to="year")


def _is_year(number: str) -> bool:
    return bool(re.fullmatch(r"1[1-9]\d\d|20\d\d", number))


def _number_or_year(number: str) -> str:
    return _year(int(number)) if _is_year(number) else _cardinal(number)


# ---------------------------------------------------------------------------------------
# The normalisers, in the order they run


def typography(text: str) -> str:
    """Straighten apostrophes and spaces that voices and later rules trip on.

    >>> typography("Musk’s X/Twitter‘s\u00a0rules…")
    "Musk's X/Twitter's rules..."
    """
    text = re.sub(r"(?<=\w)[’‘`](?=\w)", "'", text)
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    text = text.replace("…", "...")
    return text


_TLDS = r"com|org|net|edu|gov|int|mil|co|uk|io|ai|info|news|tv|me|ly|us|eu|de|fr|il|au|ca|in|ie|nz"
_URL = re.compile(
    r"\b(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:" + _TLDS + r"))\b(/[^\s]*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b([\w.+-]+)@((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.IGNORECASE)


def urls_and_emails(text: str) -> str:
    """Say web and email addresses simply: the host with "dot", never the scheme or the path.

    >>> urls_and_emails("See bbc.co.uk or https://www.example.com/news/a-1?x=2 now.")
    'See bbc dot co dot uk or example dot com now.'
    >>> urls_and_emails("Write to press@met.police.uk today.")
    'Write to press at met dot police dot uk today.'
    """
    text = _EMAIL.sub(lambda m: f"{m.group(1).replace('.', ' dot ')} at {m.group(2).replace('.', ' dot ')}", text)

    def url(match: re.Match[str]) -> str:
        host = match.group(1)
        # "Mr.Smith" style typos are not URLs: a host needs a lower-case top-level domain.
        if not re.search(r"\.(?:" + _TLDS + r")$", host):
            return match.group(0)
        path = match.group(2) or ""
        trailing = path[-1] if path and path[-1] in ".,;:)" else ""
        return host.replace(".", " dot ") + trailing

    return _URL.sub(url, text)


def handles_and_hashtags(text: str) -> str:
    """@handles are said "at ...", #tags "hashtag ...", and "#1" is "number one".

    >>> handles_and_hashtags("Twitter/@metpoliceuk posted #StandWithIsrael, #1 trend.")
    'Twitter/ at metpoliceuk posted hashtag StandWithIsrael, number 1 trend.'
    """
    text = re.sub(r"(?<![\w@])@(\w+)", r" at \1", text)
    text = re.sub(r"(?<![\w&])#(\d)", r"number \1", text)
    return re.sub(r"(?<![\w&])#([A-Za-z]\w*)", r"hashtag \1", text)


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
_CODAS = frozenset(
    "CH CK CT FT LD LF LK LL LM LP LT MP ND NG NK NT NS PT RB RD RK RL RM RN RS RT SH SK SP SS ST TH TS "
    "DS GS KS LS MS PS RST NGS NTS NDS".split()
)


def _pronounceable(word: str) -> bool:
    """Whether an all-caps word can be read as a word rather than spelled out.

    >>> [w for w in ["NASA", "NATO", "ELON", "CCDH", "FBI", "LGBT", "UNICEF", "EU", "UAE"] if _pronounceable(w)]
    ['NASA', 'NATO', 'ELON', 'UNICEF']
    """
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


def _lexicon_words() -> frozenset[str]:
    return frozenset(e.written for e in active_lexicon())


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
    known = _lexicon_words() | _known_initialisms()

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


def expansions(text: str) -> str:
    """Lexicon entries of kind ``expand``: words added to explain ("X, formerly Twitter").

    >>> expansions("He posted on X/Twitter and/or Facebook.")
    'He posted on X, formerly Twitter, and or Facebook.'
    """
    return _apply_lexicon(text, "expand")


def abbreviations(text: str) -> str:
    """Lexicon entries of kind ``abbr`` ("Mr" -> "Mister"), "St" as Saint or Street, "No." as number.

    >>> abbreviations("Mr. Smith and Dr Jones met at St Paul's on Baker St. No. 10 said so, etc.")
    "Mister Smith and Doctor Jones met at Saint Paul's on Baker Street. number 10 said so, et cetera."
    """
    # "St" before a name is Saint; after a name it is Street.
    text = re.sub(r"\b([A-Z][a-z]+) St\b", r"\1 Street", text)
    text = re.sub(r"\bSt\b\.?(?= )", "Saint", text)
    text = re.sub(r"\b[Nn]o\.\s?(?=\d)", "number ", text)
    return _apply_lexicon(text, "abbr")


def pronunciations(text: str) -> str:
    """Lexicon entries of kind ``say``: initialisms spelled out, acronyms said as words, respellings.

    >>> pronunciations("The CCDH told NASA and the US that Scholz was on N12.")
    'The CCDH told Nasa and the U.S. that Sholts was on N 12.'
    """
    return _apply_lexicon(text, "say")


_ROMAN = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11, "XII": 12,
          "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20}


def roman_numerals(text: str) -> str:
    """Regnal numbers after a name ("Charles III" -> "Charles the Third"); "World War II" -> "Two".

    >>> roman_numerals("King Charles III, Pope Benedict XVI and World War II.")
    'King Charles the Third, Pope Benedict the Sixteenth and World War Two.'
    """
    pattern = r"\b(" + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r")\b"
    text = re.sub(r"(?<=\bWar )" + pattern, lambda m: _words(_ROMAN[m.group(1)]).capitalize(), text)
    return re.sub(
        r"\b([A-Z][a-z]{2,}) " + pattern,
        lambda m: f"{m.group(1)} the {_ordinal(_ROMAN[m.group(2)]).capitalize()}",
        text,
    )


_CURRENCIES = {"$": ("dollar", "dollars", "cent", "cents"), "£": ("pound", "pounds", "penny", "pence"),
               "€": ("euro", "euros", "cent", "cents"), "¥": ("yen", "yen", "sen", "sen")}
_SCALES = {"k": "thousand", "thousand": "thousand", "m": "million", "mn": "million", "mln": "million",
           "million": "million", "b": "billion", "bn": "billion", "billion": "billion",
           "tn": "trillion", "trillion": "trillion"}
_MONEY = re.compile(
    r"(?P<prefix>\b(?:US|A|C|NZ|HK))?(?P<cur>[$£€¥])\s?(?P<num>" + _NUMBER + r")"
    r"(?:\s?(?P<scale>" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b)?"
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
            return f"{_cardinal(number)} {_SCALES[scale]} {prefix}{many}"
        whole, _, cents = number.partition(".")
        if cents and len(cents) == 2:
            cents_words = _words(int(cents))
            if int(whole) == 0:
                return f"{cents_words} {sub_one if int(cents) == 1 else sub_many}"
            unit = one if int(whole) == 1 else many
            return f"{_cardinal(whole)} {prefix}{unit} {cents_words}" if int(cents) else f"{_cardinal(whole)} {prefix}{unit}"
        unit = one if number == "1" else many
        return f"{_cardinal(number)} {prefix}{unit}"

    return _MONEY.sub(say, text)


def percentages(text: str) -> str:
    """Percentages and ranges of them.

    >>> percentages("Up 10%, 2.5 % and 10-12% in all.")
    'Up ten percent, two point five percent and ten to twelve percent in all.'
    """
    return re.sub(
        r"(" + _NUMBER + r")(?:\s?[-–]\s?(" + _NUMBER + r"))?\s?%",
        lambda m: _cardinal(m.group(1)) + (" to " + _cardinal(m.group(2)) if m.group(2) else "") + " percent",
        text,
    )


_MONTHS = MONTHS
_MONTH_ABBREVIATIONS = {m[:3]: m for m in _MONTHS} | {"Sept": "September"}
_MONTH = (
    r"(?P<month>" + "|".join(_MONTHS) + r"|(?:" + "|".join(_MONTH_ABBREVIATIONS) + r")\.?)"
)


def _month_name(written: str) -> str:
    written = written.rstrip(".")
    return _MONTH_ABBREVIATIONS.get(written, written)


def dates(text: str) -> str:
    """Dates in words: the day as an ordinal, the year as it is said.

    >>> dates("On November 15, 2023 and Oct. 7 and 28 November 2023 and March 3rd-5th.")
    'On November fifteenth, twenty twenty three and October seventh and the twenty eighth of November twenty twenty three and March third to fifth.'
    >>> dates("Dated 15/11/2023, 2023-11-28 and 4/7/2024.")
    'Dated the fifteenth of November twenty twenty three, the twenty eighth of November twenty twenty three and the fourth of July twenty twenty four.'
    """
    day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    day_to = r"(?:\s?[-–]\s?(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
    year = r"(?:,?\s(?P<year>1[89]\d\d|20\d\d)\b)?"

    def month_day(match: re.Match[str]) -> str:
        out = f"{_month_name(match.group('month'))} {_ordinal(int(match.group('day')))}"
        if match.group("day2"):
            out += f" to {_ordinal(int(match.group('day2')))}"
        if match.group("year"):
            out += f", {_year(int(match.group('year')))}"
        return out

    def day_month(match: re.Match[str]) -> str:
        out = f"the {_ordinal(int(match.group('day')))}"
        if match.group("day2"):
            out += f" to {_ordinal(int(match.group('day2')))}"
        out += f" of {_month_name(match.group('month'))}"
        if match.group("year"):
            out += f" {_year(int(match.group('year')))}"
        return out

    def spoken(d: int, m: int, y: int) -> str:
        return f"the {_ordinal(d)} of {_MONTHS[m - 1]} {_year(y)}"

    def numeric(match: re.Match[str]) -> str:
        a, b, y = int(match.group(1)), int(match.group(2)), int(match.group(3))
        y = y + 2000 if y < 100 else y
        # Day first (British and most of the world) unless only month-first makes sense.
        if b > 12 and a <= 12:
            a, b = b, a
        if not (1 <= b <= 12 and 1 <= a <= 31):
            return match.group(0)
        return spoken(a, b, y)

    def iso(match: re.Match[str]) -> str:
        y, m, d = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if not (1 <= m <= 12 and 1 <= d <= 31):
            return match.group(0)
        return spoken(d, m, y)

    text = re.sub(r"\b(1[89]\d\d|20\d\d)-(\d\d)-(\d\d)\b", iso, text)
    text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", numeric, text)
    text = re.sub(r"\b" + _MONTH + r"\s" + day + day_to + r"\b(?![,.]?\d)" + year, month_day, text)
    return re.sub(r"\b" + day + day_to + r"\s(?:of\s)?" + _MONTH + r"(?!\w)" + year, day_month, text)


def _clock(hours: int, minutes: int) -> str:
    if minutes == 0:
        return _words(hours)
    if minutes < 10:
        return f"{_words(hours)} oh {_words(minutes)}"
    return f"{_words(hours)} {_words(minutes)}"


def times(text: str) -> str:
    """Clock times: "10:30am" -> "ten thirty a.m.", "18:45" -> "eighteen forty five".

    >>> times("At 10:30am, 9pm, 9 p.m., 7.15 AM, 12 noon and 18:45 and 10:00.")
    "At ten thirty a.m., nine p.m., nine p.m., seven fifteen a.m., twelve noon and eighteen forty five and ten o'clock."
    """

    def twelve(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hours <= 12 or minutes > 59:
            return match.group(0)
        suffix = "a.m." if match.group(3)[0] in "aA" else "p.m."
        return f"{_clock(hours, minutes)} {suffix}"

    text = re.sub(
        r"\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)(?![\w])",
        twelve,
        text,
    )
    text = re.sub(r"\b12\s?noon\b", "twelve noon", text)

    def twenty_four(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours > 23 or minutes > 59:
            return match.group(0)
        if minutes == 0 and hours <= 12:
            return f"{_words(hours)} o'clock"
        if minutes == 0:
            return f"{_words(hours)} hundred"
        return _clock(hours, minutes)

    return re.sub(r"\b(\d{1,2}):(\d{2})\b(?!:)", twenty_four, text)


def decades(text: str) -> str:
    """Decades: "1990s" -> "nineteen nineties", "the '80s" -> "the eighties".

    >>> decades("In the 1990s and the '80s and 2000s and 1900s.")
    'In the nineteen nineties and the eighties and two thousands and nineteen hundreds.'
    """

    def plural(words: str) -> str:
        return words[:-1] + "ies" if words.endswith("y") else words + "s"

    text = re.sub(r"\b(1[1-9]\d0|20\d0)s\b", lambda m: plural(_year(int(m.group(1)))), text)
    return re.sub(r"(?:(?<=\s)|^)['’]?([2-9]0)s\b", lambda m: plural(_words(int(m.group(1)))), text)


def ranges(text: str) -> str:
    """Number ranges written with a dash: "10-12" -> "ten to twelve", "2019-20".

    A dash between a number and a smaller or equal one is a score or a result, said
    with the dash ("won 3-1", "a 0-0 draw").

    >>> ranges("Aged 10-12, in 2010–2015 and 2019-20, not COVID-19; won 3-1 after a 0-0 draw.")
    'Aged ten to twelve, in twenty ten to twenty fifteen and twenty nineteen to twenty, not COVID-19; won three-one after a zero-zero draw.'
    """

    def say(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if _is_year(first) and len(second) == 2:
            return f"{_year(int(first))} to {_words(int(second))}"
        if float(first.replace(",", "")) >= float(second.replace(",", "")):
            return f"{_cardinal(first)}-{_cardinal(second)}"
        return f"{_number_or_year(first)} to {_number_or_year(second)}"

    return re.sub(r"(?<![\w.,-])(" + _NUMBER + r")\s?[-–]\s?(" + _NUMBER + r")(?![\w.%-]|,\d)", say, text)


def years(text: str) -> str:
    """Four-digit numbers from 1100 to 2099 are read as years ("twenty eighteen"), unless
    they carry a comma, a decimal point or a unit that makes them amounts.

    >>> years("In 2018, 1,999 people and 2018.5 and 2000 or 1905.")
    'In twenty eighteen, 1,999 people and 2018.5 and two thousand or nineteen oh five.'
    """
    return re.sub(r"(?<![\d,.$£€])\b(1[1-9]\d\d|20\d\d)\b(?![.,]\d|\s?%)", lambda m: _year(int(m.group(1))), text)


def ordinals(text: str) -> str:
    """Ordinal numbers: "7th" -> "seventh", "21st" -> "twenty first".

    >>> ordinals("The 7th, 21st and 102nd times.")
    'The seventh, twenty first and one hundred second times.'
    """
    return re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", lambda m: _ordinal(int(m.group(1))), text)


_UNITS = {"km": "kilometres", "kph": "kilometres per hour", "km/h": "kilometres per hour",
          "mph": "miles per hour", "kg": "kilograms", "cm": "centimetres", "mm": "millimetres",
          "ft": "feet", "lb": "pounds", "lbs": "pounds", "GB": "gigabytes", "MB": "megabytes",
          "°C": "degrees Celsius", "°F": "degrees Fahrenheit", "C": "degrees Celsius", "F": "degrees Fahrenheit"}


def units(text: str) -> str:
    """Units after a number, and "m"/"bn" meaning million/billion.

    >>> units("10km at 70mph, 5kg, 30°C, 5m people and 2bn views.")
    '10 kilometres at 70 miles per hour, 5 kilograms, 30 degrees Celsius, 5 million people and 2 billion views.'
    """
    names = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    text = re.sub(r"\b(" + _NUMBER + r")\s?(" + names + r")(?![\w/])", lambda m: f"{m.group(1)} {_UNITS[m.group(2)]}", text)
    text = re.sub(r"(" + _NUMBER + r")\s?°", r"\1 degrees", text)
    return re.sub(
        r"\b(" + _NUMBER + r")(m|bn|tn)\b",
        lambda m: f"{m.group(1)} {_SCALES[m.group(2)]}",
        text,
    )


def letters_and_digits(text: str) -> str:
    """Split capitals glued to digits so each is read: "G7" -> "G 7", "5G" -> "5 G".

    >>> letters_and_digits("The G7, 5G masts and COP28, not the 52-year-old.")
    'The G 7, 5 G masts and COP 28, not the 52-year-old.'
    """
    text = re.sub(r"\b([A-Z]{1,5})(\d+)\b", r"\1 \2", text)
    return re.sub(r"\b(\d+)([A-Z]{1,3})\b", r"\1 \2", text)


def cardinals(text: str) -> str:
    """Every remaining number in words: "1,200", "2.5", "52-year-old", "COVID-19".

    >>> cardinals("1,200 posts, 196 stayed, 2.5 times, a 52-year-old, COVID-19 and 3/4.")
    'one thousand two hundred posts, one hundred ninety six stayed, two point five times, a fifty two-year-old, COVID-nineteen and three quarters.'
    """
    fractions = {"1/2": "a half", "1/3": "a third", "2/3": "two thirds", "1/4": "a quarter", "3/4": "three quarters",
                 "½": "a half", "¼": "a quarter", "¾": "three quarters"}
    text = re.sub(r"(?<![\d/])(1/2|1/3|2/3|1/4|3/4)(?![\d/])|[½¼¾]", lambda m: fractions[m.group(0)], text)
    return re.sub(r"(?<![\d.,])(" + _NUMBER + r")(?![\d])", lambda m: _cardinal(m.group(1)), text)


def initialisms(text: str) -> str:
    """All-capital words that are not in the lexicon: spelled out when they cannot be read as
    words (no vowels, three letters or fewer, or an unlikely cluster); otherwise left as words.

    >>> initialisms("The IDB, LGBTQIA and FEMA met the A.I. group of the RNLI and the TSB.")
    'The I.D.B., L.G.B.T.Q.I.A. and FEMA met the A.I. group of the R.N.L.I. and the TSB.'
    """
    known = _lexicon_words()

    def spell(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in known or (len(word) >= 4 and _pronounceable(word)):
            return word
        spelled = _spell(word)
        # A full stop that ends the sentence doubles as the last letter's.
        if spelled.endswith(".") and text[match.end() : match.end() + 1] == ".":
            spelled = spelled[:-1]
        return spelled

    return re.sub(r"(?<![\w.'])[A-Z]{2,7}(?![\w'-]|\.\w)", spell, text)


def symbols(text: str) -> str:
    """Symbols in words, and punctuation that voices ignore turned into pauses.

    >>> spacing(symbols("Q&A: tax + fees = 5 (roughly) – or more / less ~ 3 × 2 — all #."))
    'Q and A: tax plus fees equals 5, roughly, or more slash less about 3 times 2, all.'
    """
    text = text.replace("&", " and ")
    text = re.sub(r"(?<=\w)\s?\+(?=\s|$|[,.])", " plus", text)
    text = re.sub(r"\s\+\s", " plus ", text)
    text = re.sub(r"\s=\s|=", " equals ", text)
    text = re.sub(r"\s~\s?|~", " about ", text)
    text = text.replace("×", " times ")
    text = text.replace("%", " percent")
    text = text.replace("°", " degrees")
    text = re.sub(r"\s?[\u2013\u2014]\s?|\s--?\s", ", ", text)
    text = re.sub(r"\s*\(\s*", ", ", text)
    text = re.sub(r"\s*\)", ",", text)
    text = text.replace("/", " slash ")  # dates, fractions, URLs and units are read already
    text = re.sub(r"[#*•|\[\]{}<>^_]", " ", text)
    return text


def spacing(text: str) -> str:
    """Tidy the spaces and commas the other rules leave behind.

    >>> spacing(" A  , , B ,C .  And . . so at 9 p.m.. Wait... ")
    'A, B, C. And. so at 9 p.m. Wait...'
    """
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r"^[,;:]\s*", "", text)
    text = re.sub(r",\s*([.;:!?])", r"\1", text)
    text = re.sub(r"(?<!\.)\.\s*\.(?!\.)", ".", text)  # "p.m.." and ". .", never "..."
    text = re.sub(r"([,;:])(?=[^\s\d])", r"\1 ", text)
    return text


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
