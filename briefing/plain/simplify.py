"""The simplify stage: a plain-language version of each key point, guarded by the
faithfulness check.

The default rewriter is deterministic and offline. It applies named rules in order
(:data:`REWRITES`) and reports every rule that fired, the way ftfy explains its fixes:

- ``drop:parenthetical`` removes brackets that say nothing: a caption's pointer
  ("(pictured left)") or punctuation alone; every other bracket is a fact and stays;
- ``drop:filler`` removes words of emphasis ("very", "quite") where they state nothing;
- ``lexicon:WORD→PLAIN`` swaps hard words and journalese for plain ones from
  ``data/plain_lexicon.tsv``, keeping part of speech, inflection and capitals;
- ``passive`` turns "X was criticised by Y" into "Y criticised X";
- ``split:semicolon``, ``split:relative`` (", who" / ", which"), ``appositive``
  ("Musk, owner of X, is ..." -> "Musk is .... Musk is the owner of X."),
  ``split:conjunction`` (", but" / ", and" before a new clause), ``split:coordination``
  (two verbs that share a subject), ``split:participle`` ("..., killing seven" ->
  "This killed seven."), ``split:measured`` ("..., a day after X" -> "This was a day
  after X."), ``split:summary`` ("... the watch -- his first product." -> "... the
  watch. This is his first product.") and ``split:report-pair`` ("said A and that B" -> "said A. X also said
  that B.") break long sentences.

Closed word lists find the candidates; a dependency parser (:mod:`briefing.plain.parse`)
confirms the splits and drops whose safety turns on sentence structure: which noun a
clause belongs to, where it ends, whose action a participle is, whether a phrase is a
list item or an appositive. When the parser disagrees, the sentence stays as written.

Quotations, names, numbers, dates and the attribution's source and cue are protected
spans that no rule changes (:func:`briefing.plain.faithful.protected_spans`), and no sentence
is split inside a quotation. :func:`simplify_point` runs the check on every rewrite and
falls back to the original (split at semicolons only, when that alone passes).

The rules live in :mod:`briefing.plain.rules`, a module per family; this module is the
stage: the registry in its order, the rewrite, the check and its fallback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from . import llm
from ..text.quotes import quotations
from .glosses import add_glosses
from .novelty import check_both_ways
from .readability import compare
from .rules.appositives import _rule_appositive, _rule_inner_appositive, _rule_participle_appositive
from .rules.bracket_dates import _rule_bracket_dates
from .rules.deletions import _rule_fillers, _rule_heading, _rule_parentheticals, _rule_side_clauses
from .rules.lexicon import _rule_lexicon
from .rules.lexicon_entries import LexiconEntry, lexicon, lexicon_header
from .rules.linked import (
    _rule_including, _rule_measured_time, _rule_report_pair, _rule_summary, _rule_when_first,
)
from .rules.relatives import _rule_relative, _rule_restrictive
from .rules.reported import _rule_move_attribution
from .rules.splits import _rule_conjunction, _rule_semicolon, _split_semicolons
from .rules.text import _Context, _capitalise
from .rules.verbs import _rule_coordination, _rule_participle, _rule_passive
from ..models import Briefing, KeyPoint, PlainPoint
from ..text.nlp import sentence_tokenizer


_log = logging.getLogger(__name__)

__all__ = [
    "REWRITES", "Rule", "Rewrite", "LexiconEntry", "lexicon", "lexicon_header",
    "simplify_sentence", "simplify_text", "simplify_checked", "simplify_point", "simplify", "guard",
]


@dataclass(frozen=True)
class Rewrite:
    """A rewritten text and the rules that fired, in order."""

    text: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """A named rewrite rule over a list of sentences.

    ``apply`` takes the sentences and the context and returns the new sentences and
    the trace entries of this rule (empty when it did not fire).
    """

    name: str
    apply: Callable[[list[str], "_Context"], tuple[list[str], list[str]]]
    doc: str


REWRITES: dict[str, Rule] = {
    "drop:heading": Rule("drop:heading", _rule_heading, "Remove a section heading run into the sentence."),
    "drop:parenthetical": Rule("drop:parenthetical", _rule_parentheticals,
                               "Remove brackets that only point at a picture ('(pictured left)')."),
    "move:dates": Rule("move:dates", _rule_bracket_dates,
                       "'NAME (born DATE) is ...' -> 'NAME is .... NAME was born DATE.'"),
    "drop:side": Rule("drop:side", _rule_side_clauses, "Remove linking openers such as 'In return, '."),
    "drop:filler": Rule("drop:filler", _rule_fillers, "Remove words of emphasis such as 'very'."),
    "lexicon": Rule("lexicon", _rule_lexicon, "Swap hard words and journalese for plain ones (data/plain_lexicon.tsv)."),
    "passive": Rule("passive", _rule_passive, "'X was criticised by Y' -> 'Y criticised X'."),
    "split:semicolon": Rule("split:semicolon", _rule_semicolon, "Split at semicolons between clauses."),
    "appositive": Rule("appositive", _rule_appositive, "'NAME, ROLE, did' -> 'NAME did. NAME is the ROLE.'"),
    "appositive:inner": Rule("appositive:inner", _rule_inner_appositive,
                             "'... met NAME, the ROLE, ...' -> '... met NAME, .... NAME is the ROLE.'"),
    "appositive:participle": Rule("appositive:participle", _rule_participle_appositive,
                                  "'NAME, known for X, is ...' -> 'NAME is .... NAME is known for X.'"),
    "split:relative": Rule("split:relative", _rule_relative, "Non-restrictive ', who' / ', which' clauses become sentences."),
    "split:conjunction": Rule("split:conjunction", _rule_conjunction, "Split at ', but' / ', and' before a new clause."),
    "split:measured": Rule("split:measured", _rule_measured_time,
                           "'A, a day after B.' -> 'A. This was a day after B.' (past tense only)"),
    "split:including": Rule("split:including", _rule_including,
                            "'A killed five people, including two children.' -> '... The five people included two children.'"),
    "split:when-first": Rule("split:when-first", _rule_when_first, "'When X, Y.' -> 'Y. This was when X.' (past only)"),
    "split:summary": Rule("split:summary", _rule_summary,
                          "'... the Apple watch -- his company's first product.' -> '... the Apple watch. This is his company's first product.'"),
    "split:coordination": Rule("split:coordination", _rule_coordination,
                               "'X fired ... and mowed down ...' -> 'X fired .... The pitcher mowed down ...'"),
    "split:participle": Rule("split:participle", _rule_participle,
                             "'..., killing seven' -> '.... This killed seven.'; '..., saying X' -> '.... He said X.'"),
    "split:restrictive": Rule("split:restrictive", _rule_restrictive,
                              "'... held 16 citizens who confessed ...' -> '... held 16 citizens. The citizens confessed ...'"),
    "move:attribution": Rule("move:attribution", _rule_move_attribution,
                             "'S, police said Monday.' / 'Police said S.' -> 'S. Police said this (on Monday).'"),
    "split:report-pair": Rule("split:report-pair", _rule_report_pair,
                              "'Police said A and that B.' -> 'Police said A. Police also said that B.'"),
}


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in sentence_tokenizer().tokenize(text) if s.strip()]


def simplify_sentence(text: str, *, source: str | None = None, keep: Sequence[str] = ()) -> Rewrite:
    """Rewrite ``text`` (a sentence or a few) in plain language, deterministically.

    ``source`` (the attribution's source) and ``keep`` (e.g. its cue) are kept word for
    word. The result is not checked: :func:`simplify_point` does that.

    >>> r = simplify_sentence("Israeli officials previously slammed Musk for offering help.")
    >>> r.text, r.rules
    ('Israeli officials earlier criticised Musk for offering help.', ('lexicon:previously→earlier', 'lexicon:slammed→criticised'))
    """
    ctx = _Context(keep=tuple(k for k in (source, *keep) if k))
    sentences = _sentences(text)
    if not sentences:
        return Rewrite(text, ())
    trace: list[str] = []
    for rule in REWRITES.values():
        sentences, fired = rule.apply(sentences, ctx)
        trace.extend(fired)
    if not trace:
        return Rewrite(text, ())  # nothing to rewrite: the text as written, spacing and all
    sentences = [_capitalise(s) for s in sentences if s.strip()]
    return Rewrite(" ".join(sentences), tuple(trace))


def simplify_text(text: str, *, source: str | None = None, keep: Sequence[str] = ()) -> str:
    """Just the rewritten text of :func:`simplify_sentence`."""
    return simplify_sentence(text, source=source, keep=keep).text


def _safe_split(text: str) -> Rewrite:
    """The original, split only at semicolons (the one split that changes no words)."""
    out: list[str] = []
    trace: list[str] = []
    for s in _sentences(text) or [text]:
        parts = _split_semicolons(s)
        trace.extend(["split:semicolon"] * (len(parts) - 1))
        out.extend(parts)
    return Rewrite(" ".join(out), tuple(trace))


def _keep_for(point: KeyPoint) -> tuple[str | None, tuple[str, ...]]:
    a = point.attribution
    if a is None:
        return None, ()
    keep = tuple(x for x in (a.cue, a.resolved_from) if x)
    return a.source, keep


def guard(original: str, candidate: Rewrite, *, source: str | None, fallback: Rewrite | None = None,
          article: str | None = None, strict: bool = False) -> PlainPoint:
    """Check ``candidate`` against ``original`` both ways (nothing lost, nothing new but
    ``article``'s words: :func:`briefing.plain.novelty.check_both_ways`); on failure use
    ``fallback`` (if it passes), else the original split at semicolons (if that passes),
    else the original. ``strict`` (a model's answer) also refuses a lost noun."""
    # A model's answer is also held to keep the point's nouns (``strict``); the rules' never drop one.
    verdict = check_both_ways(original, candidate.text, source=source, article=article, strict=strict)
    text, rules, reason = candidate.text, candidate.rules, None
    if not verdict.ok:
        reason = "; ".join(verdict.reasons)
        text, rules = original, ()
        for option in (fallback, _safe_split(original)):
            if option is None or option.text == original:
                continue
            if check_both_ways(original, option.text, source=source, article=article).ok:
                text, rules = option.text, option.rules
                break
    return PlainPoint(text=text, original=original, rules_applied=rules, fallback_reason=reason,
                      readability=compare(original, text))


_NO_ANSWER = object()


def _llm_answer_reason(text: str, answer: str) -> str | None:
    """Why an answer is junk before any check: far longer than the point, or empty of words."""
    n_text, n_answer = len(text.split()), len(answer.split())
    if n_answer > 2 * n_text + 10:
        return f"answer is {n_answer} words for a point of {n_text}"
    return None


def simplify_checked(text: str, *, source: str | None = None, keep: Sequence[str] = (), config=None,
                     article: str | None = None, answer: object = _NO_ANSWER) -> PlainPoint:
    """The plain version of ``text`` that is safe to ship: rewrite, faithfulness check,
    fallback. With ``config.rewriter == "llm"`` the LLM rewrites first (``answer``, when
    the caller asked already: ``(text, None)`` or ``(None, reason)``) and the rules'
    rewrite is its fallback. An answer that fails the check both ways (nothing lost,
    nothing new beyond ``article``'s words) is replaced by the rules' version, and an
    answer that changes nothing goes through the rules too. Either way nothing that fails
    the check ships, and the reason for any fallback is recorded."""
    try:
        rules_rewrite = simplify_sentence(text, source=source, keep=keep)
    except (RecursionError, ValueError, IndexError, KeyError) as error:
        # A rule that breaks on one odd sentence must not cost the whole briefing: the
        # point ships as written, and the output says why.
        _log.warning("plain-language rules failed on %r: %r", text[:80], error)
        return PlainPoint(text=text, original=text, rules_applied=(),
                          fallback_reason=f"rules failed ({type(error).__name__}); kept as written",
                          readability=compare(text, text))
    if not _llm_mode(config):
        return guard(text, rules_rewrite, source=source, article=article)
    reply, error = llm.rewrite(text, source=source, config=config) if answer is _NO_ANSWER else answer
    if reply is not None and " ".join(reply.split()) == " ".join(text.split()):
        # The model changed nothing: the rules may still make it plainer.
        return guard(text, rules_rewrite, source=source, article=article)
    if reply is not None:
        error = _llm_answer_reason(text, reply)
    if reply is not None and error is None:
        plain = guard(text, Rewrite(reply, ("llm",)), source=source, fallback=rules_rewrite, article=article,
                      strict=True)
        if plain.fallback_reason:
            plain = replace(plain, fallback_reason=f"llm: {plain.fallback_reason}")
        return plain
    plain = guard(text, rules_rewrite, source=source, article=article)
    reason = f"llm: {error}" + (f"; rules: {plain.fallback_reason}" if plain.fallback_reason else "")
    return replace(plain, fallback_reason=reason)


def _quoted_without_marks(point: KeyPoint) -> bool:
    """Whether the point is a sentence from inside a quotation whose marks are in other
    sentences ("We have waited too long. | It is very important that ... | Everyone
    deserves it," said the mayor.): the attribution knows the words are quoted, though
    the sentence shows no mark."""
    a = point.attribution
    if a is None or not a.quote or quotations(point.text):
        return False
    quote = a.quote.strip(" \"'“”‘’")
    return len(quote) >= 0.8 * len(point.text.strip()) and quote[:40] in point.text


def simplify_point(point: KeyPoint, config=None, *, article: str | None = None,
                   answer: object = _NO_ANSWER) -> PlainPoint:
    """The plain version of one key point: its attribution's source, cue and the words
    a pronoun stood for are kept as written; a point that is someone's quoted words
    (even with its quotation marks in a neighbouring sentence) is kept whole; see
    :func:`simplify_checked`."""
    if _quoted_without_marks(point):
        return PlainPoint(text=point.text, original=point.text, rules_applied=("keep:quotation",),
                          fallback_reason=None, readability=compare(point.text, point.text))
    source, keep = _keep_for(point)
    plain = simplify_checked(point.text, source=source, keep=keep, config=config, article=article, answer=answer)
    if article:
        text, trace = add_glosses(plain.text, article)
        if trace:
            plain = replace(plain, text=text, rules_applied=(*plain.rules_applied, *trace),
                            readability=compare(point.text, text))
    return plain


def _llm_mode(config) -> bool:
    return config is not None and getattr(config, "rewriter", "rules") == "llm"


def simplify(briefing: Briefing, config=None) -> Briefing:
    """The simplify stage: one :class:`PlainPoint` per key point, and whole-briefing
    readability before and after. In LLM mode the points are asked for together, in
    parallel and behind one circuit breaker (:func:`briefing.plain.llm.rewrite_all`)."""
    article = briefing.article.text
    points = briefing.key_points
    if _llm_mode(config):
        asked = [p for p in points if not _quoted_without_marks(p)]
        answers = dict(zip((id(p) for p in asked),
                           llm.rewrite_all([(p.text, _keep_for(p)[0]) for p in asked], config)))
        plain = tuple(simplify_point(p, config, article=article, answer=answers.get(id(p), _NO_ANSWER))
                      for p in points)
    else:
        plain = tuple(simplify_point(p, config, article=article) for p in points)
    before = " ".join(p.text for p in briefing.key_points)
    after = " ".join(p.text for p in plain)
    return replace(briefing, plain_points=plain, readability=compare(before, after) if plain else None)
