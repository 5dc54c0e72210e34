"""Quotations: which attribution a sentence's quotation belongs to.

The quotation given to an attribution is the longest quoted passage of its sentence,
exactly as written (a trailing comma dropped), given to the nearest attribution outside
it. A sentence that is only a quotation, or part of a quotation that runs over several
sentences, carries over the attribution of the sentence that introduced or closes it
(``carried_over=True``, no spans).
"""

from __future__ import annotations

import re

from ..models import Attribution, Sentence
from .entities import RUNAWAY_QUOTE, ArticleEntities
from .lexicon import DASHES, OPEN_Q


def cue_in_quotation(sentence: Sentence, a: Attribution) -> bool:
    """Whether the attribution's cue lies inside one of the sentence's quotations."""
    if a.cue_span is None:
        return False
    return any(s <= a.cue_span[0] and a.cue_span[1] <= e for s, e in sentence.quote_spans)


def with_quotes(
    ctx: ArticleEntities, sentence: Sentence, found: list[tuple[tuple[bool, bool, int], Attribution]]
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
        if cue_in_quotation(sentence, a) or a.cue_span is None:
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


def carry_over(
    ctx: ArticleEntities, index: int, result: list[list[Attribution]], quote_owner: dict[int, Attribution]
) -> Attribution | None:
    """The attribution a sentence inherits from the one before it, if any."""
    sentence = ctx.sentences[index]
    if not sentence.quote_spans:
        return None
    quote = _sentence_quote(ctx.text, sentence)
    if index and closes_quote(ctx.sentences[index - 1].text) and not opens_quote(sentence.text):
        return None  # the quotation closed in the sentence before: these are not its words
    for qid in sentence.quotation_ids:
        owner = quote_owner.get(qid)
        if owner is not None:
            return _carried(owner, quote)
    if not _quote_only(sentence, ctx.text) or index == 0 or not result[index - 1]:
        return None
    prev_sentence = ctx.sentences[index - 1]
    prev = next((a for a in result[index - 1] if not cue_in_quotation(prev_sentence, a)), None)
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


def carry_back(ctx: ArticleEntities, result: list[list[Attribution]]) -> None:
    """Give an attribution to the quotation before it: '"A. B," he said.' (one quotation
    over two sentences), '"...?" ¶ she said.' (a sentence the splitter cut after the
    quotation) and '"..." ― Sonya Herridge'."""
    sentences = ctx.sentences
    for index in range(len(sentences) - 1, 0, -1):
        owner = next((a for a in result[index] if not a.carried_over), None)
        if owner is None or ctx.runaway(index):
            continue  # none, or a quotation whose closing mark was missed: whose words are unknown
        sentence = sentences[index]
        ids = set(sentence.quotation_ids) if owner.quote is not None else set()
        closing = sentence.text[:1].islower() or sentence.text[:1] in DASHES
        k = index - 1
        while (
            k >= 0
            and not result[k]
            and sentences[k].quote_spans
            and sentence.span[0] - sentences[k].span[0] <= RUNAWAY_QUOTE  # not over a runaway quotation
        ):
            shared = bool(ids & set(sentences[k].quotation_ids))
            if not shared and not (
                closing
                and _quote_only(sentences[k], ctx.text)
                and sentences[k].paragraph == sentence.paragraph
            ):
                break
            result[k] = [_carried(owner, _sentence_quote(ctx.text, sentences[k]))]
            if opens_quote(sentences[k].text) or k and closes_quote(sentences[k - 1].text):
                break  # where the quotation opens: the sentences before are not its words
            k -= 1


def opens_quote(text: str) -> bool:
    """Whether a sentence opens with a quotation mark.

    >>> opens_quote("‘We don't condone negative comments"), opens_quote("Angry: Sleep Train said")
    (True, False)
    """
    return text.lstrip()[:1] in OPEN_Q


def closes_quote(text: str) -> bool:
    """Whether a sentence ends with a closing quotation mark after its last word.

    >>> closes_quote("I apologise to Ms Fluke.'"), closes_quote("He said: 'No'."), closes_quote("It ended.")
    (True, True, False)
    """
    return re.search(r"\w[.!?,…]*['’\"”][.!?]?\s*$", text) is not None


def _sentence_quote(text: str, sentence: Sentence) -> str | None:
    """The longest quoted passage of a sentence, without a trailing comma."""
    if not sentence.quote_spans:
        return None
    start, end = max(sentence.quote_spans, key=lambda span: span[1] - span[0])
    return text[start:end].strip().rstrip(",").rstrip() or None
