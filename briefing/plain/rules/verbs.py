"""Verb rules: a passive made active (``passive``), two verbs that share a subject split into
two sentences (``split:coordination:WORD``), and a participle clause that ends a sentence
made a sentence of its own, a result's or a report's (``split:participle:LEMMA``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .clauses import MIN_PART_WORDS, _long, _main_clause, _main_clause_tense, _reports_before, _split_all
from .lexicon_entries import lexicon
from .mentions import _names_people, _subject_again
from .splits import _split_attributed
from .tails import _ends_with_source
from .text import _Context, _capitalise, _end_sentence, _inside_quote, _lower_first, _word_count, _words
from .word_classes import DETERMINERS, FINITE_VERBS, OBJECT_PRONOUNS, _PAST_FORMS, _REPORTING_RE
from .. import inflect, parse
from ..faithful import CALENDAR_NAMES
from ...text.quotes import quotations
from ...text.nlp import zipf_frequency


_PASSIVE_RE = re.compile(
    r"^(?P<subj>[A-Z][^,;:\"“”()]*?) (?P<aux>was|were) (?P<adv>[a-z]+ly )?(?P<verb>[a-z]+) by "
    r"(?P<agent>(?:the|a|an|his|her|their|its|[A-Z][\w’'-]*)(?: [\w’'-]+){0,5}?|[a-z]+s)"
    r"(?P<rest>[.!?]?)$"
)
_NOT_AGENTS = frozenset("end time year month week day way means use hand far law mistake accident chance".split())


def _rule_passive(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    out, trace = [], []
    for s in sentences:
        new = _active(s, ctx)
        if new:
            trace.append("passive")
            out.append(new)
        else:
            out.append(s)
    return out, trace


def _active(s: str, ctx: _Context) -> str | None:
    """"X was criticised by Y." -> "Y criticised X."

    >>> _active("The city was founded by the Romans.", _Context())
    'The Romans founded the city.'
    >>> _active("It was discovered by a team from the University of Hawaii in 2000.", _Context()) is None
    True
    >>> _active("He was criticised by Israeli officials.", _Context())
    'Israeli officials criticised him.'
    >>> _active("The plan was approved by 2020.", _Context()) is None
    True
    """
    m = _PASSIVE_RE.match(s)
    if not m:
        return None
    verb = m.group("verb")
    if verb in inflect.PAST_OF_PARTICIPLE:
        active_verb = inflect.PAST_OF_PARTICIPLE[verb]
    elif verb.endswith("ed") and len(verb) > 4:
        active_verb = verb
    else:
        return None
    subj, agent = m.group("subj"), m.group("agent")
    agent_words = agent.split()
    if any(w.lower() in _NOT_AGENTS for w in agent_words) or any(ch.isdigit() for ch in agent):
        return None
    if agent_words[0].lower() in DETERMINERS and len(agent_words) < 2:
        return None
    if len(_words(subj)) > 8 or any(w.lower() in ("who", "which", "that") or w.lower() in FINITE_VERBS
                                    for w in _words(subj)):
        return None
    if any(k and (k in subj or k in agent) and k == subj for k in ctx.keep):
        return None
    if subj.lower() in OBJECT_PRONOUNS:
        obj = OBJECT_PRONOUNS[subj.lower()]
    elif subj in ("It", "You"):
        obj = subj.lower()
    elif subj.split()[0] in ("The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her", "Their"):
        obj = _lower_first(subj)
    else:
        obj = subj
    adverb = m.group("adv") or ""
    return _capitalise(f"{agent} {adverb}{active_verb} {obj}{m.group('rest')}")


@lru_cache(maxsize=1)
def _plain_adjectives() -> frozenset[str]:
    """The lexicon's plain adjectives that look like past tenses ("disputed", "shocked"):
    after the swap the parser may read one as a verb."""
    return frozenset(e.replacement.lower() for e in lexicon() if e.pos == "adj" and e.replacement.endswith("ed"))


def _after_but(subject: str, *, common_noun: bool = False) -> str:
    """"But" before a subject named again: "The" and "A" lose their capital there, and
    so does a common noun that had it only for opening the sentence (``common_noun``).

    >>> _after_but("The 42nd vice president"), _after_but("Musk"), _after_but("She")
    ('But the 42nd vice president', 'But Musk', 'But she')
    >>> _after_but("Police", common_noun=True)
    'But police'
    """
    if common_noun or subject.startswith(("The ", "A ", "An ")) or \
            subject.split()[0] in ("He", "She", "It", "We", "They", "You"):
        subject = subject[0].lower() + subject[1:]
    return f"But {subject}"


# Irregular participles the parser may tag as past tenses after a passive ("was kidnapped
# ... and found dead"): only these borrow "was"; "was injured and died" has a verb of its own.
_PASSIVE_PARTICIPLES = frozenset("found held kept left sent told brought taught caught sold shot hit put set bound "
                                 "built paid spent led".split())


def _rule_coordination(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all(sentences, _split_coordination)


# Adverbs that hedge a claim: a split must not leave a verb without them.
_HEDGES = frozenset("reportedly allegedly apparently possibly probably likely presumably supposedly "
                    "seemingly purportedly ostensibly".split())
# How often: before the first verb, it covers the second one too.
_SHARED_ADVERBS = frozenset("usually often always sometimes frequently typically generally never rarely mostly "
                            "normally regularly routinely occasionally seldom".split())


def _split_coordination(s: str, trace: list[str]) -> list[str]:
    """Two verbs that share a subject become two sentences, when the parser ties the
    second to the main verb and each has its own tense.

    >>> _split_coordination("The former Major League Baseball pitcher recently fired off a series of "
    ...                     "fastballs and mowed down a group of Twitter trolls.", [])
    ['The former Major League Baseball pitcher recently fired off a series of fastballs.', 'The pitcher mowed down a group of Twitter trolls.']
    >>> _split_coordination("The suspect was arrested at his home in Ohio on Monday and charged with murder.", [])
    ['The suspect was arrested at his home in Ohio on Monday.', 'The suspect was charged with murder.']
    >>> _split_coordination("The two men did not stop at the border crossing and wait for the police.", [])
    ['The two men did not stop at the border crossing and wait for the police.']
    """
    if not _long(s):
        return [s]
    if not re.search(r"\b(?:and|but)\b", s) or ";" in s:
        return [s]  # no conjunction: spare the parser; "bombed schools ...; kidnapped women": a series
    if _ends_with_source(s):
        return _split_attributed(s, trace, _split_coordination) or [s]
    found = _shared_subject_verbs(s)
    if found is None:
        return [s]
    tokens, main, auxiliaries, subject, second = found
    if _second_verb_refused(s, tokens, main, second):
        return [s]
    own = [x for x in parse.children(tokens, second) if x.dep in ("aux", "auxpass", "neg")]
    borrowed = _borrowed_auxiliaries(tokens, main, second, auxiliaries, own)
    if borrowed is None:
        return [s]
    cc = _coordinating_word(s, tokens, main, second, auxiliaries, own)
    if cc is None:
        return [s]
    again = _subject_again(s, tokens, subject, it=True) or _whole_subject(s, tokens, subject)
    if again is None:
        return [s]
    if _one_statement(s, tokens, main, subject, second, cc):
        return [s]
    first_part = _end_sentence(s[:cc.idx].rstrip(" ,"))
    if cc.text.lower() == "but":
        # "Police discovered ... but did not": "But police did not", while "Apple" (NNP) keeps its capital
        again = _after_but(again, common_noun=subject.i == 0 and subject.tag in ("NN", "NNS")
                           and again.split()[0] == tokens[0].text)
    if re.match(r"(?:when|if|after|before|because|as|while|once|until|unless|although|though)\b",
                s[tokens[second.left].idx:], re.IGNORECASE):
        return [s]  # "... by herself but when she was discovered her face was ...": a clause, not a verb phrase
    second_part = _end_sentence(f"{again} {borrowed}{s[tokens[second.left].idx:]}")
    if _word_count(first_part) < 5 or _word_count(second_part) - _word_count(again) < 3:
        return [s]  # "... an entrance hall and pillared forecourt": a verb of two words is likely a misparse
    trace.append(f"split:coordination:{cc.text.lower()}")
    return [first_part, second_part]


# Words that open a subject which, said again, might name another part of a group ("Many in
# Hong Kong will deplore ... Many in Hong Kong were repelled": the same many?), or a new one ("A man").
_QUANTIFIERS = frozenset("a an many some most few several all both each every any no none one two three four five six "
                         "seven eight nine ten dozens hundreds thousands millions more less fewer other others".split())


def _whole_subject(s: str, tokens: tuple[parse.Token, ...], subject: parse.Token) -> str | None:
    """The subject said again word for word, when :func:`_subject_again` finds no shorter
    way and the subject is a short, definite phrase with nothing inside that could change
    ("Angelina Jolie's mother", "The Cultural Relic Bureau in Fujian province"); None for
    a quantity, an indefinite, a clause or a comma inside it.

    >>> s = "Angelina Jolie's mother was diagnosed with cancer at age 49 and died seven years later."
    >>> tokens = parse.parse(s)
    >>> _whole_subject(s, tokens, tokens[3])
    "Angelina Jolie's mother"
    >>> s = "Many in Hong Kong will deplore that decision and were rightly repelled by the attack."
    >>> tokens = parse.parse(s)
    >>> _whole_subject(s, tokens, tokens[0]) is None
    True
    """
    inside = tokens[subject.left:subject.right + 1]
    phrase = s[inside[0].idx:inside[-1].end]
    if len(inside) > 7 or inside[0].text.lower() in _QUANTIFIERS or re.search(r"[,;:()\"“”‘’]|--|–|—", phrase):
        return None
    if any(t.dep in ("relcl", "acl", "appos", "conj", "cc", "nummod", "advcl") or t.tag in ("CD", "PRP", "WDT", "WP")
           or t.tag.startswith("RB") or t.tag in ("JJR", "JJS") for t in inside):
        return None
    if not (inside[0].text.lower() == "the" or inside[0].tag in ("NNP", "NNPS", "PRP$")):
        return None  # "Earlier police had made arrests and searched ...": "Earlier" is no part of the subject
    return _capitalise(phrase)


def _shared_subject_verbs(s: str) -> tuple[tuple[parse.Token, ...], parse.Token, list[parse.Token], parse.Token,
                                           parse.Token] | None:
    """The parse of ``s``, its main verb, the main verb's auxiliaries, its one subject and
    the one verb joined to it; None when the parse shows no such pair, or something
    before the main verb (a negation, a hedge, a quotation, a scope) reaches over both."""
    parsed = _main_clause(s)
    if parsed is None or not parsed[1].tag.startswith("VB"):
        return None
    tokens, main = parsed
    if ")" in s[:main.idx]:
        return None  # "Beijing (CNN)China's premier ... but brushed aside": a dateline the parser reads as the subject
    # "was arrested and charged": the second verb leans on the first one's auxiliaries,
    # which its sentence takes along ("He was charged"); not past a negation, whose
    # reach over the second verb is unclear ("did not stop and wait").
    auxiliaries = [x for x in parse.children(tokens, main) if x.dep in ("aux", "auxpass") and x.i < main.i]
    if any(x.dep == "neg" for x in parse.children(tokens, main)):
        return None
    if not auxiliaries and main.tag not in ("VBD", "VBZ", "VBP"):
        return None
    subjects = [x for x in parse.children(tokens, main) if x.dep in ("nsubj", "nsubjpass")]
    verbs = [x for x in parse.children(tokens, main) if x.dep == "conj" and x.tag.startswith("VB") and x.i > main.i]
    if any(x.dep == "advmod" and x.text.lower() in _HEDGES | _SHARED_ADVERBS and x.i < main.i
           for x in parse.children(tokens, main)):
        return None  # "reportedly shouted ... and cut", "usually punctured ... and exploded": the adverb covers both
    if ":" in s[:main.idx]:
        return None  # "CNN: Last year your organization ...": a speaker's label the parser may take for the subject
    kids = parse.children(tokens, main)
    # "claimed responsibility for the attack and warned ...": a verb of saying with a noun for its
    # object and no clause reports nothing that the second verb could share
    reports = _REPORTING_RE.fullmatch(main.text) and not (
        any(x.dep == "dobj" and x.tag in ("NN", "NNS") for x in kids)
        and not any(x.dep in ("ccomp", "xcomp", "parataxis", "advcl") for x in kids))
    if (reports or any(x.dep == "ccomp" for x in kids)) \
            and not _report_closed(s, tokens, main, verbs) or any(a < main.idx for a, _, _ in quotations(s)):
        return None  # '"...," the band said on Facebook and tweeted out to ...': both verbs share the quote
    if len(subjects) != 1 or len(verbs) != 1 or subjects[0].i > main.i:
        return None
    if any(t.dep not in ("punct", "cc") and not (t.dep == "advmod" and t.text.lower() in _LINKING_ADVERBS)
           for t in tokens[:subjects[0].left]):
        return None  # "In another letter, Anne wrote ... and drew ...": the second sentence would lose the scope
        # ("Meanwhile, officials said ... and urged ...": a link to the sentence before, no scope)
    return tokens, main, auxiliaries, subjects[0], verbs[0]


# What a speaker does after saying something, in the past: "said ..., and urged ...".
_SPEAKERS_ACTS = frozenset("urged called asked added warned promised vowed pledged insisted noted denied declined refused "
                           "appealed thanked praised apologized apologised stressed described encouraged advised "
                           "told announced confirmed admitted acknowledged explained".split())
# Openers that link to the sentence before and say nothing of when, where or whether.
_LINKING_ADVERBS = frozenset("meanwhile however also moreover furthermore additionally".split())


def _report_closed(s: str, tokens: tuple[parse.Token, ...], main: parse.Token, verbs: list[parse.Token]) -> bool:
    """Whether a main verb of saying ends its report, with a comma, before the one verb
    joined to it, and the sentence holds no quotation: "Officials said supplies had not
    been contaminated, and urged consumers to ..." (the urging is the officials' own
    act, said of them, not something they reported).

    >>> s = "Officials said supplies of formula had not been contaminated, and urged consumers to keep using them."
    >>> tokens = parse.parse(s)
    >>> _report_closed(s, tokens, tokens[1], [x for x in tokens if x.text == "urged"])
    True
    >>> s = "Officials said supplies of formula had not been contaminated and urged consumers to keep using them."
    >>> tokens = parse.parse(s)
    >>> _report_closed(s, tokens, tokens[1], [x for x in tokens if x.text == "urged"])
    False
    """
    if len(verbs) != 1 or quotations(s) or "''" in s or not verbs[0].tag == main.tag == "VBD" \
            or verbs[0].text.lower() not in _SPEAKERS_ACTS:
        return False  # ("Police said a mob tried to attack them, and shouted ...": the mob may have shouted;
        # "urged", "called", "added" are what a speaker does)
    second = verbs[0]
    reports = [x for x in parse.children(tokens, main) if x.dep in ("ccomp", "parataxis") or x.dep == "xcomp"]
    cc = next((x for x in parse.children(tokens, main) if x.dep == "cc" and main.i < x.i < second.i), None)
    if cc is None or tokens[cc.i - 1].text != "," or not reports:
        return False
    return all(x.right < cc.i - 1 for x in reports)


def _second_verb_refused(s: str, tokens: tuple[parse.Token, ...], main: parse.Token, second: parse.Token) -> bool:
    """Whether ``second`` is no verb of its own beside ``main``: an elided "was", an
    adjective the parser took for a verb, an infinitive, or a clause with its own subject."""
    if main.text.lower() in ("is", "are", "was", "were", "be", "been") and second.tag in ("VBN", "VBD") and not any(
            x.dep in ("aux", "auxpass") for x in parse.children(tokens, second)) and second.text.lower() not in (
            "was", "were", "had", "did"):
        return True  # "Birka was a trading center and made a World Heritage Site": "was made", elided
        # ("was surplus to requirements, but was quick to ...": a "was" of its own is no elided one)
    if second.text.lower() in ("left", "right"):
        return True  # "wounds in the chest and left hand": an adjective the parser took for a verb
    if second.text.startswith(("'", "’")) or "," in s[tokens[second.left].idx - 1 if second.left else 0:second.idx]:
        return True  # "and here's a newsflash", "and even for families ..., 25% can't pay": a clause of its own
    if second.text.lower() in _plain_adjectives():
        return True  # '"White City" and disputed comics adaptation Preacher': the lexicon's adjective, not a verb
    own = [x for x in parse.children(tokens, second) if x.dep in ("aux", "auxpass", "neg")]
    if any(x.tag == "TO" for x in own):
        return True  # "... and to seal the hulls of ships": an infinitive, not a verb of its own
    if any(x.dep in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for x in parse.children(tokens, second)):
        return True  # its own subject: the conjunction rule's case
    return False


def _borrowed_auxiliaries(tokens: tuple[parse.Token, ...], main: parse.Token, second: parse.Token,
                          auxiliaries: list[parse.Token], own: list[parse.Token]) -> str | None:
    """The auxiliaries the second verb's sentence takes from the first ("was arrested and
    charged" -> "was "), "" when it has a tense of its own, None when it has neither (or
    an auxiliary such as "'s" or "'d" cannot be spelled out)."""
    if own:
        return ""  # "... and will visit Paris": its own auxiliary
    if auxiliaries and (second.tag == main.tag and second.tag in ("VBN", "VB", "VBG") or (
            main.tag == "VBN" and any(x.dep == "auxpass" for x in auxiliaries) and second.tag == "VBD"
            and second.text.lower() in _PASSIVE_PARTICIPLES and not any(
                x.dep == "dobj" for x in parse.children(tokens, second)))):
        # "was arrested and [was] charged"; "was kidnapped ... and [was] found dead" (an
        # irregular participle the parser took for a past tense)
        spelled = {"'ll": "will", "’ll": "will", "'re": "are", "’re": "are", "'ve": "have", "’ve": "have",
                   "'m": "am", "’m": "am"}
        if any(x.text.startswith(("'", "’")) and x.text not in spelled for x in auxiliaries):
            return None  # "'s", "'d": is or has, would or had
        return " ".join(spelled.get(x.text, x.text) for x in auxiliaries) + " "
    if auxiliaries and main.tag == "VBN" and [x.text.lower() for x in auxiliaries] in (["has"], ["have"], ["had"]) \
            and second.tag in ("VBD", "VBN") and second.text.endswith("ed") and not _PAST_TIME_RE.search(
                " ".join(t.text for t in tokens[second.left:second.right + 1])):
        return auxiliaries[0].text + " "  # "has welcomed ... but admitted": one "has" for both ("has admitted");
        # not "has closed three stores and last year opened two": a simple past of its own
    if second.tag in ("VBD", "VBZ", "VBP") and not (auxiliaries and second.text.endswith("ed") and not any(
            x.dep == "dobj" for x in parse.children(tokens, second)) and second.text.lower() not in _NEVER_PASSIVE):
        return ""  # "was born in Norwich and went to ...": a tense of its own
        # (but "was built ... and carved out of ...": "-ed" after an auxiliary may be its participle)
    return None


# Words that date a verb in the past, which a perfect cannot take ("has opened ... last year").
_PAST_TIME_RE = re.compile(r"\b(?:yesterday|ago|last|earlier|then|once|formerly|previously|(?:19|20)\d\d|"
                           + "|".join(sorted(CALENDAR_NAMES)) + r")\b", re.IGNORECASE)
# Past forms of verbs that take no object, so never a passive participle after "was": "was
# diagnosed ... and died seven years later" is "died", not "was died".
_NEVER_PASSIVE = frozenset("died arrived collapsed disappeared vanished happened occurred emerged existed "
                           "remained retired resigned".split())


def _coordinating_word(s: str, tokens: tuple[parse.Token, ...], main: parse.Token, second: parse.Token,
                       auxiliaries: list[parse.Token], own: list[parse.Token]) -> parse.Token | None:
    """The "and" / "but" that joins ``second`` to ``main``; None when there is none, or
    the second verb is no verb (a noun phrase), does not end the sentence, or shares
    what follows the first one."""
    word = second.text.lower()
    if second.tag == "VBD" and not (word.endswith("ed") or word in _PAST_FORMS) or \
            second.tag == "VBZ" and not word.endswith("s"):
        return None  # "... of Russian journalist and fierce Kremlin critic": "fierce" is no past tense
    if any(x.tag not in ("RB", "RBR") for x in tokens[second.left:second.i]) and not own:
        return None  # "the killing of a journalist and fierce Kremlin critic": a noun phrase, not a verb
    cc = tokens[second.left - 1] if second.left > 0 else None
    if cc is None or cc.dep != "cc" or cc.head != main.i or cc.text.lower() not in ("and", "but"):
        return None
    if any(x.dep != "punct" for x in tokens[second.right + 1:]) or _inside_quote(s, cc.idx):
        return None
    if not any(x.dep != "punct" for x in tokens[main.i + 1:cc.i] if x.dep != "advmod"):
        return None  # "witnessed and wrote about", "was tried and acquitted of ...": both verbs share what follows
    if not own and any(x.text.lower() in ("has", "have", "had", "'s", "'ve", "'d") for x in auxiliaries) and not any(
            x.dep not in ("advmod", "punct", "neg") for x in parse.children(tokens, second)):
        return None  # "has ranged from ... to feeling isolated, and even ignored": not "has even ignored"
    if any(x.dep in ("relcl", "acl", "ccomp", "advcl", "conj") and x.tag.startswith("VB")
           for x in tokens[main.i + 1:cc.i]) and not _report_closed(s, tokens, main, [second]):
        return None  # "said a mob tried to attack them and shouted ...": whose is the second verb?
        # ("managed to escape, but was later caught": a verb's own complement is no such doubt)
    if tokens[second.left].dep == "punct":
        return None  # "but, in time, embraced ...": the aside's commas would dangle
    return cc


def _one_statement(s: str, tokens: tuple[parse.Token, ...], main: parse.Token, subject: parse.Token,
                   second: parse.Token, cc: parse.Token) -> bool:
    """Whether the two verbs make one statement that a split would break: a quotation's
    comma, "not only ... but", a bracket, a verb that stands for the first, a condition
    or a source over both, a pair of dashes, a noun the parser read as a verb."""
    if s[:cc.idx].rstrip().endswith((',"', ",”")):
        return True  # 'for directing "A Raisin in the Sun," and earned ...': the quotation's comma cannot end a sentence
    unpaired = {w.lower() for w in re.findall(r"\bnot (only|just|simply|merely)\b(?!.*\bbut\b)", s[:cc.idx],
                                                re.IGNORECASE)}
    if unpaired and (cc.text.lower() == "but" or "only" in unpaired):
        return True  # "crucial not just in the offensive in Tikrit but will also set the stage", "has not
        # only bombed markets but attacked churches": one statement
    if s[:cc.idx].count("(") > s[:cc.idx].count(")"):
        return True  # "my own disappointment (but not surprise)": inside a bracket
    if second.text.lower() in ("do", "does", "did", "done", "doing") or tokens[cc.i + 1].text.lower() in (
            "so", "thus", "therefore", "hence"):
        return True  # "as he did last year and has done on three other occasions": "done" needs what it stands
        # for; "and so will not stand in the way": "The Russians so will not ..."
    if subject.tag in ("NNS", "NNPS") and second.tag == "VBZ" or subject.tag in ("NN", "NNP") and second.tag == "VBP":
        return True  # "Tensions ... have been mounting since X and claims ...": a noun read as a verb
    if any(x.dep == "advcl" and x.i < cc.i and any(k.dep == "mark" and k.text.lower() in ("if", "unless", "once", "until")
                                                  for k in parse.children(tokens, x)) for x in parse.children(tokens, main)):
        return True  # "The plan, if it survives the legal challenge, could prompt ... and accelerate ...": both
    if re.search(r",\s+according to\b", s[:cc.idx]):
        return True  # "He was charged ..., according to a spokesman, and held at ...": the source covers both
    if s[:cc.idx].rstrip().endswith(("--", "—", "–")) and re.search(r"--|—|–", s[cc.idx:]):
        return True  # "served two weekends in jail -- and faced ... Monday-- after ...": a dash pair
    return False


# Participle clauses after the main clause, by whose action they are. A result names
# what the main clause's event caused: "..., killing seven people" -> "This killed seven
# people." A report is the subject's own: "..., saying he was sorry" -> "He said he was
# sorry." Other participles are left as they are: "hitching rides", "waving a flag" may
# belong to the subject or to the object, and only a person's action is safe to assign.
_RESULT_VERBS = frozenset("kill injure wound leave prompt cause force spark trigger send bring raise end mark "
                          "make give lift hand earn result".split())
_REPORT_VERBS = frozenset("say add tell note explain claim insist warn argue describe write urge ask "
                          "accuse blame call cite mention praise thank condemn criticize criticise deny admit "
                          "promise vow pledge acknowledge reveal defend".split())


def _lemma_of_participle(word: str) -> str | None:
    """The base form of an "-ing" participle, by undoing the spelling rules and taking
    the most common candidate.

    >>> [_lemma_of_participle(w) for w in ("killing", "making", "leaving", "dying", "putting", "saying")]
    ['kill', 'make', 'leave', 'die', 'put', 'say']
    """
    if not word.endswith("ing") or len(word) < 5:
        return None
    stem = word[:-3]
    candidates = {stem, stem + "e", stem[:-1], stem[:-1] + "ie" if stem.endswith("y") else stem}
    fits = [c for c in candidates if c and inflect.gerund(c) == word]
    return max(fits, key=zipf_frequency, default=None)


def _adds_to_report(tokens: tuple, main, participle, lemma: str | None, *, any_verb: bool = False) -> bool:
    """Whether ``participle`` is "adding that ..." (or "adding" and a quotation) after a
    main verb of saying (after any verb with ``any_verb``): the speaker's next words,
    whatever clause came between ("Kerry said the talks were close, adding that ...").
    Other participles after a reported clause may be its own verb's ("Police said he
    fled, adding to fears": the flight adds).
    """
    if lemma != "add" or participle.i + 1 >= len(tokens):
        return False
    if not (any_verb or _REPORTING_RE.fullmatch(main.text.lower())):
        return False
    after = tokens[participle.i + 1]
    if after.text == ":" and participle.i + 2 < len(tokens):
        after = tokens[participle.i + 2]  # 'adding: "We will win."'
        return after.text in ('"', "“")
    return after.text.lower() == "that" and after.dep == "mark" or after.text in ('"', "“")


def _rule_participle(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all(sentences, _split_participle)


def _split_participle(s: str, trace: list[str]) -> list[str]:
    """A participle clause that ends the sentence becomes a sentence of its own, when the
    parser ties it to the main verb and its verb says whose action it is.

    >>> _split_participle("A suicide attacker detonated a car bomb near a police station on Tuesday, "
    ...                   "killing seven people and injuring 23 others.", [])
    ['A suicide attacker detonated a car bomb near a police station on Tuesday.', 'This killed seven people and injured 23 others.']
    >>> _split_participle("The mayor spoke to reporters outside the court on Monday, saying the city would appeal.", [])
    ['The mayor spoke to reporters outside the court on Monday.', 'The mayor said the city would appeal.']
    >>> _split_participle("Serena Williams plays her first match in Indian Wells in 14 years on Friday, saying she was "
    ...                   "ready to return.", [])
    ['Serena Williams plays her first match in Indian Wells in 14 years on Friday.', 'Williams says she was ready to return.']
    >>> _split_participle("Farah fled the civil war in Syria with her husband, hitching rides on trucks.", [])
    ['Farah fled the civil war in Syria with her husband, hitching rides on trucks.']
    """
    if not _long(s):
        return [s]
    if not re.search(r", (?:\w+ )?\w+ing\b", s):
        return [s]  # no ", ...ing" to split at: spare the parser
    if _ends_with_source(s):
        return _split_attributed(s, trace, _split_participle) or [s]
    parsed = _main_clause_tense(s)
    if parsed is None:
        return [s]
    tokens, main, tense = parsed
    for t in _participle_candidates(tokens, main):
        if _participle_clause_refused(s, tokens, main, t):
            continue
        lead = tokens[t.left]
        lemma = _lemma_of_participle(t.text.lower())
        subject = _participle_subject(s, tokens, main, tense, t, lemma)
        if subject is None:
            continue
        clause = _participle_clause_text(s, tokens, t, subject, tense)
        if clause is None:
            continue
        before = _end_sentence(s[:tokens[lead.i - 1].idx].rstrip())
        new = _end_sentence(f"{subject} {clause}")
        if _word_count(before) < MIN_PART_WORDS or _word_count(new) < 4:
            continue
        if _unpaired_participle(new):
            continue  # "He first said that X and then claiming that Y": the parser tied the second
            # participle elsewhere, so only the first became a verb
        trace.append(f"split:participle:{lemma}")
        return [before, new]
    return [s]


def _unpaired_participle(sentence: str) -> bool:
    """Whether a participle is still joined by "and" (or "or", "but") to the verb made of the
    first one: ``sentence`` would mix a finite verb and a participle.

    >>> _unpaired_participle("He first said that she should go and then claiming that she lied.")
    True
    >>> _unpaired_participle("This killed seven people and injured 23 others.")
    False
    >>> _unpaired_participle("The mayor said the city was cutting costs and raising taxes.")
    False
    """
    tokens = parse.parse(sentence)
    for t in tokens:
        if t.tag == "VBG" and t.i >= 2 and (tokens[t.i - 1].text.lower() in ("and", "or", "but") or (
                tokens[t.i - 1].text.lower() in ("then", "later", "also", "finally")
                and tokens[t.i - 2].text.lower() in ("and", "or", "but"))):
            first = tokens[t.head] if t.dep == "conj" else None
            if first is None or first.tag != "VBG" or not any(
                    k.dep in ("aux", "auxpass") for k in parse.children(tokens, first)):
                return True  # no progressive "was cutting ... and raising" that the -ing shares
    return False


def _participle_candidates(tokens: tuple[parse.Token, ...], main: parse.Token) -> list[parse.Token]:
    """The main verb's dependents, and "adding that ..." under a reported clause."""
    candidates = list(parse.children(tokens, main))
    for said in candidates[:]:
        if said.dep == "ccomp":  # "said he fled, adding that ...": the parser often gives "adding" to "fled"
            candidates += [x for x in parse.children(tokens, said)
                           if _adds_to_report(tokens, main, x, _lemma_of_participle(x.text.lower()))]
    return candidates


