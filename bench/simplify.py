"""Plain-language benchmark: ASSET (SARI, BLEU, FKGL) and news key points (readability,
faithfulness, speed).

Run: ``.venv/bin/python -m bench.simplify [--report-test] [--articles N] [--skip-asset] [--skip-news]``

**ASSET valid** (the dev set, 2,000 sentences with 10 human simplifications each): corpus
SARI (EASSE's default, :mod:`briefing.plain.sari`), BLEU (13a, lowercased) and corpus FKGL
(:func:`briefing.plain.readability.corpus_fkgl`) of our rewriter, with identity (output = input)
in the same run. **ASSET test** only with ``--report-test``: it is for the README once the
rules are settled and is never tuned on; the published ACCESS outputs are scored beside it.

**News**: the key points of the first ``--articles`` (200) ``cnndm_dev`` articles, from
:func:`briefing.pipeline.summarize`. Per point, before and after: Flesch-Kincaid grade and
words per sentence (:func:`briefing.plain.readability.readability`, words without punctuation,
mean over points; the EASSE-style corpus FKGL is given too), the share of points changed,
the rewrites the rewriter's own check rejected ("caught"), and an independent re-check of
the shipped plain text with :func:`briefing.plain.faithful.check` (must find none), every quote
verbatim, sentences per second.

The rewriter is :mod:`briefing.plain.simplify` when it exists: on ASSET as shipped
(``guard(simplify_sentence(s))``: checked, falling back to the original) and unchecked;
on news as shipped (``simplify_point``). Without the module the benchmark scores identity
only and says so.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable

from briefing.plain.faithful import check
from briefing.text.quotes import quotations
from briefing.plain.readability import corpus_fkgl, counter_fkgl, readability
from briefing.plain.sari import corpus_bleu, read_lines, sari_operation_scores

from ._common import eval_path, markdown_table, read_jsonl, write_results

NAME = "simplify"
TARGET_SARI = 35.0
TARGET_FKGL = 8.0
TARGET_NEWS_DROP = 2.0


@dataclass(frozen=True)
class Output:
    """What a system shipped for one sentence or point, and why it kept the original if it did."""

    text: str
    fallback_reason: str | None = None


@dataclass(frozen=True)
class System:
    """A system under test: how it rewrites a bare sentence (ASSET) and a key point (news);
    ``point`` is None for systems scored on ASSET only."""

    name: str
    sentence: Callable[[str], Output]
    point: Callable[[Any], Output] | None


IDENTITY = System("identity", lambda text: Output(text), lambda point: Output(point.text))


def load_systems() -> list[System]:
    """Identity, and our rewriter when ``briefing.plain.simplify`` exists: as shipped (checked,
    with fallback) and, on ASSET only, unchecked, to show what the check costs."""
    if importlib.util.find_spec("briefing.plain.simplify") is None:
        print("note: briefing.plain.simplify does not exist yet; scoring identity only.", file=sys.stderr)
        return [IDENTITY]
    from briefing.plain import simplify as module  # errors inside the module are real errors

    def shipped(text: str) -> Output:
        plain = module.guard(text, module.simplify_sentence(text), source=None)
        return Output(plain.text, plain.fallback_reason)

    def shipped_point(point: Any) -> Output:
        plain = module.simplify_point(point)
        return Output(plain.text, plain.fallback_reason)

    def unchecked(text: str) -> Output:
        return Output(module.simplify_sentence(text).text)

    return [IDENTITY, System("rules", shipped, shipped_point), System("rules, unchecked", unchecked, None)]


# ---------------------------------------------------------------------------
# ASSET


def _asset(split: str) -> tuple[list[str], list[list[str]]] | None:
    folder = eval_path("simplification", "asset")
    if folder is None:
        return None
    orig = read_lines(folder / f"asset.{split}.orig")
    refs = [read_lines(folder / f"asset.{split}.simp.{k}") for k in range(10)]
    return orig, refs


def _score_system(name: str, orig: list[str], refs: list[list[str]], outputs: list[str],
                  seconds: float | None) -> dict[str, Any]:
    add, keep, delete = sari_operation_scores(orig, outputs, refs)
    return {
        "system": name,
        "sari": round((add + keep + delete) / 3, 2),
        "sari_add": round(add, 2),
        "sari_keep": round(keep, 2),
        "sari_del": round(delete, 2),
        "bleu": round(corpus_bleu(outputs, refs), 2),
        "fkgl": round(counter_fkgl(outputs), 2),  # the counter (issue 19)
        "fkgl_13a": round(corpus_fkgl(outputs), 2),  # the earlier EASSE-like figure (13a tokens, CMU)
        "changed": round(sum(o != s for o, s in zip(outputs, orig)) / len(orig), 3),
        "sentences_per_second": round(len(orig) / seconds, 1) if seconds else None,
    }


def _warm_up(systems: list[System]) -> None:
    """Load the lazily built data (Punkt, word lists, the lexicon) before anything is timed."""
    check("He did not say “so” in May.", "He did not say “so” in May.")
    readability("One sentence.")
    for system in systems:
        system.sentence("The officials slammed the decision, and the tech boss left.")


def _run(system: System, sentences: list[str]) -> tuple[list[str], list[Output], float]:
    start = time.perf_counter()
    outputs = [system.sentence(s) for s in sentences]
    seconds = time.perf_counter() - start
    # One output line per input line, as SARI needs: a split sentence stays on its line.
    return [o.text.replace("\n", " ") for o in outputs], outputs, seconds


def bench_asset(split: str, systems: list[System]) -> dict[str, Any] | None:
    data = _asset(split)
    if data is None:
        return None
    orig, refs = data
    rows = []
    for system in systems:
        texts, outputs, seconds = _run(system, orig)
        row = _score_system(system.name, orig, refs, texts, seconds if system is not IDENTITY else None)
        row["fallbacks"] = sum(o.fallback_reason is not None for o in outputs)
        rows.append(row)
    if split == "test":
        access_path = eval_path("simplification", "asset", "ACCESS.asset.test.out")
        if access_path is not None:
            rows.append(_score_system("ACCESS (published)", orig, refs, read_lines(access_path), None))
    # How strict is the check? The share of human simplifications it would ship.
    start = time.perf_counter()
    passed = sum(check(o, r).ok for o, r in zip(orig, refs[0]))
    check_ms = 1000 * (time.perf_counter() - start) / len(orig)
    return {"split": split, "sentences": len(orig), "systems": rows,
            "human_reference_0_passes_check": round(passed / len(orig), 3),
            "check_ms_per_sentence": round(check_ms, 3)}


def _cells(row: list[Any]) -> list[Any]:
    """Figures with two decimals (the shared table helper shows three)."""
    return [f"{v:.2f}" if isinstance(v, float) else v for v in row]


def print_asset(result: dict[str, Any]) -> None:
    print(f"\n## ASSET {result['split']} ({result['sentences']} sentences, 10 references)\n")
    headers = ["system", "SARI", "add", "keep", "del", "BLEU", "FKGL", "changed", "fallbacks", "sent/s"]
    print(markdown_table(headers, [_cells(
        [r["system"], r["sari"], r["sari_add"], r["sari_keep"], r["sari_del"], r["bleu"], r["fkgl"],
         f"{100 * r['changed']:.1f}%", r.get("fallbacks", ""), r["sentences_per_second"] or ""])
        for r in result["systems"]
    ]))
    print(f"\nThe check passes {100 * result['human_reference_0_passes_check']:.1f}% of the first human "
          f"reference set (humans drop facts on purpose); {result['check_ms_per_sentence']:.3f} ms a sentence.")


# ---------------------------------------------------------------------------
# News


def _key_points(articles: list[dict[str, Any]]) -> tuple[list[Any], int, float]:
    from briefing.errors import BriefingError
    from briefing.text.extract import source_from_text
    from briefing.pipeline import summarize

    points: list[Any] = []
    skipped = 0
    start = time.perf_counter()
    for article in articles:
        try:
            briefing = summarize(source_from_text(article["article"]))
        except BriefingError as exc:
            skipped += 1
            print(f"note: article {article.get('id')} skipped: {exc}", file=sys.stderr)
            continue
        points.extend(briefing.key_points)
    return points, skipped, time.perf_counter() - start


def _mean(values: list[float]) -> float:
    return round(statistics.fmean(values), 2) if values else 0.0


def bench_news(n_articles: int, systems: list[System]) -> dict[str, Any] | None:
    path = eval_path("news", "cnndm_dev.jsonl")
    if path is None:
        return None
    articles = read_jsonl(path)[:n_articles]
    points, skipped, summarize_seconds = _key_points(articles)
    texts = [p.text for p in points]
    sources = [p.attribution.source if p.attribution else None for p in points]
    before = [readability(text) for text in texts]
    rows = []
    for system in systems:
        if system.point is None:
            continue
        start = time.perf_counter()
        outputs = [system.point(p) for p in points]
        seconds = time.perf_counter() - start
        after = [readability(o.text) for o in outputs]
        # The independent re-check of what ships: it must find nothing.
        start = time.perf_counter()
        verdicts = [check(text, o.text, source=source) for text, o, source in zip(texts, outputs, sources)]
        check_seconds = time.perf_counter() - start
        shipped_failures = [(text, o.text, v.reasons) for text, o, v in zip(texts, outputs, verdicts) if not v.ok]
        quotes = [(inner.strip(), o.text) for text, o in zip(texts, outputs) for _, _, inner in quotations(text)]
        rows.append({
            "system": system.name,
            "points": len(points),
            "fkgl_before": _mean([r["fkgl"] for r in before]),
            "fkgl_after": _mean([r["fkgl"] for r in after]),
            "words_per_sentence_before": _mean([r["words_per_sentence"] for r in before]),
            "words_per_sentence_after": _mean([r["words_per_sentence"] for r in after]),
            "rare_word_share_before": _mean([r["rare_word_share"] for r in before]),
            "rare_word_share_after": _mean([r["rare_word_share"] for r in after]),
            "corpus_fkgl_before": round(counter_fkgl(texts), 2),
            "corpus_fkgl_after": round(counter_fkgl([o.text for o in outputs]), 2),
            "changed": round(sum(o.text != t for o, t in zip(outputs, texts)) / max(1, len(points)), 3),
            "failures_caught": sum(o.fallback_reason is not None for o in outputs),
            "shipped_failures": len(shipped_failures),
            "shipped_failure_examples": [{"original": t, "shipped": s, "reasons": list(r)}
                                         for t, s, r in shipped_failures[:5]],
            "quotes": len(quotes),
            "quotes_verbatim": sum(q in shipped for q, shipped in quotes),
            "sentences_per_second": round(len(points) / seconds, 1) if system is not IDENTITY and seconds > 0 else None,
            "check_ms_per_point": round(1000 * check_seconds / max(1, len(points)), 3),
        })
    return {"articles": len(articles), "skipped": skipped, "points": len(points),
            "summarize_seconds": round(summarize_seconds, 1), "systems": rows}


def print_news(result: dict[str, Any]) -> None:
    print(f"\n## News: key points of {result['articles']} cnndm_dev articles "
          f"({result['points']} points, {result['skipped']} articles skipped)\n")
    headers = ["system", "FKGL before", "FKGL after", "words/sent before", "words/sent after",
               "rare before", "rare after", "corpus FKGL before → after", "changed", "caught",
               "shipped failures", "quotes verbatim", "sent/s", "check ms"]
    print(markdown_table(headers, [_cells(
        [r["system"], r["fkgl_before"], r["fkgl_after"], r["words_per_sentence_before"],
         r["words_per_sentence_after"], r["rare_word_share_before"], r["rare_word_share_after"],
         f"{r['corpus_fkgl_before']} → {r['corpus_fkgl_after']}", f"{100 * r['changed']:.1f}%",
         r["failures_caught"], r["shipped_failures"], f"{r['quotes_verbatim']}/{r['quotes']}",
         r["sentences_per_second"] or "", r["check_ms_per_point"]])
        for r in result["systems"]
    ]))
    for r in result["systems"]:
        for example in r["shipped_failure_examples"]:
            print(f"\nshipped failure ({r['system']}): {example['reasons']}\n  original: {example['original']}\n"
                  f"  shipped:  {example['shipped']}")


# ---------------------------------------------------------------------------
# Targets


def targets(asset_valid: dict | None, asset_test: dict | None, news: dict | None) -> list[list[Any]]:
    """Rows of (target, figure, met) for the issue's "done when" list, for our rewriter."""
    rows: list[list[Any]] = []

    def ours(result: dict | None) -> dict | None:
        if not result:
            return None
        named = [r for r in result["systems"] if r["system"] == "rules"]
        return named[0] if named else None

    for label, result in (("ASSET test", asset_test), ("ASSET valid (dev, proxy)", asset_valid)):
        r = ours(result)
        if r:
            met = r["sari"] >= TARGET_SARI and r["fkgl"] <= TARGET_FKGL
            rows.append([f"{label}: SARI >= {TARGET_SARI} with FKGL <= {TARGET_FKGL}",
                         f"SARI {r['sari']}, FKGL {r['fkgl']}", "yes" if met else "no"])
    r = ours(news)
    if r:
        drop = round(r["fkgl_before"] - r["fkgl_after"], 2)
        rows.append([f"News: mean FKGL of plain points <= {TARGET_FKGL}", f"{r['fkgl_after']:.2f}",
                     "yes" if r["fkgl_after"] <= TARGET_FKGL else "no"])
        rows.append([f"News: at least {TARGET_NEWS_DROP} grades below the originals", f"{drop} grades",
                     "yes" if drop >= TARGET_NEWS_DROP else "no"])
        rows.append(["News: 0 faithfulness failures shipped", str(r["shipped_failures"]),
                     "yes" if r["shipped_failures"] == 0 else "no"])
        rows.append(["News: every quote verbatim", f"{r['quotes_verbatim']}/{r['quotes']}",
                     "yes" if r["quotes_verbatim"] == r["quotes"] else "no"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report-test", action="store_true",
                        help="also score ASSET test (for the README; never tune on it)")
    parser.add_argument("--articles", type=int, default=200, help="cnndm_dev articles for the news part")
    parser.add_argument("--skip-asset", action="store_true", help="leave out the ASSET part")
    parser.add_argument("--skip-news", action="store_true", help="leave out the news part")
    args = parser.parse_args(argv)

    systems = load_systems()
    _warm_up(systems)
    results: dict[str, Any] = {"systems": [system.name for system in systems]}
    asset_valid = asset_test = news = None
    if not args.skip_asset:
        asset_valid = bench_asset("valid", systems)
        if asset_valid:
            print_asset(asset_valid)
            results["asset_valid"] = asset_valid
        if args.report_test:
            asset_test = bench_asset("test", systems)
            if asset_test:
                print_asset(asset_test)
                results["asset_test"] = asset_test
    if not args.skip_news:
        news = bench_news(args.articles, systems)
        if news:
            print_news(news)
            results["news"] = news
    rows = targets(asset_valid, asset_test, news)
    if rows:
        print("\n## Targets (issue 3)\n")
        print(markdown_table(["target", "figure", "met"], rows))
        results["targets"] = [dict(zip(("target", "figure", "met"), row)) for row in rows]
    if not (asset_valid or news):
        print("skip: no evaluation data found; nothing was measured.", file=sys.stderr)
        return 0
    path = write_results(NAME, results)
    print(f"\nResults written to {path.relative_to(path.parents[2])}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
