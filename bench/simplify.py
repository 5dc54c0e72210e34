"""Plain-language benchmark (issue 19): ASSET (SARI, BLEU, FKGL) and the news key points, in one run.

Run: ``python -m bench.simplify [--report-test] [--articles N] [--skip-asset] [--skip-news]``

**FKGL, two ways.** "FKGL" in the ASSET tables and "counter FKGL" in the news table is the
counter the targets are stated in (:func:`briefing.plain.readability.counter_fkgl`: EASSE's
formula over a set of texts taken together, pyphen syllables; ASSET test sources 10.06,
ACCESS 7.46). "FKGL 13a" (ASSET) is the earlier EASSE-like figure, and "product FKGL"
(news) is what the product shows a reader: :func:`briefing.plain.readability.readability`
per point, the mean over points.

**ASSET valid** (the dev set, 2,000 sentences with 10 human simplifications each): corpus
SARI (EASSE's default, :mod:`briefing.plain.sari`), BLEU and FKGL of the rules (checked,
falling back to the original, and unchecked), with identity in the same run. **ASSET test**
only with ``--report-test``: it is reported, never tuned on; ACCESS's published outputs are
scored beside it.

**News** (``bench/_plain_news.py``): the key points of the first ``--articles`` (150)
``cnndm_dev`` articles, all of ``dailymail_dev`` and the English pages of the pages dev set,
from :func:`briefing.pipeline.summarize` as shipped: counter FKGL before and after, product
FKGL, words a sentence, share of points changed, quotations changed, fallbacks, and an
independent both-way re-check of what ships (must find none). LLM mode on the same
``cnndm_dev`` briefings when ``BRIEFING_LLM_BASE_URL`` (and ``BRIEFING_LLM_MODEL``) are set;
skipped otherwise. The review sheet: 60 changed points drawn at random from ``cnndm_dev``
and ``dailymail_dev`` together, beside their originals, in ``bench/results/plain-review.md``
(the rules that made each are in the JSON results, not on the sheet).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable

from briefing.plain.faithful import check
from briefing.plain.readability import corpus_fkgl, counter_fkgl, readability
from briefing.plain.sari import corpus_bleu, read_lines, sari_operation_scores

from . import _plain_news as news
from ._common import RESULTS, eval_path, markdown_table, write_results

NAME = "simplify"
TARGET_SARI = 33.0
TARGET_FKGL = 8.5
TARGET_NEWS_FKGL = 9.0
TARGET_NEWS_DROP = 2.0
TARGET_CHANGED = 0.6


@dataclass(frozen=True)
class Output:
    """What a system shipped for one sentence or point, and why it kept the original if it did."""

    text: str
    fallback_reason: str | None = None


@dataclass(frozen=True)
class System:
    """A system under test on ASSET: how it rewrites a bare sentence (the news sets are
    scored through the product's own pipeline, in ``bench._plain_news``)."""

    name: str
    sentence: Callable[[str], Output]


IDENTITY = System("identity", lambda text: Output(text))


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

    def unchecked(text: str) -> Output:
        return Output(module.simplify_sentence(text).text)

    return [IDENTITY, System("rules", shipped), System("rules, unchecked", unchecked)]


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


NEWS_SETS = ("cnndm_dev", "dailymail_dev", "pages")


def bench_news(n_articles: int) -> dict[str, Any]:
    """The news sets as the product ships them (rules mode), LLM mode when an endpoint is
    given, and the review sheet."""
    results: dict[str, Any] = {"sets": [], "llm": None}
    reviewable = []
    for name in NEWS_SETS:
        start = time.perf_counter()
        items, skipped = news.briefings(name, n_articles if name == "cnndm_dev" else None)
        if not items:
            continue
        row = news.measure(name, items, time.perf_counter() - start)
        row["skipped"] = skipped
        results["sets"].append(row)
        if name in ("cnndm_dev", "dailymail_dev"):
            reviewable.extend(items)
        if name == "cnndm_dev":
            llm = news.llm_run(items)
            if llm:
                out, seconds, extra = llm
                results["llm"] = {**news.measure(f"{name} (llm)", out, seconds), **extra}
    if reviewable:
        sheet, key = news.review_sheet(reviewable)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "plain-review.md").write_text(sheet + "\n", encoding="utf-8")
        results["review_key"] = key
    return results


