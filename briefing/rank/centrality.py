"""LexRank centrality, and the sentences' similarities, for the default ranker."""

from __future__ import annotations

import math
from collections import Counter

import numpy
from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers.lex_rank import LexRankSummarizer

from .ranker import stemmer, stop_words


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
