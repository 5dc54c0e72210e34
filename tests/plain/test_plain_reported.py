"""The attribution as its own short sentence, the main fact first ("S, police said." -> "S.
Police said this."), and the sentences it leaves as written (issue 19)."""

from __future__ import annotations

from briefing.plain.simplify import simplify_sentence
from plain_review import never_says_test, says_test

SAYS = [
    ("Gomis spent the night in hospital as a precaution, Swansea said on its website.",
     "Gomis spent the night in hospital as a precaution. Swansea said this on its website."),
    ("The heath care worker with Ebola was in critical condition Monday, the NIH said.",
     "The heath care worker with Ebola was in critical condition Monday. The NIH said this."),
    ("Relief workers reported \"unbelievable destruction\" after Tropical Cyclone Pam smashed the capital of "
     "Vanuatu, the Australian Red Cross said Saturday.", "Vanuatu. The Australian Red Cross said this on Saturday."),
    ("The man has admitted stabbing three women aged 59, 76 and 84, Deputy Police Chief Keizo Okumoto told CNN.",
     "aged 59, 76 and 84. Deputy Police Chief Keizo Okumoto told CNN this."),
    ("The runway appeared all white in the moments before landing, according to the report.",
     "before landing. This is according to the report."),
    ("Police said the ship sank in bad weather near the coast on Friday.",
     "The ship sank in bad weather near the coast on Friday. Police said this."),
]

NEVER_SAYS = [
    # a pronoun that may stand for the source would come before its name
    ("Obama said he would veto the bill if it reached his desk.", "Obama said this"),
    ("The mayor said they will never give up the fight for the town.", "The mayor said this"),
    # a quotation, a question: the source stays with the words
    ("\"We will win this fight for the town,\" the mayor said.", "said this"),
    ("Will the results change Israel's policy in a significant way, experts asked.", "asked this"),
    # the future of the past reads wrong on its own
    ("Officials said the bridge over the river would reopen next week.", "said this"),
    # a split has already said the source in each part
    ("Strong currents held back the search, which lasted until Friday evening, Cayman 27 reported.",
     "Cayman 27 reported this"),
]

test_rewrite_says = says_test(SAYS)
test_rewrite_never_says = never_says_test(NEVER_SAYS)

SAYS += [
    ("On Monday, police said the ship sank in bad weather near the coast.",
     "The ship sank in bad weather near the coast. Police said this on Monday."),
    ("According to the Dalian Daily, the two men were sentenced to eight and six years in prison earlier this year.",
     "The two men were sentenced to eight and six years in prison earlier this year. This is according to the Dalian Daily."),
    ("He called police to ask that the authorities pick her up and make sure she was safe, Michael Huskins told the "
     "newspaper.", "Michael Huskins told the newspaper this."),
    # a pronoun in words that came first already: the order stays
    ("He was taken to the hospital in Rochester for a routine checkup, former President Jimmy Carter said Friday.",
     "He was taken to the hospital in Rochester for a routine checkup. Former President Jimmy Carter said this on Friday."),
]
NEVER_SAYS += [
    # "it" may be the source
    ("The National Institutes of Health said Thursday that it plans to admit to its Maryland hospital an American "
     "health care worker with Ebola.", "said this"),
    # the statement is where the BBC said it, not where Clarkson had the fracas
    ("The BBC said Clarkson, one of the corporation's highest earners, had a fracas with a BBC producer in a "
     "statement released yesterday.", "said this"),
    # two reports: the second would read as a fact
    ("In a statement, college administrators said the local chapter had been suspended for one year and that police "
     "were investigating the case.", "said this"),
    ("According to the White House, only if the President of the United States says it is.", "according to the White"
     " House."),
]
test_more_says = says_test(SAYS[-4:])
test_more_never_says = never_says_test(NEVER_SAYS[-4:])

# a pronoun that cannot be the source: "he" after a plural source
SAYS_PRONOUN = [("Witnesses said the man drove off the side of the road to hit his victims.",
                 "The man drove off the side of the road to hit his victims. Witnesses said this.")]
