"""Attribute: find who each sentence's content comes from.

For every sentence we look for **cues** (verbs of saying, reporting, finding,
believing ... in any tense, "according to", a speaker's name and a colon opening a
line, a dash before a name closing a quotation: :mod:`~briefing.attribution.cues`) and,
for each cue, its **source** (the subject on its left, the noun phrase after it when
the order is inverted, after "according to" or a passive "by" ...:
:mod:`~briefing.attribution.sources`). Cues inside a quotation are not attributions of
their own: the quoted words belong to the quotation's speaker. A sentence may hold
several attributions; the one that attributes the whole sentence comes first (outside
any quotation, and a closing ``..., police said.`` before one inside the content).
Sentences that only continue a quotation carry over the attribution that introduced or
closes it (:mod:`~briefing.attribution.quotations`).

Sources that are pronouns or descriptions ("He", "They", "The tech boss", "the
company", "who") are resolved to a named person or organisation
(:mod:`~briefing.attribution.resolve`) over the entities the article names
(:mod:`~briefing.attribution.entities`). The resolved name goes in ``source`` and the
original words in ``resolved_from``. **When unsure, nothing is guessed**: no compatible
entity, or a description of an unnamed role ("the spokesman"), keeps the original
words as ``source`` with ``resolved_from`` None. Names are given in the fullest form
the article uses ("Musk", "Mr. Musk" -> "Elon Musk"), with ``resolved_from`` None since
the words already name the source. The same model, in the same pass, resolves each
sentence's opening subject (:func:`resolve_subjects`, :mod:`~briefing.attribution.subjects`).

Everything is plain rules over regex tokens that carry their offsets into the article
(:mod:`~briefing.attribution.tokens`; no parser, no model): an article of 800 words
takes a few milliseconds. The word lists live in ``data/attribution.json``
(:mod:`~briefing.attribution.lexicon`).
"""

from __future__ import annotations

from typing import Sequence

from ..models import Article, Attribution, Sentence
from .cues import Cue, extend_cue, find_cues
from .entities import ArticleEntities
from .lexicon import CLOSE_Q, OPEN_Q
from .phrases import Source
from .quotations import carry_back, carry_over, closes_quote, cue_in_quotation, with_quotes
from .sources import closes_sentence, find_source, name_source
from .subjects import SubjectResolution, note_subject, subject_resolution


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
    ctx = ArticleEntities(article, sentences)
    result: list[list[Attribution]] = []
    subjects: list[SubjectResolution | None] = []
    quote_owner: dict[int, Attribution] = {}  # quotation id -> the attribution that holds it
    for index, sentence in enumerate(sentences):
        final = with_quotes(ctx, sentence, _found_in(ctx, index))
        if not any(not cue_in_quotation(sentence, a) for a in final) and not ctx.runaway(index):
            carried = carry_over(ctx, index, result, quote_owner)
            if carried is not None:
                final = [carried, *final]
        for a in final:
            if a.quote is not None:
                for qid in sentence.quotation_ids:
                    quote_owner.setdefault(qid, a)
        if closes_quote(sentence.text):
            for qid in sentence.quotation_ids:
                quote_owner.pop(qid, None)  # closed: later sentences are not its words
        result.append(final)
        subjects.append(subject_resolution(ctx, index))
        note_subject(ctx, index)
    carry_back(ctx, result)
    return tuple(tuple(attrs) for attrs in result), tuple(subjects)


_Found = tuple[tuple[bool, bool, int], Attribution]  # (rank, attribution): the lowest rank comes first


def _found_in(ctx: ArticleEntities, index: int) -> list[_Found]:
    """The attributions of the cues found in sentence ``index``, each with its rank, and
    each source recorded in ``ctx`` as it is found (later cues and sentences read them)."""
    toks = ctx.tokens[index]
    found: list[tuple[Cue, Source]] = []
    attributions: list[_Found] = []
    for cue in find_cues(ctx, index):
        if toks[cue.first].quoted and cue.form != "colon" and not ctx.runaway(index):
            continue  # words inside a quotation belong to its speaker
        if cue.form != "colon" and _inside_open_quote(toks, cue.first):
            continue  # "'When I saw him he said ...": a quotation that opened the sentence and runs on
        src = find_source(ctx, index, cue, found)
        if src is None:
            continue
        if src.first <= cue.first <= src.last and cue.form != "colon":
            continue  # a cue word inside its own source phrase
        if src.first == src.last and toks[src.first].low in ("i", "we", "one") and not toks[src.first].quoted \
                and cue.lemma not in ctx.lex.speech:
            continue  # the writer's own wish or plan ("I wanted to buy a copy"), no one's report
        found.append((cue, src))
        name, resolved, source_span, entity = name_source(ctx, index, src)
        ctx.sources[index].append((entity, name))
        if entity is not None:
            entity.speaker = True
        cue_span = (toks[cue.first].start, toks[cue.last].end)
        cue_text = ctx.text[cue_span[0] : cue_span[1]]
        cue_text, cue_span = extend_cue(ctx, toks, cue, cue_text, cue_span)
        # The attribution of the whole sentence comes first: the one outside any
        # quotation, and a closing '..., police said.' before one inside the content.
        rank = (toks[cue.first].quoted, not closes_sentence(toks, cue, src), cue.first)
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
    return attributions


def _inside_open_quote(toks: list, first: int) -> bool:
    """Whether the cue at token ``first`` lies in a quotation opened at the start of the
    sentence or after a colon or comma, and not closed before it ("'When I saw him he said
    ...", "Faith said: 'I was found by my boyfriend ..."): the quotation's speaker's words,
    even where the quotation's closing mark is missing."""
    inside = False
    for k, t in enumerate(toks[:first]):
        opens = (
            t.text in OPEN_Q
            and (k == 0 or toks[k - 1].text in ":," and t.start > toks[k - 1].end)  # ': "', not ',"'
            and k + 1 < len(toks)
            and toks[k + 1].start == t.end
        )
        if not inside and opens:
            inside = True
        elif inside and t.text in CLOSE_Q:
            inside = False
    return inside


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
