"""The faithfulness check: does a rewrite keep every fact of the original sentence?

Whatever made a rewrite (the rule-based rewriter, an LLM, a person), it is shipped only
when :func:`check` passes. The check is deliberately surface-level and fast (well under a
millisecond a sentence): it compares the things a reader must be able to trust,

- **quotations**: the words inside quotation marks, character for character (a comma
  or full stop at the quote's edge may move outside it); no new quotation;
- **names**: capitalised words and codes ("Musk", "Netanyahu", "N12"), both ways: none
  lost, none invented (a name the attribution's ``source`` gives is allowed, so a
  pronoun may be replaced by the name it stands for). Possessives ("Musk’s"), accents,
  a name's adjective ("Israel"/"Israeli"), a few common aliases (:data:`ALIASES`: "US"
  for "United States", "TV" for "television") and an acronym dropped after its spelled-out
  name count as kept;
- **numbers**: digits and written-out numbers compared by value ("two hundred" = "200",
  "1,200" = "1200", "$5m" = "5 million", "seventh" = "7th"), both ways ("no one" and
  "one of" are not counts);
- **dates**: month and weekday names, "yesterday", "today", "tomorrow", "tonight";
- **the source** of the attribution, when the original names it;
- **negation**: "not", "n't", "never", "no", "without", "nobody", "nothing", "none",
  "neither", "nor" ... no fewer in the rewrite.

Sentence-initial capitals are the hard part: "The", "He" or "Amid" start sentences
without being names, and a rewriter that splits sentences creates new ones. A capital
word at the start of a sentence counts as a name only when the texts themselves use it
capitalised elsewhere, or when it is not a common lowercase word (the shipped Punkt
model's orthographic statistics, then word frequency). :func:`protected_spans` gives the
rewriter the same spans to leave alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from ..text.nlp import punkt_parameters, zipf_frequency
from ..text.quotes import quotations
from ..words import MONTHS, ONES, OPEN_QUOTES, RELATIVE_DAYS, SCALES, TENS, WEEKDAYS

__all__ = ["Verdict", "check", "protected_spans", "quotations", "numbers", "negations", "STOP_WORDS", "ALIASES"]


@dataclass(frozen=True)
class Verdict:
    """The outcome of :func:`check`: ``ok`` when nothing was lost or invented, else the reasons."""

    ok: bool
    reasons: tuple[str, ...]


# ---------------------------------------------------------------------------
# Quotations

def _quote_core(inner: str) -> str:
    """A quotation's words as compared: spaces and a closing comma, full stop, colon or
    semicolon at either edge left out, since where that mark goes (inside or outside
    the closing quotation mark) belongs to the sentence around the quote, not to what
    was said. Question and exclamation marks count.

    >>> _quote_core(" I was tired, "), _quote_core("Why?")
    ('I was tired', 'Why?')
    """
    return inner.strip().strip(",.;:").strip()


# ---------------------------------------------------------------------------
# Words, sentence starts and names

_WORD_RE = re.compile(r"[^\W_](?:\w|['’‘.&-](?=[^\W_]))*")
# Closing punctuation and marks that may stand between a sentence end and the next word.
_GAP_STRIP = " \t\u00a0\"“”‘’'«»()[]*-–—•"

# Words that are never names even when capitalised: pronouns, determiners, conjunctions,
# prepositions, auxiliaries and the adverbs that open news sentences. Capitalised at the
# start of a sentence, these are what sentence splitting creates.
STOP_WORDS = frozenset("""
a about above according across after afterwards again against ago all almost along already also although
always amid amidst among an and another any anyone anything are around as at away back be because been
before behind being below beside besides between beyond both but by can could despite did do does doing
down during each earlier either else elsewhere even ever every everyone everything few following for
from further furthermore had has have having he hence her here hers herself him himself his how however
i if in indeed inside instead into is it its itself just last later latest less like likewise many
may meanwhile might more moreover most much must my myself near nearly neither never nevertheless new
next no nobody none nonetheless nor not nothing now of off often on once one only onto or other others
otherwise our ours ourselves out outside over overall perhaps per plus previously rather recently same
several she should since so some someone something soon still such than that the their theirs them
themselves then there thereby therefore these they this those though through throughout thus to
together too toward towards under unless unlike until up upon us very was we well were what whatever
when whenever where whereas whether which while who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves instead additionally currently finally first
second third initially later lastly only overall separately similarly specifically today tomorrow
yesterday tonight yes o oh ok okay mr mrs ms dr
""".split())

# Punkt's orthographic-context flags (nltk.tokenize.punkt): the word was seen in lower
# case at the beginning, in the middle, or at an unknown position of a sentence.
_ORTHO_LOWERCASE = (1 << 4) | (1 << 5) | (1 << 6)


@lru_cache(maxsize=1)
def _ortho_context() -> dict:
    return dict(punkt_parameters().ortho_context)


@lru_cache(maxsize=65536)
def _is_common_word(lower: str) -> bool:
    """Whether a lowercase word is an ordinary word (so a capital at a sentence start
    is only position), judged from Punkt's training statistics, then word frequency.

    >>> _is_common_word("amid"), _is_common_word("netanyahu"), _is_common_word("trump")
    (True, False, False)
    """
    if lower in STOP_WORDS:
        return True
    flags = _ortho_context().get(lower)
    if flags is not None:
        return bool(flags & _ORTHO_LOWERCASE)
    # Unknown to Punkt's (older) corpus: very frequent words are ordinary, the rest are
    # treated as names, which errs on the side of keeping them.
    return zipf_frequency(lower) >= 5.0


def _strip_possessive(word: str) -> str:
    """``Musk’s`` -> ``Musk``.

    >>> _strip_possessive("Musk’s"), _strip_possessive("O'Brien's"), _strip_possessive("Jones")
    ('Musk', "O'Brien", 'Jones')
    """
    if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’‘":
        return word[:-2]
    return word


class _Word(NamedTuple):
    start: int
    end: int
    text: str  # possessive stripped, hyphen part
    initial: bool  # at the start of a sentence or of a quotation


def _is_initial_gap(gap: str) -> bool:
    """Whether the text between two words ends a sentence (or opens a quotation)."""
    if gap == " ":
        return False
    if "\n" in gap or any(q in gap for q in OPEN_QUOTES):
        return True
    stripped = gap.strip(_GAP_STRIP)
    if not stripped:
        # A straight quote opening after a space: '... said "We ...'
        return '"' in gap and gap.rstrip().endswith('"') and gap != gap.rstrip()
    return stripped[-1] in ".!?:…"


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[_Word, ...]:
    """Word tokens, possessives stripped and hyphenated words split into their parts
    (cached: a rewriter checks several candidates against one original)."""
    words: list[_Word] = []
    prev_end = 0
    for m in _WORD_RE.finditer(text):
        initial = prev_end == 0 or _is_initial_gap(text[prev_end : m.start()])
        prev_end = m.end()
        token = _strip_possessive(m.group())
        if "-" not in token:
            words.append(_Word(m.start(), m.start() + len(token), token, initial))
            continue
        offset = m.start()
        for i, part in enumerate(token.split("-")):
            if part:
                words.append(_Word(offset, offset + len(part), part, initial and i == 0))
            offset += len(part) + 1
    return tuple(words)


@lru_cache(maxsize=4096)
def _casing(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words ``text`` capitalises after a sentence's first word, and those it writes
    in lower case (both lowercased): what the text itself says about its capitals."""
    words = _words(text)
    capitalised_inside = frozenset(w.text.lower() for w in words if not w.initial and w.text[0].isupper())
    lowercase = frozenset(w.text for w in words if w.text[0].islower())
    return capitalised_inside, lowercase


