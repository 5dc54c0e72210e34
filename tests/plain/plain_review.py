"""The review cases of the plain-language rewriter, shared by the test module of each rule
family: sentences from the news points, unseen news and ASSET valid where the rewriter once
went wrong, or a rule's own example. A family's module lists what a rewrite must say (a
fragment of the output: ``SAYS``) and what it must never say (``NEVER_SAYS``), by the rule
or guard each case holds, and makes its tests here:

    test_rewrite_says = says_test(SAYS)
    test_rewrite_never_says = never_says_test(NEVER_SAYS)
"""

from __future__ import annotations

import pytest

from briefing.plain.simplify import simplify_sentence


def says_test(cases):
    """A test that each ``(text, wanted)`` rewrite says ``wanted``."""

    @pytest.mark.parametrize("text, wanted", cases)
    def test_rewrite_says(text, wanted):
        assert wanted in simplify_sentence(text).text

    return test_rewrite_says


def never_says_test(cases):
    """A test that no ``(text, unwanted)`` rewrite says ``unwanted``."""

    @pytest.mark.parametrize("text, unwanted", cases)
    def test_rewrite_never_says(text, unwanted):
        assert unwanted not in simplify_sentence(text).text

    return test_rewrite_never_says
