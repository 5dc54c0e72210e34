"""English inflection for the plain-language lexicon: -s, -ed, -ing, -er, -est.

The lexicon stores lemmas ("slam" -> "criticise"); at load time the rewriter expands
each entry into its inflected forms on both sides ("slammed" -> "criticised"), so
matching is a dictionary look-up and never needs a lemmatiser. Rules cover
consonant doubling, silent e, consonant + y, and a table of irregular verbs.
"""

from __future__ import annotations

from functools import lru_cache

# base: (past, past participle). Verbs whose -s or -ing forms are irregular are few
# enough to handle by rule ("be" and "have" are special-cased).
IRREGULAR_VERBS: dict[str, tuple[str, str]] = {
    "arise": ("arose", "arisen"), "awake": ("awoke", "awoken"), "be": ("was", "been"),
    "bear": ("bore", "borne"), "beat": ("beat", "beaten"), "become": ("became", "become"),
    "begin": ("began", "begun"), "bend": ("bent", "bent"), "bet": ("bet", "bet"), "bid": ("bid", "bid"),
    "bind": ("bound", "bound"), "bite": ("bit", "bitten"), "bleed": ("bled", "bled"),
    "blow": ("blew", "blown"), "break": ("broke", "broken"), "breed": ("bred", "bred"),
    "bring": ("brought", "brought"), "build": ("built", "built"), "burst": ("burst", "burst"),
    "buy": ("bought", "bought"), "cast": ("cast", "cast"), "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"), "cling": ("clung", "clung"), "come": ("came", "come"),
    "cost": ("cost", "cost"), "creep": ("crept", "crept"), "cut": ("cut", "cut"), "deal": ("dealt", "dealt"),
    "dig": ("dug", "dug"), "do": ("did", "done"), "draw": ("drew", "drawn"), "drink": ("drank", "drunk"),
    "drive": ("drove", "driven"), "eat": ("ate", "eaten"), "fall": ("fell", "fallen"), "feed": ("fed", "fed"),
    "feel": ("felt", "felt"), "fight": ("fought", "fought"), "find": ("found", "found"), "flee": ("fled", "fled"),
    "fly": ("flew", "flown"), "forbid": ("forbade", "forbidden"), "forecast": ("forecast", "forecast"),
    "foresee": ("foresaw", "foreseen"), "forget": ("forgot", "forgotten"), "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"), "get": ("got", "got"), "give": ("gave", "given"), "go": ("went", "gone"),
    "grind": ("ground", "ground"), "grow": ("grew", "grown"), "hang": ("hung", "hung"), "have": ("had", "had"),
    "hear": ("heard", "heard"), "hide": ("hid", "hidden"), "hit": ("hit", "hit"), "hold": ("held", "held"),
    "hurt": ("hurt", "hurt"), "keep": ("kept", "kept"), "know": ("knew", "known"), "lay": ("laid", "laid"),
    "lead": ("led", "led"), "leave": ("left", "left"), "lend": ("lent", "lent"), "let": ("let", "let"),
    "lie": ("lay", "lain"), "light": ("lit", "lit"), "lose": ("lost", "lost"), "make": ("made", "made"),
    "mean": ("meant", "meant"), "meet": ("met", "met"), "mislead": ("misled", "misled"),
    "overcome": ("overcame", "overcome"), "oversee": ("oversaw", "overseen"), "overtake": ("overtook", "overtaken"),
    "overthrow": ("overthrew", "overthrown"), "pay": ("paid", "paid"), "put": ("put", "put"),
    "quit": ("quit", "quit"), "read": ("read", "read"), "ride": ("rode", "ridden"), "ring": ("rang", "rung"),
    "rise": ("rose", "risen"), "run": ("ran", "run"), "say": ("said", "said"), "see": ("saw", "seen"),
    "seek": ("sought", "sought"), "sell": ("sold", "sold"), "send": ("sent", "sent"), "set": ("set", "set"),
    "shake": ("shook", "shaken"), "shed": ("shed", "shed"), "shine": ("shone", "shone"),
    "shoot": ("shot", "shot"), "show": ("showed", "shown"), "shrink": ("shrank", "shrunk"),
    "shut": ("shut", "shut"), "sing": ("sang", "sung"), "sink": ("sank", "sunk"), "sit": ("sat", "sat"),
    "sleep": ("slept", "slept"), "slide": ("slid", "slid"), "speak": ("spoke", "spoken"),
    "spend": ("spent", "spent"), "spin": ("spun", "spun"), "split": ("split", "split"),
    "spread": ("spread", "spread"), "spring": ("sprang", "sprung"), "stand": ("stood", "stood"),
    "steal": ("stole", "stolen"), "stick": ("stuck", "stuck"), "sting": ("stung", "stung"),
    "strike": ("struck", "struck"), "strive": ("strove", "striven"), "swear": ("swore", "sworn"),
    "sweep": ("swept", "swept"), "swim": ("swam", "swum"), "swing": ("swung", "swung"),
    "take": ("took", "taken"), "teach": ("taught", "taught"), "tear": ("tore", "torn"), "tell": ("told", "told"),
    "think": ("thought", "thought"), "throw": ("threw", "thrown"), "thrust": ("thrust", "thrust"),
    "undergo": ("underwent", "undergone"), "understand": ("understood", "understood"),
    "undertake": ("undertook", "undertaken"), "upset": ("upset", "upset"), "wake": ("woke", "woken"),
    "wear": ("wore", "worn"), "weep": ("wept", "wept"), "win": ("won", "won"), "wind": ("wound", "wound"),
    "withdraw": ("withdrew", "withdrawn"), "withhold": ("withheld", "withheld"),
    "withstand": ("withstood", "withstood"), "write": ("wrote", "written"),
}

