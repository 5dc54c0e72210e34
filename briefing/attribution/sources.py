"""Sources: who each cue attributes its words to, and the name they are given.

:func:`find_source` finds the source phrase of a cue: the subject on its left
(``Musk said``, ``a White House spokesperson accused``, over an apposition: ``Sean
Spicer, a spokesman ..., said``), the noun phrase after it when the order is inverted
(``"...," said Musk``, ``..., reports N12``), after ``according to`` or a passive ``by``,
the object of a verb like "prompted" before an infinitive (``prompted minister Shlomo
Karhi to warn``), or the subject of the main clause for a participle (``..., claiming
...``). :func:`name_source` names it: the fullest form of a name the article uses, or
the person or organisation a pronoun or description resolves to (see
:mod:`briefing.attribution.resolve`).
"""

from __future__ import annotations

from ..models import Span
from .cues import Cue
from .entities import ArticleEntities, Entity
from .lexicon import (
    BE, CLAUSE_OPENERS, CLOSE_Q, CONTROL_VERBS, DASHES, DEFINITE, DETERMINERS, FUNCTION_WORDS, OPEN_Q,
    PARTICIPLE_LEADS, RELATIVES, SUBJECT_PRONOUNS,
)
from .phrases import (
    Source, after_boundary, clause_subject, ends_clause, np_left, np_right, skip_apposition_left,
)
from .resolve import resolve_description, resolve_pronoun, sole_candidate, sole_organisation
from .tokens import Tok, is_lower_word, is_word, nounish, prev_word
from .whole import whole_phrase


Named = tuple[str, str | None, Span, Entity | None]  # name, resolved_from, span, entity

_BE_NOT = frozenset({"isn't", "isn’t", "wasn't", "wasn’t", "aren't", "aren’t", "weren't", "weren’t"})

# Words that open another clause, with a subject of its own, between two cues joined by "and".
_CLAUSE_LINKS = frozenset(
    {"when", "which", "who", "whom", "because", "after", "before", "while", "if", "until", "where", "since"}
)


def find_source(ctx: ArticleEntities, index: int, cue: Cue, found: list[tuple[Cue, Source]]) -> Source | None:
    """The source phrase of ``cue`` in sentence ``index``, as a whole phrase, or None.
    ``found``: the cues and sources found before it in the sentence."""
    src = _find_source(ctx, index, cue, found)
    if src is None or cue.form == "colon":
        return src
    return whole_phrase(ctx, index, src)


def _find_source(ctx: ArticleEntities, index: int, cue: Cue, found: list[tuple[Cue, Source]]) -> Source | None:
    toks = ctx.tokens[index]
    n = len(toks)
    if cue.form == "according":
        return np_right(ctx, toks, cue.last + 1)
    if cue.form == "colon":
        return Source(1 if toks[0].text in OPEN_Q else 0, cue.first - 1)
    if cue.form == "dash":
        return np_right(ctx, toks, cue.first + 1)
    j = prev_word(toks, cue.first)
    passive = any(toks[k].low in BE or toks[k].low in _BE_NOT for k in range(j + 1, cue.first)) or (
        j >= 0 and toks[j].low in ("get", "got", "gets", "getting")
    )
    if cue.form == "ing":
        if passive:  # "is saying": progressive, so active
            return _subject_left(ctx, toks, j)
        return _participle_source(ctx, toks, cue, found)
    if cue.form == "to":
        if cue.lemma not in ctx.lex.speech:
            return None  # "asked other users to find him": a task, not words reported
        np = np_left(ctx, toks, j - 1) if j >= 1 else None
        if np is not None and np.first > 0 and toks[np.first - 1].low in CONTROL_VERBS:
            return np
        return None
    if passive and cue.form == "past":
        if cue.lemma == "find" and j >= 0 and toks[j].low in SUBJECT_PRONOUNS:
            return None  # "she was found by her boyfriend": found, not a finding
        if cue.last + 1 < n and toks[cue.last + 1].low == "by":
            return np_right(ctx, toks, cue.last + 2)
        return None
    right = _inverted_source(ctx, toks, cue)
    if right is not None:
        return right
    if j >= 0 and toks[j].low in ("and", "but", "or"):
        if found and found[-1][0].form == "according":
            found = []  # "..., according to their attorneys, and said ...": the clause's subject speaks
        between = toks[found[-1][0].last + 1 : j] if found else toks[1:j]
        if any(t.low in _CLAUSE_LINKS and not t.quoted for t in between):
            # another clause came between: "when my mother mentioned ..., I laughed and
            # said", "... was identified after a Twitter user spotted the photos and asked":
            # the subject of the verb before "and", if it has one
            return _subject_of_verb_before(ctx, toks, j)
        if found:
            return found[-1][1]
        if cue.form == "base":
            return None  # "needs to sell herself and tell": an infinitive
        return clause_subject(ctx, toks, j)
    src = _subject_left(ctx, toks, j)
    if src is not None and not src.relative and not after_boundary(toks, src.first):
        return _over_prepositions(ctx, toks, src)
    if (
        src is not None
        and not src.relative
        and src.first >= 3
        and is_lower_word(toks[src.first - 1])
        and toks[src.first - 1].low not in FUNCTION_WORDS
        and toks[src.first - 2].low in ("who", "that", "which")
    ):
        # "Tory MPs who oppose the plan said": the plan is the object of the relative
        # clause; its antecedent speaks
        k = src.first - 3
        if toks[k].text == ",":
            k -= 1
        return np_left(ctx, toks, k) if k >= 0 else None
    return src


