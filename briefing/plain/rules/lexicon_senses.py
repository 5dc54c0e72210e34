"""Which sense and part of speech a lexicon match has, and whether it is the entry's.

Closed word lists around the match decide first (:func:`_match_refused`,
:func:`_pick_tag`); the parser is asked where the sense turns on structure
(:func:`_parser_agrees`, :func:`_parse_refuses`). Each guard names the case that called
for it.
"""

from __future__ import annotations

import re

from .lexicon_entries import _index, _Surface  # (_index: for the doctest of _parse_refuses)
from .text import _overlaps
from .word_classes import (
    _BE, DETERMINERS, _EVENT_NOUNS, FINITE_VERBS, MODALS, _NUMBER_WORDS, _PARTICLES, PREPOSITIONS, PRONOUNS,
)
from .. import inflect, parse
from ...words import ONES


# Determiners that make the next word part of a noun phrase ("this" and "that" are
# often pronoun subjects: "This sparked anger").
_ARTICLES = frozenset("the a an his her its their our my your every each no some any another".split())
_OBJECT_STARTS = frozenset("the a an his her its their our my your this that these those him them it us me".split())


_HAVE_BE = frozenset("have has had having be been being is are was were am get gets got 's 've 'd 're".split())


def _previous_words(tokens: list[re.Match], i: int, n: int = 3) -> list[str]:
    """The ``n`` words before token ``i``, nearest first; a number or punctuation between
    two words ends the list ("to 200 aid groups": nothing before "aid")."""
    words: list[str] = []
    for k in range(i - 1, max(-1, i - n - 1), -1):
        gap = tokens[k].string[tokens[k].end() : tokens[k + 1].start()]
        if gap.strip():
            break
        words.append(tokens[k].group().lower())
    return words


def _pick_tag(surface: _Surface, tokens: list[re.Match], i: int) -> str | None:
    """Which inflected form a matched surface is, or None when the context says it is
    another part of speech than the entry's (closed word lists around the match decide;
    the parser is asked only for a participle with a phrasal replacement)."""
    tags = surface.tags
    _, prev, _, after_determiner = _context_words(surface, tokens, i)
    pos = surface.entry.pos
    if pos == "initial":
        return _initial_tag(surface, tokens, i)
    if pos in ("verb", "adj", "noun") and len(surface.words) == 1 and not _parser_agrees(tokens[i], pos):
        return None  # "human remains" is not "human stays"; "key snatchings" are not "main snatchings"
    if pos == "verb":
        return _verb_tag(surface, tokens, i)
    if pos == "noun":
        if prev in MODALS or prev in PRONOUNS or prev in ("who", "n't", "not"):
            return None
        return next(iter(sorted(tags)))
    if pos == "adj":
        return _adjective_tag(surface, tokens, i)
    if pos in ("prep", "adv", "conj") and after_determiner:
        return None  # "a concerning trend"
    return next(iter(sorted(tags)))


def _context_words(surface: _Surface, tokens: list[re.Match], i: int) -> tuple[list[str], str, str, bool]:
    """The words around a surface matched at token ``i``: the words before it (nearest
    first), the one just before, the one just after, and whether a determiner or a
    possessive comes just before."""
    previous = _previous_words(tokens, i)
    prev = previous[0] if previous else ""
    end = i + len(surface.words)
    following = tokens[end].group().lower() if end < len(tokens) else ""
    after_determiner = prev in _ARTICLES or prev.endswith(("'s", "’s"))
    return previous, prev, following, after_determiner


def _initial_tag(surface: _Surface, tokens: list[re.Match], i: int) -> str | None:
    """"X" for a sentence opener ("However, ...") whose replacement reads well in its
    place, else None."""
    # "However, ..." -> "But ..."; not "However laudable the goal, ..." (= no matter how)
    rest = tokens[0].string[tokens[0].end():]
    if re.search(rf"\b{re.escape(surface.entry.replacement)}\b", rest, re.IGNORECASE) or \
            surface.entry.replacement.lower() == "but" and re.match(
            r",\s+[^,]{1,40}\s(?:said|says|added|adds|told)\s*,", rest):
        return None  # "However, he has not ..., but hopes": two "but"s ("Nonetheless, they still ...": two
        # "still"s); "However, he said, an inquiry found ...": "But he said, an inquiry" misreads
    return "X" if i == 0 and rest.startswith(",") else None


