"""Balance: a briefing that reports an accusation carries the accused side's answer.

Our listeners cannot check a briefing against the article, so a point that says someone
was accused, criticised or sued, when the article also gives their answer (a denial, a
statement, "declined to comment"), must not leave that answer out. :func:`replies`
finds, for the points chosen, the sentences that answer them; the default ranker puts
the best one in place of its weakest point that is neither an accusation nor the lead.

An answer is a sentence whose source (its attribution, with pronouns resolved) names
the accused, and that either says it answers (denied, rejected, "declined to comment",
hit back, insisted, ...), or is the accused's own quoted words within a few sentences
after the accusation (``He said: “Nothing could be further from the truth.”``). When the
source is unsure (no attribution, or one that does not name the accused), nothing is
added: a wrong answer is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Attribution, Sentence
from .penalties import quoted_share

# What an accusation, a criticism or a claim against someone reads like.
ACCUSATION = re.compile(
    r"\b(?:accus\w*|alleg\w*|critici[sz]\w*|slamm?ed|slams|blast(?:ed|s)|under fire|condemn\w*|denounc\w*"
    r"|lambast\w*|rebuk\w*|blam(?:ed|es|ing)|sued|suing|lawsuit|charged with|indicted"
    r"|storm (?:over|surrounding)|row over|\w+ storm after)\b",
    re.IGNORECASE,
)
# An answer, given by the accused: a verb of answering as the attribution's cue ("Musk
# denied ...", "the company hit back"), words of denial inside their quoted words, or a
# refusal to comment. "Turkey denied him entry" is no denial: the verb must not take a
# person or a thing refused as its object.
REFUSED = re.compile(r"\s*(?:him|her|them|me|us|you|entry|access|bail|permission|visas?|a|an)\b", re.IGNORECASE)
REPLY_CUE = re.compile(
    r"^(?:den(?:y|ies|ied|ying)|reject\w*|refut\w*|dismiss\w*|rebut\w*|insist\w*|defend\w*|hit back|hits back"
    r"|respond\w*|repl(?:y|ies|ied)|apologi[sz]\w*|counter\w*)$",
    re.IGNORECASE,
)
REPLY_WORDS = re.compile(
    r"\b(?:further from the truth|untrue|not true|false|baseless|nonsense|lies?\b|nothing wrong|no wrongdoing"
    r"|nothing to do with|innocent|not guilty"
    r"|sorry|apologi[sz]\w*|categorically|falsely)\b",
    re.IGNORECASE,
)
NO_COMMENT = re.compile(
    r"\b(?:declined to comment|did not (?:respond|comment|return)|has not (?:responded|commented)|no comment"
    r"|could not be reached|not immediately (?:respond|return)\w*|refused to comment)\b",
    re.IGNORECASE,
)
# How far after an accusation the accused's own quoted words count as an answer.
NEAR = 3
# Capitalised words that name no one: sentence openers, titles, days, months.
_NOT_NAMES = frozenset(
    "the a an and but or he she it they we i his her its their this that these those there then "
    "mr mrs ms dr sir lord lady president prime minister chief executive boss "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_NAME_RE = re.compile(r"\b[A-Z][\w’'&.-]*[A-Za-z]\b")


def names(text: str) -> frozenset[str]:
    """The name-like words of ``text``, lower-cased: capitalised words that are not
    sentence openers, titles or calendar words, without a possessive ending.

    >>> sorted(names("Israeli officials slammed Elon Musk's plan on Monday."))
    ['elon', 'israeli', 'musk']
    """
    found = set()
    for match in _NAME_RE.finditer(text):
        word = re.sub(r"['’]s$", "", match.group()).lower()
        if len(word) >= 3 and word not in _NOT_NAMES:
            found.add(word)
    return frozenset(found)


def _accused(point: str, attribution: Attribution | None, subject: str | None) -> frozenset[str]:
    """Who a point accuses: the names in it and in its resolved subject, but not its own
    source (the accuser)."""
    accuser = names(attribution.source) if attribution is not None else frozenset()
    return (names(point) | names(subject or "")) - accuser


def _head(source: str) -> str | None:
    """The word that names a source, lower-cased: its last name-like word ("Carlin" of
    "National Security John P. Carlin"), so that a shared title or body is no match.

    >>> _head("Assistant Attorney General John P. Carlin"), _head("a spokesperson for Tesla"), _head("he")
    ('carlin', 'tesla', None)
    """
    found = [m.group() for m in _NAME_RE.finditer(source)]
    words = [re.sub(r"['’]s$", "", w).lower() for w in found]
    words = [w for w in words if len(w) >= 3 and w not in _NOT_NAMES]
    return words[-1] if words else None


def _answers(sentence: Sentence, attribution: Attribution) -> bool:
    """Whether the sentence is an answer by its source: an answering cue, words of
    denial in its quotation, or a refusal to comment."""
    said = sentence.text
    if attribution.cue_span is not None:
        said = sentence.text[max(0, attribution.cue_span[1] - sentence.span[0]):]  # what the source says
    if attribution.cue and REPLY_CUE.match(attribution.cue.strip()) and not (
            attribution.cue_span is not None and REFUSED.match(said)):
        return True
    quoted = " ".join(sentence.text[a - sentence.span[0]:b - sentence.span[0]] for a, b in sentence.quote_spans)
    return bool(REPLY_WORDS.search(said) or REPLY_WORDS.search(quoted) or NO_COMMENT.search(sentence.text))


def replies(
    chosen: Sequence[int],
    texts: Sequence[str],
    subjects: Sequence[str | None],
    sentences: Sequence[Sentence],
    attributions: Sequence[Attribution | None],
) -> list[tuple[int, int]]:
    """``(accusation, answer)`` sentence pairs: for each chosen point that accuses someone
    whose answer the article gives and the points lack, the best answer (a stated one
    before quoted words nearby; the nearest first), one answer per accused.

    ``texts`` are the chosen points' texts as they will read and ``subjects`` the names
    their opening pronouns or descriptions resolve to (or None), one per index of
    ``chosen``; ``attributions`` is each sentence's attribution (or None).
    """
    taken = set(chosen)
    pairs: list[tuple[int, int]] = []
    answered: list[frozenset[str]] = []
    for index, text, subject in zip(chosen, texts, subjects):
        if not ACCUSATION.search(text):
            continue
        accused = _accused(text, attributions[index], subject)
        if not accused or any(accused & done for done in answered):
            continue
        best: tuple[int, int, int] | None = None  # (0 a stated answer, 1 quoted words nearby; distance; index)
        for j, sentence in enumerate(sentences):
            attribution = attributions[j]
            if j == index or attribution is None or _head(attribution.source) not in accused:
                continue
            if _answers(sentence, attribution):
                candidate = (0, abs(j - index), j)
            elif 0 < j - index <= NEAR and quoted_share(sentence) >= 0.5:
                candidate = (1, j - index, j)
            else:
                continue
            if j in taken:  # the points already carry an answer
                best = None
                break
            best = min(best, candidate) if best else candidate
        if best is not None:
            pairs.append((index, best[2]))
            answered.append(accused)
            taken.add(best[2])
    return pairs