# Past forms that are not also the participle: how the passive rule turns
# "was written by" into "wrote".
PAST_OF_PARTICIPLE: dict[str, str] = {pp: past for _, (past, pp) in IRREGULAR_VERBS.items()}

IRREGULAR_ADJECTIVES: dict[str, tuple[str, str]] = {
    "good": ("better", "best"), "bad": ("worse", "worst"), "far": ("further", "furthest"),
    "little": ("less", "least"), "many": ("more", "most"), "much": ("more", "most"),
}

IRREGULAR_NOUNS: dict[str, str] = {
    "man": "men", "woman": "women", "child": "children", "person": "people", "foot": "feet",
    "tooth": "teeth", "mouse": "mice", "crisis": "crises", "analysis": "analyses", "thesis": "theses",
    "criterion": "criteria", "phenomenon": "phenomena", "life": "lives", "wife": "wives", "knife": "knives",
    "leaf": "leaves", "half": "halves", "thief": "thieves", "shelf": "shelves", "chief": "chiefs",
    "sheep": "sheep", "fish": "fish", "series": "series", "species": "species", "aircraft": "aircraft",
    "staff": "staff", "people": "people", "police": "police", "news": "news", "money": "money",
}

_VOWELS = "aeiou"
# Final consonants never doubled: w, x, y (and "ng"-like clusters handled by the rule).
_NO_DOUBLE = "wxy"
# Two-syllable verbs stressed on the first syllable keep a single consonant ("visit",
# "offer"); these common ones are stressed on the last and double ("admit", "prefer").
_STRESSED_LAST = frozenset(
    "admit commit omit permit submit transmit emit refer prefer confer defer deter occur incur recur "
    "compel expel propel repel control patrol regret forget begin upset equip acquit rebel extol "
    "abet allot annul befit outwit".split()
    # Stressed first but doubled in British and (mostly) American usage alike.
    + "kidnap worship handicap".split()
)


def _count_vowel_groups(word: str) -> int:
    groups, previous = 0, False
    for ch in word:
        vowel = ch in _VOWELS + "y"
        if vowel and not previous:
            groups += 1
        previous = vowel
    return groups


