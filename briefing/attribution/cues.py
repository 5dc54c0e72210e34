"""Cues: the words that mark an attribution in a sentence.

Verbs of saying, reporting, finding, believing ... in any tense (a capitalised one only
inside a title-case headline, a noun homograph only where a verb can stand), "according
to", a speaker's name and a colon opening a line, and a dash before a name closing a
quotation. :func:`extend_cue` adds the setting of a speech act ("said in a statement").
"""

from __future__ import annotations

from typing import NamedTuple

from ..models import Span
from .entities import ArticleEntities
from .lexicon import (
    AUX, BARE_SOURCES, CLOSE_Q, DASHES, DETERMINERS, FUNCTION_WORDS, HEADLINE_BLOCK, OPEN_Q, RELATIVES,
    SUBJECT_PRONOUNS,
)
from .tokens import Tok, is_lower_word, is_word, nounish, prev_word


class Cue(NamedTuple):
    """A cue found in a sentence: its token range, lemma and how its source is found."""

    first: int
    last: int  # inclusive
    lemma: str
    form: str  # "base" | "s" | "past" | "ing" | "according" | "colon" | "dash" | "to"


def _is_headline(toks: list[Tok]) -> bool:
    """A title-case line: "Obama Says African-American Museum Will Tell of 'Suffering'"."""
    words = [t for t in toks if t.text[:1].isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(t.cap for t in words) >= 0.8 * len(words)


def find_cues(ctx: ArticleEntities, index: int) -> list[Cue]:
    """The cues in sentence ``index``, in order."""
    toks = ctx.tokens[index]
    cues: list[Cue] = []
    n = len(toks)
    headline = _is_headline(toks)
    for i, t in enumerate(toks):
        if t.low == "according" and i + 1 < n and toks[i + 1].low == "to":
            cues.append(Cue(i, i + 1, "according to", "according"))
            continue
        cue = _verb_cue(ctx, index, i, headline)
        if cue is not None:
            cues.append(cue)
    _headline_cues(ctx, index, cues)
    colon = next((c for c in cues if c.form == "colon"), None)
    if colon is not None and headline:
        # "Pat Caddell: Democrat Voters Worried About ...": the rest is the speaker's words
        cues = [c for c in cues if c.first <= colon.first or c.form != "past" and c.form != "s"]
    return cues


def _verb_cue(ctx: ArticleEntities, index: int, i: int, headline: bool) -> Cue | None:
    """The cue at token ``i`` of sentence ``index`` when it is a cue verb used as a verb."""
    lex = ctx.lex
    toks = ctx.tokens[index]
    n = len(toks)
    t = toks[i]
    entry = lex.cue_forms.get(t.low)
    # A capitalised cue is a verb only inside a title-case headline ("Graham Says").
    if (
        entry is None
        or t.cap
        and (i == 0 or not headline or toks[i - 1].text in OPEN_Q or entry[1] not in ("s", "past"))
    ):
        return None
    lemma, form = entry
    prev = toks[i - 1] if i else None
    if prev is not None and (
        prev.low in DETERMINERS
        and prev.low not in ("that", "all", "both", "one")
        or prev.low in ("’s", "'s")
        and form != "past"
        or prev.low in ("so", "-")
    ):
        return None  # a noun: "the report", "his claims", "so-called"
    if _noun_after_modifiers(toks, i, form):
        return None  # "a New York Times report", "so many Republican claims"
    last = i
    particle = lex.phrasal.get(lemma)
    if particle:
        if i + 1 < n and toks[i + 1].low == particle:
            last = i + 1
        else:
            return None
    if lemma in lex.speech_context and not _speech_follows(toks, last):
        return None  # "would add $84 billion", "Israel continued to pummel"
    if (
        form in ("base", "s")
        and lemma in lex.noun_homographs
        and last + 1 < n
        and toks[last + 1].low in AUX
        and toks[last + 1].low not in ("not", "also")
    ):
        return None  # "Health worries have dogged ...": a noun, since no verb takes an auxiliary after it
    if lemma == "call" and form == "past" and _names_a_thing(ctx, toks, i):
        return None  # "a breastmilk-enhancing drug called Domperidone": named, not said
    if form == "ing" and last + 1 < n and toks[last + 1].low == "of":
        return None  # "the arrest and questioning of Gerry Adams": a noun
    if form == "past" and last + 1 < n and toks[last + 1].low == "with" and lemma in ("threaten", "charge"):
        return None  # "attacked and threatened with murder": done to the subject, not said by it
    if _other_sense(ctx, toks, i, last, lemma):
        return None  # "claimed his title", "reported from Midway", "wouldn't say."
    if form in ("base", "s") and lemma in lex.noun_homographs and not headline:
        if _used_as_noun(ctx, index, i, last, form) or _modifies_noun(lex, toks, last):
            return None
    if form == "base":
        j = prev_word(toks, i)
        if j >= 0 and toks[j].low == "to":
            return Cue(i, last, lemma, "to")
    return Cue(i, last, lemma, form)


_PLURAL_DETERMINERS = frozenset(
    {"many", "several", "few", "these", "those", "two", "three", "four", "five", "six", "seven", "eight", "nine",
     "ten", "dozens", "hundreds", "thousands", "millions", "both", "numerous", "multiple", "various"}
)


def _noun_after_modifiers(toks: list[Tok], i: int, form: str) -> bool:
    """Whether the cue at ``i`` heads a noun phrase whose determiner stands a few words
    before it: "a" or "an" before a base form ("a New York Times report"), a plural
    determiner before an "s" form ("so many Republican claims"); a verb agrees with
    neither."""
    if form not in ("base", "s"):
        return False
    k = i - 1
    while k >= 0 and i - k <= 4 and is_word(toks[k]) and (toks[k].cap or toks[k].text[:1].isdigit()):
        k -= 1
    if k == i - 1 or k < 0:
        return False
    det = toks[k].low
    return form == "base" and det in ("a", "an") or form == "s" and det in _PLURAL_DETERMINERS


_CLAUSE_MARKS = frozenset({"that", ":"})
_DEGREE = frozenset({"so", "such", "too", "very", "many", "much", "more", "most", "few", "fewer", "less"})


def _other_sense(ctx: ArticleEntities, toks: list[Tok], i: int, last: int, lemma: str) -> bool:
    """Whether the cue verb at ``i..last`` is used in a sense that reports no words:
    with a particle of another sense and no clause after it ("reported from Midway",
    "Vindman reported to him", "insist on being"); with an object that is no
    proposition ("claimed his title", "claimed victory", "tells lies", "wrote letters");
    a blow, not words ("attacked her with two knives"); or a
    refusal that reports nothing ("Kadzik wouldn't say.")."""
    lex = ctx.lex
    n = len(toks)
    rest = toks[last + 1 : last + 10]
    clause = any(t.low in _CLAUSE_MARKS or t.text in OPEN_Q for t in rest)
    nxt = toks[last + 1] if last + 1 < n else None
    if nxt is not None and nxt.low in lex.not_speech_after.get(lemma, ()) and not clause:
        return True
    objects = lex.non_proposition_objects.get(lemma)
    if objects and nxt is not None:
        # the object's head, over determiners, numbers and up to a few modifiers:
        # "claimed his 22nd grand slam title", "tells so many lies"
        k = last + 1
        while k < n and k - last <= 5 and toks[k].low not in objects and (
            toks[k].low in DETERMINERS
            or toks[k].text in ("’s", "'s")
            or toks[k].low in _DEGREE
            or toks[k].text[:1].isdigit()
            or is_lower_word(toks[k]) and toks[k].low not in FUNCTION_WORDS and toks[k].low not in AUX
        ):
            k += 1
        if k < n and toks[k].low in objects and not (k + 1 < n and toks[k + 1].low in AUX):
            return True  # ... unless a verb follows it: "claimed the title was rigged"
    if lemma in lex.needs_reason and not clause:
        # "attacked her with two kitchen knives", "attacked the USS Cole, killing 17",
        # "condemned the kitten to a slow death", "viciously attacked a boy"
        blows = lex.blow_signals.get(lemma, frozenset())
        reason = next((t for t in rest if t.low in ("as", "for", "over") or t.low in blows), None)
        if reason is not None and reason.low in blows or i and toks[i - 1].low in lex.blow_adverbs:
            return True
    j = prev_word(toks, i)
    if any(t.low in ("cannot", "can't", "can’t", "couldn't", "couldn’t") for t in toks[max(j + 1, 0) : i]):
        return True  # "Words cannot describe how ...", "he could not explain why": nothing reported
    if lemma in lex.speech and lemma not in ("deny", "admit", "acknowledge"):
        j = i - 1
        while j >= 0 and (toks[j].low in AUX or toks[j].low.endswith(("n't", "n’t"))):
            if toks[j].low in ("not", "never") or toks[j].low.endswith(("n't", "n’t")):
                # nothing reported: the sentence ends, or an object then the end
                tail = [t for t in toks[last + 1 :] if is_word(t)]
                if len(tail) <= 3 and all(t.low not in _CLAUSE_MARKS for t in tail) and not any(
                    t.text in OPEN_Q for t in toks[last + 1 :]
                ):
                    return True
                break
            j -= 1
    return False


def _names_a_thing(ctx: ArticleEntities, toks: list[Tok], i: int) -> bool:
    """Whether "called" at ``i`` gives a name to what an indefinite phrase before it
    describes: "a drug called Domperidone", "a Pakistan-based group called Lashkar-e-Taiba"."""
    prev = toks[i - 1] if i else None
    if prev is None or not is_lower_word(prev) or prev.low in FUNCTION_WORDS or i + 1 >= len(toks):
        return False
    if not toks[i + 1].cap or prev.low in ctx.lex.person_nouns:
        return False
    return any(t.low in ("a", "an") for t in toks[max(0, i - 4) : i - 1])


def _modifies_noun(lex, toks: list[Tok], last: int) -> bool:
    """Whether the cue word ending at ``last`` modifies nouns before a verb of its own:
    "which state news media claimed ...", "the report findings showed ..."."""
    k = last + 1
    while k < len(toks) and k - last <= 3 and is_lower_word(toks[k]) and toks[k].low not in FUNCTION_WORDS \
            and toks[k].low not in lex.cue_forms:
        k += 1
    return k > last + 1 and k < len(toks) and toks[k].low in lex.cue_forms and lex.cue_forms[toks[k].low][1] in ("past", "s")


def _used_as_noun(ctx: ArticleEntities, index: int, i: int, last: int, form: str) -> bool:
    """Whether a cue that is also a noun ("claim", "reports", "shows") is one here: no
    auxiliary and no subject before it ("Initial reports"), or a name before its base
    form ("a Trump claim")."""
    toks = ctx.tokens[index]
    if 0 < i and last + 1 < len(toks) and toks[i - 1].text == "," and toks[last + 1].low in ("and", "or", ","):
        return True  # an item of a list: "250 love letters, telegrams, notes and cards"
    j = prev_word(toks, i)
    before = toks[j] if j >= 0 else None
    aux = j < i - 1 and any(toks[k].low in AUX for k in range(j + 1, i))
    if not aux and not (
        before is not None
        and (
            before.low in SUBJECT_PRONOUNS
            or before.low in RELATIVES
            or before.low in BARE_SOURCES and before.low not in DETERMINERS  # "..., police claim."
            # a name or a noun, not an adjective: "Video shows", but "Initial reports"
            or before.cap
            and (any(m.first <= j <= m.last for m in ctx.mentions[index]) or nounish(ctx.lex, before))
            or before.low == "to"
            or before.text == ","
            and form == "s"
            # "experts say", and "A Bloomberg poll shows that ..."
            or is_lower_word(before)
            and before.low.endswith("s") == (form == "base")
            and (form == "base" or _complement_follows(toks, last))
        )
    ):
        return True
    if (
        before is not None
        and before.cap
        and form == "base"
        and not aux
        and not before.low.endswith("s")
    ):
        return True  # "a Trump claim"
    return False


def _complement_follows(toks: list[Tok], last: int) -> bool:
    """Whether a clause or an object follows the cue ("shows that", "states:")."""
    if last + 1 >= len(toks):
        return False
    nxt = toks[last + 1]
    return nxt.low in ("that", "how", "why", "what", "whether") or nxt.text in ":," or nxt.text in OPEN_Q


def _speech_follows(toks: list[Tok], last: int) -> bool:
    """Whether words are reported after the cue: a colon, a comma, a quotation, "that",
    or the end of the sentence ('"...," he added.')."""
    if last + 1 >= len(toks):
        return True
    nxt = toks[last + 1]
    return (
        nxt.text in ",.:;"
        or nxt.text in OPEN_Q
        or nxt.text in CLOSE_Q
        or nxt.low == "that"
        or nxt.cap
        and toks[last - 1].text in ","
    )


def _headline_cues(ctx: ArticleEntities, index: int, cues: list[Cue]) -> None:
    """Cues without a verb: a speaker's name and a colon opening a line ("Pence: Flowers
    won't be at debate", '"WALLACE: Let's start'), and a dash before a name closing a
    quotation ('"..." ― Sonya Herridge')."""
    toks = ctx.tokens[index]
    start = 1 if toks and toks[0].text in OPEN_Q else 0
    k = start
    while (
        k < len(toks) and k - start < 5 and is_word(toks[k]) and toks[k].cap and toks[k].low not in FUNCTION_WORDS
    ):
        k += 1
    if (
        start < k < len(toks) - 1
        and toks[k].text == ":"
        and not any(t.low in HEADLINE_BLOCK for t in toks[start:k])
        and _speaker_label(ctx, index, start, k)
    ):
        cues.append(Cue(k, k, ":", "colon"))
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].text in DASHES and (k == 0 or toks[k - 1].text in CLOSE_Q):
            rest = toks[k + 1 :]
            if rest and rest[-1].text == ".":
                rest = rest[:-1]
            if rest and len(rest) <= 6 and all(t.cap or t.text in ".-" for t in rest):
                cues.append(Cue(k, k, toks[k].text, "dash"))
            break


