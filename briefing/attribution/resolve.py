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
from .lexicon import DEFINITE, GENERIC_ORG_NOUNS, SUBJECT_PRONOUNS


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
