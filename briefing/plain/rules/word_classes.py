"""Closed word classes that several rule families read. They find candidate clause shapes
quickly; the parser (:mod:`briefing.plain.parse`) confirms. A list that one family alone
reads lives in that family's module.

The words are in ``briefing/data/plain_words.json``; this module loads them once and
names them.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from .. import inflect
from ...words import ONES

_DATA = json.loads(resources.files("briefing").joinpath("data/plain_words.json").read_text(encoding="utf-8"))

PRONOUNS = frozenset(_DATA["pronouns"])  # subject pronouns
OBJECT_PRONOUNS = dict(_DATA["object_pronouns"])  # subject -> object form: "he" -> "him"
DETERMINERS = frozenset(_DATA["determiners"])
AUXILIARIES = frozenset(_DATA["auxiliaries"])  # with their contractions and negations
MODALS = frozenset(_DATA["modals"])  # and "do" and "to": the words before a bare verb
PREPOSITIONS = frozenset(_DATA["prepositions"])
CONJUNCTIONS = frozenset(_DATA["conjunctions"])
# Common verbs in their finite forms, for "does this part have its own verb?".
_COMMON_VERB_LEMMAS = list(_DATA["common_verb_lemmas"])
FINITE_VERBS = frozenset(
    {f for lemma in _COMMON_VERB_LEMMAS for tag, f in inflect.forms(lemma, "verb").items() if tag != "VBG"}
    | {past for past, _ in inflect.IRREGULAR_VERBS.values()}
    | AUXILIARIES
)
_PAST_FORMS = frozenset(past for past, _ in inflect.IRREGULAR_VERBS.values())
# Capitalised words that mark an organisation, not a person (so not shortened to a surname);
# and places and buildings: "Victoria Island" is not "Island" the second time.
ORG_WORDS = frozenset(_DATA["organisation_words"] + _DATA["place_words"])


# Forms of "be".
_BE = frozenset(_DATA["be"])


# Words that end a phrasal verb: a replacement ending in one cannot stand before a noun.
_PARTICLES = frozenset(_DATA["particles"])


# Events that last ("talks", "war", "storm"): the lexicon swaps "amid" for "during" only before
# one, and such a plural opening a sentence is a common noun, not a name.
_EVENT_NOUNS = frozenset(_DATA["lasting_events"])


# Nouns of a role ("owner", "spokesman", "former"): "owner of X" is an appositive's predicate.
ROLE_NOUNS = frozenset(_DATA["role_nouns"])
# Nouns that name a person or people (a "who" clause can be theirs).
PERSON_NOUNS = ROLE_NOUNS | frozenset(_DATA["person_nouns"])


# A reporting verb: what follows it is what someone said.
_REPORTING_RE = re.compile(
    r"\b(?:said|says|say|told|tells|tell|reported|reports|according|believes?|believed|thinks?|thought|claimed|"
    r"claims?|stated|states|announced|added|adds|insisted|warned|explained|argued|confirmed|testified|alleged?|"
    r"alleges|suggested|wrote|writes|tweeted|posted|noted|notes|acknowledged|admitted|recalled|revealed|disclosed|"
    r"predicted|conceded|maintained|contended|asserted|emphasized|emphasised|stressed|complained|denied|"
    r"estimated|indicated|saying|telling|claiming|insisting|arguing|warning|explaining|adding|noting|alleging)\b"
)


# Counting words: before a noun they make it indefinite ("16 citizens who ...", "two blasts").
_NUMBER_WORDS = frozenset(word for word, value in ONES.items() if 1 <= value <= 12) | frozenset(
    _DATA["large_counts"]
)  # ("one" to "twelve" from briefing.words)
