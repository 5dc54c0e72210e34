"""Verb rules: two verbs that share a subject split (with the first verb's auxiliaries), a participle
clause made a sentence (a result's or a report's), the passive; and the verbs left together."""

from __future__ import annotations

import pytest

from briefing.plain.simplify import simplify_sentence

from plain_review import never_says_test, says_test


@pytest.mark.parametrize("text, wanted", [
    ("The Chechnya-based human rights activist was kidnapped outside her home there in July 2009 and found dead in "
     "the neighboring Russian republic of Ingushetia later the same day.", "The rights activist was found dead"),
    ("You'll get the answers some spring day in the future and then have a few weeks to make the "
     "decision.", "You will then have"),
])
def test_a_coordination_split_borrows_the_first_verbs_auxiliaries(text, wanted):
    assert wanted in simplify_sentence(text).text


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
    # a family name with particles is repeated whole, never its last word ("Beek noted")
    ("Van Der Beek shared the sad news online on Monday, noting that he and his wife had lived through every "
     "parent's worst fear.", "Van Der Beek noted that he and his wife"),
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
    # The parser tied "claiming" to "film": only "saying" would become "said" (the blind review's #21).
    "But instead he dialed up the rhetoric, first saying that Ms Fluke should film herself having sex and then "
    "claiming that she 'had boyfriends lined up around the block'.",
])
def test_participle_clause_left_alone_when_unsure(text):
    assert not any(rule.startswith("split:participle") for rule in simplify_sentence(text).rules)


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


def test_a_pronoun_after_but_is_lower_case():
    text = "She left for work early each morning, but was always home by five or six to spend time with me."
    assert "But she was always home" in simplify_sentence(text).text


