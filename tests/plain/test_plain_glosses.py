"""Glosses from the article (issue 19): a term the article explains is explained in the point,
with the article's own words, after the point's own sentences."""

from __future__ import annotations

from briefing.models import Attribution, KeyPoint
from briefing.plain.glosses import glosses
from briefing.plain.simplify import simplify_point

ARTICLE = ("The Southern Poverty Law Center released its annual count on Tuesday. The number of hate groups "
           "fell 17%, the SPLC said. The Center for Countering Digital Hate, a watchdog group, counted posts. "
           "The Department of Veterans Affairs said the VA would look again. Ann Lee, a nurse, was there.")


def _point(text: str, source: str | None = None) -> KeyPoint:
    return KeyPoint(sentence_ids=(1,), text=text, original=text, spans=((0, len(text)),), score=1.0,
                    attribution=Attribution(source=source, cue="said") if source else None)


def test_an_acronym_the_article_spells_out_is_glossed_after_the_point():
    plain = simplify_point(_point("The number of hate groups fell 17% last year, the SPLC said.", "the SPLC"),
                           article=ARTICLE)
    assert plain.text.endswith("The SPLC is the Southern Poverty Law Center.")
    assert "gloss:SPLC" in plain.rules_applied
    # the attribution sentence still follows what the source said
    assert "The SPLC said this. The SPLC is" in plain.text


def test_an_appositive_of_a_thing_is_a_gloss_but_a_persons_role_is_not():
    assert glosses("The Center for Countering Digital Hate counted the posts.", ARTICLE) == [
        ("Center for Countering Digital Hate", "The Center for Countering Digital Hate is a watchdog group.")]
    assert glosses("Ann Lee was there when it happened.", ARTICLE) == []


def test_no_gloss_without_the_articles_words_or_when_the_point_says_it():
    assert glosses("The VA said it would look again.", ARTICLE) == []  # two letters: too short to be sure
    assert glosses("The Southern Poverty Law Center (SPLC) said so.", ARTICLE) == []
    assert glosses("The NTSB said so.", ARTICLE) == []
    plain = simplify_point(_point("The NTSB said the crew was tired."), article=None)
    assert not any(r.startswith("gloss:") for r in plain.rules_applied)


def test_an_organisations_long_form_takes_the():
    article = "Southern Poverty Law Center counted the groups. SPLC said the number fell."
    assert glosses("SPLC said the number fell.", article) == [
        ("SPLC", "The SPLC is the Southern Poverty Law Center.")]
