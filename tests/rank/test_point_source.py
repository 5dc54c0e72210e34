"""Rank: the source a point shows (real attribution over hand-built articles, paraphrased
from the kinds a blind review found wrong). A wrong source is worse than none: a cue
inside a clause of the sentence, a verb that reports no words, a part of a coordinated
subject, or a quotation that closed before the point gives the point no source."""

from __future__ import annotations

import pytest
from rank_articles import article_of as _article

from briefing.attribution.attribute import attribute
from briefing.rank.standalone import attribution_for
from briefing.text.split import split


def _source(paragraphs: list[str], find: str) -> str | None:
    article = _article(*paragraphs)
    sentences = split(article)
    attributions = attribute(article, sentences)
    index = next(s.index for s in sentences if find in s.text)
    found = attribution_for(index, sentences, attributions)
    return found.source if found is not None else None


CASES = [
    # kind 2: a cue in an adverbial clause attributes only that clause
    pytest.param(["When officers told him to go home, he reportedly refused and was arrested at the gate."],
                 "refused", None, id="adverbial-opening-clause"),
    pytest.param(["The actor spent a minute explaining how he could not have been at the party, because she "
                  "described him as dancing, and he had a bad knee at the time."], "dancing", None,
                 id="adverbial-because-clause"),
    pytest.param(["Sam Coe signed up as a donor after learning a girl at his church needed a kidney."],
                 "donor", None, id="adverbial-participle"),
    # kind 2: a cue in a relative clause on a noun inside the subject or object
    pytest.param(["Three attorneys representing a man who claims to have been cheated by the bank have sued "
                  "its chairman."], "attorneys", None, id="relative-clause-in-subject"),
    pytest.param(["The festival will add to the town's yearly income, which the council estimates at two "
                  "million pounds."], "festival", None, id="relative-clause-on-object"),
    # kind 3: a verb that reports no words
    pytest.param(["Democrats also questioned Smith about his earlier testimony, in which he doubted the "
                  "judgment of another official."], "questioned", None, id="questioned-a-person"),
    pytest.param(["So new parents Anna and Lucy Berg wanted to share that with their daughter."], "wanted", None,
                 id="coordinated-subject-intention"),
    pytest.param(["Coach Tony Pulis wants Darren Fletcher to be his voice in the dressing room next season."],
                 "wants", None, id="a-wish-for-someone"),
    # a question claims nothing
    pytest.param(["A guard from the shop asked him if he was carrying any tools and he said no."], "guard", None,
                 id="a-question"),
    pytest.param(["The senator wondered whether the plan would ever work."], "senator", None, id="wondered"),
    # "found" with a plain object is no finding; a reported clause or a study's finding is
    pytest.param(["Yet as the diaries show, one young pair found a bond so deep it outlasted the war."], "pair",
                 None, id="found-a-noun-phrase"),
    pytest.param(["Researchers found the new drug cut deaths by half."], "drug", "Researchers",
                 id="researchers-found"),
    pytest.param(["The coroner found that the fall had caused the injuries."], "coroner", "The coroner",
                 id="found-that"),
    # an -ing word describing a noun is no cue, and a scrap ending in a verb is no source
    pytest.param(["The decision follows worries that some nurses in demanding roles are held back by long "
                  "shifts."], "nurses", None, id="modifier-ing-and-scrap-source"),
    # a participle after the object of a non-speech verb is not the subject's
    pytest.param(["One advert featured a row of farmers from Iowa, young and old, declaring, 'We grow the "
                  "food.'"], "advert", None, id="participle-after-object"),
    pytest.param(["The clip featured a dozen nurses — some young, some retired — chanting, 'We need rest.'"], "clip",
                 None, id="participle-after-dashes"),
    pytest.param(["The mayor defended the council's plan, saying the bridge would reopen in May."], "bridge",
                 "The mayor", id="participle-after-a-stating-verb"),
    # a source a few modifiers after a clause link speaks for that clause only
    pytest.param(["But the bank chief was forced to defend his own pay after leaked files revealed he kept "
                  "two million pounds offshore."], "bank chief", None, id="adverbial-link-before-modifiers"),
    # "revealed" (or "unveiled") with a plain object is an act; "dismissed a thing as" a judgement
    pytest.param(["Volvo has revealed the third model in its electric range at the Paris show."], "Volvo", None,
                 id="revealed-a-noun-phrase"),
    pytest.param(["Then a nurse dismissed a blood test of his as normal."], "nurse", None,
                 id="dismissed-a-thing-as"),
    pytest.param(["The report revealed that the company lost money."], "company", "The report",
                 id="report-revealed-that"),
    pytest.param(["Police said the man was arrested after officers found him in a car."], "arrested", "Police",
                 id="main-clause-before-link"),
    pytest.param(["The mayor in March revealed plans to close the old bridge by the end of 2026."], "bridge",
                 "The mayor", id="revealed-plans"),
    pytest.param(["As retired nurse Ann Hale wrote on her blog, \"Rest is part of the job, not a reward.\""], "Rest",
                 "Ann Hale", id="as-writer-wrote"),
    # the rules leave a main clause's source alone
    pytest.param(["When the meeting ended, the mayor said the bridge would reopen in May."], "bridge",
                 "the mayor", id="main-clause-after-adverbial"),
    pytest.param(["The economy shrank last year, as the minister had predicted."], "economy", "the minister",
                 id="closing-as-comment"),
]


