"""What a page's structure says is not the article, removed before trafilatura reads it.

A page marks most of its furniture in its markup: captions sit in ``figcaption``, side
matter in ``aside``, and boxes of related links, newsletter and share prompts, trust and
standards notes, bylines, standfirsts and hover cards carry class or id names that say
so. A list whose every item is a link, or a link that holds a heading, points to other stories. Deciding on structure
first leaves the text rules in :mod:`briefing.text.clean` only what the markup cannot tell.

An element is never pruned when it holds much of the page's text or several paragraphs of
prose: a class such as ``share-enabled`` or ``entry-content-read-more`` on a wrapper says
nothing about the article inside it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lxml is imported by the caller, which defers it (slow to import)
    from lxml.html import HtmlElement

# Class and id words that name page furniture. Whole words only (split at punctuation
# and camelCase), so "shared-story" or "credits-roll" inside an article name nothing.
DEBRIS_WORDS = frozenset(
    """
    related recirc recirculation morelinks more-on readmore read-more most-read mostread
    newsletter newsletters subscribe subscription signup sign-up paywall
    share sharing sharebar sharetools socialshare sociallinks
    promo promos cta outbrain taboola sponsored advert advertisement ads
    trust standards principles
    byline bylines author-bio authorbio bio
    caption captions figcaption credit credits photocredit
    dek standfirst subline kicker
    rollover tooltip popover hovercard
    """.split()
)
# Pairs of words that together name furniture ("more on", "read more", "most read").
# An embedded social post ("social-media-embed") is someone's words; social buttons are not.
_DEBRIS_PAIRS = {("more", "on"), ("read", "more"), ("most", "read"), ("author", "bio"), ("sign", "up"),
                 ("you", "may"), ("also", "like"), ("more", "stories"), ("social", "share"), ("social", "links"),
                 ("social", "icons"), ("social", "buttons"), ("social", "follow"), ("social", "bar")}
_NAME_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
_STRUCTURAL_TAGS = ("aside", "figcaption", "nav", "footer")
_TEASER_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})  # a link holding a heading is a card for another story
_NEVER_PRUNE = frozenset({"html", "body", "main", "article", "head"})
MAX_SHARE_OF_TEXT = 0.4  # an element holding more of the page's text is the article, whatever its name
MIN_BODY_PARAGRAPHS = 3  # an element with this many paragraphs of prose holds the article
MIN_PROSE = 120  # characters of a paragraph of prose
MIN_LINK_SHARE = 0.9  # a list item whose text is this much link text is a link to elsewhere


def name_words(name: str) -> list[str]:
    """The words of a class or id attribute, lowercased.

    >>> name_words("article-shareBar js_related")
    ['article', 'share', 'bar', 'js', 'related']
    """
    return [w.lower() for w in _NAME_SPLIT.split(name) if w]


def names_debris(name: str) -> bool:
    """True when a class or id attribute names page furniture.

    >>> names_debris("c-related-stories"), names_debris("newsletter-signup"), names_debris("nrplus-cta")
    (True, True, True)
    >>> names_debris("article-body"), names_debris("shared-content"), names_debris("social-media-embed")
    (False, False, False)
    """
    words = name_words(name)
    if any(w in DEBRIS_WORDS for w in words):
        return True
    return any(pair in _DEBRIS_PAIRS for pair in zip(words, words[1:]))


_HOVER_WORDS = frozenset({"rollover", "tooltip", "popover", "hovercard"})


def _name_with_card(el: HtmlElement) -> bool:
    """The name a hover card hangs on, or its wrapper (``<span class="rollover-people"><a
    class="rollover-people-link">Kristi Noem</a><span class="rollover-block">...``): the name
    is the article's, only the card (a block with no link of its own at its top) goes."""
    if not _HOVER_WORDS & set(name_words(f"{el.get('class', '')} {el.get('id', '')}")):
        return False
    return el.tag == "a" or any(isinstance(c.tag, str) and c.tag == "a" and c.text_content().strip() for c in el)


def _text_length(el: HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def _holds_prose(el: HtmlElement) -> bool:
    """True when ``el`` holds several paragraphs of prose: the article, whatever its name."""
    found = 0
    for p in el.iter("p"):
        if _text_length(p) >= MIN_PROSE:
            found += 1
            if found >= MIN_BODY_PARAGRAPHS:
                return True
    return False


def _link_only_list(el: HtmlElement) -> bool:
    """A list of two or more items each of which is (almost) all link text."""
    items = [li for li in el if isinstance(li.tag, str) and li.tag == "li"]
    if len(items) < 2:
        return False
    for li in items:
        total = _text_length(li)
        if total == 0:
            continue
        linked = sum(_text_length(a) for a in li.iter("a"))
        if linked < MIN_LINK_SHARE * total:
            return False
    return True


def prune_page(tree: HtmlElement) -> list[str]:
    """Remove page furniture from ``tree`` in place; return a short note per removal.

    Removed: ``aside``, ``figcaption``, ``nav`` and ``footer`` elements, elements whose
    class or id names furniture (:data:`DEBRIS_WORDS`), lists of links, and links that hold a
    heading (cards for other stories). The tail text
    after a removed element stays (it belongs to the parent).
    """
    body = tree.find("body")
    total = _text_length(body if body is not None else tree) or 1
    doomed: list[tuple[HtmlElement, str]] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _NEVER_PRUNE:
            continue
        reason = ""
        if el.tag in _STRUCTURAL_TAGS:
            reason = el.tag
        elif names_debris(f"{el.get('class', '')} {el.get('id', '')}") and not _name_with_card(el):
            reason = f"{el.tag}.{el.get('class', '') or el.get('id', '')}"
        elif el.tag in ("ul", "ol") and _link_only_list(el):
            reason = "list of links"
        elif el.tag == "a" and any(h.tag in _TEASER_HEADINGS for h in el.iterdescendants() if isinstance(h.tag, str)):
            reason = "teaser card"
        if reason and _text_length(el) <= MAX_SHARE_OF_TEXT * total and not _holds_prose(el):
            doomed.append((el, reason))
    notes = []
    removed: set[int] = set()
    for el, reason in doomed:
        if any(id(a) in removed for a in el.iterancestors()):
            continue
        removed.add(id(el))
        notes.append(reason)
        _drop(el)
    return notes


def _drop(el: HtmlElement) -> None:
    """Remove ``el`` but keep its tail text in the document."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
