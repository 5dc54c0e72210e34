"""Chapter titles that say what a point is about: its source, its subject and what the
subject did, from the point's dependency parse ("Israeli TV: The world's richest man is
planning a visit"), never its first words cut at a comma ("Point 3: The café").

A point that reports someone's words is titled by its source; its quotation's first words
follow when it is a quotation ("Elon Musk: “Nothing could be further from the truth”").
Otherwise the title is the main clause cut to whole phrases: the subject, the verb and its
first objects, without adverbs, asides or clauses that explain ("after ...", "which ...").
"""

from __future__ import annotations

import re

from ..models import Attribution
from ..plain.parse import ParserMissingError, Token, parse

__all__ = ["chapter_title", "headline_subject", "repeats"]

WORDS = 10  # a title longer than this is cut to whole phrases
_REPORTING = frozenset(
    "say says said tell tells told report reports reported claim claims claimed announce announces announced "
    "warn warns warned insist insists insisted add adds added state states stated write writes wrote "
    "reveal reveals revealed confirm confirms confirmed deny denies denied".split()
)
# Phrases that can go whole without leaving a word dangling.
_PHRASES = frozenset("prep dobj xcomp acomp attr ccomp pcomp dative agent oprd advcl acl relcl".split())
_DANGLING = frozenset("and or but nor to from of with before after by for in on at as that than the a an".split())
_QUOTES = "\"“”«»„"  # double marks only: ’ is also an apostrophe (world’s)


def chapter_title(text: str, attribution: Attribution | None = None) -> str:
    """A short title for a point whose text (source spoken) is ``text``.

    >>> chapter_title("Israeli officials earlier criticised Musk for offering help to aid groups working in Gaza.")
    'Israeli officials criticised Musk for offering help'
    >>> chapter_title("According to the CCDH, the platform, which has 500 staff, kept 196 of 200 hateful posts.",
    ...               Attribution("CCDH", "said"))
    'CCDH: The platform kept 196 of 200 hateful posts'
    >>> chapter_title("Elon Musk said: “Nothing could be further from the truth.”", Attribution("Elon Musk", "said"))
    'Elon Musk: “Nothing could be further from the truth”'
    """
    text = " ".join(text.split())
    source = " ".join(attribution.source.split()) if attribution and attribution.source else ""
    match = re.match(r"^According to (?:the )?([^,]+), ", text)
    if match:
        source = source or match.group(1)
        text = text[match.end() :]
        text = text[:1].upper() + text[1:]
    first = re.split(r"(?<=[.!?][”\"’])\s+|(?<=[.!?])\s+(?=[A-Z“\"])", text)[0]
    quoted = re.search(r"[“\"]([^”\"]{3,})[”\"]", first)
    if quoted and source and first.index(quoted.group(0)) < len(first) // 2 + 20:
        words = quoted.group(1).strip().rstrip(".,;:!?").split()
        said = " ".join(words[:WORDS]) + ("…" if len(words) > WORDS else "")
        return f"{source[:1].upper()}{source[1:]}: “{said}”"
    try:
        gist = _gist(first)
    except ParserMissingError:
        gist = ""
    if not gist:
        gist = _first_words(first)
    if source and source.lower() not in gist.lower():
        return f"{source[:1].upper()}{source[1:]}: {gist}"
    return gist


def _gist(sentence: str) -> str:
    """The main clause of ``sentence`` cut to whole phrases (see the module doc)."""
    tokens = parse(re.sub(f"[{_QUOTES}]", "", sentence))
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    if root is None:
        return ""
    clause = root
    if root.text.lower() in _REPORTING:
        said = [t for t in tokens if t.head == root.i and t.dep == "ccomp" and t.i != root.i]
        if said:
            clause = said[0]
    keep = set(range(clause.left, clause.right + 1))
    # Words before the subject (openers such as "Last week," or "In Gaza,") go too.
    subject = next((t for t in tokens if t.head == clause.i and t.dep in ("nsubj", "nsubjpass") and t.i != clause.i), None)
    if subject is None:
        return ""
    keep -= set(range(clause.left, subject.left))
    for t in tokens:
        if t.i in keep and t.i != clause.i and _is_aside(t, tokens, clause):
            keep -= set(range(t.left, t.right + 1))
    kept = sorted(keep)

    def count(indexes: list[int]) -> int:  # words, not punctuation or "'s"
        return sum(1 for i in indexes if tokens[i].dep not in ("punct", "case"))

    # Too long: drop whole phrases from the right, so the title never ends inside one: first
    # the predicate's adjuncts ("to hepatitis A"), then what only says more about the subject
    # ("in North Dakota"), last what is inside the verb's own object or complement, which
    # stays ("has exposed hundreds of members", not "has exposed").
    core = [t for t in tokens if t.head == clause.i and t.dep in ("dobj", "attr", "acomp", "xcomp", "oprd")]
    inside_core = {i for t in core for i in range(t.left, t.right + 1)}
    inside_subject = set(range(subject.left, subject.right + 1))
    everything = set(range(len(tokens)))
    for within in (everything - inside_core - inside_subject, inside_subject, inside_core):
        while count(kept) > WORDS:
            phrases = [
                t for t in tokens
                if t.i in kept and t.i in within and t.i not in {c.i for c in core} | {clause.i, subject.i}
                and t.dep in _PHRASES
            ]
            if not phrases:
                break
            last = max(phrases, key=lambda t: (t.left, -t.right))
            kept = [i for i in kept if not last.left <= i <= last.right]
    cut = count(kept) > WORDS
    while count(kept) > WORDS:
        kept.pop()
    words = [tokens[i].text for i in kept]
    while len(words) > 2 and words[-1].lower() in _DANGLING:
        words.pop()  # a phrase's head left behind by a parse that split it ("questions from him and")
    title = _detokenize(words).strip(" ,;:-–—.!?")
    return title[:1].upper() + title[1:] + ("…" if cut else "")


