"""A title for an article that has none, derived from its lead sentence."""

from __future__ import annotations

import re

from ..nlp import sentence_tokenizer
from ..quotes import inside_open_quotation

MAX_TITLE = 80
_TITLE_WINDOW = 1000
_TRAILING = " \t.,;:!?-–—(/"
_DANGLING = frozenset(
    "a an the and or but nor of to in on at by for with from as into over than that which who whose "
    "while after before about his her its their our my your this these those is are was were be has "
    "have had will would said says".split()
)


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
        if not inside_open_quotation(lead, m.start()):
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
