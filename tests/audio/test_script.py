"""The script: intro, points with their sources and marked quotations, outro."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.text.extract import read_source
from briefing.models import Article, Attribution, Briefing, KeyPoint, PlainPoint
from briefing.audio.normalize import for_speech
from briefing.pipeline import summarize
from briefing.audio.script import AUTOMATIC_NOTICE, build_script

SEED = Path(__file__).resolve().parents[2] / "samples" / "musk-israel-visit.txt"

QUOTE = "Nothing could be further from the truth."


def point(text: str, attribution: Attribution | None = None) -> KeyPoint:
    return KeyPoint(sentence_ids=(0,), text=text, original=text, spans=((0, len(text)),), score=1.0,
                    attribution=attribution)


def briefing(points: list[KeyPoint], **article) -> Briefing:
    defaults = dict(
        paragraphs=("Body.",),
        title="Musk to visit Israel after anti-Semitism row",
        site_name="Daily Express",
        published="2023-11-28T09:30:00+00:00",
        source_url="https://www.express.co.uk/news/world/1839562",
    )
    defaults.update(article)
    return Briefing(article=Article(**defaults), sentences=(), attributions=(), key_points=tuple(points))


@pytest.fixture
def hand_made() -> Briefing:
    return briefing([
        point(f"He said: “{QUOTE}”", Attribution("Elon Musk", "said", QUOTE, resolved_from="He")),
        point("Research found 200 posts on the platform. They found 196 stayed up.",
              Attribution("Center for Countering Digital Hate", "found")),
        point("Musk said he would visit Israel on October 7.", Attribution("Elon Musk", "said")),
        point("The ceasefire held on Tuesday."),
    ])


def spoken(section) -> str:
    return " ".join(line.spoken for line in section.lines)


def shown(section) -> str:
    return " ".join(line.text for line in section.lines)


def test_sections_and_chapter_titles(hand_made):
    script = build_script(hand_made)
    assert [s.kind for s in script.sections] == ["intro", "point", "point", "point", "point", "outro"]
    assert script.sections[0].title == "Introduction"
    assert script.sections[-1].title == "About this briefing"
    assert [s.point_index for s in script.sections[1:-1]] == [0, 1, 2, 3]
    # What each point is about: its source and its subject, not its first words.
    assert script.sections[1].title == "Point 1: Elon Musk: “Nothing could be further from the truth”"
    assert script.sections[2].title == "Point 2: Center for Countering Digital Hate: Research found 200 posts on the platform"
    assert script.sections[3].title == "Point 3: Elon Musk: He would visit Israel on October 7"
    assert script.sections[4].title == "Point 4: The ceasefire held on Tuesday"
    for section in script.sections[1:-1]:
        assert len(section.title) <= 90


def test_intro_says_title_site_date_and_count(hand_made):
    intro = build_script(hand_made).sections[0]
    assert [line.text for line in intro.lines] == [
        "Briefing: Musk to visit Israel after anti-Semitism row.",
        "From the Daily Express, published 28 November 2023.",
        "Here are four key points.",
    ]
    assert intro.lines[1].spoken == "From the Daily Express, published the twenty eighth of November twenty twenty three."


def test_intro_reads_the_whole_title_without_an_ellipsis():
    intro = build_script(briefing([point("One thing.")], title="Musk says the visit will go ahead…")).sections[0]
    assert intro.lines[0].text == "Briefing: Musk says the visit will go ahead."


def test_intro_never_repeats_point_one():
    lead = "Elon Musk is reportedly due to fly into Israel next week for meeting with the country's leaders."
    points = [point(lead), point("The ceasefire held on Tuesday.")]
    # A title made from the lead sentence, and a headline that is the lead sentence.
    for article in (dict(title="Elon Musk is reportedly due to fly into Israel next week for…", title_derived=True),
                    dict(title=lead)):
        intro = build_script(briefing(points, **article)).sections[0]
        assert [line.text for line in intro.lines] == [
            "Briefing: two key points about Elon Musk.",
            "From the Daily Express, published 28 November 2023.",
        ]
    intro = build_script(briefing(points[:1], title="He is due to fly into Israel", title_derived=True)).sections[0]
    assert [line.text for line in intro.lines][::2] == ["Briefing.", "Here is one key point."]


def test_intro_says_only_what_is_known():
    intro = build_script(briefing([point("One thing.")], site_name=None, published=None, title="")).sections[0]
    assert [line.text for line in intro.lines] == ["Briefing.", "Here is one key point."]
    intro = build_script(briefing([], site_name=None, byline="By Jane Doe")).sections[0]
    assert intro.lines[1].text == "By Jane Doe, published 28 November 2023."
    assert intro.lines[-1].text == "No key points were found in this article."


def test_outro_names_the_article_and_says_it_was_automatic(hand_made):
    outro = build_script(hand_made).sections[-1]
    assert outro.lines[0].text == (
        "This briefing was based on an article from the Daily Express, Musk to visit Israel after anti-Semitism row."
    )
    assert outro.lines[-1].text == AUTOMATIC_NOTICE
    assert "automatically" in outro.lines[-1].spoken


def test_outro_falls_back_to_the_url_host():
    outro = build_script(briefing([point("One.")], site_name=None, title="Musk", title_derived=True)).sections[-1]
    assert outro.lines[0].text == "This briefing was based on an article from express.co.uk."
    assert outro.lines[0].spoken == "This briefing was based on an article from express dot co dot uk."


def test_quotation_is_marked_attributed_and_verbatim(hand_made):
    first = build_script(hand_made).sections[1]
    assert shown(first) == f"Elon Musk said: “{QUOTE}”"  # the pronoun is named; quote marks kept
    assert spoken(first) == "Elon Musk said, quote, Nothing could be further from the truth, end of quote."


def test_source_is_added_once_when_not_named(hand_made):
    second = build_script(hand_made).sections[2]
    assert [line.text for line in second.lines] == [
        "According to the Center for Countering Digital Hate, research found 200 posts on the platform.",
        "They found 196 stayed up.",
    ]
    assert spoken(second).count("Center for Countering Digital Hate") == 1
    assert second.lines[0].spoken.endswith("found two hundred posts on the platform.")


def test_source_not_repeated_when_the_sentence_names_it(hand_made):
    third = build_script(hand_made).sections[3]
    assert shown(third) == "Musk said he would visit Israel on October 7."
    assert spoken(third) == "Musk said he would visit Israel on October seventh."
    assert shown(build_script(hand_made).sections[4]) == "The ceasefire held on Tuesday."


def test_plain_points_are_spoken_when_present(hand_made):
    plain = tuple(
        PlainPoint(text=f"Plain {i}.", original=p.text) for i, p in enumerate(hand_made.key_points)
    )
    script = build_script(replace(hand_made, plain_points=plain))
    assert shown(script.sections[4]) == "Plain 3."


def test_quote_over_two_sentences_is_marked_once():
    script = build_script(briefing([point("“We lost 5 people. Never again,” she said.", Attribution("Jane Doe", "said"))]))
    lines = script.sections[1].lines
    assert [line.text for line in lines] == [
        "According to Jane Doe, “We lost 5 people.",
        "Never again,” she said.",
    ]
    assert [line.spoken for line in lines] == [
        "According to Jane Doe, quote, We lost five people.",
        "Never again, end of quote, she said.",
    ]


def test_question_in_a_quote_stays_one_line():
    script = build_script(briefing([point("“Why now?” he asked.")]))
    assert [(line.text, line.spoken) for line in script.sections[1].lines] == [
        ("“Why now?” he asked.", "Quote, Why now? End of quote, he asked.")
    ]


def test_speech_function_is_pluggable(hand_made):
    raw = build_script(hand_made, speech=lambda text, quoted=False: text)
    assert raw.sections[3].lines[0].spoken == "Musk said he would visit Israel on October 7."
    assert raw.sections[1].lines[0].spoken == "Elon Musk said, quote, Nothing could be further from the truth, end of quote."


# -- the seed article, through the real pipeline -------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return summarize(read_source(str(SEED)))


def test_seed_script_shape(seed):
    script = build_script(seed)
    assert script.sections[0].lines[0].text == "Briefing: six key points about Elon Musk."
    # The introduction does not say point 1 again (the seed's title is made from its lead).
    intro = " ".join(line.text for line in script.sections[0].lines)
    assert "fly into Israel" not in intro and "…" not in intro
    assert len(script.sections) == len(seed.key_points) + 2
    assert script.sections[-1].lines[-1].text == AUTOMATIC_NOTICE
    for section in script.sections:
        for line in section.lines:
            assert line.text and line.spoken
            assert line.spoken[-1] in ".!?", line.spoken
            assert not re.search(r"[“”\"]", line.spoken), line.spoken


def test_seed_quotations_are_spoken_verbatim_and_attributed(seed):
    # Every quoted sentence of the article, with its attribution, as a key point.
    points = [
        point(s.text, attrs[0] if attrs else None)
        for s, attrs in zip(seed.sentences, seed.attributions)
        if s.quote_spans
    ]
    assert len(points) >= 3
    script = build_script(replace(seed, key_points=tuple(points), plain_points=()))
    for section, kp in zip(script.sections[1:-1], points):
        said = spoken(section)
        for quote in re.findall(r"“([^”]+)”", kp.text):
            words = " ".join(re.findall(r"[\w']+", for_speech(quote, quoted=True).replace("’", "'")))
            heard = re.search(r"quote, (.*?),? end of quote", said, flags=re.IGNORECASE)
            assert heard, said
            assert " ".join(re.findall(r"[\w']+", heard.group(1))) == words
        if kp.attribution:
            surname = kp.attribution.source.split()[-1]
            assert surname in said, said


def test_seed_attributed_source_is_spoken_once(seed):
    text = "They found that 196 of the posts were allowed to stay up on the site."
    attribution = Attribution("Center for Countering Digital Hate (CCDH)", "found", resolved_from="They")
    script = build_script(replace(seed, key_points=(point(text, attribution),), plain_points=()))
    said = spoken(script.sections[1])
    assert said.startswith("The Center for Countering Digital Hate, CCDH, found that one hundred")
    assert said.count("Center for Countering") == 1
