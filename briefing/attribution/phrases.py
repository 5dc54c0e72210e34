"""Noun phrases: walking left from a verb to its subject, right from a cue to an inverted
subject, over appositions ("Sean Spicer, a spokesman ..., said") and to the subject of
the main clause. A phrase found is a :class:`Source`: a token range of one sentence.
"""

from __future__ import annotations

from typing import NamedTuple

from .entities import ArticleEntities
from .lexicon import (
    ADVERBS, AUX, BARE_SOURCES, BE, BOUNDARY_WORDS, CLAUSE_ENDERS, CLAUSE_OPENERS, CLOSE_Q, DASHES,
    DEMONYM_ENDINGS, DETERMINERS, FUNCTION_WORDS, NOT_MODIFIERS, NP_LINK_PREPS, OPEN_Q, RELATIVES,
    SUBJECT_PRONOUNS, SUBORDINATORS, Lexicon, lexicon,
)
from .tokens import Tok, is_lower_word, is_ly_adverb, is_word, nounish


_LOWER_PARTICLES = frozenset({"van", "von", "de", "der", "den", "bin", "al", "da", "du", "le", "la", "di", "del"})


class Source(NamedTuple):
    """A source phrase found for a cue: token range, and the entity it names if any."""

    first: int
    last: int
    relative: bool = False  # "who" / "which" / "that": the antecedent is first..last
    joined: int = -1  # two subjects joined by "and" over an apposition: where the second starts


def np_left(ctx: ArticleEntities, toks: list[Tok], j: int) -> Source | None:
    """The noun phrase that ends at token ``j`` (its head), scanning leftwards."""
    lex = ctx.lex
    head = toks[j]
    if head.text == ")":
        k = j - 1
        while k >= 0 and toks[k].text != "(":
            k -= 1
        if k <= 0:
            return None
        inner = np_left(ctx, toks, k - 1)
        return Source(inner.first, j) if inner else None
    if head.low in SUBJECT_PRONOUNS:
        return Source(j, j)
    if head.low in BARE_SOURCES and (
        j == 0 or not is_word(toks[j - 1]) or toks[j - 1].low in BOUNDARY_WORDS
    ):
        return Source(j, j)  # "some note that ...", "someone asked"
    may = head.text == "May" and j > 0 and toks[j - 1].cap  # "Theresa May", not the auxiliary
    if not is_word(head) or head.low in FUNCTION_WORDS and not may or head.low in NOT_MODIFIERS:
        return None
    if head.low in lex.time_words and not head.cap and not may:
        return None
    if is_lower_word(head) and (
        head.low in lex.cue_forms and lex.cue_forms[head.low][1] in ("past", "ing") or is_ly_adverb(head)
    ):
        return None
    k = _np_left_start(ctx, toks, j)
    if k is None:
        return None
    # A bare lowercase noun is a source only when it looks like one ("officials", "police").
    if (
        k == j
        and is_lower_word(head)
        and not (head.low.endswith("s") or nounish(lex, head) or head.low in BARE_SOURCES)
    ):
        return None
    return Source(k, j)


def _np_left_start(ctx: ArticleEntities, toks: list[Tok], j: int) -> int | None:
    """Where the noun phrase with its head at token ``j`` starts: leftwards over
    possessives, determiners, capitalised words, prepositions between nouns and up to
    three lowercase modifiers. None when a pronoun owns the head ("his ...")."""
    lex = ctx.lex
    k = j
    lowers = 0
    while k - 1 >= 0:
        p = toks[k - 1]
        if p.text in ("’s", "'s") and k - 2 >= 0 and is_word(toks[k - 2]):
            if toks[k - 2].low in SUBJECT_PRONOUNS:
                return None
            k -= 2
            continue
        if p.low in DETERMINERS:
            if p.low == "that" and toks[k].cap:
                break  # "... that Trump said": a conjunction, not a determiner
            k -= 1
            if _preposition_before_determiner(lex, toks, k):
                k -= 1
                continue
            break
        if (
            is_word(p)
            and p.cap
            and p.low not in FUNCTION_WORDS
            and not (p.low in lex.time_words and p.low != "may")
        ):
            if k - 1 == 0 and p.low in CLAUSE_OPENERS:
                break
            k -= 1
            continue
        if (
            p.low in ("and", "&")
            and k - 2 >= 0
            and toks[k].cap
            and toks[k - 2].cap
            and toks[k - 2].low not in FUNCTION_WORDS
        ):
            k -= 1
            continue
        if _preposition_left(lex, toks, k):
            if toks[k - 2].cap or nounish(lex, toks[k - 2]):
                k -= 1
                continue
            break
        if (
            is_lower_word(p)
            and p.low not in FUNCTION_WORDS
            and p.low not in NOT_MODIFIERS
            and lowers < 3
            and p.low not in lex.time_words
        ):
            if _not_a_modifier(lex, toks, k):
                break
            k -= 1
            lowers += 1
            continue
        break
    return k


