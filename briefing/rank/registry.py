"""The rankers by name: :data:`RANKERS` maps the names the CLI offers to ready-built
rankers. To add one, write a class behind the :class:`~briefing.rank.ranker.Ranker`
interface and register an instance here."""

from __future__ import annotations

from .baselines import KLRanker, LeadRanker, LexRankRanker, LsaRanker, LuhnRanker, SumBasicRanker, TextRankRanker
from .default import BriefingRanker
from .ranker import Ranker

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
