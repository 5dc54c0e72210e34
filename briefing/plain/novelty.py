"""The second half of the faithfulness check: nothing new, and no hedge lost.

:func:`briefing.plain.faithful.check` makes sure a rewrite loses no quotation, name,
number, date, negation or source and invents no name, number or date. That let an
answer through that flipped a meaning with ordinary words ("cut" -> "create") or that
added a sentence of its own. This module refuses, in a rewrite:

- a **new content word**: one whose root is neither in the point, nor the lexicon's
  plain word for a word of the point, nor among the few words the rules themselves write,
  nor a noun from the article (the article may name a thing; its verbs and adjectives
  may not stand in for the point's) ("This killed seven.", "Police said this.");
- an **antonym** of a word of the original that the original does not itself use
  ("rose" for "fell", even when the article says "rose" elsewhere);
- a **new negation** (more negations than the original);
- **modality** lost or new (may, might, could, must, should, would, will, can, and the
  hedges "reportedly", "allegedly", "likely", "possibly", "probably").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .faithful import STOP_WORDS, Verdict, check, negations

__all__ = ["check_both_ways", "novelty_reasons", "lost_nouns", "modality", "root"]

_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")

# Words the rules write into a rewrite of their own: the attribution as its own sentence,
# the pronoun "this" for a clause, "happened", and the copula of an appositive.
RULE_WORDS = frozenset("say says said saying tell told this happen happened happens also is are was were be "
                       "been being has have had do does did done born live lived according".split())

# Pairs of opposite meaning that news points turn on. A rewrite may not bring in one of a
# pair where the original has the other (and not the word itself).
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("cut", "raise"), ("cut", "increase"), ("cut", "create"), ("cut", "add"), ("increase", "decrease"),
    ("rise", "fall"), ("rise", "drop"), ("rise", "decline"), ("gain", "lose"), ("win", "lose"),
    ("win", "defeat"), ("accept", "reject"), ("accept", "refuse"), ("approve", "reject"),
    ("allow", "ban"), ("allow", "forbid"), ("allow", "block"), ("support", "oppose"), ("agree", "disagree"),
    ("admit", "deny"), ("confirm", "deny"), ("open", "close"), ("start", "end"), ("start", "stop"),
    ("begin", "end"), ("hire", "fire"), ("buy", "sell"), ("lend", "borrow"), ("arrive", "leave"),
    ("enter", "leave"), ("join", "leave"), ("guilty", "innocent"), ("alive", "dead"), ("survive", "die"),
    ("legal", "illegal"), ("true", "false"), ("more", "less"), ("more", "fewer"), ("most", "least"),
    ("high", "low"), ("higher", "lower"), ("large", "small"), ("big", "small"), ("long", "short"),
    ("early", "late"), ("before", "after"), ("above", "below"), ("over", "under"), ("first", "last"),
    ("strong", "weak"), ("rich", "poor"), ("safe", "dangerous"), ("good", "bad"), ("best", "worst"),
    ("better", "worse"), ("success", "failure"), ("succeed", "fail"), ("pass", "fail"),
    ("include", "exclude"), ("release", "arrest"), ("release", "detain"), ("acquit", "convict"),
    ("import", "export"), ("expand", "shrink"), ("grow", "shrink"), ("boost", "cut"), ("gain", "loss"),
    ("profit", "loss"), ("attack", "defend"), ("praise", "criticise"), ("praise", "criticize"),
    ("praise", "condemn"), ("welcome", "condemn"), ("love", "hate"), ("friend", "enemy"),
    ("ally", "enemy"), ("positive", "negative"), ("always", "never"), ("all", "none"), ("everyone", "nobody"),
)

# Modal verbs and hedges, by family: a rewrite keeps every family the original has, as
# often, and brings in none it lacks (a split may say one again).
_MODAL_FAMILIES = {
    "may": "may", "might": "might", "could": "could", "can": "can", "cannot": "can", "can't": "can",
    "must": "must", "should": "should", "would": "would", "will": "will", "won't": "will", "'ll": "will",
    "shall": "shall", "reportedly": "reportedly", "allegedly": "allegedly", "alleged": "allegedly",
    "likely": "likely", "possibly": "possibly", "probably": "probably", "perhaps": "perhaps",
}
_MODAL_RE = re.compile(r"\b(?:may|might|could|can(?:not|['’]t)?|must|should|would|will|won['’]t|shall|reportedly|"
                       r"allegedly|alleged|likely|possibly|probably|perhaps)\b|['’]ll\b", re.IGNORECASE)


# Adverbs of time the lexicon may swap for each other ("previously" -> "earlier").
_SOFT_TIMES = frozenset({"previously", "earlier", "currently", "now", "recently", "then", "later", "soon"})
# Words of time that, beside the dates faithful.check knows, say when ("next year",
# "last week", "two days ago"): a rewrite keeps each as often as the original has it.
_TIME_RE = re.compile(r"\b(?:year|month|week|weekend|day|night|morning|afternoon|evening|decade|century|hour|"
                      r"ago|recently|soon|later|earlier|previously|currently|now|then|tonight|today|tomorrow|"
                      r"yesterday)s?\b", re.IGNORECASE)


def _times(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in _TIME_RE.finditer(text):
        word = m.group().lower().rstrip("s") if m.group().lower() not in ("previously",) else "previously"
        counts[word] = counts.get(word, 0) + 1
    return counts


def modality(text: str) -> dict[str, int]:
    """How many modal verbs and hedges of each family ``text`` holds.

    >>> modality("He may go, and she won't. It reportedly can't.")
    {'may': 1, 'will': 1, 'reportedly': 1, 'can': 1}
    """
    counts: dict[str, int] = {}
    for m in _MODAL_RE.finditer(text):
        family = _MODAL_FAMILIES[m.group().lower().replace("’", "'")]
        counts[family] = counts.get(family, 0) + 1
    return counts


@lru_cache(maxsize=1)
def _irregular_bases() -> dict[str, str]:
    from .inflect import IRREGULAR_VERBS  # deferred: only a check that has a rewrite to judge needs it

    bases: dict[str, str] = {}
    for base, (past, participle) in IRREGULAR_VERBS.items():
        bases.setdefault(past, base)
        bases.setdefault(participle, base)
    return bases


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem import PorterStemmer  # deferred: nltk's stemmer loads in a few ms, needs no data

    return PorterStemmer()


@lru_cache(maxsize=65536)
def root(word: str) -> str:
    """A word's root for comparison: irregular verbs to their base, then Porter's stem.

    >>> root("criticised") == root("criticise"), root("paid") == root("pay"), root("cut") == root("create")
    (True, True, False)
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _irregular_bases().get(w, w)
    return _stemmer().stem(w)


