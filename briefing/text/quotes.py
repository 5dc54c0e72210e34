"""Quotations: where quoted words are, so that no stage changes or misreads them.

Every stage asks here: the splitter (quotations across a whole article, running on over
paragraphs), the rewriter and its faithfulness check (quotations within one sentence,
including one that began in the sentence before), the cleaner (a quotation opened in a
lead not yet split) and the script. :func:`inside` answers "is this position quoted?"
for the spans any of them found, with one argument order.

Both styles count: double marks (“...”, "...", «...», „...“) and single ones, as British
papers write them (‘We will fight on,’ he said / 'We will fight on,' he said). A single
mark is also an apostrophe (don't, players' union, 'tis, the '90s, X/Twitter‘s), so a
single quotation needs an opening mark at the start of a word after a space or an opening
bracket, and a closing mark at the end of a word before a space or punctuation; an
elision ('tis, 'em, rock 'n' roll) never opens one. A single quotation inside a double one
(or the other way round) is part of the outer quotation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable

from ..models import Quotation
from ..words import CLOSE_QUOTES, OPEN_QUOTES, SINGLE_CLOSE, SINGLE_OPEN, STRAIGHT, STRAIGHT_SINGLE

Span = tuple[int, int]


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Quotations in ``text`` (a whole article: paragraphs joined by blank lines), double
    and single, in order; ``span`` covers the quoted words without their marks.

    A quotation left open at the end of a paragraph is closed there, unless the next
    paragraph opens with a quotation mark (the news convention for a quote that runs
    on), in which case both parts form one quotation.

    >>> [q.text for q in find_quotations('He said: “Go. Now.” Then “stop”.')]
    ['Go. Now.', 'stop']
    >>> [q.text for q in find_quotations('"One," she said, "two."')]
    ['One,', 'two.']
    >>> [q.text for q in find_quotations("'We will fight on,' he said. The players' union didn't agree.")]
    ['We will fight on,']
    >>> [q.text for q in find_quotations("She called it ‘a disgrace’ and left; ‘Not now,’ he said.")]
    ['a disgrace', 'Not now,']
    >>> [q.text for q in find_quotations("'He told me “no” twice,' she said.")]
    ['He told me “no” twice,']
    """
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    doubles = _double_spans(text, paragraphs)
    singles = _single_spans(text, paragraphs, doubles)
    spans = _outermost(doubles + singles)
    return tuple(Quotation(id=i, span=span, text=text[span[0]:span[1]]) for i, span in enumerate(spans))


def _double_spans(text: str, paragraphs: list[Span]) -> list[Span]:
    """The spans (without marks) between matching double quotation marks."""
    quotes: list[Span] = []
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
    return quotes


def _prev_para_end(paragraphs: list[tuple[int, int]], index: int) -> int:
    return paragraphs[index - 1][1]


def _append(quotes: list[Span], text: str, start: int, end: int) -> None:
    if end > start and text[start:end].strip():
        quotes.append((start, end))


def _outermost(spans: list[Span]) -> list[Span]:
    """``spans`` in order, without any that lies inside another (a nested quotation)."""
    ordered = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    kept: list[Span] = []
    for span in ordered:
        if kept and span[0] >= kept[-1][0] and span[1] <= kept[-1][1]:
            continue
        kept.append(span)
    return kept


# -- single quotation marks -----------------------------------------------------------------

SINGLE_OPENERS = SINGLE_OPEN + STRAIGHT_SINGLE
SINGLE_CLOSERS = SINGLE_CLOSE + STRAIGHT_SINGLE
# What may stand before an opening mark, and after a closing one.
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;“\"«")
_AFTER_CLOSE = frozenset(" \t\n.,;:!?)]}—–-…\"”»")
# Punctuation that ends the quoted words themselves ('..., he said', '... now.'):
# a mark after it closes for certain.
_ENDS_QUOTED = frozenset(",.!?…")
# Words that begin with an apostrophe: an elision, never a quotation's opening mark.
_ELISION_RE = re.compile(
    r"['‘’](?:tis|twas|twere|twill|em|n['’]|cause|cos|til|till|bout|round|nuff|ello|appen|ere|im|er)(?![\w'’])"
    r"|['‘’]\d\d(?:s|th)?\b",
    re.IGNORECASE,
)


def _opens_single(text: str, i: int, lo: int) -> bool:
    """Whether the mark at ``i`` can open a single quotation (the paragraph starts at ``lo``).

    >>> [_opens_single(t, t.index(m), 0) for t, m in [("say 'no'", "'"), ("don't", "'"), ("'tis true", "'")]]
    [True, False, False]
    """
    if text[i] not in SINGLE_OPENERS or i + 1 >= len(text):
        return False
    if i > lo and text[i - 1] not in _BEFORE_OPEN:
        return False
    nxt = text[i + 1]
    if not (nxt.isalnum() or nxt in "“\"«(£$€[…"):
        return False
    return not _ELISION_RE.match(text, i)


