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

from ..words import CLOSE_QUOTES, OPEN_QUOTES, SINGLE_CLOSE, SINGLE_OPEN, STRAIGHT, STRAIGHT_SINGLE


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/attribution.json``, with every cue verb form built."""

    cue_forms: dict[str, tuple[str, str]]  # form -> (lemma, "base" | "s" | "past" | "ing")
    speech: frozenset[str]
    invertible: frozenset[str]
    noun_homographs: frozenset[str]
    speech_context: frozenset[str]  # cues only when words are reported next: "added:", "read:"
    phrasal: dict[str, str]  # lemma of a two-word cue ("point out") -> its particle
    settings: tuple[tuple[str, ...], ...]
    titles: dict[str, str | None]  # title -> the gender it implies
    title_roles: dict[str, str]  # abbreviated title -> role noun ("sen." -> "senator")
    person_nouns: dict[str, str | None]  # noun -> the gender it implies
    epithets: frozenset[str]
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
    """The attribution lexicon, loaded once per process."""
    raw = json.loads(resources.files("briefing").joinpath("data/attribution.json").read_text("utf-8"))
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
        phrasal=phrasal,
        settings=tuple(tuple(s.split()) for s in raw["speech_settings"]),
        titles=raw["titles"],
        title_roles=raw["title_roles"],
        person_nouns=raw["person_nouns"],
        epithets=frozenset(raw["epithets"]),
        org_nouns=frozenset(raw["org_nouns"]),
        study_nouns=frozenset(raw["study_nouns"]),
        keep_possessor=frozenset(raw["keep_possessor"]),
        org_words=frozenset(raw["org_words"]),
        place_words=frozenset(raw["place_words"]),
        time_words=frozenset(raw["time_words"]),
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

DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your some many several most all both "
    "each every another other no any few one two three four five six seven eight nine ten dozens "
    "dozen hundreds thousands millions more fewer".split()
)
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
SUBJECT_PRONOUNS = {
    "he": "male",
    "she": "female",
    "they": "plural",
    "it": "neuter",
    "we": "speaker",
    "i": "speaker",
    "you": "hearer",
}
RELATIVES = frozenset({"who", "which", "that"})
BE = frozenset("is was were are be been being am 're ’re 'm ’m".split())
AUX = (
    frozenset(
        "has have had having will would could should may might must can shall do does did 'd ’d "
        "'ll ’ll 've ’ve 's ’s not n't n’t never also".split()
    )
    | BE
)
NP_LINK_PREPS = frozenset({"of", "for", "from", "at"})
CLAUSE_ENDERS = (
    "of", "for", "in", "on", "at", "during", "after", "before", "when", "while", "as", "who", "from", "to", "last",
    "this", "earlier", "later", "recently", "today", "yesterday",
)
NAME_PARTICLES = frozenset({"of", "for", "de", "van", "von", "bin", "al", "da", "du", "le", "la", "&", "the", "on"})
FUNCTION_WORDS = frozenset(
    "a an the this that these those and or but nor so yet for of to in on at by with from into "
    "onto upon about above after against along among around as before behind below beneath beside "
    "between beyond during except inside near off out outside over past since through throughout "
    "till toward towards under underneath until up via within without than then when where while "
    "whether if because although though unless once whereas however therefore thus also not no "
    "is was were are be been being am has have had do does did will would could should may might "
    "must can shall he she it they we i you him her them us me his its their our my your who whom "
    "whose which what there here just only even very too more most less least such own same "
    "like unlike despite amid amidst instead rather either neither both each every all any some "
    "many much few several another other".split()
)
CLAUSE_OPENERS = frozenset(
    "and but or so yet however meanwhile still also then now instead indeed moreover furthermore "
    "besides nonetheless nevertheless thus therefore later earlier separately previously "
    "additionally plus".split()
)
SUBORDINATORS = frozenset(
    "when while after before as if because although though since until unless once whereas "
    "in on at during for from with without by under over amid despite following according "
    "given speaking asked responding writing".split()
)
PARTICIPLE_LEADS = frozenset(
    {",", "by", "while", "after", "before", "in", "when", "without", "—", "–", "-", "--", "and"}
)
OPEN_Q = frozenset(OPEN_QUOTES + STRAIGHT + SINGLE_OPEN + STRAIGHT_SINGLE)
CLOSE_Q = frozenset(CLOSE_QUOTES + STRAIGHT + SINGLE_CLOSE + STRAIGHT_SINGLE)
DASHES = frozenset({"―", "—", "–", "--"})
HEADLINE_BLOCK = frozenset(
    "note update updated editor watch read video photo photos related source published transcript "
    "warning exclusive breaking analysis opinion review live q a answer question quote caption "
    "credit correction clarification disclaimer tags tag share follow subscribe topics image "
    "images pictured comments comment here this what why how when where who".split()
)
NOT_MODIFIERS = frozenset(
    "let lets make makes made help helps see sees saw seen hear hears heard watch watches get gets got "
    "take takes took give gives gave keep keeps kept need needs want wants go goes went come comes came "
    "put puts set sets told tell says say said".split()
)
ADVERBS = frozenset(
    "also then later previously again already once still recently now ever first even just long "
    "further too often never always since".split()
)
GENERIC_ORG_NOUNS = frozenset("company firm group organisation organization business".split())
DEMONYM_ENDINGS = ("i", "an", "ian", "ese", "ish", "ic", "ch")
BARE_SOURCES = frozenset(
    "some many most others all both each few several none one someone somebody anyone anybody "
    "everyone everybody nobody police staff people public".split()
)
BOUNDARY_WORDS = frozenset(
    "and but or nor so yet that which who whom whose when while as because if although though since "
    "after before until unless where whereas once also then now however still even instead meanwhile "
    "why how what whether than".split()
)
CONTROL_VERBS = frozenset(
    "prompted urged asked told forced led pushed pressed encouraged called invited allowed "
    "persuaded convinced caused challenged dared begged ordered instructed got".split()
)
