"""Appositives made sentences of their own: "NAME, ROLE, did ..." (``appositive``), "... met
NAME, the ROLE, ..." (``appositive``, by the ``appositive:inner`` rule) and "NAME, known
for X, is ..." (``appositive:participle``); with the "is" or "was" the new sentence needs,
which turns on the sentence's tense and on whether the point reports the person dead.
"""

from __future__ import annotations

import re
from typing import Sequence

from .clauses import MIN_PART_WORDS, _clause_end, _long, _main_clause_tense, _segments, _split_all, _split_each
from .mentions import _antecedent, _is_person_name, _names_people, _second_mention, _subject_again
from .splits import _split_attributed
from .tails import _ATTRIBUTION_TAIL_RE, _INVERTED_TAIL_RE, _ends_with_source
from .text import _Context, _end_sentence, _inside_quote, _tidy, _word_count, _words
from .word_classes import FINITE_VERBS, PREPOSITIONS, ROLE_NOUNS
from .. import parse
from ..faithful import CALENDAR_NAMES, STOP_WORDS


def _rule_appositive(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    # The whole point, for a death it reports of the same person ("Marcel Junod lived from
    # 1904 to 1961."): see _reports_death.
    point = tuple(sentences)
    return _split_each(sentences, lambda s: _split_appositive(s, point=point), "appositive")


def _split_appositive(s: str, *, point: tuple[str, ...] = ()) -> list[str] | None:
    """"NAME, APPOSITIVE, rest" -> "NAME rest. SURNAME is APPOSITIVE."

    >>> _split_appositive("Elon Musk, owner of X/Twitter, is due to visit Israel next week.")
    ['Elon Musk is due to visit Israel next week.', 'Musk is the owner of X/Twitter.']
    >>> _split_appositive("In 2004, Roy was chosen, and he agreed.") is None
    True
    """
    first = s.find(", ")
    if first <= 0 or _inside_quote(s, first):
        return None
    np = s[:first]
    words = np.split()
    if "(" in np or ")" in np or " and " in np or ":" in np:
        return None  # "(CNN)Budi": a dateline run into the name; "Ailina and Bella": two people;
        # "The Hollywood Reporter: Bruce Sinofsky": a headline's source
    if not (1 <= len(words) <= 5) or not all(w[0].isupper() or w.lower() in ("of", "for", "and") for w in words):
        return None
    if words[0].lower() in STOP_WORDS - {"the"} or (words[0].lower() == "the" and len(words) < 2):
        return None
    close = _clause_end(s, first + 2)
    if close >= len(s.rstrip(".!?…”\" ")):
        return None
    appositive = s[first + 2 : close].strip()
    rest = s[close + 1 :].strip()
    if rest[:1] in "\"“":
        return None  # 'a lecturer who this month published, "ISIS: The State of Terror," says': the comma was the clause's
    a_words = _words(appositive)
    if len(a_words) > 14 or any(w.lower() in FINITE_VERBS for w in a_words):
        return None
    if " and " in f" {appositive} " and a_words[0][0].isupper():
        return None  # a list of names, not an appositive
    predicate = _appositive_predicate(appositive)  # (None for no words at all, but for an age: "Musk, 52,")
    if predicate is None or not _is_appositive_of(s, first, first + 2, close):
        return None
    r_words = _words(rest)
    if not r_words:
        return None
    verb = r_words[0].lower()
    if not (verb in FINITE_VERBS or verb.endswith(("ed", "s")) or verb.endswith("ly")):
        return None
    main = _end_sentence(f"{np} {rest}")
    second = _appositive_sentence(s, np, predicate, point=point)
    if second is None or _word_count(main) < MIN_PART_WORDS:
        return None
    return [main, second]


def _appositive_sentence(s: str, np: str, predicate: str, *, point: tuple[str, ...] = ()) -> str | None:
    """The sentence that says an appositive of ``np`` in ``s`` again ("Musk is the owner
    of X/Twitter."), naming a person by the surname; None when its tense is unsure (see
    :func:`_appositive_be`). ``point`` holds the sentences of the point, which may report
    the person's death.

    >>> _appositive_sentence("Elon Musk, owner of X/Twitter, is due to visit Israel.", "Elon Musk",
    ...                      "the owner of X/Twitter")
    'Musk is the owner of X/Twitter.'
    >>> _appositive_sentence("The incident took place at a complex in Chamblee, a suburb of Atlanta.", "Chamblee",
    ...                      "a suburb of Atlanta")
    'Chamblee is a suburb of Atlanta.'
    >>> _appositive_sentence("Police arrested Giorgio Orsoni, the mayor of Venice.", "Giorgio Orsoni",
    ...                      "the mayor of Venice") is None
    True
    """
    if re.fullmatch(r"\d+", predicate) and not _is_person_name(np) and not (len(np.split()) == 1 and np[:1].isupper()):
        return None  # an age is a person's: "Arsenal, 3," is no age
    head = _words(re.split(r"\b(?:of|in|on|at|for|from|with|that|who|which)\b", predicate)[0])
    person = bool(head) and _names_people(head[-1])  # "Common Sense Media, a child advocacy group": not "Media"
    subject = _second_mention(np) if _is_person_name(np) and person else np
    if subject != np and len(re.findall(rf"\b{re.escape(subject)}\b", s)) > 1:
        subject = np  # "Rahima Begum, the older sister of Shamima Begum": which Begum?
    if subject.split()[0] == "the":
        subject = "The" + subject[3:]
    # (for the tense, any name counts as a person's: "Ramsey, a substitute, drove"; unsure means no split)
    lasting = bool(head) and head[-1].lower() in _LASTING_KINDS  # "Chamblee, a suburb of Atlanta": a place is one still
    be = _appositive_be(s, predicate, person=(person or np[:1].isupper()) and not lasting,
                        dead=_reports_death(point or (s,), np), name=np)
    return None if be is None else _end_sentence(f"{subject} {be} {predicate}")


# Kinds of place and body an appositive may name: what it says lasts, so "is" holds in a
# sentence in the past too ("... at a complex in Chamblee, a suburb of Atlanta" -> "Chamblee
# is a suburb of Atlanta."), where a person's role may have changed.
_LASTING_KINDS = frozenset("suburb city town village capital county province state region district island "
                           "neighborhood neighbourhood borough country nation port resort area municipality "
                           "company firm organization organisation charity agency network newspaper magazine "
                           "website broadcaster retailer bank airline carrier manufacturer maker brand "
                           "university college hospital movement".split())


def _is_appositive_of(s: str, noun_end: int, a: int, b: int) -> bool:
    """Whether the parser reads ``s[a:b]`` as one appositive phrase of the noun that ends
    at ``noun_end``: not a list item, not a place's state, not the next clause.

    >>> s = "They include four Filipinos, an Austrian, a Czech and a Ghanaian."
    >>> _is_appositive_of(s, s.index(","), s.index("an "), s.index(", a Czech"))
    False
    >>> s = "One man was killed, said Gabriel Toure, director of a local hospital."
    >>> _is_appositive_of(s, s.index(", director"), s.index("director"), len(s) - 1)
    True
    """
    tokens = parse.parse(s)
    noun = parse.token_ending_at(tokens, noun_end)
    inside = [t for t in tokens if a <= t.idx < b and t.dep != "punct"]
    if noun is None or not inside:
        return False
    top = inside[0]
    while top.head != top.i and a <= tokens[top.head].idx < b:
        top = tokens[top.head]
    if top.dep != "appos" or top.head != noun.i or noun.dep in ("appos", "conj"):
        return False  # or the noun is itself an appositive or list item: "Louisville, Kentucky, the hometown of ..."
    subtree = [t for t in tokens[top.left:top.right + 1] if t.dep != "punct"]
    return all(a <= t.idx < b for t in subtree) and all(top.left <= t.i <= top.right for t in inside)


_DEATH_RE = re.compile(r"\b(?:die[ds]?|dying|dead|death|killed|killing|murder(?:ed)?|slain|execut(?:ed|ion)|"
                       r"funeral|survived by|assassinat\w*|obituary|lived from)\b|\(\d{4}\s*[-–]\s*\d{4}\)",
                       re.IGNORECASE)
_KILLED = frozenset("killed murdered slain executed assassinated".split())
_KILLING = frozenset("kill kills killed killing murder murders murdered murdering assassinate assassinated "
                     "execute executed".split())
_DEATH_NOUNS = frozenset("death deaths funeral murder murders killing killings slaying slayings assassination execution "
                         "obituary".split())


def _own_clause_tokens(tokens: tuple, head) -> list:
    """The tokens of ``head``'s clause, without the clauses inside it ("Adoda said [at
    least 54 people were killed]": the killed are not Adoda)."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(x for x in parse.children(tokens, t) if x.dep not in ("ccomp", "advcl", "relcl", "conj", "parataxis",
                                                                          "csubj", "xcomp"))
    return out


def _reports_death(sentences: Sequence[str], np: str) -> bool:
    """Whether ``sentences`` report the death of the person named ``np``: the subject of
    "died", "was killed", "is survived by" or "found dead", the object of "killing", the
    one of "the death of", "the late ...". Another's death in the same sentence is not
    theirs ("Henry Solis, a police rookie, is accused of killing ..." is alive).

    >>> _reports_death(["Green, a 22 year veteran of the force, is survived by his parents."], "Green")
    True
    >>> _reports_death(["Henry Solis, a rookie, is accused of killing Salome Rodriguez."], "Henry Solis")
    False
    >>> _reports_death(["Police said Rodriguez, 23, was shot dead in Pomona."], "Rodriguez")
    True
    >>> _reports_death(["Clement Adoda, a police spokesman, said at least 54 people were killed."], "Clement Adoda")
    False
    """
    name = np.split()[-1]
    for s in sentences:
        if name not in s or not _DEATH_RE.search(s):
            continue
        if re.search(r"\blived from\b|\(\d{4}\s*[-–]\s*\d{4}\)|\bobituary\b", s):
            return True  # a life's dates
        tokens = parse.parse(s)
        for t in tokens:
            if t.text != name:
                continue
            head = tokens[t.head]
            verb = head.text.lower()
            if t.dep in ("nsubj", "nsubjpass") and (verb in ("die", "dies", "died", "dying", "survived") or (
                    t.dep == "nsubjpass" and verb in _KILLED) or any(
                    x.text.lower() in _KILLED | {"dead"} and x.tag in ("VBN", "JJ") for x in _own_clause_tokens(tokens, head))):
                return True  # ("Tissier was one of the French citizens killed")
            if t.dep == "dobj" and verb in _KILLING:
                return True
            if t.dep == "dobj" and verb in ("include", "includes", "included") and any(
                    x.dep == "nsubj" and any(y.text.lower() in _KILLED | {"dead", "died"}
                                             for y in tokens[x.left:x.right + 1])
                    for x in parse.children(tokens, head)):
                return True  # "Other figures jailed or killed include Anna Politkovskaya"
            if t.dep == "pobj" and tokens[head.head].text.lower() in _DEATH_NOUNS or \
                    t.dep == "poss" and verb in _DEATH_NOUNS:
                return True  # "the death of Eric Garner", "Garner's death"
            if any(x.text.lower() == "late" for x in tokens[t.left:t.i]):
                return True
    return False


def _appositive_be(s: str, predicate: str, *, person: bool, dead: bool = False, name: str = "") -> str | None:
    """"is" or "was" for "NAME is APPOSITIVE", or None when neither is sure.

    An appositive describes its noun at the time of the sentence. A thing (a firm, a
    place) lasts: "is". A person in a sentence in the present tense: "is". A person the
    point reports dead, or a role in a past year: "was". A person in a past-tense
    sentence may or may not still hold the role ("Monica Lewinsky, a White House intern";
    "Nancy Nydam, spokeswoman for the department"): reviews of unseen news found each of
    "is" and "was" false there, so the appositive stays where it is (None).

    >>> _appositive_be("Elon Musk, owner of X/Twitter, is due to visit Israel next week.", "the owner of X/Twitter",
    ...                person=True)
    'is'
    >>> _appositive_be("Police arrested Giorgio Orsoni, the mayor of Venice.", "the mayor of Venice", person=True) is None
    True
    >>> _appositive_be("Green, a 22 year veteran of the force, is survived by his parents.", "a 22 year veteran",
    ...                person=True, dead=True)
    'was'
    >>> _appositive_be("281 women were killed, says Bianet, a Turkish group.", "a Turkish group", person=False)
    'is'
    """
    if re.search(r"\b(?:1\d{3}|200\d|201\d)\b", predicate):
        return "was"  # "Ambrose Nicholas, the Lord Mayor of London in 1575": a role in a past year was
    if not person:
        return "is"
    if dead:
        return "was"
    if re.match(r"(?:a |the )?former\b", predicate):
        return "is"  # "a former aide": true now as then
    tokens = parse.parse(s)
    roots = [t for t in tokens if t.dep == "ROOT"]
    verbs = [*roots, *(x for r in roots for x in parse.children(tokens, r) if x.dep in ("aux", "auxpass"))]
    if any(v.tag == "VBD" for v in verbs) or len(roots) != 1:
        return None
    mention = next((t for t in tokens if name and t.text == name.split()[-1]), None)
    while mention is not None and not mention.tag.startswith(("VB", "MD")) and mention.head != mention.i:
        mention = tokens[mention.head]
    if mention is not None and (mention.tag == "VBD" or any(
            x.dep in ("aux", "auxpass") and x.text.lower() in ("was", "were", "had") for x in parse.children(tokens, mention))):
        return None  # "The recording does not include ... the shooting, which occurred as Keith Lamont Scott, a
        # 43-year-old man, was sitting ...": the name's own clause is in the past
    return "is"


def _appositive_predicate(appositive: str) -> str | None:
    """The predicate of "NAME is ..." for an appositive, or None if it is not one.

    >>> _appositive_predicate("owner of X/Twitter"), _appositive_predicate("a Jewish anti-hate monitor")
    ('the owner of X/Twitter', 'a Jewish anti-hate monitor')
    >>> _appositive_predicate("Disney and Lionsgate") is None, _appositive_predicate("52")
    (True, '52')
    """
    if re.fullmatch(r"\d{1,3}", appositive.strip()):
        return appositive.strip()  # "Musk, 52, said" -> "Musk is 52." (no word to test below: the age alone)
    a_words = _words(appositive)
    if not a_words or len(a_words) > 14 or any(w.lower() in FINITE_VERBS for w in a_words):
        return None
    if any(ch in appositive for ch in "“”\"()"):
        return None
    if " and " in f" {appositive} " and a_words[0][0].isupper():
        return None  # a list of names, not an appositive
    lead = a_words[0].lower()
    if lead in ("rest", "remainder", "others", "remaining", "balance") or lead == "the" and len(a_words) > 1 and \
            a_words[1].lower() in ("rest", "remainder", "others", "remaining", "balance", "other"):
        return None  # "about half to Europe, the rest to the United States": a list, not an appositive
    if lead == "the" and len(a_words) <= 3 and not any(w.lower() in PREPOSITIONS for w in a_words[1:]):
        return None  # "Max Meyer, the 19-year-old," -> not "Max Meyer is the 19-year-old." (which one?)
    if lead in ("a", "an", "the", "its", "his", "her", "their", "another", "our", "my", "your", "one"):
        return appositive  # ("another critic": not "the another critic")
    if lead in ROLE_NOUNS or (lead.endswith("er") and not a_words[0][0].isupper() and len(lead) > 4):
        return "the " + appositive
    if a_words[0][0].isupper() and len(a_words) > 1 and a_words[1].lower() in ROLE_NOUNS:
        return appositive  # "Tesla boss", "Israel’s prime minister"
    return None


def _rule_inner_appositive(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    point = tuple(sentences)
    return _split_each(sentences, lambda s: _split_inner_appositive(s, point=point), "appositive")


def _split_inner_appositive(s: str, *, point: tuple[str, ...] = ()) -> list[str] | None:
    """"... said Gabriel Toure, director of a local hospital." -> "... said Gabriel
    Toure. Toure is the director of a local hospital."

    >>> _split_inner_appositive("The workers are working for VAOS, an Austrian-owned oil company.")
    ['The workers are working for VAOS.', 'VAOS is an Austrian-owned oil company.']
    >>> _split_inner_appositive("Companies left, including Apple, Disney and Lionsgate.") is None
    True
    """
    segments = _segments(s)
    for k in range(1, len(segments)):
        a, b = segments[k]
        prev_b = segments[k - 1][1]
        found = _inner_name(s, segments, k)
        if found is None:
            continue
        np = found[1]
        predicate = _inner_predicate(s, found, prev_b, a, b)
        if predicate is None:
            continue
        rest = _rest_after_inner(s, found, prev_b, b)
        if rest is None:
            continue
        main = _end_sentence(_tidy(s[:prev_b] + (rest if rest.strip(" .!?…") else "")))
        if len(np.split()) > 6 or _word_count(main) < MIN_PART_WORDS:
            continue
        second = _appositive_sentence(s, np, predicate, point=point)
        if second is None:
            continue
        return [main, second]
    return None


def _inner_name(s: str, segments: list[tuple[int, int]], k: int) -> tuple[int, str] | None:
    """The name that ends the comma-delimited segment before segment ``k`` (its start
    and words), when segment ``k`` may be its appositive; None for a list, a date, a
    pair of names, a clause before the next one, or a name at the sentence's start."""
    prev_a, prev_b = segments[k - 1]
    if k + 1 < len(segments) and re.match(r"\s*(and|or)\b", s[segments[k + 1][0] : segments[k + 1][1]]):
        return None  # a list
    found = _antecedent(s, prev_b)
    if not found or not found[1][:1].isupper():
        return None
    if found[1].split()[-1].lower() in CALENDAR_NAMES or re.fullmatch(r"\d{4}", found[1].split()[-1]):
        return None  # "... in August, a shooting that ...": the appositive names the event, not the date
    if k >= 2 and found[0] == prev_a + 1 and _antecedent(s, segments[k - 2][1]):
        return None  # "Louisville, Kentucky, the hometown of ...": the appositive is the pair's
    np = found[1]
    if " and " in f" {np} " or re.search(r"[,:;]", np):
        return None  # "Ailina and Bella Tsarnaeva, her sisters-in-law": two people; "on CNN, Carson"
    if re.match(r"\s*(?:after|before|when|while|as|since|because|if|although|though|until|once|unless)\b",
                s[prev_a:prev_b], re.IGNORECASE):
        return None  # "After a police officer shot Michael Brown, the U.S. Department of Justice ...":
        # the next clause, not an appositive
    if found[0] == 0 and k == 1:
        return None  # a sentence-initial name: the "appositive" rule's case
    if "(" in np or ")" in np:
        return None  # "(CNN)Budi": a dateline run into the name
    return found


def _inner_predicate(s: str, found: tuple[int, str], prev_b: int, a: int, b: int) -> str | None:
    """The predicate of "NAME is ..." for the segment ``s[a:b]`` after the name
    ``found`` (which ends at ``prev_b``), or None when the segment is no appositive of
    that name (a list, a phrase about the event, part of a longer name)."""
    appositive = s[a:b].strip().rstrip(".!?…")
    if re.search(r"\band\s+(?:a|an|the)\b", appositive) or re.match(
            r"(?:an?|the)\s+(?:\w+\s+)?(?:act|move|step|time|decision|sign|thing|way|measure|result|moment)\b",
            appositive):
        return None  # "cups of Chianti, a low bridge and a gondolier": a list; "Crimea, an act condemned
        # ...", "Parma, the second time ...": the phrase is about the event, not the name
    if found[0] > 0 and re.search(r"[A-Z][\w'’.-]*\s*$", s[:found[0]]):
        return None  # "the Wipe Out Alzheimer's Challenge": the name starts before the words found
    predicate = _appositive_predicate(appositive)
    if predicate is None or appositive[:1].isupper() and not predicate.startswith("the "):
        return None
    if not _is_appositive_of(s, prev_b, a, b):
        return None  # "four Filipinos, an Austrian, a Czech": a list; "Louisville, Kentucky, the hometown"
    return predicate


def _rest_after_inner(s: str, found: tuple[int, str], prev_b: int, b: int) -> str | None:
    """What follows the appositive that ends at ``b``, as the main sentence goes on after
    the name: its comma dropped where the name is a subject or an object before its verb
    or complement; None when what follows belongs to the appositive, or the name is only
    part of a noun phrase."""
    rest = s[b:]
    tokens = parse.parse(s)
    noun = parse.token_ending_at(tokens, prev_b)
    before_np = parse.token_ending_at(tokens, s[: found[0]].rstrip() and len(s[: found[0]].rstrip()))
    if before_np is not None and before_np.dep in ("amod", "det", "poss", "compound", "nummod") \
            and noun is not None and before_np.head == noun.i:
        return None  # "her first Math GSCE exam, a ...": the name is only part of its noun phrase
    if re.match(r",\s+(?:and|or|but|which|who|whom|whose|where|one|part|a|an|the|another|both|each)\b", rest):
        return None  # "CEO of Lufthansa, which owns ...", "attorney general of Oklahoma, one of the states":
        # what follows belongs to the appositive's noun
    if rest.startswith(",") and not (_ATTRIBUTION_TAIL_RE.match(rest) or _INVERTED_TAIL_RE.match(rest)):
        after = parse.word_at(s, len(s) - len(rest[1:].lstrip()))
        if after is not None and after.tag in ("VBD", "VBZ", "VBP", "MD") \
                and not (noun is not None and noun.dep in ("nsubj", "nsubjpass")):
            return None  # "after Bruce Ferrini, the dealer ..., went bankrupt": a subject the parser missed
        # "David Boren, president of ..., faced" -> "David Boren faced"; "asked Lester Holt,
        # the moderator ..., to fact check" -> "asked Lester Holt to fact check" (but
        # "Thames Town, ..., complete with ..." keeps its comma)
        if after is not None and (after.tag in ("TO", "IN") or noun is not None
                                  and noun.dep in ("nsubj", "nsubjpass") and after.tag.startswith(("VB", "MD"))):
            rest = " " + rest[1:].lstrip()
    if re.match(r",\s+[A-Z][^,]*,", rest) and not (_ATTRIBUTION_TAIL_RE.match(rest) or _INVERTED_TAIL_RE.match(rest)):
        return None  # "Bailey, director of diversity, OU student government, worries": one appositive in parts
    if rest.startswith(",") and s[:found[0]].rstrip().endswith((",", ',"', ",”")):
        after = parse.word_at(s, len(s) - len(rest[1:].lstrip()))
        if after is not None and after.tag in ("VBD", "VBZ", "VBP"):
            rest = " " + rest[1:].lstrip()  # "..., Yves Naffrechoux, captain of ..., told CNN": the speaker's verb
    return rest


# Participles that name a lasting state, which a present-tense sentence may restate with
# "is" ("The firm, based in Ohio, makes ..." -> "The firm is based in Ohio."). Others name
# an event ("built in 1900", "born in 1950"), which "is" would misdate: those are split
# only from a past-tense sentence.
_STATE_PARTICIPLES = frozenset("known based located situated called named nicknamed dubbed accused charged suspected "
                               "considered regarded seen described owned run led backed funded supported housed "
                               "linked tied related married armed worried concerned involved".split())
# Participles that join something to the subject for the main verb: "This imbalance,
# combined with the men's enslavement, led to ..." -- the two together led to it.
# Participles of a state that lasts: in a past-tense sentence, "was coached by" would say it is over.
_ONGOING_PARTICIPLES = frozenset("coached owned led run managed backed funded sponsored headed chaired staffed "
                                 "supported employed married".split())
_JOINING_PARTICIPLES = frozenset("combined coupled paired compared joined accompanied followed aided helped "
                                 "assisted fueled fuelled driven boosted added taken".split())


def _rule_participle_appositive(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    return _split_all(sentences, _split_participle_appositive)


def _split_participle_appositive(s: str, trace: list[str]) -> list[str]:
    """A participle phrase set off by commas after the subject becomes a sentence of its
    own, in the main verb's tense and the subject's number, when the parser ties it to the
    subject's noun.

    >>> _split_participle_appositive("The minister, known for his sermons on wealth, is seeking $60 million "
    ...                              "for a new jet.", [])
    ['The minister is seeking $60 million for a new jet.', 'The minister is known for his sermons on wealth.']
    >>> _split_participle_appositive("Tairod Pugh, accused of trying to join ISIS in January, was charged by a "
    ...                              "grand jury on Tuesday.", [])
    ['Tairod Pugh was charged by a grand jury on Tuesday.', 'Pugh was accused of trying to join ISIS in January.']
    >>> _split_participle_appositive("The old bridge, built in 1900 by local workers, is the oldest one still "
    ...                              "standing in the county.", [])
    ['The old bridge, built in 1900 by local workers, is the oldest one still standing in the county.']
    """
    if not _long(s) or s.count(",") < 2:
        return [s]
    if _ends_with_source(s):
        return _split_attributed(s, trace, _split_participle_appositive) or [s]
    parsed = _main_clause_tense(s)
    if parsed is None:
        return [s]
    tokens, main, tense = parsed
    subjects = [x for x in parse.children(tokens, main) if x.dep in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].i > main.i:
        return [s]
    noun = subjects[0]
    for t in parse.children(tokens, noun):
        found = _participle_phrase(s, tokens, main, noun, t)
        if found is None:
            continue
        phrase, comma = found
        naming = t.i + 1 < len(tokens) and (tokens[t.i + 1].text[:1].isupper() or tokens[t.i + 1].text in "\"“'‘")
        if tense == "present" and (t.text.lower() not in _STATE_PARTICIPLES or t.text.lower() in (
                "called", "named", "dubbed", "nicknamed") and not naming or any(
                x.tag == "VBD" for x in tokens[t.left:t.right + 1])):
            continue  # "The bridge, built in 1900, is ...": not "The bridge is built in 1900."; "members,
            # called to service after demonstrations turned violent, are ...": an event, not a name
        if tense == "past" and t.text.lower() in _ONGOING_PARTICIPLES:
            continue  # "Villarreal, coached by Marcelino, fielded ...": "was coached" would say he no longer is
        again = _subject_again(s, tokens, noun)
        if again is None:
            continue
        plural = noun.tag in ("NNS", "NNPS") or noun.text.lower() in ("they", "we", "you")
        if t.text.lower() in ("known", "based", "located", "situated"):
            tense = "present"  # "Tikrit, best known as ..., fell": it still is known so
        be = {("past", False): "was", ("past", True): "were",
              ("present", False): "is", ("present", True): "are"}[tense, plural]
        main_text = _end_sentence(_tidy(s[:tokens[noun.i + 1].idx] + " " + s[comma.end:].lstrip()))
        new = _end_sentence(f"{again} {be} {phrase}")
        if _word_count(main_text) < MIN_PART_WORDS or _word_count(new) < 4:
            continue
        trace.append("appositive:participle")
        return [main_text, new]
    return [s]


def _participle_phrase(s: str, tokens: tuple[parse.Token, ...], main: parse.Token, noun: parse.Token,
                       t: parse.Token) -> tuple[str, parse.Token] | None:
    """The participle phrase that ``t`` opens between the subject ``noun`` and the main
    verb, set off by commas, and its closing comma; None when ``t`` opens no such phrase,
    or one that joins something to the subject for the main verb."""
    if t.dep != "acl" or t.tag != "VBN" or t.i < noun.i:
        return None
    left = tokens[t.left]
    if not (left.i == t.i or (left.i == t.i - 1 and left.tag == "RB")):
        return None  # "... , who was ...", "..., once known as ...": only the participle, or one adverb
    if left.i != noun.i + 2 or tokens[noun.i + 1].text != "," or t.right + 1 >= main.i:
        return None  # the comma right after the noun, and the phrase ends before the main verb
    comma = tokens[t.right + 1]
    if comma.text != "," or any(x.head != main.i or x.dep not in ("aux", "auxpass", "advmod", "neg")
                                for x in tokens[comma.i + 1:main.i]):
        return None  # the phrase's closing comma, then the main verb (and its auxiliaries)
    phrase = s[left.idx:tokens[t.right].end]
    if _inside_quote(s, noun.idx) or any(q in phrase for q in "\"“”"):
        return None
    if t.text.lower() in _JOINING_PARTICIPLES:
        return None
    return phrase, comma