def _participle_clause_refused(s: str, tokens: tuple[parse.Token, ...], main: parse.Token, t: parse.Token) -> bool:
    """Whether ``t`` does not open a participle clause after the main verb that a comma
    sets off, ends the sentence and has no subject or source of its own."""
    if t.dep != "advcl" or t.tag != "VBG" or t.i < main.i:
        return True
    lead = tokens[t.left]
    if not (lead.i == t.i or (lead.i == t.i - 1 and lead.tag == "RB")):
        return True  # "..., while ...ing", "..., by ...ing": the clause has a word of its own before the verb
    if lead.i == 0 or tokens[lead.i - 1].text != "," or _inside_quote(s, lead.idx):
        return True
    if re.search(r"(?:^|,)\s*[^,]{1,50}\s(?:said|says|reported|reports|told\s\w+)\s*,", s[:lead.idx]):
        return True  # "And, TOLO News reported, protests were held ..., calling for ...": the source covers it
    if any(x.dep != "punct" for x in tokens[t.right + 1:]) or any(
            x.dep in ("nsubj", "nsubjpass") for x in parse.children(tokens, t)):
        return True  # the clause must end the sentence and have no subject of its own
    return False


def _participle_subject(s: str, tokens: tuple[parse.Token, ...], main: parse.Token, tense: str, t: parse.Token,
                        lemma: str | None) -> str | None:
    """Whose action the participle ``t`` names, as the subject of its new sentence:
    "This" for a result of the main clause's event, the main subject named again for a
    report in the past; None for any other participle, or when unsure."""
    lead = tokens[t.left]
    if any(x.dep in ("relcl", "acl", "ccomp", "advcl", "conj") and x.tag.startswith("VB")
           for x in tokens[main.i + 1:lead.i]) and not _adds_to_report(tokens, main, t, lemma):
        return None  # "... the damage caused by storms that slashed across Oklahoma, killing one":
        # the participle may be the inner verb's, whatever the parser says
    if lemma == "make" and not (t.i + 1 < len(tokens) and tokens[t.i + 1].tag == "PRP"):
        return None  # "making it the largest" is a result; "making landfall" is the cyclone's act
    if lemma in _RESULT_VERBS and _reports_before(s, lead.idx):
        return None  # "Police allege he reached for a gun, prompting the gunfire": the cause is theirs to allege
    if lemma in _RESULT_VERBS and any(
            x.dep == "dobj" and any(y.dep == "poss" and y.tag == "PRP$" for y in parse.children(tokens, x))
            for x in parse.children(tokens, t)):
        return None  # "We ran ..., joyfully raising our hands": their own act, not "This raised our hands"
    if lemma in _RESULT_VERBS:
        return "This"
    if lemma == "add" and not _adds_to_report(tokens, main, t, lemma, any_verb=True):
        return None  # "adding 18 titles to her tally": not words said
    if lemma in _REPORT_VERBS and tense in ("past", "present") or lemma and tense == "past" and _own_act(s, tokens, main, t):
        subjects = [x for x in parse.children(tokens, main) if x.dep in ("nsubj", "nsubjpass")]
        if len(subjects) != 1 or subjects[0].tag == "EX":
            return None
        if tense == "present" and (subjects[0].tag not in ("NN", "NNP") or main.tag != "VBZ"):
            return None  # "Serena Williams plays ..., saying she was ..." -> "Williams says ..."; one subject
            # in the singular only, whose verb the new sentence can agree with
        again = _subject_again(s, tokens, subjects[0])
        if again is None:
            return None
        if again.split()[-1].lower() in s[lead.idx:].lower().split():
            return None  # "The chapter said it had closed the chapter": "it" was the clearer word
        return again
    return None


