"""Typography, symbols and punctuation: what voices trip on or ignore, and the spaces left behind."""

from __future__ import annotations

import re


def typography(text: str) -> str:
    """Straighten apostrophes and spaces that voices and later rules trip on.

    >>> typography("Musk’s X/Twitter‘s\u00a0rules…")
    "Musk's X/Twitter's rules..."
    """
    text = re.sub(r"(?<=\w)[’‘`](?=\w)", "'", text)
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    text = text.replace("…", "...")
    return text


def symbols(text: str) -> str:
    """Symbols in words, and punctuation that voices ignore turned into pauses.

    >>> spacing(symbols("Q&A: tax + fees = 5 (roughly) – or more / less ~ 3 × 2 — all #."))
    'Q and A: tax plus fees equals 5, roughly, or more slash less about 3 times 2, all.'
    """
    text = text.replace("&", " and ")
    text = re.sub(r"(?<=\w)\s?\+(?=\s|$|[,.])", " plus", text)
    text = re.sub(r"\s\+\s", " plus ", text)
    text = re.sub(r"\s=\s|=", " equals ", text)
    text = re.sub(r"\s~\s?|~", " about ", text)
    text = text.replace("×", " times ")
    text = text.replace("%", " percent")
    text = text.replace("°", " degrees")
    text = re.sub(r"\s?[\u2013\u2014]\s?|\s--?\s", ", ", text)
    text = re.sub(r"\s*\(\s*", ", ", text)
    text = re.sub(r"\s*\)", ",", text)
    text = text.replace("/", " slash ")  # dates, fractions, URLs and units are read already
    text = re.sub(r"[#*•|\[\]{}<>^_]", " ", text)
    return text


def spacing(text: str) -> str:
    """Tidy the spaces and commas the other rules leave behind.

    >>> spacing(" A  , , B ,C .  And . . so at 9 p.m.. Wait... ")
    'A, B, C. And. so at 9 p.m. Wait...'
    """
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r"^[,;:]\s*", "", text)
    text = re.sub(r",\s*([.;:!?])", r"\1", text)
    text = re.sub(r"(?<!\.)\.\s*\.(?!\.)", ".", text)  # "p.m.." and ". .", never "..."
    text = re.sub(r"([,;:])(?=[^\s\d])", r"\1 ", text)
    return text