def _over_prepositions(ctx: ArticleEntities, toks: list[Tok], src: Source) -> Source | None:
    """The whole subject when the phrase found is the object of a preposition inside it:
    "The owners of the Red Lion pub in Bath said", "Residents of the village of Little
    Snoring told"; None when the phrase does not start a clause even so."""
    for _ in range(3):
        k = src.first - 1
        if k < 1 or toks[k].low not in ("in", "at", "of", "from", "near", "on", "for"):
            return None
        noun = toks[k - 1]
        if not (noun.cap or nounish(ctx.lex, noun) or is_lower_word(noun) and not noun.low.endswith(("ed", "ing"))):
            return None  # "car based on the platform": a participle, not a noun the preposition follows
        head = np_left(ctx, toks, k - 1)
        if head is None:
            return None
        src = Source(head.first, src.last)
        if after_boundary(toks, src.first):
            return src
    return None


def _subject_of_verb_before(ctx: ArticleEntities, toks: list[Tok], j: int) -> Source | None:
    """The subject of the clause whose verb "and" at token ``j`` continues: of the
    past-tense verb just before it, or the phrase after the word that opened the clause
    ("after a Twitter user spotted the photos and asked"); None when unsure."""
    verb = toks[j - 1] if j >= 1 else None
    if verb is not None and is_lower_word(verb) and verb.low.endswith("ed"):
        src = _subject_left(ctx, toks, prev_word(toks, j - 1))
        return src if src is not None and after_boundary(toks, src.first) else None
    # "after a Twitter user spotted the photos and asked": the subject after the link word
    link = max((k for k in range(j) if toks[k].low in _CLAUSE_LINKS and not toks[k].quoted), default=None)
    if link is None or toks[link].low in ("who", "whom", "which"):
        return None
    src = np_right(ctx, toks, link + 1)
    if src is None or src.last + 1 >= j or not (
        toks[src.last + 1].text == "," or is_lower_word(toks[src.last + 1]) and toks[src.last + 1].low.endswith("ed")
    ):
        return None
    return src


def _participle_source(
    ctx: ArticleEntities, toks: list[Tok], cue: Cue, found: list[tuple[Cue, Source]]
) -> Source | None:
    """The source of a participle cue after a comma or a conjunction ("..., saying"): the
    main clause's subject, which is a closing "..., police said, adding ...", else the
    sentence's subject, else the first source found."""
    prev = toks[cue.first - 1] if cue.first else None
    if prev is None or prev.low not in PARTICIPLE_LEADS:
        return None
    for other, src in found:
        if closes_sentence(toks, other, src):
            return src
    subject = clause_subject(ctx, toks, cue.first)
    if subject is not None:
        return subject
    return next((src for _, src in found if not src.relative), None)


def _inverted_source(ctx: ArticleEntities, toks: list[Tok], cue: Cue) -> Source | None:
    """The subject after an inverted cue: '"...," said Smith' and ', reports N12'."""
    if cue.lemma in ctx.lex.invertible and cue.form in ("past", "s", "base") and cue.first > 0:
        prev = toks[cue.first - 1]
        if prev.text in (",", ":") or prev.text in CLOSE_Q or prev.text in DASHES:
            right = np_right(ctx, toks, cue.last + 1)
            if (
                right is not None
                and ends_clause(toks, right.last)
                and not (right.last + 1 < len(toks) and toks[right.last + 1].text in OPEN_Q)
                and _names_someone(ctx, toks, right)
            ):
                return right
    return None


