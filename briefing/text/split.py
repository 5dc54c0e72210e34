"""Split a cleaned article into sentences with spans, paragraph index and quotations."""

from __future__ import annotations

import re

from ..models import Article, Quotation, Sentence, Span
from ..words import CLOSE_QUOTES, OPEN_QUOTES, STRAIGHT
from .nlp import sentence_tokenizer

# Double quotation marks only (briefing.words): single curly quotes double as apostrophes
# in scraped news ("X/Twitter‘s"), so treating them as quotes would invent quotations.


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Quotations in ``text``: the spans between matching double quotation marks.

    A quotation left open at the end of a paragraph is closed there, unless the next
    paragraph opens with a quotation mark (the news convention for a quote that runs
    on), in which case both parts form one quotation.

    >>> [q.text for q in find_quotations('He said: “Go. Now.” Then “stop”.')]
    ['Go. Now.', 'stop']
    >>> [q.text for q in find_quotations('"One," she said, "two."')]
    ['One,', 'two.']
    """
    quotes: list[Quotation] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    pending_start: int | None = None  # an open quote carried from the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        open_at: int | None = None
        if pending_start is not None:
            if text[p_start] in OPEN_QUOTES + STRAIGHT:
                open_at = pending_start
                i = p_start + 1
            else:
                _append(quotes, text, pending_start, _prev_para_end(paragraphs, p_index))
            pending_start = None
        while i < p_end:
            ch = text[i]
            if open_at is None:
                if ch in OPEN_QUOTES or ch == STRAIGHT:
                    open_at = i + 1
            elif ch in CLOSE_QUOTES or ch == STRAIGHT:
                _append(quotes, text, open_at, i)
                open_at = None
            i += 1
        if open_at is not None:
            pending_start = open_at
    if pending_start is not None:
        _append(quotes, text, pending_start, paragraphs[-1][1])
    return tuple(quotes)


def _prev_para_end(paragraphs: list[tuple[int, int]], index: int) -> int:
    return paragraphs[index - 1][1]


def _append(quotes: list[Quotation], text: str, start: int, end: int) -> None:
    if end > start and text[start:end].strip():
        quotes.append(Quotation(id=len(quotes), span=(start, end), text=text[start:end]))


def split(article: Article) -> tuple[Sentence, ...]:
    """Sentences of ``article.text`` in order, each with its span, paragraph and quote parts."""
    text = article.text
    quotations = find_quotations(text)
    tokenizer = sentence_tokenizer()
    sentences: list[Sentence] = []
    offset = 0
    for p_index, paragraph in enumerate(article.paragraphs):
        for s_start, s_end in tokenizer.span_tokenize(paragraph):
            span = (offset + s_start, offset + s_end)
            quote_spans, ids = _quotes_in(span, quotations)
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=text[span[0] : span[1]],
                    span=span,
                    paragraph=p_index,
                    quote_spans=quote_spans,
                    quotation_ids=ids,
                )
            )
        offset += len(paragraph) + 2  # the blank line that joins paragraphs
    return tuple(sentences)


def _quotes_in(span: Span, quotations: tuple[Quotation, ...]) -> tuple[tuple[Span, ...], tuple[int, ...]]:
    spans: list[Span] = []
    ids: list[int] = []
    for q in quotations:
        start, end = max(span[0], q.span[0]), min(span[1], q.span[1])
        if start < end:
            spans.append((start, end))
            ids.append(q.id)
    return tuple(spans), tuple(ids)
