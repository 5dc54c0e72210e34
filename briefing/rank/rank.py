"""Rank: choose an article's key points and make each one stand on its own.

Every ranker is one class behind one callable interface, in the style of sumy's
summarizers: it is configured when it is built and never changed afterwards, and
``ranker(sentences, attributions, count)`` returns the chosen ``(sentence index,
score)`` pairs in article order. :data:`RANKERS` maps the names the CLI offers to
ready-built rankers; :func:`rank` is the pipeline stage.

The sumy rankers run sumy's own algorithms over *our* sentences (sumy's
``ObjectDocumentModel`` built from :func:`briefing.text.split.split`), never sumy's
``PlaintextParser``, which would split sentences differently (and read an all-caps
line as a heading), so sentence ids and spans stay those of the pipeline.

Scores: ``KeyPoint.score`` is the ranker's score for the sentence, min-max
normalised over the article's sentences, so the article's best sentence scores 1.0
and its worst 0.0. Scores compare sentences of one article, not articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Callable, ClassVar, Protocol, Sequence

import numpy
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from ..attribution.attribute import resolve_subjects
from ..attribution.subjects import SubjectResolution
from ..config import BriefingConfig
from ..errors import ConfigError
from ..models import Article, Attribution, KeyPoint, Sentence, Span
from ..text.nlp import tokenizer

Attributions = Sequence[Sequence[Attribution]]
Ranked = tuple[tuple[int, float], ...]

MIN_POINTS = 3
MAX_POINTS = 7


class Ranker(Protocol):
    """What every ranker is: built once, then called on an article's sentences."""

    def __call__(self, sentences: Sequence[Sentence], attributions: Attributions, count: int) -> Ranked:
        """The ``count`` best sentences as ``(index, score)`` pairs, in article order."""
        ...


# ---------------------------------------------------------------------------------------
# Shared, built once per process: sumy's stemmer and stop words cost time to set up.


