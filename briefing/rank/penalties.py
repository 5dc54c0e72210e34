"""What makes a sentence a poor key point, whatever its centrality: debris (captions,
placeholders, bylines, headings, promotion lines), fragments, questions and quotations."""

from __future__ import annotations

import re
from typing import Sequence

from ..models import Sentence

# Debris: text that is not the article's prose. Each pattern names what it catches.
_DEBRIS = (
    re.compile(r"\[/?caption\b|\[/caption\]", re.I),  # WordPress caption shortcodes
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\[#[^\]]*\]"),  # template placeholders
    re.compile(r"^\W*(?:published|updated|last updated|posted|last modified)\s*:", re.I),  # timestamps
    re.compile(r"^\W*(?i:by)\s*[.:]?\s*$|^\W*(?i:by)\s+(?:[A-Z][\w'’.-]*\s*){1,4}[.|]?\s*$"),  # bylines
    re.compile(r"^\W*(?:photo|image|picture|pictured|credit|video|watch|related|see also|read more|see more)\s*:", re.I),
    re.compile(
        r"^\W*(?:click here|scroll down|read more|see more|sign up|subscribe|follow (?:us|him|her|me|on)\b"
        r"|share (?:this|your|on)\b|email your|join the conversation|download the)",
        re.I,
    ),
    re.compile(r"https?://|www\.\w|\S+@\S+\.\w"),  # links and e-mail addresses
    # A photo caption: a short label and a colon, then who or what is pictured where
    # ("Former friends: Gerry Adams (left) is pictured in Long Kesh prison ...").
    re.compile(r"^\W*[A-Z][\w'’-]*(?: [\w'’&-]+){0,3}: (?![\"“‘']).*\b(?:pictured|photographed"
               r"|\((?:left|right|centre|center|top|bottom|above|below|inset|second left|second right)\))"),
    # A line that had no closing punctuation and was given a detached full stop: the
    # headings, related-story links and captions of scraped news (CNN/DM text has many).
    re.compile(r"\s[.|]$"),
)

_FRAGMENT_WORDS = 6  # fewer words than this is a fragment ("She was nervous.", "(PDF).")
_VERBLESS_WORDS = 12  # below this many words, a sentence needs a verb-like word to count as one

_VERBS = frozenset(
    """am is are was were be been being has have had having do does did will would can could shall should
    may might must said says say told tells tell went goes go made makes make took takes take came comes come
    got gets get gave gives give found finds find left leaves saw sees knew knows thought thinks became
    becomes began begins kept keeps held holds brought brings wrote writes ran runs met meets led leads lost
    loses paid pays sent sends built builds fell falls felt feels won wins hit hits put puts set sets cut
    cuts shot shoots struck strikes sought seeks fought fights caught catches taught teaches spent spends
    stood stands 's 're 've 'll 'd 'm n't""".split()
)
# An "-s" word is read as a verb after a subject-like word: a pronoun, a relative, an
# adverb, or a capitalised name inside the sentence ("Tavik makes", "it seems", "also sports").
_SUBJECT_LIKE = frozenset("he she it who that which also still now often never always only just".split())


def is_debris(text: str) -> bool:
    """True for captions, placeholders, bylines, timestamps, promotion lines and headings.

    >>> is_debris("Handout/Israel’s GPOElon and Bibi previously met in September[/caption]")
    True
    >>> is_debris("Published: [#item_custom_pubDate]")
    True
    >>> is_debris("Social media .")
    True
    >>> is_debris("By Anna Hodgekiss")
    True
    >>> is_debris("Former friends: Gerry Adams (left) is pictured in Long Kesh prison with Brendan Hughes.")
    True
    >>> is_debris("Musk will meet with President Isaac Herzog, reports TV Channel N12.")
    False
    >>> is_debris("He said: 'I was pictured with him once, that is all.'")
    False
    """
    return any(p.search(text) for p in _DEBRIS)


def has_verb(words: Sequence[str]) -> bool:
    """A cheap finite-verb test (no tagger ships offline): an auxiliary or common verb,
    an ``-ed`` form, or an ``-s`` form after a subject-like word.

    >>> has_verb(["Pilot", "Roger", "Peterson", "also", "died", "in", "the", "crash"])
    True
    >>> has_verb(["The", "model", "also", "sports", "bruises"])
    True
    >>> has_verb(["Founding", "fathers"])
    False
    """
    previous = ""
    for k, word in enumerate(words):
        w = word.lower()
        if w in _VERBS or (len(w) > 3 and w.endswith("ed")):
            return True
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and word[0].islower() and (
            previous.lower() in _SUBJECT_LIKE or (k > 1 and previous[:1].isupper())
        ):
            return True
        previous = word
    return False


def is_fragment(words: Sequence[str]) -> bool:
    """Too short to be a key point: fewer than 6 words, or fewer than 12 and no verb.

    >>> is_fragment(["Storms", "in", "Devon"])
    True
    >>> is_fragment(["Pilot", "Roger", "Peterson", "also", "died", "in", "the", "crash"])
    False
    """
    return len(words) < _FRAGMENT_WORDS or (len(words) < _VERBLESS_WORDS and not has_verb(words))


def is_question(text: str) -> bool:
    """True when the sentence asks rather than tells.

    >>> is_question("Could the Shroud of Turin be real?")
    True
    >>> is_question('"Why?" she asked.')
    False
    """
    return text.rstrip("\"'”’»)] ").endswith("?")


def quoted_share(sentence: Sentence) -> float:
    """The share of the sentence's characters inside quotation marks."""
    return sum(end - start for start, end in sentence.quote_spans) / max(1, len(sentence.text))


_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def echoes_title(text: str, title: str, stop: frozenset[str] = frozenset()) -> bool:
    """True when ``text`` repeats the headline ``title`` (a page that prints its headline
    again as a paragraph): nearly all its words are the title's, and it is not much longer.

    >>> echoes_title("Coronavirus: UK lockdown to be eased from Monday", "UK lockdown to be eased from Monday")
    True
    >>> echoes_title("The UK lockdown will be eased from Monday, the prime minister said after talks with scientists.",
    ...              "UK lockdown to be eased from Monday")
    False
    """
    words = [w.lower() for w in _WORD_RE.findall(text) if w.lower() not in stop]
    heading = {w.lower() for w in _WORD_RE.findall(title) if w.lower() not in stop}
    if not words or not heading:
        return False
    shared = sum(w in heading for w in words)
    return shared / len(words) >= 0.8 and len(words) <= len(heading) + 3
