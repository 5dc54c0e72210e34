"""The ``lexicon`` rule: hard words and journalese swapped for plain ones from
``data/plain_lexicon.tsv`` (:mod:`.lexicon_entries`), keeping part of speech, inflection and
capitals; each swap is traced as ``lexicon:WORD→PLAIN``.

A match is swapped only when the guards agree that it is used in the entry's sense and
part of speech (:mod:`.lexicon_senses`), and that its replacement fits where it stands: it
reads well before the next word, the word is hard enough to be worth it, and it repeats
no word nearby.
"""

from __future__ import annotations

import re

from .lexicon_entries import _index, _is_hard, _Surface
from .lexicon_senses import _match_refused, _parse_refuses, _particle_ok, _pick_tag
from .text import _TOKEN_RE, _Context, _capitalise, _fix_articles, _protected, _tidy
from .word_classes import _PARTICLES, PREPOSITIONS
from .. import parse
from ..faithful import STOP_WORDS


def _match_case(original: str, replacement: str) -> str:
    """Carry the original's capitals over to the replacement.

    >>> _match_case("Slammed", "criticised"), _match_case("AMID", "during"), _match_case("amid", "during")
    ('Criticised', 'DURING', 'during')
    """
    if not replacement:
        return replacement
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


REPEAT_WINDOW = 15


# Object pronouns, which must come before the particle of a phrasal verb (_PARTICLES).
_OBJECT_PRONOUNS = frozenset("it them him her me us you this that these those".split())


def _repeats_nearby(plain: str, tokens: list[re.Match], i: int, n: int, said: dict[int, list[str]]) -> bool:
    """Whether a content word of ``plain`` already stands within :data:`REPEAT_WINDOW`
    words of the phrase ``tokens[i:i+n]`` (as written, or as an earlier replacement in
    ``said`` left it): the swap would read as a stutter ("tries to start the start of").

    >>> toks = list(_TOKEN_RE.finditer("the lucha libre wrestling show"))
    >>> _repeats_nearby("Mexican wrestling", toks, 1, 2, {}), _repeats_nearby("fight", toks, 1, 2, {})
    (True, False)
    >>> toks = list(_TOKEN_RE.finditer("tries to initiate the beginning of"))
    >>> _repeats_nearby("start", toks, 4, 1, {2: ["start"]})
    True
    """
    words = {_stem(w) for w in plain.lower().split() if w not in STOP_WORDS}
    own = {_stem(t.group().lower()) for t in tokens[i:i + n]}
    near = range(max(0, i - REPEAT_WINDOW), min(len(tokens), i + n + REPEAT_WINDOW))
    for k in near:
        if i <= k < i + n or _stem(tokens[k].group().lower()) in own:
            continue  # (a word the writer repeated, "slams ... slamming", may stay repeated in plain words)
        if words & {_stem(w) for w in said.get(k, [tokens[k].group().lower()])}:
            return True
    return False


def _stem(word: str) -> str:
    """A rough stem, enough to see a repeat ("meaning" / "means", "start" / "started").

    >>> [_stem(w) for w in ("meaning", "means", "started", "start", "times", "time", "continuing", "continues")]
    ['mean', 'mean', 'start', 'start', 'tim', 'tim', 'continu', 'continu']
    >>> _stem("slamming") == _stem("slams")
    True
    """
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ing", "ed") and len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "slamming" / "slams"
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _apply_lexicon(sentence: str, ctx: _Context) -> tuple[str, list[str]]:
    """``sentence`` with the lexicon's swaps, and their trace entries. At each word the
    first entry (longest phrase first) that matches there and passes the guards is
    swapped, and the search goes on after it."""
    index = _index()
    protected = _protected(sentence, ctx)
    tokens = list(_TOKEN_RE.finditer(sentence))
    edits: list[tuple[int, int, str]] = []
    trace: list[str] = []
    said: dict[int, list[str]] = {}  # token index -> the words that now stand there
    i = 0
    while i < len(tokens):
        swap = _swap_at(sentence, tokens, i, index.get(tokens[i].group().lower()), protected, said)
        if swap is None:
            i += 1
            continue
        n, plain = swap
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        original = sentence[start:end]
        plain = _match_case(original, plain)
        for k in range(i, i + n):
            said[k] = plain.lower().split()
        edits.append((start, end, plain))
        trace.append(f"lexicon:{original.lower()}→{plain.lower() or '∅'}")
        i += n
    if not edits:
        return sentence, []
    text = _tidy(_with_edits(sentence, edits))
    return (_capitalise(text) if sentence[:1].isupper() else text), trace


