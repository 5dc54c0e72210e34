"""Attribute: find who each sentence's content comes from.

For every sentence we look for **cues** (verbs of saying, reporting, finding,
believing ... in any tense, "according to", a speaker's name and a colon opening a
line, a dash before a name closing a quotation) and, for each cue, its **source**: the
subject on its left (``Musk said``, ``a White House spokesperson accused``, over an
apposition: ``Sean Spicer, a spokesman ..., said``), the noun phrase after it when the
order is inverted (``"...," said Musk``, ``..., reports N12``), after ``according to``
or a passive ``by``, the object of a verb like "prompted" before an infinitive
(``prompted minister Shlomo Karhi to warn``), or the subject of the main clause for a
participle (``..., claiming ...``). Cues inside a quotation are not attributions of
their own: the quoted words belong to the quotation's speaker. A sentence may hold
several attributions; the one that attributes the whole sentence comes first (outside
any quotation, and a closing ``..., police said.`` before one inside the content).

A sentence that is only a quotation, or part of a quotation that runs over several
sentences, carries over the attribution of the sentence that introduced or closes it
(``carried_over=True``, no spans). The quotation given to an attribution is the
longest quoted passage of its sentence, exactly as written (a trailing comma dropped).

Sources that are pronouns or descriptions ("He", "They", "The tech boss", "the
company", "who") are resolved to a named person or organisation with a small salience
model: the entities named in the article (capitalised name sequences, typed person or
organisation by titles and organisation words, gendered by titles, roles and the
pronouns that follow them), searched from the nearest sentence back, each sentence's
sources and subject first. A description resolves through the role the article gave
someone ("Prime Minister Benjamin Netanyahu" ... "the prime minister"), through an
organisation's own name ("the university"), or, for epithets ("the tech boss", "the
52-year-old"), to the most salient person. The resolved name goes in ``source`` and
the original words in ``resolved_from``. **When unsure, nothing is guessed**: no
compatible entity, or a description of an unnamed role ("the spokesman"), keeps the
original words as ``source`` with ``resolved_from`` None. Names are given in the
fullest form the article uses ("Musk", "Mr. Musk" -> "Elon Musk"), with
``resolved_from`` None since the words already name the source.

The same model, in the same pass, resolves each sentence's opening subject when it is
a pronoun or such a description (:func:`resolve_subjects`), so that a key point made of
the sentence can say who it is about; a pronoun resolves only when no other person
fits as well, and "it"/"they" only when a cue already resolved them to an organisation.

Everything is plain rules over regex tokens that carry their offsets into the article
(quicker than the Treebank tokenizer and needing no span alignment; no parser, no
model): an article of 800 words takes a few milliseconds. The word lists live in
``data/attribution.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Sequence

from ..models import Article, Attribution, Sentence, Span
from ..words import CLOSE_QUOTES, OPEN_QUOTES, SINGLE_CLOSE, SINGLE_OPEN, STRAIGHT, STRAIGHT_SINGLE


@dataclass(frozen=True)
class SubjectResolution:
    """Who a sentence's opening subject is, when it is a pronoun or a description.

    ``name`` is the entity's name, ``words`` the subject as written ("he", "The tech
    boss", "His"), ``span`` its offsets into ``Article.text`` and ``kind`` either
    ``"pronoun"`` or ``"description"``.
    """

    name: str
    words: str
    span: Span
    kind: str

# --------------------------------------------------------------------------- lexicon


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
            if entry[1] != "ing" or (i and words[i - 1] in _BE):
                return True
    return False


# --------------------------------------------------------------------------- closed classes

_DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your some many several most all both "
    "each every another other no any few one two three four five six seven eight nine ten dozens "
    "dozen hundreds thousands millions more fewer".split()
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_SUBJECT_PRONOUNS = {
    "he": "male",
    "she": "female",
    "they": "plural",
    "it": "neuter",
    "we": "speaker",
    "i": "speaker",
    "you": "hearer",
}
_RELATIVES = frozenset({"who", "which", "that"})
_BE = frozenset("is was were are be been being am 're ’re 'm ’m".split())
_AUX = (
    frozenset(
        "has have had having will would could should may might must can shall do does did 'd ’d "
        "'ll ’ll 've ’ve 's ’s not n't n’t never also".split()
    )
    | _BE
)
_NP_LINK_PREPS = frozenset({"of", "for", "from", "at"})
_FUNCTION = frozenset(
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
_CLAUSE_OPENERS = frozenset(
    "and but or so yet however meanwhile still also then now instead indeed moreover furthermore "
    "besides nonetheless nevertheless thus therefore later earlier separately previously "
    "additionally plus".split()
)
_SUBORDINATORS = frozenset(
    "when while after before as if because although though since until unless once whereas "
    "in on at during for from with without by under over amid despite following according "
    "given speaking asked responding writing".split()
)
_PARTICIPLE_LEADS = frozenset(
    {",", "by", "while", "after", "before", "in", "when", "without", "—", "–", "-", "--", "and"}
)
_OPEN_Q = frozenset(OPEN_QUOTES + STRAIGHT + SINGLE_OPEN + STRAIGHT_SINGLE)
_CLOSE_Q = frozenset(CLOSE_QUOTES + STRAIGHT + SINGLE_CLOSE + STRAIGHT_SINGLE)
_DASHES = frozenset({"―", "—", "–", "--"})
_HEADLINE_BLOCK = frozenset(
    "note update updated editor watch read video photo photos related source published transcript "
    "warning exclusive breaking analysis opinion review live q a answer question quote caption "
    "credit correction clarification disclaimer tags tag share follow subscribe topics image "
    "images pictured comments comment here this what why how when where who".split()
)
_NOT_MODIFIERS = frozenset(
    "let lets make makes made help helps see sees saw seen hear hears heard watch watches get gets got "
    "take takes took give gives gave keep keeps kept need needs want wants go goes went come comes came "
    "put puts set sets told tell says say said".split()
)
_ADVERBS = frozenset(
    "also then later previously again already once still recently now ever first even just long "
    "further too often never always since".split()
)
_GENERIC_ORG_NOUNS = frozenset("company firm group organisation organization business".split())
_DEMONYM_ENDINGS = ("i", "an", "ian", "ese", "ish", "ic", "ch")
_BARE_SOURCES = frozenset(
    "some many most others all both each few several none one someone somebody anyone anybody "
    "everyone everybody nobody police staff people public".split()
)
_BOUNDARY_WORDS = frozenset(
    "and but or nor so yet that which who whom whose when while as because if although though since "
    "after before until unless where whereas once also then now however still even instead meanwhile "
    "why how what whether than".split()
)
_CONTROL_VERBS = frozenset(
    "prompted urged asked told forced led pushed pressed encouraged called invited allowed "
    "persuaded convinced caused challenged dared begged ordered instructed got".split()
)
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


def _is_word(tok: Tok) -> bool:
    return tok.text[:1].isalnum()


def _is_cap_name(tok: Tok) -> bool:
    """A capitalised word that can be part of a name (not a capitalised function word)."""
    return tok.cap and tok.low not in _FUNCTION and tok.low not in _SUBJECT_PRONOUNS


def _is_lower_word(tok: Tok) -> bool:
    return tok.text[:1].isalpha() and tok.text[:1].islower()


# --------------------------------------------------------------------------- entities


@dataclass
class Entity:
    """A named person or organisation in the article (mutable while reading it)."""

    name: str  # fullest form seen (titles stripped)
    kind: str  # "person" | "name" (a multi-word name, most likely a person) | "org" | "unknown"
    words: tuple[str, ...]
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    he: int = 0
    she: int = 0
    last_seen: int = -1
    speaker: bool = False  # the source of an attribution somewhere before


class Mention(NamedTuple):
    """An entity named in a sentence: its token range and whether it is the subject."""

    entity: Entity
    sentence: int
    first: int  # token index
    last: int  # token index (inclusive)
    subject: bool
    salient: bool = True  # False for a name inside a quotation or modifying a noun ("Gmail users")


class _Article:
    """What attribution knows while reading an article: tokens, entities, mentions."""

    def __init__(self, article: Article, sentences: Sequence[Sentence]) -> None:
        self.lex = lexicon()
        self.text = article.text
        self.sentences = sentences
        self.tokens = [tokenize(s.text, s.span[0], s.quote_spans) for s in sentences]
        self.entities: list[Entity] = []
        self.mentions: list[list[Mention]] = [[] for _ in sentences]
        self.capitalised_inside: set[str] = set()
        for toks in self.tokens:
            for i, t in enumerate(toks):
                if i and t.cap and toks[i - 1].text not in _OPEN_Q and toks[i - 1].text not in ".:!?":
                    self.capitalised_inside.add(t.low)
        self.sources: list[list[tuple[Entity | None, str]]] = [[] for _ in sentences]
        self.resolved: dict[tuple[int, int], Entity | None] = {}  # (sentence, token) -> entity
        for index in range(len(sentences)):
            self._find_mentions(index)
        self._learn_genders()

    # ---- names

    def _starts_name(self, toks: list[Tok], i: int) -> bool:
        tok = toks[i]
        if not _is_cap_name(tok) or tok.low in self.lex.time_words:
            return False
        sentence_start = i == 0 or toks[i - 1].text in _OPEN_Q or toks[i - 1].text in "(:—–-"
        if not sentence_start:
            return True
        # A capitalised first word is a name only if the article capitalises it elsewhere
        # too, or a capitalised word follows it ("Israeli TV").
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return tok.low in self.capitalised_inside or bool(nxt and _is_cap_name(nxt) and nxt.text != "I")

    def name_chunks(self, toks: list[Tok]) -> list[tuple[int, int]]:
        """Token ranges ``(first, last)`` of capitalised name sequences in a sentence."""
        chunks = []
        i, n = 0, len(toks)
        while i < n:
            if not self._starts_name(toks, i):
                i += 1
                continue
            j = i
            while j + 1 < n:
                nxt = toks[j + 1]
                if _is_cap_name(nxt) and (nxt.low not in self.lex.time_words or nxt.low == "may"):
                    j += 1  # "Theresa May" is a name, "Monday" is not
                elif nxt.text == "(" and j + 3 < n and toks[j + 2].text.isupper() and toks[j + 3].text == ")":
                    j += 3  # an acronym in brackets: "Center for ... Hate (CCDH)"
                elif (
                    nxt.low
                    in {
                        "of",
                        "for",
                        "de",
                        "van",
                        "von",
                        "bin",
                        "al",
                        "da",
                        "du",
                        "le",
                        "la",
                        "&",
                        "the",
                        "on",
                    }
                    and j + 2 < n
                    and _is_cap_name(toks[j + 2])
                    and toks[j + 2].low not in self.lex.time_words
                    and (
                        nxt.low not in {"the", "of", "for", "on"}
                        or self._orgish(toks[i : j + 1])
                        or nxt.low == "of"
                        and toks[j].low in self.lex.titles
                    )
                ):
                    j += 2
                elif (
                    nxt.text in "-."
                    and j + 2 < n
                    and toks[j + 2].cap
                    and toks[j + 1].end == toks[j + 2].start
                ):
                    j += 2
                else:
                    break
            chunks.append((i, j))
            i = j + 1
        return chunks

    def _modifier(self, toks: list[Tok], i: int) -> bool:
        """Whether the name ending at token ``i`` modifies the noun after it ("Israeli
        officials", "Gmail users", "White House spokesperson")."""
        if i + 1 >= len(toks) or not _is_lower_word(toks[i + 1]) or toks[i + 1].low in self.lex.cue_forms:
            return False
        nxt = toks[i + 1]
        return (
            _nounish(self.lex, nxt)
            or nxt.low.endswith("s")
            and not nxt.low.endswith("ss")
            or nxt.low == "people"
        )

    def _orgish(self, toks: Sequence[Tok]) -> bool:
        return any(t.text in self.lex.org_words for t in toks)

    def _find_mentions(self, index: int) -> None:
        toks = self.tokens[index]
        first_word = next((k for k, t in enumerate(toks) if _is_word(t) and t.low not in _CLAUSE_OPENERS), 0)
        for first, last in self.name_chunks(toks):
            modifier = self._modifier(toks, last)
            if first == last and modifier and toks[first].low.endswith(_DEMONYM_ENDINGS):
                continue  # "Israeli officials": an adjective, not a name
            entity, name_first = self._entity_for(toks, first, last, index)
            if entity is None:
                continue
            subject = first <= first_word + 1 or (
                first > 0 and toks[first - 1].low in _DETERMINERS and first <= first_word + 3
            )
            # a name inside a quotation, in brackets ("(CNN)") or modifying a noun is no antecedent
            salient = not modifier and not toks[first].quoted and not (first and toks[first - 1].text == "(")
            entity.last_seen = index
            self.mentions[index].append(
                Mention(entity, index, name_first, last, subject and salient, salient)
            )

    def _entity_for(self, toks: list[Tok], first: int, last: int, index: int) -> tuple[Entity | None, int]:
        """The entity a name chunk names (created or found), and where its name starts."""
        lex = self.lex
        words = [t.text for t in toks[first : last + 1]]
        if (
            index == 0
            and first == 0
            and len(words) > 1
            and words[0].isupper()
            and words[1][:1].isupper()
            and not words[1].isupper()
        ):
            words[0] = words[0].capitalize()  # a tabloid lead: "ELON Musk"
        # Titles before the name give its kind, gender and roles, and are not part of it.
        cut = -1
        gender = None
        roles = set()
        for k, w in enumerate(words[:-1]):
            low = w.lower()
            if low in lex.titles:
                cut = k
                gender = lex.titles[low] or gender
                roles.add(lex.title_roles.get(low, low))
        # lowercase titles just before the chunk: "minister Shlomo Karhi", "tech boss Elon Musk"
        k = first - 1
        while k >= 0 and _is_lower_word(toks[k]) and toks[k].low in lex.titles:
            roles.add(toks[k].low)
            gender = lex.titles[toks[k].low] or gender
            k -= 1
        name_words = words[cut + 1 :]
        name_first = first + cut + 1
        if name_words and name_words[0].lower() == "the":
            name_words = name_words[1:]
            name_first += 1
        if not name_words:
            return None, first
        acronym = None
        if len(name_words) >= 4 and name_words[-3] == "(" and name_words[-1] == ")":
            acronym = name_words[-2]
        core = tuple(w for w in name_words if w not in "()") if acronym is None else tuple(name_words[:-3])
        if not core:
            return None, first
        if any(w in lex.org_words for w in core) or (
            len(core) == 1 and core[0].isupper() and len(core[0]) > 1 and cut < 0
        ):
            kind = "org"
        elif cut >= 0 or roles or gender:
            kind = "person"
        elif any(w in lex.place_words for w in core):
            return None, first
        elif len(core) >= 2 and all(w[:1].isupper() and w[1:2].islower() or w.endswith(".") for w in core):
            kind = "name"  # most likely a person, but "London Motor Museum" looks the same
        else:
            kind = "unknown"
        entity = self._match(core, kind, acronym)
        if entity is None:
            name = self.text[toks[name_first].start : toks[last].end] if kind == "org" else " ".join(core)
            entity = Entity(name=name, kind=kind, words=core)
            self.entities.append(entity)
        else:
            if kind == "person" and entity.kind in ("unknown", "name"):
                entity.kind = "person"
            if len(core) > len(entity.words) and entity.kind != "org":
                entity.words = core
                entity.name = " ".join(core)
        if acronym:
            entity.roles.add("=" + acronym)
        if gender and not entity.gender:
            entity.gender = gender
        entity.roles |= roles
        self._record_apposition(toks, last, entity)
        return entity, name_first

    def _match(self, core: tuple[str, ...], kind: str, acronym: str | None) -> Entity | None:
        """The entity a name refers to: a person by surname (and first name, if both
        have one), an organisation by a subset of its words, or an acronym."""
        best = None
        last = core[-1]
        for entity in self.entities:
            if entity.words[-1] != last and entity.kind != "org" and kind != "org" and len(core) > 1:
                continue
            if len(core) == 1 and "=" + core[0] in entity.roles:
                return entity
            if kind == "org" or entity.kind == "org":
                if set(core) <= set(entity.words) and core[-1] == entity.words[-1]:
                    best = entity if best is None or entity.last_seen > best.last_seen else best
                elif set(entity.words) <= set(core) and core[-1] == entity.words[-1] and kind == "org":
                    best = entity if best is None or entity.last_seen > best.last_seen else best
                continue
            if core[-1].lower() != entity.words[-1].lower():
                continue
            if (
                len(core) == 1
                or len(entity.words) == 1
                or core[0] == entity.words[0]
                or core[0].rstrip(".") == entity.words[0][:1]
            ):
                if best is None or entity.last_seen > best.last_seen:
                    best = entity
        return best

    def _record_apposition(self, toks: list[Tok], last: int, entity: Entity) -> None:
        """ "Sean Spicer, chief strategist for the RNC," records the role "strategist"."""
        if last + 2 >= len(toks) or toks[last + 1].text != ",":
            return
        k = last + 2
        if toks[k].low in {"a", "an", "the"} or toks[k].low in {"former", "then"}:
            k += 1
        seen = 0
        while k < len(toks) and _is_lower_word(toks[k]) and seen < 4:
            if toks[k].low in self.lex.person_nouns:
                entity.roles.add(toks[k].low)
                g = self.lex.person_nouns[toks[k].low]
                if g and not entity.gender:
                    entity.gender = g
            k += 1
            seen += 1

    def _learn_genders(self) -> None:
        """Gender from the pronouns that follow a sentence whose subject is a person:
        "Trump said ... He added" makes Trump male (titles and roles already did)."""
        for index, mentions in enumerate(self.mentions):
            subject = next((m for m in mentions if m.subject), None)
            if subject is None or subject.entity.kind == "org":
                continue
            entity = subject.entity
            pronouns: list[str] = []
            if all(m.entity is entity or m.entity.kind == "org" for m in mentions):
                pronouns += [t.low for t in self.tokens[index][subject.last + 1 :]]
            if index + 1 < len(self.tokens):
                # the next sentence's subject: "Trump spoke. He said ..."
                following = [
                    t for t in self.tokens[index + 1] if _is_word(t) and t.low not in _CLAUSE_OPENERS
                ]
                if following:
                    pronouns.append(following[0].low)
            for p in pronouns:
                if p in ("he", "him", "his", "himself"):
                    entity.he += 1
                elif p in ("she", "her", "hers", "herself"):
                    entity.she += 1
        for entity in self.entities:
            if entity.gender is None and entity.kind != "org":
                if entity.he >= 1 and entity.he >= 3 * entity.she:
                    entity.gender = "male"
                elif entity.she >= 1 and entity.she >= 3 * entity.he:
                    entity.gender = "female"
            if entity.gender and entity.kind in ("unknown", "name"):
                entity.kind = "person"

    def note_subject(self, index: int) -> None:
        """Resolve the sentence's subject when it is a pronoun or a definite description
        ("He ...", "The tech boss ..."), so later pronouns can find who it is."""
        toks = self.tokens[index]
        k = 0
        while k < len(toks) and (toks[k].low in _CLAUSE_OPENERS or not _is_word(toks[k])):
            k += 1
        if k >= len(toks) or any(m.first <= k <= m.last for m in self.mentions[index]):
            return
        if (index, k) in self.resolved:
            entity = self.resolved[(index, k)]
            last = k
        elif toks[k].low in ("he", "she"):
            entity = self.resolve_pronoun(toks[k].low, index, k)
            last = k
        elif toks[k].low in _DEFINITE:
            np = _np_right(self, toks, k)
            if np is None:
                return
            last = np.last
            head = toks[last].low
            if not (head in self.lex.epithets or head.endswith("year-old")):
                return
            entity = self.resolve_description(head, self.lex.person_nouns.get(head), False, index, k)
        else:
            return
        if entity is None:
            return
        # What the sentence says of its subject tells us more about who it is.
        if entity.kind in ("unknown", "name"):
            entity.kind = "person"
        if entity.gender is None:
            if toks[k].low in ("he", "she"):
                entity.gender = "male" if toks[k].low == "he" else "female"
            elif not any(m.entity.kind != "org" for m in self.mentions[index] if m.first > last):
                rest = {t.low for t in toks[last + 1 :]}
                if rest & {"he", "his", "him"} and not rest & {"she", "her"}:
                    entity.gender = "male"
                elif rest & {"she", "her"} and not rest & {"he", "his", "him"}:
                    entity.gender = "female"
        entity.last_seen = index
        self.mentions[index].insert(0, Mention(entity, index, k, last, True))

    def subject_resolution(self, index: int) -> SubjectResolution | None:
        """The opening subject of sentence ``index`` resolved, when it is a personal
        pronoun ("He", "And she", "His"), a definite description the module resolves
        ("The tech boss", "the company", "The 52-year-old") or an "it"/"they" that the
        attribution rules already resolved to an organisation, and the resolution is
        confident. Call before :meth:`note_subject`; it leaves no trace in the model.
        """
        toks = self.tokens[index]
        k = 0
        while k < len(toks) and (toks[k].low in _CLAUSE_OPENERS or toks[k].text == ","):
            k += 1
        if k >= len(toks) or toks[k].quoted or not _is_word(toks[k]):
            return None
        sentence = self.sentences[index]
        opening = index
        while opening > 0 and self.sentences[opening - 1].paragraph == sentence.paragraph:
            opening -= 1
        previous = self.sentences[index - 1].text if index > opening else ""
        if _in_running_quote(self.text[self.sentences[opening].span[0] : sentence.span[1]]) or (
            previous[:1] in _OPEN_Q and _in_running_quote(previous)
        ):
            return None  # inside a quotation opened (or closed) in another sentence
        if any(m.first <= k <= m.last for m in self.mentions[index]):
            return None  # a name: nothing to resolve
        low = toks[k].low
        known = set(self.resolved)
        try:
            if low in ("he", "she", "his", "her"):
                pronoun = {"his": "he", "her": "she"}.get(low, low)
                entity = self.resolve_pronoun(pronoun, index, k)
                if entity is None or not self._sole_candidate(entity, _SUBJECT_PRONOUNS[pronoun], index, k):
                    return None
                return SubjectResolution(entity.name, toks[k].text, (toks[k].start, toks[k].end), "pronoun")
            if low in ("it", "they"):
                # Only what a cue already resolved ("It said", "They found"): after any
                # sentence, "it" or "they" may be a thing or an unnamed group.
                entity = self.resolved.get((index, k)) if (index, k) in known else None
                if entity is None or entity.kind != "org":
                    return None
                return SubjectResolution(entity.name, toks[k].text, (toks[k].start, toks[k].end), "pronoun")
            if low != "the":
                return None  # "This group", "That man": often someone never named
            np = _np_right(self, toks, k)
            if np is None or np.last == k or any(toks[j].quoted for j in range(k, np.last + 1)):
                return None
            name, resolved, span, entity = name_source(self, index, Source(k, np.last))
            if resolved is None or entity is None:
                return None
            head = toks[np.last].low
            if (head in self.lex.epithets or head.endswith("year-old")) and not any(head in e.roles for e in self.entities):
                # an epithet resolved by salience alone: sure only if no one else fits as well
                if not self._sole_candidate(entity, self.lex.person_nouns.get(head), index, k):
                    return None
            elif entity.kind == "org":
                if any(e is not entity and e.kind == "org" for _, e in self._nearest(entity, index, k, 2)):
                    return None
            return SubjectResolution(name, self.text[span[0] : span[1]], span, "description")
        finally:
            for key in [key for key in self.resolved if key not in known]:
                del self.resolved[key]  # leave attribution's own reading untouched

    def _nearest(self, entity: Entity, index: int, position: int, window: int):
        """The candidates of the sentence where ``entity`` is first found (within ``window``)."""
        found = None
        for s, candidate in self.candidates(index, position, window):
            if found is None and candidate is entity:
                found = s
            if found is not None:
                if s != found:
                    return
                yield s, candidate

    def _sole_candidate(self, entity: Entity, gender: str | None, index: int, position: int) -> bool:
        """Whether ``entity`` is the only person that fits, from the sentence where it was
        found up to this one: "Musk met Netanyahu. He said ..." is ambiguous, and so is
        "Kelly ... Mark Kelly volunteered. He ...". A pronoun also needs the entity's
        gender known and matching: a guess from salience alone is no name to print."""
        if gender in ("male", "female") and (
            entity.gender != gender or (entity.she if gender == "male" else entity.he)
        ):
            return False  # unknown, or the article's pronouns around it disagree
        if "(" in entity.name or any(e is not entity and e.words[-1] == entity.words[-1] for e in self.entities):
            return False  # "Washington (CNN)Hillary Clinton"; two Reynoldses
        if len(entity.words) == 1 and not entity.roles:
            return False  # "Tunisians", "Loveland": one bare word may be no person at all
        for s in range(index, max(-1, index - 5), -1):
            mentions = [m for m in self.mentions[s] if s != index or m.last < position]
            subjects = {id(m.entity) for m in mentions if m.subject}
            others = [e for e, _ in self.sources[s] if e is not None and s != index] + [m.entity for m in mentions]
            for other in others:
                if other is entity or other.kind == "org":
                    continue
                if gender in ("male", "female") and other.gender not in (None, gender):
                    continue
                if other.kind in ("person", "name") or other.gender or other.speaker or id(other) in subjects:
                    return False
            if any(m.entity is entity for m in mentions) or s != index and any(e is entity for e, _ in self.sources[s]):
                return True
            if s != index and self._unnamed_subject(s):
                return False  # "A shopkeeper ... said. He ...": the pronoun may be theirs
        return True

    def _unnamed_subject(self, index: int) -> bool:
        """Whether sentence ``index`` opens with an unnamed person ("A shopkeeper in ...")."""
        toks = self.tokens[index]
        k = 0
        while k < len(toks) and (toks[k].low in _CLAUSE_OPENERS or not _is_word(toks[k])):
            k += 1
        return any(t.low in self.lex.person_nouns for t in toks[k : k + 4]) and k < len(toks) and (
            toks[k].low in _DETERMINERS
        )

    # ---- resolution

    def entity_at(self, index: int, first: int, last: int) -> Entity | None:
        """The entity whose mention lies in tokens ``first..last`` of sentence ``index``."""
        best = None
        for m in self.mentions[index]:
            if first <= m.first and m.last <= last:
                best = m  # the last one: the head of "Musk's lawyer"-like phrases comes last
        return best.entity if best else None

    def candidates(self, index: int, before: int, window: int):
        """Entities by salience: this sentence (before ``before``), then earlier ones,
        the sources and subject of each sentence first."""
        for s in range(index, max(-1, index - window - 1), -1):
            ranked: list[Entity] = []
            for entity, _ in self.sources[s]:
                if entity is not None and s != index:
                    ranked.append(entity)
            mentions = [m for m in self.mentions[s] if s != index or m.last < before and m.salient]
            ranked += [m.entity for m in mentions if m.subject]
            ranked += [m.entity for m in mentions if not m.subject and m.salient]
            ranked += [m.entity for m in mentions if not m.salient]
            seen: set[int] = set()
            for entity in ranked:
                if id(entity) not in seen:
                    seen.add(id(entity))
                    yield s, entity

    def resolve_pronoun(self, word: str, index: int, position: int) -> Entity | None:
        """The entity a subject pronoun refers to (the nearest compatible one, sources and
        subjects of a sentence first), or None when unsure."""
        key = (index, position)
        if key in self.resolved:
            return self.resolved[key]
        kind = _SUBJECT_PRONOUNS.get(word.lower())
        found = None
        toks = self.tokens[index]
        if any(
            toks[k].low in self.lex.person_nouns and toks[k - 1].low in _DEFINITE for k in range(1, position)
        ):
            kind = None  # "When the pilot stepped out, he asked ...": an unnamed person is nearer
        if kind in ("male", "female"):
            for _, entity in self.candidates(index, position, 4):
                if entity.kind == "org":
                    continue
                if (
                    entity.gender == kind
                    or entity.gender is None
                    and (entity.kind == "person" or entity.kind in ("name", "unknown") and entity.speaker)
                ):
                    found = entity
                    break
        elif kind in ("plural", "neuter"):
            for _, entity in self.candidates(index, position, 2):
                if entity.kind == "org":
                    found = entity
                    break
                if (
                    kind == "plural"
                    and len(entity.words) == 1
                    and entity.words[0].endswith(("ans", "ats", "ists"))
                ):
                    found = entity  # "Republicans", "Democrats", "Socialists"
                    break
        self.resolved[key] = found
        return found

    def resolve_description(
        self, head: str, gender: str | None, orgish: bool, index: int, position: int, bare: bool = True
    ) -> Entity | None:
        """The entity a definite description ("the tech boss", "the company") refers to.
        ``bare``: the description is "the" and its noun only ("the group", not "the
        militant group")."""
        key = (index, position)
        if key not in self.resolved:
            self.resolved[key] = self._resolve_description(head, gender, orgish, index, position, bare)
        return self.resolved[key]

    def _resolve_description(
        self, head: str, gender: str | None, orgish: bool, index: int, position: int, bare: bool = True
    ) -> Entity | None:
        # A role the article gave someone: "Prime Minister Benjamin Netanyahu" ... "the prime minister".
        with_role = [e for e in self.entities if head in e.roles and e.last_seen <= index]
        if with_role:
            return max(with_role, key=lambda e: e.last_seen)
        if orgish:
            # "the university" is the one organisation named "... University"; "the company"
            # or "the group" the organisation just named, if any.
            named = [e for e in self.entities if e.kind == "org" and head in (w.lower() for w in e.words)]
            if named:
                return max(named, key=lambda e: e.last_seen)
            if head not in _GENERIC_ORG_NOUNS or not bare:
                # "the militant group" says what kind of group: the organisation named last
                # (a think tank quoted before, say) may be another kind, so no guess.
                return None
            for _, entity in self.candidates(index, position, 2):
                if entity.kind == "org":
                    return entity
            return None
        if head not in self.lex.epithets and not head.endswith("year-old"):
            return None  # "the spokesman", "the president": unnamed, or named nowhere near
        for _, entity in self.candidates(index, position, 4):
            if entity.kind == "org" or entity.kind == "unknown" and entity.gender is None:
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            return entity
        return None


# --------------------------------------------------------------------------- finding cues


class Cue(NamedTuple):
    """A cue found in a sentence: its token range, lemma and how its source is found."""

    first: int
    last: int  # inclusive
    lemma: str
    form: str  # "base" | "s" | "past" | "ing" | "according" | "colon" | "dash" | "to"


def _prev_word(toks: list[Tok], i: int) -> int:
    """Index of the token before ``i``, skipping adverbs and auxiliaries; -1 when none."""
    j = i - 1
    while j >= 0:
        t = toks[j]
        if (
            t.low in _AUX
            or t.low.endswith(("n't", "n’t"))
            or t.low in _ADVERBS
            or t.low.endswith("ly")
            and _is_lower_word(t)
            and t.low not in ("family", "ally", "rally", "italy")
        ):
            j -= 1
        else:
            break
    return j


def _is_headline(toks: list[Tok]) -> bool:
    """A title-case line: "Obama Says African-American Museum Will Tell of 'Suffering'"."""
    words = [t for t in toks if t.text[:1].isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(t.cap for t in words) >= 0.8 * len(words)


def find_cues(ctx: _Article, index: int) -> list[Cue]:
    """The cues in sentence ``index``, in order."""
    lex = ctx.lex
    toks = ctx.tokens[index]
    cues: list[Cue] = []
    n = len(toks)
    headline = _is_headline(toks)
    for i, t in enumerate(toks):
        low = t.low
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            cues.append(Cue(i, i + 1, "according to", "according"))
            continue
        entry = lex.cue_forms.get(low)
        # A capitalised cue is a verb only inside a title-case headline ("Graham Says").
        if (
            entry is None
            or t.cap
            and (i == 0 or not headline or toks[i - 1].text in _OPEN_Q or entry[1] not in ("s", "past"))
        ):
            continue
        lemma, form = entry
        prev = toks[i - 1] if i else None
        if prev is not None and (
            prev.low in _DETERMINERS
            and prev.low not in ("that", "all", "both", "one")
            or prev.low in ("’s", "'s")
            and form != "past"
            or prev.low in ("so", "-")
        ):
            continue  # a noun: "the report", "his claims", "so-called"
        last = i
        particle = lex.phrasal.get(lemma)
        if particle:
            if i + 1 < n and toks[i + 1].low == particle:
                last = i + 1
            else:
                continue
        if lemma in lex.speech_context and not _speech_follows(toks, last):
            continue  # "would add $84 billion", "Israel continued to pummel"
        if form in ("base", "s") and lemma in lex.noun_homographs and not headline:
            j = _prev_word(toks, i)
            before = toks[j] if j >= 0 else None
            aux = j < i - 1 and any(toks[k].low in _AUX for k in range(j + 1, i))
            if not aux and not (
                before is not None
                and (
                    before.low in _SUBJECT_PRONOUNS
                    or before.low in _RELATIVES
                    # a name or a noun, not an adjective: "Video shows", but "Initial reports"
                    or before.cap
                    and (any(m.first <= j <= m.last for m in ctx.mentions[index]) or _nounish(lex, before))
                    or before.low == "to"
                    or before.text == ","
                    and form == "s"
                    # "experts say", and "A Bloomberg poll shows that ..."
                    or _is_lower_word(before)
                    and before.low.endswith("s") == (form == "base")
                    and (form == "base" or _complement_follows(toks, last))
                )
            ):
                continue
            if (
                before is not None
                and before.cap
                and form == "base"
                and not aux
                and not before.low.endswith("s")
            ):
                continue  # "a Trump claim"
        if form == "base":
            j = _prev_word(toks, i)
            if j >= 0 and toks[j].low == "to":
                cues.append(Cue(i, last, lemma, "to"))
                continue
        cues.append(Cue(i, last, lemma, form))
    _headline_cues(ctx, index, cues)
    return cues


def _complement_follows(toks: list[Tok], last: int) -> bool:
    """Whether a clause or an object follows the cue ("shows that", "states:")."""
    if last + 1 >= len(toks):
        return False
    nxt = toks[last + 1]
    return nxt.low in ("that", "how", "why", "what", "whether") or nxt.text in ":," or nxt.text in _OPEN_Q


def _speech_follows(toks: list[Tok], last: int) -> bool:
    """Whether words are reported after the cue: a colon, a comma, a quotation, "that",
    or the end of the sentence ('"...," he added.')."""
    if last + 1 >= len(toks):
        return True
    nxt = toks[last + 1]
    return (
        nxt.text in ",.:;"
        or nxt.text in _OPEN_Q
        or nxt.text in _CLOSE_Q
        or nxt.low == "that"
        or nxt.cap
        and toks[last - 1].text in ","
    )


def _headline_cues(ctx: _Article, index: int, cues: list[Cue]) -> None:
    """Cues without a verb: a speaker's name and a colon opening a line ("Pence: Flowers
    won't be at debate", '"WALLACE: Let's start'), and a dash before a name closing a
    quotation ('"..." ― Sonya Herridge')."""
    toks = ctx.tokens[index]
    start = 1 if toks and toks[0].text in _OPEN_Q else 0
    k = start
    while (
        k < len(toks) and k - start < 5 and _is_word(toks[k]) and toks[k].cap and toks[k].low not in _FUNCTION
    ):
        k += 1
    if (
        start < k < len(toks) - 1
        and toks[k].text == ":"
        and not any(t.low in _HEADLINE_BLOCK for t in toks[start:k])
    ):
        cues.append(Cue(k, k, ":", "colon"))
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].text in _DASHES and (k == 0 or toks[k - 1].text in _CLOSE_Q):
            rest = toks[k + 1 :]
            if rest and rest[-1].text == ".":
                rest = rest[:-1]
            if rest and len(rest) <= 6 and all(t.cap or t.text in ".-" for t in rest):
                cues.append(Cue(k, k, toks[k].text, "dash"))
            break


# --------------------------------------------------------------------------- finding sources


class Source(NamedTuple):
    """A source phrase found for a cue: token range, and the entity it names if any."""

    first: int
    last: int
    relative: bool = False  # "who" / "which" / "that": the antecedent is first..last


def _nounish(lex: Lexicon, tok: Tok) -> bool:
    """A noun that heads sources: "spokesman", "company", "report", "officials"."""
    low = tok.low
    if low.endswith("s") and low[:-1] in lex.person_nouns:
        return True  # "officials", "sources"
    return low in lex.person_nouns or low in lex.org_nouns or low in lex.study_nouns or low in lex.titles


def _np_left(ctx: _Article, toks: list[Tok], j: int) -> Source | None:
    """The noun phrase that ends at token ``j`` (its head), scanning leftwards."""
    lex = ctx.lex
    head = toks[j]
    if head.text == ")":
        k = j - 1
        while k >= 0 and toks[k].text != "(":
            k -= 1
        if k <= 0:
            return None
        inner = _np_left(ctx, toks, k - 1)
        return Source(inner.first, j) if inner else None
    if head.low in _SUBJECT_PRONOUNS:
        return Source(j, j)
    if head.low in _BARE_SOURCES and (
        j == 0 or not _is_word(toks[j - 1]) or toks[j - 1].low in _BOUNDARY_WORDS
    ):
        return Source(j, j)  # "some note that ...", "someone asked"
    if not _is_word(head) or head.low in _FUNCTION or head.low in _NOT_MODIFIERS:
        return None
    if head.low in lex.time_words and not head.cap:
        return None
    if _is_lower_word(head) and (
        head.low in lex.cue_forms and lex.cue_forms[head.low][1] in ("past", "ing") or head.low.endswith("ly")
    ):
        return None
    k = j
    lowers = 0
    while k - 1 >= 0:
        p = toks[k - 1]
        if p.text in ("’s", "'s") and k - 2 >= 0 and _is_word(toks[k - 2]):
            if toks[k - 2].low in _SUBJECT_PRONOUNS:
                return None
            k -= 2
            continue
        if p.low in _DETERMINERS:
            if p.low == "that" and toks[k].cap:
                break  # "... that Trump said": a conjunction, not a determiner
            k -= 1
            # "a spokesman for the company", "Research from the Center": go on past the preposition
            if (
                k - 2 >= 0
                and toks[k - 1].low in _NP_LINK_PREPS
                and (
                    _nounish(lex, toks[k - 2])
                    or toks[k - 2].cap
                    and toks[k - 2].low not in _FUNCTION
                    and k - 2 > 0
                )
            ):
                k -= 1
                continue
            break
        if (
            _is_word(p)
            and p.cap
            and p.low not in _FUNCTION
            and not (p.low in lex.time_words and p.low != "may")
        ):
            if k - 1 == 0 and p.low in _CLAUSE_OPENERS:
                break
            k -= 1
            continue
        if (
            p.low in ("and", "&")
            and k - 2 >= 0
            and toks[k].cap
            and toks[k - 2].cap
            and toks[k - 2].low not in _FUNCTION
        ):
            k -= 1
            continue
        if (
            (
                p.low in _NP_LINK_PREPS
                or p.low == "on"
                and toks[k - 2].cap
                or p.low == "in"
                and toks[k - 2].low in lex.person_nouns
            )
            and k - 2 >= 0
            and _is_word(toks[k - 2])
            and toks[k - 2].low not in _FUNCTION
            and (toks[k].cap or toks[k].low in _DETERMINERS)
        ):
            if toks[k - 2].cap or _nounish(lex, toks[k - 2]):
                k -= 1
                continue
            break
        if (
            _is_lower_word(p)
            and p.low not in _FUNCTION
            and p.low not in _NOT_MODIFIERS
            and lowers < 3
            and p.low not in lex.time_words
        ):
            if (
                p.low.endswith(("ed", "ing"))
                and not (k - 2 >= 0 and toks[k - 2].low in _DETERMINERS)
                and p.low not in lex.person_nouns
            ):
                break
            if p.low in lex.cue_forms and not (
                lex.cue_forms[p.low][1] == "base" and lex.cue_forms[p.low][0] in lex.noun_homographs
            ):
                break
            if p.low.endswith("ly"):
                break
            k -= 1
            lowers += 1
            continue
        break
    # A bare lowercase noun is a source only when it looks like one ("officials", "police").
    if (
        k == j
        and _is_lower_word(head)
        and not (head.low.endswith("s") or _nounish(lex, head) or head.low in _BARE_SOURCES)
    ):
        return None
    return Source(k, j)


def _after_boundary(toks: list[Tok], first: int) -> bool:
    """Whether a subject starting at ``first`` starts a clause (so is not an object or
    a modifier: "of Republican claims", "a network Russia has financed")."""
    if first == 0:
        return True
    p = toks[first - 1]
    if (
        _is_lower_word(p)
        and p.low not in _FUNCTION
        and p.low not in _NOT_MODIFIERS
        and (
            first == 1
            or toks[first - 2].low in _BOUNDARY_WORDS
            or not _is_word(toks[first - 2])
            and toks[first - 2].text not in ("’s", "'s")
        )
    ):
        return True  # "retired Air Force general Lloyd Newton", "restructuring experts"
    return (
        not _is_word(p)
        and p.text not in ("’s", "'s")
        or p.text[:1].isdigit()
        or p.low in _BOUNDARY_WORDS
        or p.low in lexicon().time_words
        or p.low.endswith("ly")
        and _is_lower_word(p)
    )


def _np_right(ctx: _Article, toks: list[Tok], k: int) -> Source | None:
    """The noun phrase that starts at token ``k``, scanning rightwards."""
    lex = ctx.lex
    n = len(toks)
    if k >= n:
        return None
    first = toks[k]
    if first.low in _SUBJECT_PRONOUNS and first.low != "it":
        return Source(k, k)
    j = k
    if first.low in _DETERMINERS and first.low != "that" or first.low in ("his", "her", "its", "their"):
        j = k + 1
    if j >= n or not _is_word(toks[j]):
        return None
    last = None
    lowers = 0
    while j < n:
        t = toks[j]
        if t.text in ("’s", "'s") and last is not None:
            last = j
            j += 1
            continue
        if _is_word(t) and (t.cap and t.low not in _FUNCTION or t.text[:1].isdigit()):
            if t.low in lex.time_words and t.low != "may":
                break
            last = j
            j += 1
            continue
        if t.text == "(" and last is not None:
            close = next((c for c in range(j + 1, min(n, j + 6)) if toks[c].text == ")"), None)
            if close is None:
                break
            last = close
            j = close + 1
            continue
        if t.low in ("and", "&") and last is not None and j + 1 < n and toks[j + 1].cap and toks[last].cap:
            j += 1
            if toks[j].low == "the" and j + 1 < n and toks[j + 1].cap:
                j += 1  # "N12 and The Jerusalem Post"
            continue
        if (
            t.low in _NP_LINK_PREPS
            and last is not None
            and j + 1 < n
            and (toks[j + 1].cap or toks[j + 1].low in _DETERMINERS or _is_lower_word(toks[j + 1]))
            and toks[j + 1].low not in lex.time_words
        ):
            prev = toks[last]
            if (
                prev.text in lex.org_words
                or prev.low in lex.study_nouns
                or prev.low in lex.person_nouns
                or prev.low in lex.org_nouns
            ):
                j += 1
                if toks[j].low in _DETERMINERS:
                    j += 1
                continue
            break
        if _is_lower_word(t) and t.low not in _FUNCTION and lowers < 4 and not t.low.endswith("ly"):
            if t.low in lex.cue_forms and last is not None:
                break
            if (
                last is not None
                and toks[last].cap
                and not (_nounish(lex, t) or j + 1 < n and _nounish(lex, toks[j + 1]))
            ):
                break  # "Hillary Clinton needs ...": a verb after the name
            if t.low.endswith(("ed", "ing")) and last is not None and t.low not in lex.person_nouns:
                break
            if t.low in lex.time_words:
                break
            last = j
            lowers += 1
            j += 1
            continue
        break
    if last is None:
        return None
    while last > k and toks[last].low in ("and", "of", "for", "at", "from", "the"):
        last -= 1
    return Source(k, last)


def _ends_clause(toks: list[Tok], j: int) -> bool:
    """Whether the phrase that ends at token ``j`` ends its clause: '..., said Smith.'"""
    if j + 1 >= len(toks):
        return True
    nxt = toks[j + 1]
    return (
        nxt.text in ",.;:!?()"
        or nxt.text in _CLOSE_Q
        or nxt.text in _DASHES
        or nxt.text in _OPEN_Q
        or nxt.low
        in (
            "of",
            "for",
            "in",
            "on",
            "at",
            "during",
            "after",
            "before",
            "when",
            "while",
            "as",
            "who",
            "from",
            "to",
            "last",
            "this",
            "earlier",
            "later",
            "recently",
            "today",
            "yesterday",
        )
        or nxt.low in lexicon().time_words
        and nxt.cap
    )


def _skip_apposition_left(toks: list[Tok], j: int) -> int | None:
    """For "X, a spokesman for Y, said", the index of X's last token (j is the comma)."""
    k = j - 1
    be = False
    while k >= 0 and toks[k].text not in (",", "“", "”", '"', ";", ":"):
        be = be or toks[k].low in _BE
        k -= 1
    if k <= 0 or toks[k].text != "," or k == j - 1:
        return None
    inner = toks[k + 1]
    if be and inner.low not in _RELATIVES:
        return None
    if not (
        inner.low in _DETERMINERS
        or inner.low in _RELATIVES
        or inner.cap
        or _is_lower_word(inner)
        or inner.text[:1].isdigit()
    ):
        return None
    if toks[k - 1].text in _CLOSE_Q or not _is_word(toks[k - 1]) and toks[k - 1].text != ")":
        return None
    return k - 1


def _clause_subject(ctx: _Article, toks: list[Tok], before: int) -> Source | None:
    """The subject of the sentence's main clause, for a participle cue ("..., saying"):
    the first noun phrase, at the start or after a comma, that a verb follows."""
    k = 0
    while k < before and (toks[k].low in _CLAUSE_OPENERS or not _is_word(toks[k])):
        k += 1
    starts = [k] + [c + 1 for c in range(k, before) if toks[c].text == "," and not toks[c].quoted]
    for k in starts:
        if k >= before or toks[k].quoted or toks[k].low in _SUBORDINATORS or toks[k].low in _CLAUSE_OPENERS:
            continue
        np = _np_right(ctx, toks, k)
        if np is not None and np.last < before and _verb_follows(toks, np, before):
            return np
    return None


def _verb_follows(toks: list[Tok], np: Source, before: int) -> bool:
    """Whether a verb (or an apposition, then a verb) follows a subject noun phrase."""
    k = np.last + 1
    while k < len(toks) and (
        toks[k].low in _ADVERBS or toks[k].low.endswith("ly") and _is_lower_word(toks[k])
    ):
        k += 1
    nxt = toks[k] if k < len(toks) else None
    if nxt is None or not (_verbish(nxt) or nxt.text == "," or nxt.low in ("and", "or", "in", "on", "at")):
        return False
    if np.first == np.last and toks[np.first].low.endswith(_DEMONYM_ENDINGS) and _is_lower_word(nxt):
        return False  # "Australian band Men at Work ...": an adjective
    if nxt.text == ",":  # "Clinton, the former secretary of State, stressed ..."
        return _skip_apposition_right(toks, k, before) is not None
    return True


def _verbish(tok: Tok) -> bool:
    """A lowercase word that can be a finite verb: "exhorted", "says", "has", "will"."""
    low = tok.low
    return _is_lower_word(tok) and low not in _FUNCTION and not _nounish(lexicon(), tok) or low in _AUX


def _skip_apposition_right(toks: list[Tok], comma: int, before: int) -> int | None:
    """The comma closing an apposition that opens at ``comma``, if it closes before ``before``."""
    for c in range(comma + 1, before):
        if toks[c].text == ",":
            return c if c + 1 < len(toks) and _is_lower_word(toks[c + 1]) else None
        if toks[c].text in _CLOSE_Q or toks[c].text in _OPEN_Q:
            return None
    return None


def find_source(ctx: _Article, index: int, cue: Cue, found: list[tuple[Cue, Source]]) -> Source | None:
    """The source phrase of ``cue`` in sentence ``index``, or None."""
    lex = ctx.lex
    toks = ctx.tokens[index]
    n = len(toks)
    if cue.form == "according":
        return _np_right(ctx, toks, cue.last + 1)
    if cue.form == "colon":
        return Source(1 if toks[0].text in _OPEN_Q else 0, cue.first - 1)
    if cue.form == "dash":
        return _np_right(ctx, toks, cue.first + 1)
    j = _prev_word(toks, cue.first)
    passive = any(toks[k].low in _BE for k in range(j + 1, cue.first)) or (
        j >= 0 and toks[j].low in ("get", "got", "gets", "getting")
    )
    if cue.form == "ing":
        if passive:  # "is saying": progressive, so active
            return _subject_left(ctx, toks, j)
        prev = toks[cue.first - 1] if cue.first else None
        if prev is None or prev.low not in _PARTICIPLE_LEADS:
            return None
        # The participle's subject is the main clause's: a closing "..., police said,
        # adding ...", else the sentence's subject, else the first source found.
        for other, src in found:
            if _closes_sentence(toks, other, src):
                return src
        subject = _clause_subject(ctx, toks, cue.first)
        if subject is not None:
            return subject
        return next((src for _, src in found if not src.relative), None)
    if cue.form == "to":
        np = _np_left(ctx, toks, j - 1) if j >= 1 else None
        if np is not None and np.first > 0 and toks[np.first - 1].low in _CONTROL_VERBS:
            return np
        return None
    if passive and cue.form == "past":
        if cue.last + 1 < n and toks[cue.last + 1].low == "by":
            return _np_right(ctx, toks, cue.last + 2)
        return None
    # Inverted: '"...," said Smith' and ', reports N12'.
    if cue.lemma in lex.invertible and cue.form in ("past", "s", "base") and cue.first > 0:
        prev = toks[cue.first - 1]
        if prev.text in (",", ":") or prev.text in _CLOSE_Q or prev.text in _DASHES:
            right = _np_right(ctx, toks, cue.last + 1)
            if (
                right is not None
                and _ends_clause(toks, right.last)
                and (
                    any(t.cap for t in toks[right.first : right.last + 1])
                    or toks[right.first].low in _DETERMINERS
                    or toks[right.first].low in _SUBJECT_PRONOUNS
                )
            ):
                return right
    if j >= 0 and toks[j].low in ("and", "but", "or"):
        if found:
            return found[-1][1]
        if cue.form == "base":
            return None  # "needs to sell herself and tell": an infinitive
        return _clause_subject(ctx, toks, j)
    src = _subject_left(ctx, toks, j)
    if src is not None and not src.relative and not _after_boundary(toks, src.first):
        return None
    return src


def _subject_left(ctx: _Article, toks: list[Tok], j: int) -> Source | None:
    if j < 0:
        return None
    # time phrases between subject and verb: "Trump on Monday said", "who in 2010 said"
    k = j
    while (
        k >= 0
        and (
            toks[k].low in ctx.lex.time_words
            or toks[k].low in ("on", "in", "at", "this", "last", "early", "late")
            or toks[k].text.isdigit()
        )
        and toks[k].low not in _SUBJECT_PRONOUNS
    ):
        k -= 1
    if k != j and k >= 0 and toks[k].text != ",":
        j = _prev_word(toks, k + 1)
        if j < 0:
            return None
    t = toks[j]
    if t.low in _RELATIVES:
        k = j - 1
        if k >= 0 and (toks[k].text == "," or toks[k].text in _DASHES):
            k -= 1
        np = _np_left(ctx, toks, k) if k >= 0 else None
        if np is None:
            return None
        return Source(np.first, np.last, relative=True) if t.low != "that" or k == j - 1 else None
    if t.text == ",":
        x = _skip_apposition_left(toks, j)
        if x is not None and toks[x + 1].text == ",":
            # "The state's campaign chairman, Phil Lovas, said": the name between the commas
            inner = _np_left(ctx, toks, j - 1)
            if (
                inner is not None
                and inner.first == x + 2
                and all(t.cap or not _is_word(t) for t in toks[inner.first : inner.last + 1])
            ):
                desc = _np_left(ctx, toks, x)
                if desc is not None and (
                    toks[desc.first].low in _DETERMINERS
                    or _is_lower_word(toks[desc.first])
                    or _nounish(ctx.lex, toks[desc.last])
                ):
                    return inner
        for _ in range(3):
            if x is None:
                return None
            np = _np_left(ctx, toks, x)
            if np is None:
                return None
            # "Angelique Brunner, a developer ..., which is ..., said" and "A man in
            # Montabaur, Germany, who ..., said": skip the inner apposition too.
            inner_apposition = (
                toks[np.first].low in _DETERMINERS
                or _is_lower_word(toks[np.first])
                or toks[np.first].text.isdigit()
            )
            place = np.first == np.last and np.first >= 2 and toks[np.first - 2].cap
            if np.first > 1 and toks[np.first - 1].text == "," and (inner_apposition or place):
                x = _skip_apposition_left(toks, np.first - 1)
                if x is None:
                    # "Patricia Pendelton, 41, a nurse ..., said": the name opens the sentence
                    before = _np_left(ctx, toks, np.first - 2)
                    return before if before is not None and before.first == 0 else np
                continue
            return np
        return None
    if t.text in _DASHES:
        k = j - 1
        while k >= 0 and toks[k].text not in _DASHES:
            k -= 1
        if k > 0:
            return _np_left(ctx, toks, k - 1)
        return None
    return _np_left(ctx, toks, j)


# --------------------------------------------------------------------------- naming sources


def name_source(ctx: _Article, index: int, src: Source) -> tuple[str, str | None, Span, Entity | None]:
    """The source's name, its ``resolved_from`` words, its span, and its entity."""
    lex = ctx.lex
    toks = ctx.tokens[index]
    words = toks[src.first : src.last + 1]
    span = (words[0].start, words[-1].end)
    text = ctx.text[span[0] : span[1]]
    if src.relative:
        rel = toks[src.last + 1] if toks[src.last + 1].low in _RELATIVES else toks[src.last + 2]
        name, _, _, entity = name_source(ctx, index, Source(src.first, src.last))
        return name, rel.text, (rel.start, rel.end), entity
    if len(words) == 1 and words[0].low in _SUBJECT_PRONOUNS:
        entity = ctx.resolve_pronoun(words[0].low, index, src.first)
        if entity is None:
            return text, None, span, None
        return entity.name, text, span, entity
    # "Musk's response", "His statement": the owner of a speech act is the source.
    for k in range(src.first, src.last + 1):
        if toks[k].text in ("’s", "'s") and toks[src.last].low in lex.keep_possessor:
            owner = Source(src.first, k - 1)
            if toks[src.first].low in _DETERMINERS and toks[src.first].low != "the":
                break
            name, resolved, _, entity = name_source(ctx, index, owner)
            return name, (text if resolved else None), span, entity
    if words[0].low in ("his", "her", "their", "its") and toks[src.last].low in lex.keep_possessor:
        entity = ctx.resolve_pronoun(
            {"his": "he", "her": "she", "their": "they", "its": "it"}[words[0].low], index, src.first
        )
        if entity is not None:
            return entity.name, text, span, entity
        return text, None, span, None
    # "Research from the Center for ... (CCDH)": the study's author is the source.
    for k in range(src.first, src.last):
        if (
            (k == src.first or _is_lower_word(toks[k]))
            and (toks[k].low in lex.study_nouns or toks[k].low in lex.keep_possessor)
            and toks[k + 1].low in ("from", "by")
            and k + 2 <= src.last
        ):
            if any(t.cap for t in toks[k + 2 : src.last + 1]):
                name, _, inner_span, entity = name_source(ctx, index, Source(k + 2, src.last))
                if entity is None or entity.kind == "org":
                    name = ctx.text[inner_span[0] : inner_span[1]]  # as written: "the Center for ..."
                return name, None, inner_span, entity
            break
    entity = ctx.entity_at(index, src.first, src.last)
    if entity is not None:
        m = next(
            m
            for m in ctx.mentions[index]
            if m.entity is entity and src.first <= m.first and m.last <= src.last
        )
        if m.last == src.last or toks[src.last].text == ")":
            # The phrase ends with the name: "minister Shlomo Karhi", "Mr. Obama".
            if entity.kind == "org":
                return text, None, span, entity
            if any(
                toks[k].low in _DETERMINERS and toks[k].low not in ("the",) for k in range(src.first, m.first)
            ):
                return text, None, span, entity
            return entity.name, None, span, entity
        if m.last + 1 < len(toks) and toks[m.last + 1].text in ("’s", "'s"):
            entity = None  # "Clinton's campaign": a description headed by "campaign"
        elif toks[src.last].low in ("and",):
            entity = None
    # A definite description: "The tech boss", "the 52-year-old", "the company".
    if words[0].low in _DEFINITE and len(words) >= 2:
        head = words[-1].low
        gender = lex.person_nouns.get(head)
        person = head in lex.person_nouns or head.endswith("year-old") or head in lex.titles
        orgish = head in lex.org_nouns and head not in ("giant",)
        if head == "giant" or (person and orgish):
            # "giant" is a company or a person: "his"/"its" later in the sentence decides.
            rest = [t.low for t in toks[src.last + 1 :]]
            if "his" in rest or "him" in rest or "her" in rest:
                person, orgish = True, False
                gender = "male" if ("his" in rest or "him" in rest) else "female"
            else:
                person, orgish = False, True
        if orgish and any(t.cap for t in words[1:]):
            orgish = False  # "the French government" names itself: no guess
        if person or orgish:
            entity = ctx.resolve_description(head, gender, orgish, index, src.first, bare=len(words) == 2)
            if entity is not None:
                return entity.name, text, span, entity
        return text, None, span, None
    return text, None, span, None


# --------------------------------------------------------------------------- the stage


def attribute(article: Article, sentences: tuple[Sentence, ...]) -> tuple[tuple[Attribution, ...], ...]:
    """For every sentence, the attributions found in it (possibly none).

    Each attribution found in a sentence has one source; a sentence may have several
    (``"...," she said, adding ...``), the one outside any quotation first. Sentences
    that only continue a quotation carry over the attribution that introduced it.
    """
    return attribute_with_subjects(article, sentences)[0]


def attribute_with_subjects(
    article: Article, sentences: Sequence[Sentence]
) -> tuple[tuple[tuple[Attribution, ...], ...], tuple[SubjectResolution | None, ...]]:
    """:func:`attribute` and :func:`resolve_subjects` in one pass over the article (the
    subjects need the same model, in the same state): the pipeline's way in."""
    ctx = _Article(article, sentences)
    result: list[list[Attribution]] = []
    subjects: list[SubjectResolution | None] = []
    quote_owner: dict[int, Attribution] = {}
    for index, sentence in enumerate(sentences):
        toks = ctx.tokens[index]
        found: list[tuple[Cue, Source]] = []
        attributions: list[tuple[tuple[bool, bool, int], Attribution]] = []
        for cue in find_cues(ctx, index):
            if toks[cue.first].quoted and cue.form != "colon":
                continue  # words inside a quotation belong to its speaker
            src = find_source(ctx, index, cue, found)
            if src is None:
                continue
            if src.first <= cue.first <= src.last and cue.form != "colon":
                continue  # a cue word inside its own source phrase
            found.append((cue, src))
            name, resolved, source_span, entity = name_source(ctx, index, src)
            ctx.sources[index].append((entity, name))
            if entity is not None:
                entity.speaker = True
            cue_span = (toks[cue.first].start, toks[cue.last].end)
            cue_text = ctx.text[cue_span[0] : cue_span[1]]
            cue_text, cue_span = _extend_cue(ctx, toks, cue, cue_text, cue_span)
            # The attribution of the whole sentence comes first: the one outside any
            # quotation, and a closing '..., police said.' before one inside the content.
            rank = (toks[cue.first].quoted, not _closes_sentence(toks, cue, src), cue.first)
            attributions.append(
                (
                    rank,
                    Attribution(
                        source=name,
                        cue=cue_text,
                        resolved_from=resolved,
                        source_span=source_span,
                        cue_span=cue_span,
                    ),
                )
            )
        final = _with_quotes(ctx, sentence, attributions)
        if not any(not _inside(sentence, a) for a in final):
            carried = _carry_over(ctx, index, result, quote_owner)
            if carried is not None:
                final = [carried, *final]
        for a in final:
            if a.quote is not None:
                for qid in sentence.quotation_ids:
                    quote_owner.setdefault(qid, a)
        result.append(final)
        subjects.append(ctx.subject_resolution(index))
        ctx.note_subject(index)
    _carry_back(ctx, result)
    return tuple(tuple(attrs) for attrs in result), tuple(subjects)


def _in_running_quote(text: str) -> bool:
    """Whether the sentence is part of a quotation opened or closed in another one.

    >>> _in_running_quote('He is family."')
    True
    >>> _in_running_quote('He said: “No.”')
    False
    """
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def resolve_subjects(article: Article, sentences: tuple[Sentence, ...]) -> tuple[SubjectResolution | None, ...]:
    """For every sentence, its opening subject resolved to a name, or None.

    A subject counts when it opens the sentence (after "And", "But", "However," ...),
    lies outside any quotation and is a personal pronoun (he, she, his, her) whose
    referent is the only person that fits nearby, a definite description the
    attribution rules resolve ("The tech boss", "the company", "The 52-year-old"), or
    an "it"/"they" already resolved to an organisation as a source. When unsure: None.
    :func:`attribute_with_subjects` gives these and the attributions in one pass.
    """
    return attribute_with_subjects(article, sentences)[1]


def _inside(sentence: Sentence, a: Attribution) -> bool:
    if a.cue_span is None:
        return False
    return any(s <= a.cue_span[0] and a.cue_span[1] <= e for s, e in sentence.quote_spans)


def _extend_cue(ctx: _Article, toks: list[Tok], cue: Cue, text: str, span: Span) -> tuple[str, Span]:
    """ "said in a statement": the setting of a speech act is part of its cue."""
    k = cue.last + 1
    if cue.form in ("colon", "dash", "according") or k + 1 >= len(toks) or toks[k].low != "in":
        return text, span
    k += 1
    if k < len(toks) and toks[k].low in ("a", "an", "the", "his", "her", "their", "its"):
        k += 1
    for setting in ctx.lex.settings:
        end = k + len(setting)
        if end <= len(toks) and tuple(t.low for t in toks[k:end]) == setting:
            new = (span[0], toks[end - 1].end)
            return ctx.text[new[0] : new[1]], new
    return text, span


def _closes_sentence(toks: list[Tok], cue: Cue, src: Source) -> bool:
    """Whether cue and source come after the sentence's last comma: "..., police said."."""
    if cue.form in ("ing", "to", "colon") or min(cue.first, src.first) < 3:
        return False
    start = min(cue.first, src.first)
    return toks[start - 1].text == "," or toks[start - 1].text in _CLOSE_Q and toks[start - 2].text == ","


def _with_quotes(
    ctx: _Article, sentence: Sentence, found: list[tuple[tuple[bool, bool, int], Attribution]]
) -> list[Attribution]:
    """Order the attributions (see ``attribute``) and give the sentence's quotation to the
    nearest one outside it."""
    found.sort(key=lambda f: f[0])
    attrs = [a for _, a in found]
    if not sentence.quote_spans:
        return attrs
    longest = max(sentence.quote_spans, key=lambda s: s[1] - s[0])
    quote = ctx.text[longest[0] : longest[1]].strip().rstrip(",").rstrip()
    if not quote:
        return attrs
    best, distance = None, None
    for k, a in enumerate(attrs):
        if _inside(sentence, a) or a.cue_span is None:
            continue
        d = min(abs(a.cue_span[0] - longest[1]), abs(longest[0] - a.cue_span[1]))
        if distance is None or d < distance:
            best, distance = k, d
    if best is not None:
        attrs[best] = Attribution(**{**attrs[best].__dict__, "quote": quote})
    return attrs


def _quote_only(sentence: Sentence, text: str) -> bool:
    """Whether every word of the sentence lies inside its quotations."""
    if not sentence.quote_spans:
        return False
    outside = []
    pos = sentence.span[0]
    for s, e in sorted(sentence.quote_spans):
        outside.append(text[pos:s])
        pos = e
    outside.append(text[pos : sentence.span[1]])
    return not any(ch.isalnum() for ch in "".join(outside))


def _carry_over(
    ctx: _Article, index: int, result: list[list[Attribution]], quote_owner: dict[int, Attribution]
) -> Attribution | None:
    """The attribution a sentence inherits from the one before it, if any."""
    sentence = ctx.sentences[index]
    if not sentence.quote_spans:
        return None
    quote = _sentence_quote(ctx.text, sentence)
    for qid in sentence.quotation_ids:
        owner = quote_owner.get(qid)
        if owner is not None:
            return _carried(owner, quote)
    if not _quote_only(sentence, ctx.text) or index == 0 or not result[index - 1]:
        return None
    prev_sentence = ctx.sentences[index - 1]
    prev = next((a for a in result[index - 1] if not _inside(prev_sentence, a)), None)
    if prev is None:
        return None
    introduced = prev.quote is not None or prev.carried_over or prev_sentence.text.rstrip().endswith(":")
    if not introduced or sentence.paragraph - prev_sentence.paragraph > 1:
        return None
    return _carried(prev, quote)


def _carried(owner: Attribution, quote: str | None) -> Attribution:
    return Attribution(
        source=owner.source,
        cue=owner.cue,
        quote=quote,
        resolved_from=owner.resolved_from,
        source_span=None,
        cue_span=None,
        carried_over=True,
    )


def _carry_back(ctx: _Article, result: list[list[Attribution]]) -> None:
    """Give an attribution to the quotation before it: '"A. B," he said.' (one quotation
    over two sentences), '"...?" ¶ she said.' (a sentence the splitter cut after the
    quotation) and '"..." ― Sonya Herridge'."""
    sentences = ctx.sentences
    for index in range(len(sentences) - 1, 0, -1):
        owner = next((a for a in result[index] if not a.carried_over), None)
        if owner is None:
            continue
        sentence = sentences[index]
        ids = set(sentence.quotation_ids) if owner.quote is not None else set()
        closing = sentence.text[:1].islower() or sentence.text[:1] in _DASHES
        k = index - 1
        while k >= 0 and not result[k] and sentences[k].quote_spans:
            shared = bool(ids & set(sentences[k].quotation_ids))
            if not shared and not (
                closing
                and _quote_only(sentences[k], ctx.text)
                and sentences[k].paragraph == sentence.paragraph
            ):
                break
            result[k] = [_carried(owner, _sentence_quote(ctx.text, sentences[k]))]
            k -= 1


def _sentence_quote(text: str, sentence: Sentence) -> str | None:
    """The longest quoted passage of a sentence, without a trailing comma."""
    if not sentence.quote_spans:
        return None
    start, end = max(sentence.quote_spans, key=lambda span: span[1] - span[0])
    return text[start:end].strip().rstrip(",").rstrip() or None
