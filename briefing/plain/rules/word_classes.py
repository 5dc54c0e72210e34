"""Closed word classes that several rule families read. They find candidate clause shapes
quickly; the parser (:mod:`briefing.plain.parse`) confirms. A list that one family alone
reads lives in that family's module.
"""

from __future__ import annotations

import re

from .. import inflect
from ...words import ONES


PRONOUNS = frozenset("i you he she it we they".split())
OBJECT_PRONOUNS = {"i": "me", "he": "him", "she": "her", "we": "us", "they": "them"}
DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your some many several each every both "
    "all no any another such".split()
)
AUXILIARIES = frozenset(
    "is are was were am be been being has have had will would can could may might must shall should do does "
    "did 's 're 've 'd 'll won't can't isn't aren't wasn't weren't hasn't haven't hadn't didn't doesn't don't "
    "wouldn't couldn't shouldn't".split()
)
MODALS = frozenset("will would can could may might must shall should do does did to".split())
PREPOSITIONS = frozenset(
    "of in on at by for with from to into onto over under about after before during since until against "
    "among amid between through across along around near without within via per like as than".split()
)
CONJUNCTIONS = frozenset("and or but nor so yet".split())
# Common verbs in their finite forms, for "does this part have its own verb?".
_COMMON_VERB_LEMMAS = (
    "say tell make want need add claim believe think know plan hope remain seem appear become continue "
    "include lead live work play come go take give get run hold show call find keep leave put bring begin "
    "turn move pay meet set allow help try ask use feel provide expect report warn insist deny accuse "
    "argue announce agree refuse decide die kill attack win lose face fail receive serve open close "
    "stop start visit fly return launch sign reach cause rise fall grow increase suggest describe note"
).split()
FINITE_VERBS = frozenset(
    {f for lemma in _COMMON_VERB_LEMMAS for tag, f in inflect.forms(lemma, "verb").items() if tag != "VBG"}
    | {past for past, _ in inflect.IRREGULAR_VERBS.values()}
    | AUXILIARIES
)
_PAST_FORMS = frozenset(past for past, _ in inflect.IRREGULAR_VERBS.values())
# Capitalised words that mark an organisation, not a person (so not shortened to a surname).
ORG_WORDS = frozenset(
    "post times news party inc ltd company corporation corp group bank association agency centre center "
    "court committee council ministry department league organisation organization university college "
    "school hospital channel tv radio union foundation institute church army navy police force forces "
    "government house senate congress parliament commission office board club fc united city county "
    "state states kingdom republic airlines airways service services network press journal "
    # places and buildings: "Victoria Island" is not "Island" the second time
    "island islands river lake mountain mountains mount valley bay sea ocean coast peninsula province region "
    "district street park arboretum garden gardens stadium bridge airport station hall museum castle palace "
    "tower cathedral abbey temple square desert forest falls canal harbour harbor".split()
)


# Forms of "be".
_BE = frozenset("be been being is are was were am 's 're".split())


# Words that end a phrasal verb: a replacement ending in one cannot stand before a noun.
_PARTICLES = frozenset("apart up out off down away over back around about on in".split())


# Events that last ("talks", "war", "storm"): the lexicon swaps "amid" for "during" only before
# one, and such a plural opening a sentence is a common noun, not a name.
_EVENT_NOUNS = frozenset("talks negotiations protests protest war wars crisis pandemic outbreak clashes fighting "
                         "violence celebrations storm heatwave lockdown investigation inquiry campaign election "
                         "elections trial unrest strike strikes conflict recession boom riots demonstrations "
                         "ceremony festival season tournament games summit meeting hearing process".split())


ROLE_NOUNS = frozenset(
    "owner founder head chief leader president chairman chair director minister secretary spokesman "
    "spokeswoman spokesperson member author boss ceo executive manager mayor governor senator editor "
    "captain coach star son daughter wife husband mother father brother sister widow father-in-law "
    "chancellor ambassador commander general king queen prince princess former aged".split()
)
PERSON_NOUNS = ROLE_NOUNS | frozenset(
    "man woman men women boy girl child children people person player singer actor actress writer artist "
    "officer officers official officials soldier soldiers police doctor nurse teacher student students worker "
    "workers fan fans family victim victims team band group couple".split()
)


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
    "dozens hundreds thousands millions".split()
)  # ("one" to "twelve" from briefing.words)
