"""The attribution as its own short sentence, the main fact first (issue 19):

- "The ship sank on Friday, police said." -> "The ship sank on Friday. Police said this."
- "Police said the ship sank on Friday." -> "The ship sank on Friday. Police said this."
- "..., according to the NTSB." -> "... This is according to the NTSB."

The source and its cue stay word for word; only "this" (and "on" before a bare weekday)
is added. A sentence is left as written when moving its source would leave a pronoun
before the name it stands for ("Obama said he would ..."), when the report is in the
future of the past ("would"), when the reported words are a quotation or a question,
or when another rule has already repeated the source in a split.
"""

from __future__ import annotations

import re

from ...words import WEEKDAYS
from .. import parse
from .tails import _TIME_OR_PLACE, _tail
from ...text.quotes import quotations
from ..faithful import STOP_WORDS
from .mentions import _is_person_name
from .word_classes import ORG_WORDS, _REPORTING_RE
from .text import _Context, _capitalise, _lower_first, _end_sentence, _inside_quote, _word_count

__all__ = ["_rule_move_attribution"]

# Reported words shorter than this stay with their source: the gain is small.
MIN_REPORTED_WORDS = 4
# Verbs of saying whose clause may stand first ("Police said", "Experts believe").
_CUES = frozenset("""said says say told tells reported reports added adds announced announces confirmed confirms
warned warns explained explains noted notes stated states wrote writes claimed claims insisted insists argued
argues believe believes believed think thinks thought estimated estimates revealed reveals acknowledged
acknowledges admitted admits heard hears claim warn note insist argue explain state reveal acknowledge admit confirm
report add""".split())  # (the plural present too: "Chinese relic experts claim that ...")
# Verbs that report a finding or a claim, only with "that" ("The study found that ...").
_THAT_CUES = frozenset("found finds showed shows suggested suggests concluded concludes alleged alleges "
                       "estimated estimates predicted predicts".split())
# A pronoun in the reported words may stand for the source: moved ahead of it, the
# reader would not know who "he" is.
# A phrase that may belong to the verb of saying though the parser gave it to the report
# ("said Clarkson had a fracas in a statement released yesterday").
_MEDIUM_RE = re.compile(r"\b(?:in|on|via|during) (?:a|an|the|his|her|its|their) (?:[\w-]+ ){0,2}(?:statement|interview|"
                        r"letter|post|posting|tweet|email|e-mail|conference|report|speech|video|blog|broadcast|"
                        r"briefing|release|message|column|op-ed|filing)s?\b", re.IGNORECASE)
# Words that open something less than a sentence ("only if ...", "whether ...").
_NOT_A_SENTENCE_RE = re.compile(r"^(?:only|if|whether|when|because|unless|although|though|while|as|that|and|but|or)\b",
                                re.IGNORECASE)
_CONTRAST_RE = re.compile(r"\b(?:whereas|in reality|in fact|in truth|actually)\b|,\s+while\b", re.IGNORECASE)
_WOULD = re.compile(r"\b(?:would|'d|’d)\b", re.IGNORECASE)
_WEEKDAY_RE = re.compile(r"^(?:" + "|".join(WEEKDAYS) + r")\b")
_QUOTE_CHARS = "\"“”‘’'"
# A quotation mark in a source or its cue: any double or opening mark, and a single one that
# is no apostrophe inside a word ("the country's defense minister" has none).
_QUOTE_MARK_RE = re.compile(r"[\"“”‘()]|(?<![A-Za-z])['’]|['’](?![A-Za-z])")


def _rule_move_attribution(sentences: list[str], ctx: _Context) -> tuple[list[str], list[str]]:
    out: list[str] = []
    trace: list[str] = []
    if sum(_tail(s) is not None for s in sentences) > 1:
        return sentences, []  # a split already said the source in each part: "this" would be unclear
    for s in sentences:
        moved = _move_tail(s) or _move_front_according(s) or _move_lead(s, ctx)
        if moved:
            out.extend(moved)
            trace.append("move:attribution")
        else:
            out.append(s)
    return out, trace


