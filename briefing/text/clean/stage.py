"""The cleaning stage: ``CLEANERS``, the ordered registry of named cleaners, and
:func:`clean`, which runs them over an article and reports what each one took out.
"""

from __future__ import annotations

from dataclasses import replace

from ...models import Article, Removal
from .allcaps import fix_allcaps_lead
from .boilerplate import strip_author_notes, strip_boilerplate_inline, strip_boilerplate_lines
from .bylines import dateline_metadata, header_metadata, strip_bylines, strip_datelines
from .captions import strip_caption_remnants, strip_caption_shortcodes, strip_glued_credits
from .edits import Cleaner
from .linebreaks import join_wrapped_lines, strip_marked_captions
from .placeholders import strip_placeholders
from .titles import derive_title
from .whitespace import fix_whitespace

CLEANERS: dict[str, Cleaner] = {
    "whitespace": fix_whitespace,
    "caption_shortcodes": strip_caption_shortcodes,
    "caption_remnants": strip_caption_remnants,
    "glued_credits": strip_glued_credits,
    "placeholders": strip_placeholders,
    "bylines": strip_bylines,
    "datelines": strip_datelines,
    "wrapped_lines": join_wrapped_lines,
    "boilerplate_lines": strip_boilerplate_lines,
    "boilerplate_inline": strip_boilerplate_inline,
    "author_notes": strip_author_notes,
    "marked_captions": strip_marked_captions,
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

    Bylines, dates, outlets and dateline places found in the debris fill the article's
    empty metadata fields. An article without a title gets one derived from its lead sentence
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
    for key in ("byline", "published", "site_name", "dateline"):
        if not getattr(article, key) and key in meta:
            changes[key] = meta[key]
    if not article.title.strip() and paragraphs:
        changes["title"] = derive_title(paragraphs[0])
        changes["title_derived"] = True
    return replace(article, **changes)
