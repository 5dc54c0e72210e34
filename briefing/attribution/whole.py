"""Whole phrases: a source is shown as the whole phrase that names it, never a cut-off
fragment of one.

The phrase rules (:mod:`~briefing.attribution.phrases`) walk a fixed number of words and
stop at a conjunction; :func:`whole_phrase` checks what they found. A phrase cut at "and"
is carried on to the whole coordination ("the late science fiction and fantasy author
John M. Ford", "users and critics alike"); a phrase that opens with a preposition ("of
Representatives") or is a sentence's opening adverb ("Usually found in ...") is no
source at all. When unsure, no source: the sentence keeps its own words.
"""

from __future__ import annotations

from .entities import ArticleEntities
from .lexicon import BARE_SOURCES, DETERMINERS, FUNCTION_WORDS, RELATIVES, SUBJECT_PRONOUNS
from .phrases import Source, ends_clause, np_left, np_right
from .tokens import is_lower_word, is_ly_adverb, is_word, nounish


def whole_phrase(ctx: ArticleEntities, index: int, src: Source) -> Source | None:
    """``src`` (a source phrase of sentence ``index``) as the whole phrase, or None when
    it is a fragment of no phrase that can speak."""
    toks = ctx.tokens[index]
    first = toks[src.first]
    if first.low in FUNCTION_WORDS and not (
        first.low in DETERMINERS or first.low in SUBJECT_PRONOUNS or first.low in RELATIVES or first.low in BARE_SOURCES
    ):
        return None  # "of Representatives": the tail of a phrase
    if (
        src.first == src.last
        and is_ly_adverb(first)
        and not any(m.first <= src.first <= m.last for m in ctx.mentions[index])
    ):
        return None  # "Usually found in the Atlantic, ...": an adverb, not a name
    if first.low == "you" and not first.quoted:
        return None  # the reader: "If you want a book ...", "You'll also find ..."
    if first.low in ("a", "an") and src.last > src.first + 1:
        # "a rover NASA plans to fly": a name after a noun that is no title starts the clause
        m = next((m for m in ctx.mentions[index] if m.last == src.last and m.first > src.first + 1), None)
        if m is not None and all(
            is_lower_word(t) and t.low not in ctx.lex.titles and not nounish(ctx.lex, t)
            for t in toks[src.first + 1 : m.first]
        ):
            src = Source(m.first, src.last, src.relative)
    after = src.last + 1
    if (
        toks[src.last].cap
        and after + 1 < len(toks)
        and toks[after].low in ("to", "of", "for", "on", "and", "&")
        and toks[after + 1].cap
        and toks[after + 1].low not in ctx.lex.time_words
    ):
        # "the event organizer Alliance | to Reclaim Our Schools (AROS)": a name cut at a small word
        end = after + 1
        while end + 1 < len(toks) and (
            toks[end + 1].cap or toks[end + 1].low in ("of", "for", "our", "the", "and", "&") and end + 2 < len(toks)
            and toks[end + 2].cap
        ):
            end += 1
        if end + 3 < len(toks) and toks[end + 1].text == "(" and toks[end + 3].text == ")":
            end += 3  # its acronym
        src = Source(src.first, end, src.relative)
        after = end + 1
    if (
        after + 1 < len(toks)
        and toks[after].low in ("and", "or")
        and is_lower_word(toks[src.last])
        and is_word(toks[after + 1])
    ):
        more = np_right(ctx, toks, after + 1)
        if more is None or not ends_clause(toks, more.last):
            return None  # cut at "and", and the rest is no phrase either
        src = Source(src.first, more.last, src.relative)  # "... science fiction and fantasy author John M. Ford"
    if (
        src.first >= 2
        and toks[src.first - 1].low in ("and", "or")
        and is_lower_word(toks[src.first])
        and is_lower_word(toks[src.first - 2])
        and (nounish(ctx.lex, toks[src.first - 2]) or toks[src.first - 2].low.endswith("s"))
    ):
        left = np_left(ctx, toks, src.first - 2)
        if left is not None:
            src = Source(left.first, src.last, src.relative)  # "users and critics alike"
    return src