# Prepositions whose object is a setting (a place, a time), not someone who could act.
_SETTING_PREPOSITIONS = frozenset("in at on during near outside inside across around over under into onto "
                                  "from through throughout since before after until".split())
# Main verbs after which a participle is another's, or states a result rather than an act.
_NOT_AGENT_VERBS = frozenset("is are was were be been being am seem seems seemed appear appears appeared "
                             "become becomes became remain remains remained".split())


def _own_act(s: str, tokens: tuple[parse.Token, ...], main: parse.Token, t: parse.Token) -> bool:
    """Whether the participle ``t`` can only be the main subject's own act, so that the
    subject named again may do it in a sentence of its own ("Dolce & Gabbana went
    familial for fall at its show in Milan on Sunday, dedicating its collection to
    mamma" -> "Dolce & Gabbana dedicated its collection ..."): the main verb is an act
    (not "is", "seems"), not passive, and no one else stands between the subject and
    the participle who could be doing it (a person's noun, a pronoun, a name other than
    a place or time after "in", "on", ...).

    >>> s = "Dolce & Gabbana went familial for fall at its show in Milan on Sunday, dedicating its collection to mamma."
    >>> tokens = parse.parse(s)
    >>> _own_act(s, tokens, tokens[3], [x for x in tokens if x.text == "dedicating"][0])
    True
    >>> s = "Police found the boy near the river on Friday, sitting alone on the bank."
    >>> tokens = parse.parse(s)
    >>> _own_act(s, tokens, tokens[1], [x for x in tokens if x.text == "sitting"][0])
    False
    >>> s = "The Klan saw the largest decline of all groups, according to the report, losing half of its chapters."
    >>> tokens = parse.parse(s)
    >>> _own_act(s, tokens, tokens[2], [x for x in tokens if x.text == "losing"][0])
    False
    """
    if main.text.lower() in _NOT_AGENT_VERBS or main.tag not in ("VBD",) or any(
            k.dep in ("auxpass", "nsubjpass", "neg") or k.dep == "aux" for k in parse.children(tokens, main)):
        return False  # ("Her job is to hack ..., trying": the job does not try; "did not go, citing": keep)
    lead = tokens[t.left]
    if _REPORTING_RE.search(s[:lead.idx]):
        return False  # "X saw the largest decline, according to the report, losing half ...": the source
        # covers the participle too, and a sentence of its own would lose it
    for x in tokens[main.i + 1:lead.i]:
        if x.tag == "PRP" and x.text.lower() not in _REFLEXIVES or x.tag in ("NN", "NNS") and _names_people(x.text):
            return False  # "found the boy ..., sitting": the boy sits
        if x.tag in ("NNP", "NNPS") and x.text not in CALENDAR_NAMES:
            phrase = x
            while phrase.dep == "compound" and phrase.head != phrase.i:
                phrase = tokens[phrase.head]
            if not (phrase.dep == "pobj" and tokens[phrase.head].text.lower() in _SETTING_PREPOSITIONS):
                return False  # "met Obama ..., waving": Obama may be waving; "in Milan": a place
    return _lemma_of_participle(t.text.lower()) not in _RESULT_VERBS