def _swap_at(sentence: str, tokens: list[re.Match], i: int, candidates: list[_Surface] | None,
             protected: list[tuple[int, int]], said: dict[int, list[str]]) -> tuple[int, str] | None:
    """The first of ``candidates`` (the surfaces that open with the word at ``i``) that
    matches there in the entry's sense and whose replacement fits: its length in words
    and its replacement (before capitals); None when none does."""
    if not candidates:
        return None
    for surface in candidates:
        n = len(surface.words)
        if _match_refused(surface, sentence, tokens, i, protected):
            continue
        tag = _pick_tag(surface, tokens, i)
        if tag is None:
            continue
        plain = surface.replacements[tag]
        if _replacement_refused(surface, sentence, tokens, i, tag, plain, said):
            continue
        return n, plain
    return None


def _replacement_refused(surface: _Surface, sentence: str, tokens: list[re.Match], i: int, tag: str, plain: str,
                         said: dict[int, list[str]]) -> bool:
    """Whether ``plain``, the replacement of ``surface`` in the form ``tag``, does not
    fit at token ``i``: it would read wrongly before the next word, the word is not
    hard enough to be worth swapping, the parse refuses it, or it would repeat a word
    nearby (as written, or as an earlier swap in ``said`` left it)."""
    n = len(surface.words)
    start, end = tokens[i].start(), tokens[i + n - 1].end()
    following = tokens[i + n].group().lower() if i + n < len(tokens) else ""
    if " " in plain and plain.rsplit(" ", 1)[-1].lower() in PREPOSITIONS and (
            not following or not re.match(r"\s*\w", sentence[end:])):
        return True  # "wouldn't be able to attend." is not "... to go to."
    if plain and plain.rsplit(" ", 1)[-1].lower() == following:
        return True  # "intervened in" is not "stepped in in"
    if surface.entry.pos == "verb" and plain.rsplit(" ", 1)[-1] in _PARTICLES and i + n < len(tokens) \
            and tokens[i + n].group().lower() in _OBJECT_PRONOUNS:
        return True  # "implementing them" is not "carrying out them" (a pronoun goes inside: "carrying them out")
    if tag in ("VBG", "VBN") and " " in plain and not _particle_ok(tokens, i, n):
        return True  # "cooperating neighbors" -> not "working together neighbors"
    # Judged on the inflected forms or the lemmas ("slams" and "criticises" are
    # both rare; "slam" is no commoner than "criticise").
    if n == 1 and plain and not (_is_hard(tokens[i].group().lower(), plain)
                                 or _is_hard(surface.entry.phrase, surface.entry.replacement)):
        return True
    if _parse_refuses(surface, sentence, start, plain, tokens[i - 1].group().lower() if i else ""):
        return True
    if plain.endswith(" of") and i + n < len(tokens):
        after = parse.word_at(sentence, tokens[i + n].start())
        if after is not None and after.tag in ("VB", "VBP"):
            return True  # "rather than embolden them" is not "instead of embolden them"
    if _repeats_nearby(plain, tokens, i, n, said):
        return True  # "lucha libre wrestling" -> not "Mexican wrestling wrestling"
    return False


def _with_edits(sentence: str, edits: list[tuple[int, int, str]]) -> str:
    """``sentence`` with each ``(start, end, plain)`` edit made, and "a"/"an" fixed
    before a replaced word."""
    out = []
    last = 0
    for start, end, plain in edits:
        before = sentence[last:start]
        # "an allegation" -> "a claim": fix the article before a replaced word only
        # (an article before an untouched acronym, "an RTOS", is the writer's).
        m = re.search(r"\b([Aa]n?) $", before)
        if m and plain:
            before = before[: m.start()] + _fix_articles(f"{m.group(1)} {plain}").split(" ")[0] + " "
        out.append(before)
        out.append(plain)
        last = end
    out.append(sentence[last:])
    return "".join(out)


def _rule_lexicon(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    out, trace = [], []
    for s in sentences:
        new, fired = _apply_lexicon(s, ctx)
        out.append(new)
        trace.extend(fired)
    return out, trace