def _is_aside(token: Token, tokens: tuple[Token, ...], clause: Token) -> bool:
    if token.dep in ("relcl", "acl", "appos", "advcl", "parataxis") or (token.dep == "punct" and token.text in ",;:()–—"):
        return True
    head_is_verb = tokens[token.head].tag.startswith("VB") or tokens[token.head].tag == "MD"
    if token.dep in ("advmod", "npadvmod", "cc", "conj") and head_is_verb:
        return True  # "reportedly", "next week", "and to visit ..."
    if token.head == clause.i and token.dep in ("mark", "intj"):
        return True
    return token.dep == "prep" and token.text.lower() in ("after", "following", "amid", "despite", "because")


def _detokenize(words: list[str]) -> str:
    text = " ".join(words)
    text = re.sub(r" (?=[,.;:!?%)]|n't\b|'s\b|’s\b|'re\b|'ve\b|'ll\b|'d\b)", "", text)
    text = re.sub(r" ?([-/]) ?", r"\1", text)
    return re.sub(r"([($£€]) ", r"\1", text)


def _first_words(text: str, words: int = WORDS) -> str:
    """The first ``words`` words of ``text``, without quotation marks: the title when the
    parse has no subject (a fragment, a list)."""
    parts = re.sub(f"[{_QUOTES}]", "", text).rstrip(".!?").split()
    title = " ".join(parts[:words]).rstrip(",;:")
    return title[:1].upper() + title[1:] + ("…" if len(parts) > words else "")


def headline_subject(headline: str) -> str:
    """Who or what ``headline`` is about: its main clause's subject, without asides; empty
    when it has none or the subject is a pronoun.

    >>> headline_subject("Elon Musk is reportedly due to fly into Israel next week for meeting…")
    'Elon Musk'
    >>> headline_subject("The tech boss, 52, has been caught up in a storm"), headline_subject("He said no")
    ('the tech boss', '')
    >>> headline_subject("The bishop of the Diocese in North Dakota has exposed…")
    'the bishop of the Diocese'
    >>> headline_subject("A drunk driver who killed a young woman in a head-on crash while checking…")
    'a drunk driver'
    """
    text = re.sub(r"(?:…|\.\.\.)$", "", " ".join(headline.split()))
    try:
        tokens = parse(re.sub(f"[{_QUOTES}]", "", text))
    except ParserMissingError:
        return ""
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    subject = root and next(
        (t for t in tokens if t.head == root.i and t.dep in ("nsubj", "nsubjpass") and t.i != root.i), None
    )
    if root is not None and subject is None and root.tag.startswith("NN"):
        subject = root  # a headline without a verb: "A drunk driver who killed ..."
    if subject is None or subject.tag in ("PRP", "EX", "WP", "DT"):
        return ""
    keep = set(range(subject.left, subject.right + 1))
    for t in tokens:
        if t.i in keep and t.i != subject.i and (
            t.dep in ("relcl", "acl", "appos", "prep", "amod") and t.i > subject.i and t.text != "of"
            or t.dep == "punct" and t.text != "-"
        ):
            keep -= set(range(t.left, t.right + 1))
    kept = sorted(keep)
    if tokens[kept[0]].tag == "DT":
        # "The tech boss" in the middle of a sentence.
        first = tokens[kept[0]]
        return _detokenize([first.text.lower()] + [tokens[i].text for i in kept[1:]])
    return _detokenize([tokens[i].text for i in kept])


def repeats(headline: str, text: str) -> bool:
    """Whether ``text`` says ``headline`` again: nearly all of its words are in it.

    >>> repeats("Elon Musk is reportedly due to fly into Israel next week for meeting…",
    ...         "Elon Musk is reportedly due to fly into Israel next week for meeting with leaders.")
    True
    >>> repeats("Musk to visit Israel after anti-Semitism row", "Elon Musk will fly to Israel next week.")
    False
    """
    def words(value: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", value.lower().replace("’", "'"))

    said = set(words(text))
    heading = [w for w in words(re.sub(r"(?:…|\.\.\.)$", "", headline)) if len(w) > 2]
    return bool(heading) and sum(w in said for w in heading) >= 0.8 * len(heading)