def _is_name(word: _Word, capitalised_inside: frozenset[str], lowercase_words: frozenset[str]) -> bool:
    """Whether ``word`` is (part of) a name: capitalised, or a code such as ``N12``."""
    w = word.text
    first = w[0]
    if first.islower() or not first.isalpha():
        return False  # lower case, or a number (numbers are judged as numbers)
    if not w.isalpha() and any(ch.isdigit() for ch in w):
        return True  # N12, G7, COVID19 ...
    if not first.isupper():
        return False
    lower = w.lower()
    if lower in DATE_WORDS or lower == "i":
        return False
    if lower in STOP_WORDS and not (len(w) > 1 and w.isupper()):
        return False  # "The Jerusalem Post", "He"; but "US", "WHO"
    if not word.initial:
        return True
    # Sentence-initial: a name if the texts capitalise it elsewhere, not if they use it
    # in lower case, otherwise by what the word usually is.
    if lower in capitalised_inside:
        return True
    if lower in lowercase_words:
        return False
    if len(w) > 1 and w.isupper():
        return True  # "ELON Musk", "NASA"
    return not _is_common_word(lower)


def _name_words(text: str, context: str | None = None) -> list[_Word]:
    """The words of ``text`` that are names, judging sentence-initial capitals by how
    ``text`` (and ``context``, the original of a rewrite) write them elsewhere."""
    capitalised_inside, lowercase = _casing(text)
    if context is not None:
        other_capitalised, other_lowercase = _casing(context)
        capitalised_inside, lowercase = capitalised_inside | other_capitalised, lowercase | other_lowercase
    return [w for w in _words(text) if _is_name(w, capitalised_inside, lowercase)]


