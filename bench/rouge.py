"""ROUGE benchmark of the rankers on CNN dev and Daily Mail dev (``../shared/eval/news/cnndm_dev.jsonl``,
``dailymail_dev.jsonl``): a ranking that holds on more than one outlet.

Run: ``.venv/bin/python -m bench.rouge [--limit N] [--rankers a,b] [--points 3] [--datasets cnndm_dev,dailymail_dev]``

Every article goes through the real text pipeline (:func:`briefing.pipeline.summarize`
on :func:`briefing.text.extract.source_from_text`, with ``points=3``) once per ranker of
:data:`briefing.rank.registry.RANKERS`; the key points' texts, one per line, are scored against
the human highlights with ``rouge-score`` (stemmer on): ROUGE-1, ROUGE-2 and ROUGE-Lsum
F1, averaged over articles, times 100. Lsum needs sentences on separate lines: the
highlights file joins most highlights with a space (only about 1 in 10 summaries holds
a newline), so each summary is split on newlines and then into sentences with the same
Punkt model the pipeline uses.

Baselines computed in the same run:

* ``lead`` (in RANKERS): Lead-3 over the pipeline's (cleaned) sentences;
* ``Lead-3, raw text``: the first 3 Punkt sentences of the unprocessed article;
* ``stock sumy LexRank``: sumy used as its README shows, ``PlaintextParser`` over the raw
  article (its tokenizer swapped for our offline one, as sumy's would download NLTK
  data) and ``LexRankSummarizer`` with sumy's English stemmer and stop words. Our
  ``lexrank`` entry is the same algorithm over our sentences.

Speed: articles per second of the whole text pipeline (extract, clean, split,
attribute, rank, simplify) in this single process, timed after a warm-up on the first articles
(wall time, and CPU time of the process, which other jobs on the machine disturb less);
for the stock sumy row, parsing and summarising only. Memory: the process's peak
resident set (``ru_maxrss``), which includes the rouge-score scorer and the data.
An article the pipeline refuses (a BriefingError) scores 0 for that ranker and is counted.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from typing import Any, Callable

from briefing.config import BriefingConfig
from briefing.errors import BriefingError
from briefing.text.extract import source_from_text
from briefing.text.nlp import sentence_tokenizer, tokenizer
from briefing.pipeline import limit_blas_threads, summarize
from briefing.rank.registry import RANKERS

from ._common import eval_path, markdown_table, read_jsonl, write_results

NAME = "rouge"
WARM_UP = 5
STOCK_SUMY = "stock sumy LexRank"
RAW_LEAD = "Lead-3, raw text"
SUMY_RANKERS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")


def reference_lines(summary: str) -> str:
    """The reference summary with one sentence per line, for ROUGE-Lsum."""
    splitter = sentence_tokenizer()
    return "\n".join(s.strip() for line in summary.split("\n") for s in splitter.tokenize(line) if s.strip())


def pipeline_system(ranker: str, points: int) -> Callable[[str], list[str]]:
    """Key-point texts of an article through the real pipeline with ``ranker``."""
    config = BriefingConfig(ranker=ranker, points=points)

    def run(text: str) -> list[str]:
        return [p.text for p in summarize(source_from_text(text, config), config).key_points]

    return run


def stock_sumy_system(points: int) -> Callable[[str], list[str]]:
    """sumy's LexRank as a sumy user runs it: its parser, stemmer and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(text: str) -> list[str]:
        document = PlaintextParser.from_string(text, tokenizer()).document
        return [str(s) for s in summarizer(document, points)]

    return run


def raw_lead_system(points: int) -> Callable[[str], list[str]]:
    """The first sentences of the unprocessed article."""

    def run(text: str) -> list[str]:
        return [s for line in text.split("\n") for s in sentence_tokenizer().tokenize(line)][:points]

    return run


def evaluate(name: str, system: Callable[[str], list[str]], rows: list[dict[str, Any]],
             references: list[str], scorer: Any) -> dict[str, Any]:
    """Mean ROUGE F1 (x100) of ``system`` over ``rows`` and its speed after a warm-up."""
    for row in rows[:WARM_UP]:
        try:
            system(row["article"])
        except BriefingError:
            pass
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    failures = 0
    seconds = cpu_seconds = 0.0
    for row, reference in zip(rows, references):
        start, cpu_start = time.perf_counter(), time.process_time()
        try:
            lines = system(row["article"])
        except BriefingError:
            lines = []
            failures += 1
        seconds += time.perf_counter() - start
        cpu_seconds += time.process_time() - cpu_start
        scores = scorer.score(reference, "\n".join(lines))
        for key in totals:
            totals[key] += scores[key].fmeasure
    n = max(1, len(rows))
    result = {key: 100 * value / n for key, value in totals.items()}
    result.update(
        seconds=seconds,
        articles_per_second=len(rows) / seconds if seconds else 0.0,
        # CPU time of this process: steadier than wall time when other jobs share the machine.
        articles_per_cpu_second=len(rows) / cpu_seconds if cpu_seconds else 0.0,
        failures=failures,
    )
    print(f"  {name}: R1 {result['rouge1']:.2f}, {result['articles_per_second']:.1f} articles/s", file=sys.stderr)
    return result