def _verb_tag(surface: _Surface, tokens: list[re.Match], i: int) -> str | None:
    """The form of a verb entry matched at token ``i`` ("VBZ", "VBD", "VBN", "VB", ...),
    or None when the words around it (or, for a participle, the parse) make it a noun or
    an adjective."""
    tags = surface.tags
    previous, prev, following, after_determiner = _context_words(surface, tokens, i)
    head = surface.entry.replacement.split(" ")[0] if surface.entry.replacement else ""
    participle = _after_have_or_be(previous)
    if tags == {"VBZ"}:
        if after_determiner or prev in PREPOSITIONS or following in FINITE_VERBS or prev in _NUMBER_WORDS \
                or following in ("that", "which", "who"):
            return None  # "the purchases", "UN monitors said", "two blasts", "blasts that killed": nouns
        return "VBZ"
    if tags & {"VBD", "VBN", "VBG"} and after_determiner:
        return None  # "the alleged attacker", "the beginning": an adjective or a noun
    token = None  # the parser's reading of the matched word, once it is asked for
    if tags & {"VBD", "VBN"} and " " in surface.entry.replacement:
        token = parse.word_at(tokens[i].string, tokens[i].start())
        if token is not None and token.dep == "amod":
            return None  # "endangered flora" is not "put at risk flora"
    if "VB" in tags and not participle and previous and previous[0] in MODALS - {"did", "do", "does"} | {"will", "would"}:
        return "VB"  # "will hit out at" -> "will criticise", whatever else "hit" can be
    if not participle and {"VBD", "VBN"} <= tags:
        token = token or parse.word_at(tokens[i].string, tokens[i].start())
        participle = token is not None and token.tag == "VBN" and not (
            token.dep == "ROOT" and any(x.dep == "nsubj" for x in parse.children(parse.parse(tokens[i].string), token)))
        # ("had been cut off and discarded"; but "Its doodle depicted women": a root with its subject is a
        # past tense, whatever the tag)
    if participle and "VBN" in tags:
        return _participle_tag(head, previous, prev, token)
    if "VBD" in tags:
        return "VBD"
    if "VB" in tags:
        return _bare_verb_tag(surface, prev, following, after_determiner)
    return next(iter(sorted(tags)))


def _after_have_or_be(previous: list[str]) -> bool:
    """Whether a form of "have" or "be" comes before, adverbs between: "has come", "was
    widely slammed" (``previous``: the words before, nearest first)."""
    for w in previous:
        if w in _HAVE_BE:
            return True
        if not (w.endswith("ly") or w in ("not", "n't", "never", "also", "just", "already")):
            break
    return False


def _participle_tag(head: str, previous: list[str], prev: str, token: parse.Token | None) -> str | None:
    """"VBN" for a participle, or None when the replacement's verb ``head`` would not
    read as one there (``token``: the parser's reading of the word, when asked)."""
    if head in ("get", "have") and prev in _BE:
        return None  # "was obtained" -> not "was got"
    # (with no have/be before it, the participle is the parser's reading, so ``token`` is set)
    if head and inflect.past_participle(head) in (head, "got") and not any(w in _HAVE_BE for w in previous) \
            and token is not None and token.dep == "acl":
        return None  # "The proceeds derived from the sale went ...": not "proceeds come from"; "a
        # video obtained from police": not "a video got from" (participles that read as a tense)
    return "VBN"