def _related(a: str, b: str) -> bool:
    """Same name, or a name and its adjective ("Israel", "Israeli"; "America", "American").

    >>> _related("israel", "israeli"), _related("jon", "jones"), _related("musk", "musk")
    (True, False, True)
    """
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2


def _present(name: str, vocabulary: frozenset[str]) -> bool:
    name = _fold(name)
    if name in vocabulary:
        return True
    return any(_related(name, w) for w in vocabulary if w[:2] == name[:2])


def _fold(word: str) -> str:
    """Lowercase without accents: "Huáscar" and "Huascar" are one name.

    >>> _fold("Württemberg"), _fold("U.S.")
    ('wurttemberg', 'u.s.')
    """
    word = word.lower()
    if word.isascii():
        return word
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


# Names that news writes several ways; a rewrite may use any of a group for another.
# Acronyms match in capitals only ("US", never "us"); the spelled-out forms in any case.
ALIASES: tuple[tuple[str, ...], ...] = (
    ("US", "U.S", "USA", "U.S.A", "United States"),
    ("UK", "U.K", "United Kingdom", "Britain", "Great Britain"),
    ("UN", "U.N", "United Nations"),
    ("EU", "European Union"),
    ("TV", "television"),
    ("PM", "Prime Minister"),
    ("MP", "member of parliament"),
    ("AI", "artificial intelligence"),
    ("CEO", "chief executive"),
    ("WWI", "World War I", "First World War"),
    ("WWII", "World War II", "Second World War"),
)


def _alias_pattern(group: tuple[str, ...]) -> re.Pattern[str]:
    parts = [rf"\b{re.escape(a)}\b" if a.replace(".", "").isupper() else rf"\b(?i:{re.escape(a)})\b"
             for a in group]
    return re.compile("|".join(parts))


_ALIAS_RES = tuple((_alias_pattern(group), group) for group in ALIASES)


def _vocabulary(text: str) -> frozenset[str]:
    """Every word of ``text``, folded, with the other names of any alias it uses.

    >>> sorted(_vocabulary("The US army"))
    ['army', 'states', 'the', 'u.s', 'u.s.a', 'united', 'us', 'usa']
    """
    words = {_fold(w.text) for w in _words(text)}
    for pattern, group in _ALIAS_RES:
        if pattern.search(text):
            words.update(_fold(part) for alias in group for part in alias.split())
    return frozenset(words)


_ACRONYM_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "de", "&"})


