"""Sentence splits at semicolons, conjunctions, subordinate clauses and dashes, and the split of a
sentence that ends with its attribution (which every part keeps); and the splits the guards rule out."""

from __future__ import annotations

import pytest

from briefing.plain.faithful import check
from briefing.plain.novelty import check_both_ways
from briefing.plain.simplify import simplify_sentence

from plain_review import never_says_test, says_test


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


def test_a_split_does_not_split_its_own_lead_again():
    # It recursed for ever on "This will be because ...", splitting "This will be." off each time.
    text = ("But Roach will not be available to work with Pacquiao until after March because he is in China "
            "training another boxer.")
    assert simplify_sentence(text).text == ("But Roach will not be available to work with Pacquiao until after March. "
                                            "This is because he is in China training another boxer.")


# Review cases (see plain_review.py): what a rewrite of each sentence must say, and what it must
# never say, by the guard or rule of this family that each case holds.
SAYS = [
    # a clause split from an attributed sentence keeps the source in both sentences
    ("The officer was white; the deceased man was African-American, Alexander said.",
     "The officer was white, Alexander said."),
    ("Bergman stated that the film would be his last, and that afterwards he would focus on directing theatre.",
     "his last, and that afterwards he would focus"),
    # third review of unseen news: an appositive describes a person at the sentence's time
    ("She couldn't see her legs, but she saw her bones lying next to her on the sidewalk, she testified.",
     "She couldn't see her legs, she testified."),
    # review 7
    ("The officer being sprayed with wasp spray picked up a bag and threw it at White to slow him down, but the "
     "suspect still barged through, Richel told reporters.", "barged through, Richel told reporters."),
    # review 8
    ("He tries to smile, but an expression of sadness quickly returns to his face.", "But an expression"),
    # review 10
    ("She was released in December but she still couldn't leave because her passport had not been returned.",
     "This was because"),
]
NEVER_SAYS = [
    # splits and drops the parser rules out
    # "after a hard day's work" is a preposition's phrase, and "finds" is the employer's verb.
    ("A well-heeled employer goes back to his hotel after a hard day's work and finds no hot dinner on the table.",
     "This was after"),
    # A quotation's comma cannot end a sentence.
    ('John Kerry acknowledged "the days are ticking by," but that doesn\'t mean there\'s an urgent rush to '
     'reach an agreement.', ',".'),
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
    # A semicolon inside brackets separates two measures, not two sentences.
    ("The highest elevation in Puerto Rico, Cerro de Punta (4,390 feet; 1,338 m), is located in this range.",
     "feet."),
    # list semicolons participles and places keep their sense
    # A semicolon between list items or before an explanation is not a sentence break.
    ("Among his published works were Peace, a Lyric Poem (1814); Resignation (1817); The Triumph of "
     "Christianity (1819); and The Soldier's Friend (1828).", "(1814)."),
    ("He has also appeared in many highly-acclaimed television dramas such as The Lakes, State of Play and two "
     "BAFTA award-winning serials; Clocking Off and Sex Traffic.", "serials."),
    # asides and nominations keep their sense
    # "-- that is, all but seven --" explains "47 Republican Senators": not a sentence of its own.
    ("On Monday, 47 Republican Senators -- that is, all but seven -- sent a letter to Iran that appeared aimed "
     "at scuttling the talks.", "That is, all but seven."),
    # found on unseen news (cnndm_dev articles 400-600)
    ("After he handed over the cash, Meng said the man ordered him to drive.", "Then Meng said"),
    ("According to exit polls, Mitt Romney had a ten-point lead over Obama among the high-earning group in 2012, "
     "but still lost the election.", "lost the election, according to exit polls"),
    ("Rendell noted that Ronald Reagan appeared unsteady in his first debate against Walter Mondale in 1984, and "
     "some speculated about his health at the time.", "1984. Some speculated"),
    ("Yet ISIS experts say some of Khorasan's militants have defected to join ISIS, and those defectors in turn "
     "sent recruiters to Afghanistan to try to bolster their ranks.", "ISIS. Those defectors"),
    ("The act would require that a union be deemed as legitimate when it had the support of a majority of "
     "employees and imposed tough penalties on employers who tried to punish workers.", "This was when"),
    # from a review of 550 rewrites of unseen news (PolNeAR dev and cnndm_dev 600-700)
    ('In his statement Tuesday, Jonathan said; "I promised the country free and fair elections.', "Jonathan said."),
    ("Though that transition was relatively seamless, he said, replacing Clinton would be much more acrimonious "
     "and could lead to intense lobbying by loyalists.", "That transition was relatively seamless."),
    ("On May 2, he will finally go toe to toe with American welterweight boxing champion Floyd Mayweather Jr. in "
     "Las Vegas -- the fight most boxing fans have wanted to see for years.", "The fight most"),
    # from a second review of unseen rewrites
    ("The most recent arrests were in 2011, when he protested the results of parliamentary elections, and in 2012, "
     "when tens of thousands protested against Putin.", "This was when"),
    ("Admiration from celebrity and ordinary viewers -- many said to be moved to tears -- poured in almost "
     "immediately.", "Many said to be moved to tears."),
    ("A French family was seated behind Hilton, and the father leaned over his kids during one of Hilton's rants, "
     "a flight attendant told authorities, according to court papers.", "authorities.,"),
    # third review of unseen news (cnndm_dev 800-1000)
    ("Most sex workers that Hail-Jares encounters through street-based outreach are not in it for a lark, or "
     "because they lack the drive to succeed, she says.", "This is because"),
    ('Prosecutors accuse Durst of "lying in wait" and killing Susan Berman, a crime writer and his longtime '
     'confidante, because she "was a witness to a crime."', "This is because"),
    ("Deposed President Abdu Rabu Mansour Hadi was at the Aden palace compound when the first missile struck the "
     "grounds, but he then fled safely, a Hadi aide said, also on condition of anonymity.", "compound when the first "
     "missile struck the grounds."),
    ("He's talking about image and, although he won't say it, branding.", "image and."),
    # fourth review of unseen news (cnndm_dev 800-1000, other sentences)
    ("Once arrested, the resident may sit in jail for a very long time, while the fees and fines continue to "
     "accrue.", "time. The fees"),
    ("And, at the moment -- it has what many polite Midwesterners can't abide by -- attitude.", "moment attitude"),
    ("The airstrikes came on the same day opposing Yemeni military forces -- those commanded by Houthis, and those "
     "led by officers loyal to Hadi -- battled in Aden, leaving at least 13 people dead, Hobtour said.",
     "Houthis, Hobtour said."),
    ("Neither man had a gun on them when they exited their vehicle, violating their company's protocol, the sheriff "
     "said.", "This was when"),
    ("Shafqat was calm when he thought he was going to be executed, Manzoor Hussain, his brother told CNN.",
     "This was when"),
    ("Utah executed Gary Gilmore in 1977, the first death by capital punishment after the Supreme Court allowed "
     "states to resume executions.", "This was after"),
    # fifth review of unseen news (cnndm_dev 200-400)
    ("I am not only funny to look at, but I am also a very good singer, she told the audience with a smile.",
     "not only funny to look at."),
    # sixth review of unseen news (cnndm_dev 200-400, other sentences)
    ("After the September 11, 2001, attacks, cockpit doors were manufactured to withstand manual force and small "
     'weapons, so there was "no way to get back to the cockpit for the captain," he said.', "weapons. So"),
    ("Lippert was nominated to be the top Asia policy official in the Pentagon in 2011, amid stories that he had "
     "clashed with former national security adviser, retired Gen. James Jones, while he served on the NSC.",
     "He served on the NSC."),
    ('Although he is dutifully appearing on TV this month to promote "Pretty Woman\'s" anniversary, Gere in the '
     "past has publicly dismissed the movie for glorifying Wall Street corporate raiders.", "He is dutifully"),
    ("But now, Bassem Youssef -- Egypt's most famous satirist known as his country's Jon Stewart -- has the public "
     "profile of a politician in retirement.", "Stewart."),
    ("The Picks were there -- they sang background vocals on Buddy's records -- as well as singer Tommy Allsup, who "
     "claimed that years later he got his wallet back from the crash site.", "records."),
    # review 6, still open at the start of the next stop
    ("Not only did people talk when they were offered the chance; they wanted to talk.", "the chance."),
    ("I remember when cancer was a dirty word, and the prognosis was always grim.", "dirty word."),
    ("Another aviation analyst, David Soucie, also cast doubt after MH370 went missing on the most widely held "
     "belief that the plane hit the Indian Ocean.", "cast doubt."),
    ("Finally, negotiations must happen at a time when a peace agreement can reasonably be enforced -- it is one "
     "thing to craft a compromise and quite another to carry it out.", "and another"),
    # review 7
    ("And now that Harry Reid is planning to retire, you are about to hear this: Warren has to run for leader "
     "because Chuck Schumer is too cozy with Wall Street.", "This is because"),
    ("Kristine Spillman Adams: My understanding was always that Judas betrayed Jesus not because he was a "
     "villain, but he thought Jesus would start an earthly war when arrested.", "a villain."),
    ("Only certain schools on the island were receiving vision screenings, when it was convenient.", "This was when"),
    ("That prompted his family to speak out, saying they kept it quiet for years that Levinson was working for the "
     "CIA, because the U.S. government had warned them that revealing it would put him in more jeopardy.",
     "This is because"),
    ("Los Angeles International Airport moved up from sixth to fifth, Dubai moved up from seventh to sixth, and "
     "Chicago O'Hare International Airport dropped from fifth to seventh.", "sixth. Chicago"),
    ("Our universities were once places where ideas were safe to flourish, and we went to question what we knew.",
     "We went"),
    ("It was around 4 p.m. on February 2 when the 15-year police veteran first attempted to pull Kassick over, "
     "according to the charging documents.", "This was when"),
    # review 8
    ("The lack of people of color at secular events is a problem -- partly because there is unawareness of such "
     "events existing, but also because there is limited effort placed in accommodation and care.", "but also."),
    ('Washington (CNN)Updates on Scott Walker, Marco Rubio and John Kasich, and an overseas vote where President '
     'Obama would love to see an anti-incumbent backlash -- those stories filled our Sunday trip around the table.',
     "backlash."),
    ("Many of the students' arguments are essentially biological -- we are omnivores.", "We are omnivores."),
    ("It was impossible to stop but I always looked up when I arrived at Indira Gandhi.", "This was when"),
    ("Authorities on Thursday released a photo of a bruised Giroux in which he had a tattoo on his neck but no "
     "tattoos on his face.", "But no tattoos"),
    ('He ended with: "Now I don\'t like killing innocent people but due to said " -- the word was lost to a bullet '
     'hole -- "it is allowed."', '" "'),
    # review 9
    ("To his successor, Mr. Obama leaves an ambitious and divisive legacy: a raft of new emissions rules that "
     "promise to transform the economy, and an aggressive - some say unrealistic - pledge made in Paris to reduce "
     "greenhouse gas emissions.", "An aggressive"),
    ("But we must not let democracy, freedom, the rule of law, the things that we hold dear and people in Tunisia "
     "hold dear -- we must not let them be defeated or undermined by these extremists and terrorists.", "hold dear."),
    # review 10
    ("What kind of weapons were outlawed in warfare in 1925, though they have been used in some conflicts since "
     "then?", "1925."),
    ("In one March 2012 email, the captain reported to Shaw that court collections the previous month reached "
     "$235,000 -- the first month collections exceeded $200,000.", "$235,000."),
]

