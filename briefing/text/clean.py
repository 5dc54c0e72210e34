"""Cleaners: remove the debris scraped news carries, and say what went.

``CLEANERS`` is an ordered registry of named cleaners. Each is a plain function
``text -> (text, changes)``: the text with one kind of debris removed, and the list of
``(removed, replacement)`` pairs it changed, like ftfy's ``fix_and_explain``. The text
holds one paragraph per line. :func:`clean_text` runs them in order and turns the
changes into :class:`briefing.models.Removal` entries named after the cleaner, so the
cleaning report says exactly what each one took out.

Cleaners never touch quotation marks or apostrophes, and never rewrite a sentence:
they drop whole debris lines, cut debris glued to the start of the article, or (for
the tabloid all-caps lead) fix the case of the first word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from ..models import Article, Removal

Change = tuple[str, str]  # (removed, replacement)
Cleaner = Callable[[str], tuple[str, list[Change]]]


# ---------------------------------------------------------------------------------------
# Helpers


def _drop_lines(text: str, is_debris: Callable[[str], bool]) -> tuple[str, list[Change]]:
    """Drop every line for which ``is_debris`` is true."""
    kept: list[str] = []
    changes: list[Change] = []
    for line in text.split("\n"):
        if line.strip() and is_debris(line.strip()):
            changes.append((line.strip(), ""))
        else:
            kept.append(line)
    return "\n".join(kept), changes


def _sub(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str] | str, text: str) -> tuple[str, list[Change]]:
    """``pattern.sub`` that records each replacement it made."""
    changes: list[Change] = []

    def record(m: re.Match[str]) -> str:
        new = m.expand(repl) if isinstance(repl, str) else repl(m)
        if new != m.group(0):
            changes.append((m.group(0), new))
        return new

    return pattern.sub(record, text), changes


def _data_lines(name: str) -> list[str]:
    raw = resources.files("briefing").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")]


# ---------------------------------------------------------------------------------------
# Whitespace

_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|\t")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]+")
_EDGE_SPACE = re.compile(r"^[ \t\u00a0]+|[ \t\u00a0]+$", re.M)
_WHITESPACE_STEPS = (
    (_INVISIBLE, "", lambda t: any(ch in t for ch in "\u200b\u2060\ufeff\u00ad")),
    (_SPACE_RUN, " ", lambda t: "  " in t or "\t" in t or "\u00a0" in t or not t.isascii()),
    (_EDGE_SPACE, "", lambda t: t[:1] in " \u00a0" or t[-1:] in " \u00a0" or " \n" in t or "\n " in t
     or "\u00a0\n" in t or "\n\u00a0" in t),
)


def fix_whitespace(text: str) -> tuple[str, list[Change]]:
    """Collapse runs of spaces and tabs, drop zero-width characters and soft hyphens.

    >>> fix_whitespace("Musk  met\\u200b Netanyahu. ")
    ('Musk met Netanyahu.', [('\\u200b', ''), ('  ', ' '), (' ', '')])
    """
    changes: list[Change] = []
    for pattern, repl, needed in _WHITESPACE_STEPS:
        if needed(text):  # a cheap substring test first: most text needs nothing
            text, found = _sub(pattern, repl, text)
            changes += found
    return text, changes


# ---------------------------------------------------------------------------------------
# WordPress captions

_SHORTCODE_PAIR = re.compile(r"\[caption\b[^\]\n]{0,500}\][^\[\n]{0,2000}?\[/caption\][ \t]*", re.I)
# Closing caption tags are left for strip_caption_remnants: the caption text before them goes too.
_SHORTCODE_TAG = re.compile(
    r"\[(?:caption|/?(?:gallery|embed|video|audio|playlist|vc_[a-z_]+|et_pb_[a-z_]+))\b[^\]\n]{0,500}\][ \t]*", re.I
)


def strip_caption_shortcodes(text: str) -> tuple[str, list[Change]]:
    """Remove ``[caption ...]...[/caption]`` shortcodes whole, then stray shortcode tags.

    >>> strip_caption_shortcodes('[caption id="a1"]<img> Musk in May[/caption]Musk arrived.')[0]
    'Musk arrived.'
    """
    text, changes = _sub(_SHORTCODE_PAIR, "", text)
    text, more = _sub(_SHORTCODE_TAG, "", text)
    return text, changes + more


_CAPTION_END = re.compile(r"\[/caption\]", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘A-Z])")


def strip_caption_remnants(text: str) -> tuple[str, list[Change]]:
    """Drop caption remnants: what is left of a caption when its opening shortcode was
    stripped, with the photo credit glued to the caption (``ReutersElon Musk, owner of
    X ...[/caption]``). A line ending in ``[/caption]`` goes whole; a remnant glued
    before text goes from the start of its line (or the last sentence end) to the tag.

    >>> strip_caption_remnants("APMusk is set to meet Netanyahu[/caption]\\nHe said so.")[0]
    'He said so.'
    """
    changes: list[Change] = []
    lines: list[str] = []
    for line in text.split("\n"):
        had_caption = False
        while m := _CAPTION_END.search(line):
            had_caption = True
            if not line[m.end():].strip():
                changes.append((line.strip(), ""))
                line = ""
                break
            start = 0
            for b in _SENTENCE_BREAK.finditer(line, 0, m.start()):
                start = b.end()
            changes.append((line[start:m.end()].strip(), ""))
            line = line[:start] + line[m.end():].lstrip()
        if line.strip() or not had_caption:
            lines.append(line)
    return "\n".join(lines), changes


# ---------------------------------------------------------------------------------------
# Template placeholders

_PLACEHOLDER = (
    r"(?:\[#[^\]\n]{1,80}\]"  # [#item_custom_pubDate]
    r"|\{\{[^{}\n]{0,80}\}\}"  # {{ author }}
    r"|\{%[^%\n]{0,80}%\}"  # {% if x %}
    r"|%%[A-Za-z0-9_.:-]{1,60}%%"  # %%POSTDATE%%
    r"|\$\{[A-Za-z0-9_.]{1,60}\}"  # ${item.date}
    r"|\[\[[A-Za-z0-9_.:-]{1,60}\]\])"  # [[pubDate]]
)
_PLACEHOLDER_LINE = re.compile(
    rf"^(?:[A-Za-z][A-Za-z ]{{0,30}}:?\s*)?{_PLACEHOLDER}(?:\s*[,|·-]?\s*{_PLACEHOLDER})*\s*[.:]?$"
)
_PLACEHOLDER_INLINE = re.compile(rf" ?{_PLACEHOLDER}")
_PLACEHOLDER_MARKS = ("[#", "{{", "{%", "%%", "${", "[[")


def strip_placeholders(text: str) -> tuple[str, list[Change]]:
    """Remove unfilled template placeholders; a line holding only a label and
    placeholders (``Published: [#item_custom_pubDate]``) goes whole.

    >>> strip_placeholders("Musk spoke.\\nPublished: [#item_custom_pubDate]")[0]
    'Musk spoke.'
    >>> strip_placeholders("By {{author}} and staff.")[0]
    'By and staff.'
    """
    if not any(mark in text for mark in _PLACEHOLDER_MARKS):
        return text, []
    text, changes = _drop_lines(text, lambda line: bool(_PLACEHOLDER_LINE.match(line)))
    text, more = _sub(_PLACEHOLDER_INLINE, "", text)
    return text, changes + more


# ---------------------------------------------------------------------------------------
# Bylines and datelines

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s)"
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?[A-Z]{2,4}\b)?"
_DMY = rf"{_WEEKDAY}?\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH},?\s\d{{4}}"
_MDY = rf"{_WEEKDAY}?{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
DATE = rf"(?:(?:at\s)?{_TIME},?\s(?:on\s)?)?(?:{_DMY}|{_MDY}|{_ISO})(?:,?\s(?:at\s)?{_TIME})?"

_NAME_WORD = r"(?:[A-Z][\w'’.-]*,?|and|&|de|del|van|von|der|du|da|la|le|bin|al|for|in|of)"
_HEADER_END = r"(?=\s*(?:$|\|)|\s\.(?:\s|$)|\s+(?i:published|updated|last updated|posted|follow)\b)"
_HEADER_TOKEN = re.compile(
    r"(?:"
    # Daily Mail: "By . Tom Smith . " and "and . Jane Doe . "
    r"(?:By|and)\s\.\s(?P<by_dm>[A-Z][^.|\n]{1,100}?)(?=\s\.(?:\s|$))"
    # "By JOHN SMITH PUBLISHED: ..." or a line "By Jane Smith"
    rf"|By\s(?P<by>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,8}}?){_HEADER_END}"
    # "PUBLISHED: . 12:53 EST, 4 January 2013", "Last updated at 5:24 PM on 9th January 2012"
    rf"|(?P<label>(?i:published|updated|last updated|last modified|posted))(?:\s(?:at|on))?\s?:?\s?(?:\.\s)?(?P<date>{DATE})"
    r"|Follow\s@@?\w+(?:\son\sTwitter)?"
    r")"
    r"(?:\s+[.|](?=\s|$))*\s*"
)


def _header_at(line: str) -> tuple[int, list[re.Match[str]]]:
    """The length of the byline/dateline header at the start of ``line``, and its tokens."""
    pos, tokens = 0, []
    while True:
        m = _HEADER_TOKEN.match(line, pos)
        if not m or m.end() == pos:
            break
        tokens.append(m)
        pos = m.end()
    return pos, tokens


def strip_bylines(text: str) -> tuple[str, list[Change]]:
    """Remove bylines and publication lines the scrape left in the text.

    At the start of the article, a header glued to the text goes (``By . Tom Smith .
    PUBLISHED: . 12:53 EST, 4 January 2013 . | . UPDATED: ...``, ``By JOHN SMITH
    PUBLISHED: 12:00 GMT, 1 January 2020``, ``Last updated at ...``). In the first
    three paragraphs a whole-line byline goes, and anywhere a line that is only a
    publication date. A byline needs a separator after the name (a dot, a bar, a date
    or the end of the line), so ``By Tuesday, the storm ...`` stays.

    >>> strip_bylines("By . Tom Smith . PUBLISHED: . 12:53 EST, 4 January 2013 . | . UPDATED: . 13:07 EST, 4 January 2013 . A man was held.")[0]
    'A man was held.'
    >>> strip_bylines("By Tuesday, the storm had passed.")[0]
    'By Tuesday, the storm had passed.'
    """
    lines = text.split("\n")
    changes: list[Change] = []
    kept: list[str] = []
    for i, line in enumerate(lines):
        end, tokens = _header_at(line)
        if tokens:
            whole = not line[end:].strip()
            has_by = any(t.group("by_dm") or t.group("by") for t in tokens)
            # Glued to text only at the very start; whole lines near the start, or anywhere
            # when they hold no name (a bare publication date is never a sentence).
            if i == 0 or (whole and (i < 3 or not has_by)):
                changes.append((line[:end].strip(), ""))
                line = line[end:]
                if not line.strip():
                    continue
        kept.append(line)
    return "\n".join(kept), changes


def header_metadata(removed: str) -> dict[str, str]:
    """The byline and date in a header :func:`strip_bylines` removed.

    >>> header_metadata("By . Tom Smith . and . Ann Lee . PUBLISHED: . 12:53 EST, 4 January 2013 .")
    {'byline': 'Tom Smith and Ann Lee', 'published': '12:53 EST, 4 January 2013'}
    """
    names: list[str] = []
    found: dict[str, str] = {}
    for m in _HEADER_TOKEN.finditer(removed):
        name = m.group("by_dm") or m.group("by")
        if name:
            names.append(name.strip(" ,"))
        if m.group("date") and "published" not in found:
            found["published"] = m.group("date")
    if names:
        found = {"byline": " and ".join(names), **found}
    return found


_OUTLET = r"(?:the\s)?[A-Z][\w&.'’-]*(?:\s(?:[A-Z][\w&.'’-]*|of|and|&|the)){0,4}"
_PLACE = r"[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}(?:,\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}\s)?\((?P<outlet>{_OUTLET})\)(?:(?=[\"“‘'A-Z0-9])|\s*(?:--|—|–|-)\s+)"
)
_DATE_DATELINE = re.compile(rf"^(?P<date>{_MDY}|{_DMY})\s\.\s+(?=[\"“‘'A-Z0-9])")


def strip_datelines(text: str) -> tuple[str, list[Change]]:
    """Remove the outlet marker of a dateline at the start of the article.

    The wire-style dateline ``(CNN)``, ``(Reuters) -`` or ``(The Hollywood Reporter)``
    glued to the first word names the outlet, which belongs in the metadata, not in a
    key point; a place before it is news and stays, followed by a dash. The
    ``March 10, 2015 .`` date prefix of CNN Student News goes too.

    >>> strip_datelines("(CNN)Police arrested a man.")[0]
    'Police arrested a man.'
    >>> strip_datelines("Tokyo (CNN)Police arrested a man.")[0]
    'Tokyo — Police arrested a man.'
    >>> strip_datelines("WASHINGTON (Reuters) - The Senate voted.")[0]
    'WASHINGTON — The Senate voted.'
    >>> strip_datelines("(Updated) Police arrested a man.")[0]
    '(Updated) Police arrested a man.'
    """

    def repl(m: re.Match[str]) -> str:
        return f"{m.group('place').strip()} — " if m.group("place") else ""

    text, changes = _sub(_DATELINE, repl, text)
    if not changes:
        text, changes = _sub(_DATE_DATELINE, "", text)
    return text, changes


def dateline_metadata(removed: str) -> dict[str, str]:
    """The outlet or date named in a dateline :func:`strip_datelines` removed.

    >>> dateline_metadata("Tokyo (CNN)")
    {'site_name': 'CNN'}
    """
    m = _DATELINE.match(removed + ("" if removed.endswith(("-", "—", "–")) else "X"))
    if m:
        return {"site_name": m.group("outlet")}
    m = _DATE_DATELINE.match(removed + " X")
    return {"published": m.group("date")} if m else {}


# ---------------------------------------------------------------------------------------
# Boilerplate


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    """One compiled pattern of every line in ``data/boilerplate_lines.txt``."""
    patterns = _data_lines("boilerplate_lines.txt")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


_MAX_BOILERPLATE_LINE = 300


def strip_boilerplate_lines(text: str) -> tuple[str, list[Change]]:
    """Drop whole lines of page furniture: share and follow prompts, "Read more",
    newsletter sign-ups, "Click here", advertisements, "Image:"/"Photo:" credits,
    copyright lines (patterns in ``briefing/data/boilerplate_lines.txt``).

    >>> strip_boilerplate_lines("Musk spoke.\\nShare this article\\nRead more: Musk in Israel\\nHe left.")[0]
    'Musk spoke.\\nHe left.'
    """
    pattern = boilerplate_pattern()
    return _drop_lines(
        text,
        lambda line: len(line) <= _MAX_BOILERPLATE_LINE and bool(pattern.fullmatch(line.strip(" \t.|•·-–—>»"))),
    )


_AFTER_SENTENCE = r"(?:^|(?<=[.!?\"”’)] )|(?<=[.!?\"”’)])|(?<=[a-z])(?=READ MORE:))"
_INLINE_BOILERPLATE = re.compile(
    _AFTER_SENTENCE + r"(?:"
    # "Read more: Nigerian election extended one day . " (the " . " of CNN/DM text
    # marks where a line ended); the link title must not run over a sentence end.
    r"(?:Read more|READ MORE|Read More|See also|SEE ALSO)(?: from [^:.\n]{1,40})?:\s?"
    r"(?:[^.!?\n]{1,150}?(?:\s\.(?=\s|$)|(?=READ MORE|Read more))|[^.!?\n]{1,80}\?(?=\s[A-Z\"“]))"
    r"|Click here\b[^.!?\n]{0,200}[.!?]+"
    r"|CLICK HERE\b[^.!?\n]{0,200}[.!?]+"
    r"|Follow @\w+[^.!?\n]{0,150}[.!?]"
    r"|Scroll down for (?:the )?videos?(?:\s\.|\.)?"
    r"|Sign up (?:to|for) (?:our|the)\b[^.!?\n]{0,100}newsletters?[^.!?\n]{0,100}[.!?]"
    r")\s*"
)


_INLINE_KEYS = ("Read more", "READ MORE", "Read More", "See also", "SEE ALSO", "Click here", "CLICK HERE",
                "Follow @", "Scroll down", "Sign up")


def strip_boilerplate_inline(text: str) -> tuple[str, list[Change]]:
    """Remove boilerplate sentences inside a paragraph (scrapes that lost their line
    breaks): "Read more: <link title> .", "Click here ...", "Follow @handle ...",
    "Scroll down for video".

    >>> strip_boilerplate_inline("Voting ended. Read more: Nigerian election extended one day . Britain spoke.")[0]
    'Voting ended. Britain spoke.'
    >>> strip_boilerplate_inline("He said we should read more: books.")[0]
    'He said we should read more: books.'
    """
    if not any(key in text for key in _INLINE_KEYS):
        return text, []
    text, changes = _sub(_INLINE_BOILERPLATE, "", text)
    if changes:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text, [(removed.strip(), new) for removed, new in changes]


# ---------------------------------------------------------------------------------------
# The tabloid all-caps lead


@lru_cache(maxsize=1)
def initialisms() -> frozenset[str]:
    """All-caps words that are initialisms (``data/initialisms.txt``)."""
    return frozenset(word for line in _data_lines("initialisms.txt") for word in line.split())


@lru_cache(maxsize=1)
def _lowercase_words() -> frozenset[str]:
    """Words seen in lowercase in the Punkt model's training news (about 20,000)."""
    from nltk.tokenize.punkt import _ORTHO_LC

    from .nlp import punkt_parameters

    return frozenset(w for w, flags in punkt_parameters().ortho_context.items() if flags & _ORTHO_LC)


_CAPS_RUN = re.compile(r"^(?P<run>(?:[A-Z][A-Z'’-]*\b\s+){1,4})(?P<next>[\"“‘']?\w[\w'’-]*)")
_VOWEL = re.compile(r"[AEIOUY]")


def fix_allcaps_lead(text: str) -> tuple[str, list[Change]]:
    """Fix the tabloid lead that shouts its first word(s): ``ELON Musk is`` becomes
    ``Elon Musk is``, ``A MAN has been`` becomes ``A man has been``.

    A leading all-caps word is a shouted name when it has 3 or more letters, a vowel,
    is no known initialism, is not written in capitals elsewhere in the article, and
    the next word is Capitalised (or the word appears Capitalised elsewhere). A run of
    capitals followed by a lowercase word is shouted common words when every one of
    them is a known lowercase word. Anything else (NASA, US, FBI, CCDH) stays.

    >>> fix_allcaps_lead("ELON Musk is due in Israel.")[0]
    'Elon Musk is due in Israel.'
    >>> fix_allcaps_lead("A MAN has been jailed.")[0]
    'A man has been jailed.'
    >>> fix_allcaps_lead("NASA Administrator Bill Nelson spoke.")[0]
    'NASA Administrator Bill Nelson spoke.'
    >>> fix_allcaps_lead("CCDH Research found 200 posts.")[0]
    'CCDH Research found 200 posts.'
    """
    m = _CAPS_RUN.match(text)
    if not m:
        return text, []
    words = m.group("run").split()
    nxt = m.group("next").lstrip("\"“‘'")
    rest = text[m.end("run"):]
    if any(not re.search(r"[A-Z]{2}|^A$", w) for w in words) or (len(words) == 1 and len(words[0]) == 1):
        return text, []
    new_words = _fix_caps_words(words, nxt, rest)
    if new_words == words:
        return text, []
    old = m.group("run").rstrip()
    new = " ".join(new_words)
    return new + text[len(old):], [(old, new)]


def _fix_caps_words(words: list[str], nxt: str, rest: str) -> list[str]:
    known = initialisms()
    lowercase = _lowercase_words()

    def acronym_like(word: str) -> bool:
        core = word.strip("'’-")
        return (
            core in known
            or core.rstrip("S") in known
            or not _VOWEL.search(core)
            or re.search(rf"\b{re.escape(core)}\b", rest) is not None
        )

    if any(acronym_like(w) for w in words if len(w) > 1):
        return words
    if nxt[:1].islower() and all(w.lower().strip("'’") in lowercase for w in words):
        # "A MAN has been", "TWO teenagers were": shouted common words.
        return [words[0].capitalize()] + [w.lower() for w in words[1:]]
    # "ELON Musk", "ELON MUSK said ... Musk said": a shouted name.
    if len(words) == 1 and len(words[0]) < 3:
        return words
    next_capitalised = nxt[:1].isupper() and not nxt.isupper()
    named_elsewhere = any(re.search(rf"\b{re.escape(_title_word(w))}\b", rest) for w in words if len(w) > 1)
    if next_capitalised or named_elsewhere:
        return [_title_word(w) for w in words]
    return words


def _title_word(word: str) -> str:
    """``O’NEILL`` -> ``O’Neill``, ``SMITH-JONES`` -> ``Smith-Jones``."""
    return re.sub(r"[A-Z]+", lambda m: m.group(0).capitalize(), word)


# ---------------------------------------------------------------------------------------
# Registry and stage

CLEANERS: dict[str, Cleaner] = {
    "whitespace": fix_whitespace,
    "caption_shortcodes": strip_caption_shortcodes,
    "caption_remnants": strip_caption_remnants,
    "placeholders": strip_placeholders,
    "bylines": strip_bylines,
    "datelines": strip_datelines,
    "boilerplate_lines": strip_boilerplate_lines,
    "boilerplate_inline": strip_boilerplate_inline,
    "allcaps_lead": fix_allcaps_lead,
}


def clean_text(text: str, cleaners: dict[str, Cleaner] | None = None) -> tuple[str, tuple[Removal, ...]]:
    """Run ``cleaners`` (default: all of ``CLEANERS``, in order) over ``text``, one
    paragraph per line; return the cleaned text (no empty lines) and the report.

    >>> clean_text("ELON Musk  spoke.\\nShare this article")
    ('Elon Musk spoke.', (Removal(cleaner='whitespace', removed='  ', replacement=' '), \
Removal(cleaner='boilerplate_lines', removed='Share this article', replacement=''), \
Removal(cleaner='allcaps_lead', removed='ELON', replacement='Elon')))
    """
    removals: list[Removal] = []
    for name, cleaner in (cleaners or CLEANERS).items():
        text, changes = cleaner(text)
        removals.extend(Removal(name, removed, replacement) for removed, replacement in changes)
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line), tuple(removals)


def clean(article: Article) -> Article:
    """``article`` with debris removed and a report of what went.

    Bylines, dates and outlets found in the debris fill the article's empty metadata
    fields. An article without a title gets one derived from its lead sentence
    (``title_derived=True``).
    """
    text, removals = clean_text("\n".join(article.paragraphs))
    paragraphs = tuple(text.split("\n")) if text else ()
    meta: dict[str, str] = {}
    for r in removals:
        if r.cleaner == "bylines":
            found = header_metadata(r.removed)
        elif r.cleaner == "datelines":
            found = dateline_metadata(r.removed)
        else:
            continue
        for key, value in found.items():
            meta.setdefault(key, value)
    changes: dict[str, object] = {"paragraphs": paragraphs, "cleaning": article.cleaning + removals}
    for key in ("byline", "published", "site_name"):
        if not getattr(article, key) and key in meta:
            changes[key] = meta[key]
    if not article.title.strip() and paragraphs:
        changes["title"] = derive_title(paragraphs[0])
        changes["title_derived"] = True
    return replace(article, **changes)


# ---------------------------------------------------------------------------------------
# Titles

MAX_TITLE = 80
_TITLE_WINDOW = 1000
_TRAILING = " \t.,;:!?-–—(/"
_DANGLING = frozenset(
    "a an the and or but nor of to in on at by for with from as into over than that which who whose "
    "while after before about his her its their our my your this these those is are was were be has "
    "have had will would said says".split()
)
_OPENERS = {"“": "”", '"': '"', "«": "»", "‘": "’"}


def derive_title(text: str, limit: int = MAX_TITLE) -> str:
    """A title from the lead sentence of ``text``: at most ``limit`` characters, cut at a
    word boundary outside any quotation, trailing punctuation stripped, "…" only when cut.

    >>> derive_title("Elon Musk is reportedly due to fly into Israel next week for meeting with the country’s leaders.")
    'Elon Musk is reportedly due to fly into Israel next week for meeting…'
    >>> derive_title("Musk lands in Israel.")
    'Musk lands in Israel'
    >>> derive_title('The White House accused Musk of repeating “the hideous lie behind the most fatal act of antisemitism”.')
    'The White House accused Musk of repeating…'
    >>> derive_title("He said: “Nothing could be further from the truth.”")
    'He said: “Nothing could be further from the truth.”'
    """
    from .nlp import sentence_tokenizer

    # The lead sentence is all we need: split only the start of a long paragraph.
    head = text.strip()[:_TITLE_WINDOW]
    first = next(iter(sentence_tokenizer().span_tokenize(head)), (0, len(head)))
    lead = re.sub(r"\s+", " ", head[first[0]:first[1]]).strip()
    whole = _strip_end(lead)
    if len(whole) <= limit:
        return whole
    room = limit - 1  # for "…"
    cut = None
    for m in re.finditer(r"\s+", lead):
        if m.start() > room:
            break
        if not _inside_quote(lead, m.start()):
            cut = m.start()
    if cut is None:
        return lead[:room].rstrip() + "…"
    words = lead[:cut].split()
    while len(words) > 3 and (words[-1].lower().strip(_TRAILING) in _DANGLING or not words[-1].strip(_TRAILING)):
        words.pop()
    return _strip_end(" ".join(words)) + "…"


def _strip_end(text: str) -> str:
    # A closing quotation mark protects the punctuation inside it: quoted words stay whole.
    return text.rstrip(_TRAILING) if text[-1:] not in "”\"’»" else text


def _inside_quote(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a double-quoted (or ‘…’-quoted) passage."""
    depth_curly = text.count("“", 0, pos) - text.count("”", 0, pos)
    straight_open = text.count('"', 0, pos) % 2 == 1
    guillemet = text.count("«", 0, pos) - text.count("»", 0, pos)
    single = len(re.findall(r"(?:^|(?<=[\s(]))‘", text[:pos])) - len(re.findall(r"’(?=[\s.,;:!?)]|$)", text[:pos]))
    return depth_curly > 0 or straight_open or guillemet > 0 or single > 0
