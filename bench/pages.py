"""Extraction on real pages: how much of each page's article we keep, and nothing else.

    python -m bench.pages [--worst N] [--show KEY]

Reads ``../shared/eval/pages/`` (91 real pages from many outlets with the article text a
person marked; see its README) in place. For each page it scores the product's extract
and clean (the text of the Article the pipeline goes on with: its paragraphs, without
the title, which is kept as metadata) and, in the same run, bare trafilatura
(``trafilatura.extract`` with its defaults) as the baseline.

The metric is the benchmark's own: word tokens (``\\w+``), runs of four (shingles) with
their counts; per page tp (in both), fp (only ours), fn (only the truth); precision is the
mean over pages of tp/(tp+fp), recall the mean of tp/(tp+fn) (a page where both are empty
scores 1; a page with nothing predicted is left out of the precision mean, one with no
truth out of the recall mean); F1 from the two means.

Only English pages count: a page whose true text our language check does not call English
is left out for both systems (the product refuses those pages, and says so; the count of
refusals is printed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from briefing.config import BriefingConfig
from briefing.errors import BriefingError, LanguageError
from briefing.pipeline import limit_blas_threads
from briefing.text.clean import clean
from briefing.text.decode import decode_bytes
from briefing.text.extract import Source, detect_language, extract

from ._common import eval_path, markdown_table, write_results

_TOKEN = re.compile(r"\w+")
TARGET_PRECISION, TARGET_F1 = 0.975, 0.972


def shingles(text: str, size: int = 4) -> Counter:
    """Runs of ``size`` word tokens with their counts.

    >>> sorted(shingles("a b c d e").items())
    [(('a', 'b', 'c', 'd'), 1), (('b', 'c', 'd', 'e'), 1)]
    """
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_scores(predicted: str, truth: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the page is left out of that mean.

    >>> page_scores("one two three four five", "one two three four six")
    (0.5, 0.5)
    >>> page_scores("", "")
    (1.0, 1.0)
    """
    ours, true = shingles(predicted), shingles(truth)
    if not ours and not true:
        return 1.0, 1.0
    tp = sum((ours & true).values())
    fp = sum(ours.values()) - tp
    fn = sum(true.values()) - tp
    precision = tp / (tp + fp) if ours else None
    recall = tp / (tp + fn) if true else None
    return precision, recall


def summary(scores: list[tuple[float | None, float | None]]) -> dict[str, float]:
    """Mean precision, mean recall and F1 of the two means."""
    precisions = [p for p, _ in scores if p is not None]
    recalls = [r for _, r in scores if r is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pages": len(scores)}


def ours(html: str, key: str, config: BriefingConfig) -> str:
    """The text the product goes on with: extract, then clean."""
    article = clean(extract(Source("html", html, key), config))
    return article.text


def trafilatura_baseline(html: str) -> str:
    """Bare trafilatura: ``extract`` with its defaults."""
    import trafilatura  # deferred: slow to import, and only this baseline calls it directly

    return trafilatura.extract(html) or ""


def load_pages() -> list[tuple[str, bytes, dict[str, Any]]] | None:
    root = eval_path("pages")
    if root is None:
        return None
    truth = json.loads((root / "ground-truth.dev.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((root / "html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        if key in truth:
            pages.append((key, gzip.decompress(path.read_bytes()), truth[key]))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__.split("\n\n")[0])
    parser.add_argument("--worst", type=int, default=10, help="list the N pages we score worst on (F1)")
    parser.add_argument("--show", metavar="KEY", help="print our text and the truth of one page (a key prefix)")
    args = parser.parse_args(argv)
    limit_blas_threads()
    pages = load_pages()
    if pages is None:
        return 0
    config = BriefingConfig()
    systems: dict[str, Callable[[str, str], str]] = {
        "briefing (extract + clean)": lambda html, key: ours(html, key, config),
        "trafilatura (bare, baseline)": lambda html, key: trafilatura_baseline(html),
    }
    scores: dict[str, list] = {name: [] for name in systems}
    seconds = {name: 0.0 for name in systems}
    per_page = []
    refused, skipped = [], []
    for key, raw, truth in pages:
        html = decode_bytes(raw, key, config)
        true_text = truth.get("articleBody") or ""
        detected = detect_language(true_text)
        if detected is None or detected[0] != "en":
            skipped.append((key, detected[0] if detected else "?"))
            try:
                ours(html, key, config)
            except LanguageError:
                refused.append(key)
            except BriefingError:
                pass
            continue
        row = {"key": key, "url": truth.get("url")}
        for name, system in systems.items():
            started = time.process_time()
            try:
                text = system(html, key)
            except BriefingError as exc:
                text = ""
                row["error"] = str(exc)
            seconds[name] += time.process_time() - started
            scores[name].append(page_scores(text, true_text))
            row[name] = scores[name][-1]
            if args.show and key.startswith(args.show) and name.startswith("briefing"):
                print(f"--- ours ({key})\n{text}\n--- truth\n{true_text}\n")
        per_page.append(row)

    results = {name: summary(s) for name, s in scores.items()}
    rows = [(name, r["precision"], r["recall"], r["f1"], r["pages"], f"{1000 * seconds[name] / max(r['pages'], 1):.0f}")
            for name, r in results.items()]
    print(f"Pages dev set: {len(pages)} pages, {len(pages) - len(skipped)} English scored; "
          f"{len(skipped)} not English left out ({', '.join(sorted({lang for _, lang in skipped}))}), "
          f"of which the product refuses {len(refused)}.\n")
    print(markdown_table(["system", "precision", "recall", "F1", "pages", "CPU ms/page"], rows))
    ours_result = next(iter(results.values()))
    met = ours_result["precision"] >= TARGET_PRECISION and ours_result["f1"] >= TARGET_F1
    print(f"\nTarget (issue 18): precision at least {TARGET_PRECISION} and F1 at least {TARGET_F1} on the English "
          f"pages: {'met' if met else 'NOT met'}.")

    def f1(pr: tuple[float | None, float | None]) -> float:
        p, r = (pr[0] or 0.0), (pr[1] or 0.0)
        return 2 * p * r / (p + r) if p + r else 0.0

    ours_name = next(iter(systems))
    worst = sorted(per_page, key=lambda row: f1(row[ours_name]))[: args.worst]
    if worst:
        print(f"\nWorst {len(worst)} pages (ours: precision / recall):")
        for row in worst:
            p, r = row[ours_name]
            print(f"  {row['key'][:12]}  {p if p is not None else float('nan'):.3f} / {r if r is not None else float('nan'):.3f}  {row['url']}")
    write_results("pages", {"systems": results, "english_pages": len(pages) - len(skipped),
                            "not_english": len(skipped), "refused": len(refused), "pages": per_page})
    return 0


if __name__ == "__main__":
    sys.exit(main())