test_rewrite_says = says_test(SAYS)
test_rewrite_never_says = never_says_test(NEVER_SAYS)

# issue 19's reading of dailymail_dev splits
NEVER_SAYS_19 = [
    ("But for Tomasz the main reason he has spent so much time kayaking is because Tomasz finds it relaxing.",
     "kayaking is."),
    ("22-year-old Becki from Chester had never dated a woman before but loves Luke as a man, despite the fact that "
     "he doesn't have a penis, and can't wait to give birth to his child next year.", "But he doesn't"),
    ("Sanni was left to survive by herself but when she was discovered her face was covered in blood and her nose "
     "and lip had been eaten by mice.", "But Sanni when"),
]
test_issue19_never_says = never_says_test(NEVER_SAYS_19)


# ---------------------------------------------------------------------------
# Splits added from the refusal count of issue 19 (a clause the word lists missed, a report
# that ends before the conjunction, a bare "and", a colon, a British dash), and where they refuse


@pytest.mark.parametrize("text, expected, rule", [
    ("Clinton has asked for those emails to be made public, and department officials are reviewing them to make "
     "sure no sensitive information is released.",
     "Clinton has asked for those emails to be made public. Department officials are reviewing them to make sure "
     "no sensitive information is released.", "split:conjunction:and"),
    ("Military officials declined to say Thursday how many bodies still were missing, and they did not release the "
     "names of the service members involved in the crash.",
     "Military officials declined to say Thursday how many bodies still were missing. They did not release the "
     "names of the service members involved in the crash.", "split:conjunction:and"),
    ("Liam Hemsworth has also been cast in a lead role and Jeff Goldblum will reprise his role as David Levinson "
     "from the original.",
     "Liam Hemsworth has also been cast in a lead role. Jeff Goldblum will reprise his role as David Levinson "
     "from the original.", "split:conjunction:and"),
    ("The news was stunning to hear: A young woman, 18-year-old Michelle Carter, was charged with involuntary "
     "manslaughter.",
     "The news was stunning to hear. A young woman, 18-year-old Michelle Carter, was charged with involuntary "
     "manslaughter.", "split:colon"),
    ("Burberry's social media success has grown exponentially - and it is still growing fast.",
     "Burberry's social media success has grown exponentially. It is still growing fast.", "split:dash"),
])
def test_refusal_count_splits(text, expected, rule):
    rewrite = simplify_sentence(text, source=None)
    assert rewrite.text == expected
    assert rule in rewrite.rules
    assert check_both_ways(text, rewrite.text).ok