@lru_cache(maxsize=1)
def _lexicon_table() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(roots of an entry's phrase, roots of its plain replacement) for every entry."""
    from .rules.lexicon_entries import lexicon  # deferred: the lexicon loads once, on first use

    return tuple((frozenset(r for _, r in _content_roots(entry.phrase)),
                  frozenset(root(w) for w in _WORD_RE.findall(entry.replacement))) for entry in lexicon())


def _lexicon_roots(o_roots: set[str]) -> set[str]:
    """The plain words the lexicon offers for the words of the original (and only those:
    the lexicon's word for something else is as new as any other)."""
    return {r for phrase, plain in _lexicon_table() if phrase and phrase <= o_roots for r in plain}


@lru_cache(maxsize=1)
def _antonyms() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for a, b in ANTONYMS:
        table.setdefault(root(a), set()).add(root(b))
        table.setdefault(root(b), set()).add(root(a))
    return {k: frozenset(v) for k, v in table.items()}


def _content_roots(text: str) -> list[tuple[str, str]]:
    """(word, root) of each word that is not a function word."""
    return [(w, root(w)) for w in _WORD_RE.findall(text) if w.lower() not in STOP_WORDS and len(w) > 1]


def _is_noun(text: str, word: str) -> bool:
    """Whether the parser reads ``word`` in ``text`` as a noun: an article's word may name
    a thing the point speaks of, never stand in for the point's verb or adjective."""
    from . import parse  # deferred: spaCy loads only when an answer borrows a word from the article

    return any(t.text == word and t.tag.startswith("NN") for t in parse.parse(text))


@lru_cache(maxsize=64)
def _article_roots(article: str) -> frozenset[str]:
    return frozenset(r for _, r in _content_roots(article))


def novelty_reasons(original: str, rewrite: str, *, article: str | None = None) -> list[str]:
    """What ``rewrite`` brings in that ``original`` (from ``article``) does not say.

    >>> novelty_reasons("The council will cut 200 jobs.", "The council will create 200 jobs.")
    ['new word: create', 'antonym: create for cut']
    >>> novelty_reasons("Prices fell.", "Prices rose.", article="Prices fell. Wages rose.")
    ['new word: rose', 'antonym: rose for fell']
    >>> novelty_reasons("It claimed the attack.", "ISIS claimed the attack.", article="ISIS said so.")
    []
    >>> novelty_reasons("He may resign.", "He must resign.")
    ['modality lost: may', 'new modality: must']
    >>> novelty_reasons("He went home.", "He did not go home.")
    ['new negation']
    >>> novelty_reasons("Officials slammed the plan.", "Officials criticised the plan.")
    []
    """
    reasons: list[str] = []
    o_content = _content_roots(original)
    o_roots = {r for _, r in o_content}
    offered = _lexicon_roots(o_roots)
    allowed = o_roots | offered | {root(w) for w in RULE_WORDS}
    from_article = (_article_roots(article) - allowed) if article else frozenset()
    r_content = _content_roots(rewrite)
    r_roots = {r for _, r in r_content}
    # The article may name what a pronoun stood for ("it" -> "ISIS"), but its word may not
    # take the place of one of the point's: then every content word of the point stays.
    kept_all = all(r in r_roots for _, r in o_content)
    seen: set[str] = set()
    for word, r in r_content:
        if r in seen or word.lower() in _MODAL_FAMILIES:
            continue
        if r in from_article and kept_all and _is_noun(rewrite, word):
            continue
        if r not in allowed:
            seen.add(r)
            reasons.append(f"new word: {word}")
    flips: set[str] = set()
    for word, r in r_content:
        if r in o_roots or r in flips or r in offered:
            continue  # (the lexicon's own word for one of the point's: "purchased" -> "bought" beside "sold")
        flipped = [w for w, o in o_content if o in _antonyms().get(r, ())]
        if flipped:
            flips.add(r)
            reasons.append(f"antonym: {word} for {flipped[0]}")
    if sum(negations(rewrite).values()) > sum(negations(original).values()):
        reasons.append("new negation")
    o_time, r_time = _times(original), _times(rewrite)
    reasons.extend(f"time lost: {w}" for w, n in o_time.items()
                   if r_time.get(w, 0) < n and w not in _SOFT_TIMES)
    o_modal, r_modal = modality(original), modality(rewrite)
    reasons.extend(f"modality lost: {f}" for f, n in o_modal.items() if r_modal.get(f, 0) < n)
    reasons.extend(f"new modality: {f}" for f in r_modal if f not in o_modal and root(f) not in offered)
    return reasons


_ORDINAL_NOUNS = frozenset({"first", "second", "third", "last", "next"})


def lost_nouns(original: str, rewrite: str) -> list[str]:
    """The point's nouns that ``rewrite`` drops, unless the lexicon offers a plainer word
    for them that it uses, or deletes them ("a total of"): an answer that swaps a noun for
    some other word has changed what the point is about.

    >>> lost_nouns("Fujian province launched an inquiry.", "Fujian launched an inquiry.")
    ['province']
    >>> lost_nouns("The proliferation of hate speech grew.", "The spread of hate speech grew.")
    []
    """
    from . import parse  # deferred: only an LLM answer is held to this, and it needs the parser

    r_roots = {r for _, r in _content_roots(rewrite)}
    lost = []
    for t in parse.parse(original):
        if not t.tag.startswith("NN") or t.tag.startswith("NNP") or len(t.text) < 3 or (
                t.text.lower() in STOP_WORDS and t.text.lower() not in _ORDINAL_NOUNS):
            continue
        r = root(t.text)
        if r in r_roots:
            continue
        offered = [plain for phrase, plain in _lexicon_table() if r in phrase]
        if any(not plain or plain & r_roots for plain in offered):
            continue
        lost.append(t.text)
    return lost


def check_both_ways(original: str, rewrite: str, *, source: str | None = None, article: str | None = None,
                    strict: bool = False):
    """:func:`briefing.plain.faithful.check` (nothing lost, no name, number or date
    invented) and :func:`novelty_reasons` (no new word, antonym, negation or modality)
    together, as one :class:`~briefing.plain.faithful.Verdict`; ``strict`` (for a model's
    answer) also refuses a lost noun (:func:`lost_nouns`).

    >>> check_both_ways("The council will cut 200 jobs.", "The council will create 200 jobs.").ok
    False
    """
    verdict = check(original, rewrite, source=source)
    reasons = (*verdict.reasons, *novelty_reasons(original, rewrite, article=article))
    if strict:
        reasons += tuple(f"word lost: {w}" for w in lost_nouns(original, rewrite))
    return Verdict(ok=not reasons, reasons=reasons)
