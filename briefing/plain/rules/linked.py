"""Splits that say the link between their parts in words (issue 19, one fact a sentence):

- ``split:report-pair``: one source's two reports become two sentences, the source said
  again in the second: "Police said A and that B." -> "Police said A. Police also said
  that B." The second report keeps its "that" and its verb of saying, so nothing of it
  reads as the writer's own fact;
- ``split:measured``: a time measured from an event: "Police raided the home on Tuesday,
  a day after he was charged." -> "Police raided the home on Tuesday. This was a day after
  he was charged." (past tense only: "This was" states the order of two past events);
- ``split:summary``: a noun phrase that ends the sentence and restates the thing before
  it: "Cook has released the Apple watch -- his company's first new product." -> "Cook
  has released the Apple watch. This is his company's first new product.";
- ``split:including``: "A killed five people, including two children." -> "A killed five
  people. The five people included two children." (a plural noun named again);
- ``split:when-first``: "When X, Y." -> "Y. This was when X." (the main fact first; past
  tense only, and never a pronoun before the noun it stands for).

Each asks the parser for the shape and leaves the sentence as written when it disagrees.
The only words added are "also", "This is" / "This was", "include(d)" and the words repeated.
"""

from __future__ import annotations

import re

from .. import parse
from ...text.quotes import quotations
from .clauses import _clause_tense, _long, _split_all_as, _unreal_at
from .tails import _ends_with_source
from .text import _Context, _capitalise, _end_sentence, _inside_quote, _word_count
from .mentions import _names_people
from .word_classes import _REPORTING_RE

__all__ = ["_rule_report_pair", "_rule_measured_time", "_rule_summary", "_rule_when_first", "_rule_including"]

# Verbs of saying whose two reports may be split ("said A and that B"); findings and beliefs
# ("found", "believes") are left alone: the second may be the writer's conclusion.
_PAIR_CUES = frozenset("said says say told tells added adds announced announces confirmed confirms explained "
                       "explains noted notes stated states wrote writes insisted insists argued argues claimed "
                       "claims reported reports warned warns".split())
# Subjects that cannot be said again as a sentence's subject ("which said ...", "it said ...":
# "it" may have stood for a name in an earlier point).
_UNREPEATABLE = frozenset("it this that which who whom whose there what".split())
_AND_THAT_RE = re.compile(r",?\s+and (that)\s+(?=[A-Za-z])")


