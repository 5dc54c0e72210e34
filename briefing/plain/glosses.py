"""Glosses from the article: a hard term in a point explained with the article's own words,
as a short sentence at the end of the point (issue 19).

- An acronym the article spells out ("the National Transportation Safety Board" ...
  "the NTSB said") -> "The NTSB is the National Transportation Safety Board."
- A name the article glosses with an appositive of a kind of thing ("the CCDH, a
  watchdog group,") -> "The CCDH is a watchdog group."

Only what the article itself says is used, and only of organisations and things, whose
gloss holds in the present tense; a person's role is left alone (earlier reviews found
"is" and "was" each false there). A gloss the point already says is not repeated.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.quotes import inside_open_quotation

__all__ = ["glosses", "add_glosses"]

_LINK_WORDS = ("of", "for", "and", "on", "the", "in")
_CAPITALISED_RUN_RE = re.compile(r"\b[A-Z][a-z]+(?: (?:(?:of|for|and|on|the|in) )?[A-Z][a-z]+)+")
_ACRONYM_RE = re.compile(r"\b[A-Z]{3,6}\b")
# The nouns of a gloss that names a kind of organisation or thing: present tense is safe.
_THING_NOUNS = ("group", "organization", "organisation", "agency", "company", "charity", "network", "party",
                "movement", "firm", "coalition", "alliance", "militia", "union", "nonprofit", "watchdog", "website",
                "newspaper", "channel", "magazine", "station", "broadcaster", "carrier", "airline", "bank",
                "department", "ministry", "regulator", "institute", "foundation", "university", "college",
                "hospital", "court", "drug", "disease", "virus", "law", "treaty", "program", "programme",
                "initiative", "campaign", "app", "platform", "service", "fraternity", "sorority", "club", "team",
                "league", "association", "federation", "council", "committee", "board", "body")
_APPOSITIVE_RE = re.compile(
    r"(?P<name>\b(?:[A-Z][\w&.'’-]*)(?: (?:(?:of|for|and|on|the|in) )?[A-Z][\w&.'’-]*){0,5}), (?P<gloss>an? (?:[a-z][a-z-]* ){0,3}(?:"
    + "|".join(_THING_NOUNS) + r"))(?=[,.;])"
)
# A name with one of these words is said with "the" ("the Southern Poverty Law Center").
_ORGANISATION_RE = re.compile(r"\b(?:Center|Centre|Board|Administration|Agency|Service|Institutes?|Department|"
                              r"Commission|Council|Committee|Association|Union|Organi[sz]ation|Authority|Bureau|"
                              r"Office|Party|Court|Ministry|Foundation|Fund|Bank|Corporation|Society|Federation|"
                              r"Network|Project|Programme|Program|Forces?|Army|Navy|Guard|Police|Services)\b")
_NOT_ACRONYMS = frozenset({"CNN", "USA", "BBC", "NBC", "CBS", "ABC", "NFL", "NBA", "ISIS", "ISIL", "AIDS", "HIV",
                           "GMT", "EST", "PST", "LOL", "OMG", "DNA", "CEO", "CFO", "MP", "MPS"})


def _initials(run: str) -> str:
    return "".join(w[0] for w in run.split() if w[0].isupper())


@lru_cache(maxsize=64)
def _article_terms(article: str) -> dict[str, tuple[str, bool]]:
    """Each term the article explains: term -> (gloss, whether the gloss is an acronym's
    long form, which takes "the" when the article gives it one)."""
    terms: dict[str, tuple[str, bool]] = {}
    for m in _CAPITALISED_RUN_RE.finditer(article):
        run = m.group()
        while run.split()[0] in ("The", "A", "An") or run.split()[-1] in _LINK_WORDS:
            parts = run.split()
            run = " ".join(parts[1:] if parts[0] in ("The", "A", "An") else parts[:-1])
            if len(run.split()) < 2:
                break
        acronym = _initials(run)
        if len(acronym) >= 3 and len(run.split()) >= 3 and acronym not in terms and acronym not in _NOT_ACRONYMS:
            # The long form must come before the acronym's first use, as a writer spells it out.
            first_use = re.search(rf"\b{acronym}\b", article)
            if first_use and first_use.start() > m.start():
                the = bool(re.search(rf"\bthe {re.escape(run)}", article, re.IGNORECASE)
                           or _ORGANISATION_RE.search(run))
                terms[acronym] = (("the " if the else "") + run, True)
    for m in _APPOSITIVE_RE.finditer(article):
        name = m.group("name").removeprefix("The ")
        if name.split()[0] in ("A", "An", "But", "And", "In", "On", "At", "The") or len(name) < 2:
            continue
        terms.setdefault(name, (m.group("gloss"), False))
    return terms


def glosses(text: str, article: str) -> list[tuple[str, str]]:
    """The glosses a point needs: (term, sentence), for each term of ``text`` that
    ``article`` explains and ``text`` does not.

    >>> art = ("The National Transportation Safety Board opened an inquiry. The NTSB said the crew "
    ...        "was tired. The CCDH, a watchdog group, said so too.")
    >>> glosses("The NTSB said the crew was tired, and the CCDH agreed.", art)
    [('NTSB', 'The NTSB is the National Transportation Safety Board.'), ('CCDH', 'The CCDH is a watchdog group.')]
    >>> glosses("The National Transportation Safety Board (NTSB) said the crew was tired.", art)
    []
    """
    found: list[tuple[str, str]] = []
    for term, (gloss, acronym) in _article_terms(article).items():
        m = re.search(rf"(?<![\w-])(?:(?P<the>[Tt]he) )?{re.escape(term)}(?![\w-])", text)
        if not m or gloss.lower().removeprefix("the ") in text.lower():
            continue
        subject = f"The {term}" if m.group("the") or gloss.startswith("the ") else term
        found.append((term, f"{subject} is {gloss}."))
    return found


def add_glosses(text: str, article: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with each gloss it needs as a sentence at its end (after the point's own
    sentences, so that a closing "Police said this." still follows what police said), and
    the trace entries ("gloss:NTSB").

    >>> add_glosses("The NTSB said the crew was tired.", "The National Transportation Safety Board met. The NTSB ...")
    ('The NTSB said the crew was tired. The NTSB is the National Transportation Safety Board.', ('gloss:NTSB',))

    A point whose quotation is never closed gets none: the gloss would read as quoted words.

    >>> add_glosses('Students chanted "The NTSB is tired.', "The National Transportation Safety Board met.")
    ('Students chanted "The NTSB is tired.', ())
    """
    if inside_open_quotation(text, len(text)):
        return text, ()
    found = glosses(text, article)
    if not found:
        return text, ()
    return " ".join([text.rstrip(), *(sentence for _, sentence in found)]), tuple(f"gloss:{t}" for t, _ in found)