@pytest.mark.parametrize("text", [
    # The source set in the first clause may cover the second.
    "The man fled the scene on foot, police said, and officers chased him for a mile across the fields.",
    # The second clause may be part of the report.
    "Police said the man fled the scene on foot, and officers chased him for a mile across the fields.",
    "Rendell noted that the party won the vote, and some speculated about his future in the state.",
    # A time before the subject may cover both clauses.
    "On Monday the police arrested the man at his home and the court charged him with murder in the city.",
    # A hedge may cover both clauses.
    "Miss Moir is said to have stood by him and they still hope to get married in the summer.",
    # "and that": a second relative clause, no subject of its own.
    "The report found a department that was biased and that has regularly targeted and fined African-Americans.",
    # A colon after a verb of saying, or before a future of the past.
    "The minister said in a speech: The talks have failed and the army will stay in the city.",
    "I was proud to deliver good news to veterans: They would have a choice when it comes to health care.",
    # A score is no dash.
    "United won the game 2 - 1 on a cold and windy night at the old stadium in the north of the city.",
])
def test_refusal_count_splits_left_alone(text):
    rewrite = simplify_sentence(text)
    assert not any(r.startswith(("split:conjunction", "split:colon", "split:dash")) for r in rewrite.rules), rewrite


def test_dash_before_a_bare_noun_subject_splits():
    # (issue 19: "research continues" opens with a bare noun the closed lists do not take for a subject)
    text = ("In the years since it was exhumed, the King's skeleton has given up plenty of secrets -- and research "
            "continues to find out more.")
    r = simplify_sentence(text)
    assert r.text == ("In the years since it was exhumed, the King's skeleton has given up plenty of secrets. "
                      "Research continues to find out more.")
    assert r.rules == ("split:dash",)


def test_dash_after_a_report_closed_inside_a_relative_clause_splits():
    text = ("Wilson, a white officer who said he shot Brown in self-defense, will not be charged in the case -- a "
            "grand jury declared it wouldn't indict him in November.")
    assert simplify_sentence(text).text == (
        "Wilson, a white officer who said he shot Brown in self-defense, will not be charged in the case. A grand "
        "jury declared it wouldn't indict him in November.")
    # a report that reaches past the dash still holds the sentence together
    text = "Police said the officer will not be charged in the case -- a grand jury declared it in November."
    assert "split:dash" not in simplify_sentence(text).rules


def test_dash_after_not_only_stays():
    text = ("And not only did the activist manage to locate him within hours - but she and nearly 2,000 other "
            "women have now invited him to a huge dance party in Los Angeles.")
    assert "split:dash" not in simplify_sentence(text).rules


def test_a_dash_before_a_bare_attribution_stays():
    # (found on main: "... market. A police spokesman said." shipped, the source cut off from its words)
    text = "The man was killed in the blast near the market -- a police spokesman said."
    assert "split:dash" not in simplify_sentence(text).rules
