"""What every cleaner shares: the shape of a cleaner and of the changes it reports, and
the two ways of making a change that records itself (dropping lines, substituting a pattern).

A cleaner is a plain function ``text -> (text, changes)``: the text with one kind of debris
removed, and the ``(removed, replacement)`` pairs it changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources

Change = tuple[str, str]  # (removed, replacement)
Cleaner = Callable[[str], tuple[str, list[Change]]]


def drop_lines(text: str, is_debris: Callable[[str], bool]) -> tuple[str, list[Change]]:
    """Drop every line for which ``is_debris`` is true."""
    kept: list[str] = []
    changes: list[Change] = []
    for line in text.split("\n"):
        if line.strip() and is_debris(line.strip()):
            changes.append((line.strip(), ""))
        else:
            kept.append(line)
    return "\n".join(kept), changes


def sub(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str] | str, text: str) -> tuple[str, list[Change]]:
    """``pattern.sub`` that records each replacement it made."""
    changes: list[Change] = []

    def record(m: re.Match[str]) -> str:
        new = m.expand(repl) if isinstance(repl, str) else repl(m)
        if new != m.group(0):
            changes.append((m.group(0), new))
        return new

    return pattern.sub(record, text), changes


def data_lines(name: str) -> list[str]:
    """The lines of ``briefing/data/NAME``, stripped, without blank lines and ``#`` comments."""
    raw = resources.files("briefing").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")]
