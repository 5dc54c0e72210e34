"""``move:dates``: a name's birth date or life span in brackets becomes a sentence of its own
after the one it sat in ("Mario Rossi (born 9 May 1950 in Rome) is ..." -> "Mario Rossi is
.... Mario Rossi was born 9 May 1950 in Rome."). Brackets are hard to read and awkward to
hear, and these hold facts, so they move rather than go.
"""

from __future__ import annotations

import re

from .text import _Context, _protected, _tidy, _words
from .word_classes import _BE, ROLE_NOUNS


# A biography's dates in brackets: "(born 9 May 1950 in Rome)", "(9 September 1585 – 4 December
# 1642)". Brackets are hard to read and awkward to hear, and these hold facts, so instead of
# dropping them we give them a sentence of their own after the one they sat in.
_YEAR = r"(?:1[0-9]|20)\d\d"
_DATE = rf"(?:(?:c\.\s*)?(?:\d{{1,2}}\s+[A-Z][a-z]+\.?,?\s+{_YEAR}|[A-Z][a-z]+\.?\s+\d{{1,2}},?\s+{_YEAR}|{_YEAR}))"
_BORN_RE = re.compile(r"\s*\(\s*born\s+(?P<born>[^()]{4,80}?)\s*\)")
_LIFESPAN_RE = re.compile(rf"\s*\(\s*(?P<from>{_DATE})\s*(?:–|—|-|−|to)\s*(?P<to>{_DATE})\s*\)")
_NAME_BEFORE_RE = re.compile(r"(?:^|(?<=\s))((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*)$")
_BIO_VERB_RE = re.compile(r"^\s*,?\s*(?:was|is|has been|had been|became|reigned|ruled|served)\b")
_HEAD_NAME_RE = re.compile(r"^(?:[A-Z][\w.'’-]*|\"[^\"]+\"|“[^”]+”)(?:\s+(?:[A-Z][\w.'’-]*|\"[^\"]+\"|“[^”]+”"
                           r"|de|du|da|di|van|von|der|den|la|le|bin|al)|,)*$")
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman")
_LIFE_NOUNS = frozenset("poet monk priest bishop pope saint nun king queen emperor empress general "
                        "admiral prince princess philosopher explorer".split())


def _is_person_predicate(rest: str) -> bool:
    """Whether "was a ..." (up to its first comma) names a kind of person: "was an English
    poet", "was a German physicist" (a span of years alone is then read as a life)."""
    rest = rest.lstrip(" ,")
    words = _words(rest.split(",")[0].split(".")[0])[:10]
    if words[:1] in (["reigned"], ["ruled"]):
        return True
    return any(w.lower() in ROLE_NOUNS or w.lower() in _LIFE_NOUNS
               or (w.islower() and len(w) > 4 and w.endswith(_PERSON_SUFFIXES))
               for w in words if w.lower() not in _BE and w.lower() not in ("a", "an", "the", "became"))


def _bracket_dates(s: str) -> tuple[str, str, str] | None:
    """``(sentence without the brackets, the new sentence, the trace)`` for a biography's
    dates in brackets after a name, else None.

    "Born" is a person's in any case; a span of dates is read as a life only where the
    sentence calls the name a kind of person ("was an English poet", ", a physician",
    "German hairdresser NAME"): an event or a band has dates too.

    >>> _bracket_dates("Mario Rossi (born 9 May 1950 in Rome) is an Italian painter.")[:2]
    ('Mario Rossi is an Italian painter.', 'Mario Rossi was born 9 May 1950 in Rome.')
    >>> _bracket_dates("John Smith (9 September 1585 – 4 December 1642) was an English poet.")[:2]
    ('John Smith was an English poet.', 'John Smith lived from 9 September 1585 to 4 December 1642.')
    >>> _bracket_dates("Jo Lee, CM (born 1949) is a skater.")[1]
    'Jo Lee was born 1949.'
    >>> _bracket_dates("Ann Ray (1872 – 1951) was an English poet.")[1]
    'Ann Ray lived from 1872 to 1951.'
    >>> _bracket_dates("It was made by German hairdresser Jo Ness (1872 – 1951).")[:2]
    ('It was made by German hairdresser Jo Ness.', 'Jo Ness lived from 1872 to 1951.')
    >>> _bracket_dates("Operation Overlord (6 June 1944 – 30 August 1944) was the invasion.") is None
    True
    >>> _bracket_dates("The war (1914 – 1918) was long.") is None
    True
    >>> _bracket_dates("Fleetwood Mac (1967 – 1995) was a band.") is None
    True
    """
    for regex, kind in ((_BORN_RE, "born"), (_LIFESPAN_RE, "lifespan")):
        m = regex.search(s)
        if not m or "\"" in m.group() or "“" in m.group():
            continue
        head = s[: m.start()]
        if _HEAD_NAME_RE.match(head):
            # The bracket follows the sentence's opening name (post-nominals like ", CM"
            # and a quoted nickname included): the name is the head up to its first comma.
            name, at_head = head.split(",")[0].strip(), True
        else:
            name_m = _NAME_BEFORE_RE.search(head)
            if not name_m:
                continue
            name, at_head = name_m.group(1).strip(), False
        if name.split()[0] in ("The", "A", "An", "In", "On", "At"):
            continue
        rest = s[m.end():]
        if kind == "born":
            fact = f"{name} was born {m.group('born').strip().rstrip(',;')}."
        else:
            # A span of dates is a life only where the sentence says the name is a person:
            # "NAME (...) was an English poet", "NAME (...), a physician, ...", "... by
            # German hairdresser NAME (...)." (an event or a band has dates too).
            if at_head:
                person = (_BIO_VERB_RE.match(rest) or rest.lstrip().startswith(", a")) and _is_person_predicate(rest)
            else:
                person = rest.strip() in (".", "") and _is_person_predicate(
                    "was a " + " ".join(head[: -len(name)].split()[-3:]))
            if not person:
                continue
            fact = f"{name} lived from {m.group('from')} to {m.group('to')}."
        return _tidy(s[: m.start()] + rest), fact, f"move:{kind}"
    return None


def _rule_bracket_dates(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    """A name's birth date or life span in brackets becomes a sentence after its own."""
    out, trace = [], []
    for s in sentences:
        moved = _bracket_dates(s)
        if moved is None or any("(" in s[start:end] for start, end in _protected(s, ctx)):
            out.append(s)
            continue
        out.extend(moved[:2])
        trace.append(moved[2])
    return out, trace
