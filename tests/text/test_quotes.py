"""Quotations in both styles, and apostrophes that are not quotations (briefing.text.quotes)."""

from __future__ import annotations

import pytest

from briefing.text.quotes import find_quotations, inside, quotations


def _article(text: str) -> list[str]:
    return [q.text for q in find_quotations(text)]


def _sentence(text: str) -> list[str]:
    return [q[2] for q in quotations(text)]


@pytest.mark.parametrize("text, quoted", [
    # British style, straight and curly
    ("'We will fight on,' he said.", ["We will fight on,"]),
    ("‘We will fight on,’ he said.", ["We will fight on,"]),
    ("He said: 'We will fight on.'", ["We will fight on."]),
    ("'We will fight on,' he said. 'We will win.'", ["We will fight on,", "We will win."]),
    # scare quotes, one or a few words
    ("a taste for ‘chillaxing’ on holiday", ["chillaxing"]),
    ("He called the plan 'a disgrace' and left.", ["a disgrace"]),
    # apostrophes are not quotations
    ("The players' union said it would not strike.", []),
    ("It's the council's plan, and they don't like it.", []),
    ("'Tis the season, and rock 'n' roll is back.", []),
    ("Music of the '90s came back.", []),
    ("Conor O'Brien and X/Twitter‘s owner met.", []),
    ("The Jones' house and the players' bus were there.", []),
    # a plural's apostrophe inside a quotation does not close it
    ("'The players' union is strong,' she said.", ["The players' union is strong,"]),
    # double quotations still work, and nest with single ones either way
    ("He said “we will win” today.", ["we will win"]),
    ("“He told me ‘no’ twice,” she said.", ["He told me ‘no’ twice,"]),
    ("'He told me “no” twice,' she said.", ["He told me “no” twice,"]),
])
def test_quotations_in_an_article(text, quoted):
    assert _article(text) == quoted


def test_a_single_quotation_runs_on_over_paragraphs_the_british_way():
    text = "'We will fight on the beaches.\n\n'We will never surrender,' he said.\n\nThe end."
    quotes = find_quotations(text)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("We will fight") and quotes[0].text.endswith("never surrender,")


def test_spans_point_at_the_quoted_words():
    text = "Then 'go now,' she said."
    (quote,) = find_quotations(text)
    assert text[quote.span[0]:quote.span[1]] == "go now," == quote.text


@pytest.mark.parametrize("text, quoted", [
    ("'We will fight on,' he said.", ["We will fight on,"]),
    ("We will fight on,' he said.", ["We will fight on,"]),  # the quote began a sentence earlier
    ("The players' union said no.", []),
    ("He called it ‘a disgrace’.", ["a disgrace"]),
    ('He said "yes" and \'no\'.', ["yes", "no"]),
])
def test_quotations_in_a_sentence(text, quoted):
    assert _sentence(text) == quoted


def test_sentence_spans_include_their_marks():
    text = "He called it 'a disgrace' today."
    ((start, end, inner),) = quotations(text)
    assert text[start:end] == "'a disgrace'" and inner == "a disgrace"


def test_inside():
    text = "He called it 'a disgrace' today."
    spans = [(s, e) for s, e, _ in quotations(text)]
    assert inside(spans, text.index("disgrace"), edges=False)
    assert not inside(spans, text.index("today"), edges=False)