def _names_someone(ctx: ArticleEntities, toks: list[Tok], src: Source) -> bool:
    """Whether a phrase after an inverted cue can be who spoke: a pronoun, or a phrase
    whose head is a name or a noun for a person, organisation or study ('..., said Smith',
    '..., said the company'), not the object of a verb ('..., said the event brought back
    memories', '..., noted the rule', ', said North Korea's latest "provocation')."""
    head = toks[src.last]
    if src.first == src.last and head.low in SUBJECT_PRONOUNS:
        return True
    return (head.cap and head.low not in ctx.lex.time_words) or nounish(ctx.lex, head) or head.text == ")"


def _subject_left(ctx: ArticleEntities, toks: list[Tok], j: int) -> Source | None:
    """The subject of a verb whose previous word is token ``j``: the noun phrase that ends
    there, or before a time phrase, a relative pronoun, an apposition or a dash."""
    if j < 0:
        return None
    j = _before_time_phrase(ctx, toks, j)
    if j < 0:
        return None
    t = toks[j]
    if t.low in RELATIVES:
        k = j - 1
        if k >= 0 and (toks[k].text == "," or toks[k].text in DASHES):
            k -= 1
        np = np_left(ctx, toks, k) if k >= 0 else None
        if np is None:
            return None
        return Source(np.first, np.last, relative=True) if t.low != "that" or k == j - 1 else None
    if t.text == ",":
        return _opening_subject(ctx, toks, _subject_before_apposition(ctx, toks, j))
    if t.text in DASHES:
        k = j - 1
        while k >= 0 and toks[k].text not in DASHES:
            k -= 1
        if k > 0:
            return np_left(ctx, toks, k - 1)
        return None
    return np_left(ctx, toks, j)


def _opening_subject(ctx: ArticleEntities, toks: list[Tok], np: Source | None) -> Source | None:
    """The subject when the sentence opens with a name and an apposition: a name inside
    the apposition is not who speaks ("Prince Andrew, ... brother of the heir, Charles,
    has told": Prince Andrew; "Mr McLuckie, ... their daughters Clara, 15, and Esmee,
    13, said": Mr McLuckie), and a second subject after the apposition is joined to the
    first ("Kurt Volker, the former envoy, and Tim Morrison, an official, testified")."""
    if np is None:
        return None
    k = 0
    while k < len(toks) and (toks[k].low in CLAUSE_OPENERS or not is_word(toks[k])):
        k += 1
    opening = np_right(ctx, toks, k) if k < len(toks) else None
    if opening is None or toks[k].low in FUNCTION_WORDS or toks[k].low in ctx.lex.time_words:
        # "Later in the day, Kurt Volker, ..., and Tim Morrison, ..., testified": after an
        # opening phrase, the subject starts after its comma
        comma = next((c for c in range(k, np.first) if toks[c].text == ","), None)
        opening = np_right(ctx, toks, comma + 1) if comma is not None else None
    if (
        opening is None
        or opening.last + 1 >= np.first
        or toks[opening.last + 1].text != ","
        or not any(t.cap and t.low not in FUNCTION_WORDS for t in toks[opening.first : opening.last + 1])
    ):
        return np
    commas = sum(t.text == "," for t in toks[opening.last + 1 : np.first])
    if toks[np.first - 1].low == "and" and commas == 2 and toks[np.first - 2].text == ",":
        return Source(opening.first, np.last, joined=np.first)
    return opening


def _before_time_phrase(ctx: ArticleEntities, toks: list[Tok], j: int) -> int:
    """Token ``j``, or the word before a time phrase that ends there: "Trump on Monday
    said", "who in 2010 said"; -1 when there is none."""
    k = j
    while (
        k >= 0
        and not (toks[k].text == "May" and k > 0 and toks[k - 1].cap)  # "Theresa May said"
        and (
            toks[k].low in ctx.lex.time_words
            or toks[k].low in ("on", "in", "at", "this", "last", "early", "late")
            or toks[k].text.isdigit()
        )
        and toks[k].low not in SUBJECT_PRONOUNS
    ):
        k -= 1
    if k != j and k >= 0 and toks[k].text != ",":
        return prev_word(toks, k + 1)
    return j


