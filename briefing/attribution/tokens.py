"""Tokens: regex tokens that carry their offsets into the article, and the tests on one
token that every rule shares.

Plain regex tokens are quicker than the Treebank tokenizer and need no span alignment.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from ..models import Span
from .lexicon import ADVERBS, AUX, FUNCTION_WORDS, LY_NOUNS, SUBJECT_PRONOUNS, Lexicon


_TOKEN = re.compile(
    r"""(?:[A-Za-z]\.){2,}                 # initialisms with dots: U.S., D.C.
      | (?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Maj|Cmdr|Prof|Rev|Hon|Amb|Pres)\.
      | (?:Jr|Sr|St|Mt|Ft|Supt|Atty|Det|Insp|Messrs|Mmes)\.     # abbreviations that end in a dot
      | [A-Z]\.(?=\s*[A-Z])               # initials: J. K. Rowling
      | [’'](?:s|ll|re|ve|d|m)\b           # possessive and clitics: 's 'll 're 've 'd 'm
      | \w+(?:[-&]\w+|[’'](?!(?:s|ll|re|ve|d|m)\b)\w+)*    # words, with inner hyphens and apostrophes
      | --|\S                             # any other symbol
    """,
    re.X,
)


class Tok(NamedTuple):
    """A token of a sentence with its offsets into the article text."""

    text: str
    low: str
    start: int
    end: int
    cap: bool  # starts with a capital letter
    quoted: bool  # inside a quotation


def tokenize(text: str, offset: int = 0, quote_spans: Sequence[Span] = ()) -> list[Tok]:
    """Regex tokens of ``text`` with offsets shifted by ``offset`` into the article.

    >>> [t.text for t in tokenize("Musk’s response read: “Yes”.")]
    ['Musk', '’s', 'response', 'read', ':', '“', 'Yes', '”', '.']
    """
    toks = []
    for m in _TOKEN.finditer(text):
        start, end = m.start() + offset, m.end() + offset
        word = m.group()
        quoted = bool(quote_spans) and any(a <= start and end <= b for a, b in quote_spans)
        toks.append(Tok(word, word.lower(), start, end, word[:1].isupper(), quoted))
    return toks


def is_word(tok: Tok) -> bool:
    """A word or a number, not a mark."""
    return tok.text[:1].isalnum()


def is_cap_name(tok: Tok) -> bool:
    """A capitalised word that can be part of a name (not a capitalised function word)."""
    return tok.cap and tok.low not in FUNCTION_WORDS and tok.low not in SUBJECT_PRONOUNS


def is_lower_word(tok: Tok) -> bool:
    """A word that starts with a lowercase letter."""
    return tok.text[:1].isalpha() and tok.text[:1].islower()


def is_ly_adverb(tok: Tok) -> bool:
    """A word in -ly that is an adverb ("repeatedly"), not a noun ("family") or a name ("Kelly").

    >>> [is_ly_adverb(t) for t in tokenize("repeatedly family Kelly")]
    [True, False, False]
    """
    return tok.low.endswith("ly") and tok.low not in LY_NOUNS


def nounish(lex: Lexicon, tok: Tok) -> bool:
    """A noun that heads sources: "spokesman", "company", "report", "officials"."""
    low = tok.low
    if low.endswith("s") and low[:-1] in lex.person_nouns:
        return True  # "officials", "sources"
    return low in lex.person_nouns or low in lex.org_nouns or low in lex.study_nouns or low in lex.titles


def prev_word(toks: list[Tok], i: int) -> int:
    """Index of the token before ``i``, skipping adverbs and auxiliaries; -1 when none."""
    j = i - 1
    while j >= 0:
        t = toks[j]
        if t.text == "May" and j > 0 and toks[j - 1].cap:
            break  # "Theresa May said": a name, not the auxiliary
        if (
            t.low in AUX
            or t.low.endswith(("n't", "n’t"))
            or t.low in ADVERBS
            or is_ly_adverb(t)
            and is_lower_word(t)
        ):
            j -= 1
        else:
            break
    return j
