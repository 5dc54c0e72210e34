"""Opening subjects: who a sentence is about, when it opens with a pronoun or a description.

The same model as the attribution, in the same pass, resolves each sentence's opening
subject ("He ...", "The tech boss ...") so that a key point made of the sentence can say
who it is about (:class:`SubjectResolution`); a pronoun resolves only when no other
person fits as well, and "it"/"they" only when a cue already resolved them to an
organisation. :func:`note_subject` then records the subject, so later pronouns find it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Span
from .entities import ArticleEntities, Entity, Mention
from .lexicon import CLAUSE_OPENERS, DEFINITE, OPEN_Q, SUBJECT_PRONOUNS
from .phrases import Source, np_right
from .resolve import nearest, resolve_description, resolve_pronoun, sole_candidate
from .sources import name_source
from .tokens import is_word


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


def note_subject(ctx: ArticleEntities, index: int) -> None:
    """Resolve the sentence's subject when it is a pronoun or a definite description
    ("He ...", "The tech boss ..."), so later pronouns can find who it is."""
    toks = ctx.tokens[index]
    k = 0
    while k < len(toks) and (toks[k].low in CLAUSE_OPENERS or not is_word(toks[k])):
        k += 1
    if k >= len(toks) or any(m.first <= k <= m.last for m in ctx.mentions[index]):
        return
    if (index, k) in ctx.resolved:
        entity = ctx.resolved[(index, k)]
        last = k
    elif toks[k].low in ("he", "she"):
        entity = resolve_pronoun(ctx, toks[k].low, index, k)
        last = k
    elif toks[k].low in DEFINITE:
        np = np_right(ctx, toks, k)
        if np is None:
            return
        last = np.last
        head = toks[last].low
        if not (head in ctx.lex.epithets or head.endswith("year-old")):
            return
        entity = resolve_description(ctx, head, ctx.lex.person_nouns.get(head), False, index, k)
    else:
        return
    if entity is None:
        return
    _learn_from_subject(ctx, index, entity, k, last)


def _learn_from_subject(ctx: ArticleEntities, index: int, entity: Entity, k: int, last: int) -> None:
    """What the sentence says of its subject (tokens ``k..last``, resolved to ``entity``)
    tells more about who it is: a person, and a gender from the pronoun or from the
    pronouns later in the sentence. Records the subject as a mention."""
    toks = ctx.tokens[index]
    if entity.kind in ("unknown", "name"):
        entity.kind = "person"
    if entity.gender is None:
        if toks[k].low in ("he", "she"):
            entity.gender = "male" if toks[k].low == "he" else "female"
        elif not any(m.entity.kind != "org" for m in ctx.mentions[index] if m.first > last):
            rest = {t.low for t in toks[last + 1 :]}
            if rest & {"he", "his", "him"} and not rest & {"she", "her"}:
                entity.gender = "male"
            elif rest & {"she", "her"} and not rest & {"he", "his", "him"}:
                entity.gender = "female"
    entity.last_seen = index
    ctx.mentions[index].insert(0, Mention(entity, index, k, last, True))


def subject_resolution(ctx: ArticleEntities, index: int) -> SubjectResolution | None:
    """The opening subject of sentence ``index`` resolved, when it is a personal
    pronoun ("He", "And she", "His"), a definite description the module resolves
    ("The tech boss", "the company", "The 52-year-old") or an "it"/"they" that the
    attribution rules already resolved to an organisation, and the resolution is
    confident. Call before :func:`note_subject`; it leaves no trace in the model.
    """
    toks = ctx.tokens[index]
    k = 0
    while k < len(toks) and (toks[k].low in CLAUSE_OPENERS or toks[k].text == ","):
        k += 1
    if k >= len(toks) or toks[k].quoted or not is_word(toks[k]):
        return None
    if _in_quotation_run(ctx, index):
        return None  # inside a quotation opened (or closed) in another sentence
    if any(m.first <= k <= m.last for m in ctx.mentions[index]):
        return None  # a name: nothing to resolve
    known = set(ctx.resolved)
    try:
        return _resolve_opening(ctx, index, k, known)
    finally:
        for key in [key for key in ctx.resolved if key not in known]:
            del ctx.resolved[key]  # leave attribution's own reading untouched


def _in_quotation_run(ctx: ArticleEntities, index: int) -> bool:
    """Whether sentence ``index`` lies inside a quotation opened (or closed) in another
    sentence of its paragraph."""
    sentence = ctx.sentences[index]
    opening = index
    while opening > 0 and ctx.sentences[opening - 1].paragraph == sentence.paragraph:
        opening -= 1
    previous = ctx.sentences[index - 1].text if index > opening else ""
    return _in_running_quote(ctx.text[ctx.sentences[opening].span[0] : sentence.span[1]]) or (
        previous[:1] in OPEN_Q and _in_running_quote(previous)
    )


def _resolve_opening(
    ctx: ArticleEntities, index: int, k: int, known: set[tuple[int, int]]
) -> SubjectResolution | None:
    """The opening word at token ``k`` resolved, when sure (see :func:`subject_resolution`);
    ``known``: what attribution had resolved before."""
    toks = ctx.tokens[index]
    low = toks[k].low
    if low in ("he", "she", "his", "her"):
        pronoun = {"his": "he", "her": "she"}.get(low, low)
        entity = resolve_pronoun(ctx, pronoun, index, k)
        if entity is None or not sole_candidate(ctx, entity, SUBJECT_PRONOUNS[pronoun], index, k):
            return None
        return SubjectResolution(entity.name, toks[k].text, (toks[k].start, toks[k].end), "pronoun")
    if low in ("it", "they"):
        # Only what a cue already resolved ("It said", "They found"): after any
        # sentence, "it" or "they" may be a thing or an unnamed group.
        entity = ctx.resolved.get((index, k)) if (index, k) in known else None
        if entity is None or entity.kind != "org":
            return None
        return SubjectResolution(entity.name, toks[k].text, (toks[k].start, toks[k].end), "pronoun")
    if low != "the":
        return None  # "This group", "That man": often someone never named
    np = np_right(ctx, toks, k)
    if np is None or np.last == k or any(toks[j].quoted for j in range(k, np.last + 1)):
        return None
    name, resolved, span, entity = name_source(ctx, index, Source(k, np.last))
    if resolved is None or entity is None:
        return None
    head = toks[np.last].low
    if (head in ctx.lex.epithets or head.endswith("year-old")) and not any(head in e.roles for e in ctx.entities):
        # an epithet resolved by salience alone: sure only if no one else fits as well
        if not sole_candidate(ctx, entity, ctx.lex.person_nouns.get(head), index, k, epithet=True):
            return None
    elif entity.kind == "org":
        if any(e is not entity and e.kind == "org" for _, e in nearest(ctx, entity, index, k, 2)):
            return None
    return SubjectResolution(name, ctx.text[span[0] : span[1]], span, "description")


def _in_running_quote(text: str) -> bool:
    """Whether the sentence is part of a quotation opened or closed in another one.

    >>> _in_running_quote('He is family."')
    True
    >>> _in_running_quote('He said: “No.”')
    False
    """
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")
