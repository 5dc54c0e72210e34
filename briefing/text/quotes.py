"""Quotations: where quoted words are, so that no stage changes or misreads them.

Every stage asks here: the splitter (quotations across a whole article, running on over
paragraphs), the rewriter and its faithfulness check (quotations within one sentence,
including one that began in the sentence before), the cleaner (a quotation opened in a
lead not yet split) and the script. :func:`inside` answers "is this position quoted?"
for the spans any of them found, with one argument order.

Double quotation marks only, as :mod:`briefing.words` lists them: single curly quotes
double as apostrophes in scraped news ("X/Twitter‘s"), so treating them as quotes would
invent quotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Quotation
from ..words import CLOSE_QUOTES, OPEN_QUOTES, STRAIGHT

Span = tuple[int, int]


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Quotations in ``text``: the spans between matching double quotation marks.

    A quotation left open at the end of a paragraph is closed there, unless the next
    paragraph opens with a quotation mark (the news convention for a quote that runs
    on), in which case both parts form one quotation.

    >>> [q.text for q in find_quotations('He said: “Go. Now.” Then “stop”.')]
    ['Go. Now.', 'stop']
    >>> [q.text for q in find_quotations('"One," she said, "two."')]
    ['One,', 'two.']
    """
    quotes: list[Quotation] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    pending_start: int | None = None  # an open quote carried from the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        open_at: int | None = None
        if pending_start is not None:
            if text[p_start] in OPEN_QUOTES + STRAIGHT:
                open_at = pending_start
                i = p_start + 1
            else:
                _append(quotes, text, pending_start, _prev_para_end(paragraphs, p_index))
            pending_start = None
        while i < p_end:
            ch = text[i]
            if open_at is None:
                if ch in OPEN_QUOTES or ch == STRAIGHT:
                    open_at = i + 1
            elif ch in CLOSE_QUOTES or ch == STRAIGHT:
                _append(quotes, text, open_at, i)
                open_at = None
            i += 1
        if open_at is not None:
            pending_start = open_at
    if pending_start is not None:
        _append(quotes, text, pending_start, paragraphs[-1][1])
    return tuple(quotes)


def _prev_para_end(paragraphs: list[tuple[int, int]], index: int) -> int:
    return paragraphs[index - 1][1]


def _append(quotes: list[Quotation], text: str, start: int, end: int) -> None:
    if end > start and text[start:end].strip():
        quotes.append(Quotation(id=len(quotes), span=(start, end), text=text[start:end]))


_QUOTE_RE = re.compile(r'“[^“”]*(?:”|$)|«[^«»]*(?:»|$)|„[^„“”]*(?:[“”]|$)|"[^"]*(?:"|$)')
_DOUBLED_QUOTE_RE = re.compile(r"(?:''|``)(.+?)(?:''|$)")


def quotations(text: str) -> tuple[tuple[int, int, str], ...]:
    """The quotations in ``text``: ``(start, end, inner words)``, with the marks in the span.

    A quotation left open runs to the end of the text (news style for a quote that goes
    on in the next paragraph). Single quotation marks are not quotations: in scraped news
    they are mostly apostrophes.

    >>> [q[2] for q in quotations('He said: “Go now.” Then "stop" and “more')]
    ['Go now.', 'stop', 'more']
    >>> [q[2] for q in quotations("''Clinton believes that firms can't wait,'' said Mike Schmidt.")]
    ["Clinton believes that firms can't wait,"]

    Likewise a text that opens inside a quotation (the sentence goes on a quote begun in
    the sentence before) is quoted from its start to the first closing mark:

    >>> [q[2] for q in quotations('We will defeat terrorism, which threatens us." He left.')]
    ['We will defeat terrorism, which threatens us.']
    >>> t = "I see it whilst walking and think, 'It came from Yiwu,' " + chr(34) + " Seymour said."
    >>> quotations(t)[0][:2] == (0, t.index(chr(34)) + 1)
    True
    >>> [q[2] for q in quotations("It lets firms hide subsidiaries rather than list them,'' the report says.")]
    ['It lets firms hide subsidiaries rather than list them,']
    """
    found = []
    offset = _continued_quote_end(text)
    if offset:
        found.append((0, offset, text[: offset - (2 if text[offset - 2:offset] == "''" else 1)]))
    for m in _QUOTE_RE.finditer(text, offset):
        s = m.group()
        inner = s[1:-1] if len(s) > 1 and s[-1] in CLOSE_QUOTES + STRAIGHT + "“" else s[1:]
        if inner.strip():
            found.append((m.start(), m.end(), inner))
    # Doubled marks, as some feeds and corpora write them: ''like this'' or ``like this''.
    for m in _DOUBLED_QUOTE_RE.finditer(text, offset):
        if m.group(1).strip() and not any(a < m.end() and m.start() < b for a, b, _ in found):
            found.append((m.start(), m.end(), m.group(1)))
    return tuple(sorted(found))


def _continued_quote_end(text: str) -> int:
    """Where a quotation that began before ``text`` ends (just after its closing mark), or 0.

    The first mark closes when it is a closing curly mark, or an unpaired straight mark
    (an odd count) that ends a word, with a space or the end of the text after it.
    """
    first = next((i for i, ch in enumerate(text) if ch in "“”«»„" + STRAIGHT), None)
    doubled = text.find("''")
    if doubled > 0 and (first is None or doubled < first) and text.count("''") % 2 == 1 \
            and not text[doubled - 1].isspace() and (doubled + 2 == len(text) or text[doubled + 2].isspace()):
        return doubled + 2  # "... several smaller subsidiaries,'' the report says.": a doubled closing mark
    if first is None:
        return 0
    ch = text[first]
    if ch in CLOSE_QUOTES:
        return first + 1
    if ch == STRAIGHT and text.count(STRAIGHT) % 2 == 1 and first > 0 and (
            not text[first - 1].isspace() or first > 1 and text[first - 2] in "'’,.!?") \
            and (first + 1 == len(text) or text[first + 1].isspace()):
        return first + 1  # (also after a nested quote's close: "... 'I'm sure that came from Yiwu,' " he said.)
    return 0


def inside(spans: Iterable[Span], pos: int, *, edges: bool = True) -> bool:
    """Whether ``pos`` lies in one of ``spans``: from a span's start up to its end
    (``edges``), or strictly between them (``edges=False``: not on a span's first mark).

    >>> inside([(3, 8)], 3), inside([(3, 8)], 3, edges=False), inside([(3, 8)], 8)
    (True, False, False)
    """
    if edges:
        return any(start <= pos < end for start, end in spans)
    return any(start < pos < end for start, end in spans)


def inside_open_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a double-quoted (or ‘…’-quoted) passage opened before it,
    counting marks from the start of ``text``: for a lead that is not yet split into sentences.

    >>> inside_open_quotation('He said “we will win, and soon', 25), inside_open_quotation('He said, then left', 9)
    (True, False)
    """
    depth_curly = text.count("“", 0, pos) - text.count("”", 0, pos)
    straight_open = text.count('"', 0, pos) % 2 == 1
    guillemet = text.count("«", 0, pos) - text.count("»", 0, pos)
    single = len(re.findall(r"(?:^|(?<=[\s(]))‘", text[:pos])) - len(re.findall(r"’(?=[\s.,;:!?)]|$)", text[:pos]))
    return depth_curly > 0 or straight_open or guillemet > 0 or single > 0