_FIRST_SECOND = re.compile(r"\b(?:i|me|my|mine|myself|we|us|our|ours|ourselves|you|your|yours|yourself)\b",
                           re.IGNORECASE)
_HE_SHE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_THEY = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.IGNORECASE)
_IT = re.compile(r"\b(?:it|its|itself)\b", re.IGNORECASE)
_PLURAL_HEADS = frozenset("police people staff crew officials authorities residents experts witnesses media "
                          "investigators prosecutors researchers scientists doctors".split())


# Sources that are a body or a document, never "he" or "she".
_IMPERSONAL_HEADS = ORG_WORDS | frozenset("family report study statement website letter indictment survey poll "
                                          "complaint lawsuit filing document analysis article magazine newspaper "
                                          "paper site firm team".split())


def _pronoun_may_be_source(body: str, source: str | None, *, person: bool = False) -> bool:
    """Whether a pronoun of ``body`` could stand for ``source`` (unknown: any pronoun could):
    "he" or "she" for a source that is not plural ("police", "officials", "X and Y"); "it"
    unless the source is a person's name (``person``: "Hellerstein said the government
    failed to prove its argument": no body is named in the source for "its" to be);
    "they", "I", "we" or "you" always could (a body named in the source, the source's own
    group, or its words in indirect speech).

    >>> _pronoun_may_be_source("he was arrested at home", "Police"), _pronoun_may_be_source("they found him", "Police")
    (False, True)
    >>> _pronoun_may_be_source("it plans to admit her", "The National Institutes of Health")
    True
    >>> _pronoun_may_be_source("Tammy was giving her daughter a lesson", "The Meyers family")
    False
    >>> _pronoun_may_be_source("the court failed to prove its case", "Hellerstein", person=True)
    False
    >>> _pronoun_may_be_source("he failed to prove its case", "Hellerstein", person=True)
    True
    """
    if _FIRST_SECOND.search(body):
        return True
    if source is None:
        return bool(_HE_SHE.search(body) or _THEY.search(body) or _IT.search(body))
    words = source.split()
    head = words[-1].lower() if words else ""
    # A plural is a common noun ("police", "officials"): "the National Institutes of Health" is one body.
    plural = " and " in source or head in _PLURAL_HEADS or words[-1][:1].islower() and (
        head.endswith("s") and not head.endswith(("ss", "us", "is"))) or head in _IMPERSONAL_HEADS
    # ("The Meyers family told police that Tammy Meyers was giving her daughter ...": a family, a
    # court or a report is no "he" or "she", though it may be "it")
    # "they" may be the source's own group ("the mayor said they will never give up"), "it" a body
    # named inside the source ("a Defense Department official said it cannot confirm"): never moved.
    return bool(_HE_SHE.search(body) and not plural or _THEY.search(body) or _IT.search(body) and not person)


def _reported_ok(text: str, *, moved_ahead: bool, source: str | None = None, person: bool = False) -> bool:
    """Whether the reported words can stand as a sentence of their own. ``moved_ahead``:
    they come before their source (``source``, a person's name when ``person``) where
    they came after it, so a pronoun that may stand for the source, or "would" (the
    future of a past report), would read wrong."""
    body = text.strip()
    if _word_count(body) < MIN_REPORTED_WORDS or not body:
        return False
    if body[-1] in "?!" or body[-1] in _QUOTE_CHARS or body[0] in _QUOTE_CHARS:
        return False
    if moved_ahead and _CONTRAST_RE.search(body):
        return False  # "The map suggests that X is larger, whereas in reality Y is": the contrast is the
        # writer's, not the source's, and "The map suggests this." after both would give the source all of it
        # (a source at the end covers all before it, as written: "..., while ..., Mr Kraybill said")
    if moved_ahead and (_pronoun_may_be_source(body, source, person=person) or _WOULD.search(body) or _MEDIUM_RE.search(body)
                        or re.search(r"\b(?:and|but|or) that\b", body)):
        return False  # ("said X and that Y": two reports, the second would read as a fact)
    return not _NOT_A_SENTENCE_RE.match(body)