def _acronym_kept(acronym: str, words: tuple[_Word, ...], vocabulary: frozenset[str]) -> bool:
    """Whether ``acronym`` spells the initials of a name in ``words`` whose words are all
    in ``vocabulary``: dropping "(CCDH)" after "Center for Countering Digital Hate" loses
    no fact when the full name stays.

    >>> ws = _words("the Center for Countering Digital Hate (CCDH) found")
    >>> _acronym_kept("CCDH", ws, frozenset({"center", "countering", "digital", "hate"}))
    True
    >>> _acronym_kept("CCDH", ws, frozenset({"center", "hate"}))
    False
    """
    if len(acronym) < 2 or not acronym.isalpha() or not acronym.isupper():
        return False
    for i, first in enumerate(words):
        if first.text[0] != acronym[0] or first.text == acronym:
            continue
        k, j, used = 0, i, []
        while k < len(acronym) and j < len(words):
            w = words[j].text
            if w[0] == acronym[k] and w[0].isupper():
                used.append(w.lower())
                k += 1
            elif w.lower() not in _ACRONYM_LINKS:
                break
            j += 1
        if k == len(acronym):
            return all(u in vocabulary for u in used)
    return False


# ---------------------------------------------------------------------------
# Numbers

_UNITS, _TENS, _SCALES = ONES, TENS, SCALES  # number words (briefing.words)
# Ordinal words from "third" on ("first" and "second" are mostly not numbers in news).
_ORDINALS = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
             "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100, "thousandth": 1000}