def _bare_verb_tag(surface: _Surface, prev: str, following: str, after_determiner: bool) -> str | None:
    """"VB" for a bare form used as a verb, else None.

    A bare form is a verb after "to", a modal, "not" or a pronoun subject; anywhere
    else it is as likely a noun ("aid organisations")."""
    if surface.entry.replacement.startswith("be ") and prev not in MODALS and prev != "to":
        return None  # "They consist of" is not "They be made up of"
    if prev in MODALS or prev in PRONOUNS or prev in ("not", "n't", "never", "also", "please", "who", "that") \
            or prev.endswith("ly"):
        return "VB"
    if prev and not after_determiner and prev not in PREPOSITIONS and following in _OBJECT_STARTS:
        return "VB"  # "Officials slam the plan"
    return None


def _adjective_tag(surface: _Surface, tokens: list[re.Match], i: int) -> str | None:
    """The form of an adjective entry matched at token ``i``, or None when it is used as
    a verb or a noun, or takes a complement its replacement cannot."""
    _, prev, following, after_determiner = _context_words(surface, tokens, i)
    if prev in MODALS or prev in PRONOUNS:
        return None  # "to obscure the word", "they obscure it": a verb
    if following in ("to", "of", "from", "than"):
        return None  # "superior to", "the key to"
    if after_determiner and not following:
        return None  # "the elderly", "the deceased": a noun
    if surface.entry.replacement.split(" ")[-1] in _PARTICLES and " " in surface.entry.replacement:
        word = parse.word_at(tokens[i].string, tokens[i].start())
        if word is not None and word.dep == "amod":
            return None  # "crumbling apartment blocks" is not "falling apart apartment blocks"
    return next(iter(sorted(surface.tags)))


def _parser_agrees(word: re.Match, pos: str) -> bool:
    """Whether the parser's tag for a one-word lexicon match fits the entry's part of
    speech: a verb or adjective entry does not replace a noun, a noun entry not a verb.

    >>> s = "Archaeologists found thousands of human remains and a key that remains lost."
    >>> [_parser_agrees(m, pos) for m, pos in ((re.search("remains and", s), "verb"),
    ...     (re.search("remains lost", s), "verb"), (re.search("key", s), "adj"))]
    [False, True, False]
    """
    tokens = parse.parse(word.string)
    token = parse.token_at(tokens, word.start())
    if token is None:
        return True  # the tokenisations differ here: the word lists decide
    if pos == "verb" and token.i > 0 and (tokens[token.i - 1].tag in ("TO", "MD")
                                          or tokens[token.i - 1].text.lower() in MODALS):
        return True  # "to commence", "will commence": a verb, whatever the tag
    if pos in ("verb", "adj"):
        return not token.tag.startswith("NN") and token.dep != "compound"
    return not token.tag.startswith("VB")


def _particle_ok(tokens: list[re.Match], i: int, n: int) -> bool:
    """Whether a participle at ``i`` (``n`` words) is used as a verb, so a phrasal
    replacement reads well: after have/be, or followed by punctuation, a preposition
    or an object; not when it stands before a noun like an adjective."""
    previous = _previous_words(tokens, i, 1)
    if previous and previous[0] in _HAVE_BE:
        return True
    end = i + n
    if end >= len(tokens):
        return True
    gap = tokens[end - 1].string[tokens[end - 1].end() : tokens[end].start()]
    if gap.strip():
        return True
    following = tokens[end].group().lower()
    return following in PREPOSITIONS or following in _OBJECT_STARTS or following in DETERMINERS


def _after_excluded(sentence: str, start: int, not_before: frozenset[str]) -> bool:
    """Whether the word right before ``start`` is one the entry lists as "<word" (or
    "<#" for any number): the phrase then has another sense.

    >>> _after_excluded("She is 44 points ahead of him.", 17, frozenset({"<points"}))
    True
    >>> _after_excluded("Talks resumed ahead of the vote.", 14, frozenset({"<points", "<#"}))
    False
    >>> _after_excluded("He was 4 ahead of the pack.", 9, frozenset({"<#"}))
    True
    """
    previous = re.search(r"([\w’'.,-]+)\s+$", sentence[:start])
    if not previous:
        return False
    word = previous.group(1).lower().strip(".,")
    return f"<{word}" in not_before or ("<#" in not_before and bool(re.fullmatch(r"[\d.,]+(?:-[\d.,]+)?", word)))