def _adjunct(words: str) -> str:
    """The words after a cue, with "on" before a bare weekday ("said Monday" -> "said
    this on Monday", not "said this Monday")."""
    words = words.strip().rstrip(".")
    if _WEEKDAY_RE.match(words):
        words = "on " + words
    return (" " + words) if words else ""


# ", said Gabriel Toure, director of a local hospital.": the cue before a name and its role.
_INVERTED_ROLE_RE = re.compile(r",\s+(?P<cue>said|says|added)\s(?P<src>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3}),\s"
                               r"(?P<role>(?:an?\s|the\s)?[a-z][^,]{2,60})\.$")
_ACCORDING_TAIL_RE = re.compile(r",\s+according to (?P<src>[^,\"“”‘’()]{2,100})\.$")
_TAIL_CUE_RE = re.compile(r"^(?P<src>.+?)\s(?P<cue>" + "|".join(sorted(_CUES, key=len, reverse=True)) + r")(?P<adj>\s.*)?$")


def _move_tail(s: str) -> list[str] | None:
    """ "S, police said Monday." -> ["S.", "Police said this on Monday."]

    >>> _move_tail("The ship sank near the coast of Sittwe, the ministry said Friday.")
    ['The ship sank near the coast of Sittwe.', 'The ministry said this on Friday.']
    >>> _move_tail("The plane landed safely at the airport in Denver, according to the FAA.")
    ['The plane landed safely at the airport in Denver.', 'This is according to the FAA.']
    >>> _move_tail("The crew cited brake issues during the landing, according to an update on Monday from the NTSB.")
    ['The crew cited brake issues during the landing.', 'This is according to an update on Monday from the NTSB.']
    >>> _move_tail("The storm hit the coast near the city, said Mark Giuliano.")
    ['The storm hit the coast near the city.', 'Mark Giuliano said this.']
    >>> _move_tail("Five people were killed in the attack, said Gabriel Toure, director of a local hospital.")
    ['Five people were killed in the attack.', 'Gabriel Toure, director of a local hospital, said this.']
    >>> _move_tail("He will never give up the fight for them, his lawyer said.")
    ['He will never give up the fight for them.', 'His lawyer said this.']
    >>> _move_tail('"We will never give up the fight for them," his lawyer said.') is None
    True
    >>> _move_tail("The man has no links to Israeli intelligence, the country's defense minister said Wednesday.")
    ['The man has no links to Israeli intelligence.', "The country's defense minister said this on Wednesday."]
    """
    inverted = _INVERTED_ROLE_RE.search(s)
    if inverted and not _inside_quote(s, inverted.start()):
        body = s[:inverted.start()].rstrip()
        if _reported_ok(body, moved_ahead=False) and not _QUOTE_MARK_RE.search(inverted.group()):
            return [_end_sentence(body), f"{inverted.group('src')}, {inverted.group('role')}, {inverted.group('cue')} this."]
    found = _tail(s)
    according = _ACCORDING_TAIL_RE.search(s)
    if not found and according and len(according.group("src").split()) <= 12:
        found = (according.start(), "")  # a longer source than a split would repeat: said once, it may be long
    if not found:
        return None
    start, _ = found
    if _inside_quote(s, start):
        return None
    body, tail = s[:start].rstrip(), s[start:].lstrip(", ").rstrip()
    if not _reported_ok(body, moved_ahead=False) or _QUOTE_MARK_RE.search(tail) \
            or body.startswith(("Here", "This is")):
        return None
    tail = tail.rstrip(".")
    if tail.lower().startswith("according to "):
        return [_end_sentence(body), f"This is {tail}."]
    m = re.match(r"^(?P<cue>said|says|added|adds|told)\s(?P<src>.+)$", tail)
    if m and m.group("src")[:1].isupper() or (m and m.group("src").startswith("the ")):
        src = m.group("src")
        if m.group("cue") in ("told", "tells"):
            return None
        return [_end_sentence(body), f"{_capitalise(src)} {m.group('cue')} this."]
    m = _TAIL_CUE_RE.match(tail)
    if not m or m.group("cue") not in _CUES:
        return None
    src, cue, adj = m.group("src"), m.group("cue"), m.group("adj") or ""
    if cue in ("told", "tells"):
        # "told CNN" / "told reporters on Monday": the hearer comes before "this".
        words = adj.split()
        cut = next((i for i, w in enumerate(words) if re.fullmatch(_TIME_OR_PLACE, w, re.IGNORECASE)), len(words))
        if not 0 < cut <= 4:
            return None
        hearer, rest = " ".join(words[:cut]), " ".join(words[cut:])
        return [_end_sentence(body), f"{_capitalise(src)} {cue} {hearer} this{_adjunct(rest)}."]
    return [_end_sentence(body), f"{_capitalise(src)} {cue} this{_adjunct(adj)}."]


