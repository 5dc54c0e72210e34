"""What no rule may change: quotations (however they are marked), names, numbers and dates, the
attribution's source and cue; no sentence split inside a quotation; and the tidying around them."""

from __future__ import annotations

import pytest

from briefing.models import KeyPoint
from briefing.plain.faithful import protected_spans
from briefing.plain.simplify import simplify_point, simplify_sentence

from plain_review import never_says_test


PROTECTED = [
    "Musk said the claims were “the hideous lie behind the most fatal act” and left Israel on October 7.",
    "The Center for Countering Digital Hate (CCDH) found 200 posts which were deemed antisemitic.",
    "President Isaac Herzog slammed the $5m deal in a bid to commence talks approximately 3 weeks later.",
    "“We slammed them amid allegations,” said Prime Minister Benjamin Netanyahu, who purchased it.",
]


@pytest.mark.parametrize("text", PROTECTED)
def test_protected_spans_untouched(text):
    plain = simplify_sentence(text).text
    for start, end in protected_spans(text):
        assert text[start:end] in plain, text[start:end]


def test_words_in_quotes_are_never_changed():
    text = "He said: “They slammed us amid the purchase, approximately.”"
    assert simplify_sentence(text).text == text


def test_attribution_source_and_cue_are_kept():
    text = "The plan was slammed, Israeli officials slammed."
    rewrite = simplify_sentence(text, source="Israeli officials", keep=("slammed",))
    assert "Israeli officials slammed" in rewrite.text


def test_never_split_inside_a_quotation():
    text = "He said: “We came; we saw, and we left the city, which was burning.” Then he went home to rest."
    rewrite = simplify_sentence(text)
    assert "“We came; we saw, and we left the city, which was burning.”" in rewrite.text


def test_a_point_that_opens_inside_a_quotation_keeps_its_words():
    text = 'We will be able to defeat terrorism, which is threatening Tunisia and all the neighboring countries."'
    point = KeyPoint(sentence_ids=(0,), text=text, original=text, spans=((0, len(text)),), score=1.0)
    assert simplify_point(point).text == text


# Review cases (see plain_review.py): what a rewrite of each sentence must say, and what it must
# never say, by the guard or rule of this family that each case holds.
NEVER_SAYS = [
    # quotation marks written as doubled apostrophes are quotation marks too
    ("''Secretary Clinton believes that American businesses need to break free from the tyranny of today's "
     "earnings report,'' said Mike Schmidt, an economic policy adviser at the Clinton campaign.",
     "Clinton believes American"),
    # from a review of 550 rewrites of unseen news (PolNeAR dev and cnndm_dev 600-700)
    ("Police said he seized a .40-caliber handgun from the car on Monday.", "a.40"),
    ("Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark first as a compliment -- ''That makes "
     "me smart'' -- and, when questioned after the debate, asserting, ''Of course, I pay federal taxes.''",
     "taxes.'' ''That"),
    # from a second review of unseen rewrites
    ("The writers of the report combed through the filings of the Fortune 500 for 2015 and found that 73 percent "
     "''maintained subsidiaries in offshore tax havens.''", "havens.''."),
    # review 11
    ("I'll often see a particular item whilst walking around London and think to myself, 'I'm sure that came from "
     "Yiwu,' \" Seymour said.", "while walking"),
]

test_rewrite_never_says = never_says_test(NEVER_SAYS)
