"""Pronoun and description resolution: who "he", "they", "the tech boss" or "the company"
is, by a small salience model over :class:`~briefing.attribution.entities.ArticleEntities`.

The entities are searched from the nearest sentence back, each sentence's sources and
subject first. A description resolves through the role the article gave someone
("Prime Minister Benjamin Netanyahu" ... "the prime minister"), through an
organisation's own name ("the university"), or, for epithets ("the tech boss", "the
52-year-old"), to the most salient person. **When unsure, nothing is guessed**: no
compatible entity, or a description of an unnamed role ("the spokesman"), gives None.
Every answer is remembered by its sentence and token, so a phrase is resolved once.
"""

from __future__ import annotations

from .entities import ArticleEntities, Entity
from .lexicon import CLAUSE_OPENERS, DEFINITE, DETERMINERS, GENERIC_ORG_NOUNS, SUBJECT_PRONOUNS
from .tokens import is_word


def resolve_pronoun(ctx: ArticleEntities, word: str, index: int, position: int) -> Entity | None:
    """The entity a subject pronoun refers to (the nearest compatible one, sources and
    subjects of a sentence first), or None when unsure."""
    key = (index, position)
    if key in ctx.resolved:
        return ctx.resolved[key]
    kind = SUBJECT_PRONOUNS.get(word.lower())
    found = None
    toks = ctx.tokens[index]
    if any(
        toks[k].low in ctx.lex.person_nouns and toks[k - 1].low in DEFINITE for k in range(1, position)
    ):
        kind = None  # "When the pilot stepped out, he asked ...": an unnamed person is nearer
    if kind in ("male", "female"):
        for _, entity in ctx.candidates(index, position, 4):
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
        for _, entity in ctx.candidates(index, position, 2):
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
    ctx.resolved[key] = found
    return found


def resolve_description(
    ctx: ArticleEntities, head: str, gender: str | None, orgish: bool, index: int, position: int, bare: bool = True
) -> Entity | None:
    """The entity a definite description ("the tech boss", "the company") refers to.
    ``bare``: the description is "the" and its noun only ("the group", not "the
    militant group")."""
    key = (index, position)
    if key not in ctx.resolved:
        ctx.resolved[key] = _resolve_description(ctx, head, gender, orgish, index, position, bare)
    return ctx.resolved[key]


def _resolve_description(
    ctx: ArticleEntities, head: str, gender: str | None, orgish: bool, index: int, position: int, bare: bool = True
) -> Entity | None:
    # A role the article gave someone: "Prime Minister Benjamin Netanyahu" ... "the prime minister".
    with_role = [e for e in ctx.entities if head in e.roles and e.last_seen <= index]
    if with_role:
        return max(with_role, key=lambda e: e.last_seen)
    if orgish:
        # "the university" is the one organisation named "... University"; "the company"
        # or "the group" the organisation just named, if any.
        named = [e for e in ctx.entities if e.kind == "org" and head in (w.lower() for w in e.words)]
        if named:
            return max(named, key=lambda e: e.last_seen)
        if head not in GENERIC_ORG_NOUNS or not bare:
            # "the militant group" says what kind of group: the organisation named last
            # (a think tank quoted before, say) may be another kind, so no guess.
            return None
        for _, entity in ctx.candidates(index, position, 2):
            if entity.kind == "org":
                return entity
        return None
    if head not in ctx.lex.epithets and not head.endswith("year-old"):
        return None  # "the spokesman", "the president": unnamed, or named nowhere near
    for _, entity in ctx.candidates(index, position, 4):
        if entity.kind == "org" or entity.kind == "unknown" and entity.gender is None:
            continue
        if gender and entity.gender and entity.gender != gender:
            continue
        return entity
    return None


def nearest(ctx: ArticleEntities, entity: Entity, index: int, position: int, window: int):
    """The candidates of the sentence where ``entity`` is first found (within ``window``)."""
    found = None
    for s, candidate in ctx.candidates(index, position, window):
        if found is None and candidate is entity:
            found = s
        if found is not None:
            if s != found:
                return
            yield s, candidate


