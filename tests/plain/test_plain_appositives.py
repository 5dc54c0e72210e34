"""Appositives made sentences ("NAME, ROLE, did", "... met NAME, the ROLE", "NAME, known for X, is"),
with "is" or "was" as the sentence and the point allow; and the lists and names that are no appositive."""

from __future__ import annotations

from briefing.plain.simplify import simplify_sentence

from plain_review import never_says_test, says_test


def test_appositive_of_a_subject_leaves_no_stray_comma():
    text = "As most everyone knows by now, David Boren, president of the University of Oklahoma, faces a hard week."
    assert "David Boren faces a hard week." in simplify_sentence(text).text


# Review cases (see plain_review.py): what a rewrite of each sentence must say, and what it must
# never say, by the guard or rule of this family that each case holds.
SAYS = [
    # a participle phrase after the subject becomes its own sentence, in the main verb's tense
    ("Tributes The Gould League, founded in Australia in 1909, was named after him.",
     "The Gould League was founded in Australia in 1909."),
    ("Tairod Nathan Webster Pugh, accused of making the foiled attempt in January, was indicted by a grand jury "
     "on charges of obstruction of justice, the U.S. Justice Department said.",
     "Pugh was accused of making the foiled attempt in January, the U.S. Justice Department said."),
    # third review of unseen news
    ("Green, a 22 year veteran of the police force, is survived by his parents, brother and four sons.",
     "Green was a 22 year veteran of the police force."),
    ("Rahima Begum, the older sister of Shamima Begum, says the family had no idea of her plans.",
     "Rahima Begum is the older sister"),
    ("Liu Ping, a 45-year-old mother and grassroots activist, languishes in jail right now.",
     "Liu Ping is a 45-year-old mother"),
    ("Complicating matters, very few of the bodies have been found whole, Yves Naffrechoux, captain of rescue "
     "operations, told CNN on Friday.", "Yves Naffrechoux, captain of rescue operations, told CNN"),  # (a role in a
    # past-tense clause stays where it is: "is" may be false by now, "was" says he no longer is)
    # review 7: a speaker alive in a sentence that reports another's death keeps "is"
    ("Henry Solis, a Los Angeles Police Department rookie, is accused of killing 23-year-old Salome Rodriguez Jr. "
     "early in the morning of March 13 in Pomona.", "Solis is a Los Angeles Police Department rookie."),
    ("Bruno Masarotto confirmed that Jean-Claude Tissier, a former municipal councilor for Aussillon, was one of "
     "the French citizens killed.", "Tissier was a former municipal councilor"),
    # review 8
    ("Other opposition figures previously jailed or killed include Anna Politkovskaya, a journalist critical of "
     "Russia's war in Chechnya.", "Politkovskaya was a journalist"),
]
NEVER_SAYS = [
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
    # "combined with" joins a cause to the subject: the two together led to it
    ("This sexual imbalance, combined with the effective enslavement of the Tahitian men by the mutineers, led "
     "to insurrection and the deaths of most of the men.", "This sexual imbalance led to"),
    # an event's participle is not restated in the present tense
    ("The old bridge, built in 1900 by local workers, is the oldest one still standing in the county.",
     "is built in 1900"),
    # found on unseen news (cnndm_dev articles 400-600)
    ("Several additional fragments of the Codex Tchacos came to light after Bruce Ferrini, the dealer who owned the "
     "codex for some time, went bankrupt.", "Ferrini, went"),
    ("(CNN)Budi, an adorable baby orangutan, is on the road to recovery after an animal shelter in Indonesia "
     "rescued him.", "CNN)Budi is"),
    # from a second review of unseen rewrites
    ("Her last known apartment was just blocks from the last listed address of Ailina and Bella Tsarnaeva, her "
     "sisters-in-law.", "Tsarnaeva is"),
    # third review of unseen news (cnndm_dev 800-1000)
    ("After a police officer shot Michael Brown, the U.S. Department of Justice conducted an investigation into "
     "the Ferguson Police Department.", "Michael Brown is"),
    ("Wednesday on CNN, Carson, a retired neurosurgeon and potential Republican presidential candidate, said he "
     "\"absolutely\" believes being gay is a choice.", "CNN, Carson is"),
    ("The Hollywood Reporter: Bruce Sinofsky, Oscar-nominated director, dies at 58 .", "Sinofsky is"),
    ("Max Meyer, the 19-year-old, scored twice for Schalke in the second half of the game on Saturday night.",
     "Meyer is the 19-year-old"),
    # fourth review of unseen news (cnndm_dev 800-1000, other sentences)
    ('"They didn\'t need to be persuaded," Howard Leach, a Republican fundraiser for Jeb, told the Washington Post.',
     "Leach, told"),
    ("It's an issue that Ber Thaddeus Bailey, director of diversity, OU student government, worries about.",
     "Bailey is the director"),
    ("Common Sense Media, a child advocacy group, says parents should watch the show with their children first.",
     ". Media is"),
    # a person's role in a past-tense sentence: neither "is" nor "was" is sure
    ("Another aid worker was flown to Atlanta over the weekend, according to Nancy Nydam, spokeswoman for the "
     "Georgia Department of Public Health.", "Nydam was the spokeswoman"),
    ("She stood by her husband when House Republicans moved to impeach him for lying about his relationship with "
     "Monica Lewinsky, a White House intern.", "Lewinsky is a White House intern"),
    ("And on one early morning in 2014, police rounded up 35 people at the highest levels of MOSE, including "
     "Giorgio Orsoni, the mayor of Venice.", "Orsoni is the mayor"),
    # sixth review of unseen news (cnndm_dev 200-400, other sentences)
    ("For his part, Manenti has reportedly said he will not sell the club, which will likely mean another spell in "
     "administration for Parma, the second time in the past 10 years.", "Parma is the second time"),
    ("That is an old punchline in the Weir home, thanks to plastic cups of Chianti, a low bridge and a gondolier "
     "named Marco.", "Chianti is a low bridge"),
    ("Ramsey, a substitute, drove the ball into the net after Theo Walcott's effort had struck the post.",
     "Ramsey is a substitute"),
    # review 7
    ("Clement Adoda, a Borno state police spokesman, said at least 54 people were killed and another 139 wounded "
     "in the suicide attacks.", "Adoda was"),
    ("Kasparov, chairman of the Human Rights Foundation's International Council, suggested the killing was "
     "linked to the Kremlin's own insecurity.", "Kasparov was"),
    # review 8
    ("National Guard members, called to service by the governor after some demonstrations turned violent, are "
     "scattered throughout the area with armored vehicles.", "are called to service"),
    ("Villarreal, coached by Marcelino, even fielded an understrength side as it bids to progress in the Copa del "
     "Rey.", "was coached"),
    ('Jessica Stern, a lecturer on terrorism at Harvard University who this month published, "ISIS: The State of '
     'Terror," says it is imperative to address the sectarian divisions in Iraq.', "who this month published."),
    ("Since August, it has made approximately 40 trips -- about half to Europe, the rest to the United States.",
     "Europe is"),
    # review 9
    ("Carlos Sainz Jnr., son of the former rally champion, qualifies eighth while Max Verstappen is 12th.", ". Jnr. is"),
    ("The recording does not include a view of the shooting itself, which occurred Tuesday afternoon as Keith "
     "Lamont Scott, a 43-year-old black man, was sitting in his parked vehicle outside his apartment.", "Scott is"),
]

