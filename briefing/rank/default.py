"""The default ranker, for news (:class:`BriefingRanker`, registered as "briefing")."""

from __future__ import annotations

import math
from collections import Counter
from typing import Sequence

import numpy

from ..models import Sentence
from .centrality import LexRankCentrality
from .penalties import is_debris, is_fragment, is_question, quoted_share
from .ranker import Attributions, Ranked, normalise, sumy_document
from .redundancy import OVERLAP, choose_distinct, overlap_matrix
from .standalone import attribution_for


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
    similarity to a point already taken is ``redundancy`` (0.5) or more, or that shares
    half its content words with one (:mod:`~briefing.rank.redundancy`): no two points
    say the same. If that leaves too few, the skipped ones fill in, best first.
    """

    answers_accusations = True  # rank() gives the accused side's answer a point (balance.py)

    def __init__(self, *, flaw: float = 0.5, debris: float = 0.01, redundancy: float = 0.5,
                 overlap: float = OVERLAP) -> None:
        self._flaw = flaw
        self._overlap = overlap
        self._debris = debris
        self._redundancy = redundancy
        self._lexrank = LexRankCentrality()

    def scores(self, sentences: Sequence[Sentence], attributions: Attributions) -> tuple[list[float], numpy.ndarray]:
        """Every sentence's score (unnormalised) and how redundant each pair is: 1.0 or more
        where either measure of :mod:`~briefing.rank.redundancy` reaches its threshold."""
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
        # Redundancy takes the larger of the two measures, each against its own threshold.
        overlap = overlap_matrix(content)
        return scores, numpy.maximum(similarity / self._redundancy, overlap / self._overlap)

    def _penalty(self, sentence: Sentence, words: Sequence[str], attributions: Attributions,
                 sentences: Sequence[Sentence]) -> float:
        """The product of the sentence's flaws: each multiplies by ``flaw``."""
        factor = 1.0
        if is_fragment(words):
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
        chosen = choose_distinct(scores, similarity, count, 1.0)
        normalised = normalise(scores)
        return tuple((i, normalised[i]) for i in sorted(chosen))
