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


def test_readme_tree_names_every_package_folder():
    """The pipeline section's tree has a line for every folder of the library and the app."""
    section = README.split("## Pipeline", 1)[1].split("\n## ", 1)[0]
    folders = sorted(
        str(p.parent.relative_to(ROOT)) for root in ("briefing", "web") for p in (ROOT / root).rglob("__init__.py")
    )
    missing = [f for f in folders if f.split("/")[-1] + "/" not in section and f + "/" not in section]
    assert missing == []