_SUFFIX_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12, "trn": 10**12}
_NUMBER_RE = re.compile(
    r"(?<![\w.,:/])(?P<cur>[$£€¥])?"
    r"(?P<time>\d{1,2}:\d{2})?"
    r"(?(time)|(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<dec>\.\d+)?)"
    r"(?P<suf>%|(?:st|nd|rd|th|s|am|pm|k|m|mn|bn|b|tn|trn)\b)?"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    surface: str
    value: str  # canonical: "200", "5000000", "1.5", "10:30"


def _canonical(value: Decimal) -> str:
    """``Decimal('5.00E+6')`` -> ``'5000000'``; ``Decimal('1.50')`` -> ``'1.5'``."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _digit_numbers(text: str) -> list[_Number]:
    found = []
    for m in _NUMBER_RE.finditer(text):
        if m.group("time"):
            found.append(_Number(m.start(), m.end(), m.group(), m.group("time")))
            continue
        try:
            value = Decimal(m.group("int").replace(",", "") + (m.group("dec") or ""))
        except InvalidOperation:
            continue
        suffix = (m.group("suf") or "").lower()
        value *= _SUFFIX_SCALES.get(suffix, 1)
        if m.group("scale"):
            value *= 100 if m.group("scale").lower() == "hundred" else _SCALES[m.group("scale").lower()]
        end = m.end()
        found.append(_Number(m.start(), end, text[m.start() : end], _canonical(value)))
    return found


_NUMBER_WORD_RE = re.compile(r"[A-Za-z]+")
_NUMBER_WORD_HINT_RE = re.compile(
    r"\b(?:%s)\b" % "|".join(sorted((*_UNITS, *_TENS, *_ORDINALS), key=len, reverse=True)), re.IGNORECASE
)


def _word_numbers(text: str) -> list[_Number]:
    """Numbers written in words: "two hundred", "twenty-five", "a million", "seventh".

    >>> [(n.surface, n.value) for n in _word_numbers("Two hundred and fifty people, a million dollars")]
    [('Two hundred and fifty', '250'), ('a million', '1000000')]
    >>> [n.value for n in _word_numbers("no one saw one man and one of the twenty-five")]
    ['1', '25']
    """
    if not _NUMBER_WORD_HINT_RE.search(text):
        return []  # most sentences: no need to look at every word
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _NUMBER_WORD_RE.finditer(text)]
    found: list[_Number] = []
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        is_article = word == "a" and i + 1 < len(tokens) and tokens[i + 1][2] in ("hundred", *_SCALES)
        if word in _ORDINALS:
            found.append(_Number(start, end, text[start:end], str(_ORDINALS[word])))
            i += 1
            continue
        if not (word in _UNITS or word in _TENS or is_article):
            i += 1
            continue
        if word == "one" and i > 0 and tokens[i - 1][2] in ("no", "any", "every", "some") \
                and tokens[i - 1][1] + 1 == start:
            i += 1  # "no one": a pronoun
            continue
        if word == "one" and i + 1 < len(tokens) and tokens[i + 1][2] in ("another", "of"):
            i += 1  # "one another"; "one of the best" (= "among the best", "a"), not a count
            continue
        value, j, last_end = _number_run(text, tokens, i)
        found.append(_Number(start, last_end, text[start:last_end], str(value)))
        i = j
    return found


def _number_run(text: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[int, int, int]:
    """The number that the words from ``tokens[i]`` on spell, as far as they make a
    grammatical sequence ("twenty-five", "two hundred and fifty", not "one, two"): its
    value, the index of the first token after it, and where it ends in ``text``."""
    total, current, j, last_end = 0, 0, i, tokens[i][1]
    previous = ""  # the kind of the last number word: "unit", "teen", "tens", "scale", "and"
    while j < len(tokens):
        s, e, w = tokens[j]
        if j > i and text[last_end:s] not in (" ", "-"):
            break
        # Only grammatical sequences: "twenty-five", "two hundred and fifty", not "one, two".
        teen_after_tens = previous == "tens" and w in _UNITS and _UNITS[w] >= 10
        if w in _UNITS and previous in ("", "tens", "scale", "and") and not teen_after_tens:
            current += _UNITS[w]
            kind = "teen" if _UNITS[w] >= 10 else "unit"
        elif w in _TENS and previous in ("", "scale", "and"):
            current += _TENS[w]
            kind = "tens"
        elif w == "hundred" and previous in ("", "unit", "teen", "tens") and current < 100 and j > i:
            current = max(current, 1) * 100
            kind = "scale"
        elif w in _SCALES and previous in ("", "unit", "teen", "tens", "scale") and j > i:
            total += max(current, 1) * _SCALES[w]
            current = 0
            kind = "scale"
        elif w == "a" and j == i:
            kind = ""
        elif w == "and" and previous == "scale" and j + 1 < len(tokens) \
                and (tokens[j + 1][2] in _UNITS or tokens[j + 1][2] in _TENS):
            kind = "and"
        else:
            break
        previous = kind
        last_end = e
        j += 1
    return total + current, j, last_end


def numbers(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Every number in ``text`` as ``(start, end, surface, canonical value)``.

    >>> [(n[2], n[3]) for n in numbers("He paid $5m, then 1,200 and 2.50 on October 7th at 10:30.")]
    [('$5m', '5000000'), ('1,200', '1200'), ('2.50', '2.5'), ('7th', '7'), ('10:30', '10:30')]
    >>> [n[3] for n in numbers("five million, 5 million, 1.5bn, 20%, the 52-year-old")]
    ['5000000', '5000000', '1500000000', '20', '52']
    """
    found = _digit_numbers(text) + _word_numbers(text)
    found.sort(key=lambda n: n.start)
    return tuple((n.start, n.end, n.surface, n.value) for n in found)


# ---------------------------------------------------------------------------
# Dates

_MONTHS = tuple(m.lower() for m in MONTHS)
_MONTH_ABBREVIATIONS = {m[:3]: m for m in _MONTHS if m != "may"} | {"sept": "september"}
_DAYS = tuple(d.lower() for d in WEEKDAYS)
_RELATIVE_DAYS = RELATIVE_DAYS
DATE_WORDS = frozenset(_MONTHS + _DAYS + _RELATIVE_DAYS) | frozenset(_MONTH_ABBREVIATIONS)
CALENDAR_NAMES = frozenset(_MONTHS + _DAYS)  # month and weekday names, written out


def _dates(words: tuple[_Word, ...], text: str) -> list[tuple[_Word, str]]:
    """Date words with their canonical form ("Oct." -> "october"). Month names that are
    also ordinary words ("May", "March") count only when capitalised mid-sentence or next
    to a number.

    >>> t = "On Oct. 7 they may march; in May, and Tuesday."
    >>> [d for _, d in _dates(_words(t), t)]
    ['october', 'may', 'tuesday']
    """
    found = []
    for w in words:
        lower = w.text.lower()
        if lower not in DATE_WORDS:
            continue
        canonical = _MONTH_ABBREVIATIONS.get(lower, lower)
        if lower in _MONTH_ABBREVIATIONS and not w.text[0].isupper():
            continue
        if canonical in ("may", "march") and (not w.text[0].isupper() or (w.initial and not _next_is_digit(text, w))):
            continue
        found.append((w, canonical))
    return found


def _next_is_digit(text: str, word: _Word) -> bool:
    rest = text[word.end : word.end + 3].lstrip(" .")
    return bool(rest) and rest[0].isdigit()


# ---------------------------------------------------------------------------
# Negation

# Families: a rewrite may swap words inside a family ("did not" -> "didn't").
NEGATIONS = {
    "not": "not", "n't": "not", "cannot": "not",
    "never": "never",
    "no": "no", "none": "no",
    "without": "without",
    "nobody": "nobody", "no one": "nobody",
    "nothing": "nothing",
    "neither": "neither", "nor": "neither",
    "nowhere": "nowhere",
}
_NEGATION_RE = re.compile(
    r"n['’]t\b|\b(?:not|cannot|never|no one|no|none|without|nobody|nothing|neither|nor|nowhere)\b", re.IGNORECASE
)


def negations(text: str) -> dict[str, int]:
    """How many negations of each family ``text`` holds.

    >>> negations("He didn't go, and no one could not say nothing.")
    {'not': 2, 'nobody': 1, 'nothing': 1}
    """
    counts: dict[str, int] = {}
    for m in _NEGATION_RE.finditer(text):
        word = m.group().lower().replace("’", "'")
        family = NEGATIONS[word]
        counts[family] = counts.get(family, 0) + 1
    return counts


# ---------------------------------------------------------------------------
# The check


def check(original: str, rewrite: str, *, source: str | None = None) -> Verdict:
    """Whether ``rewrite`` keeps every quotation, name, number, date, negation and the
    attribution's ``source`` of ``original``, and invents no name, number or date.

    The source must appear in the rewrite when the original names it; either way its
    name may appear in the rewrite (a pronoun replaced by the name it stands for).

    >>> check("Musk will visit Israel next week, not Gaza.",
    ...       "Musk will go to Israel next week. He will not go to Gaza.")
    Verdict(ok=True, reasons=())
    >>> check("Musk paid 200 dollars.", "Musk paid some money.").reasons
    ('number 200 missing',)
    >>> check("Musk met Netanyahu.", "Musk met Netanyahu in Paris.").reasons
    ('new entity: Paris',)
    """
    reasons: list[str] = []
    reasons.extend(_quotation_reasons(original, rewrite))
    o_vocab, r_vocab = _vocabulary(original), _vocabulary(rewrite)
    reasons.extend(_source_reasons(source, o_vocab, r_vocab))
    reasons.extend(_name_reasons(original, rewrite, source, o_vocab, r_vocab))
    reasons.extend(_number_reasons(original, rewrite))
    reasons.extend(_date_reasons(original, rewrite))
    reasons.extend(_negation_reasons(original, rewrite))
    return Verdict(ok=not reasons, reasons=tuple(reasons))


def _quotation_reasons(original: str, rewrite: str) -> list[str]:
    """Each original quote's words verbatim; no quote the original lacks."""
    reasons = []
    changed = [inner.strip() for _, _, inner in quotations(original) if _quote_core(inner) not in rewrite]
    reasons.extend(f"quote changed: “{q}”" for q in changed)
    if not changed:  # otherwise the rewrite's odd quote is the changed one, said once
        reasons.extend(f"new quote: “{inner.strip()}”" for _, _, inner in quotations(rewrite)
                       if _quote_core(inner) not in original)
    return reasons


def _source_reasons(source: str | None, o_vocab: frozenset[str], r_vocab: frozenset[str]) -> list[str]:
    """The source: required in the rewrite when the original names it."""
    if source and source.strip():
        wanted = _name_words(source) or [w for w in _words(source) if w.text.lower() not in STOP_WORDS]
        if wanted and all(_present(w.text.lower(), o_vocab) for w in wanted):
            if not all(_present(w.text.lower(), r_vocab) for w in wanted):
                return [f"source missing: {source.strip()}"]
    return []


def _name_reasons(original: str, rewrite: str, source: str | None, o_vocab: frozenset[str],
                  r_vocab: frozenset[str]) -> list[str]:
    """Names, both ways: none lost, none invented but the source's (neighbouring words
    reported together: "TV Channel N12")."""
    source_vocab = _vocabulary(source) if source else frozenset()
    o_words = _words(original)
    lost = [w for w in _name_words(original)
            if not _present(w.text.lower(), r_vocab) and not _acronym_kept(w.text, o_words, r_vocab)]
    reasons = [f"entity missing: {name}" for name in _runs(lost, original)]
    invented = [w for w in _name_words(rewrite, original)
                if not _present(w.text.lower(), o_vocab) and not _present(w.text.lower(), source_vocab)]
    reasons.extend(f"new entity: {name}" for name in _runs(invented, rewrite))
    return reasons


def _number_reasons(original: str, rewrite: str) -> list[str]:
    """Numbers, by value, both ways; each value said once."""
    reasons = []
    o_numbers, r_numbers = numbers(original), numbers(rewrite)
    r_values = {n[3] for n in r_numbers}
    o_values = {n[3] for n in o_numbers}
    seen: set[str] = set()
    for _, _, surface, value in o_numbers:
        if value not in r_values and value not in seen:
            seen.add(value)
            reasons.append(f"number {surface} missing")
    for _, _, surface, value in r_numbers:
        if value not in o_values and value not in seen:
            seen.add(value)
            reasons.append(f"new number: {surface}")
    return reasons


def _date_reasons(original: str, rewrite: str) -> list[str]:
    """Dates, both ways, in calendar order."""
    o_dates = {d for _, d in _dates(_words(original), original)}
    r_dates = {d for _, d in _dates(_words(rewrite), rewrite)}
    reasons = [f"date missing: {d.capitalize()}" for d in sorted(o_dates - r_dates, key=_MONTHS_AND_DAYS.index)]
    reasons.extend(f"new date: {d.capitalize()}" for d in sorted(r_dates - o_dates, key=_MONTHS_AND_DAYS.index))
    return reasons


def _negation_reasons(original: str, rewrite: str) -> list[str]:
    """Negation: no family may shrink unless another grew as much ("without" -> "with no")."""
    o_neg, r_neg = negations(original), negations(rewrite)
    if sum(r_neg.values()) < sum(o_neg.values()):
        return [f"negation lost: {f}" for f, n in o_neg.items() if r_neg.get(f, 0) < n]
    return []


_MONTHS_AND_DAYS = _MONTHS + _DAYS + _RELATIVE_DAYS


def _runs(words: list[_Word], text: str) -> list[str]:
    """The texts of runs of words separated only by spaces, each once, in order."""
    runs: list[tuple[int, int]] = []
    for w in words:
        if runs and text[runs[-1][1] : w.start].strip() == "":
            runs[-1] = (runs[-1][0], w.end)
        else:
            runs.append((w.start, w.end))
    names: list[str] = []
    for start, end in runs:
        if text[start:end] not in names:
            names.append(text[start:end])
    return names


def protected_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` a rewriter must not change: quotations (with their marks),
    names, numbers (with currency, unit and scale), dates. Sorted; spans that overlap or
    are separated only by spaces are merged ("Prime Minister Benjamin Netanyahu",
    "October 7").

    >>> text = 'Musk met Netanyahu on October 7 and paid $5m, saying “Hi there”.'
    >>> [text[s:e] for s, e in protected_spans(text)]
    ['Musk', 'Netanyahu', 'October 7', '$5m', '“Hi there”']
    """
    spans: list[tuple[int, int]] = [(s, e) for s, e, _ in quotations(text)]
    words = _words(text)
    for w in _name_words(text):
        spans.append((w.start, w.end))
    spans.extend((n[0], n[1]) for n in numbers(text))
    spans.extend((w.start, w.end) for w, _ in _dates(words, text))
    if not spans:
        return ()
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        if start <= last_end or (text[last_end:start].strip(" -") == "" and "\n" not in text[last_end:start]):
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return tuple(merged)