def _subject_before_apposition(ctx: ArticleEntities, toks: list[Tok], j: int) -> Source | None:
    """The subject before an apposition that closes with the comma at token ``j``: "Sean
    Spicer, a spokesman for ..., said", "The state's campaign chairman, Phil Lovas, said"."""
    x = skip_apposition_left(toks, j)
    if x is not None and toks[x + 1].text == ",":
        # "The state's campaign chairman, Phil Lovas, said": the name between the commas
        inner = np_left(ctx, toks, j - 1)
        if (
            inner is not None
            and inner.first == x + 2
            and all(t.cap or not is_word(t) for t in toks[inner.first : inner.last + 1])
        ):
            desc = np_left(ctx, toks, x)
            if desc is not None and (
                toks[desc.first].low in DETERMINERS
                or is_lower_word(toks[desc.first])
                or nounish(ctx.lex, toks[desc.last])
            ):
                return inner
    for _ in range(3):
        if x is None:
            return None
        np = np_left(ctx, toks, x)
        if np is None:
            return None
        # "Angelique Brunner, a developer ..., which is ..., said" and "A man in
        # Montabaur, Germany, who ..., said": skip the inner apposition too.
        inner_apposition = (
            toks[np.first].low in DETERMINERS
            or is_lower_word(toks[np.first])
            or toks[np.first].text.isdigit()
        )
        place = np.first == np.last and np.first >= 2 and toks[np.first - 2].cap
        if np.first > 1 and toks[np.first - 1].text == "," and (inner_apposition or place):
            x = skip_apposition_left(toks, np.first - 1)
            if x is None:
                # "Patricia Pendelton, 41, a nurse ..., said": the name opens the sentence
                before = np_left(ctx, toks, np.first - 2)
                return before if before is not None and before.first == 0 else np
            continue
        return np
    return None


# --------------------------------------------------------------------------- naming sources


def name_source(ctx: ArticleEntities, index: int, src: Source) -> Named:
    """The source's name, its ``resolved_from`` words, its span, and its entity."""
    toks = ctx.tokens[index]
    words = toks[src.first : src.last + 1]
    span = (words[0].start, words[-1].end)
    text = ctx.text[span[0] : span[1]]
    if src.relative:
        # "a player who told ...": the source is the antecedent, written just before
        # "who". ``resolved_from`` keeps "who"; the span is the antecedent's, which names
        # the source already, so nothing puts a name in for "who" ("a player a player told").
        rel = toks[src.last + 1] if toks[src.last + 1].low in RELATIVES else toks[src.last + 2]
        name, _, inner_span, entity = name_source(ctx, index, Source(src.first, src.last))
        return name, rel.text, inner_span, entity
    if src.joined >= 0:
        left = name_source(ctx, index, Source(src.first, _before_apposition(toks, src.first)))
        right = name_source(ctx, index, Source(src.joined, src.last))
        return f"{left[0]} and {right[0]}", None, span, None
    if len(words) == 1 and words[0].low in SUBJECT_PRONOUNS:
        entity = _certain(ctx, resolve_pronoun(ctx, words[0].low, index, src.first), words[0].low, index, src.first)
        if entity is None:
            return text, None, span, None
        return entity.name, text, span, entity
    named = _owner_of_speech(ctx, index, src, text, span)
    if named is None:
        named = _author_of_study(ctx, index, src)
    if named is None:
        named = _named_in_phrase(ctx, index, src, text, span)
    if named is not None:
        return named
    # A definite description: "The tech boss", "the 52-year-old", "the company".
    if words[0].low in DEFINITE and len(words) >= 2:
        return _described(ctx, index, src, text, span)
    return text, None, span, None


def _before_apposition(toks: list[Tok], first: int) -> int:
    """The last token before the first comma after ``first``."""
    k = first
    while k + 1 < len(toks) and toks[k + 1].text != ",":
        k += 1
    return k


def _owner_of_speech(ctx: ArticleEntities, index: int, src: Source, text: str, span: Span) -> Named | None:
    """ "Musk's response", "His statement": the owner of a speech act is the source."""
    lex = ctx.lex
    toks = ctx.tokens[index]
    for k in range(src.first, src.last + 1):
        if toks[k].text in ("’s", "'s") and toks[src.last].low in lex.keep_possessor:
            owner = Source(src.first, k - 1)
            if toks[src.first].low in DETERMINERS and toks[src.first].low != "the":
                break
            name, resolved, _, entity = name_source(ctx, index, owner)
            return name, (text if resolved else None), span, entity
    first = toks[src.first].low
    if first in ("his", "her", "their", "its") and toks[src.last].low in lex.keep_possessor:
        pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}[first]
        entity = _certain(ctx, resolve_pronoun(ctx, pronoun, index, src.first), pronoun, index, src.first)
        if entity is not None:
            return entity.name, text, span, entity
        return text, None, span, None
    return None


