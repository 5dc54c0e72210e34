"""Script: the exact words of the spoken briefing, which are also its transcript.

:func:`build_script` turns a :class:`~briefing.models.Briefing` into a
:class:`~briefing.models.Script`: an introduction (title, what is known of the site and
date, how many points), one section per key point, and an outro (the source article, and a
warning that the summary was made automatically). Every :class:`ScriptLine` is one sentence:
``text`` is shown in the transcript and captions, ``spoken`` is what the voice reads.

Sources are spoken naturally: a point whose sentence does not name its source starts
"According to <source>, ..."; a sentence that already names it ("Musk said ...") is left
alone, and a pronoun that stands for the source ("He said") is replaced by the name.

Quotations are marked so that a listener hears where they start and end: ``text`` keeps the
article's quotation marks, ``spoken`` says "quote" before and "end of quote" after
("Elon Musk said, quote, Nothing could be further from the truth, end of quote."). The quoted
words are spoken as written (see :func:`briefing.audio.normalize.for_speech`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from urllib.parse import urlsplit

from num2words import num2words

from ..models import Attribution, Briefing, Script, ScriptLine, ScriptSection
from ..text.nlp import sentence_tokenizer
from .normalize import for_speech
from .titles import chapter_title, headline_subject, repeats
from ..text.quotes import find_quotations, inside
from ..words import CLOSE_QUOTES, OPEN_QUOTES, STRAIGHT

__all__ = ["build_script", "SpeechFunction", "OPEN_MARKER", "CLOSE_MARKER", "AUTOMATIC_NOTICE"]

# ``speech(text, quoted=...) -> str``: for_speech, or words_meant / identity in the benchmark.
SpeechFunction = Callable[..., str]

OPEN_MARKER = "quote"
# "end of quote": Piper's "end quote" is heard as "and quote" (Whisper, 3 sentences of 3);
# "unquote" was lost once in 3, "end of quote" heard right in all 3.
CLOSE_MARKER = "end of quote"
# "errors", not "mistakes": Piper's "may contain mistakes" is heard as "may contain the stakes".
AUTOMATIC_NOTICE = "This summary was made automatically and may contain errors; check the original article."

# Sources that read naturally with "the" ("the Center for Countering Digital Hate").
_NEEDS_ARTICLE = re.compile(
    r"^(?:Center|Centre|Department|Ministry|Office|Institute|Foundation|Council|Committee|Agency|"
    r"Commission|Organisation|Organization|Board|Bureau|Society|Association|League|Federation|"
    r"University of|Home Office|Foreign Office|White House|Pentagon|Kremlin|Daily|Sunday|Guardian|"
    r"Times|Telegraph|Independent|Sun|Mirror|Express|Observer|Economist|Associated Press|"
    r"Jerusalem Post|Washington Post|New York Times|Wall Street Journal|Israel Defense Forces|"
    r"United Nations|European Union|Met Police|Metropolitan Police|Financial Times|BBC)\b"
)
_PRONOUNS = {"he", "she", "they", "it", "we", "his", "her", "their", "its"}
# First words of a sentence that are lower-cased after "According to X, ".
_COMMON_STARTS = {
    "a", "an", "the", "this", "that", "these", "those", "there", "it", "its", "in", "on", "at", "by",
    "for", "from", "with", "some", "many", "most", "more", "several", "research", "researchers", "officials",
    "police", "people", "one", "two", "three", "all", "about", "around", "over", "under", "last", "next",
    "since", "after", "before", "during", "while", "when", "if", "but", "and", "so", "yet", "however",
}

# An opening participle or adverb before a function word or a number ("Starting four months
# before", "Speaking to reporters", "Earlier, ..."): no name, so lower-cased after "According
# to X, ". A name ending so ("Manning was", "Beijing said") is followed by a verb, and stays.
_OPENING_PHRASE = re.compile(
    r"^[A-Z][a-z]{3,}(?:ing|ly|ed)(?:,|\s+(?:a|an|the|this|that|his|her|their|its|to|in|on|at|for|from|with|"
    r"about|after|before|by|of|over|into|during|since|\d[\w,.]*|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|several|many|some)\b)"
)


def build_script(briefing: Briefing, speech: SpeechFunction = for_speech) -> Script:
    """The script of ``briefing``: intro, one section per key point, outro.

    Points speak ``plain_points[i].text`` when the plain-language stage ran, else the key
    point's text. ``speech(text, quoted=False)`` makes each line's ``spoken`` form from its
    words (default :func:`briefing.audio.normalize.for_speech`; the intelligibility benchmark
    passes other functions to get the same script without normalisation).
    """
    points = _point_texts(briefing)
    sections = [ScriptSection("intro", "Introduction", tuple(_intro_lines(briefing, points, speech)))]
    for index, (text, attribution) in enumerate(points):
        text = _with_source(text, attribution, points[index - 1][0] if index else "")
        sections.append(
            ScriptSection(
                "point",
                f"Point {index + 1}: {chapter_title(text, attribution)}",
                tuple(_lines(text, speech)),
                point_index=index,
            )
        )
    sections.append(ScriptSection("outro", "About this briefing", tuple(_outro_lines(briefing, speech))))
    return Script(tuple(sections))


def _point_texts(briefing: Briefing) -> list[tuple[str, Attribution | None]]:
    plain = briefing.plain_points if len(briefing.plain_points) == len(briefing.key_points) else ()
    texts = []
    for index, point in enumerate(briefing.key_points):
        text = plain[index].text if plain else point.text
        texts.append((" ".join(text.split()), point.attribution))
    return texts


# ---------------------------------------------------------------------------------------
# Intro and outro


def _intro_lines(briefing: Briefing, points: list[tuple[str, Attribution | None]], speech: SpeechFunction) -> list[ScriptLine]:
    """The title, what is known of the site and date, and how many points.

    A title that point 1 would say again (a title made from the lead sentence, or a headline
    that is the lead) is not read: the intro says what the headline is about and how many
    points there are instead ("Briefing: six key points about Elon Musk.").
    """
    article = briefing.article
    title = _whole_title(_title(briefing))
    count = len(points)
    counted = {0: "No key points were found in this article.", 1: "Here is one key point."}.get(
        count, f"Here are {num2words(count)} key points."
    )
    if title and (article.title_derived or (points and repeats(title, points[0][0]))):
        subject = headline_subject(title)
        many = "one key point" if count == 1 else f"{num2words(count)} key points"
        if count and subject:
            lines = [f"Briefing: {many} about {subject}."]
            counted = ""
        elif subject:
            lines = [f"Briefing about {subject}."]
        else:
            lines = ["Briefing."]
    else:
        lines = [f"Briefing: {_end_sentence(title)}" if title else "Briefing."]
    origin = []
    if article.site_name:
        origin.append(f"From {_with_article(article.site_name.strip())}")
    byline = _byline(article.byline)
    if byline:
        origin.append(f"by {byline}")
    published = _date(article.published)
    if published:
        origin.append(f"published {published}")
    if origin:
        first = origin[0]
        lines.append(_end_sentence(", ".join([first[0].upper() + first[1:], *origin[1:]])))
    if counted:
        lines.append(counted)
    return [ScriptLine(line, speech(line)) for line in lines]


def _whole_title(title: str) -> str:
    """``title`` without an ellipsis that cut it off: a title is read whole or not at all.

    >>> _whole_title("Musk is due to fly into Israel for…"), _whole_title("Wait... what?")
    ('Musk is due to fly into Israel for', 'Wait... what?')
    """
    return re.sub(r"\s*(?:…|\.\.\.)$", "", title)


def _outro_lines(briefing: Briefing, speech: SpeechFunction) -> list[ScriptLine]:
    article = briefing.article
    # A title made from the first sentence says nothing new at the end: name the site only.
    title = "" if article.title_derived else _title(briefing)
    where = article.site_name.strip() if article.site_name else _host(article.source_url)
    if where and title:
        first = f"This briefing was based on an article from {_with_article(where)}, {_end_sentence(title)}"
    elif where:
        first = f"This briefing was based on an article from {_with_article(where)}."
    elif title:
        first = f"This briefing was based on the article: {_end_sentence(title)}"
    else:
        first = "This briefing was based on a news article."
    return [ScriptLine(line, speech(line)) for line in (first, AUTOMATIC_NOTICE)]


def _title(briefing: Briefing) -> str:
    return " ".join((briefing.article.title or "").split())


def _end_sentence(text: str) -> str:
    """``text`` ending with a full stop, unless it already ends a sentence.

    >>> _end_sentence("Musk to visit Israel"), _end_sentence("Is Musk going?"), _end_sentence("Go “now.”")
    ('Musk to visit Israel.', 'Is Musk going?', 'Go “now.”')
    >>> _end_sentence("Musk is due to fly into Israel for…")
    'Musk is due to fly into Israel for…'

    """
    text = text.strip()
    if re.search(r"(?:[.!?]|…)[\"”’»)]*$", text):
        return text
    return text + "."


def _with_article(name: str) -> str:
    """Put "the" before names that need it ("the Daily Express", not "the Reuters").

    >>> _with_article("Daily Express"), _with_article("Reuters"), _with_article("The Sun")
    ('the Daily Express', 'Reuters', 'The Sun')
    """
    return f"the {name}" if _NEEDS_ARTICLE.match(name) else name


def _byline(byline: str | None) -> str:
    if not byline:
        return ""
    byline = " ".join(byline.split())
    return re.sub(r"^by\s+", "", byline, flags=re.IGNORECASE).rstrip(".")


def _date(published: str | None) -> str:
    """An ISO date (or date-time) as "28 November 2023"; empty when there is none or it is not a date.

    >>> _date("2023-11-28T10:00:00+00:00"), _date(None), _date("yesterday")
    ('28 November 2023', '', '')
    """
    if not published:
        return ""
    try:
        day = date.fromisoformat(published.strip()[:10])
    except ValueError:
        return ""
    return f"{day.day} {day:%B} {day.year}"


def _host(url: str | None) -> str:
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


# ---------------------------------------------------------------------------------------
# Points: sources and quotations


def _source_named(text: str, source: str, outside: str) -> bool:
    """Whether ``text`` (its words outside quotations: ``outside``) already names ``source``:
    its full name, a capitalised word of it (a surname), or its initials ("CCDH")."""
    if not source:
        return True
    if source.lower() in outside.lower():
        return True
    # Two letters are enough for a surname ("Di Li", "Wu"): "According to Di Li, ... says Li." names him twice.
    words = [w for w in re.findall(r"[A-Z][\w'-]+", source) if len(w) >= 2]
    skip = {"The", "For", "And", "Of", "At", "In", "On", "To", "By", "Mr", "Ms", "Dr"}
    if any(re.search(rf"\b{re.escape(w)}\b", outside) for w in words if w not in skip):
        return True
    initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w'-]*", source) if w not in {"The"})
    return len(initials) >= 2 and re.search(rf"\b{re.escape(initials)}\b", text) is not None


def _outside_quotes(text: str) -> str:
    out, at = [], 0
    for quote in find_quotations(text):
        out.append(text[at : quote.span[0]])
        at = quote.span[1]
    out.append(text[at:])
    return " ".join(out)


def _with_source(text: str, attribution: Attribution | None, previous: str = "") -> str:
    """``text`` with its source spoken once: kept when the text names it, put in place of a
    pronoun that stands for it, or added as "According to <source>, ..." at the start.
    A description ("The agency") stays as the article wrote it when ``previous``, the point
    spoken just before, names the source: it reads on from there. A description put in
    for keeps its "the" ("the agency" -> "the European Space Agency").

    >>> _with_source("He said: “No.”", Attribution("Elon Musk", "said", "No.", resolved_from="He"))
    'Elon Musk said: “No.”'
    >>> _with_source("Musk said it.", Attribution("Elon Musk", "said"))
    'Musk said it.'
    >>> _with_source("The study found 200 posts.", Attribution("Center for Countering Digital Hate", "found"))
    'According to the Center for Countering Digital Hate, the study found 200 posts.'
    >>> _with_source("The drones are safe, says Li.", Attribution("Di Li", "says"))
    'The drones are safe, says Li.'
    >>> _with_source("Starting in May, she took pills.", Attribution("Maryellen Olson", "told"))
    'According to Maryellen Olson, starting in May, she took pills.'
    >>> _with_source("‘The instinct is missing.", Attribution("he", "said", carried_over=True))
    '‘The instinct is missing.'
    >>> esa = Attribution("European Space Agency", "said", resolved_from="The agency")
    >>> _with_source("The agency said so.", esa)
    'The European Space Agency said so.'
    >>> _with_source("The agency said so.", esa, "The European Space Agency says it is ready.")
    'The agency said so.'
    >>> _with_source("The tech boss said so.", Attribution("Elon Musk", "said", resolved_from="The tech boss"))
    'Elon Musk said so.'
    """
    if attribution is None or not attribution.source.strip():
        return text
    source = " ".join(attribution.source.split())
    if source.lower() in _PRONOUNS or source.lower() in ("i", "you", "who", "which", "that"):
        return text  # an unresolved pronoun names no one: "According to he, ..." says nothing
    outside = _outside_quotes(text)
    if _source_named(text, source, outside):
        return text
    resolved = (attribution.resolved_from or "").strip()
    description = resolved.lower() not in _PRONOUNS
    if resolved and description and source.lower() in previous.lower():
        return text  # "The agency said" right after "The European Space Agency says": clear as written
    if resolved:
        # The pronoun or description the article used ("He", "the tech boss"), outside quotations.
        match = re.search(rf"(?<![\w’']){re.escape(resolved)}\b", text, flags=re.IGNORECASE)
        if match and not inside([q.span for q in find_quotations(text)], match.start()):
            name = _with_article(source)
            if resolved.lower().startswith("the ") and not name.lower().startswith("the ") \
                    and name.split()[-1].lower() == resolved.split()[-1].lower():
                name = "the " + name  # "the agency" names the European Space Agency, not a person
            if match.start() == 0 or re.search(r"[.!?]\s+$", text[: match.start()]):
                name = name[0].upper() + name[1:]
            if resolved.lower() in ("his", "her", "their", "its"):
                name += "'s" if not source.endswith("s") else "'"
            return text[: match.start()] + name + text[match.end() :]
    first, _, rest = text.partition(" ")
    if not first.isupper() and (first.lower() in _COMMON_STARTS or _OPENING_PHRASE.match(text)):
        first = first.lower()
    return f"According to {_with_article(source)}, {first}{' ' + rest if rest else ''}"


def _lines(text: str, speech: SpeechFunction) -> list[ScriptLine]:
    """One ScriptLine per sentence of ``text``, with quotations marked in ``spoken``."""
    quotes = find_quotations(text)
    marks: dict[int, str] = {}
    quoted: list[tuple[int, int]] = []
    for quote in quotes:
        start, end = quote.span
        quoted.append((start, end))
        if start > 0 and text[start - 1] in OPEN_QUOTES + STRAIGHT:
            marks[start - 1] = "open"
        else:
            marks[start] = "open-here"  # a quotation carried on from an earlier paragraph
        if end < len(text) and text[end] in CLOSE_QUOTES + STRAIGHT:
            marks[end] = "close"
        else:
            marks[end] = "close-here"
    lines = []
    for start, end in _sentence_spans(text):
        sentence = text[start:end].strip()
        if sentence:
            lines.append(ScriptLine(sentence, _spoken(text, start, end, marks, quoted, speech)))
    return lines


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = list(sentence_tokenizer().span_tokenize(text))
    # A closing quotation mark after the full stop belongs to the sentence it closes.
    fixed = []
    for start, end in spans:
        if fixed and start == fixed[-1][1] + 1 and text[start] in CLOSE_QUOTES:
            fixed[-1] = (fixed[-1][0], fixed[-1][1] + 1)
            start += 1
        if fixed and start < end and text[start].islower():
            # Punkt ends a sentence at "?”" even when it goes on: “Why?” he asked.
            fixed[-1] = (fixed[-1][0], end)
            continue
        if start < end:
            fixed.append((start, end))
    return fixed


def _spoken(
    text: str,
    start: int,
    end: int,
    marks: dict[int, str],
    quoted: list[tuple[int, int]],
    speech: SpeechFunction,
) -> str:
    """The spoken form of ``text[start:end]``: plain and quoted pieces through ``speech``,
    quotation marks replaced by the spoken markers."""
    pieces: list[tuple[str, str]] = []  # (kind, text): kind is plain, quote, open or close
    buffer, buffer_quoted = "", _in_quote(quoted, start)
    for i in range(start, end + 1):
        mark = marks.get(i)
        is_quoted = i < end and _in_quote(quoted, i)
        if mark or is_quoted != buffer_quoted or i == end:
            if buffer:
                pieces.append(("quote" if buffer_quoted else "plain", buffer))
            buffer, buffer_quoted = "", is_quoted
        if mark in ("open", "open-here") and i < end:
            pieces.append(("open", ""))
        if mark in ("close", "close-here") and (i < end or mark == "close-here"):
            pieces.append(("close", ""))
        if i < end and mark not in ("open", "close"):
            buffer += text[i]
    out = ""
    after_close = False
    for kind, piece in pieces:
        if kind in ("plain", "quote"):
            said = speech(piece, quoted=kind == "quote") if piece.strip() else ""
            if after_close and said[:1].isalnum():
                said = ", " + said  # "..., end of quote, she said."
            out = _join(out, said)
        elif kind == "open":
            head = out.rstrip().rstrip(":,;").rstrip()
            out = f"{head}, {OPEN_MARKER}," if head else OPEN_MARKER.capitalize() + ","
        elif out.rstrip().endswith(("?", "!")):
            out = f"{out.rstrip()} {CLOSE_MARKER.capitalize()}"
        else:
            out = f"{out.rstrip().rstrip('.,;:').rstrip()}, {CLOSE_MARKER}"
        after_close = kind == "close" or (after_close and not piece.strip())
    out = re.sub(r"\s+", " ", out).strip()
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    out = re.sub(r",\s*,", ",", out)
    out = re.sub(r",\s*\.", ".", out)
    if out and out[-1] not in ".!?":
        out += "."
    if out[:1].islower():
        out = out[0].upper() + out[1:]
    return out


def _in_quote(quoted: list[tuple[int, int]], at: int) -> bool:
    return any(start <= at < end for start, end in quoted)


def _join(head: str, tail: str) -> str:
    if not tail:
        return head
    if not head:
        return tail
    if tail[0] in ",.;:!?":
        return head + tail
    return head + " " + tail
