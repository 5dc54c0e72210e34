"""Points that stand on their own: each key point carries its sentence's attribution (or
the one a running quotation carries over) and says who it is about, the pronoun or
description that attribution resolved replaced by the name. Quoted words are never
altered.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..attribution.subjects import SubjectResolution
from ..models import Attribution, Sentence, Span
from .penalties import quoted_share
from .ranker import Attributions

_POSSESSIVES = frozenset({"his", "her", "its", "their"})
_CARRY_BACK = 3  # sentences a running quotation may reach back for its speaker


def attribution_for(index: int, sentences: Sequence[Sentence], attributions: Attributions) -> Attribution | None:
    """The attribution a point made of sentence ``index`` carries.

    Its own, when it has one (the first, which is the sentence's main one). Otherwise,
    when the sentence is a quotation that runs on from the sentences before (it shares a
    quotation with them, or it is mostly a quotation following a sentence whose
    attribution quotes), the attribution of the sentence that introduced it, marked
    ``carried_over`` and without spans (they point into that other sentence).
    """
    if attributions[index]:
        return attributions[index][0]
    sentence = sentences[index]
    if not sentence.quote_spans:
        return None
    current = sentence
    for back in range(index - 1, max(-1, index - 1 - _CARRY_BACK), -1):
        previous = sentences[back]
        continues = bool(set(current.quotation_ids) & set(previous.quotation_ids))
        if attributions[back]:
            found = attributions[back][0]
            if continues or (found.quote and quoted_share(current) >= 0.5):
                # Its spans point into the sentence it was found in, not into this one.
                return replace(found, carried_over=True, source_span=None, cue_span=None)
            return None
        if not continues:
            return None
        current = previous
    return None


def apostrophe_of(text: str) -> str:
    """The apostrophe the article uses: curly (’) unless straight ones (') are more common.

    >>> apostrophe_of("Musk’s firm isn’t")
    '’'
    >>> apostrophe_of("Musk's firm")
    "'"
    """
    return "'" if text.count("'") > text.count("’") else "’"


def name_source(text: str, start: int, attribution: Attribution | None,
                quote_spans: Sequence[Span] = (), apostrophe: str = "’") -> str:
    """``text`` (a sentence at offset ``start`` of the article) with the pronoun or description
    that ``attribution`` resolved replaced by the source's name.

    Nothing changes unless the attribution was resolved (``resolved_from`` set) and its
    ``source_span`` lies in this sentence, holds exactly the ``resolved_from`` words and
    touches no quotation: quoted words are never altered. Possessives become the name
    with the article's apostrophe.

    >>> a = Attribution("Elon Musk", "said", resolved_from="He", source_span=(100, 102))
    >>> name_source("He said: “Nothing could be further from the truth.”", 100, a)
    'Elon Musk said: “Nothing could be further from the truth.”'
    >>> b = Attribution("Elon Musk", "read", resolved_from="His", source_span=(10, 13))
    >>> name_source("His response read: “You have said the actual truth”.", 10, b, apostrophe="'")
    "Elon Musk's response read: “You have said the actual truth”."
    >>> c = Attribution("Elon Musk", "said", resolved_from="he", source_span=(6, 8))
    >>> name_source("“No,” he said.", 0, c, quote_spans=((1, 4),))
    '“No,” Elon Musk said.'
    >>> name_source("“He is wrong,” she said.", 0, c, quote_spans=((1, 13),))
    '“He is wrong,” she said.'
    >>> d = Attribution("the Center for Countering Digital Hate", "found", resolved_from="They", source_span=(0, 4))
    >>> name_source("They found that 196 of the posts stayed up.", 0, d)
    'The Center for Countering Digital Hate found that 196 of the posts stayed up.'
    """
    if attribution is None or not attribution.resolved_from or attribution.source_span is None:
        return text
    s_start, s_end = attribution.source_span[0] - start, attribution.source_span[1] - start
    if not 0 <= s_start < s_end <= len(text):
        return text
    written = text[s_start:s_end]
    if written.strip().lower() != attribution.resolved_from.strip().lower():
        return text
    if any(q_start < attribution.source_span[1] and attribution.source_span[0] < q_end for q_start, q_end in quote_spans):
        return text
    at_start = not text[:s_start].strip(" \"'“‘([")
    return _put_name(text[:s_start], attribution.source, text[s_end:], at_start,
                     written.strip().lower() in _POSSESSIVES, apostrophe)


def _put_name(before: str, name: str, after: str, at_start: bool, possessive: bool, apostrophe: str) -> str:
    """``before + name + after``, the name shaped for its place: capitalised at the start
    of the sentence, "the ..." inside it, and with the apostrophe for a possessive.

    >>> _put_name("But ", "The Met Police", " visit.", False, True, "’")
    'But the Met Police’s visit.'
    """
    if at_start:
        name = name[:1].upper() + name[1:]
    elif name.startswith("The "):
        name = "the" + name[3:]
    if possessive:
        name += apostrophe if name.endswith("s") else apostrophe + "s"
    return before + name + after


_LEADING_AND = re.compile(r"^And,?\s+$")


def name_subject(text: str, start: int, subject: SubjectResolution | None,
                 quote_spans: Sequence[Span] = (), apostrophe: str = "’") -> str:
    """``text`` (a sentence at offset ``start`` of the article) with its opening subject,
    a pronoun or description that :func:`briefing.attribution.attribute.resolve_subjects` resolved,
    replaced by the name, so the point says who it is about out of context.

    A leading "And" goes with it: it only links to the sentence before, which the point
    lacks. "But", "However" and the like stay: they mark the point as a reply or a
    contrast (a denial, a setback), which is part of what it says. A description that
    holds a number ("The 52-year-old") stays as written: the number is a fact the
    name would lose. Nothing changes when the words at ``subject.span`` are not the
    resolved words, or touch a quotation. Possessives take the article's apostrophe.

    >>> he = SubjectResolution("Elon Musk", "he", (4, 6), "pronoun")
    >>> name_subject("And he has been accused of sharing anti-Semitic content himself.", 0, he)
    'Elon Musk has been accused of sharing anti-Semitic content himself.'
    >>> boss = SubjectResolution("Elon Musk", "The tech boss", (10, 23), "description")
    >>> name_subject("The tech boss has come under fire.", 10, boss)
    'Elon Musk has come under fire.'
    >>> but = SubjectResolution("Elon Musk", "his", (4, 7), "pronoun")
    >>> name_subject("But his visit went ahead.", 0, but, apostrophe="'")
    "But Elon Musk's visit went ahead."
    >>> age = SubjectResolution("Elon Musk", "The 52-year-old", (0, 15), "description")
    >>> name_subject("The 52-year-old met Herzog.", 0, age)
    'The 52-year-old met Herzog.'
    >>> name_subject("“He is wrong,” she said.", 0, SubjectResolution("Elon Musk", "He", (1, 3), "pronoun"), ((1, 13),))
    '“He is wrong,” she said.'
    """
    if subject is None or any(c.isdigit() for c in subject.words):
        return text
    s_start, s_end = subject.span[0] - start, subject.span[1] - start
    if not 0 <= s_start < s_end <= len(text) or text[s_start:s_end] != subject.words:
        return text
    if any(q_start < subject.span[1] and subject.span[0] < q_end for q_start, q_end in quote_spans):
        return text
    before = text[:s_start]
    if _LEADING_AND.match(before):
        before = ""
    return _put_name(before, subject.name, text[s_end:], not before.strip(),
                     subject.words.lower() in _POSSESSIVES, apostrophe)


def source_overlaps(attribution: Attribution | None, span: Span) -> bool:
    """Whether the attribution's source is the subject itself (named, or left as written)."""
    if attribution is None or attribution.source_span is None:
        return False
    return attribution.source_span[0] < span[1] and span[0] < attribution.source_span[1]