_REFLEXIVES = frozenset("himself herself themselves itself myself ourselves yourself".split())


def _participle_clause_text(s: str, tokens: tuple[parse.Token, ...], t: parse.Token, subject: str,
                            tense: str) -> str | None:
    """The participle clause of ``t`` with its participles in the main clause's tense
    ("killing ... and injuring ..." -> "killed ... and injured ..."), to the end of the
    sentence; None when a participle has no known base form, or one the parser did not
    join to ``t`` remains."""
    # The participle and any participle joined to it ("killing ... and injuring ...")
    # take the main clause's tense.
    verbs = [t] + [x for x in tokens if x.dep == "conj" and x.head == t.i and x.tag == "VBG"]
    if subject != "This" and len(verbs) > 1:
        return None  # "slamming Obama over his record on Iran and combating terrorism": a gerund of the
        # object, likely, not a second act of the subject
    pieces, at = [], tokens[t.left].idx
    for v in verbs:
        base = _lemma_of_participle(v.text.lower())
        if base is None:
            return None
        if tense == "present":
            form = inflect.third_person(base)  # ("This kills ...", "Williams says ...": one subject, singular)
        else:
            form = inflect.past(base)
        pieces.append(s[at:v.idx])
        pieces.append(form)
        at = v.end
    pieces.append(s[at:])  # to the end, so a closing quotation mark stays
    clause = "".join(pieces)
    if re.search(r"\b(?:and|but|or)\s+(?:\w+ly\s+)?\w+ing\b", clause):
        return None  # "injuring no one but marking a rise": a participle the parser did not join
    return clause