def _closes_single(text: str, j: int, hi: int) -> str | None:
    """"strong" when the mark at ``j`` closes a single quotation for certain, "weak" when it
    may be a closing mark or a plural's apostrophe ("players' union"), else None."""
    if text[j] not in SINGLE_CLOSERS or j == 0 or text[j - 1].isspace():
        return None
    if text[j - 1] in "'`" or (j + 1 < hi and text[j + 1] in "'`"):
        return None  # a doubled mark: ''like this''
    if j + 1 < hi and text[j + 1] not in _AFTER_CLOSE:
        return None  # a letter follows: an apostrophe inside a word
    if j + 1 >= hi or text[j - 1] in _ENDS_QUOTED or text[j + 1] not in " \t\n":
        return "strong"
    return "weak"


def _single_close(text: str, k: int, hi: int, taken: list[Span], lo: int) -> int | None:
    """Where the single quotation opened just before ``k`` closes, or None: the first
    certain close, unless another quotation opens first; else the first possible one."""
    first_weak: int | None = None
    j = k
    while j < hi:
        skip = next((end for start, end in taken if start <= j < end), None)
        if skip is not None:
            j = skip + 1
            continue
        kind = _closes_single(text, j, hi)
        if kind == "strong" and j > k:
            return j
        if kind == "weak" and first_weak is None and j > k:
            first_weak = j
        elif kind is None and _opens_single(text, j, lo):
            break  # a new quotation opens: this one closed at its first possible mark, if any
        j += 1
    return first_weak


def _single_spans(text: str, paragraphs: list[Span], taken: list[Span]) -> list[Span]:
    """The spans (without marks) of single quotations, outside the double ones in ``taken``.

    A quotation left open runs to the paragraph's end, and on into the next when that opens
    with a single mark too (the British way of quoting over several paragraphs).
    """
    spans: list[Span] = []
    pending: int | None = None  # a quotation running on from the previous paragraph
    for p_index, (lo, hi) in enumerate(paragraphs):
        i = lo
        if pending is not None:
            if not _opens_single(text, lo, lo):
                spans.append((pending, paragraphs[p_index - 1][1]))
                pending = None
        while i < hi:
            skip = next((end for start, end in taken if start <= i < end), None)
            if skip is not None:
                i = skip + 1
                continue
            if _opens_single(text, i, lo):
                start = pending if (pending is not None and i == lo) else i + 1
                pending = None
                close = _single_close(text, i + 1, hi, taken, lo)
                if close is not None:
                    if text[i + 1 : close].strip():
                        spans.append((start, close))
                    i = close + 1
                    continue
                pending = start  # left open: runs to the paragraph's end, or on
                break
            i += 1
    if pending is not None:
        spans.append((pending, paragraphs[-1][1]))
    return spans


_QUOTE_RE = re.compile(r'“[^“”]*(?:”|$)|«[^«»]*(?:»|$)|„[^„“”]*(?:[“”]|$)|"[^"]*(?:"|$)')
_DOUBLED_QUOTE_RE = re.compile(r"(?:''|``)(.+?)(?:''|$)")


# The rewriter and its checks ask for the same sentence's quotations many times over (about
# ten calls a key point, an eighth of the text pipeline's time); the answer is an immutable
# function of the text alone, so it is kept.
@lru_cache(maxsize=4096)
def quotations(text: str) -> tuple[tuple[int, int, str], ...]:
    """The quotations in ``text``: ``(start, end, inner words)``, with the marks in the span.

    A quotation left open runs to the end of the text (news style for a quote that goes
    on in the next paragraph). Single quotation marks count, apostrophes do not:

    >>> [q[2] for q in quotations("'We will fight on,' he said of the players' union.")]
    ['We will fight on,']
    >>> [q[2] for q in quotations("It wasn't the ‘chill-out’ area, he said: 'Not at all")]
    ['chill-out', 'Not at all']

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
    if not offset:
        offset = _continued_single_end(text)
        if offset:
            found.append((0, offset, text[: offset - 1]))
    taken = [(a, b) for a, b, _ in found]
    for start, end in _single_spans(text, [(offset, len(text))], taken):
        closed = end < len(text) and text[end] in SINGLE_CLOSERS
        found.append((start - 1, end + 1 if closed else end, text[start:end]))
    outer = set(_outermost([(a, b) for a, b, _ in found]))
    return tuple(sorted(q for q in found if (q[0], q[1]) in outer))


def _continued_single_end(text: str) -> int:
    """Where a single quotation begun before ``text`` closes (just after its mark), or 0:
    a certain closing mark ("...,' he said") before any opening one.

    >>> t = "We will fight on,' he said."
    >>> _continued_single_end(t) == t.index("'") + 1, _continued_single_end("He said 'no,' then left.")
    (True, 0)
    """
    for j, ch in enumerate(text):
        if ch in "“\"«„":
            return 0
        if _opens_single(text, j, 0):
            return 0
        if _closes_single(text, j, len(text)) == "strong" and text[j - 1] in _ENDS_QUOTED:
            return j + 1
    return 0


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