# Review cases (see plain_review.py): what a rewrite of each sentence must say, and what it must
# never say, by the guard or rule of this family that each case holds.
SAYS = [
    # a speech act after the main verb is the subject's
    ('On Friday, Jonathan referenced the Gwoza victory in a broadcast to the nation, praising Nigeria\'s armed '
     'forces for their "immense sacrifices" in defending the nation.',
     'Jonathan praised Nigeria\'s armed forces for their "immense sacrifices"'),
    # "adding that" after a verb of saying is the speaker's, whatever clause came between
    ('U.S. Secretary of State John Kerry said Saturday that "we need to close ... gaps" with Iran in talks about '
     'its nuclear program, adding that those negotiating with Iranian officials "are deeply committed to '
     'ensuring that Iran does not obtain a nuclear weapon."', "program. Kerry added that those negotiating"),
    ('The governor told reporters the state would appeal the ruling, adding: "We will win this."',
     'The governor added: "We will win this."'),
    # verbs that share a subject become sentences
    ("The former Major League Baseball pitcher recently fired off a series of fastballs and mowed down a "
     "group of Twitter trolls.", "fastballs. The pitcher mowed down a group of Twitter trolls."),
    ("The 42nd vice president served under Carter between 1977 and 1981, and later ran for President, but "
     "lost to Ronald Reagan.", "1981. The vice president later ran for President"),
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
    # third review of unseen news
    ("North Korea quickly called the stabbing a \"knife attack of justice\" and said it reflected \"anti-U.S. "
     "sentiment\" in South Korea.", "North Korea said it reflected"),
    ("Police discovered the burned-out automobile the morning after the murder but did not find the body.",
     "But police did not find the body."),
    # a bare plural subject said again in the past is "The ..." (the same ones, not any)
    ("Bombings at two mosques in Sanaa last week killed at least 137 people and wounded hundreds more.",
     "The bombings wounded hundreds more."),
    ("Last week, crowds chanted for days, calling for justice for Farkhunda and \"death for her killers.\"",
     "The crowds called"),
    # an adjective that says which one stays with the noun said again
    ("The average aviator has superior intellectual and cognitive abilities, and is psychologically stable and "
     "reliable.", "The average aviator is psychologically stable"),
    # review 7
    ("Former One Direction member Zayn Malik spoke for the first time since leaving the group this week -- and "
     "said he's sorry for the pain he's caused.", "Malik said he's sorry"),
    # review 8
    ("The future king was photographed on the ski slopes of Europe and tried his hand at water skiing, surfing "
     "and scuba diving.", "The future king tried"),
    ("The overall number of hate groups peaked in 2011 and has been on the decline since.",
     "The number of hate groups has been"),
]
NEVER_SAYS = [
    ('Clarkson, who fronts Top Gear, later said an angry mob tried to attack them with pickax handles and '
     'shouted "burn their cars."', "Clarkson later shouted"),
    # coordination left alone or worded right
    ("Niccolò Machiavelli, author of The Prince, also witnessed and wrote about the execution.", "also saw."),
    # "tried and acquitted of participating": both verbs share "of participating".
    ("In 1974 he was tried and acquitted of participating in the raid that rescued Baader.", "he was tried."),
    ("Uses Tar was also used as seal for roofing shingles and to seal the hulls of ships and boats.", "Tar to seal"),
    ("For example, a shop might give away its stock in its promotion, but producing these goods would still "
     "have required the use of scarce resources.", "the shop making"),
    ("On the outbreak of war in August 1914, the regiment went to France and was engaged in the early fighting.",
     "was taken part"),
    # "had been recruited" is what the family told CNN, not something the family did.
    ("Musallam's family on Tuesday told CNN that he had no ties with the Mossad, Israel's spy agency, and had, in "
     "fact, been recruited by ISIS.", "family on Tuesday had"),
    # "is looking into the claim" is the department's, in what the official said.
    ("A Defense Department official told CNN that it cannot confirm the validity of the online posting, but is "
     "looking into the claim.", "official is looking"),
    ("Falardeau mourned her boy's missing arm for years but, in time, embraced her son as he was.", "Falardeau ,"),
    # "adding" that is not words said stays where it is
    ("Local police said the suspect fled the scene in a stolen car, adding to fears in the quiet town.",
     "police added"),
    ("Serena Williams has certainly, too, shown her mental toughness over the years, adding 18 grand slam "
     "singles titles to the one she won prior to 2001.", "Williams added"),
    # found on unseen news (cnndm_dev articles 400-600)
    ("Huskins' 2000 White Toyota Camry was found in Vallejo and may have been moved from the residence, Park said.",
     "Camry may"),
    ('On the pilot side, the network has Afghanistan drama "White City" and contentious comics adaptation '
     'Preacher in the works.', "The network disputed"),
    # from a review of 550 rewrites of unseen news (PolNeAR dev and cnndm_dev 600-700)
    ("Houthi rebels and the government began doing battle in 2004, but arrived at a ceasefire in 2010, according "
     "to the CIA World Factbook.", "But Houthi rebels arrived"),
    # from a second review of unseen rewrites
    ("Last year, a Moscow court sentenced five men to prison for the 2006 killing of Russian journalist and fierce "
     "Kremlin critic Anna Politkovskaya.", "The court fierce"),
    ("The soldier was badly injured in the blast on Monday and died in hospital two days later.", "was died"),
    # third review of unseen news (cnndm_dev 800-1000)
    ("Al Qaeda's North African offshoot Al Qaeda in the Islamic Maghreb (AQIM), which has its roots in Algeria, has "
     "captured territory in Mali and taken hostages -- often Europeans -- in countries such as Niger and "
     "Mauritania.", "Al Qaeda has taken"),
    ('National Geographic used one of his sets in the mini-series "Killing Jesus" -- the seven-week production was '
     "filmed by a crew of 250 people and included 4,500 extras.", "The week production"),
    ("My experience in the secular community as a black atheist has ranged from feeling totally welcome to feeling "
     "totally isolated, and even ignored.", "has even ignored"),
    # fourth review of unseen news (cnndm_dev 800-1000, other sentences)
    ("You'll probably get the answers some spring day in the future and then have a few weeks to make the "
     "decision.", "You will then have"),
    ("The attacker reportedly shouted slogans calling for Korean reunification and cut the ambassador on the face "
     "with a knife.", "The attacker cut"),
    ("Militants have bombed schools, churches and mosques; kidnapped women and children and killed thousands of "
     "people in the region.", "Militants kidnapped"),
    ("A deputy principal at the school found the pictures on the boy's phone on Friday and afterward contacted the "
     "parents.", "The principal afterward"),
    # fifth review of unseen news (cnndm_dev 200-400)
    ("In another letter, Anne described the blue, fur-trimmed dress she wore to the party and drew a picture of "
     "it for her aunt.", "Anne drew"),
    ("Last year's was set to Mozart and featured a chorus of microbial bacteria singing along to the tune.",
     "Last year featured"),
    ("The question is tragically flawed and here's a newsflash for everyone who has ever asked new parents that "
     "question.", "The question here's"),
    # sixth review of unseen news (cnndm_dev 200-400, other sentences)
    ("Birka was a key trading center during the Viking age and made a UNESCO World Heritage Site in 1993.",
     "Birka made a"),
    ('And,TOLO News reported, protests were held in different parts of the country, calling for the "ultimate '
     'penalty to the perpetrators."', "Protests called"),
    ("Beijing (CNN)China's premier on Sunday offered a sobering assessment of the economy but brushed aside concern "
     "that it could face a full-blown economic crisis.", "But Beijing"),
    ("Sanaa, Yemen (CNN)A Yemeni jet fired missiles at a palace housing Yemen's deposed President in the country's "
     "south Thursday, injuring no one but marking an escalation in deadly fighting.", "This injured"),
    # review 6, still open at the start of the next stop
    ("Rollins retired from the team in 1962 and opted to become a coach.", "The rollins"),
    ("Alkaloids are produced by a large variety of organisms, and are part of the group of natural products.",
     "The alkaloids"),
    ('Leon won a 2014 Tony Award for directing "A Raisin in the Sun," and earned a nomination for "Fences."',
     ',".'),
    # review 7
    ("Coral Gables, Florida (CNN)Former President Bill Clinton on Saturday defended his family foundation's "
     "practice of taking money from foreign countries, arguing that he feels the foundation has done good.",
     "Gables argued"),
    ('UN Secretary General Ban Ki-moon issued a condolence statement and said Lee "helped Singapore to transition '
     'from a developing country."', "Moon said"),
    ("A sanitation worker in an Atlanta suburb already served two weekends in jail -- and faced several more "
     "until officials relented Monday-- after authorities charged him for doing his job too early.", "in jail."),
    ("We ran in and out of a circle, joyfully raising our hands in the air.", "This joyfully"),
    ("The terrorist group has not only bombed crowded markets but attacked churches and mosques, raided villages, "
     "and kidnapped people young and old.", "But the group"),
    # review 8
    ("Lakes of oil were leaking all over the country, and seeping into the Gulf.", "Lakes were"),
    ('Police allege "Africa" tried to reach for an officer\'s gun, prompting the police gunfire against him.',
     "This caused"),
    ("He was charged Sunday with murder, according to LAPD spokesman Officer Jack Richter, and held at the LAPD "
     "jail in Van Nuys with bail set at $2 million.", "He was held"),
    # review 9
    ("He also joined the hawkish Republican barrage on foreign policy, slamming President Barack Obama over his row "
     "with Israeli Prime Minister Benjamin Netanyahu and his record on Iran and combating terrorism.", "fought"),
    ("CNN: Last year your organization identified small arms and light weapons were fueling local violence and "
     "spent much of its resources mapping conflict zones.", "CNN spent"),
    ("The cooperation between Shia and Sunni fighters will be crucial not just in the ongoing offensive in Tikrit "
     "but will also set the stage for further cooperation in the campaign to recapture Mosul.", "Tikrit."),
    ("Torpedoes usually punctured the hull and exploded inside the ship, belling the metal outward.",
     "Torpedoes exploded"),
    ("The Russians are similarly worried about Islamist terrorist groups located in Afghanistan and so will not "
     "stand in the way of a small long-term U.S. military presence in Afghanistan.", "Russians so"),
    ("The SAE's national chapter also moved promptly, saying in a statement it had closed the chapter "
     "\"following the discovery of an inappropriate video.\"", "The chapter said"),
    ("I recall my own disappointment (but not surprise) on hearing the results back in 1988.", "(."),
    ("The world champion will start on pole for the Australian Grand Prix, as he did last year and has done on "
     "three other occasions in his career.", "The world champion has done"),
    ("Earlier police had made two temporary arrests and searched an Islamic cultural center.", "Earlier police searched"),
    ("Tensions between Russia and NATO member countries have been mounting since Russia's annexation of Crimea in "
     "2014 and claims its military has been involved in the violence in eastern Ukraine.", "Tensions claims"),
    # review 10
    ("The Clean Power Plan, if it survives the legal challenge, could prompt a faster shift to renewable energy "
     "sources and accelerate the closure of the country's oldest coal plants.", "The Clean Power Plan could"),
]

