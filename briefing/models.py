"""The data that flows between stages. Every type is a frozen dataclass with ``to_dict()``.

Character spans are ``(start, end)`` offsets into ``Article.text`` (the cleaned text,
paragraphs joined by a blank line), half-open like Python slices.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Removal:
    """One piece of text a cleaner removed or changed, for the cleaning report."""

    cleaner: str
    removed: str
    replacement: str = ""


@dataclass(frozen=True)
class Article:
    """An extracted, cleaned article. ``paragraphs`` never contain blank lines."""

    paragraphs: tuple[str, ...]
    title: str = ""
    title_derived: bool = False
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    # Where the story was filed ("LOS ANGELES"), taken from the text's dateline: metadata, never spoken.
    dateline: str | None = None
    source_url: str | None = None
    language: str = "en"
    cleaning: tuple[Removal, ...] = ()

    @property
    def text(self) -> str:
        """The cleaned text that every span points into."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "title_derived": self.title_derived,
            "byline": self.byline,
            "published": self.published,
            "site_name": self.site_name,
            "dateline": self.dateline,
            "source_url": self.source_url,
            "language": self.language,
            "paragraphs": list(self.paragraphs),
            "cleaning": [asdict(r) for r in self.cleaning],
        }


@dataclass(frozen=True)
class Quotation:
    """A quotation in the article, which may run over several sentences.

    ``span`` covers the quoted words without the quotation marks; ``text`` is exactly
    ``article.text[span[0]:span[1]]``.
    """

    id: int
    span: Span
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned text. ``quotes`` are the parts of quotations inside it."""

    index: int
    text: str
    span: Span
    paragraph: int
    quote_spans: tuple[Span, ...] = ()
    quotation_ids: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "text": self.text,
            "span": list(self.span),
            "paragraph": self.paragraph,
            "quote_spans": [list(s) for s in self.quote_spans],
            "quotation_ids": list(self.quotation_ids),
        }


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's content comes from.

    ``source`` is the named source (resolved when the text used a pronoun or a
    description, whose original words are kept in ``resolved_from``); ``cue`` is the
    word or phrase that attributes ("said", "according to"); ``quote`` the exact
    quoted words, if any. Spans point into the article text; ``source_span`` is the
    span of the words in *this* sentence (the pronoun when resolved), or None when
    the attribution was carried over from a neighbouring sentence.
    """

    source: str
    cue: str | None = None
    quote: str | None = None
    resolved_from: str | None = None
    source_span: Span | None = None
    cue_span: Span | None = None
    carried_over: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("source_span", "cue_span"):
            if d[key] is not None:
                d[key] = list(d[key])
        return d


@dataclass(frozen=True)
class KeyPoint:
    """A ranked point, in article order. ``text`` stands on its own (pronouns named);
    ``original`` is the article's sentence(s) as written."""

    sentence_ids: tuple[int, ...]
    text: str
    original: str
    spans: tuple[Span, ...]
    score: float
    attribution: Attribution | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence_ids": list(self.sentence_ids),
            "text": self.text,
            "original": self.original,
            "spans": [list(s) for s in self.spans],
            "score": round(self.score, 6),
            "attribution": self.attribution.to_dict() if self.attribution else None,
        }


@dataclass(frozen=True)
class PlainPoint:
    """The plain-language version of a key point, with the rules that made it.

    ``text`` is what is shown and spoken; ``original`` the key point's text.
    ``fallback_reason`` says why the original was kept, when the rewrite failed the
    faithfulness check. ``readability`` holds before/after figures.
    """

    text: str
    original: str
    rules_applied: tuple[str, ...] = ()
    fallback_reason: str | None = None
    readability: dict[str, Any] | None = None

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "original": self.original,
            "changed": self.changed,
            "rules_applied": list(self.rules_applied),
            "fallback_reason": self.fallback_reason,
            "readability": self.readability,
        }


@dataclass(frozen=True)
class Briefing:
    """Everything the text pipeline produced for one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    attributions: tuple[tuple[Attribution, ...], ...]
    key_points: tuple[KeyPoint, ...]
    ranker: str = "briefing"
    notes: tuple[str, ...] = field(default_factory=tuple)
    plain_points: tuple[PlainPoint, ...] = ()  # one per key point, same order, once simplified
    readability: dict[str, Any] | None = None  # whole-briefing figures, before and after

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "ranker": self.ranker,
            "notes": list(self.notes),
            "key_points": [p.to_dict() for p in self.key_points],
            "plain_points": [p.to_dict() for p in self.plain_points],
            "readability": self.readability,
            "sentences": [s.to_dict() for s in self.sentences],
            "attributions": [[a.to_dict() for a in attrs] for attrs in self.attributions],
        }


@dataclass(frozen=True)
class ScriptLine:
    """One sentence of the script: ``text`` is shown (transcript, captions); ``spoken`` is
    what the voice reads after speech normalisation (numbers, initialisms, symbols)."""

    text: str
    spoken: str


@dataclass(frozen=True)
class ScriptSection:
    """A chapter of the script: the intro, one key point, or the outro."""

    kind: str  # "intro" | "point" | "outro"
    title: str  # the chapter title
    lines: tuple[ScriptLine, ...]
    point_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "point_index": self.point_index,
            "lines": [asdict(line) for line in self.lines],
        }


@dataclass(frozen=True)
class Script:
    """The exact words of a spoken briefing, which is also its transcript."""

    sections: tuple[ScriptSection, ...]

    @property
    def text(self) -> str:
        """The transcript as plain text: a paragraph per section."""
        return "\n\n".join(" ".join(line.text for line in s.lines) for s in self.sections)

    def to_dict(self) -> dict[str, Any]:
        return {"sections": [s.to_dict() for s in self.sections]}


@dataclass(frozen=True)
class Segment:
    """The audio of one script line, with its measured place in the whole file (seconds)."""

    section: int
    line: int
    text: str
    start: float
    end: float
