"""Plain text that kept its page's line breaks as `` . `` (the CNN/Daily Mail text format):
lines wrapped in mid-sentence are joined, and the caption and video-teaser lines those
marks end are dropped, also when a caption runs on into the next sentence.

In this format a line of the page that lacked closing punctuation ends with a bare
`` . `` (a space before the stop). Body paragraphs end with their own full stop, so a bare
mark ends a headline, a caption, a teaser, or a line the page wrapped inside a sentence.
"""

from __future__ import annotations

import re

from .edits import Change, sub

# A wrapped line: the mark between two halves of one sentence. After it comes a lowercase
# word ("a woman who . claims"), or it follows a word that never ends a sentence
# ("Cassell and . Edwards"). "By" is left alone: "By . Tom Smith ." is a byline.
_FUNCTION_WORDS = (
    "a|an|the|and|or|nor|but|of|to|in|on|at|for|with|from|into|onto|over|under|about|as|than|"
    "who|whom|whose|which|that|his|her|its|their|our|my|your|is|was|are|were|be|been|has|have|had|"
    "will|would|could|should|can|may|might|must|not|very|said|says|told"
)
_WRAP = re.compile(
    rf"(?<=[\w,;’'\"”)-])\s\.\s+(?=[a-z])|\b(?P<word>{_FUNCTION_WORDS})\s\.\s+(?=[A-Z0-9\"“‘'])"
)


def join_wrapped_lines(text: str) -> tuple[str, list[Change]]:
    """Join the halves of a sentence the page wrapped, marked `` . `` in the text.

    >>> join_wrapped_lines("Two lawyers representing a woman who . claims to have had sex have filed a . lawsuit.")[0]
    'Two lawyers representing a woman who claims to have had sex have filed a lawsuit.'
    >>> join_wrapped_lines("Cassell and . Edwards said so. It is the hepatitis A . State officials agree.")[0]
    'Cassell and Edwards said so. It is the hepatitis A . State officials agree.'
    """
    if " . " not in text:
        return text, []
    return sub(_WRAP, lambda m: f"{m.group('word')} " if m.group("word") else " ", text)


# Where a sentence starts: after a full stop (or a bare mark) and a space, or a line start.
_STARTS = re.compile(r"(?:^|(?<=[.!?])[\"”’')]?\s+|(?<=\s\.)\s+)(?=[\"“‘'A-Z0-9])", re.M)
# A picture pointer: "(pictured)", "(left)", "(second right)", ", pictured here with ...".
PAREN_POINTER = (
    r"\((?:pictured|photographed|seen|shown|inset|file(?: photo)?|top|bottom|above|below|centre|center|middle|front|back"
    r"|(?:second |far |top |bottom |back |front )?(?:left|right))\b[^()\n]{0,40}\)"
)
POINTER = PAREN_POINTER + r"|,? pictured\b"
_POINTER = re.compile(POINTER, re.I)
# A caption's label: a few words and a colon, not a quotation's speaker ("Smith said:").
_LABEL = re.compile(r"^[\"“‘']?[A-Z][\w'’&-]*(?: [\w'’&-]+){0,3}: (?![\"“‘'])")
# In the line-mark format a label ends its caption's first word(s) even when the caption
# closes with a full stop ("Retread: David Cameron with Samantha yesterday."); elsewhere
# ("Why it matters: ...") a label is the article's own. The label is a word or a few, in
# quotes or not, not starting with a word that begins a clause ("The reason: ...").
_CAPTION_LABEL = re.compile(
    r"^[\"“‘']?(?!(?:The|A|An|But|And|So|His|Her|Its|Their|Our|This|That|One|Why|What|How|Q)\b)"
    r"[A-Z][a-z'’-]+(?: [a-z'’-]+){0,2}[\"”’']?: (?![\"“‘'])[A-Z]"
)
# Bare marks that show the format: one in text of a single line (the format's own shape,
# after the header and the wrapped lines went), two in text of several paragraphs, where a
# stray " ." may be a typing slip.
MIN_LINE_MARKS_ONE_LINE, MIN_LINE_MARKS = 1, 2
_LINE_MARK = re.compile(r"\s\.(?=\s|$)")
_SPEECH = re.compile(r"\b(?:said|says|told|added|asked|explained|wrote|tweeted)\b", re.I)
_TEASER = re.compile(r"^(?:VIDEO|WATCH|PICTURED|GALLERY|SCROLL DOWN)\b")
_MARKED_END = re.compile(r"\s\.$")
# A caption run on into the next sentence: a pointer in brackets, then a capitalised word
# with no stop between ("Smith, pictured Monday, said" is one sentence).
_RUN_ON = re.compile(rf"(?:{PAREN_POINTER})(?=\s+(?-i:[\"“‘']?[A-Z][a-z]))", re.I)