# Journalese verbs whose literal, physical sense is common in crime and sports news, and
# words that, within a few words after the verb, mark that sense.
_PHYSICAL_SENSE = frozenset({"slam", "blast", "tackle"})
_PHYSICAL_CONTEXT = frozenset("against into onto through shut door doors brakes ball head face body car cars wall "
                              "walls floor window windows goal shot off open apart away gunman attacker "
                              "suspect player striker".split())


# Entries that apply only before one of these words (within three words): "amid" is "during"
# only before an event that lasts.
_ONLY_BEFORE = {"amid": _EVENT_NOUNS, "amidst": _EVENT_NOUNS,
                # "ahead of the vote" is "before" it; "ahead of schedule", "get out ahead of" are not
                "ahead of": _EVENT_NOUNS | frozenset("vote votes visit trip match game race launch deadline debate "
                                                     "final finals holiday holidays weekend speech release arrival "
                                                     "opening premiere event events primary primaries".split()),
                "bid": frozenset({"to"})}  # "a bid to win" is an attempt; "the bid was not accepted" an offer

# What "following" can be "after" when the parser reads it as a participle of a noun ("a visit
# following the storm"): an event.
_AFTER_EVENTS = _EVENT_NOUNS | frozenset(
    "death deaths attack attacks uproar incident incidents shooting shootings crash arrest arrests decision "
    "announcement victory win defeat loss collapse explosion blast accident disaster earthquake revelations report "
    "release resignation departure visit vote ruling verdict outcry backlash controversy scandal news murder "
    "killing killings raid raids bombing bombings discovery surgery injury match game attempt coup invasion "
    "floods flood fire fires riot row dispute".split())

# A count after an adjective ("the previous three years"): the adjective is not the entry's
# (the counts "two" to "twelve" from briefing.words).
_COUNT_AFTER_RE = re.compile(
    r"\s+(?:\d|(?:" + "|".join(word for word, value in ONES.items() if 2 <= value <= 12) + r"|few|several)\b)",
    re.IGNORECASE,
)


def _parse_refuses(surface: _Surface, sentence: str, start: int, plain: str, prev: str) -> bool:
    """Whether the parse shows the word matched at ``start`` in another use than the
    entry's, or in a construction its replacement ``plain`` cannot fill (the lexicon's
    guards that need the parser, each with the case that called for it). ``prev`` is the
    word before the match.

    >>> s = "Fledgling brands grew by developing a cult-like following and adding products."
    >>> entry = next(x for x in _index()["following"] if x.entry.pos == "prep")
    >>> _parse_refuses(entry, s, s.index("following"), "after", "cult-like")
    True
    """
    pos, n = surface.entry.pos, len(surface.words)
    if surface.entry.phrase == "rather than":
        return _instead_of_refused(surface, sentence, start)
    if not (n > 1 and pos == "verb" or n == 1 and pos in ("verb", "phrase", "noun", "adj", "prep", "adv")):
        return False  # (no guard applies: spare the parser)
    tokens = parse.parse(sentence)
    word = parse.token_at(tokens, start)
    if word is None:
        return False
    if pos == "adv":
        # "figures previously jailed", "officials previously named by the president": before a
        # participle that modifies a noun, "earlier jailed" reads wrongly
        after = tokens[word.i + 1] if word.i + 1 < len(tokens) else None
        return after is not None and after.tag == "VBN" and after.dep in ("acl", "amod") and word.head == after.i
    if n > 1:
        return not word.tag.startswith("VB")  # "got results in": the noun, not the verb "result in"
    deps = {x.dep for x in parse.children(tokens, word)}
    last = plain.rsplit(" ", 1)[-1].lower()
    if pos == "prep":
        # "developing a cult-like following" is a noun, not "after"; "orbiting and following a comet",
        # "Following Hamilton at grands prix": a verb
        return word.tag.startswith("NN") or word.dep in ("dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos") \
            or word.tag == "VBG" and word.dep in ("conj", "advcl", "ROOT", "xcomp", "pcomp", "csubj") \
            or word.tag == "VBG" and word.dep == "acl" and not any(
                x.dep in ("dobj", "pobj") and x.text.lower() in _AFTER_EVENTS for x in parse.children(tokens, word))
        # ("a novel following the journey of four women" traces it; "a visit following the storm" is after it)
    if pos == "adj":
        return (surface.words[0].endswith("ing") and word.tag == "VBG" and word.dep != "amod"
                # "in effect daring him to say": the verb, not the adjective
                or word.tag in ("VBD", "VBN") and bool(deps & {"dobj", "aux"}))
                # "has infuriated protesters": the verb, not the adjective "angry"
    if pos == "noun":
        return (" " in plain and word.dep in ("compound", "amod") and word.head > word.i
                # "the stalwart female judge" is not "the loyal supporter female judge"
                or word.tag.startswith("JJ")
                # "adolescent frustration": an adjective, not "teenager frustration"
                or word.tag == "NN" and bool(re.search(r"[^s]s$", plain))
                and prev in ("a", "an", "this", "that", "each", "every", "one"))
                # "a dialogue" is not "a talks", "an electorate" not "a voters"
    if word.tag in ("VBN", "VBD") and word.dep == "amod":
        return True  # "Israel's stated policy": a participle before its noun, where the plain
        # verb does not work as an adjective ("Israel's said policy")
    # "Those who attend are ...": no object for "go to"
    return pos == "verb" and " " in plain and last in ("to", "of", "for", "with", "at", "on", "about", "into") \
        and not deps & {"dobj", "pobj", "prep"}


