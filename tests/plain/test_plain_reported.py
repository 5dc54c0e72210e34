"""The attribution as its own short sentence, the main fact first ("S, police said." -> "S.
Police said this."), and the sentences it leaves as written (issue 19)."""

from __future__ import annotations

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
    ("They will never give up the fight for the town, the mayor said.", "The mayor said this"),
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