def _sentences(line: str) -> list[tuple[int, int]]:
    starts = [m.end() for m in _STARTS.finditer(line)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(line)]) if line[a:b].strip()]


def is_marked_caption(sentence: str, line_marks: bool = False) -> bool:
    """True for a sentence that ends with a bare line mark and reads as a caption or a
    teaser: a label and a colon, a picture pointer, or a VIDEO/WATCH lead.

    >>> is_marked_caption("In the lead: Jose Baxter (right) celebrates opening the scoring .")
    True
    >>> is_marked_caption("Fargo Catholic Diocese in North Dakota (pictured) is where the bishop is located .")
    True
    >>> is_marked_caption("VIDEO Van Gaal happy with squad .")
    True
    >>> is_marked_caption("Smith said: 'We will fight on' .")
    False
    >>> is_marked_caption("In the lead: Jose Baxter (right) celebrates opening the scoring.")
    False

    In text that is in the line-mark format, a caption label is enough:

    >>> is_marked_caption("Retread: David Cameron with Samantha yesterday.", line_marks=True)
    True
    >>> is_marked_caption("The reason: He did not want to go.", line_marks=True)
    False
    """
    s = sentence.strip()
    if line_marks and _CAPTION_LABEL.match(s) and not _SPEECH.search(s.split(":", 1)[0]):
        return True
    if not _MARKED_END.search(s):
        return False
    if _TEASER.match(s):
        return True
    if _LABEL.match(s) and not _SPEECH.search(s.split(":", 1)[0]):
        return True
    return bool(_POINTER.search(s))


def strip_marked_captions(text: str) -> tuple[str, list[Change]]:
    """Drop the captions and teasers of the `` . `` text format, with the sentence of a
    caption that goes on before them when it points at a picture, and a caption run on
    into the next sentence (``... was barely recognisable (pictured) Police said ...``).

    >>> strip_marked_captions("He was jailed. Eccleston-Todd (left) crashed into her car (right). She died later . Police said he had drunk.")[0]
    'He was jailed. Police said he had drunk.'
    >>> strip_marked_captions("Police said. His car was barely recognisable (pictured) Police said he had drunk.")[0]
    'Police said. Police said he had drunk.'
    >>> strip_marked_captions("Bishop John Folda (pictured) of the Fargo diocese has hepatitis A.")[0]
    'Bishop John Folda (pictured) of the Fargo diocese has hepatitis A.'
    """
    if " ." not in text and "pictured" not in text.lower() and "(" not in text:
        return text, []
    changes: list[Change] = []
    lines = []
    marks = len(_LINE_MARK.findall(text))
    line_marks = marks >= (MIN_LINE_MARKS_ONE_LINE if "\n" not in text.strip() else MIN_LINE_MARKS)
    for line in text.split("\n"):
        # A pointer glued to the next sentence ends its caption there: mark the line end.
        line = _RUN_ON.sub(lambda m: m.group(0) + " .", line)
        spans = _sentences(line)
        drop: set[int] = set()
        for i, (a, b) in enumerate(spans):
            sentence = line[a:b].strip()
            if is_marked_caption(sentence, line_marks):
                drop.add(i)
            elif i > 0 and _MARKED_END.search(sentence) and len(sentence.split()) <= 12:
                # "X (left) crashed into her car (right). She died later ." is one caption.
                prev = line[spans[i - 1][0]:spans[i - 1][1]].strip()
                if _POINTER.search(prev) and not _MARKED_END.search(prev):
                    drop.update((i - 1, i))
        if drop:
            changes.extend((line[a:b].strip(), "") for i, (a, b) in enumerate(spans) if i in drop)
            line = "".join(line[a:b] for i, (a, b) in enumerate(spans) if i not in drop).strip()
        lines.append(line)
    return "\n".join(lines), changes