def _speaker_label(ctx: ArticleEntities, index: int, start: int, colon: int) -> bool:
    """Whether the words before the colon at ``colon`` label a speaker, not a caption or a
    heading ("Kick-off:", "Shocked:", "Former friends:", "High School Roundup:").

    A speaker is a person or an organisation: a name the article uses elsewhere too, or
    (for a name followed by a quotation) one it marks as a person or organisation; or
    an interview line's capitals ("WALLACE:") that open two lines or more; or a poll or
    study ("Poll: Clinton leads"). And the line is a quote or interview line: a
    quotation opens after the colon, the label is an interview line's, or the line is a
    headline (the article's first sentence, or in title case)."""
    toks = ctx.tokens[index]
    label = toks[start:colon]
    if all(t.text.isupper() and len(t.text) > 1 for t in label):
        return sum(_opens_with_label(toks_s) for toks_s in ctx.tokens) >= 2  # an interview: two lines or more
    quoted_line = colon + 1 < len(toks) and toks[colon + 1].text in OPEN_Q
    headline = index == 0 or _is_headline(toks)
    if not (quoted_line or headline):
        return False
    if len(label) == 1 and label[0].low in ctx.lex.study_nouns:
        return True
    mention = next((m for m in ctx.mentions[index] if m.first <= colon - 1 <= m.last and m.first >= start), None)
    if mention is None or mention.last != colon - 1:
        return False
    entity = mention.entity
    elsewhere = any(m.entity is entity for s, ms in enumerate(ctx.mentions) if s != index for m in ms)
    # a person or an organisation: by a title, a gender or an organisation's word, or a
    # first name and a surname ("Pat Caddell"), not "Portion Fix Containers" or a word
    speaker = (
        entity.kind in ("person", "org")
        or entity.gender is not None
        or entity.kind == "name" and len(entity.words) == 2
        # one word ("Politifact: ..."): a headline's, named elsewhere, and not only as a label
        or len(entity.words) == 1 and index == 0 and any(
            m.entity is entity and (m.last + 1 >= len(ctx.tokens[s]) or ctx.tokens[s][m.last + 1].text != ":")
            for s, ms in enumerate(ctx.mentions) if s != index for m in ms
        )
    )
    return speaker and (elsewhere or quoted_line)


def _opens_with_label(toks: list[Tok]) -> bool:
    """Whether a line opens with a label in capitals and a colon ("WALLACE: ...")."""
    start = 1 if toks and toks[0].text in OPEN_Q else 0
    end = start
    while end < len(toks) and end - start < 4 and toks[end].text.isupper() and len(toks[end].text) > 1:
        end += 1
    return start < end < len(toks) and toks[end].text == ":"


def extend_cue(ctx: ArticleEntities, toks: list[Tok], cue: Cue, text: str, span: Span) -> tuple[str, Span]:
    """ "said in a statement": the setting of a speech act is part of its cue."""
    k = cue.last + 1
    if cue.form in ("colon", "dash", "according") or k + 1 >= len(toks) or toks[k].low != "in":
        return text, span
    k += 1
    if k < len(toks) and toks[k].low in ("a", "an", "the", "his", "her", "their", "its"):
        k += 1
    for setting in ctx.lex.settings:
        end = k + len(setting)
        if end <= len(toks) and tuple(t.low for t in toks[k:end]) == setting:
            new = (span[0], toks[end - 1].end)
            return ctx.text[new[0] : new[1]], new
    return text, span