def _preposition_before_determiner(lex: Lexicon, toks: list[Tok], k: int) -> bool:
    """Whether the phrase that starts with a determiner at ``k`` goes on leftwards past a
    preposition: "a spokesman for the company", "Research from the Center"."""
    return (
        k - 2 >= 0
        and toks[k - 1].low in NP_LINK_PREPS
        and (
            nounish(lex, toks[k - 2])
            or toks[k - 2].cap
            and toks[k - 2].low not in FUNCTION_WORDS
            and k - 2 > 0
        )
    )


def _preposition_left(lex: Lexicon, toks: list[Tok], k: int) -> bool:
    """Whether token ``k - 1`` is a preposition between two nouns of the phrase that
    starts at ``k``: "spokesman for Google", "Center on Budget", "officials in Gaza"."""
    p = toks[k - 1]
    return (
        (
            p.low in NP_LINK_PREPS
            or p.low == "on"
            and toks[k - 2].cap
            or p.low == "in"
            and toks[k - 2].low in lex.person_nouns
        )
        and k - 2 >= 0
        and is_word(toks[k - 2])
        and toks[k - 2].low not in FUNCTION_WORDS
        and (toks[k].cap or toks[k].low in DETERMINERS)
    )


def _not_a_modifier(lex: Lexicon, toks: list[Tok], k: int) -> bool:
    """Whether the lowercase word at ``k - 1`` ends the phrase rather than modifying it:
    a participle ("injured"), a cue verb or an adverb."""
    p = toks[k - 1]
    if (
        p.low.endswith(("ed", "ing"))
        and not (k - 2 >= 0 and toks[k - 2].low in DETERMINERS)
        and p.low not in lex.person_nouns
    ):
        return True
    if p.low in lex.cue_forms and not (
        lex.cue_forms[p.low][1] == "base" and lex.cue_forms[p.low][0] in lex.noun_homographs
    ):
        return True
    return is_ly_adverb(p)


def after_boundary(toks: list[Tok], first: int) -> bool:
    """Whether a subject starting at ``first`` starts a clause (so is not an object or
    a modifier: "of Republican claims", "a network Russia has financed")."""
    if first == 0:
        return True
    p = toks[first - 1]
    if (
        is_lower_word(p)
        and p.low not in FUNCTION_WORDS
        and p.low not in NOT_MODIFIERS
        and (
            first == 1
            or toks[first - 2].low in BOUNDARY_WORDS
            or not is_word(toks[first - 2])
            and toks[first - 2].text not in ("’s", "'s")
        )
    ):
        return True  # "retired Air Force general Lloyd Newton", "restructuring experts"
    return (
        not is_word(p)
        and p.text not in ("’s", "'s")
        # a number, unless it counts the object of a preposition: "one study in 496 adolescent girls"
        or p.text[:1].isdigit()
        and not (first >= 2 and toks[first - 2].low in ("in", "among"))
        or p.low in BOUNDARY_WORDS
        or p.low in lexicon().time_words
        or is_ly_adverb(p)
        and is_lower_word(p)
    )


def np_right(ctx: ArticleEntities, toks: list[Tok], k: int) -> Source | None:
    """The noun phrase that starts at token ``k``, scanning rightwards."""
    n = len(toks)
    if k >= n:
        return None
    first = toks[k]
    if first.low in SUBJECT_PRONOUNS and first.low != "it":
        return Source(k, k)
    j = k
    if first.low in DETERMINERS and first.low != "that" or first.low in ("his", "her", "its", "their"):
        j = k + 1
    if j >= n or not is_word(toks[j]):
        return None
    last = _np_right_end(ctx, toks, j)
    if last is None:
        return None
    while last > k and toks[last].low in ("and", "of", "for", "at", "from", "the"):
        last -= 1
    return Source(k, last)


