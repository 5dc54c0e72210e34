"""Sentence splitting knows the sentence ends of Chinese and Japanese: "。", "！", "？"
(and the half-width "｡", the full-width "．"), which no space follows."""

from __future__ import annotations

import pytest

from briefing.text.nlp import sentence_tokenizer, tokenizer

CASES = [
    ("市议会通过了新预算。市长表示满意。", ["市议会通过了新预算。", "市长表示满意。"]),
    ("地震が発生した。津波の心配はない！本当？", ["地震が発生した。", "津波の心配はない！", "本当？"]),
    ("本当？！まさか。", ["本当？！", "まさか。"]),
    ("半角の句点｡次の文｡", ["半角の句点｡", "次の文｡"]),
    ("全角のピリオド．次の文．", ["全角のピリオド．", "次の文．"]),
    # A decimal point written full-width is not an end.
    ("価格は３．５ドルだ。高い。", ["価格は３．５ドルだ。", "高い。"]),
    # An end inside a quotation ends no sentence.
    ("「津波はない！」と述べた。次だ。", ["「津波はない！」と述べた。", "次だ。"]),
    ("他说：“好！”然后走了。", ["他说：“好！”然后走了。"]),
    # English around CJK: the English rules are unchanged.
    ("The banner read “中国加油！” and they cheered. 他走了。Then he left.",
     ["The banner read “中国加油！” and they cheered.", "他走了。", "Then he left."]),
    ("Dr. Smith arrived on Jan. 3. He spoke.", ["Dr. Smith arrived on Jan. 3.", "He spoke."]),
]


@pytest.mark.parametrize("text, sentences", CASES)
def test_sentence_ends(text, sentences):
    assert sentence_tokenizer().tokenize(text) == sentences


@pytest.mark.parametrize("text, sentences", CASES)
def test_spans_cover_the_sentences(text, sentences):
    spans = list(sentence_tokenizer().span_tokenize(text))
    assert [text[a:b] for a, b in spans] == sentences
    assert all(a < b for a, b in spans) and all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


def test_the_rankers_tokenizer_splits_the_same_way():
    assert tokenizer().to_sentences("市议会通过了新预算。市长表示满意。") == ("市议会通过了新预算。", "市长表示满意。")