def _instead_of_refused(surface: _Surface, sentence: str, start: int) -> bool:
    """Whether "rather than" matched at ``start`` cannot become "instead of": "rather
    than risk ...", "significant rather than all"; "instead of" needs a noun or an -ing
    after it."""
    end = start + len(" ".join(surface.words))
    after = parse.word_at(sentence, end + len(sentence[end:]) - len(sentence[end:].lstrip()))
    return after is None or after.dep == "conj" and after.tag == "NN" or after.tag not in (
        "VBG", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD") and not (
        after.tag == "DT" and after.text.lower() in ("the", "a", "an", "this", "that", "these", "those"))


# Words of armed violence: beside them "under fire" is literal.
_VIOLENCE_RE = re.compile(r"\b(?:bomb|attack|gun|shot|shoot|shell|missile|rocket|mortar|troops|soldier|militant|"
                          r"rebel|sniper|grenade|explosi|artillery|airstrike|raid|ambush|wounded|killed)", re.IGNORECASE)


def _known_as_describes(sentence: str, end: int) -> bool:
    """Whether the words after "known as" (ending at ``end``) describe rather than name: "a
    successful stage director", "the best cook" (recognised as), not "Jihadi John", "the
    Cambrian Explosion", "galanteries" or "the tip opening" (what it is called).

    >>> s = "He was also known as a successful stage director."
    >>> _known_as_describes(s, s.index(" a "))
    True
    >>> s = "These movements were known as galanteries, and the distance is known as the tip opening."
    >>> _known_as_describes(s, s.index(" galanteries")), _known_as_describes(s, s.index(" the tip"))
    (False, False)
    >>> s = "She was known as the best cook in the village, and he was known as successful director."
    >>> _known_as_describes(s, s.index(" the best")), _known_as_describes(s, s.index(" successful"))
    (True, True)
    """
    after = sentence[end:]
    if re.match(r"\s+[A-Z\"“‘']", after) or re.match(r"\s+the\s+[A-Z]", after):
        return False  # a name, or a name in quotation marks
    if re.match(r"\s+(?:a|an|one|someone|something|being|his|her|their|its|our|my)\b", after, re.IGNORECASE):
        return True
    tokens = parse.parse(sentence)
    following = [t for t in tokens if t.idx >= end][:2]
    if not following:
        return True
    if following[0].text.lower() == "the" and len(following) > 1:
        following = following[1:]
    return following[0].tag.startswith(("JJ", "RB", "VB")) or following[0].dep == "punct"


