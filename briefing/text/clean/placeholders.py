"""Template placeholders left unfilled: ``[#item_custom_pubDate]``, ``{{ author }}``, ``%%POSTDATE%%``."""

from __future__ import annotations

import re

from .edits import Change, drop_lines, sub

_PLACEHOLDER = (
    r"(?:\[#[^\]\n]{1,80}\]"  # [#item_custom_pubDate]
    r"|\{\{[^{}\n]{0,80}\}\}"  # {{ author }}
    r"|\{%[^%\n]{0,80}%\}"  # {% if x %}
    r"|%%[A-Za-z0-9_.:-]{1,60}%%"  # %%POSTDATE%%
    r"|\$\{[A-Za-z0-9_.]{1,60}\}"  # ${item.date}
    r"|\[\[[A-Za-z0-9_.:-]{1,60}\]\])"  # [[pubDate]]
)
_PLACEHOLDER_LINE = re.compile(
    rf"^(?:[A-Za-z][A-Za-z ]{{0,30}}:?\s*)?{_PLACEHOLDER}(?:\s*[,|·-]?\s*{_PLACEHOLDER})*\s*[.:]?$"
)
_PLACEHOLDER_INLINE = re.compile(rf" ?{_PLACEHOLDER}")
_PLACEHOLDER_MARKS = ("[#", "{{", "{%", "%%", "${", "[[")


def strip_placeholders(text: str) -> tuple[str, list[Change]]:
    """Remove unfilled template placeholders; a line holding only a label and
    placeholders (``Published: [#item_custom_pubDate]``) goes whole.

    >>> strip_placeholders("Musk spoke.\\nPublished: [#item_custom_pubDate]")[0]
    'Musk spoke.'
    >>> strip_placeholders("By {{author}} and staff.")[0]
    'By and staff.'
    """
    if not any(mark in text for mark in _PLACEHOLDER_MARKS):
        return text, []
    text, changes = drop_lines(text, lambda line: bool(_PLACEHOLDER_LINE.match(line)))
    text, more = sub(_PLACEHOLDER_INLINE, "", text)
    return text, changes + more