test_rewrite_says = says_test(SAYS)
test_rewrite_never_says = never_says_test(NEVER_SAYS)


def test_report_and_a_speakers_act_split_when_the_report_ends_first():
    text = ("Meanwhile, government officials said supplies of formula had not been contaminated, and urged "
            "consumers to continue using the products.")
    assert simplify_sentence(text).text == (
        "Meanwhile, government officials said supplies of formula had not been contaminated. "
        "The government officials urged consumers to continue using the products.")
    # Without the comma, or with a verb that need not be the speaker's, the second verb may be in the report.
    for text in ("Officials said supplies of formula had not been contaminated and urged consumers to keep using them.",
                 "Police said a mob tried to attack them, and shouted at the crowd outside the station."):
        assert not any(r.startswith("split:coordination") for r in simplify_sentence(text).rules)


def test_participle_of_the_subjects_own_act_and_where_it_is_not():
    text = ("Serena Williams plays her first match in Indian Wells in 14 years on Friday, saying she was "
            "ready to return.")
    assert simplify_sentence(text).text.endswith(". Williams says she was ready to return.")
    for text in ("Police found the boy near the river on Friday, sitting alone on the bank of the river.",
                 "The Klan saw the largest decline of all groups, according to the report, losing half of its chapters.",
                 "Farah fled the civil war in Syria with her husband in the night, hitching rides on trucks."):
        assert not any(r.startswith("split:participle") for r in simplify_sentence(text).rules)