NEVER_SAYS_PRONOUN = [("The National Institutes of Health said Thursday that it plans to admit to its Maryland "
                       "hospital an American health care worker with Ebola.", "said this")]
test_pronoun_says = says_test(SAYS_PRONOUN)
test_pronoun_never_says = never_says_test(NEVER_SAYS_PRONOUN)

SAYS_MORE = [
    ("The attack happened at about 6 p.m. in the Bolan area of Lashkar Gah city, said Mohammad Jan Rasoolyar, deputy "
     "governor of Helmand.", "Lashkar Gah city. Mohammad Jan Rasoolyar, deputy governor of Helmand, said this."),
    ("The study found that more than 40 per cent of drivers use a phone at the wheel.",
     "More than 40 per cent of drivers use a phone at the wheel. The study found this."),
]
NEVER_SAYS_MORE = [("Police found the body of the missing woman in a field near the road.", "found this")]
test_more_cues_say = says_test(SAYS_MORE)
test_more_cues_never_say = never_says_test(NEVER_SAYS_MORE)


def test_reported_words_move_ahead_of_a_body_or_a_person_named():
    # (issue 19's refusal count: "her" cannot be a family; "its" cannot be a person named)
    text = ("The Meyers family told police that Tammy Meyers was giving her daughter a driving lesson when "
            "there was a confrontation.")
    assert simplify_sentence(text, source="The Meyers family").text == (
        "Tammy Meyers was giving her daughter a driving lesson when there was a confrontation. "
        "The Meyers family told police this.")
    text = "Hellerstein said the government failed to prove its argument in the case about the photos."
    assert simplify_sentence(text, source="Alvin K. Hellerstein").text == (
        "The government failed to prove its argument in the case about the photos. Hellerstein said this.")


def test_reported_words_stay_behind_a_source_they_may_name():
    for text, source in (("Obama said he wants to veto the bill when it reaches his desk next week.", "Obama"),
                         ("The ministry said it plans to appeal the ruling of the court next month.", "The ministry"),
                         ("Google said the government failed to prove its argument in the case.", "Google")):
        assert "move:attribution" not in simplify_sentence(text, source=source).rules


def test_a_contrast_with_the_report_stays_behind_its_source():
    # (review sheet of issue 19: "The map suggests this." came after the writer's "in reality" too)
    text = ("The map suggests that Scandinavian countries are larger than India, whereas in reality India is three "
            "times the size of all Scandinavian countries put together.")
    assert "move:attribution" not in simplify_sentence(text, source="The map").rules


def test_said_before_a_report_is_no_inverted_source():
    # ", said the team deserved the win." is the subject's report, not ", said the manager."
    r = simplify_sentence("After the game, Smith, who scored twice, said the team deserved the win.")
    assert "The team deserved the win said this" not in r.text
    assert simplify_sentence("Five people were killed in the attack, said the hospital director.").text == (
        "Five people were killed in the attack. The hospital director said this.")


def test_a_speakers_act_inside_the_report_keeps_the_source_in_front():
    # the parser puts "warned" inside what the group claimed; moved ahead, the attack would warn
    text = "The group claimed the attack was revenge for the raids and warned of more to come."
    assert "move:attribution" not in simplify_sentence(text).rules
    assert simplify_sentence("Police said the suspect fled the scene on foot and hid in a nearby barn overnight.").text \
        == "The suspect fled the scene on foot and hid in a nearby barn overnight. Police said this."


def test_a_tail_source_of_two_moves_whole():
    r = simplify_sentence("A man rammed into a cyclist and four border police while he was driving in Jerusalem on "
                          "Friday, authorities and first responders said.")
    assert r.text.endswith(". Authorities and first responders said this.")
    # ", and police said." opens with the conjunction: no source of two
    assert "move:attribution" not in simplify_sentence("Two bodies were found in the river near the bridge, and police "
                                                       "said.").rules
