"""The spans a rewriter must leave alone (briefing.plain.faithful.protected_spans): names, quotations
with their marks, numbers and dates; not the common words that open a sentence."""

from __future__ import annotations

from briefing.plain.faithful import protected_spans


def test_protected_spans_of_a_seed_sentence():
    text = ("Musk will meet with President Isaac Herzog and Prime Minister Benjamin Netanyahu, "
            "reports TV Channel N12 and The Jerusalem Post.")
    assert [text[s:e] for s, e in protected_spans(text)] == [
        "Musk", "President Isaac Herzog", "Prime Minister Benjamin Netanyahu", "TV Channel N12", "Jerusalem Post",
    ]


def test_protected_spans_keep_quotes_with_marks_numbers_and_dates():
    text = "On November 15 the Tesla boss posted about the “great replacement theory” to 1,200 people."
    assert [text[s:e] for s, e in protected_spans(text)] == [
        "November 15", "Tesla", "“great replacement theory”", "1,200",
    ]


def test_protected_spans_skip_sentence_initial_common_words():
    text = "The tech boss has come under fire. Amid the storm, he left."
    assert protected_spans(text) == ()
