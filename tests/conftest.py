"""Shared fixtures. Every test runs with sockets to anything but 127.0.0.1 disabled
(pytest-socket, see pyproject.toml), so nothing can reach the internet."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "samples" / "musk-israel-visit.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The first sample article, exactly as scraped."""
    return SEED.read_text(encoding="utf-8")