test_rewrite_says = says_test(SAYS)
test_rewrite_never_says = never_says_test(NEVER_SAYS)


def test_an_appositive_of_a_place_says_is_in_a_past_tense_sentence():
    text = "The incident took place Monday afternoon at an apartment complex in Chamblee, a suburb of Atlanta."
    assert simplify_sentence(text).text == ("The incident took place Monday afternoon at an apartment complex in "
                                            "Chamblee. Chamblee is a suburb of Atlanta.")
    # A person's role in a past-tense sentence stays where it is: "is" and "was" may each be false.
    text = "Police arrested Giorgio Orsoni, the mayor of Venice, at his home on Wednesday morning."
    assert "Orsoni is" not in simplify_sentence(text).text and "Orsoni was" not in simplify_sentence(text).text


def test_an_age_appositive_is_said_again_in_a_present_tense_sentence():
    # (issue 19: the age had no word to count, so "Musk, 52," was never split)
    r = simplify_sentence("Jolie, 39, carries a mutation of the BRCA1 gene, which raises her risk of cancer.")
    assert r.text == "Jolie carries a mutation of the BRCA1 gene, which raises her risk of cancer. Jolie is 39."
    assert "appositive" in r.rules


def test_an_age_appositive_in_a_past_tense_sentence_stays():
    # a person's age in a past sentence may not be the age now: neither "is" nor "was" is sure
    text = "Patricia Glancy, 36, conned five couples into leaving blank cheques with the golf club."
    assert "appositive" not in simplify_sentence(text).rules