@pytest.mark.parametrize("paragraphs, find, source", CASES)
def test_point_source(paragraphs, find, source):
    assert _source(paragraphs, find) == source


def test_a_closed_quotation_carries_no_source_onto_narrative():
    # kind 1: a mispaired apostrophe ("It's") makes one quotation run past its closing
    # mark; the reporter's sentences after it get no source.
    paragraphs = [
        "'It is worth it for the bond I feel with our son,' teacher Anna Berg, 31, told MailOnline.",
        "'It's wonderful to see what we can do, and we feel lucky to share this.'",
        "The couple, who married in 2015, heard of the method in a parents' group.",
        "Anna followed a plan named the Smith protocol, which made her body respond.",
        "Starting three months before the birth, she took two kinds of pills.",
    ]
    assert _source(paragraphs, "It's wonderful") == "Anna Berg"
    assert _source(paragraphs, "Starting three months") is None
    assert _source(paragraphs, "The couple") is None


def test_a_runaway_quotation_id_carries_no_source_past_a_closing_mark():
    # kind 1, as the splitter leaves it: one quotation id runs on past "share this.'"
    # over the reporter's next sentence, which has no marks of its own.
    from briefing.models import Attribution, Sentence

    texts = ["'It is worth it,' Anna Berg told MailOnline.", "'It's lovely, and we share this.'",
             "Starting in May, she took two kinds of pills."]
    sentences, at = [], 0
    for i, text in enumerate(texts):
        quoted = (at + 1, at + len(text) - 1) if i == 1 else (at, at + len(text)) if i == 2 else (at, at + 16)
        sentences.append(Sentence(i, text, (at, at + len(text)), i, (quoted,), (i if i == 0 else 2,)))
        at += len(text) + 1
    told = Attribution("Anna Berg", "told", quote="It is worth it", source_span=(18, 27), cue_span=(28, 32))
    attributions = ((told,), (), ())
    assert attribution_for(1, sentences, attributions).source == "Anna Berg"
    assert attribution_for(2, sentences, attributions) is None


def _named(paragraphs: list[str], find: str, previous: str = "") -> str:
    from briefing.rank.standalone import name_source

    article = _article(*paragraphs)
    sentences = split(article)
    attributions = attribute(article, sentences)
    sentence = next(s for s in sentences if find in s.text)
    found = attribution_for(sentence.index, sentences, attributions)
    return name_source(sentence.text, sentence.span[0], found, sentence.quote_spans, previous=previous)


def test_a_name_is_not_put_in_twice():
    # kind 3: the sentence names the source already (in full or by surname), or the
    # description follows the point that names it; the article's words stay
    from briefing.models import Attribution
    from briefing.rank.standalone import name_source

    text = "The plan did not appeal to Ann Hale, a nurse at the clinic, she said she did not want to judge it."
    she = Attribution("Ann Hale", "said", resolved_from="she", source_span=(60, 63), cue_span=(64, 68))
    assert name_source(text, 0, she) == text
    text = "Hale believes you don't last long if you sit at home, he told the paper."
    he = Attribution("Ann Hale", "told", resolved_from="he", source_span=(54, 56), cue_span=(57, 61))
    assert name_source(text, 0, he) == text
    text = "The agency said Monday that its staff examined the plan."
    agency = Attribution("European Space Agency", "said", resolved_from="The agency", source_span=(0, 10),
                         cue_span=(11, 15))
    assert name_source(text, 0, agency, previous="The European Space Agency says it is ready.") == text
    assert name_source(text, 0, agency).startswith("European Space Agency said Monday")
    # control, real attribution: a pronoun whose name is only in an earlier sentence is named
    paragraphs = ["Nurse Ann Hale met the board on Monday.", "She said the plan would not work."]
    assert "Ann Hale said the plan" in _named(paragraphs, "would not work")