DATASETS = ("cnndm_dev", "dailymail_dev")
# What each set must show (issue 18): the default ranker ahead of Lead-3 on both outlets.
TARGETS = {"cnndm_dev": ("R1 at least 30.2", lambda r: r["briefing"]["rouge1"] >= 30.2),
           "dailymail_dev": ("R1 at least Lead-3 + 0.5",
                             lambda r: r["briefing"]["rouge1"] >= r["lead"]["rouge1"] + 0.5)}


def score_dataset(name: str, rankers: list[str], args: argparse.Namespace, scorer: Any) -> dict[str, Any] | None:
    """Every ranker and baseline on one dev set; prints its table; None when the set is absent."""
    path = eval_path("news", f"{name}.jsonl")
    if path is None:
        return None
    rows = read_jsonl(path)[: args.limit] if args.limit else read_jsonl(path)
    references = [reference_lines(r["summary"]) for r in rows]
    words = sum(len(r["article"].split()) for r in rows) / max(1, len(rows))
    print(f"Scoring {name}: {len(rows)} articles ({words:.0f} words on average), {args.points} points each.",
          file=sys.stderr)
    results: dict[str, dict[str, Any]] = {}
    for ranker in rankers:
        results[ranker] = evaluate(ranker, pipeline_system(ranker, args.points), rows, references, scorer)
    results[RAW_LEAD] = evaluate(RAW_LEAD, raw_lead_system(args.points), rows, references, scorer)
    results[STOCK_SUMY] = evaluate(STOCK_SUMY, stock_sumy_system(args.points), rows, references, scorer)
    table = markdown_table(
        ["ranker", "R1", "R2", "RLsum", "articles/s"],
        [[n, f"{r['rouge1']:.2f}", f"{r['rouge2']:.2f}", f"{r['rougeLsum']:.2f}", f"{r['articles_per_second']:.1f}"]
         for n, r in results.items()],
    )
    margin = results["briefing"]["rouge1"] - results["lead"]["rouge1"]
    stock = [n for n in (*SUMY_RANKERS, STOCK_SUMY) if n in results]
    beaten = [n for n in stock if results["briefing"]["rouge1"] > results[n]["rouge1"]]
    failures = {n: r["failures"] for n, r in results.items() if r["failures"]}
    target, met = TARGETS.get(name, ("", lambda r: True))
    print(f"\n{name}: {len(rows)} articles, {args.points} key points each; ROUGE F1 x 100 (rouge-score, stemmer on).\n")
    print(table)
    print(f"\nbriefing vs Lead-3 (lead): {margin:+.2f} R1"
          + (f"; target {target}: {'met' if met(results) else 'NOT met'}" if target else "")
          + f". Beats {len(beaten)} of {len(stock)} stock sumy rankers on R1"
          + (f" (not: {', '.join(sorted(set(stock) - set(beaten)))})." if len(beaten) < len(stock) else "."))
    if failures:
        print(f"Articles refused by the pipeline (scored 0): {failures}.")
    return {"dataset": name, "articles": len(rows), "points": args.points, "mean_words": words,
            "rankers": results, "briefing_minus_lead_r1": margin}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="score only the first N articles of each set")
    parser.add_argument("--rankers", help=f"comma-separated rankers (default: all of {', '.join(RANKERS)})")
    parser.add_argument("--points", type=int, default=3, help="key points per article (default: 3)")
    parser.add_argument("--datasets", default=",".join(DATASETS), help=f"comma-separated (default: {','.join(DATASETS)})")
    args = parser.parse_args(argv)
    limit_blas_threads()  # as the command line does: the figures are the product's
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("skip: rouge-score is not installed (pip install -e '.[bench]').", file=sys.stderr)
        return 0
    rankers = args.rankers.split(",") if args.rankers else list(RANKERS)
    unknown = [r for r in rankers if r not in RANKERS]
    if unknown:
        parser.error(f"unknown ranker(s) {', '.join(unknown)}: choose from {', '.join(RANKERS)}")
    for baseline in ("briefing", "lead"):  # the comparison needs both, always
        if baseline not in rankers:
            rankers.append(baseline)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    summary: dict[str, Any] = {"command": ".venv/bin/python -m bench.rouge" + (" " + " ".join(argv) if argv else "")}
    for name in args.datasets.split(","):
        result = score_dataset(name, rankers, args, scorer)
        if result is not None:
            summary[name] = result
    if len(summary) == 1:
        return 0
    first = summary.get("cnndm_dev") or next(v for k, v in summary.items() if k != "command")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    speed = first["rankers"]["briefing"]
    print(f"\nText pipeline (briefing ranker, {first['dataset']}): {speed['articles_per_second']:.1f} articles/s wall, "
          f"{speed['articles_per_cpu_second']:.1f} per CPU second (target: 20 or more; "
          f"load average {load:.1f} on {os.cpu_count()} cores at the end); peak memory (max RSS) {peak_mb:.0f} MB.")
    summary["peak_rss_mb"] = peak_mb
    path = write_results(NAME, summary)
    print(f"\nResults written to {path.relative_to(path.parents[2])}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
