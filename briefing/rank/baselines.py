"""The baseline rankers: Lead-N, and sumy's stock algorithms over our sentences.

The sumy rankers run sumy's own algorithms over *our* sentences (sumy's
``ObjectDocumentModel`` built from :func:`briefing.text.split.split`), never sumy's
``PlaintextParser``, which would split sentences differently (and read an all-caps
line as a heading), so sentence ids and spans stay those of the pipeline.
"""

from __future__ import annotations

from typing import Sequence

import numpy
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from ..models import Sentence
from .ranker import Attributions, Ranked, normalise, stemmer, stop_words, sumy_document, top


class LeadRanker:
    """Lead-N: the first sentences, the classic news baseline. Scores fall linearly by position."""

    def __call__(self, sentences: Sequence[Sentence], attributions: Attributions, count: int) -> Ranked:
        n = len(sentences)
        return top([1.0 - i / max(1, n - 1) for i in range(n)] if n > 1 else [1.0] * n, count)


class SumyRanker:
    """One of sumy's summarizers run over our sentences (sumy's pattern: one class per
    algorithm, here given as ``summarizer_class``; :data:`SUMY_ALGORITHMS` lists them).

    The summarizer gets sumy's English stemmer and stop words, as sumy's own command
    line gives them. Its ratings are read through the ``sentences_count`` argument,
    which sumy accepts as a callable over the rated sentences (sumy's ``ItemsCount``
    is one), so every sentence gets its score, not only the chosen ones.
    """

    def __init__(self, summarizer_class: type) -> None:
        summarizer = summarizer_class(stemmer())
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


# sumy's stock algorithms by the name the command line offers, with what each rewards.
SUMY_ALGORITHMS: dict[str, tuple[type, str]] = {
    "lexrank": (LexRankSummarizer, "LexRank (Erkan and Radev 2004): centrality in the graph of similar sentences."),
    "textrank": (TextRankSummarizer, "TextRank (Mihalcea and Tarau 2004): PageRank over word-overlap similarity."),
    "lsa": (LsaSummarizer, "LSA (Steinberger and Jezek 2004): weight in the article's main latent topics."),
    "luhn": (LuhnSummarizer, "Luhn (1958): clusters of significant (frequent, non-stop) words."),
    "kl": (KLSummarizer, "KL-Sum (Haghighi and Vanderwende 2009): greedy, keeps the word distribution close."),
    "sumbasic": (SumBasicSummarizer, "SumBasic (Nenkova and Vanderwende 2005): frequent words, down-weighted once used."),
}