_FRONT_ACCORDING_RE = re.compile(r"^According to (?P<src>[^,\"“”‘’()]{2,80}), (?P<body>.+)$")


def _move_front_according(s: str) -> list[str] | None:
    """ "According to X, S." -> ["S.", "This is according to X."]

    >>> _move_front_according("According to the Pew Research Center, 80% of Internet users have looked up health information.")
    ['80% of Internet users have looked up health information.', 'This is according to the Pew Research Center.']
    """
    m = _FRONT_ACCORDING_RE.match(s.strip())
    if not m or len(m.group("src").split()) > 8 or not s.rstrip().endswith("."):
        return None
    body = m.group("body")
    if not _reported_ok(body.rstrip("."), moved_ahead=True, source=m.group("src")) or quotations(body) and body.lstrip()[0] in _QUOTE_CHARS:
        return None
    if not re.search(r"\b(?:is|are|was|were|has|have|had|will|can|may|might|could|should|must|did|does|do)\b|"
                     r"\b\w+(?:ed|s)\b", body):
        return None  # no verb in sight: not a clause of its own
    return [_end_sentence(_capitalise(body)), f"This is according to {m.group('src')}."]


def _is_named_person(source: str, ctx: _Context | None) -> bool:
    """Whether the words ``source`` name a person: a person's name ("Marina Pacheco"), or
    the last word of the attribution's source when that is one ("Hellerstein" for "Alvin
    K. Hellerstein"); a lone capitalised word may be a firm ("Google").

    >>> _is_named_person("Hellerstein", _Context(keep=("Alvin K. Hellerstein",))), _is_named_person("Google", None)
    (True, False)
    """
    if _is_person_name(source):
        return True
    known = ctx.keep[0] if ctx and ctx.keep else ""
    return bool(re.fullmatch(r"[A-Z][a-z'’-]+", source)) and _is_person_name(known) and known.split()[-1] == source


# What a speaker does besides saying (see _move_lead).
_ACTS = frozenset("urged called asked vowed pledged promised threatened demanded apologized apologised refused "
                  "declined appealed".split())