def print_news(result: dict[str, Any]) -> None:
    print("\n## News key points (counter FKGL: all points of a set together; product FKGL: mean over "
          "points, as the product shows readers)\n")
    headers = ["set", "articles", "points", "counter FKGL before → after", "product FKGL before → after",
               "words/sentence", "changed", "quotations changed", "fallbacks", "shipped check failures", "s"]
    rows = result["sets"] + ([result["llm"]] if result.get("llm") else [])
    print(markdown_table(headers, [[
        r["set"], r["articles"], r["points"], f"{r['counter_fkgl_before']:.2f} → {r['counter_fkgl_after']:.2f}",
        f"{r['product_fkgl_before']:.2f} → {r['product_fkgl_after']:.2f}",
        f"{r['words_per_sentence_before']} → {r['words_per_sentence_after']}", f"{100 * r['changed']:.1f}%",
        f"{r['quotations_changed']}/{r['quotations']}", r["fallbacks"], r["shipped_check_failures"],
        r["seconds"]] for r in rows]))
    if result.get("llm"):
        print(f"\nLLM mode: {result['llm']['answers_kept']} of {result['llm']['points']} answers kept; "
              f"outcomes {result['llm']['outcomes']}")
    for r in rows:
        for example in r["shipped_failure_examples"]:
            print(f"\nshipped check failure ({r['set']}): {example['reasons']}\n  original: {example['original']}\n"
                  f"  shipped:  {example['shipped']}")
    if "review_key" in result:
        print(f"\nReview sheet: {len(result['review_key'])} changed points in bench/results/plain-review.md")


# ---------------------------------------------------------------------------
# Targets


def targets(asset_test: dict | None, news_result: dict | None) -> list[list[Any]]:
    """Rows of (target, figure, met) for issue 19's "done when" list, rules mode."""
    rows: list[list[Any]] = []
    named = [r for r in (asset_test or {}).get("systems", []) if r["system"] == "rules"]
    if named:
        r = named[0]
        rows.append([f"ASSET test: SARI >= {TARGET_SARI} with FKGL <= {TARGET_FKGL}", f"SARI {r['sari']}, FKGL {r['fkgl']}",
                     "yes" if r["sari"] >= TARGET_SARI and r["fkgl"] <= TARGET_FKGL else "no"])
    cnn = [r for r in (news_result or {}).get("sets", []) if r["set"] == "cnndm_dev"]
    if cnn:
        r = cnn[0]
        drop = round(r["counter_fkgl_before"] - r["counter_fkgl_after"], 2)
        rows.append([f"cnndm_dev: plain FKGL <= {TARGET_NEWS_FKGL}", f"{r['counter_fkgl_after']:.2f}",
                     "yes" if r["counter_fkgl_after"] <= TARGET_NEWS_FKGL else "no"])
        rows.append([f"cnndm_dev: at least {TARGET_NEWS_DROP} below the originals", f"{drop:.2f}",
                     "yes" if drop >= TARGET_NEWS_DROP else "no"])
        rows.append([f"cnndm_dev: at least {100 * TARGET_CHANGED:.0f}% of points changed", f"{100 * r['changed']:.1f}%",
                     "yes" if r["changed"] >= TARGET_CHANGED else "no"])
        rows.append(["cnndm_dev: no quotation changed", f"{r['quotations_changed']}/{r['quotations']}",
                     "yes" if r["quotations_changed"] == 0 else "no"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report-test", action="store_true",
                        help="also score ASSET test (to report; never tune on it)")
    parser.add_argument("--articles", type=int, default=150, help="cnndm_dev articles for the news part")
    parser.add_argument("--skip-asset", action="store_true", help="leave out the ASSET part")
    parser.add_argument("--skip-news", action="store_true", help="leave out the news part")
    args = parser.parse_args(argv)

    systems = load_systems()
    _warm_up(systems)
    results: dict[str, Any] = {"systems": [system.name for system in systems]}
    asset_valid = asset_test = news_result = None
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
        news_result = bench_news(args.articles)
        if news_result["sets"]:
            print_news(news_result)
            results["news"] = news_result
    rows = targets(asset_test, news_result)
    if rows:
        print("\n## Targets (issue 19)\n")
        print(markdown_table(["target", "figure", "met"], rows))
        results["targets"] = [dict(zip(("target", "figure", "met"), row)) for row in rows]
    if not (asset_valid or (news_result and news_result["sets"])):
        print("skip: no evaluation data found; nothing was measured.", file=sys.stderr)
        return 0
    path = write_results(NAME, results)
    print(f"\nResults written to {path.relative_to(path.parents[2])}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