def test_a_verb_of_saying_with_a_noun_object_shares_no_report():
    # (issue 19: "claimed responsibility" reports nothing the second verb could share)
    r = simplify_sentence("The Pakistani Taliban claimed responsibility for the deadly attack and warned of more to come.")
    assert r.text == "The Pakistani Taliban claimed responsibility for the deadly attack. The Pakistani Taliban warned of more to come."
    # a report the second verb may share still holds the sentence together
    text = "Officials said supplies of formula had not been contaminated and urged consumers to keep using them."
    assert not any(x.startswith("split:coordination") for x in simplify_sentence(text).rules)


def test_a_short_definite_subject_is_said_again_whole():
    r = simplify_sentence("Angelina Jolie's mother was diagnosed with cancer at age 49 and died seven years later.")
    assert r.text == "Angelina Jolie's mother was diagnosed with cancer at age 49. Angelina Jolie's mother died seven years later."
    # a quantity said again might be another part of the group: left as written
    text = "Many in Hong Kong will deplore that decision and were rightly repelled by the attack last week."
    assert not any(x.startswith("split:coordination") for x in simplify_sentence(text).rules)


def test_a_perfect_auxiliary_covers_both_verbs():
    r = simplify_sentence("The company has closed three of its stores in the city and moved its offices to a new "
                          "building in Leeds.")
    assert r.text == ("The company has closed three of its stores in the city. The company has moved its offices to a "
                      "new building in Leeds.")


def test_a_perfect_is_not_lent_to_a_dated_past():
    text = "The company has closed three of its stores in the city and last year opened two in Leeds and York."
    assert not any(x.startswith("split:coordination") for x in simplify_sentence(text).rules)