def _match_refused(surface: _Surface, sentence: str, tokens: list[re.Match], i: int,
                   protected: list[tuple[int, int]]) -> bool:
    """Whether ``surface`` does not match at token ``i``, or matches words that are
    protected, part of a name or a compound, or used in another sense than the entry's
    (closed word lists decide)."""
    n = len(surface.words)
    if i + n > len(tokens):
        return True
    span_tokens = tokens[i : i + n]
    if tuple(t.group().lower() for t in span_tokens) != surface.words:
        return True
    # Words of a phrase must be adjacent (one space), not across punctuation.
    if any(sentence[a.end() : b.start()] != " " for a, b in zip(span_tokens, span_tokens[1:])):
        return True
    start, end = span_tokens[0].start(), span_tokens[-1].end()
    # Not part of a hyphenated compound or a contraction ("well-known", "didn't").
    if (start > 0 and sentence[start - 1] in "-/") or sentence[end : end + 1] in ("-", "/"):
        return True
    if re.match(r"['’](?![A-Za-z])", sentence[end:end + 1] + sentence[end + 1:end + 2]):
        return True  # "individuals' online activities": not "people' online activities"
    if surface.entry.pos == "adj" and _COUNT_AFTER_RE.match(sentence[end:]):
        return True  # "over the previous three years": not "the earlier three years"
    if surface.entry.phrase == "in the process of" and (i == 0 or tokens[i - 1].group().lower() not in _BE):
        return True  # "was engaged in the process of updating": only "is in the process of" goes
    if surface.entry.replacement.startswith("call") and re.match(r"(?:\s+[\w'’-]+){0,3}\s+as\b", sentence[end:]):
        return True  # "branded itself as": not "called itself as"
    if surface.entry.phrase.endswith("known as") and _known_as_describes(sentence, end):
        return True  # "was also known as a successful stage director": recognised as, not called
    if _overlaps(start, end, protected):
        return True
    if "fire" in surface.words and _VIOLENCE_RE.search(sentence):
        return True  # "the channel came under fire again, when four men threw bombs": real gunfire, not criticism
    if i > 0 and tokens[i].group()[0].isupper() and not re.search(
            r"(?:^|(?<!\b[A-Z])[.!?]\s*|[:\"“]\s*)$", sentence[:start]):
        return True  # a capital inside a sentence: a name or title ("the Opportunity Agenda",
        # "Assistant U.S. Attorney": the full stop of an initial does not end a sentence)
    if i > 0 and tokens[i].group()[0].isupper() and re.search(r"\b[A-Z][a-z]{0,4}\.\s*$", sentence[:start]):
        return True  # "Warner Bros. Television", "Acme Inc. Holdings": an abbreviation's full stop, inside a name
    if i + n < len(tokens) and (tokens[i + n].group().lower() in surface.entry.not_before or (
            tokens[i + n].group().lower() in _ARTICLES and i + n + 1 < len(tokens)
            and tokens[i + n + 1].group().lower() in surface.entry.not_before)):
        return True  # "operated on", "surrendered to", "pledged their allegiance": another sense
    if surface.entry.not_before and _after_excluded(sentence, start, surface.entry.not_before):
        return True  # "44 points ahead of": another sense
    if surface.entry.phrase in _ONLY_BEFORE and not any(
            x.group().lower() in _ONLY_BEFORE[surface.entry.phrase] for x in tokens[i + n:i + n + 4]):
        return True  # "amid the wreckage", "amid fears": a setting, not a time ("during the talks")
    if surface.entry.phrase in _PHYSICAL_SENSE and any(
            t.group().lower() in _PHYSICAL_CONTEXT for t in tokens[i + n:i + n + 6]):
        return True  # "slamming her head against a wall" is not "criticising" it
    return False