def _doubles(word: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing/-er ("stop" -> "stopped").

    >>> _doubles("stop"), _doubles("visit"), _doubles("admit"), _doubles("slam"), _doubles("open")
    (True, False, True, True, False)
    >>> _doubles("kidnap")
    True
    """
    if len(word) < 3 or word[-1] in _VOWELS or word[-1] in _NO_DOUBLE:
        return False
    if not (word[-2] in _VOWELS and word[-3] not in _VOWELS):
        return False
    if word in _STRESSED_LAST:
        return True
    if word[-3:] in ("qu" + word[-1:],):
        return True  # "quit" -> "quitting"
    return _count_vowel_groups(word) == 1


def third_person(verb: str) -> str:
    """The -s form of a verb.

    >>> [third_person(v) for v in ("slam", "try", "watch", "go", "say", "be", "have", "criticise")]
    ['slams', 'tries', 'watches', 'goes', 'says', 'is', 'has', 'criticises']
    """
    if verb == "be":
        return "is"
    if verb == "have":
        return "has"
    return plural(verb)


def plural(noun: str) -> str:
    """The plural of a noun.

    >>> [plural(n) for n in ("claim", "city", "day", "box", "crisis", "bus", "hero", "child")]
    ['claims', 'cities', 'days', 'boxes', 'crises', 'buses', 'heroes', 'children']
    """
    if noun in IRREGULAR_NOUNS:
        return IRREGULAR_NOUNS[noun]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in _VOWELS:
        return noun[:-1] + "ies"
    if noun.endswith("o") and noun in ("hero", "echo", "veto", "tomato", "potato", "go", "do", "torpedo"):
        return noun + "es"
    return noun + "s"


def _suffix(word: str, suffix: str) -> str:
    """Add a suffix beginning with a vowel (-ed, -ing, -er, -est) by the spelling rules."""
    if suffix == "ing":
        if word.endswith("ie"):
            return word[:-2] + "ying"
        if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
            return word[:-1] + "ing"
        if _doubles(word):
            return word + word[-1] + "ing"
        return word + "ing"
    if word.endswith("e"):
        return word + suffix[1:]
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "i" + suffix
    if _doubles(word):
        return word + word[-1] + suffix
    return word + suffix


def past(verb: str) -> str:
    """The simple past.

    >>> [past(v) for v in ("slam", "criticise", "try", "play", "begin", "visit", "show")]
    ['slammed', 'criticised', 'tried', 'played', 'began', 'visited', 'showed']
    """
    if verb in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[verb][0]
    return _suffix(verb, "ed")


def past_participle(verb: str) -> str:
    """The past participle.

    >>> [past_participle(v) for v in ("slam", "begin", "show", "be", "come")]
    ['slammed', 'begun', 'shown', 'been', 'come']
    """
    if verb in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[verb][1]
    return _suffix(verb, "ed")


def gerund(verb: str) -> str:
    """The -ing form.

    >>> [gerund(v) for v in ("slam", "make", "die", "see", "visit", "criticise", "be")]
    ['slamming', 'making', 'dying', 'seeing', 'visiting', 'criticising', 'being']
    """
    return _suffix(verb, "ing")


def comparative(adjective: str) -> str:
    """The -er form.

    >>> [comparative(a) for a in ("big", "easy", "large", "good", "fast")]
    ['bigger', 'easier', 'larger', 'better', 'faster']
    """
    if adjective in IRREGULAR_ADJECTIVES:
        return IRREGULAR_ADJECTIVES[adjective][0]
    return _suffix(adjective, "er")


def superlative(adjective: str) -> str:
    """The -est form.

    >>> [superlative(a) for a in ("big", "easy", "large", "good")]
    ['biggest', 'easiest', 'largest', 'best']
    """
    if adjective in IRREGULAR_ADJECTIVES:
        return IRREGULAR_ADJECTIVES[adjective][1]
    return _suffix(adjective, "est")


# Tags of the forms produced for each part of speech.
VERB_FORMS = ("VB", "VBZ", "VBD", "VBN", "VBG")
NOUN_FORMS = ("NN", "NNS")


@lru_cache(maxsize=8192)
def forms(lemma: str, pos: str) -> dict[str, str]:
    """Every inflected form of ``lemma`` for ``pos`` (verb, noun, adj), by Penn tag.

    A multi-word lemma is inflected on its first word for verbs ("come under fire" ->
    "came under fire") and on its last word for nouns ("hate crime" -> "hate crimes").

    >>> forms("come under fire", "verb")["VBD"]
    'came under fire'
    >>> forms("badly injure", "verb")["VBN"]
    'badly injured'
    >>> forms("bid", "noun")
    {'NN': 'bid', 'NNS': 'bids'}
    """
    words = lemma.split(" ")
    if pos == "verb":
        # An adverb before the verb ("badly injure") leaves the verb second.
        at = 1 if len(words) > 1 and words[0].endswith("ly") else 0
        before, head, rest = words[:at], words[at], words[at + 1:]
        made = {"VB": head, "VBZ": third_person(head), "VBD": past(head), "VBN": past_participle(head),
                "VBG": gerund(head)}
        return {tag: " ".join([*before, w, *rest]) for tag, w in made.items()}
    if pos == "noun":
        return {"NN": lemma, "NNS": _plural_phrase(words)}
    return {"X": lemma}


# Words that follow a noun phrase's head and modify it ("person on the run", "group of
# companies", "person responsible"): the plural goes on the word before the first of them.
_AFTER_HEAD = frozenset("of in on at for with by who that which owned responsible involved suing concerned".split())


def _plural_phrase(words: list[str]) -> str:
    """The plural of a noun phrase: on its head, which is the last word unless a word
    that follows a head comes first; a phrase whose last word is already plural, or whose
    head is a gerund, stays as it is.

    >>> [_plural_phrase(p.split()) for p in ("hate crime", "person on the run", "group of companies",
    ...                                      "person responsible", "spending cuts", "easing of tensions",
    ...                                      "final warning", "person who reports wrongdoing")]
    ['hate crimes', 'people on the run', 'groups of companies', 'people responsible', 'spending cuts', 'easing of tensions', 'final warnings', 'people who report wrongdoing']
    """
    if len(words) == 1:
        return plural(words[0])
    at = next((k for k, w in enumerate(words) if k and w in _AFTER_HEAD), len(words))
    head = words[at - 1]
    if at == len(words) and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return " ".join(words)  # "spending cuts", "angry words": plural already
    if head.endswith("ing") and at < len(words):
        return " ".join(words)  # "easing of tensions": no plural
    after = list(words[at:])
    if after[:1] == ["who"] and len(after) > 1 and after[1].endswith("s"):
        after[1] = after[1][:-2] if after[1].endswith("es") and after[1][:-2].endswith(("s", "sh", "ch", "x")) \
            else after[1][:-1]  # "person who reports" -> "people who report"
    return " ".join([*words[: at - 1], plural(head), *after])