def sole_candidate(
    ctx: ArticleEntities, entity: Entity, gender: str | None, index: int, position: int, epithet: bool = False
) -> bool:
    """Whether ``entity`` is the only person that fits, from the sentence where it was
    found up to this one: "Musk met Netanyahu. He said ..." is ambiguous, and so is
    "Kelly ... Mark Kelly volunteered. He ...". A pronoun also needs the entity's
    gender known and matching: a guess from salience alone is no name to print. An
    ``epithet`` ("the tech giant") stands for someone named, never for an unnamed
    subject ("A White House spokesperson accused Musk ... The tech giant denied")."""
    if gender in ("male", "female") and (
        entity.gender != gender or (entity.she if gender == "male" else entity.he)
    ):
        return False  # unknown, or the article's pronouns around it disagree
    if "(" in entity.name or any(e is not entity and e.words[-1] == entity.words[-1] for e in ctx.entities):
        return False  # "Washington (CNN)Hillary Clinton"; two Reynoldses
    if len(entity.words) == 1 and not entity.roles:
        return False  # "Tunisians", "Loveland": one bare word may be no person at all
    for s in range(index, max(-1, index - 5), -1):
        mentions = [m for m in ctx.mentions[s] if s != index or m.last < position]
        subjects = {id(m.entity) for m in mentions if m.subject}
        others = [e for e, _ in ctx.sources[s] if e is not None and s != index] + [m.entity for m in mentions]
        for other in others:
            if other is entity or other.kind == "org":
                continue
            if gender in ("male", "female") and other.gender not in (None, gender):
                continue
            if other.kind in ("person", "name") or other.gender or other.speaker or id(other) in subjects:
                return False
        spoke = s != index and any(e is entity for e, _ in ctx.sources[s])
        if any(m.entity is entity for m in mentions) or spoke:
            if s == index or spoke or any(m.entity is entity and m.subject for m in mentions):
                return True
            # Named there only as an object ("... drew in Barack Obama. But he said"): the
            # subject there, or someone in the sentence before, may be meant.
            return not (not epithet and _unnamed_subject(ctx, s)) and not any(
                _may_be(ctx, other, entity, gender) for other in _people(ctx, s - 1)
            )
        if s != index and not epithet and _unnamed_subject(ctx, s):
            return False  # "A shopkeeper ... said. He ...": the pronoun may be theirs
    return True


def _people(ctx: ArticleEntities, index: int) -> list[Entity]:
    """The entities named or quoted as sources in sentence ``index`` (none before the first)."""
    if index < 0:
        return []
    return [m.entity for m in ctx.mentions[index]] + [e for e, _ in ctx.sources[index] if e is not None]


def _may_be(ctx: ArticleEntities, other: Entity, entity: Entity, gender: str | None) -> bool:
    """Whether ``other``, not ``entity``, may be the person a pronoun of ``gender`` means."""
    if other is entity or other.kind == "org":
        return False
    if gender in ("male", "female") and other.gender not in (None, gender):
        return False
    return other.kind in ("person", "name") or other.gender is not None or other.speaker


def _unnamed_subject(ctx: ArticleEntities, index: int) -> bool:
    """Whether sentence ``index`` opens with an unnamed person ("A shopkeeper in ...")."""
    toks = ctx.tokens[index]
    k = 0
    while k < len(toks) and (toks[k].low in CLAUSE_OPENERS or not is_word(toks[k])):
        k += 1
    # an epithet ("The tech boss") stands for the person just named, not someone new
    return any(t.low in ctx.lex.person_nouns and t.low not in ctx.lex.epithets for t in toks[k : k + 4]) and (
        k < len(toks) and toks[k].low in DETERMINERS
    )


def sole_organisation(ctx: ArticleEntities, entity: Entity, word: str, index: int, position: int) -> bool:
    """Whether organisation ``entity`` is the only antecedent that fits ``word`` ("it",
    "they", or "the" for a description like "the company") at token ``position`` of
    sentence ``index``: no other organisation, and no name that may be one ("Big
    Machine"), from the sentence where it was found up to this one; for "they", no other
    source or group of people that may be "they" ("police said", "Lambert called for");
    for "it", the organisation spoke or was a subject there (after "The advert ... ." it
    may be the advert)."""
    found = None
    for s in range(index, max(-1, index - 3), -1):
        mentions = [m for m in ctx.mentions[s] if m.salient and (s != index or m.last < position)]
        for m in mentions:
            if m.entity is entity:
                continue
            if m.entity.gender is None and (
                m.entity.kind in ("org", "name") or m.entity.kind == "unknown" and (m.subject or m.entity.speaker)
            ):
                return False  # another organisation, or a name that may be one
            if word == "they" and m.subject:
                return False
        for other, name in ctx.sources[s]:
            if other is entity:
                continue
            if other is not None and other.kind != "person" or word == "they":
                return False  # another organisation; or for "they", people who spoke
        if any(m.entity is entity for m in mentions) or any(e is entity for e, _ in ctx.sources[s]):
            found = s
            break
    if found is None:
        return False
    own_subject = found == index and any(m.entity is entity and m.subject for m in ctx.mentions[index])
    if word != "they" and found > 0 and not own_subject and any(
        m.entity is not entity and m.salient and m.entity.gender is None and m.entity.kind in ("org", "name")
        for m in ctx.mentions[found - 1]
    ):
        return False  # another organisation named just before: "Big Machine ... The AMAs said ... the company"
    if word == "it" and any(
        t.low in ctx.lex.study_nouns or t.low in ctx.lex.keep_possessor for t in ctx.tokens[found] if not t.quoted
    ):
        return False  # "Oxford University published a report ... It calls on": it may be the report
    spoke = any(e is entity for e, _ in ctx.sources[found])
    return word != "it" or spoke or any(m.entity is entity and m.subject for m in ctx.mentions[found])
