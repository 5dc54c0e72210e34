"""Rank: choose the key points (the RANKERS registry, the default ranker, redundancy removal)."""
