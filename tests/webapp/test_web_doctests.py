"""The doctests of the web package (web/ is outside pytest's --doctest-modules paths)."""

from __future__ import annotations

import doctest
import importlib

import pytest

pytest.importorskip("flask")

MODULES = ("web.format", "web.settings", "web.jobs", "web.briefings", "web.serve", "web.feed", "web.digest")


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no doctests"