def _author_of_study(ctx: ArticleEntities, index: int, src: Source) -> Named | None:
    """ "Research from the Center for ... (CCDH)": the study's author is the source."""
    lex = ctx.lex
    toks = ctx.tokens[index]
    for k in range(src.first, src.last):
        if (
            (k == src.first or is_lower_word(toks[k]))
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
    return None


def _named_in_phrase(ctx: ArticleEntities, index: int, src: Source, text: str, span: Span) -> Named | None:
    """The source when the phrase ends with a name: "minister Shlomo Karhi", "Mr. Obama"
    (the entity's fullest name), "the Pentagon" (an organisation, as written)."""
    toks = ctx.tokens[index]
    entity = ctx.entity_at(index, src.first, src.last)
    if entity is None:
        return None
    m = next(
        m
        for m in ctx.mentions[index]
        if m.entity is entity and src.first <= m.first and m.last <= src.last
    )
    if m.last == src.last or toks[src.last].text == ")":
        if any(toks[k].low in ("of", "for", "from", "at", "in", "with") for k in range(src.first, m.first)):
            # "The owners of Tom & Jerry's Café", "the Office for the District of New
            # York": the name is the object of a preposition; the whole phrase speaks
            return text, None, span, None
        if entity.kind == "org":
            return text, None, span, entity
        if any(
            toks[k].low in DETERMINERS and toks[k].low not in ("the",) for k in range(src.first, m.first)
        ):
            return text, None, span, entity
        if src.first < m.first and entity.kind == "unknown" and len(entity.words) == 1:
            return text, None, span, entity  # "The Dutchman": a description with a capital, as written
        return entity.name, None, span, entity
    return None  # a name inside a description: "Clinton's campaign", "Musk's lawyer"


def _described(ctx: ArticleEntities, index: int, src: Source, text: str, span: Span) -> Named:
    """The source a definite description names ("The tech boss", "the 52-year-old", "the
    company"), as written when it resolves to no one."""
    lex = ctx.lex
    toks = ctx.tokens[index]
    words = toks[src.first : src.last + 1]
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
        entity = resolve_description(ctx, head, gender, orgish, index, src.first, bare=len(words) == 2)
        holders = [e for e in ctx.entities if head in e.roles]
        role = " ".join(t.low for t in words[1:])
        if entity is not None and not (holders == [entity] and (len(words) == 2 or role in entity.roles)):
            # Resolved by salience, or by a role with words the article did not give it
            # ("the former Old Trafford boss" is not the boss just named): sure only when
            # no one else fits ("the Tesla boss" is not the president just named).
            word = "the" if entity.kind == "org" else gender or "person"
            entity = _certain(ctx, entity, word, index, src.first, epithet=True)
        if entity is not None:
            return entity.name, text, span, entity
    return text, None, span, None


def _certain(
    ctx: ArticleEntities, entity: Entity | None, word: str, index: int, position: int, epithet: bool = False
) -> Entity | None:
    """``entity``, the antecedent found for ``word`` (a pronoun, "the" for an
    organisation's description, a gender or "person" for a person's) at token
    ``position`` of sentence ``index``, when it is certain: it agrees in number and kind
    and no other candidate is near. Otherwise None, and the resolution is forgotten so
    that no later rule names it: a wrong name is worse than the article's own words."""
    if entity is None:
        return None
    kind = SUBJECT_PRONOUNS.get(word, word)
    if entity.kind == "org":
        sure = kind in ("plural", "neuter", "the") and sole_organisation(
            ctx, entity, "they" if kind == "plural" else "it" if kind == "neuter" else "the", index, position
        )
    else:
        sure = kind in ("male", "female", "person") and sole_candidate(
            ctx, entity, kind if kind != "person" else None, index, position, epithet
        )
    if not sure:
        ctx.resolved[(index, position)] = None
        return None
    return entity


def closes_sentence(toks: list[Tok], cue: Cue, src: Source) -> bool:
    """Whether cue and source come after the sentence's last comma: "..., police said."."""
    if cue.form in ("ing", "to", "colon") or min(cue.first, src.first) < 3:
        return False
    start = min(cue.first, src.first)
    return toks[start - 1].text == "," or toks[start - 1].text in CLOSE_Q and toks[start - 2].text == ","