def _move_lead(s: str, ctx: _Context | None = None) -> list[str] | None:
    """ "Police said the ship sank on Friday." -> ["The ship sank on Friday.", "Police said this."]

    >>> _move_lead("Police said the ship sank in bad weather near the coast on Friday.")
    ['The ship sank in bad weather near the coast on Friday.', 'Police said this.']
    >>> _move_lead("The ministry said in a statement that the ship sank near the coast of Sittwe.")
    ['The ship sank near the coast of Sittwe.', 'The ministry said this in a statement.']
    >>> _move_lead("Obama said he would veto the bill if it reached his desk.") is None
    True
    >>> _move_lead("On Monday, police said the ship sank in bad weather near the coast.")
    ['The ship sank in bad weather near the coast.', 'Police said this on Monday.']
    >>> _move_lead("Hellerstein said the government failed to prove its argument in court.",
    ...            _Context(keep=("Alvin K. Hellerstein",)))
    ['The government failed to prove its argument in court.', 'Hellerstein said this.']
    >>> _move_lead("Google said the government failed to prove its argument in court.") is None
    True
    """
    if s.rstrip()[-1:] not in ".":
        return None
    tokens = parse.parse(s)
    head = parse.root(tokens)
    if head is None or head.text not in _CUES | _THAT_CUES or tokens[head.i].tag not in ("VBD", "VBZ", "VBP"):
        return None
    kids = parse.children(tokens, head)
    subjects = [t for t in kids if t.dep == "nsubj"]
    clauses = [t for t in kids if t.dep == "ccomp"]
    if len(subjects) != 1 or len(clauses) != 1:
        return None
    subject, clause = subjects[0], clauses[0]
    if any(x.dep == "conj" and x.tag.startswith("VB") and (_REPORTING_RE.fullmatch(x.text) or x.text in _ACTS)
           and not any(k.dep in ("nsubj", "nsubjpass") for k in parse.children(tokens, x))
           for x in parse.children(tokens, clause)):
        return None  # "The group claimed the attack was revenge and warned of more": the warning is the
        # group's, though the parser puts it in the report; moved, it would be the attack's
    if subject.right != head.i - 1 or clause.i < head.i:
        return None
    front = ""
    if subject.left != 0:
        # "On Monday, police said ...": a phrase of time or place on the verb of saying, then a comma.
        comma = tokens[subject.left - 1]
        adjuncts = [t for t in kids if t.i < subject.left and t.dep in ("prep", "npadvmod")]
        if comma.text != "," or not adjuncts or adjuncts[0].left != 0 or adjuncts[-1].right != comma.i - 1 \
                or any(a.right + 1 != b.left for a, b in zip(adjuncts, adjuncts[1:])):
            return None
        front = s[:comma.idx].strip()
        if front.split()[0].lower() in STOP_WORDS or front.split()[0].lower() in ("in", "on", "at", "during", "last"):
            front = _lower_first(front)
        if any(ch in front for ch in _QUOTE_CHARS + "—–-"):
            return None
    if tokens[subject.i].text.lower() in ("it", "this", "that", "there", "which", "who"):
        return None
    # Between the cue and its clause: "that", or a short adjunct ("in a statement", "on Monday").
    start = tokens[clause.left]
    lead_that = False
    if start.text.lower() == "that" and start.dep == "mark":
        start, lead_that = tokens[start.i + 1], True
    between = s[head.end:start.idx].strip()
    if between.endswith(" that") or between == "that":
        lead_that = True
        between = between[: -len("that")].strip()
    if between and (not lead_that or "," in between or _word_count(between) > 5):
        return None
    if head.text in _THAT_CUES and not lead_that:
        return None  # "found the body ...": only "found that ..." reports a finding
    if head.text in ("told", "tells") and not between:
        return None  # "told CNN the ..." parses the hearer into the clause at times
    end = tokens[clause.right]
    rest = s[end.end:].strip()
    if rest not in (".",):
        return None
    reported = s[start.idx:end.end]
    if any(a < start.idx for a, _, _ in quotations(s)):
        return None  # a quotation in the source's part, or the report is all quotation
    if reported.split()[0].lower() in ("if", "whether", "how", "what", "why", "when", "where", "who"):
        return None
    said_by = s[tokens[subject.left].idx: head.idx].strip()
    if not _reported_ok(reported, moved_ahead=True, source=said_by, person=_is_named_person(said_by, ctx)):
        return None
    source = _capitalise(s[tokens[subject.left].idx: head.idx].strip())
    after = " ".join(x for x in (between if head.text not in ("told", "tells") else "", front) if x)
    if head.text in ("told", "tells"):
        return [_end_sentence(_capitalise(reported)), f"{source} {head.text} {between} this{_adjunct(after)}."]
    return [_end_sentence(_capitalise(reported)), f"{source} {head.text} this{_adjunct(after)}."]
