"""Split a cleaned article into sentences with spans, paragraph index and quotations."""

from __future__ import annotations

from ..models import Article, Quotation, Sentence, Span
from .nlp import sentence_tokenizer
from .quotes import find_quotations


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