@lru_cache(maxsize=1)
def stemmer() -> Callable[[str], str]:
    """sumy's English (Snowball) stemmer with a memo: news repeats its words a lot."""
    return lru_cache(maxsize=65536)(Stemmer("english"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop words."""
    return frozenset(get_stop_words("english"))


def sumy_document(sentences: Sequence[Sentence]) -> ObjectDocumentModel:
    """sumy's document model over our sentences: one sumy paragraph per article paragraph.

    Sentence ``k`` of the result is ``sentences[k]``, so sumy's order is ours.
    """
    tok = tokenizer()
    paragraphs: list[list[SumySentence]] = []
    last = None
    for s in sentences:
        if s.paragraph != last:
            paragraphs.append([])
            last = s.paragraph
        paragraphs[-1].append(SumySentence(s.text, tok))
    return ObjectDocumentModel(Paragraph(p) for p in paragraphs)


def normalise(scores: Sequence[float]) -> list[float]:
    """Min-max normalise to [0, 1]; all-equal (or non-finite) scores become 1.0.

    >>> normalise([2.0, 4.0, 3.0])
    [0.0, 1.0, 0.5]
    >>> normalise([-1.0, -1.0])
    [1.0, 1.0]
    """
    finite = [s for s in scores if math.isfinite(s)]
    if not finite:
        return [1.0] * len(scores)
    low, high = min(finite), max(finite)
    if high - low <= 1e-12:
        return [1.0] * len(scores)
    return [(s - low) / (high - low) if math.isfinite(s) else 0.0 for s in scores]


def top(scores: Sequence[float], count: int) -> Ranked:
    """The ``count`` highest scores as ``(index, score)`` in article order; ties go to the earlier.

    >>> top([0.2, 0.9, 0.9, 0.1], 2)
    ((1, 0.9), (2, 0.9))
    """
    best = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:count]
    return tuple((i, scores[i]) for i in sorted(best))


# ---------------------------------------------------------------------------------------
# Baseline and stock sumy rankers


class LeadRanker:
    """Lead-N: the first sentences, the classic news baseline. Scores fall linearly by position."""

    def __call__(self, sentences: Sequence[Sentence], attributions: Attributions, count: int) -> Ranked:
        n = len(sentences)
        return top([1.0 - i / max(1, n - 1) for i in range(n)] if n > 1 else [1.0] * n, count)


class SumyRanker:
    """Base for rankers that run one of sumy's summarizers over our sentences.

    The summarizer gets sumy's English stemmer and stop words, as sumy's own command
    line gives them. Its ratings are read through the ``sentences_count`` argument,
    which sumy accepts as a callable over the rated sentences (sumy's ``ItemsCount``
    is one), so every sentence gets its score, not only the chosen ones.
    """

    summarizer_class: ClassVar[type]

    def __init__(self) -> None:
        summarizer = self.summarizer_class(stemmer())
        # sumy takes its stop words as an attribute; it is set here, once, and never again.
        summarizer.stop_words = stop_words()
        self._summarizer = summarizer

    def scores(self, sentences: Sequence[Sentence]) -> list[float]:
        """sumy's rating of every sentence, in article order (raw, not normalised)."""
        document = sumy_document(sentences)
        rated: list = []

        def keep_all(infos):
            rated.extend(infos)
            return infos

        # sumy's LexRank divides by zero on an article with no content words; NaN scores
        # are then read as the lowest by normalise().
        with numpy.errstate(invalid="ignore", divide="ignore"):
            self._summarizer(document, keep_all)
        scores = [0.0] * len(sentences)
        for info in rated:
            scores[info.order] = float(info.rating)
        return scores

    def __call__(self, sentences: Sequence[Sentence], attributions: Attributions, count: int) -> Ranked:
        return top(normalise(self.scores(sentences)), count)


class LexRankRanker(SumyRanker):
    """sumy's LexRank (Erkan and Radev 2004): centrality in the graph of similar sentences."""

    summarizer_class = LexRankSummarizer


class TextRankRanker(SumyRanker):
    """sumy's TextRank (Mihalcea and Tarau 2004): PageRank over word-overlap similarity."""

    summarizer_class = TextRankSummarizer


class LsaRanker(SumyRanker):
    """sumy's LSA (Steinberger and Jezek 2004): weight in the article's main latent topics."""

    summarizer_class = LsaSummarizer


class LuhnRanker(SumyRanker):
    """sumy's Luhn (1958): clusters of significant (frequent, non-stop) words."""

    summarizer_class = LuhnSummarizer


class KLRanker(SumyRanker):
    """sumy's KL-Sum (Haghighi and Vanderwende 2009): greedy, keeps the word distribution close."""

    summarizer_class = KLSummarizer


class SumBasicRanker(SumyRanker):
    """sumy's SumBasic (Nenkova and Vanderwende 2005): frequent words, down-weighted once used."""

    summarizer_class = SumBasicSummarizer


# ---------------------------------------------------------------------------------------
# LexRank centrality for the default ranker


class LexRankCentrality(LexRankSummarizer):
    """sumy's LexRank (idf-modified cosine, edge threshold 0.1, power method), rating every
    sentence and also returning the cosine similarities, which the default ranker reuses to
    spot redundant points.

    Same formulas as sumy's ``LexRankSummarizer``; the idf counts and the similarity
    matrix are computed with numpy instead of sumy's pairwise Python loops, which took
    about 20 ms for a 30-sentence article.
    """

    def __init__(self) -> None:
        super().__init__(stemmer())
        self.stop_words = stop_words()  # once, at construction

    def rate(self, document: ObjectDocumentModel) -> tuple[numpy.ndarray, numpy.ndarray, list[list[str]]]:
        """(centrality per sentence, cosine similarity matrix, stemmed content words per sentence)."""
        sentences_words = [self._to_words_set(s) for s in document.sentences]
        n = len(sentences_words)
        if n == 0:
            return numpy.zeros(0), numpy.zeros((0, 0)), sentences_words
        tf_metrics = self._compute_tf(sentences_words)
        # sumy's idf: log(N / (1 + number of sentences holding the term)).
        df = Counter(term for words in sentences_words for term in set(words))
        vocabulary = {term: k for k, term in enumerate(df)}
        idf = numpy.array([math.log(n / (1 + df[t])) for t in vocabulary])
        weights = numpy.zeros((n, len(vocabulary)))
        for row, tf in enumerate(tf_metrics):
            for term, value in tf.items():
                weights[row, vocabulary[term]] = value
        weights *= idf
        norms = numpy.sqrt((weights**2).sum(axis=1))
        norms[norms == 0] = numpy.inf  # sumy gives 0 similarity to a sentence with no weight
        similarity = (weights @ weights.T) / numpy.outer(norms, norms)
        adjacency = (similarity > self.threshold).astype(float)
        degrees = adjacency.sum(axis=1)
        degrees[degrees == 0] = 1
        with numpy.errstate(invalid="ignore", divide="ignore"):
            centrality = self.power_method(adjacency / degrees[:, None], self.epsilon)
        return numpy.nan_to_num(centrality), similarity, sentences_words



# ---------------------------------------------------------------------------------------
# What makes a sentence a poor key point, whatever its centrality

# Debris: text that is not the article's prose. Each pattern names what it catches.
_DEBRIS = (
    re.compile(r"\[/?caption\b|\[/caption\]", re.I),  # WordPress caption shortcodes
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\[#[^\]]*\]"),  # template placeholders
    re.compile(r"^\W*(?:published|updated|last updated|posted|last modified)\s*:", re.I),  # timestamps
    re.compile(r"^\W*(?i:by)\s*[.:]?\s*$|^\W*(?i:by)\s+(?:[A-Z][\w'’.-]*\s*){1,4}[.|]?\s*$"),  # bylines
    re.compile(r"^\W*(?:photo|image|picture|pictured|credit|video|watch|related|see also|read more|see more)\s*:", re.I),
    re.compile(
        r"^\W*(?:click here|scroll down|read more|see more|sign up|subscribe|follow (?:us|him|her|me|on)\b"
        r"|share (?:this|your|on)\b|email your|join the conversation|download the)",
        re.I,
    ),
    re.compile(r"https?://|www\.\w|\S+@\S+\.\w"),  # links and e-mail addresses
    # A line that had no closing punctuation and was given a detached full stop: the
    # headings, related-story links and captions of scraped news (CNN/DM text has many).
    re.compile(r"\s[.|]$"),
)

_FRAGMENT_WORDS = 6  # fewer words than this is a fragment ("She was nervous.", "(PDF).")
_VERBLESS_WORDS = 12  # below this many words, a sentence needs a verb-like word to count as one

_VERBS = frozenset(
    """am is are was were be been being has have had having do does did will would can could shall should
    may might must said says say told tells tell went goes go made makes make took takes take came comes come
    got gets get gave gives give found finds find left leaves saw sees knew knows thought thinks became
    becomes began begins kept keeps held holds brought brings wrote writes ran runs met meets led leads lost
    loses paid pays sent sends built builds fell falls felt feels won wins hit hits put puts set sets cut
    cuts shot shoots struck strikes sought seeks fought fights caught catches taught teaches spent spends
    stood stands 's 're 've 'll 'd 'm n't""".split()
)
# An "-s" word is read as a verb after a subject-like word: a pronoun, a relative, an
# adverb, or a capitalised name inside the sentence ("Tavik makes", "it seems", "also sports").
_SUBJECT_LIKE = frozenset("he she it who that which also still now often never always only just".split())


def is_debris(text: str) -> bool:
    """True for captions, placeholders, bylines, timestamps, promotion lines and headings.

    >>> is_debris("Handout/Israel’s GPOElon and Bibi previously met in September[/caption]")
    True
    >>> is_debris("Published: [#item_custom_pubDate]")
    True
    >>> is_debris("Social media .")
    True
    >>> is_debris("By Anna Hodgekiss")
    True
    >>> is_debris("Musk will meet with President Isaac Herzog, reports TV Channel N12.")
    False
    """
    return any(p.search(text) for p in _DEBRIS)


def has_verb(words: Sequence[str]) -> bool:
    """A cheap finite-verb test (no tagger ships offline): an auxiliary or common verb,
    an ``-ed`` form, or an ``-s`` form after a subject-like word.

    >>> has_verb(["Pilot", "Roger", "Peterson", "also", "died", "in", "the", "crash"])
    True
    >>> has_verb(["The", "model", "also", "sports", "bruises"])
    True
    >>> has_verb(["Founding", "fathers"])
    False
    """
    previous = ""
    for k, word in enumerate(words):
        w = word.lower()
        if w in _VERBS or (len(w) > 3 and w.endswith("ed")):
            return True
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and word[0].islower() and (
            previous.lower() in _SUBJECT_LIKE or (k > 1 and previous[:1].isupper())
        ):
            return True
        previous = word
    return False


def is_question(text: str) -> bool:
    """True when the sentence asks rather than tells.

    >>> is_question("Could the Shroud of Turin be real?")
    True
    >>> is_question('"Why?" she asked.')
    False
    """
    return text.rstrip("\"'”’»)] ").endswith("?")


def quoted_share(sentence: Sentence) -> float:
    """The share of the sentence's characters inside quotation marks."""
    return sum(end - start for start, end in sentence.quote_spans) / max(1, len(sentence.text))


# ---------------------------------------------------------------------------------------
# The default ranker


class BriefingRanker:
    """The default ranker, for news. The score of sentence ``i`` is

        prior(i) * sqrt(centrality * topicality) * penalties

    * ``prior(i) = 1 / sqrt(1 + i)``, ``i`` counting real sentences only (debris such as a
      byline before the lead does not push the lead down): news puts the facts first, but
      not only first. The square root makes the prior fade slowly: the 4th sentence counts
      half the 1st, the 16th a quarter, so a central later sentence can beat a weak lead.
    * ``centrality``: sumy's LexRank score over our sentences (how many other sentences
      say something similar), divided by the article's highest.
    * ``topicality``: the share of the sentence's content words (stemmed, stop words out)
      that occur in another sentence too. LexRank rewards whole sentences that echo
      others; this rewards sentences made of the article's recurring words (names,
      places, the event), whatever their length. The geometric mean asks for both.
    * ``penalties``: debris (captions, placeholders, bylines, headings, promotion lines)
      multiplies by 0.01, so it is never chosen while real sentences remain. Each flaw
      multiplies by ``flaw`` (0.5): a fragment (very short, or short with no verb), a
      question, a sentence that is mostly a quotation (a key point states what happened;
      quotes are voice and rarely make news summaries), and, again, a quotation whose
      speaker the article does not give.

    Points are then taken best first, skipping any sentence whose LexRank (idf-cosine)
    similarity to a point already taken is ``redundancy`` (0.5) or more: no two points
    say the same. If that leaves too few, the skipped ones fill in, best first.
    """

    def __init__(self, *, flaw: float = 0.5, debris: float = 0.01, redundancy: float = 0.5) -> None:
        self._flaw = flaw
        self._debris = debris
        self._redundancy = redundancy
        self._lexrank = LexRankCentrality()

    def scores(self, sentences: Sequence[Sentence], attributions: Attributions) -> tuple[list[float], numpy.ndarray]:
        """Every sentence's score (unnormalised) and the sentences' similarity matrix."""
        document = sumy_document(sentences)
        centrality, similarity, content = self._lexrank.rate(document)
        if len(centrality) and centrality.max() > 0:
            centrality = centrality / centrality.max()
        frequency = Counter(word for words in content for word in set(words))
        scores = []
        position = 0  # among real sentences: a byline or heading before the lead does not push it down
        for i, sentence in enumerate(sentences):
            if is_debris(sentence.text):
                scores.append(self._debris * math.sqrt(max(0.0, float(centrality[i]))) / math.sqrt(1 + i))
                continue
            words = content[i]
            topicality = sum(frequency[w] > 1 for w in words) / len(words) if words else 0.0
            score = math.sqrt(max(0.0, float(centrality[i])) * topicality) / math.sqrt(1 + position)
            scores.append(score * self._penalty(sentence, document.sentences[i].words, attributions, sentences))
            position += 1
        return scores, similarity

    def _penalty(self, sentence: Sentence, words: Sequence[str], attributions: Attributions,
                 sentences: Sequence[Sentence]) -> float:
        factor = 1.0
        if len(words) < _FRAGMENT_WORDS or (len(words) < _VERBLESS_WORDS and not has_verb(words)):
            factor *= self._flaw
        if is_question(sentence.text):
            factor *= self._flaw
        if quoted_share(sentence) >= 0.5:
            factor *= self._flaw
            if attribution_for(sentence.index, sentences, attributions) is None:
                factor *= self._flaw
        return factor

    def __call__(self, sentences: Sequence[Sentence], attributions: Attributions, count: int) -> Ranked:
        scores, similarity = self.scores(sentences, attributions)
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        chosen: list[int] = []
        for i in order:
            if len(chosen) == count:
                break
            if all(similarity[i, j] < self._redundancy for j in chosen):
                chosen.append(i)
        for i in order:  # only when redundancy left too few
            if len(chosen) >= count:
                break
            if i not in chosen:
                chosen.append(i)
        normalised = normalise(scores)
        return tuple((i, normalised[i]) for i in sorted(chosen))


# ---------------------------------------------------------------------------------------
# Self-contained points

_POSSESSIVES = frozenset({"his", "her", "its", "their"})
_CARRY_BACK = 3  # sentences a running quotation may reach back for its speaker


def attribution_for(index: int, sentences: Sequence[Sentence], attributions: Attributions) -> Attribution | None:
    """The attribution a point made of sentence ``index`` carries.

    Its own, when it has one (the first, which is the sentence's main one). Otherwise,
    when the sentence is a quotation that runs on from the sentences before (it shares a
    quotation with them, or it is mostly a quotation following a sentence whose
    attribution quotes), the attribution of the sentence that introduced it, marked
    ``carried_over`` and without spans (they point into that other sentence).
    """
    if attributions[index]:
        return attributions[index][0]
    sentence = sentences[index]
    if not sentence.quote_spans:
        return None
    current = sentence
    for back in range(index - 1, max(-1, index - 1 - _CARRY_BACK), -1):
        previous = sentences[back]
        continues = bool(set(current.quotation_ids) & set(previous.quotation_ids))
        if attributions[back]:
            found = attributions[back][0]
            if continues or (found.quote and quoted_share(current) >= 0.5):
                # Its spans point into the sentence it was found in, not into this one.
                return replace(found, carried_over=True, source_span=None, cue_span=None)
            return None
        if not continues:
            return None
        current = previous
    return None


def apostrophe_of(text: str) -> str:
    """The apostrophe the article uses: curly (’) unless straight ones (') are more common.

    >>> apostrophe_of("Musk’s firm isn’t")
    '’'
    >>> apostrophe_of("Musk's firm")
    "'"
    """
    return "'" if text.count("'") > text.count("’") else "’"


def name_source(text: str, start: int, attribution: Attribution | None,
                quote_spans: Sequence[Span] = (), apostrophe: str = "’") -> str:
    """``text`` (a sentence at offset ``start`` of the article) with the pronoun or description
    that ``attribution`` resolved replaced by the source's name.

    Nothing changes unless the attribution was resolved (``resolved_from`` set) and its
    ``source_span`` lies in this sentence, holds exactly the ``resolved_from`` words and
    touches no quotation: quoted words are never altered. Possessives become the name
    with the article's apostrophe.

    >>> a = Attribution("Elon Musk", "said", resolved_from="He", source_span=(100, 102))
    >>> name_source("He said: “Nothing could be further from the truth.”", 100, a)
    'Elon Musk said: “Nothing could be further from the truth.”'
    >>> b = Attribution("Elon Musk", "read", resolved_from="His", source_span=(10, 13))
    >>> name_source("His response read: “You have said the actual truth”.", 10, b, apostrophe="'")
    "Elon Musk's response read: “You have said the actual truth”."
    >>> c = Attribution("Elon Musk", "said", resolved_from="he", source_span=(6, 8))
    >>> name_source("“No,” he said.", 0, c, quote_spans=((1, 4),))
    '“No,” Elon Musk said.'
    >>> name_source("“He is wrong,” she said.", 0, c, quote_spans=((1, 13),))
    '“He is wrong,” she said.'
    >>> d = Attribution("the Center for Countering Digital Hate", "found", resolved_from="They", source_span=(0, 4))
    >>> name_source("They found that 196 of the posts stayed up.", 0, d)
    'The Center for Countering Digital Hate found that 196 of the posts stayed up.'
    """
    if attribution is None or not attribution.resolved_from or attribution.source_span is None:
        return text
    s_start, s_end = attribution.source_span[0] - start, attribution.source_span[1] - start
    if not 0 <= s_start < s_end <= len(text):
        return text
    written = text[s_start:s_end]
    if written.strip().lower() != attribution.resolved_from.strip().lower():
        return text
    if any(q_start < attribution.source_span[1] and attribution.source_span[0] < q_end for q_start, q_end in quote_spans):
        return text
    at_start = not text[:s_start].strip(" \"'“‘([")
    return _put_name(text[:s_start], attribution.source, text[s_end:], at_start,
                     written.strip().lower() in _POSSESSIVES, apostrophe)


def _put_name(before: str, name: str, after: str, at_start: bool, possessive: bool, apostrophe: str) -> str:
    """``before + name + after``, the name shaped for its place: capitalised at the start
    of the sentence, "the ..." inside it, and with the apostrophe for a possessive.

    >>> _put_name("But ", "The Met Police", " visit.", False, True, "’")
    'But the Met Police’s visit.'
    """
    if at_start:
        name = name[:1].upper() + name[1:]
    elif name.startswith("The "):
        name = "the" + name[3:]
    if possessive:
        name += apostrophe if name.endswith("s") else apostrophe + "s"
    return before + name + after


_LEADING_AND = re.compile(r"^And,?\s+$")


def name_subject(text: str, start: int, subject: SubjectResolution | None,
                 quote_spans: Sequence[Span] = (), apostrophe: str = "’") -> str:
    """``text`` (a sentence at offset ``start`` of the article) with its opening subject,
    a pronoun or description that :func:`briefing.attribution.attribute.resolve_subjects` resolved,
    replaced by the name, so the point says who it is about out of context.

    A leading "And" goes with it: it only links to the sentence before, which the point
    lacks. "But", "However" and the like stay: they mark the point as a reply or a
    contrast (a denial, a setback), which is part of what it says. A description that
    holds a number ("The 52-year-old") stays as written: the number is a fact the
    name would lose. Nothing changes when the words at ``subject.span`` are not the
    resolved words, or touch a quotation. Possessives take the article's apostrophe.

    >>> he = SubjectResolution("Elon Musk", "he", (4, 6), "pronoun")
    >>> name_subject("And he has been accused of sharing anti-Semitic content himself.", 0, he)
    'Elon Musk has been accused of sharing anti-Semitic content himself.'
    >>> boss = SubjectResolution("Elon Musk", "The tech boss", (10, 23), "description")
    >>> name_subject("The tech boss has come under fire.", 10, boss)
    'Elon Musk has come under fire.'
    >>> but = SubjectResolution("Elon Musk", "his", (4, 7), "pronoun")
    >>> name_subject("But his visit went ahead.", 0, but, apostrophe="'")
    "But Elon Musk's visit went ahead."
    >>> age = SubjectResolution("Elon Musk", "The 52-year-old", (0, 15), "description")
    >>> name_subject("The 52-year-old met Herzog.", 0, age)
    'The 52-year-old met Herzog.'
    >>> name_subject("“He is wrong,” she said.", 0, SubjectResolution("Elon Musk", "He", (1, 3), "pronoun"), ((1, 13),))
    '“He is wrong,” she said.'
    """
    if subject is None or any(c.isdigit() for c in subject.words):
        return text
    s_start, s_end = subject.span[0] - start, subject.span[1] - start
    if not 0 <= s_start < s_end <= len(text) or text[s_start:s_end] != subject.words:
        return text
    if any(q_start < subject.span[1] and subject.span[0] < q_end for q_start, q_end in quote_spans):
        return text
    before = text[:s_start]
    if _LEADING_AND.match(before):
        before = ""
    return _put_name(before, subject.name, text[s_end:], not before.strip(),
                     subject.words.lower() in _POSSESSIVES, apostrophe)


# ---------------------------------------------------------------------------------------
# The stage


def _overlaps(attribution: Attribution | None, span: Span) -> bool:
    """Whether the attribution's source is the subject itself (named, or left as written)."""
    if attribution is None or attribution.source_span is None:
        return False
    return attribution.source_span[0] < span[1] and span[0] < attribution.source_span[1]


def point_count(sentence_count: int, requested: int | None = None) -> int:
    """How many key points: ``requested`` if given, else 3 for up to 12 sentences and one
    more for each further 6 (13-18: 4, 19-24: 5, 25-30: 6), never more than 7; never
    more than there are sentences. A listener hears about one point per 5 sentences,
    which keeps a typical story's briefing between one and three minutes.

    >>> [point_count(n) for n in (2, 10, 12, 13, 19, 28, 30, 31, 200)]
    [2, 3, 3, 4, 5, 6, 6, 7, 7]
    >>> point_count(30, requested=2)
    2
    """
    if requested is not None:
        return min(requested, sentence_count)
    return min(sentence_count, MAX_POINTS, MIN_POINTS + max(0, sentence_count - 7) // 6)


def rank(article: Article, sentences: tuple[Sentence, ...], attributions: tuple[tuple[Attribution, ...], ...],
         config: BriefingConfig, subjects: Sequence[SubjectResolution | None] | None = None,
         ) -> tuple[tuple[KeyPoint, ...], tuple[str, ...]]:
    """The key points of ``article`` in article order, and notes about the choice.

    ``config.ranker`` picks the ranker from :data:`RANKERS`; ``config.points`` the number
    of points (default: :func:`point_count`). An article of fewer than 3 sentences comes
    back whole. Each point carries its sentence's attribution (or the one a running
    quotation carries over) and names its source where the sentence used a pronoun.
    A point whose attribution does not already name it names its opening subject, when
    that is a pronoun or description :func:`briefing.attribution.attribute.resolve_subjects`
    resolved (see :func:`name_subject`); ``original`` keeps the sentence as written.
    ``subjects`` are those resolutions when the caller has them already
    (:func:`briefing.attribution.attribute.attribute_with_subjects`).
    """
    try:
        ranker = RANKERS[config.ranker]
    except KeyError:
        raise ConfigError(
            f"Unknown ranker {config.ranker!r}: choose one of {', '.join(sorted(RANKERS))}."
        ) from None
    notes: list[str] = []
    if not sentences:
        return (), ("The article has no sentences to rank.",)
    if len(sentences) < MIN_POINTS:
        chosen: Ranked = tuple((s.index, 1.0) for s in sentences)
        notes.append(
            f"The article has only {len(sentences)} sentence{'s' if len(sentences) > 1 else ''}, "
            "so it is given whole."
        )
    else:
        # Debris the cleaner missed (bylines, captions) must not earn the article more points.
        real = sum(1 for s in sentences if not is_debris(s.text))
        count = point_count(max(real, MIN_POINTS), config.points)
        if config.points is not None and config.points > len(sentences):
            notes.append(f"The article has only {len(sentences)} sentences, so it is given whole.")
        chosen = ranker(sentences, attributions, count)
    apostrophe = apostrophe_of(article.text)
    if subjects is None:
        subjects = resolve_subjects(article, sentences)
    points = []
    for i, score in chosen:
        sentence = sentences[i]
        attribution = attribution_for(i, sentences, attributions)
        text = name_source(sentence.text, sentence.span[0], attribution, sentence.quote_spans, apostrophe)
        subject = subjects[i] if i < len(subjects) else None
        if text == sentence.text and subject is not None and not _overlaps(attribution, subject.span):
            text = name_subject(text, sentence.span[0], subject, sentence.quote_spans, apostrophe)
        points.append(
            KeyPoint(
                sentence_ids=(i,),
                text=text,
                original=sentence.text,
                spans=(sentence.span,),
                score=score,
                attribution=attribution,
            )
        )
    return tuple(points), tuple(notes)


RANKERS: dict[str, Ranker] = {
    "briefing": BriefingRanker(),
    "lead": LeadRanker(),
    "lexrank": LexRankRanker(),
    "textrank": TextRankRanker(),
    "lsa": LsaRanker(),
    "luhn": LuhnRanker(),
    "kl": KLRanker(),
    "sumbasic": SumBasicRanker(),
}