def _np_right_end(ctx: ArticleEntities, toks: list[Tok], j: int) -> int | None:
    """The last token of the noun phrase whose words start at token ``j`` (after any
    determiner): rightwards over capitalised words and numbers, possessives, brackets,
    names joined by "and", prepositions after a noun that takes them ("a spokesman for
    the company") and up to four lowercase words. None when there is no such word."""
    lex = ctx.lex
    n = len(toks)
    last = None
    lowers = 0
    while j < n:
        t = toks[j]
        if t.text in ("’s", "'s") and last is not None:
            last = j
            j += 1
            continue
        if is_word(t) and (t.cap and t.low not in FUNCTION_WORDS or t.text[:1].isdigit()):
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
        if t.low in _LOWER_PARTICLES and last is not None and j + 1 < n and toks[j + 1].cap and toks[last].cap:
            last = j + 1  # "Louis van Gaal", "Osama bin Laden"
            j += 2
            continue
        if t.low in ("and", "&") and last is not None and j + 1 < n and toks[j + 1].cap and toks[last].cap:
            j += 1
            if toks[j].low == "the" and j + 1 < n and toks[j + 1].cap:
                j += 1  # "N12 and The Jerusalem Post"
            continue
        if (
            t.low in NP_LINK_PREPS
            and last is not None
            and j + 1 < n
            and (toks[j + 1].cap or toks[j + 1].low in DETERMINERS or is_lower_word(toks[j + 1]))
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
                if toks[j].low in DETERMINERS:
                    j += 1
                continue
            break
        if is_lower_word(t) and t.low not in FUNCTION_WORDS and lowers < 4 and not is_ly_adverb(t):
            if _ends_right(lex, toks, j, last):
                break
            last = j
            lowers += 1
            j += 1
            continue
        break
    return last


def _ends_right(lex: Lexicon, toks: list[Tok], j: int, last: int | None) -> bool:
    """Whether the lowercase word at ``j`` is no part of the phrase that ends at ``last``
    so far: a cue or a verb after a name ("Hillary Clinton needs ..."), a participle or a
    time word."""
    t = toks[j]
    n = len(toks)
    if t.low in lex.cue_forms and last is not None:
        return True
    if (
        last is not None
        and toks[last].cap
        and not (nounish(lex, t) or j + 1 < n and nounish(lex, toks[j + 1]))
    ):
        return True  # "Hillary Clinton needs ...": a verb after the name
    if t.low.endswith(("ed", "ing")) and last is not None and t.low not in lex.person_nouns:
        return True
    return t.low in lex.time_words


def ends_clause(toks: list[Tok], j: int) -> bool:
    """Whether the phrase that ends at token ``j`` ends its clause: '..., said Smith.'"""
    if j + 1 >= len(toks):
        return True
    nxt = toks[j + 1]
    return (
        nxt.text in ",.;:!?()"
        or nxt.text in CLOSE_Q
        or nxt.text in DASHES
        or nxt.text in OPEN_Q
        or nxt.low in CLAUSE_ENDERS
        or nxt.low in lexicon().time_words
        and nxt.cap
    )


def skip_apposition_left(toks: list[Tok], j: int) -> int | None:
    """For "X, a spokesman for Y, said", the index of X's last token (j is the comma)."""
    k = j - 1
    be = False
    while k >= 0 and toks[k].text not in (",", "“", "”", '"', ";", ":"):
        be = be or toks[k].low in BE
        k -= 1
    if k <= 0 or toks[k].text != "," or k == j - 1:
        return None
    inner = toks[k + 1]
    if be and inner.low not in RELATIVES and inner.low != "whose":  # "Mr Brown, whose son was killed, said"
        return None
    if not (
        inner.low in DETERMINERS
        or inner.low in RELATIVES
        or inner.cap
        or is_lower_word(inner)
        or inner.text[:1].isdigit()
    ):
        return None
    if toks[k - 1].text in CLOSE_Q or not is_word(toks[k - 1]) and toks[k - 1].text != ")":
        return None
    return k - 1


def clause_subject(ctx: ArticleEntities, toks: list[Tok], before: int) -> Source | None:
    """The subject of the sentence's main clause, for a participle cue ("..., saying"):
    the first noun phrase, at the start or after a comma, that a verb follows."""
    k = 0
    while k < before and (toks[k].low in CLAUSE_OPENERS or not is_word(toks[k])):
        k += 1
    starts = [k] + [c + 1 for c in range(k, before) if toks[c].text == "," and not toks[c].quoted]
    for k in starts:
        if k >= before or toks[k].quoted or toks[k].low in SUBORDINATORS or toks[k].low in CLAUSE_OPENERS:
            continue
        np = np_right(ctx, toks, k)
        if np is not None and np.last < before and _verb_follows(toks, np, before):
            return np
    return None


def _verb_follows(toks: list[Tok], np: Source, before: int) -> bool:
    """Whether a verb (or an apposition, then a verb) follows a subject noun phrase."""
    k = np.last + 1
    while k < len(toks) and (
        toks[k].low in ADVERBS or is_ly_adverb(toks[k]) and is_lower_word(toks[k])
    ):
        k += 1
    nxt = toks[k] if k < len(toks) else None
    if nxt is None or not (_verbish(nxt) or nxt.text == "," or nxt.low in ("and", "or", "in", "on", "at")):
        return False
    if np.first == np.last and toks[np.first].low.endswith(DEMONYM_ENDINGS) and is_lower_word(nxt):
        return False  # "Australian band Men at Work ...": an adjective
    if nxt.text == ",":  # "Clinton, the former secretary of State, stressed ..."
        return _skip_apposition_right(toks, k, before) is not None
    return True


def _verbish(tok: Tok) -> bool:
    """A lowercase word that can be a finite verb: "exhorted", "says", "has", "will"."""
    low = tok.low
    return is_lower_word(tok) and low not in FUNCTION_WORDS and not nounish(lexicon(), tok) or low in AUX


def _skip_apposition_right(toks: list[Tok], comma: int, before: int) -> int | None:
    """The comma closing an apposition that opens at ``comma``, if it closes before ``before``."""
    for c in range(comma + 1, before):
        if toks[c].text == ",":
            return c if c + 1 < len(toks) and is_lower_word(toks[c + 1]) else None
        if toks[c].text in CLOSE_Q or toks[c].text in OPEN_Q:
            return None
    return None
