"""The rankers by name: :data:`RANKERS` maps the names the CLI offers to ready-built
rankers. To add one, write a class behind the :class:`~briefing.rank.ranker.Ranker`
interface and register an instance here (one of sumy's algorithms: a line in
:data:`~briefing.rank.baselines.SUMY_ALGORITHMS`)."""

from __future__ import annotations

from .baselines import SUMY_ALGORITHMS, LeadRanker, SumyRanker
from .default import BriefingRanker
from .ranker import Ranker

RANKERS: dict[str, Ranker] = {
    "briefing": BriefingRanker(),
    "lead": LeadRanker(),
    **{name: SumyRanker(summarizer) for name, (summarizer, _) in SUMY_ALGORITHMS.items()},
}
