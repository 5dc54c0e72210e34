"""Cleaners: remove the debris scraped news carries, and say what went.

``CLEANERS`` (in :mod:`.stage`) is an ordered registry of named cleaners, one module per
debris family: whitespace, captions (WordPress shortcodes and glued photo credits),
placeholders (unfilled templates), bylines (bylines, publication lines, datelines),
linebreaks (the `` . `` line marks of CNN/Daily Mail text: wrapped lines joined, the
captions and teasers they end dropped), boilerplate (share, "Read more", sign-up and
newsletter lines, teasers, the author's note at the end), allcaps (the tabloid all-caps lead).
What a page's markup already marks as furniture is pruned before this, in
:mod:`briefing.text.prune`.
Each is a plain function ``text -> (text, changes)``: the text with one kind of debris
removed, and the list of ``(removed, replacement)`` pairs it changed, like ftfy's
``fix_and_explain``. The text holds one paragraph per line. :func:`clean_text` runs them in
order and turns the changes into :class:`briefing.models.Removal` entries named after the
cleaner, so the cleaning report says exactly what each one took out. :mod:`.titles` derives
a title for an article that has none.

Cleaners never touch quotation marks or apostrophes, and never rewrite a sentence:
they drop whole debris lines or sentences (captions, teasers), cut debris glued to a
sentence (a photo credit, the header at the start of the article), join the halves of a
sentence the page wrapped, or (for the tabloid all-caps lead) fix the case of the first word.

To add a cleaning rule: write the function in the module of its debris family (or a new
one), give it a doctest, and add it to ``CLEANERS`` where it should run.
"""

from .edits import Change, Cleaner
from .stage import CLEANERS, clean, clean_text
from .titles import MAX_TITLE, derive_title

__all__ = ["CLEANERS", "Change", "Cleaner", "MAX_TITLE", "clean", "clean_text", "derive_title"]
