"""Rank: choose the key points (the RANKERS registry, the default ranker, redundancy removal).

The stage is :func:`briefing.rank.rank.rank`. Its modules:

- ``ranker``: the ``Ranker`` interface every ranker implements, and what rankers share;
- ``registry``: ``RANKERS``, the rankers by name (add a ranker there);
- ``baselines``: Lead-N and sumy's stock algorithms; ``default``: the default ranker, for news,
  with ``centrality`` (LexRank), ``penalties`` (debris, fragments, questions, quotations) and
  ``redundancy`` (no two points say the same);
- ``count``: how many points; ``standalone``: points that stand on their own (sources and
  subjects named, a running quotation's attribution carried over).
"""
