"""The attribution lexicon: the word lists of ``data/attribution.json``.

Cue verbs are given there by lemma; :func:`verb_forms` builds their forms (says, said,
saying), irregular ones are listed. With them: the nouns that head sources (person,
organisation and study nouns), titles and the genders they imply, organisation, place
and time words, and the closed word classes every rule reads (determiners, pronouns,
auxiliaries, function words, ...).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ..words import (
    CLOSE_QUOTES, MONTHS, OPEN_QUOTES, RELATIVE_DAYS, SINGLE_CLOSE, SINGLE_OPEN, STRAIGHT, STRAIGHT_SINGLE,
    WEEKDAYS,
)

_DATA = json.loads(resources.files("briefing").joinpath("data/attribution.json").read_text("utf-8"))


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/attribution.json``, with every cue verb form built."""

    cue_forms: dict[str, tuple[str, str]]  # form -> (lemma, "base" | "s" | "past" | "ing")
    speech: frozenset[str]
    invertible: frozenset[str]
    noun_homographs: frozenset[str]
    speech_context: frozenset[str]  # cues only when words are reported next: "added:", "read:"
    not_speech_after: dict[str, frozenset[str]]  # "reported from", "insist on": another sense
    non_proposition_objects: dict[str, frozenset[str]]  # "claimed his title", "tells lies"
    needs_reason: frozenset[str]  # "attacked the plan as ...", not "attacked him with a knife"
    blow_signals: dict[str, frozenset[str]]  # words after such a verb that make it a blow
    blow_adverbs: frozenset[str]  # "viciously attacked"
    phrasal: dict[str, str]  # lemma of a two-word cue ("point out") -> its particle
    settings: tuple[tuple[str, ...], ...]
    titles: dict[str, str | None]  # title -> the gender it implies
    title_roles: dict[str, str]  # abbreviated title -> role noun ("sen." -> "senator")
    person_nouns: dict[str, str | None]  # noun -> the gender it implies
    epithets: frozenset[str]
    name_adjectives: frozenset[str]  # "Pretty Faith", "Brave Faith": a caption's adjective before a name
    org_nouns: frozenset[str]
    study_nouns: frozenset[str]
    keep_possessor: frozenset[str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    time_words: frozenset[str]


def verb_forms(lemma: str, irregular: Sequence[str] = ()) -> dict[str, str]:
    """The forms of a regular English verb, overridden by ``irregular`` ones.

    >>> sorted(verb_forms("deny").items())
    [('denied', 'past'), ('denies', 's'), ('deny', 'base'), ('denying', 'ing')]
    >>> verb_forms("say", ["said"])["said"]
    'past'
    >>> sorted(verb_forms("agree"))
    ['agree', 'agreed', 'agreeing', 'agrees']
    """
    if lemma.endswith("e"):
        past, ing = lemma + "d", (lemma if lemma.endswith("ee") else lemma[:-1]) + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    forms = {lemma: "base", third: "s"}
    irregular = list(irregular)
    if irregular:
        for form in irregular:
            forms[form] = "ing" if form.endswith("ing") else "past"
        if not any(f.endswith("ing") for f in irregular):
            forms[ing] = "ing"
    else:
        forms[past] = "past"
        forms[ing] = "ing"
    return forms


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The attribution lexicon, built once per process."""
    raw = _DATA
    cue_forms: dict[str, tuple[str, str]] = {}
    phrasal: dict[str, str] = {}
    irregular = raw["irregular"]
    for lemma in [*raw["other_verbs"], *raw["speech_verbs"]]:  # speech last: it wins on shared forms
        verb, _, particle = lemma.partition(" ")
        if particle:
            phrasal[verb] = particle
        for form, kind in verb_forms(verb, irregular.get(verb, ())).items():
            cue_forms[form] = (verb, kind)
    return Lexicon(
        cue_forms=cue_forms,
        speech=frozenset(raw["speech_verbs"]),
        invertible=frozenset(raw["invertible"]),
        noun_homographs=frozenset(raw["noun_homographs"]),
        speech_context=frozenset(raw["needs_speech_context"]),
        not_speech_after={k: frozenset(v) for k, v in raw["not_speech_after"].items()},
        non_proposition_objects={k: frozenset(v) for k, v in raw["non_proposition_objects"].items()},
        needs_reason=frozenset(raw["needs_reason"]),
        blow_signals={k: frozenset(v) for k, v in raw["blow_signals"].items()},
        blow_adverbs=frozenset(raw["blow_adverbs"]),
        phrasal=phrasal,
        settings=tuple(tuple(s.split()) for s in raw["speech_settings"]),
        titles=raw["titles"],
        title_roles=raw["title_roles"],
        person_nouns=raw["person_nouns"],
        epithets=frozenset(raw["epithets"]),
        name_adjectives=frozenset(raw["name_adjectives"]),
        org_nouns=frozenset(raw["org_nouns"]),
        study_nouns=frozenset(raw["study_nouns"]),
        keep_possessor=frozenset(raw["keep_possessor"]),
        org_words=frozenset(raw["org_words"]),
        place_words=frozenset(raw["place_words"]),
        time_words=frozenset(
            [
                *(day.lower() for day in WEEKDAYS),
                *RELATIVE_DAYS,
                *(month.lower() for month in MONTHS),
                *raw["time_words"],
            ]
        ),
    )


def is_speech_cue(cue: str | None) -> bool:
    """Whether ``cue`` is a verb (or phrase) of saying or reporting, in a finite form.

    >>> [is_speech_cue(c) for c in ("said", "has told", "according to", "saying", "found", "is saying")]
    [True, True, True, False, False, True]
    """
    if not cue:
        return False
    words = re.findall(r"[a-z’']+", cue.lower())
    if "according" in words:
        return True
    lex = lexicon()
    for i, word in enumerate(words):
        entry = lex.cue_forms.get(word)
        if entry and entry[0] in lex.speech:
            if entry[1] != "ing" or (i and words[i - 1] in BE):
                return True
    return False


# --------------------------------------------------------------------------- closed classes

_CLOSED = _DATA["closed_classes"]
DETERMINERS = frozenset(_CLOSED["determiners"])  # "the", "his", "some", "two", "dozens", ...
DEFINITE = frozenset(_CLOSED["definite"])  # "the", "this", "that", "these", "those"
SUBJECT_PRONOUNS: dict[str, str] = _CLOSED["subject_pronouns"]  # pronoun -> who it can be: "male", "plural", ...
RELATIVES = frozenset(_CLOSED["relatives"])  # "who", "which", "that"
BE = frozenset(_CLOSED["be"])  # the forms of "be", with their clitics ('re, 'm)
AUX = frozenset(_CLOSED["auxiliaries"]) | BE  # auxiliaries, clitics and negations between subject and verb
NP_LINK_PREPS = frozenset(_CLOSED["np_link_prepositions"])  # "a spokesman for the company"
CLAUSE_ENDERS = frozenset(_CLOSED["clause_enders"])  # words after which a source phrase has ended
NAME_PARTICLES = frozenset(_CLOSED["name_particles"])  # "Ludwig van Beethoven", "Center for ..."
FUNCTION_WORDS = frozenset(_CLOSED["function_words"])  # never part of a name, even capitalised
CLAUSE_OPENERS = frozenset(_CLOSED["clause_openers"])  # "And", "However", "Meanwhile" before a subject
SUBORDINATORS = frozenset(_CLOSED["subordinators"])  # open a clause that is not the main one
PARTICIPLE_LEADS = frozenset(_CLOSED["participle_leads"])  # before a participle cue: ", saying", "while adding"
HEADLINE_BLOCK = frozenset(_CLOSED["headline_block"])  # "Update:", "Watch:" open no speaker's line
NOT_MODIFIERS = frozenset(_CLOSED["not_modifiers"])  # verbs, never a noun's modifier
ADVERBS = frozenset(_CLOSED["adverbs"])  # skipped between a subject and its verb
GENERIC_ORG_NOUNS = frozenset(_CLOSED["generic_org_nouns"])  # "the company": the organisation just named
DEMONYM_ENDINGS = tuple(_CLOSED["demonym_endings"])  # "Israeli", "Australian": adjectives, not names
BARE_SOURCES = frozenset(_CLOSED["bare_sources"])  # sources in one word: "some", "police", "people"
BOUNDARY_WORDS = frozenset(_CLOSED["boundary_words"])  # a subject after one of these starts a clause
CONTROL_VERBS = frozenset(_CLOSED["control_verbs"])  # "prompted minister Shlomo Karhi to warn"

LY_NOUNS = frozenset(_DATA["ly_nouns"])  # end in -ly but are no adverbs: "family", "ally", "Kelly"

OPEN_Q = frozenset(OPEN_QUOTES + STRAIGHT + SINGLE_OPEN + STRAIGHT_SINGLE)
CLOSE_Q = frozenset(CLOSE_QUOTES + STRAIGHT + SINGLE_CLOSE + STRAIGHT_SINGLE)
DASHES = frozenset({"―", "—", "–", "--"})
