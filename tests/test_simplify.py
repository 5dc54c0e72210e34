"""The plain-language rewriter: data-driven rewrite cases, the lexicon, protected spans,
the faithfulness fallback, the pipeline stage on the seed sample and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.plain import inflect
from briefing.cli import main
from briefing.config import BriefingConfig
from briefing.plain.faithful import check, protected_spans
from briefing.models import Attribution, KeyPoint
from briefing.plain.simplify import (
    REWRITES, Rewrite, guard, lexicon, lexicon_header, simplify_checked, simplify_point, simplify_sentence,
)

CASES = json.loads((Path(__file__).parent / "data" / "rewrite_cases.json").read_text(encoding="utf-8"))


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=case["input"][:50], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_rewrite_case(case):
    rewrite = simplify_sentence(case["input"], source=case.get("source"))
    assert rewrite.text == case["expected"]
    if not case.get("xfail"):
        assert list(rewrite.rules) == case["rules"]


@pytest.mark.parametrize("case", [c for c in CASES if not c.get("xfail")], ids=lambda c: c["input"][:50])
def test_every_case_passes_the_check(case):
    # The rules are built to be faithful: none of the curated cases needs the fallback.
    assert check(case["input"], case["expected"], source=case.get("source")).ok


def test_rules_are_named_and_ordered():
    assert list(REWRITES)[:5] == ["drop:heading", "drop:parenthetical", "move:dates", "drop:side", "drop:filler"]
    assert all(rule.name == name and rule.doc for name, rule in REWRITES.items())


@pytest.mark.parametrize("text, expected", [
    ("Jörg Heinrich (born December 6, 1969 in Rathenow) is a German football defender.",
     "Jörg Heinrich is a German football defender. Jörg Heinrich was born December 6, 1969 in Rathenow."),
    ("Marcel Junod (1904 - 1961), a physician from Geneva, was a famous delegate.",
     "Marcel Junod was a famous delegate. Junod was a doctor from Geneva. Marcel Junod lived from 1904 to 1961."),
])
def test_bracketed_life_dates_get_their_own_sentence(text, expected):
    r = simplify_sentence(text)
    assert r.text == expected
    assert r.rules[0].startswith("move:")
    assert check(text, r.text).ok


@pytest.mark.parametrize("text", [
    "Operation Overlord (6 June 1944 – 30 August 1944) was the invasion of Normandy.",
    "Fleetwood Mac (1967 – 1995) was a band from London.",
    "Shares rose (from 1990 to 2000) by a third.",
])
def test_bracketed_dates_of_things_are_not_a_life(text):
    assert not any(rule.startswith("move:") for rule in simplify_sentence(text).rules)


def test_lexicon_size_and_sources():
    entries = lexicon()
    assert len(entries) >= 1000
    header = " ".join(lexicon_header())
    for source in ("plainlanguage.gov", "gov.uk", "Open Government Licence", "public domain",
                   "written by the Briefing developers"):
        assert source in header
    assert {e.source for e in entries} == {"plainlanguage.gov", "gov.uk", "briefing"}
    phrases = {e.phrase for e in entries}
    for journalese in ("come under fire", "slam", "besiege", "pummel", "amid", "in a bid to", "allegation",
                       "spark outrage", "purchase", "commence", "approximately"):
        assert journalese in phrases
    assert all(e.pos in {"verb", "noun", "adj", "adv", "prep", "conj", "phrase", "initial"} for e in entries)


@pytest.mark.parametrize("text, expected", [
    ("Officials slam the plan.", "Officials criticise the plan."),
    ("The senator slams the plan.", "The senator criticises the plan."),
    ("Officials slammed the plan.", "Officials criticised the plan."),
    ("Officials were slamming the plan.", "Officials were criticising the plan."),
    ("The plan was widely slammed.", "The plan was widely criticised."),  # "widely": by many, a fact
    ("Amid the storm, Musk left.", "During the storm, Musk left."),
    ("Approximately 200 people came.", "About 200 people came."),
])
def test_inflection_and_capitals(text, expected):
    assert simplify_sentence(text).text == expected


def test_participle_or_past_by_context():
    # "commence" -> "start" is regular; "depict" -> "show" has its own participle.
    assert simplify_sentence("The film depicted the war.").text == "The film showed the war."
    assert simplify_sentence("The war has been depicted in films.").text == "The war has been shown in films."


def test_inflect_module():
    assert inflect.forms("slam", "verb") == {"VB": "slam", "VBZ": "slams", "VBD": "slammed", "VBN": "slammed",
                                            "VBG": "slamming"}
    assert inflect.forms("come under fire", "verb")["VBN"] == "come under fire"
    assert inflect.forms("allegation", "noun")["NNS"] == "allegations"
    assert (inflect.comparative("big"), inflect.superlative("easy")) == ("bigger", "easiest")


def test_noun_use_of_a_verb_entry_is_left_alone():
    # "purchase" is a verb entry: "the purchase" is a noun.
    assert simplify_sentence("The purchase was approved.").text == "The purchase was approved."
    assert simplify_sentence("They will purchase the land.").text == "They will buy the land."


# Words whose other sense the plain word would misstate: the sentence must keep its meaning.
OTHER_SENSES = [
    "Surgeons operated on the boy for six hours at the hospital in Leeds.",
    "The company operates in 40 countries and employs 3,000 people.",
    "Hundreds of people were exposed to the virus at the church in Fargo last month.",
    "Firefighters struggled to contain the fire for most of Tuesday.",
    "Muslims across the country observe Ramadan with their families.",
    "The suspect surrendered to police on Tuesday morning after a long standoff.",
    "The funeral was attended by more than 500 people from across the county.",
    "Clinton is 44 points ahead of her nearest rival in the latest poll of Democrats.",
    "The situation was dire enough that the government sent troops on Friday.",
]


@pytest.mark.parametrize("text", OTHER_SENSES)
def test_another_sense_of_a_lexicon_word_is_left_alone(text):
    assert simplify_sentence(text).text == text


def test_a_lexicon_word_in_its_own_sense_is_still_replaced():
    assert simplify_sentence("The company purchased 40 stores in the north of England.").text == (
        "The company bought 40 stores in the north of England."
    )
    assert simplify_sentence("Officials met on Tuesday ahead of the summit in Brussels.").text == (
        "Officials met on Tuesday before the summit in Brussels."
    )
    assert "key" in simplify_sentence("This is key for the families of the victims in the town.").text
    assert simplify_sentence("The report sparked an inquiry by the Federal Aviation Administration.").text.startswith(
        "The report caused"
    )


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


def test_fallback_to_original_when_the_check_fails():
    original = "Musk paid 200 dollars to Netanyahu."
    plain = guard(original, Rewrite("Musk paid some money.", ("made-up",)), source=None)
    assert plain.text == original
    assert plain.rules_applied == ()
    assert "number 200 missing" in plain.fallback_reason
    assert "entity missing: Netanyahu" in plain.fallback_reason


def test_fallback_keeps_a_safe_semicolon_split():
    original = "Israel and Gaza agreed a truce; hostages will be freed on Friday."
    plain = guard(original, Rewrite("Israel agreed a truce.", ("bad",)), source=None)
    assert plain.text == "Israel and Gaza agreed a truce. Hostages will be freed on Friday."
    assert plain.rules_applied == ("split:semicolon",)
    assert plain.fallback_reason


def test_simplify_point_carries_trace_and_readability():
    point = KeyPoint(
        sentence_ids=(3,), text="Israeli officials previously slammed Musk for offering help.",
        original="Israeli officials previously slammed Musk for offering help.", spans=((0, 60),), score=1.0,
        attribution=Attribution(source="Israeli officials", cue="slammed"),
    )
    plain = simplify_point(point, BriefingConfig())
    # The cue is the attribution's own word: kept as written.
    assert plain.text == "Israeli officials earlier slammed Musk for offering help."
    assert plain.rules_applied == ("lexicon:previously→earlier",)
    assert plain.fallback_reason is None
    assert set(plain.readability) == {"before", "after"}
    assert plain.to_dict()["rules_applied"] == ["lexicon:previously→earlier"]


def test_a_point_inside_a_quotation_whose_marks_are_elsewhere_is_kept_whole():
    # The middle sentence of '"We waited. It is very important ... rather than later. Everyone
    # deserves it," said Mayor Jane Holloway.': no mark of its own, but the mayor's words.
    text = "It is very important that the council basically commits the money now rather than later."
    point = KeyPoint(sentence_ids=(2,), text=text, original=text, spans=((0, len(text)),), score=1.0,
                     attribution=Attribution(source="Jane Holloway", cue="said", quote=text, carried_over=True))
    plain = simplify_point(point, BriefingConfig())
    assert plain.text == text
    assert plain.rules_applied == ("keep:quotation",)
    # the same words without the attribution are rewritten
    assert simplify_point(KeyPoint(sentence_ids=(2,), text=text, original=text, spans=((0, len(text)),),
                                   score=1.0), BriefingConfig()).text != text


# ---------------------------------------------------------------------------
# The seed sample, through the whole pipeline

SEED_PLAIN = {
    "Israeli TV reports the world’s richest man is lining up a visit following the storm surrounding "
    "allegations of anti-Semitic content on X/Twitter.":
        "Israeli TV reports the world’s richest man is planning a visit after the storm surrounding claims "
        "of anti-Semitic content on X/Twitter.",
    "The tech boss has come under fire over allegations he has failed to tackle the spread of hate speech "
    "on the platform.":
        "The tech boss has faced criticism over claims he has failed to deal with the spread of hate speech "
        "on the platform.",
    "Elon Musk is reportedly due to fly into Israel next week for meeting with the country’s leaders and to "
    "visit massacre sites.":
        "Elon Musk is reportedly due to fly into Israel next week for meeting with the country’s leaders and "
        "to visit sites of the killings.",
    "Israeli officials previously slammed Musk for offering help to international aid organisations working "
    "in Gaza.":
        "Israeli officials earlier criticised Musk for offering help to international aid organisations "
        "working in Gaza.",
    "The tech boss gas been caught up in an anti-Semitism storm after he was accused of endorsing a hateful "
    "conspiracy theory on X.":
        "The tech boss gas been caught up in an anti-Semitism storm after he was accused of supporting a "
        "hateful conspiracy theory on X.",
}


@pytest.fixture(scope="module")
def seed_briefing():
    from briefing.text.extract import source_from_text
    from briefing.pipeline import summarize
    from tests.conftest import SEED

    config = BriefingConfig(points=10)
    return summarize(source_from_text(SEED.read_text(encoding="utf-8"), config), config)


def test_seed_sample_plain_points(seed_briefing):
    b = seed_briefing
    assert len(b.plain_points) == len(b.key_points)
    found = 0
    for point, plain in zip(b.key_points, b.plain_points):
        assert plain.original == point.text
        assert plain.fallback_reason is None
        assert check(point.text, plain.text, source=point.attribution.source if point.attribution else None).ok
        if point.attribution:
            assert point.attribution.source in plain.text
            if point.attribution.cue:
                assert point.attribution.cue in plain.text
        if point.text in SEED_PLAIN:
            assert plain.text == SEED_PLAIN[point.text]
            found += 1
    assert found >= 3
    assert b.readability["after"]["fkgl"] < b.readability["before"]["fkgl"]
    data = b.to_dict()
    assert data["plain_points"][0]["rules_applied"] == list(b.plain_points[0].rules_applied)


# ---------------------------------------------------------------------------
# Command line


def test_cli_simplify_one_line_per_line(tmp_path, capsys):
    path = tmp_path / "in.txt"
    path.write_text("Israel and Gaza agreed a truce; hostages will be freed on Friday.\n\n"
                    "It is particularly famous for the cultivation of kiwifruit.\n", encoding="utf-8")
    assert main(["simplify", str(path)]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines == ["Israel and Gaza agreed a pause in fighting. Hostages will be freed on Friday.", "",
                     "It is particularly famous for the growing of kiwifruit.", ""]


def test_cli_simplify_trace(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Officials slammed the plan.\n"))
    assert main(["simplify", "--trace", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record == {"input": "Officials slammed the plan.", "text": "Officials criticised the plan.",
                      "rules": ["lexicon:slammed→criticised"], "ok": True, "reasons": [], "fallback_reason": None}


def test_cli_simplify_missing_file(capsys, tmp_path):
    assert main(["simplify", str(tmp_path / "nope.txt")]) == 2
    assert "Cannot read" in capsys.readouterr().err


def test_cli_summarize_shows_plain_then_original(capsys):
    from tests.conftest import SEED

    assert main(["summarize", str(SEED), "--points", "5"]) == 0
    out = capsys.readouterr().out
    assert "Original: " in out
    assert "faced criticism" in out


def test_simplify_checked_rules_by_default():
    plain = simplify_checked("Officials slammed the plan.")
    assert plain.text == "Officials criticised the plan."


# ---------------------------------------------------------------------------
# Splits added for news key points: each keeps its attribution and is traced by name


@pytest.mark.parametrize("text, expected, rule", [
    ("The bodies of at least two National Guard members were recovered Thursday, and the remains of the other "
     "two were believed to be in the wreckage, the Guard said.",
     "The bodies of at least two National Guard members were recovered Thursday, the Guard said. "
     "The remains of the other two were thought to be in the wreckage, the Guard said.",
     "split:attributed"),
    ("Jakarta — Turkish officials have detained 16 Indonesian citizens who confessed they were planning to cross "
     "the border into Syria, Indonesia's foreign ministry said.",
     "Jakarta — Turkish officials have held 16 Indonesian citizens, Indonesia's foreign ministry said. "
     "The Indonesian citizens confessed they were planning to cross the border into Syria, "
     "Indonesia's foreign ministry said.",
     "split:restrictive:who"),
    ("An officer shot and killed an unarmed man who was running around in a metro Atlanta apartment complex.",
     "An officer shot and killed an unarmed man. The unarmed man was running around in a metro Atlanta "
     "apartment complex.",
     "split:restrictive:who"),
    ("Melissa was sold into the sex trade by a family member when she was only 12 years old.",
     "Melissa was sold into the sex trade by a family member. This was when she was only 12 years old.",
     "split:subordinate:when"),
])
def test_news_splits(text, expected, rule):
    rewrite = simplify_sentence(text, source=None)
    assert rewrite.text == expected
    assert rule in rewrite.rules
    assert check(text, rewrite.text).ok


@pytest.mark.parametrize("text", [
    # The clause belongs to "arrest", not to "student": left alone.
    "Student leaders scheduled a campus forum to discuss the bloody arrest of a 20-year-old student that "
    "prompted protests at the university.",
    # A relative clause followed by the main verb.
    "Police in Texas said on Monday that a man who stole a car was arrested at the border.",
    # "when" inside what someone said would lose its attribution.
    "The family told police that Tammy Meyers was giving her daughter a driving lesson when there was a clash.",
    # "when it comes to", "unclear when", "two weeks after": not a time of the main clause.
    "It was unclear when the photos of the president were released by the Kremlin last week.",
    "Thousands of demonstrators marched in the capital Sunday less than two weeks after gunmen attacked a museum.",
    # "even though" is one conjunction.
    "The auction was pulled from the site, and eBay was flooded with similar auctions even though the copycats "
    "lacked certificates.",
])
def test_news_splits_left_alone(text):
    # (Each of these was split, wrongly, by a rule before its guard was added.)
    rewrite = simplify_sentence(text)
    assert not any(r.startswith(("split:restrictive", "split:subordinate", "split:attributed")) for r in rewrite.rules)


# What a rewrite must say (a fragment of the output), and what it must never say, by
# the rule or guard each case holds. Each case is a sentence from the news points or
# ASSET valid where the rewriter once went wrong, or a rule's own example.
SAYS = [
    # a speech act after the main verb is the subject's
    ('On Friday, Jonathan referenced the Gwoza victory in a broadcast to the nation, praising Nigeria\'s armed '
     'forces for their "immense sacrifices" in defending the nation.',
     'Jonathan praised Nigeria\'s armed forces for their "immense sacrifices"'),
    # a participle phrase after the subject becomes its own sentence, in the main verb's tense
    ("Tributes The Gould League, founded in Australia in 1909, was named after him.",
     "The Gould League was founded in Australia in 1909."),
    ("Tairod Nathan Webster Pugh, accused of making the foiled attempt in January, was indicted by a grand jury "
     "on charges of obstruction of justice, the U.S. Justice Department said.",
     "Pugh was accused of making the foiled attempt in January, the U.S. Justice Department said."),
    # "adding that" after a verb of saying is the speaker's, whatever clause came between
    ('U.S. Secretary of State John Kerry said Saturday that "we need to close ... gaps" with Iran in talks about '
     'its nuclear program, adding that those negotiating with Iranian officials "are deeply committed to '
     'ensuring that Iran does not obtain a nuclear weapon."', "program. Kerry added that those negotiating"),
    ('The governor told reporters the state would appeal the ruling, adding: "We will win this."',
     'The governor added: "We will win this."'),
    # relative clause is named for what it is about
    ("Di Maria was booked for simulation and took his protests too far by grabbing the official, which led "
     "to his instant dismissal.", "This led to his instant dismissal."),
    ("The companion series, which starts as a prequel to the original, will be titled \"Fear The Walking Dead\" "
     "when it airs this summer on AMC.", "It starts as a prequel"),
    # a clause split from an attributed sentence keeps the source in both sentences

    ("The officer was white; the deceased man was African-American, Alexander said.",
     "The officer was white, Alexander said."),
    ("Strong currents held back the search, which lasted until Friday evening, Cayman 27 reported.",
     "Strong currents held back the search, Cayman 27 reported. The search lasted until Friday evening, Cayman 27 reported."),
    # adverbs that narrow the fact stay
    ("Melvin Novak was sexually abused by his scoutmaster for two years in a row.", "sexually abused"),
    ("Fans can now report incidents anonymously by pressing a button in the app.", "anonymously"),
    # relative clause split with the parser
    # The parser ties the clause to the noun before the comma, even behind a preposition.
    ("Rescuers found the small child hanging upside down in the car, which had crashed into a very cold "
     "Utah river a day before.", "in the car. The car had crashed into a cold Utah river a day before."),
    # The clause's sentence comes before the next clause, so "It" still means the genocide.
    ("He was criticised for the failure to act during the genocide, which left over 1 million people dead, "
     "and he appeared unable to muster support for intervention in the war.",
     "genocide. The genocide left over 1 million people dead. He appeared"),
    # verbs that share a subject become sentences
    ("The former Major League Baseball pitcher recently fired off a series of fastballs and mowed down a "
     "group of Twitter trolls.", "fastballs. The pitcher mowed down a group of Twitter trolls."),
    ("The 42nd vice president served under Carter between 1977 and 1981, and later ran for President, but "
     "lost to Ronald Reagan.", "1981. The vice president later ran for President"),
    # legal terms keep their words
    ("He pleaded guilty Monday to one count of attempted sexual assault.", "attempted sexual assault"),
    ("He pleaded guilty to two counts of attempted murder.", "pleaded guilty to two counts of attempted murder"),
    ("She attempted to climb the wall of the old prison.", "She tried to climb"),
    # words that carry the fact stay
    # A list item after a comma is not a side clause: the charges all stay.
    ("Erich Nowsch Jr. faces charges of murder with a deadly weapon, attempted murder and firing a gun from "
     "within a car.", "attempted murder and firing a gun"),
    # A long participle phrase says why: it stays.
    ("Hundreds of thousands of protesters gathered in cities across Brazil this weekend, incensed by serious "
     "economic woes and a massive scandal involving the country's oil company.", "angry about serious"),
    # "that" is the subject here, not the word that opens the clause.
    ("Herzog says that doesn't bother him at all.", "says that doesn't"),
    # lexicon phrases in their sense
    ("In 1838 Thomas Icely asked that a village be established to service his estate.", "be set up to service"),
    ("He was considered by many to be a saint.", "considered by many"),
    ("Young established many professional pitching records in the majors.", "established many"),
    ("Bergman stated that the film would be his last, and that afterwards he would focus on directing theatre.",
     "his last, and that afterwards he would focus"),
    # focus adverb after a comma stays
    # Without "mainly", all 537 deaths would be in Haiti.
    ("At least 537 deaths were blamed on Hurricane Hanna, mainly in Haiti.", "mainly in Haiti"),
    # Without "especially", "Belarus, the genocide of the Jews" reads as an appositive: false.
    ("He later claimed this was due to a breakdown connected with the ethnic cleansing in Belarus, especially "
     "the genocide of the Jews.", "especially the genocide"),
    # adverbs that grade a quality stay
    ("The video shows three warmly dressed females standing with luggage outside a car.", "warmly dressed"),
    ("He was one of the first openly gay members of parliament in the country.", "openly gay"),
    ("Chlamydia is easily treated with antibiotics in most patients.", "easily treated"),
    # shared auxiliaries go with the second verb
    ("The suspect was arrested at his home in Ohio on Monday and charged with murder.",
     "Monday. The suspect was charged with murder."),
    ("They will float to the top platform level and then descend to harass and attack Zub.",
     "They will then descend"),
    ("Victoria Island is an island in the Canadian Arctic Archipelago and lies across the boundary between "
     "Nunavut and the Northwest Territories.", "Victoria Island lies across"),
    # side phrases keep their facts
    ("Moderate flooding was reported in Acapulco, resulting in mudslides in some areas.",
     "This resulted in mudslides in some areas."),
    ("In 2006, Phil Downing left the band, citing communication problems with other members.",
     "Downing cited communication problems"),
    # Scope, time and reasons stay: without them the claim is broader than the article's.
    ("On both of these topics, founder Dror Ben-Ami says, Prime Minister Benjamin Netanyahu has failed.",
     "On both of these topics"),
    ("The riot continued into the early morning, until police used fire brigade water hoses to disperse the crowd.",
     "until police used"),
    ("It is sometimes recommended to combat diarrhea, since it is high in pectin.", "high in pectin"),
    # third review of unseen news: an appositive describes a person at the sentence's time
    ("She couldn't see her legs, but she saw her bones lying next to her on the sidewalk, she testified.",
     "She couldn't see her legs, she testified."),
    ("Police were called to the school amid the protests over the new rules on Monday morning.",
     "during the protests"),
    ("Furthermore, Toobin said, Durst had a microphone on during the interview with the filmmakers.",
     "Also, Toobin said, Durst"),
    ("Green, a 22 year veteran of the police force, is survived by his parents, brother and four sons.",
     "Green was a 22 year veteran of the police force."),
    ("Rahima Begum, the older sister of Shamima Begum, says the family had no idea of her plans.",
     "Rahima Begum is the older sister"),
    ("Liu Ping, a 45-year-old mother and grassroots activist, languishes in jail right now.",
     "Liu Ping is a 45-year-old mother"),
    ("North Korea quickly called the stabbing a \"knife attack of justice\" and said it reflected \"anti-U.S. "
     "sentiment\" in South Korea.", "North Korea said it reflected"),
    ("Police discovered the burned-out automobile the morning after the murder but did not find the body.",
     "But police did not find the body."),
    ("Complicating matters, very few of the bodies have been found whole, Yves Naffrechoux, captain of rescue "
     "operations, told CNN on Friday.", "Yves Naffrechoux, captain of rescue operations, told CNN"),  # (a role in a
    # past-tense clause stays where it is: "is" may be false by now, "was" says he no longer is)
    ("After chowing on pork bao bao (pork buns) and pineapple fried rice, you're ready for a drink.", "(pork buns)"),
    ("The robbers then made off with cash worth a few hundred thousand rupees (thousands of dollars), laptops and "
     "other articles, Salim said.", "(thousands of dollars)"),
    ("Country A is a small nation with a long history of tax evasion, government debt defaults and a "
     "dysfunctional business climate.", "Country A is a small nation"),
    # parentheticals that carry a fact stay
    ("He snaps, lashing out (allegedly) at the nearest underling who could be held responsible.", "(allegedly)"),
    ("Like many successful men (and women), he could work hard because he had support at home.", "(and women)"),
    ("Like 70,000 other refugees, Farah (her name and the others in this article have been changed to protect "
     "their anonymity) now lives with her family in Zarqa.", "(her name and the others"),
    # lexicon leaves a noun alone when the entry is a verb or adjective
    ("Thousands of human remains, animal bones and tools were excavated between 1899 and 1905.", "human remains"),
    ("The decryption key is trivially related to the encryption key in that case.", "decryption key"),
    ("A dogfight, or dog fight, is aerial combat between fighter aircraft at short range.", "aerial combat"),
    # a bare plural subject said again in the past is "The ..." (the same ones, not any)
    ("Bombings at two mosques in Sanaa last week killed at least 137 people and wounded hundreds more.",
     "The bombings wounded hundreds more."),
    ("Last week, crowds chanted for days, calling for justice for Farkhunda and \"death for her killers.\"",
     "The crowds called"),
    # an adjective that says which one stays with the noun said again
    ("The average aviator has superior intellectual and cognitive abilities, and is psychologically stable and "
     "reliable.", "The average aviator is psychologically stable"),
    # "There," with its comma after a "where" split
    ("The procession Sunday weaved past a number of notable Singapore landmarks on the way to the University "
     "Cultural Centre, where the state funeral service took place.", "There, the state funeral service took place."),
    # a relative clause taken out leaves no comma before "to"
    ("On Tuesday, it emerged that Clinton would name Brian Fallon, who has also good ties with reporters, to be "
     "lead press secretary.", "Brian Fallon to be lead press secretary."),
    # review 7: a speaker alive in a sentence that reports another's death keeps "is"
    ("Henry Solis, a Los Angeles Police Department rookie, is accused of killing 23-year-old Salome Rodriguez Jr. "
     "early in the morning of March 13 in Pomona.", "Solis is a Los Angeles Police Department rookie."),
    ("Bruno Masarotto confirmed that Jean-Claude Tissier, a former municipal councilor for Aussillon, was one of "
     "the French citizens killed.", "Tissier was a former municipal councilor"),
    ("Mention The Stomp in a diner or bar in Kentucky and you best be prepared for a string of expletives about "
     "how Laettner is the vilest human on Earth.", "Mention The Stomp"),
    ("The officer being sprayed with wasp spray picked up a bag and threw it at White to slow him down, but the "
     "suspect still barged through, Richel told reporters.", "barged through, Richel told reporters."),
    ("Former One Direction member Zayn Malik spoke for the first time since leaving the group this week -- and "
     "said he's sorry for the pain he's caused.", "Malik said he's sorry"),
    ("Furthermore, Toobin said, Durst had a microphone on during the interview with the filmmakers.",
     "Also, Toobin said, Durst"),
    # review 8
    ("With this in mind, it is clear that the Tunisian state has done a poor job of recruiting its citizens into "
     "the fold, which has left space for terrorists to make a pitch for young Tunisians.", "This has left space"),
    ("The incident exposes feelings of distrust between Ferguson's black community and its Police Department, "
     "which is overwhelmingly white.", "The Police Department is overwhelmingly white."),
    ("The future king was photographed on the ski slopes of Europe and tried his hand at water skiing, surfing "
     "and scuba diving.", "The future king tried"),
    ("The overall number of hate groups peaked in 2011 and has been on the decline since.",
     "The number of hate groups has been"),
    ("He tries to smile, but an expression of sadness quickly returns to his face.", "But an expression"),
    ("Other opposition figures previously jailed or killed include Anna Politkovskaya, a journalist critical of "
     "Russia's war in Chechnya.", "Politkovskaya was a journalist"),
    ("Check out The Lift Garage website at www.theliftgarage.org and see how to help.", "Check out The Lift Garage"),
    # review 9
    ("Its doodle depicted women in several different professions, including a scientist.", "Its doodle showed"),
    ("\"Man up\" might mean toughen up and be unemotional, said another boy, who added that his image of what a man "
     "should be is completely different.", "The boy added"),
    ("Ramos is in the process of leaving the club after six seasons in Madrid.", "Ramos is leaving"),
    # review 10
    ("She was released in December but she still couldn't leave because her passport had not been returned.",
     "This was because"),
    ("The minister will hit out at critics in a new interview.", "will criticise"),
]
NEVER_SAYS = [
    # unsure clause splits keep the sentence: a split that reads a clause as belonging to the
    # wrong noun invents a fact the check cannot see ("Friday contradicted her son's claims")
    ("The Glendale Police Department released dash cam video of the encounter Friday, which contradicted "
     "her son's claims.", "Friday contradicted"),
    ("Denise Huskins and her boyfriend Aaron Quinn, who reported the kidnapping Monday, are no longer "
     "cooperating with police, Park said.", "Quinn reported"),
    ('Clarkson, who fronts Top Gear, later said an angry mob tried to attack them with pickax handles and '
     'shouted "burn their cars."', "Clarkson later shouted"),
    ('Actor Jon Hamm, who plays hard-drinking Don Draper on the hit AMC show "Mad Men," has recently '
     'completed a 30-day stint in rehab for alcohol abuse, TMZ reports.', "Hamm TMZ"),
    ("Andreas Lubitz joins the short and infamous list of airline pilots, a handful over the past two "
     "decades, who have used their airplanes to combine suicide with mass murder.", "decades have used"),
    ("Denise Huskins, who was reported kidnapped two days ago in Vallejo, California, has been found safe "
     "more than 400 miles away, authorities said.", "Huskins California"),
    ("Sharper and his lawyer had a telephone meeting with Judge Warren Granville, where the former player "
     "changed his plea.", "There the former player"),
    # relative clause the parser is unsure of stays
    # A place name after a preposition: the school became known, not Hartford.
    ("The two men raised money to found a school for deaf students in Hartford, which later became known as "
     "the American School for the Deaf.", "Hartford later became"),
    # The parser's clause runs past the first comma: "Bihar" must stay in the clause.
    ("The armies were recruited from Muslims in the Bengal Presidency, which was made up of Bengal, Bihar and "
     "Uttar Pradesh, and high caste Hindus recruited from the rural plains of Oudh.", "made up of Bengal."),
    # appositive split only where the parser agrees
    # A list of nationalities is not a name and its appositive.
    ("They include four Filipinos, an Austrian, a Czech and a Ghanaian, according to the Philippine foreign "
     "ministry.", "Filipinos is"),
    # The hometown is Louisville's, not Kentucky's.
    ("The first scheduled show will take place in Louisville, Kentucky, the hometown of 3rdEyeGirl drummer "
     "Hannah Welton.", "Kentucky is"),
    # "after all" is not a role.
    ("Pichette, after all, did not practice work/life balance.", "is the after all"),
    # The spokesman is Lai Mohammed's role; the party is the opposition party's name.
    ('"There\'s been so much violence in Rivers state that it\'s just not tenable," said Lai Mohammed, '
     'spokesman for the main opposition party, the All Peoples Congress.', "Mohammed, the All Peoples Congress"),
    # splits and drops the parser rules out
    # "after a hard day's work" is a preposition's phrase, and "finds" is the employer's verb.
    ("A well-heeled employer goes back to his hotel after a hard day's work and finds no hot dinner on the table.",
     "This was after"),
    # "cowardly" is an adjective, not a filler adverb.
    ("The cowardly and reprehensible shooting Wednesday night of two police officers came in a tumultuous "
     "seven days for the Missouri town.", "The and"),
    # A quotation's comma cannot end a sentence.
    ('John Kerry acknowledged "the days are ticking by," but that doesn\'t mean there\'s an urgent rush to '
     'reach an agreement.', ',".'),
    # coordination left alone or worded right
    ("Niccolò Machiavelli, author of The Prince, also witnessed and wrote about the execution.", "also saw."),
    # "tried and acquitted of participating": both verbs share "of participating".
    ("In 1974 he was tried and acquitted of participating in the raid that rescued Baader.", "he was tried."),
    ("Uses Tar was also used as seal for roofing shingles and to seal the hulls of ships and boats.", "Tar to seal"),
    ("For example, a shop might give away its stock in its promotion, but producing these goods would still "
     "have required the use of scarce resources.", "the shop making"),
    ("On the outbreak of war in August 1914, the regiment went to France and was engaged in the early fighting.",
     "was taken part"),
    ("Burrendong Arboretum is a sanctuary for endangered Australian flora and covers 1.60 km².", "put at risk flora"),
    # dash splits need a clause on each side
    # The closing dash of a pair is not a place to split.
    ("The auction house is offering an untitled work by Italian sculptor Maurizio Cattelan that chronicles -- in "
     "painstaking and painful detail if you are English -- every defeat suffered by the England team.",
     "Every defeat suffered"),
    # After the dash comes a noun phrase, not a clause.
    ('The 46-year-old pop star will be performing a 90-minute show of her hits at the "world\'s richest day of '
     'horse racing" -- the 20th Dubai World Cup hosted at Meydan on Saturday, March 28.', "The 20th Dubai"),
    ("The workers are being housed near hospitals, and if they show signs of the disease, they'll be admitted as "
     "patients -- as was the case with one worker in Nebraska.", "As was the case"),
    # conjunction splits the parser rules out
    # A list of names is not a clause before ", and".
    ("Paul McCartney, Patti Smith, Beck, and John Legend are ready to rock Cleveland.", "Beck."),
    # "had been recruited" is what the family told CNN, not something the family did.
    ("Musallam's family on Tuesday told CNN that he had no ties with the Mossad, Israel's spy agency, and had, in "
     "fact, been recruited by ISIS.", "family on Tuesday had"),
    # "is looking into the claim" is the department's, in what the official said.
    ("A Defense Department official told CNN that it cannot confirm the validity of the online posting, but is "
     "looking into the claim.", "official is looking"),
    ("Falardeau mourned her boy's missing arm for years but, in time, embraced her son as he was.", "Falardeau ,"),
    # splits and drops that would break the sense
    # The area straddles the border, not the kilometres: the verb's number says so.
    ("The National Capital Region consists of an area of 5,319 square kilometres that straddles the boundary "
     "between the provinces of Ontario and Quebec.", "The square kilometres"),
    # A semicolon inside brackets separates two measures, not two sentences.
    ("The highest elevation in Puerto Rico, Cerro de Punta (4,390 feet; 1,338 m), is located in this range.",
     "feet."),
    # "further" is a comparison, not a filler.
    ("The Festspielhaus also features a double proscenium, which gives the audience the illusion that the stage "
     "is further away than it actually is.", "is away"),
    # list semicolons participles and places keep their sense
    # A semicolon between list items or before an explanation is not a sentence break.
    ("Among his published works were Peace, a Lyric Poem (1814); Resignation (1817); The Triumph of "
     "Christianity (1819); and The Soldier's Friend (1828).", "(1814)."),
    ("He has also appeared in many highly-acclaimed television dramas such as The Lakes, State of Play and two "
     "BAFTA award-winning serials; Clocking Off and Sex Traffic.", "serials."),
    # "had been cut off and discarded": the participle, so "thrown away", and no "The nose threw away".
    ("By that time the asymmetrical nose had been cut off and discarded, possibly for additional air flow to "
     "the radiator.", "threw away"),
    # "in the region of" a place is not "about" it.
    ("Aigné is a commune in the Sarthe department in the region of Pays-de-la-Loire in northwestern France.",
     "about Pays"),
    # asides and nominations keep their sense
    # "-- that is, all but seven --" explains "47 Republican Senators": not a sentence of its own.
    ("On Monday, 47 Republican Senators -- that is, all but seven -- sent a letter to Iran that appeared aimed "
     "at scuttling the talks.", "That is, all but seven."),
    # "nominated for an Emmy" is not "named for an Emmy".
    ("He has been nominated for an acting Emmy seven times for Mad Men but has never won.", "named for"),
    # "combined with" joins a cause to the subject: the two together led to it
    ("This sexual imbalance, combined with the effective enslavement of the Tahitian men by the mutineers, led "
     "to insurrection and the deaths of most of the men.", "This sexual imbalance led to"),
    # an event's participle is not restated in the present tense
    ("The old bridge, built in 1900 by local workers, is the oldest one still standing in the county.",
     "is built in 1900"),
    # "adding" that is not words said stays where it is
    ("Local police said the suspect fled the scene in a stolen car, adding to fears in the quiet town.",
     "police added"),
    ("Serena Williams has certainly, too, shown her mental toughness over the years, adding 18 grand slam "
     "singles titles to the one she won prior to 2001.", "Williams added"),
    # a clause inside what someone said stays there: split off, it would lose its source
    ("Authorities said the man who died at the River Oaks Mobile Home Park had been trying to help his father, "
     "who was injured, according to CNN affiliate KJRH.", "His father was injured."),
    ("Executive producer Robert Kirkman announced Friday that the companion series, which starts as a prequel to "
     "the original, will be titled \"Fear The Walking Dead.\"", "It starts as a prequel"),
    # a source the split could not repeat: the sentence stays whole
    ("The explosions, which struck the Nishtar Colony area in the city of Lahore, wounded at least 78 people, said "
     "Dr. Muhammed Saeed Sohbin, medical superintendent at Lahore General Hospital.", "They struck"),
    # brackets that set a condition stay
    ("While pipelining can in theory increase performance over an unpipelined core by a factor of the number of "
     "stages (assuming the clock frequency also scales with the number of stages), in reality, most code does not "
     "allow for ideal execution.", "stages, in reality"),
    ("The fourth and fifth digits designate the number of the urban area (in a district-free city) or the district "
     "(in a city with districts).", "urban area or the district"),
    ("He served as an Offizier für wehrgeistige Führung (political officer) at the antiaircraft artillery school.",
     "Führung at"),
    ("In practice, however, the definition means that clocks should compensate for the effects of the ambient "
     "temperature.", "meaning means"),
    # found on unseen news (cnndm_dev articles 400-600)
    ("After he handed over the cash, Meng said the man ordered him to drive.", "Then Meng said"),
    ("Tiger Woods won't be playing at Arnold Palmer's charity tournament next week, but he still hopes to be lining "
     "up with the golf legend at the season's opening major.", "planning with"),
    ("If Vonn wins tomorrow she will equal Swede Ingemar Stenmark, who owns an overall record of 19 crystal globes.",
     "crystal worlds"),
    ("Huskins' 2000 White Toyota Camry was found in Vallejo and may have been moved from the residence, Park said.",
     "Camry may"),
    ("Several additional fragments of the Codex Tchacos came to light after Bruce Ferrini, the dealer who owned the "
     "codex for some time, went bankrupt.", "Ferrini, went"),
    ("Zhanna Nemtsova said she believes his death will only deter other opposition voices, rather than embolden "
     "them.", "instead of embolden"),
    ("According to Variety, two weeks before the season finale, which is set to air on March 18, ratings were up "
     "53% from its January 7 premiere in the coveted 18-49 demo.", "It will air on March 18."),
    ("According to exit polls, Mitt Romney had a ten-point lead over Obama among the high-earning group in 2012, "
     "but still lost the election.", "lost the election, according to exit polls"),
    ("Rendell noted that Ronald Reagan appeared unsteady in his first debate against Walter Mondale in 1984, and "
     "some speculated about his health at the time.", "1984. Some speculated"),
    ("Yet ISIS experts say some of Khorasan's militants have defected to join ISIS, and those defectors in turn "
     "sent recruiters to Afghanistan to try to bolster their ranks.", "ISIS. Those defectors"),
    ('On the pilot side, the network has Afghanistan drama "White City" and contentious comics adaptation '
     'Preacher in the works.', "The network disputed"),
    ("(CNN)Budi, an adorable baby orangutan, is on the road to recovery after an animal shelter in Indonesia "
     "rescued him.", "CNN)Budi is"),
    ("The act would require that a union be deemed as legitimate when it had the support of a majority of "
     "employees and imposed tough penalties on employers who tried to punish workers.", "This was when"),
    ("Whether the deal holds remains to be seen, officials in the capital said on Friday night.", "stays to be seen"),
    ("We have never heard that type of explicit hateful language from the players on the team before.",
     "clear hateful"),
    ("The debate over immigration policy heated up last spring during the campaign in the state.", "angry up"),
    ("Amy follows a poorly received biopic, Fallen Star, released two years ago in cinemas.", "poorly got"),
    ("The stalwart female judge, Shahla Zaland, told reporters that the court would sit again on Monday.",
     "loyal supporter female"),
    ("The company wants to serve the community and get ahead of the curve rather than wait for new rules.",
     "before the curve"),
    ("The families were demanding answers sooner rather than later from the police in the city.", "instead of later"),
    ("Officials said the Yemeni air base was recently evacuated by U.S. forces after the fighting spread.",
     "moved out by"),
    ("The sheriff's office named the deceased as 58-year-old Nancy Blum on Monday.", "the dead as"),
    ("Investigators sometimes find the deceased has grabbed at the rope before losing consciousness.", "the dead has"),
    # quotation marks written as doubled apostrophes are quotation marks too
    ("''Secretary Clinton believes that American businesses need to break free from the tyranny of today's "
     "earnings report,'' said Mike Schmidt, an economic policy adviser at the Clinton campaign.",
     "Clinton believes American"),
    # from a review of 550 rewrites of unseen news (PolNeAR dev and cnndm_dev 600-700)
    ("Police said he seized a .40-caliber handgun from the car on Monday.", "a.40"),
    ("The panel was told penalties got results in pushing people to pay their taxes on time.", "leads to"),
    ("The reporter was in effect daring him to say it on air in front of the whole country.", "bold him"),
    ("They have been calling for extended periods of time to be allowed for the tests next year.", "times of time"),
    ("The group is part of the Opportunity Agenda set up by the governor last year in the state.", "Chance"),
    ("Chelsea had to overcome a 2-1 deficit in the second leg to reach the final.", "shortfall"),
    ("A big question remains about who will pay for the new stadium in the city.", "stays"),
    ("The company could emerge from its first bankruptcy by the end of the year, its lawyers said.", "appear from"),
    ("North Carolina passed a law requiring transgender people to use restrooms matching their birth sex.",
     "needing"),
    ("Virginia's congressional delegation wrote to the secretary on Monday about the base closure.",
     "congressional group"),
    ("Militants who have pledged allegiance to ISIS have carried out attacks in the region this year.",
     "promised allegiance"),
    ("The solar plane is designed to fly around the world fueled only by the sun's rays.", "increased only"),
    ("Hillary Clinton's aides said she would not attend the dinner in New York on Friday.", "advisers"),
    ("Representatives for the star couldn't be immediately reached for comment on Friday night.", "at once reached"),
    ("A majority of the full committee must be present for the vote to go ahead next week.", "Most the full"),
    ("All three of that woman's children were unresponsive when officers encountered them Friday evening, "
     "including a 7-year-old girl who was reported dead soon thereafter, according to the Palm Bay police.",
     "The year-old girl"),
    ('In his statement Tuesday, Jonathan said; "I promised the country free and fair elections.', "Jonathan said."),
    ("Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark first as a compliment -- ''That makes "
     "me smart'' -- and, when questioned after the debate, asserting, ''Of course, I pay federal taxes.''",
     "taxes.'' ''That"),
    ("Houthi rebels and the government began doing battle in 2004, but arrived at a ceasefire in 2010, according "
     "to the CIA World Factbook.", "But Houthi rebels arrived"),
    ("Though that transition was relatively seamless, he said, replacing Clinton would be much more acrimonious "
     "and could lead to intense lobbying by loyalists.", "That transition was relatively seamless."),
    ("On May 2, he will finally go toe to toe with American welterweight boxing champion Floyd Mayweather Jr. in "
     "Las Vegas -- the fight most boxing fans have wanted to see for years.", "The fight most"),
    ("Mr. Obama immersed himself in the scientific literature, which left little doubt that the planet was warming "
     "at an accelerating rate.", "This left little doubt"),
    ("They fear it could prompt hardliners in Tehran to push for killing the talks, which would scuttle the "
     "chances of a deal altogether.", "They would scuttle"),
    ("The one that (kind of) hit Atlanta and the one that hit everywhere else.", "that hit Atlanta"),
    ("Chief Justice Moore even compared refusing marriage licenses to gay couples to refusing to enforce the 1857 "
     "Dred Scott v. Sandford decision (which upheld the legal status of slaves as property).", "decision."),
    ("In return, the jailed leader notably pronounced disarmament intentions and called for a ceasefire in his "
     "Persian New Year's letter in 2013.", "The jailed leader notably"),
    ("These voters specifically point to the 1994 crime bill, which put more police officers on the streets, but "
     "also led to tougher sentences for nonviolent drug offenders.", "bill, but also"),
    # from a second review of unseen rewrites
    ("Last year, a Moscow court sentenced five men to prison for the 2006 killing of Russian journalist and fierce "
     "Kremlin critic Anna Politkovskaya.", "The court fierce"),
    ("It seems that Hillary has found her outer woman, which is to say, she's found the person that she wants to "
     "present on the campaign trail.", "is to say."),
    ("The most recent arrests were in 2011, when he protested the results of parliamentary elections, and in 2012, "
     "when tens of thousands protested against Putin.", "This was when"),
    ("Admiration from celebrity and ordinary viewers -- many said to be moved to tears -- poured in almost "
     "immediately.", "Many said to be moved to tears."),
    ("A French family was seated behind Hilton, and the father leaned over his kids during one of Hilton's rants, "
     "a flight attendant told authorities, according to court papers.", "authorities.,"),
    ("A little more than a year later, in Paris, the United States led negotiations among 195 countries that led "
     "to the most significant climate change agreement in history.", "The countries led"),
    ("Her last known apartment was just blocks from the last listed address of Ailina and Bella Tsarnaeva, her "
     "sisters-in-law.", "Tsarnaeva is"),
    ("The writers of the report combed through the filings of the Fortune 500 for 2015 and found that 73 percent "
     "''maintained subsidiaries in offshore tax havens.''", "havens.''."),
    ("The soldier was badly injured in the blast on Monday and died in hospital two days later.", "was died"),
    # idioms and other senses of a lexicon word
    ("She accused the standout driver of grabbing her by the throat and slamming her head against a wall in his "
     "motor home.", "criticising"),
    ("After police caught up with him, the man was found guilty of causing aggravated damage, fined and given a "
     "suspended sentence.", "worsened damage"),
    ("And all other things are never equal in our world, by definition.", "by meaning"),
    ("Herzog, in a speech almost immediately after Netanyahu's address to Congress, promised to work with the "
     "United States and European powers, not against, to ensure the safety of Israel.", "make sure the safety"),
    ("Herzog, in a speech almost immediately after Netanyahu's address to Congress, promised to work with the "
     "United States.", "at once after"),
    ("A wall of water and mud surged through Sam Upan's house, toppling the walls of the neighboring church.",
     "rose sharply through"),
    # dropping a filler fixes the article before it
    ("The polls suggested he was in a dead heat, with a very even split between right-wing and left-wing "
     "parties.", "a even"),
    # a phrasal replacement cannot stand before a noun
    ("Farah now lives with her family in Zarqa, a poor Jordanian city teeming with factories and crumbling "
     "apartment blocks.", "falling apart apartment"),
    # a swap that repeats a word beside it reads as a stutter
    ("He tries to initiate the beginning of a new era in the long history of the city council.", "start the start"),
    ("The lucha libre wrestling show drew thousands of fans to the arena in Mexico City on Sunday night.",
     "wrestling wrestling"),
    # compounds keep their first word: car keys, a baseball position, a strong team
    ("Police in the city are warning drivers about a rise in key snatchings from parked cars this winter.",
     "main snatchings"),
    ("He was the designated hitter for the Yankees in the final game of the season last year.", "named hitter"),
    ("It pits traditional powerhouse programs like Duke against relative minnows like Butler every year.",
     "leader programs"),
    ("The senator prepares to retool the party as a center-left powerhouse that can win and hold a majority.",
     "center-left leader"),
    # "a collaboration between" is not "a working together between"
    ("CNN is showcasing the work of The Conversation, a collaboration between journalists and academics.",
     "working together between"),
    # a noun that need not exist yet gets no sentence of its own
    ("As a controversy over a racist video continues, the University of Oklahoma is announcing a plan to hire a "
     "vice president who will oversee diversity programs.", "The vice president will"),
    ("That would usher in a whirlwind of activity on Capitol Hill as the senator prepares to retool the party as "
     "a center-left force that can win and hold a majority in 2016 and beyond.", "The center-left force can"),
    # third review of unseen news (cnndm_dev 800-1000)
    ("Fledgling brands have found success in getting just a few items right, developing a cult-like following and "
     "adding products based on customer feedback.", "cult-like after"),
    ("The government passed the new rules last year but waited for months before implementing them in full.",
     "carrying out them"),
    ("The court was told that the police had quite a few questions for him after the shooting last week.",
     "had a few questions"),
    ("Many young people in the city say they don't feel very Chinese at all, according to the new survey.",
     "feel Chinese"),
    ("Two police officers resigned last week and the city's top court clerk was fired in connection with racist "
     "emails, city spokesman Jeff Small said on Friday.", "fired about"),
    ("At least two people were arrested, CNN affiliate KMOV said, but it was not immediately clear why.", "at once"),
    ("Most sex workers that Hail-Jares encounters through street-based outreach are not in it for a lark, or "
     "because they lack the drive to succeed, she says.", "This is because"),
    ('Prosecutors accuse Durst of "lying in wait" and killing Susan Berman, a crime writer and his longtime '
     'confidante, because she "was a witness to a crime."', "This is because"),
    ("Deposed President Abdu Rabu Mansour Hadi was at the Aden palace compound when the first missile struck the "
     "grounds, but he then fled safely, a Hadi aide said, also on condition of anonymity.", "compound when the first "
     "missile struck the grounds."),
    ("After a police officer shot Michael Brown, the U.S. Department of Justice conducted an investigation into "
     "the Ferguson Police Department.", "Michael Brown is"),
    ("Wednesday on CNN, Carson, a retired neurosurgeon and potential Republican presidential candidate, said he "
     "\"absolutely\" believes being gay is a choice.", "CNN, Carson is"),
    ("The Hollywood Reporter: Bruce Sinofsky, Oscar-nominated director, dies at 58 .", "Sinofsky is"),
    ("Max Meyer, the 19-year-old, scored twice for Schalke in the second half of the game on Saturday night.",
     "Meyer is the 19-year-old"),
    ("Their bullet-riddled bodies were found a short time later in mainly Muslim west Beirut, which was then "
     "controlled by PLO Chairman Yasser Arafat's guerrillas.", "Beirut was then"),
    ("Scott Walker's County Executive's office used a secret email system, which investigators determined was being "
     "used to engage in campaign work on county time.", "It investigators"),
    ("Al Qaeda's North African offshoot Al Qaeda in the Islamic Maghreb (AQIM), which has its roots in Algeria, has "
     "captured territory in Mali and taken hostages -- often Europeans -- in countries such as Niger and "
     "Mauritania.", "Al Qaeda has taken"),
    ('National Geographic used one of his sets in the mini-series "Killing Jesus" -- the seven-week production was '
     "filmed by a crew of 250 people and included 4,500 extras.", "The week production"),
    ("My experience in the secular community as a black atheist has ranged from feeling totally welcome to feeling "
     "totally isolated, and even ignored.", "has even ignored"),
    ("He's talking about image and, although he won't say it, branding.", "image and."),
    # fourth review of unseen news (cnndm_dev 800-1000, other sentences)
    ("You'll probably get the answers some spring day in the future and then have a few weeks to make the "
     "decision.", "You will then have"),
    ("Once arrested, the resident may sit in jail for a very long time, while the fees and fines continue to "
     "accrue.", "time. The fees"),
    ('The teen is an "intelligent kid," a man who hired him to write for a digital currency news website said '
     "Wednesday evening.", "The man hired"),
    ("Islamist terrorists also have struck in Algeria, where they killed at least 37 hostages at a gas field in "
     "2013, and in Libya, where terrorists killed the U.S. ambassador and three others in 2012 and where ISIS has "
     "established a beachhead in the east.", "There terrorists"),
    ("And, at the moment -- it has what many polite Midwesterners can't abide by -- attitude.", "moment attitude"),
    ("The airstrikes came on the same day opposing Yemeni military forces -- those commanded by Houthis, and those "
     "led by officers loyal to Hadi -- battled in Aden, leaving at least 13 people dead, Hobtour said.",
     "Houthis, Hobtour said."),
    ("Neither man had a gun on them when they exited their vehicle, violating their company's protocol, the sheriff "
     "said.", "This was when"),
    ('"They didn\'t need to be persuaded," Howard Leach, a Republican fundraiser for Jeb, told the Washington Post.',
     "Leach, told"),
    ("It's an issue that Ber Thaddeus Bailey, director of diversity, OU student government, worries about.",
     "Bailey is the director"),

    ("Shafqat was calm when he thought he was going to be executed, Manzoor Hussain, his brother told CNN.",
     "This was when"),
    ("Utah executed Gary Gilmore in 1977, the first death by capital punishment after the Supreme Court allowed "
     "states to resume executions.", "This was after"),
    ("Common Sense Media, a child advocacy group, says parents should watch the show with their children first.",
     ". Media is"),

    ("The attacker reportedly shouted slogans calling for Korean reunification and cut the ambassador on the face "
     "with a knife.", "The attacker cut"),
    ("Militants have bombed schools, churches and mosques; kidnapped women and children and killed thousands of "
     "people in the region.", "Militants kidnapped"),
    ("A deputy principal at the school found the pictures on the boy's phone on Friday and afterward contacted the "
     "parents.", "The principal afterward"),
    ("Those who attend are not required to pay anything, and the organisers say they never turn anyone away.",
     "who go to are"),
    # a person's role in a past-tense sentence: neither "is" nor "was" is sure
    ("Another aid worker was flown to Atlanta over the weekend, according to Nancy Nydam, spokeswoman for the "
     "Georgia Department of Public Health.", "Nydam was the spokeswoman"),
    ("She stood by her husband when House Republicans moved to impeach him for lying about his relationship with "
     "Monica Lewinsky, a White House intern.", "Lewinsky is a White House intern"),
    ("And on one early morning in 2014, police rounded up 35 people at the highest levels of MOSE, including "
     "Giorgio Orsoni, the mayor of Venice.", "Orsoni is the mayor"),
    # fifth review of unseen news (cnndm_dev 200-400)
    ("In another letter, Anne described the blue, fur-trimmed dress she wore to the party and drew a picture of "
     "it for her aunt.", "Anne drew"),
    ("Last year's was set to Mozart and featured a chorus of microbial bacteria singing along to the tune.",
     "Last year featured"),
    ("The question is tragically flawed and here's a newsflash for everyone who has ever asked new parents that "
     "question.", "The question here's"),
    ("Oregon's legislature responded by creating a Citizens Initiative Review Board, which researches proposed "
     "ballot measures, deliberates about their pros and cons, and makes recommendations.", "Board deliberates"),
    ("Twelve of those killed had been aboard the MSC Splendida, a cruise ship with more than 3,700 passengers and "
     "nearly 1,300 crew that docked in Tunis hours before the bloodshed.", "The crew docked"),
    ("I am a psychologist who has researched the effects of social media on teenagers for more than a decade now.",
     "The psychologist has"),
    ("I am not only funny to look at, but I am also a very good singer, she told the audience with a smile.",
     "not only funny to look at."),
    ("The battleground city located about 160 kilometers north of Baghdad has been fought over for months.",
     "city found"),
    ("The court heard that Israel's stated policy has not changed in the last ten years of the conflict.",
     "said policy"),
    # sixth review of unseen news (cnndm_dev 200-400, other sentences)
    ("For his part, Manenti has reportedly said he will not sell the club, which will likely mean another spell in "
     "administration for Parma, the second time in the past 10 years.", "Parma is the second time"),
    ("That is an old punchline in the Weir home, thanks to plastic cups of Chianti, a low bridge and a gondolier "
     "named Marco.", "Chianti is a low bridge"),
    ("Ramsey, a substitute, drove the ball into the net after Theo Walcott's effort had struck the post.",
     "Ramsey is a substitute"),
    ("Birka was a key trading center during the Viking age and made a UNESCO World Heritage Site in 1993.",
     "Birka made a"),
    ("Women are the epicenter of this crisis, which is why I believe they also have to be the solution.",
     "The crisis is why"),
    ('WWE Studios\' most lucrative film has been "The Call," a 2013 thriller starring Halle Berry, which earned $68 '
     "million worldwide.", "Halle Berry earned"),
    ('And,TOLO News reported, protests were held in different parts of the country, calling for the "ultimate '
     'penalty to the perpetrators."', "Protests called"),
    ("After the September 11, 2001, attacks, cockpit doors were manufactured to withstand manual force and small "
     'weapons, so there was "no way to get back to the cockpit for the captain," he said.', "weapons. So"),
    ("Beijing (CNN)China's premier on Sunday offered a sobering assessment of the economy but brushed aside concern "
     "that it could face a full-blown economic crisis.", "But Beijing"),
    ("Rescuers struggled to get by amid the wreckage of the building on Tuesday as more bodies were found.",
     "during the wreckage"),
    ("Hernandez has pleaded not guilty to orchestrating the death of Lloyd, a semipro football player.",
     "organising the death"),
    ("Pellegrini is under fire with City trailing Chelsea by six points in the league.", "is criticised with"),
    ("But Ivory Coast refused to transfer Simone Gbagbo to the court in The Hague.", "refused to move"),
    ("Sanaa, Yemen (CNN)A Yemeni jet fired missiles at a palace housing Yemen's deposed President in the country's "
     "south Thursday, injuring no one but marking an escalation in deadly fighting.", "This injured"),
    ("Certain antidepressants called SSRIs create artificially stable and elevated levels of serotonin, the brain "
     "chemical that helps regulate mood, which can dampen empathy and emotional reactivity, while higher doses can "
     "engender apathy.", "It can dampen"),
    ("The worst happened on April 24, 2013, when a nine-story building that housed five garment factories "
     "collapsed.", "The nine-story building housed"),
    ("Lippert was nominated to be the top Asia policy official in the Pentagon in 2011, amid stories that he had "
     "clashed with former national security adviser, retired Gen. James Jones, while he served on the NSC.",
     "He served on the NSC."),
    ("Grilk provided some facts about the marathon, but Assistant U.S. Attorney Aloke Chakravarty also asked him "
     "to talk about the day of the bombings.", "U.S. Lawyer"),
    ("Maryland authorities said that one shooting was at Fort Meade, where the National Security Agency office is "
     "located.", "There the"),
    ("An often used example: A florist who doesn't want to sell flowers to a gay couple or a baker who doesn't want "
     "to make their wedding cake.", "The florist"),
    ("That was the verdict of many around the continent, who found Friday morning's solar eclipse picture perfect.",
     "The continent found"),
    ('Although he is dutifully appearing on TV this month to promote "Pretty Woman\'s" anniversary, Gere in the '
     "past has publicly dismissed the movie for glorifying Wall Street corporate raiders.", "He is dutifully"),
    ("But now, Bassem Youssef -- Egypt's most famous satirist known as his country's Jon Stewart -- has the public "
     "profile of a politician in retirement.", "Stewart."),
    ("The Picks were there -- they sang background vocals on Buddy's records -- as well as singer Tommy Allsup, who "
     "claimed that years later he got his wallet back from the crash site.", "records."),
    ("You might have difficulty finding it on the map because the town is so small and remote.", "have problem"),
    ("Foreign film projects spent $120 million in 2014, according to the country's film commission -- up from $23 "
     "million the previous year.", "the earlier year"),
    ("The group is almost exclusively white and male, according to a new study of its members.", "almost only"),
    # review 6, still open at the start of the next stop
    ("Rollins retired from the team in 1962 and opted to become a coach.", "The rollins"),
    ("Alkaloids are produced by a large variety of organisms, and are part of the group of natural products.",
     "The alkaloids"),
    ("Not only did people talk when they were offered the chance; they wanted to talk.", "the chance."),
    ("That America ever deluded itself into thinking airstrikes were enough to deal with the problems of failing "
     "states -- and the crisis of ISIS -- is a notion that could only be made more frightening if it keeps on "
     "doing it.", "is an idea."),
    ('In fact, he seemed unclear about whether he should talk about it at all, prefacing his comments with "I '
     'don\'t know..." (Adam West declares they can, in a suitably authoritative tone.)', ".)."),
    ("I remember when cancer was a dirty word, and the prognosis was always grim.", "dirty word."),
    ("As a child, I was inspired by my third-grade teacher, who believed children are the future and who "
     "challenged us at that young age to create a better world.", "teacher believed"),
    ("Another aviation analyst, David Soucie, also cast doubt after MH370 went missing on the most widely held "
     "belief that the plane hit the Indian Ocean.", "cast doubt."),
    ('Leon won a 2014 Tony Award for directing "A Raisin in the Sun," and earned a nomination for "Fences."',
     ',".'),
    ("Finally, negotiations must happen at a time when a peace agreement can reasonably be enforced -- it is one "
     "thing to craft a compromise and quite another to carry it out.", "and another"),
    # review 7
    ("Clement Adoda, a Borno state police spokesman, said at least 54 people were killed and another 139 wounded "
     "in the suicide attacks.", "Adoda was"),
    ("Kasparov, chairman of the Human Rights Foundation's International Council, suggested the killing was "
     "linked to the Kremlin's own insecurity.", "Kasparov was"),
    ("Coral Gables, Florida (CNN)Former President Bill Clinton on Saturday defended his family foundation's "
     "practice of taking money from foreign countries, arguing that he feels the foundation has done good.",
     "Gables argued"),
    ('UN Secretary General Ban Ki-moon issued a condolence statement and said Lee "helped Singapore to transition '
     'from a developing country."', "Moon said"),
    ("And now that Harry Reid is planning to retire, you are about to hear this: Warren has to run for leader "
     "because Chuck Schumer is too cozy with Wall Street.", "This is because"),
    ("Kristine Spillman Adams: My understanding was always that Judas betrayed Jesus not because he was a "
     "villain, but he thought Jesus would start an earthly war when arrested.", "a villain."),
    ("A sanitation worker in an Atlanta suburb already served two weekends in jail -- and faced several more "
     "until officials relented Monday-- after authorities charged him for doing his job too early.", "in jail."),
    ("Only certain schools on the island were receiving vision screenings, when it was convenient.", "This was when"),
    ("That prompted his family to speak out, saying they kept it quiet for years that Levinson was working for the "
     "CIA, because the U.S. government had warned them that revealing it would put him in more jeopardy.",
     "This is because"),
    ("Los Angeles International Airport moved up from sixth to fifth, Dubai moved up from seventh to sixth, and "
     "Chicago O'Hare International Airport dropped from fifth to seventh.", "sixth. Chicago"),
    ("Our universities were once places where ideas were safe to flourish, and we went to question what we knew.",
     "We went"),
    ("We ran in and out of a circle, joyfully raising our hands in the air.", "This joyfully"),
    ("It was around 4 p.m. on February 2 when the 15-year police veteran first attempted to pull Kassick over, "
     "according to the charging documents.", "This was when"),
    ("The slain officer, who was not immediately identified, was one of two Navajo Police officers shot after a "
     "domestic violence call came in around 4 p.m. (6 p.m.", "identified."),
    ("Yet there was little acknowledgment of the struggle that Molaverdi, who is often an outspoken critic of "
     "regressive measures, and many others are waging every day.", "Many others are waging"),
    ("Genetics expert Turi King, who proved the identity of the bones by matching their DNA to a living relative of "
     "the monarch, Michael Ibsen, said the project had been amazing.", "King, Michael Ibsen"),
    ("The terrorist group has not only bombed crowded markets but attacked churches and mosques, raided villages, "
     "and kidnapped people young and old.", "But the group"),
    ("However, he has not added to his total of 14 major wins since 2008, but hopes to be in contention at "
     "Augusta.", "But he has not"),
    ("However, he said, an investigation determined that fraternity members were not behind the insults.",
     "But he said,"),
    ("There are seven countries at the negotiating table, but far more following along from the outside.",
     "after along"),
    ("During that video, Lloyd is also seen following Hernandez at a distance.", "seen after"),
    ("But CNN so far has received no response.", "has got"),
    ("\u201cNow is the time for all good political leaders to come to the aid of their party,\u201d said Don "
     "Fowler, who helmed the DNC from 1995 to 1997, during Bill Clinton\u2019s presidency, and has backed Hillary "
     "Clinton since her 2008 presidential bid.", "Fowler, during"),
    # review 8
    ("The threat of global warming inspired Mr. Obama to conduct some of the most masterful diplomacy of his "
     "presidency, which has bound the United States into a web of agreements.", "The presidency has"),
    ("Gov. Mike Pence issued the order Thursday for Scott County, which has 79 confirmed cases of HIV since "
     "mid-December.", "Thursday for Scott County has"),
    ("Lakes of oil were leaking all over the country, and seeping into the Gulf.", "Lakes were"),
    ("National Guard members, called to service by the governor after some demonstrations turned violent, are "
     "scattered throughout the area with armored vehicles.", "are called to service"),
    ("Villarreal, coached by Marcelino, even fielded an understrength side as it bids to progress in the Copa del "
     "Rey.", "was coached"),
    ("The lack of people of color at secular events is a problem -- partly because there is unawareness of such "
     "events existing, but also because there is limited effort placed in accommodation and care.", "but also."),
    ("Even with Alabama entering the marriage equality column, there are still 13 states that deny these couples "
     "their equal rights.", "13 states."),
    ('Washington (CNN)Updates on Scott Walker, Marco Rubio and John Kasich, and an overseas vote where President '
     'Obama would love to see an anti-incumbent backlash -- those stories filled our Sunday trip around the table.',
     "backlash."),
    ("Many of these villages, which were bustling communities in the 19th century, now lie abandoned or survive "
     "with just a handful of inhabitants.", "villages, now lie"),
    ("Many of the students' arguments are essentially biological -- we are omnivores.", "We are omnivores."),
    ("It was impossible to stop but I always looked up when I arrived at Indira Gandhi.", "This was when"),
    ('Jessica Stern, a lecturer on terrorism at Harvard University who this month published, "ISIS: The State of '
     'Terror," says it is imperative to address the sectarian divisions in Iraq.', "who this month published."),
    ('Police allege "Africa" tried to reach for an officer\'s gun, prompting the police gunfire against him.',
     "This caused"),
    ("Since August, it has made approximately 40 trips -- about half to Europe, the rest to the United States.",
     "Europe is"),
    ("Authorities on Thursday released a photo of a bruised Giroux in which he had a tattoo on his neck but no "
     "tattoos on his face.", "But no tattoos"),
    ('Philippa Langley, who led the "Looking for Richard" project, said its aim was "to make peace with the past."',
     "Langley led"),
    ("He was charged Sunday with murder, according to LAPD spokesman Officer Jack Richter, and held at the LAPD "
     "jail in Van Nuys with bail set at $2 million.", "He was held"),
    ('He ended with: "Now I don\'t like killing innocent people but due to said " -- the word was lost to a bullet '
     'hole -- "it is allowed."', '" "'),
    ("Everyone of working age in Chao Hu has gone to the cities to find work, leaving the old and very young behind.",
     "old and young"),
    ("Snowden's leaks revealed programs that collected information on individuals' online activities.", "people'"),
    ("The firm got out ahead of the story by releasing the report itself.", "out before"),
    ("But the bid was not accepted in the bankruptcy case.", "attempt"),
    # review 9
    ("By only requiring significant rather than all subsidiaries, this allows companies to get away with not "
     "disclosing many of their offshore subsidiaries,'' the report says.", "instead of"),
    ("He also joined the hawkish Republican barrage on foreign policy, slamming President Barack Obama over his row "
     "with Israeli Prime Minister Benjamin Netanyahu and his record on Iran and combating terrorism.", "fought"),
    ("Carlos Sainz Jnr., son of the former rally champion, qualifies eighth while Max Verstappen is 12th.", ". Jnr. is"),
    ("The bodies are expected to be taken to the gymnasium at the local high school in Seyne les Alpes, some 10 "
     "kilometers from the crash site, which will be used as a temporary morgue.", "The crash site will"),
    ("Observers of Boko Haram, which has inflicted years of terror on northern Nigeria, note that its actions in "
     "the past six months have frequently mimicked those of ISIS.", "Observers of Boko Haram has"),
    ("CNN: Last year your organization identified small arms and light weapons were fueling local violence and "
     "spent much of its resources mapping conflict zones.", "CNN spent"),
    ("George Mason, which went to the Final Four in 2006, and Gonzaga, which broke into nationwide consciousness in "
     "the late '90s, saw applications go up after their turn on stage.", "George Mason and Gonzaga, which"),
    ("A longtime fan, she has coauthored a coffee table book of interviews and images from photographer Kent Baker, "
     "which documents March 1996 collection Dante.", "Baker documents"),
    ("The cooperation between Shia and Sunni fighters will be crucial not just in the ongoing offensive in Tikrit "
     "but will also set the stage for further cooperation in the campaign to recapture Mosul.", "Tikrit."),
    ("Torpedoes usually punctured the hull and exploded inside the ship, belling the metal outward.",
     "Torpedoes exploded"),
    ("To his successor, Mr. Obama leaves an ambitious and divisive legacy: a raft of new emissions rules that "
     "promise to transform the economy, and an aggressive - some say unrealistic - pledge made in Paris to reduce "
     "greenhouse gas emissions.", "An aggressive"),
    ("The Russians are similarly worried about Islamist terrorist groups located in Afghanistan and so will not "
     "stand in the way of a small long-term U.S. military presence in Afghanistan.", "Russians so"),
    ("The SAE's national chapter also moved promptly, saying in a statement it had closed the chapter "
     "\"following the discovery of an inappropriate video.\"", "The chapter said"),
    ("There was a panoply of dignitaries, including George W. Bush, who signed the legislation authorizing the "
     "building of the museum, and his wife, Laura, who spoke of her early discussions with the museum's director.",
     "Bush signed"),
    ("I recall my own disappointment (but not surprise) on hearing the results back in 1988.", "(."),
    ("The world champion will start on pole for the Australian Grand Prix, as he did last year and has done on "
     "three other occasions in his career.", "The world champion has done"),
    ("Earlier police had made two temporary arrests and searched an Islamic cultural center.", "Earlier police searched"),
    ("Tensions between Russia and NATO member countries have been mounting since Russia's annexation of Crimea in "
     "2014 and claims its military has been involved in the violence in eastern Ukraine.", "Tensions claims"),
    ("But we must not let democracy, freedom, the rule of law, the things that we hold dear and people in Tunisia "
     "hold dear -- we must not let them be defeated or undermined by these extremists and terrorists.", "hold dear."),
    ("The recording does not include a view of the shooting itself, which occurred Tuesday afternoon as Keith "
     "Lamont Scott, a 43-year-old black man, was sitting in his parked vehicle outside his apartment.", "Scott is"),
    ("Less than a mile away, Kassick ran off on foot into the backyard, with Mearkle following close behind.",
     "after close"),
    ("It's about orbiting and following a comet -- watching it wake up and then go to sleep again.", "and after"),
    ("The Guardian reported that Charles had written to ministers over the previous three years.", "earlier three"),
    ("The State Department was engaged in the process of updating its records preservation policies.",
     "engaged updating"),
    ("One firm advertised in Chinese and branded itself as \"You Win USA Vacation Resort.\"", "called itself as"),
    ("But in recent weeks and months, her campaign departed from the tactic.", "left from"),
    ("McKinsey reported 68% of insurance options only cover narrow or very narrow provider networks.",
     "narrow or narrow"),
    ("The CIA's analysis has been that Boko Haram is very African and rooted in that region's practices.",
     "is African"),
    ("Companies may be more inclined to bring money back home rather than risk shifting tax rules in Europe.",
     "instead of risk"),
    # review 10
    ("What kind of weapons were outlawed in warfare in 1925, though they have been used in some conflicts since "
     "then?", "1925."),
    ("The Clean Power Plan, if it survives the legal challenge, could prompt a faster shift to renewable energy "
     "sources and accelerate the closure of the country's oldest coal plants.", "The Clean Power Plan could"),
    ("In one March 2012 email, the captain reported to Shaw that court collections the previous month reached "
     "$235,000 -- the first month collections exceeded $200,000.", "$235,000."),
    ("Cruz is also not just someone who defends extremism but a politician who can easily be tied to the "
     "congressional obstructionism.", "a politician."),
    ("Indicative of this was the announcement that the group had pledged its allegiance to the Caliph.",
     "promised its allegiance"),
    ("A video obtained from the police shows the crash.", "got from"),
    ("The proceeds derived from the sale went to charity.", "come from"),
    ("It's based on a novel following the journey of four women in the year 70.", "novel after"),
    ("The antenna works on very high frequency bands.", "on high frequency"),
    # review 11
    ("I'll often see a particular item whilst walking around London and think to myself, 'I'm sure that came from "
     "Yiwu,' \" Seymour said.", "while walking"),
    ("Nonetheless, eight states still fail to require vision screenings at schools.", "Still, eight states still"),
    ("The group's stated aim is to institute Sharia, or Islamic law.", "said aim"),
    ("The vast majority of the money went to the six world powers, referred to collectively as the P5+1.",
     "together as"),
]


@pytest.mark.parametrize("text", [
    'It\'s not quite from sea to shining sea, but the latest winter storm gets an "A" for effort (or is that an "E"?).',
    "And, no surprise, they were really, really ridiculously good-looking.",
    "iReport: Fan says 'We need Zayn' He's getting along fine with the other members of the band.",
])
def test_a_sentence_no_rule_changes_is_returned_as_written(text):
    rewrite = simplify_sentence(text)
    assert (rewrite.text, rewrite.rules) == (text, ())


@pytest.mark.parametrize("text, wanted", [
    ("The perpetrators were seen in the mountains near the border on Monday.", "people responsible were"),
    ("The fugitives were seen in the mountains near the border on Monday.", "people on the run were"),
    ("The pensioners told reporters that the deal had collapsed.", "older people told"),
])
def test_a_plural_phrase_takes_its_plural_on_its_head(text, wanted):
    assert wanted in simplify_sentence(text).text


def test_a_rule_that_breaks_costs_only_its_point(monkeypatch):
    from briefing.plain import simplify as module

    def broken(sentences, ctx):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(module.REWRITES, "split:semicolon", module.Rule("split:semicolon", broken, "broken"))
    text = "Israel and Gaza agreed a truce; hostages will be freed on Friday."
    plain = module.simplify_checked(text)
    assert plain.text == text and plain.rules_applied == ()
    assert plain.fallback_reason == "rules failed (RecursionError); kept as written"


def test_a_split_does_not_split_its_own_lead_again():
    # It recursed for ever on "This will be because ...", splitting "This will be." off each time.
    text = ("But Roach will not be available to work with Pacquiao until after March because he is in China "
            "training another boxer.")
    assert simplify_sentence(text).text == ("But Roach will not be available to work with Pacquiao until after March. "
                                            "This is because he is in China training another boxer.")


@pytest.mark.parametrize("text, wanted", [
    ("The Chechnya-based human rights activist was kidnapped outside her home there in July 2009 and found dead in "
     "the neighboring Russian republic of Ingushetia later the same day.", "The rights activist was found dead"),
    ("You'll get the answers some spring day in the future and then have a few weeks to make the "
     "decision.", "You will then have"),
])
def test_a_coordination_split_borrows_the_first_verbs_auxiliaries(text, wanted):
    assert wanted in simplify_sentence(text).text


@pytest.mark.parametrize("text, wanted", SAYS)
def test_rewrite_says(text, wanted):
    assert wanted in simplify_sentence(text).text


@pytest.mark.parametrize("text, unwanted", NEVER_SAYS)
def test_rewrite_never_says(text, unwanted):
    assert unwanted not in simplify_sentence(text).text


def test_a_point_that_opens_inside_a_quotation_keeps_its_words():
    text = 'We will be able to defeat terrorism, which is threatening Tunisia and all the neighboring countries."'
    point = KeyPoint(sentence_ids=(0,), text=text, original=text, spans=((0, len(text)),), score=1.0)
    assert simplify_point(point).text == text


@pytest.mark.parametrize("text, expected", [
    ("A suicide attacker detonated a car bomb near a police vehicle on Tuesday, killing seven people and "
     "injuring 23 others, the province's deputy governor said.",
     "This killed seven people and injured 23 others, the province's deputy governor said."),
    ("Real Madrid fell to a lacklustre 1-0 defeat at the hands of Athletic Bilbao Saturday, potentially handing the "
     "La Liga advantage to arch rival Barcelona.", "This potentially handed the La Liga advantage"),
    ('Jeremy Clarkson later apologized, saying his efforts to obscure the offending word "weren\'t quite good '
     'enough."', 'Clarkson said his efforts to obscure the offending word "weren\'t quite good enough."'),
    ("Moscow — The primary suspect jailed in connection with the shooting death of Boris Nemtsov withdrew his "
     "confession Wednesday, saying he had been under duress.", "The suspect said he had been"),
])
def test_participle_clause_becomes_a_sentence(text, expected):
    result = simplify_sentence(text)
    assert expected in result.text
    assert any(rule.startswith("split:participle:") for rule in result.rules)


@pytest.mark.parametrize("text", [
    # The cyclone made landfall: "This made landfall" would be false.
    "The cyclone continued tracking northwestward for days, making landfall near Fort Walton Beach, Florida.",
    # The storms killed, not the cleanup crews: the participle may be the inner verb's.
    "Cleanup crews on Thursday started assessing the damage caused by storms that slashed across Oklahoma on "
    "Wednesday, killing one person and injuring about two dozen others across the state.",
    # Whose action is "hitching"? Only results and reports are assigned.
    "Farah fled the civil war in Syria with her husband in the middle of the night, hitching rides on trucks.",
])
def test_participle_clause_left_alone_when_unsure(text):
    assert not any(rule.startswith("split:participle") for rule in simplify_sentence(text).rules)


def test_parser_is_the_checked_model():
    """The installed parser is the en_core_web_sm 3.8.0 whose scores Explosion published."""
    from briefing.plain import parse

    meta = parse.model_meta()
    assert meta["version"] == "3.8.0"
    assert meta["performance"]["dep_uas"] == parse.EXPECTED_UAS
    tokens = parse.parse("The car, which had crashed, was found.")
    assert tokens is parse.parse("The car, which had crashed, was found.")  # cached


@pytest.mark.parametrize("text", [
    # Both verbs share the quotation: the tweet was the quote.
    '"After five incredible years Zayn Malik has decided to leave One Direction," the band said on its '
    'Facebook page and tweeted out to its 22.9 million Twitter followers.',
    # "pillared" is an adjective the parser took for a verb.
    "The sanctuary of Endymion still exists as a horseshoe-shaped chamber with an entrance hall and "
    "pillared forecourt.",
])
def test_verbs_left_together_when_unsure(text):
    assert not any(rule.startswith("split:coordination") for rule in simplify_sentence(text).rules)


@pytest.mark.parametrize("text, kept", [
    # The main verb's phrase after an appositive is not a side clause.
    ("A North African jihadist group, al-Murabitun, claimed responsibility for the attack, according to "
     "Mauritanian news agency Al Akhbar.", "claimed responsibility for the attack"),
    # A list item is not a side clause.
    ("Life inside the house -- food, dishes, cleaning, tidying, clothing, hygiene -- was my mom's "
     "responsibility, just as it was June Cleaver's.", "cleaning, tidying, clothing"),
    ("While not lethal, consuming this mushroom leads to very severe cramps, vomiting, and diarrhea.", "vomiting"),
    # The comma inside the list does not end the phrase "amid ...".
    ("Last summer, amid startling news reports of manipulation, mismanagement and possibly death caused by "
     "failures at the Department of Veterans Affairs, Congress came together and passed legislation.",
     "mismanagement"),
])
def test_side_clauses_are_whole_phrases(text, kept):
    out = simplify_sentence(text).text
    for word in kept.split(", "):
        assert word in out


def test_appositive_of_a_subject_leaves_no_stray_comma():
    text = "As most everyone knows by now, David Boren, president of the University of Oklahoma, faces a hard week."
    assert "David Boren faces a hard week." in simplify_sentence(text).text


def test_period_of_time_is_one_phrase():
    assert "For that short time the Brazilian" in simplify_sentence(
        "For that short period of time the Brazilian must have been panicking about his future.").text


def test_a_pronoun_after_but_is_lower_case():
    text = "She left for work early each morning, but was always home by five or six to spend time with me."
    assert "But she was always home" in simplify_sentence(text).text