def _rule_report_pair(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all_as(sentences, _split_report_pair, "split:report-pair")


def _subject_text(s: str, tokens: tuple[parse.Token, ...], subject: parse.Token) -> str | None:
    """The words of ``subject`` up to its first comma ("Marina Pacheco, chief executive of
    ..." -> "Marina Pacheco"): the name without the description that follows it."""
    text = s[tokens[subject.left].idx:subject.end if subject.right == subject.i else tokens[subject.right].end]
    text = text.split(",")[0].strip()
    if not text or any(ch in text for ch in "\"“”‘’()[]") or re.search(r"(?:^|\s)'|'(?:\s|$)", text):
        return None  # a quotation or a bracket in the source: keep the sentence as written
    return text


def _split_report_pair(s: str) -> list[str] | None:
    """ "X said A and that B." -> ["X said A.", "X also said that B."]; None unless the
    parser reads one verb of saying, the main verb, reporting A, with B joined to A by
    "and that" and running to the end of the sentence.

    >>> _split_report_pair("Marina Pacheco, chief executive of the Mammal Society, told CNN the image looked "
    ...                    "genuine and that it was possible a weasel would take on a woodpecker.")
    ['Marina Pacheco, chief executive of the Mammal Society, told CNN the image looked genuine.', 'Marina Pacheco also told CNN that it was possible a weasel would take on a woodpecker.']
    >>> _split_report_pair("In a statement, college administrators said the chapter had been suspended for a year "
    ...                    "and that police were investigating.")
    ['In a statement, college administrators said the chapter had been suspended for a year.', 'College administrators also said that police were investigating.']

    Not when the verb of saying is negated or under a modal, the "that" is not the second
    report's, or the source cannot be said again:

    >>> _split_report_pair("The minister did not say the talks had failed and that the army would stay.") is None
    True
    >>> _split_report_pair("The group says there has been a big rise in abuse -- and that's largely because of an app.") is None
    True
    >>> _split_report_pair("It said the plant had closed last year and that 200 jobs were lost.") is None
    True
    """
    if not _long(s):
        return None
    found = [m for m in _AND_THAT_RE.finditer(s) if not _inside_quote(s, m.start())]
    if len(found) != 1:
        return None
    m = found[0]
    tokens = parse.parse(s)
    that = parse.token_at(tokens, m.start(1))
    if that is None or that.dep != "mark" or sum(t.dep == "ROOT" for t in tokens) != 1:
        return None
    second = tokens[that.head]
    first = tokens[second.head]
    cue = tokens[first.head]
    if second.dep != "conj" or first.dep != "ccomp" or cue.dep != "ROOT" or cue.text.lower() not in _PAIR_CUES:
        return None
    if any(t.dep != "punct" for t in tokens[second.right + 1:]) or tokens[second.left].idx < m.start():
        return None  # something after the second report, or a second report that starts before "and that"
    kids = parse.children(tokens, cue)
    if any(k.dep == "neg" or k.dep == "aux" and (k.tag == "MD" or k.text.lower() in ("do", "does", "did"))
           for k in kids):
        return None  # "did not say A and that B", "may have said ...": the frame is not a plain report
    subjects = [k for k in kids if k.dep == "nsubj" and k.i < cue.i]
    if len(subjects) != 1 or subjects[0].text.lower() in _UNREPEATABLE:
        return None
    source = _subject_text(s, tokens, subjects[0])
    if source is None or _word_count(source) > 8:
        return None
    # The hearer of "told" goes with the cue ("told CNN"); other words of the frame ("in a
    # statement", "on Monday") stay in the first sentence only.
    cue_words = cue.text
    if cue.text.lower() in ("told", "tells"):
        hearers = [k for k in kids if k.dep in ("dobj", "dative") and k.i == cue.i + 1]
        if len(hearers) != 1 or hearers[0].right != hearers[0].i:
            return None  # "told the court's chief judge, ...": a long hearer; keep as written
        cue_words = f"{cue.text} {hearers[0].text}"
    first_part = s[:m.start()].rstrip(" ,")
    rest = s[m.start(1):].strip()
    if _word_count(first_part) < 6 or _word_count(rest) < 4:
        return None
    return [_end_sentence(first_part), _end_sentence(f"{_capitalise(source)} also {cue_words} {rest}")]


# A measured time before "after" / "before": "a day", "two weeks", "just days", "66 years".
_MEASURE_RE = re.compile(
    r",\s+(?P<measure>(?:(?:just|only|about|some|nearly|almost|barely|more than|less than)\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|\d+)\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?|decades?))\s+(?P<word>after|before)\s+(?=[A-Za-z])")


def _rule_measured_time(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all_as(sentences, _split_measured, "split:measured")


def _split_measured(s: str) -> list[str] | None:
    """ "A, a day after B." -> ["A.", "This was a day after B."] when A is in the past and
    B is a clause of its own that the parser hangs on A's verb.

    >>> _split_measured("Police raided millionaire heir Robert Durst's home in Houston on Tuesday, "
    ...                 "a day after he was charged with first-degree murder.")
    ["Police raided millionaire heir Robert Durst's home in Houston on Tuesday.", 'This was a day after he was charged with first-degree murder.']

    Not a report ("said ..., a day after": the time may be part of what was said), a
    present or future main clause, or a phrase instead of a clause:

    >>> _split_measured("The minister said the army would leave, a day after the talks failed in Geneva.") is None
    True
    >>> _split_measured("A man rang in his 100th birthday at the dealership, 66 years after making his first sale.") is None
    True
    """
    if not _long(s):
        return None
    found = [m for m in _MEASURE_RE.finditer(s) if not _inside_quote(s, m.start())]
    if len(found) != 1:
        return None
    m = found[0]
    before, rest = s[:m.start()], s[m.end("word"):].strip()
    if _REPORTING_RE.search(before) or quotations(s[m.start():]) or _word_count(before) < 5 or _word_count(rest) < 3:
        return None
    tokens = parse.parse(s)
    word = parse.token_at(tokens, m.start("word"))
    main = parse.root(tokens)
    if word is None or main is None or word.dep != "mark" or sum(t.dep == "ROOT" for t in tokens) != 1:
        return None
    clause = tokens[word.head]
    if clause.dep != "advcl" or clause.head != main.i or main.idx > m.start():
        return None
    if any(t.dep != "punct" for t in tokens[clause.right + 1:]):
        return None  # the clause does not run to the end of the sentence
    if not any(k.dep in ("nsubj", "nsubjpass", "expl") for k in parse.children(tokens, clause)):
        return None  # "after making his first sale": whose action?
    if any(k.dep == "neg" for k in parse.children(tokens, main)) or _clause_tense(tokens, main) != "past":
        return None  # "did not leave until a day after ...", "will open a day before ...": keep together
    return [_end_sentence(before), _end_sentence(f"This was {m.group('measure')} {m.group('word')} {rest}")]


# A noun phrase that ends the sentence after a dash or a comma and sums up the words before it:
# "... the Apple watch -- his company's first new product since the iPad."
_SUMMARY_RE = re.compile(
    r"(?P<punct>\s(?:--|—|–)\s|,\s)(?P<np>(?:(?:almost|nearly|about|just|only|roughly)\s+)?"
    r"(?:a|an|the|his|her|its|their|one|another)\s[^,;:\"“”‘’()—–]+?)\.$")


def _rule_summary(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all_as(sentences, _split_summary, "split:summary")


def _split_summary(s: str) -> list[str] | None:
    """ "A -- a NOUN PHRASE." -> ["A.", "This is/was a NOUN PHRASE."] where the noun phrase
    ends the sentence and restates the thing or event just before it (the parser reads it
    as that noun's appositive): "is" after a main clause in the present or the perfect,
    "was" after one in the past.

    >>> _split_summary("Apple CEO Tim Cook has released the much-anticipated Apple watch -- his company's first "
    ...                "new product since the iPad.")
    ['Apple CEO Tim Cook has released the much-anticipated Apple watch.', "This is his company's first new product since the iPad."]
    >>> _split_summary("The percentage of young people in low-paying jobs is 44%, a 20-year high.")
    ['The percentage of young people in low-paying jobs is 44%.', 'This is a 20-year high.']

    Not a person ("This was a student" would be wrong), not a name (which the appositive
    rules name again), not a plural, not inside a report, not an item of a list:

    >>> _split_summary("The incident involved uniformed agents and a young man, a student at the university.") is None
    True
    >>> _split_summary("We traveled along narrow roads, eventually arriving at Birkhall -- the home of Prince Charles.") is None
    True
    >>> _split_summary("Police said the man stole a car from the lot -- a crime that carries ten years in prison.") is None
    True
    >>> _split_summary("A journey meant a passport full of stamps, a wallet full of currencies and a long wait.") is None
    True
    >>> _split_summary("Vonn is off the pace -- which she last won in 2012, her fourth success -- in third place.") is None
    True
    """
    if not _long(s):
        return None
    m = _SUMMARY_RE.search(s)
    if m is None or _inside_quote(s, m.start()) or quotations(s[m.start():]):
        return None
    before, np = s[:m.start()], m.group("np")
    if re.search(r"--|\s-\s|[—–]", np) or len(re.findall(r"--|—|–", before)) % 2 or re.match(r"This\b", before):
        return None  # "-- which she won in 2012, her fourth success -- in third place": inside a pair of
        # dashes; "This was when ..., a deal ...": a second "This" would point at the first
    if _REPORTING_RE.search(before) or re.search(r"\b(?:and|or|nor)\b", np) or _word_count(before) < 5:
        return None  # the summary may be the source's; "a b, a c and a d": a list
    tokens = parse.parse(s)
    last = parse.token_ending_at(tokens, len(before.rstrip()))
    first = parse.token_at(tokens, m.start("np"))
    main = parse.root(tokens)
    if last is None or first is None or main is None or sum(t.dep == "ROOT" for t in tokens) != 1:
        return None
    if last.text[:1].isupper() or last.tag in ("NNP", "NNPS", "PRP") or _names_people(last.text):
        return None  # a name or a person: "This" cannot stand for them
    heads = [t for t in tokens if m.start("np") <= t.idx < len(s) - 1 and not (m.start("np") <= tokens[t.head].idx < len(s) - 1)]
    if len(heads) != 1:
        return None
    head = heads[0]
    if head.dep != "appos" or head.tag not in ("NN", "NNP", "CD") or _names_people(head.text) or head.text[:1].isupper():
        return None  # only an appositive of one thing ("a wallet ..." in a list is a conj)
    if tokens[head.head].i != last.i and not (tokens[head.head].left <= last.i <= tokens[head.head].right):
        return None  # the phrase restates something further back: "This" would point at the wrong thing
    kids = parse.children(tokens, main)
    if any(k.dep == "neg" for k in kids):
        return None
    if any(k.dep == "aux" and k.tag == "MD" for k in kids):
        return None  # "will release ... -- a first": the thing is not yet
    perfect = any(k.dep == "aux" and k.text.lower() in ("has", "have") for k in kids)
    tense = "present" if perfect else _clause_tense(tokens, main)
    if tense not in ("past", "present"):
        return None
    verb = "was" if tense == "past" else "is"
    return [_end_sentence(before), _end_sentence(f"This {verb} {np}")]


def _rule_when_first(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all_as(sentences, _split_fronted_when, "split:when-first")


_THIRD_PERSON_RE = re.compile(r"\b(?:he|him|his|she|her|hers|they|them|their|it|its)\b", re.IGNORECASE)


def _split_fronted_when(s: str) -> list[str] | None:
    """ "When X, Y." -> ["Y.", "This was when X."]: the main fact first, for a main clause
    in the past with no modal, negation or report.

    >>> _split_fronted_when("When the band worked its way through the U.K. in 2014, concert venues were revealed "
    ...                     "via Twitter before each show.")
    ['Concert venues were revealed via Twitter before each show.', 'This was when the band worked its way through the U.K. in 2014.']

    Not "whenever" (the present), a modal, a report, nor a pronoun in the main clause whose
    noun is in the "when" clause ("She took ... This was when the 21-year-old ..."):

    >>> _split_fronted_when("When things are going wrong, responsible people can start by saying the right things.") is None
    True
    >>> _split_fronted_when("When the 21-year-old suffered taunts at school, she took her frustrations out on the "
    ...                     "rugby field.") is None
    True
    >>> _split_fronted_when("When the woman tried to break them up, the man assaulted her, according to the "
    ...                     "prosecutor.") is None
    True
    """
    m = re.match(r"(?P<lead>But )?When (?P<when>[^,]+), (?P<main>[^,]+)\.$", s)
    if m is None or not _long(s) or quotations(s) or re.search(r"\b(?:according to|said|says|say|told|tells|reported|"
                                                               r"reports|claimed|claims|alleged|allegedly|reportedly)\b", s):
        return None  # the time may be part of what a source reports
    when, main_text = m.group("when"), m.group("main")
    if _word_count(when) < 3 or _word_count(main_text) < 4:
        return None
    tokens = parse.parse(s)
    word = parse.token_at(tokens, m.start() + (len(m.group("lead")) if m.group("lead") else 0))
    main = parse.root(tokens)
    if word is None or main is None or word.dep != "advmod" and word.dep != "mark" or sum(t.dep == "ROOT" for t in tokens) != 1:
        return None
    clause = tokens[word.head]
    if clause.dep != "advcl" or clause.head != main.i or main.idx < m.start("main") or main.text.lower() in _PAIR_CUES:
        return None
    clause_kids, main_kids = parse.children(tokens, clause), parse.children(tokens, main)
    subject = [k for k in clause_kids if k.dep in ("nsubj", "nsubjpass", "expl")]
    if not subject or not any(k.dep in ("nsubj", "nsubjpass", "expl") and k.idx >= m.start("main") for k in main_kids):
        return None  # "When asked whether ...": whose question?
    if _clause_tense(tokens, main) != "past" or _clause_tense(tokens, clause) != "past":
        return None  # "When things are going wrong, people can ...": whenever, or a time to come
    if any(k.dep == "neg" for k in main_kids + clause_kids):
        return None
    if _THIRD_PERSON_RE.search(main_text) and subject[0].tag not in ("PRP",):
        return None  # "When the 21-year-old ..., she took ...": "She" would come before whom it means
    lead = "But " if m.group("lead") else ""
    return [_end_sentence(lead + _capitalise(main_text)), _end_sentence(f"This was when {when}")]


def _rule_including(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all_as(sentences, _split_including, "split:including")


def _split_including(s: str) -> list[str] | None:
    """ "A killed five people, including two children." -> ["A killed five people.", "The five
    people included two children."]: the examples of a plural noun that ends the sentence
    become a sentence of their own, the noun named again (not "They", which could be any
    plural before it).

    >>> _split_including("Beck ruled the Grammys on Sunday night with three wins, including album of the year.")
    ['Beck ruled the Grammys on Sunday night with three wins.', 'The three wins included album of the year.']

    Not where the noun is under a modal or a hedge, the sentence ends with its source, or
    the examples do not run to the end:

    >>> _split_including("The decline may be because of a number of factors, including the rebounding economy.") is None
    True
    >>> _split_including("The brothers started throwing improvised explosives, including pipe bombs, the officers testified.") is None
    True
    >>> _split_including("Two men were jailed for selling military secrets, including photos of a carrier, to spies.") is None
    True
    >>> _split_including("Serena Williams has won 19 grand slam singles tennis titles, including six U.S.") is None
    True
    """
    m = re.search(r",\s+including\s+(?=[A-Za-z0-9])", s)
    if m is None or not _long(s) or _inside_quote(s, m.start()) or quotations(s[m.start():]) or _ends_with_source(s):
        return None
    if re.search(r"(?:\b[A-Z]\.)+$|\b[A-Z][a-z]?\.$", s.rstrip()):
        return None  # "including six U.S.": a sentence cut after an abbreviation, not the end of the list
    if re.search(r"\b(?:allegedly|reportedly|apparently|may|might|could|would|should|if|whether)\b", s, re.IGNORECASE):
        return None  # a hedge or a condition may cover the examples too
    if _REPORTING_RE.search(s[:m.start()]):
        return None  # "said ... killed five people, including ...": the examples may be the report's
    tokens = parse.parse(s)
    including = next((t for t in tokens if t.idx >= m.start() and t.text.lower() == "including"), None)
    main = parse.root(tokens)
    if including is None or main is None or sum(t.dep == "ROOT" for t in tokens) != 1:
        return None
    noun = tokens[including.head]
    if noun.tag != "NNS" or noun.i != including.i - 2 or tokens[noun.i + 1].text != ",":
        return None  # only a plural noun right before the comma: "five people, including ..."
    if any(t.dep != "punct" for t in tokens[including.right + 1:]):
        return None
    if _unreal_at(s, noun.idx):
        return None  # "to take photos, including ...": photos that may not exist yet
    tense = _clause_tense(tokens, main)
    perfect = any(k.dep == "aux" and k.text.lower() in ("has", "have") for k in parse.children(tokens, main))
    if tense is None and perfect:
        tense = "present"
    if tense not in ("past", "present") or any(k.dep == "neg" for k in parse.children(tokens, main)):
        return None
    numbers = [k for k in parse.children(tokens, noun) if k.dep == "nummod" and k.i == noun.i - 1]
    named = " ".join([*(k.text for k in numbers), noun.text])
    if any(ch.isupper() for ch in noun.text):
        return None
    verb = "included" if tense == "past" else "include"
    return [_end_sentence(s[:m.start()]), _end_sentence(f"The {named} {verb} {s[m.end():].rstrip('.').strip()}")]
