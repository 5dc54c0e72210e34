"""The README documents every setting (datasette's rule: settings declared once, documented)."""

from __future__ import annotations

from dataclasses import fields

from briefing.config import BriefingConfig
from web.settings import SETTINGS

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_library_setting():
    missing = [f.name for f in fields(BriefingConfig) if f"`{f.name}`" not in README]
    assert missing == []


def test_readme_documents_every_web_setting():
    missing = [name for name in SETTINGS if f"`{name}`" not in README]
    assert missing == []


def test_readme_shows_the_two_commands():
    assert "make run" in README and "make test" in README
