"""Splits that say the link between their parts (issue 19): a source's two reports
(``split:report-pair``), a measured time (``split:measured``), a summing-up noun phrase
(``split:summary``), examples named after "including" (``split:including``), the main fact before its "when" (``split:when-first``), and the fronted "while" / "and although" and ", even though" of the
conjunction splits. Each rewrite passes the both-way check; each refusal keeps the sentence
as written (quotations, negation and modality, sources, names and numbers)."""

from __future__ import annotations

import pytest

from briefing.plain.novelty import check_both_ways
from briefing.plain.simplify import simplify_checked, simplify_sentence


@pytest.mark.parametrize("text, source, expected, rule", [
    ("In a statement, college administrators said the fraternity's local chapter had been suspended for one year "
     "by the Penn State Interfraternity Council and that police and university officials were investigating.",
     "college administrators",
     "In a statement, college administrators said the fraternity's local chapter had been suspended for one year "
     "by the Penn State Interfraternity Council. College administrators also said that police and university "
     "officials were investigating.", "split:report-pair"),
    ("President Obama later said Sony had made a mistake in cancelling the movie, and that he would have stepped "
     "in to make sure it went ahead.", "President Obama",
     "President Obama later said Sony had made a mistake in cancelling the movie. President Obama also said that "
     "he would have stepped in to make sure it went ahead.", "split:report-pair"),
    ("Police raided millionaire heir Robert Durst's home in Houston, Texas, on Tuesday, a day after he was charged "
     "with first-degree murder.", None,
     "Police raided millionaire heir Robert Durst's home in Houston, Texas, on Tuesday. This was a day after he "
     "was charged with first-degree murder.", "split:measured"),
    ("Apple CEO Tim Cook has released the much-anticipated Apple watch -- his company's first new product since "
     "the iPad.", None,
     "Apple CEO Tim Cook has released the much-anticipated Apple watch. This is his company's first new product "
     "since the iPad.", "split:summary"),
    ("The historic occasion was the first ever Major League Soccer match -- a brave new dawn for the world's "
     "favorite sport in a land its charms had yet to conquer.", None,
     "The historic occasion was the first ever Major League Soccer match. This was a brave new dawn for the "
     "world's favorite sport in a land its charms had yet to conquer.", "split:summary"),
    ("A shooting at a bar in the capital on Saturday killed five people, including French and Belgian citizens.",
     None, "A shooting at a bar in the capital on Saturday killed five people. The five people included French and "
     "Belgian citizens.", "split:including"),
    ("When he parked for his 2pm shift, he noticed new yellow lines had been painted across a housing block "
     "entrance.", None,
     "He noticed new yellow lines had been painted across a housing block entrance. This was when he parked for "
     "his 2pm shift.", "split:when-first"),
    ("And while institutionalized slavery has long been cast from America's history books, thousands of children "
     "still suffer from the bonds of sex trafficking.", None,
     "Institutionalized slavery has long been cast from America's history books. But thousands of children still "
     "suffer from the bonds of sex trafficking.", "split:subordinate:while"),
    ("While Buckingham Palace refused to comment on the claims, the Queen's recent public schedule has still been "
     "busy.", None,
     "Buckingham Palace refused to comment on the claims. But the Queen's recent public schedule has still been "
     "busy.", "split:subordinate:while"),
    ("eBay has since been flooded with similar auctions from the show, even though the copycats lacked "
     "certificates of authenticity.", None,
     "eBay has since been flooded with similar auctions from the show. But the copycats lacked certificates of "
     "authenticity.", "split:conjunction:though"),
])
def test_linked_splits(text, source, expected, rule):
    plain = simplify_checked(text, source=source)
    assert plain.text == expected
    assert rule in plain.rules_applied
    assert plain.fallback_reason is None
    assert check_both_ways(text, plain.text, source=source).ok


@pytest.mark.parametrize("text", [
    # A report under negation or a modal: the frame covers both reports.
    "The minister did not say the talks had failed in Geneva and that the army would stay in the north.",
    "The minister may have said the talks had failed in Geneva and that the army would stay in the north.",
    # "and that's": no second report.
    "The group says there has been a 35% rise in fans reporting abuse -- and that's largely because of a new app.",
    # "it" as the source: the name it stands for is in another point.
    "It said the plant had closed last year after a long strike and that 200 jobs were lost in the town.",
    # A quotation: never cut or changed.
    "The mayor said \"the bridge is safe and that is final\" and that the repairs would start in the spring.",
    # A measured time inside a report, or with a present or future main clause, or a phrase.
    "The minister said the army would leave the city, a day after the talks failed in Geneva.",
    "The new bridge will open to traffic in the spring, two years after the old one collapsed into the river.",
    "A man rang in his 100th birthday at the dealership where he works, 66 years after making his first sale.",
    # A person, a name, a plural, a report, a list, a pair of dashes: no "This is".
    "The incident early Wednesday involved uniformed agents and a young man, a student at the university.",
    "We traveled along narrow roads winding among the mountains, eventually arriving at Birkhall -- the home of "
    "Prince Charles.",
    "Police said the man stole a car from the lot near the station -- a crime that carries ten years in prison.",
    "A journey across Europe meant a passport full of stamps, a wallet full of currencies and a long wait.",
    "The men were charged with stealing cars from the lot near the station -- two crimes that carry long terms.",
    "But Vonn is well off the pace in the fight for the overall crown -- which she last won in 2012, her fourth "
    "success -- in third place.",
    # A "while" of time, and a "while" clause whose pronoun may stand for the main clause's noun.
    "While they waited for the bus in the rain on Friday, a car hit the shelter on the corner.",
    "While he was being questioned by the police, the suspect's lawyer arrived at the station.",
    "After police caught up with him at the station, the man was found guilty of causing damage.",
    # "including": not a hedge, a source at the end, examples that do not end the sentence, or a cut sentence.
    "A shooting at a bar in the capital killed five people, including French and Belgian citizens, police said.",
    "The shooting at a bar in the capital allegedly killed five people, including French and Belgian citizens.",
    "Two Chinese men have been jailed for selling military intelligence, including hundreds of photos, to spies.",
    "Serena Williams has won 19 grand slam singles tennis titles, including six U.S.",
    # "When": not whenever, a time to come, a report, or a pronoun before its noun.
    "When things are going wrong, responsible people can start by saying the right things.",
    "When the 21-year-old suffered cruel taunts at school, she took her frustrations out on the rugby field.",
    "When the woman tried to break them up, the man assaulted her, according to the county prosecutor.",
    "When the storm hit the coast on Monday, the town did not lose power for long.",
])
def test_linked_splits_refused(text):
    rewrite = simplify_sentence(text)
    assert not any(r.startswith(("split:report-pair", "split:measured", "split:summary", "split:subordinate:while",
                                 "split:subordinate:after", "split:when-first", "split:including"))
                   for r in rewrite.rules), rewrite


def test_report_pair_keeps_source_negation_and_modality():
    text = ("The National Institutes of Health said Thursday it could not admit the worker and that it would "
            "never take more patients.")
    plain = simplify_checked(text, source="The National Institutes of Health")
    # "it" is the source's own word: the pair is left as written rather than "It also said".
    assert "could not" in plain.text and "never" in plain.text and "would" in plain.text
    assert "The National Institutes of Health" in plain.text


def test_known_as_a_description_is_not_called():
    text = "Before his films, he was also known as a successful stage director in London and Paris."
    assert simplify_sentence(text).text == text
