"""Text helpers every rule uses: words and their count, capitals, sentence ends, the tidying
a deletion needs, "a" or "an"; and the spans no rule may change (:func:`_protected`:
quotations, names, numbers, dates, and the attribution's own words a rule is given in its
:class:`_Context`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ...text.quotes import inside, quotations
from ..faithful import protected_spans


@dataclass(frozen=True)
class _Context:
    """What a rule must keep: literal strings (the attribution's source and cue)."""

    keep: tuple[str, ...] = ()


_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_SPACE_RE = re.compile(r"\s+")


def _word_count(text: str) -> int:
    return len(_TOKEN_RE.findall(text)) + len(re.findall(r"(?<![\w.,])\d[\d.,]*", text))


def _capitalise(text: str) -> str:
    """Upper-case the first letter (after any opening quote or bracket).

    >>> _capitalise("the satellite was found."), _capitalise("“yes,” he said")
    ('The satellite was found.', '“Yes,” he said')
    >>> _capitalise("eBay was flooded.")  # a name written with a capital inside keeps its own case
    'eBay was flooded.'
    """
    for i, ch in enumerate(text):
        if ch.isalpha():
            if re.match(r"[a-z]+[A-Z]", text[i:]):
                return text  # "eBay", "iPhone": the name as its owners write it
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            return text
    return text


def _lower_first(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.lower() + text[i + 1 :]
    return text


def _end_sentence(text: str) -> str:
    """Close a sentence: strip trailing commas, dashes and spaces, add a full stop.

    >>> _end_sentence("Musk said Y,"), _end_sentence("He said: “Go.”"), _end_sentence("Why?")
    ('Musk said Y.', 'He said: “Go.”', 'Why?')
    >>> _end_sentence("He said: ''Go.''")
    "He said: ''Go.''"
    """
    text = text.rstrip(" ,;:–—-")
    if not text:
        return text
    if text[-1] in ".!?…":
        return text
    if text[-1] in "”\"’')" and len(text) > 1 and text[-2] in ".!?…":
        return text  # (also "(... in a suitably authoritative tone.)")
    if text.endswith("''") and len(text) > 2 and text[-3] in ".!?…":
        return text  # a quotation closed by doubled apostrophes
    return text + "."


def _tidy(text: str) -> str:
    """Spacing and punctuation left by deletions.

    >>> _tidy("It is  famous , for the cultivation  .")
    'It is famous, for the cultivation.'
    >>> _tidy("But, the satellite was found.")
    'But the satellite was found.'
    >>> _tidy("He took a .40-caliber handgun .")
    'He took a .40-caliber handgun.'
    >>> _tidy('He said "we need to close ... gaps" , then left .')
    'He said "we need to close ... gaps", then left.'
    """
    # Quotations are kept exactly as written: tidy only the text around them.
    quotes = quotations(text)
    if quotes:
        saved = [text[a:b] for a, b, _ in quotes]
        for k, (a, b, _) in reversed(list(enumerate(quotes))):
            text = f"{text[:a]}\x00{k}\x00{text[b:]}"
        text = _tidy(text)
        return re.sub(r"\x00(\d+)\x00", lambda m: saved[int(m.group(1))], text)
    text = _SPACE_RE.sub(" ", text).strip()
    text = re.sub(r"^[,;:]\s*", "", text)
    text = re.sub(r" +([,.;:!?])(?!\d)", r"\1", text)  # (not "a .40-caliber handgun")
    text = re.sub(r",\s*([,.;:!?])", r"\1", text)
    text = re.sub(r"^([\"“‘'(]?)(But|And|So), ", r"\1\2 ", text)
    text = re.sub(r"\(\s*\)", "", text)
    return _SPACE_RE.sub(" ", text).strip()


def _fix_articles(text: str) -> str:
    """Make "a"/"an" agree with the word after it.

    >>> _fix_articles("an big attack and a attack, an hour, a use, A effort")
    'a big attack and an attack, an hour, a use, An effort'
    """

    def fix(m: re.Match) -> str:
        article, word = m.group(1), m.group(2)
        lower = word.lower()
        vowel = lower[0] in "aeiou"
        if lower.startswith(("hour", "honest", "honour", "honor", "heir")):
            vowel = True
        if lower.startswith(("uni", "use", "usu", "eu", "one", "once", "ufo", "ukr", "uran", "euro")):
            vowel = False
        new = ("an" if vowel else "a")
        if article[0].isupper():
            new = new.capitalize()
        return f"{new} {word}"

    return re.sub(r"\b([Aa]n?) ([A-Za-z]+)", fix, text)


def _protected(text: str, ctx: _Context) -> list[tuple[int, int]]:
    spans = list(protected_spans(text))
    for literal in ctx.keep:
        if not literal:
            continue
        start = text.find(literal)
        while start != -1:
            spans.append((start, start + len(literal)))
            start = text.find(literal, start + 1)
    return spans


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` is within a quotation of the sentence ``text`` (not on its opening mark)."""
    return inside(((s, e) for s, e, _ in quotations(text)), pos, edges=False)


def _words(text: str) -> list[str]:
    return [m.group() for m in _TOKEN_RE.finditer(text)]
