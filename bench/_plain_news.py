"""The news part of ``bench.simplify``: the product's key points and their plain versions on
three sets (``cnndm_dev``, ``dailymail_dev``, the pages dev set), measured with the counter
(:func:`briefing.plain.readability.counter_fkgl`, all points of a set taken together) beside
the figure the product shows readers (:func:`briefing.plain.readability.readability`, the
mean over points); the share of points changed; quotations changed; an independent
re-check of what ships; LLM mode against an endpoint from the environment; and the review
sheet of changed points."""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections import Counter
from typing import Any

from briefing.config import BriefingConfig
from briefing.errors import BriefingError
from briefing.plain.faithful import _quote_core
from briefing.plain.glosses import glosses
from briefing.plain.novelty import check_both_ways
from briefing.plain.readability import counter_fkgl, readability
from briefing.plain.simplify import simplify
from briefing.text.quotes import quotations

from ._common import eval_path, read_jsonl


def briefings(name: str, n: int | None) -> tuple[list[Any], int]:
    """The product's briefings (rules mode, as shipped) of the first ``n`` articles of a
    set: ``cnndm_dev``, ``dailymail_dev`` or ``pages`` (English pages of the dev half)."""
    from briefing.pipeline import summarize
    from briefing.text.extract import Source, source_from_text

    if name == "pages":
        from .pages import load_pages  # deferred: the pages bench imports trafilatura's helpers
        from briefing.text.decode import decode_bytes

        loaded = load_pages() or []
        config = BriefingConfig()
        sources = [Source("html", decode_bytes(raw, key, config), key) for key, raw, _ in loaded]
    else:
        path = eval_path("news", f"{name}.jsonl")
        sources = [source_from_text(a["article"]) for a in (read_jsonl(path) if path else [])]
    out, skipped = [], 0
    for source in sources[:n]:
        try:
            out.append(summarize(source))
        except BriefingError:
            skipped += 1  # not English, too short, no text: the product refuses it and says so
    return out, skipped


def _shipped_check(point: Any, plain: Any, article: str) -> tuple[bool, tuple[str, ...]]:
    """The both-way check of what ships, made again here; glosses are the article's words."""
    extra = " ".join(sentence for _, sentence in glosses(point.text, article)) if \
        any(r.startswith("gloss:") for r in plain.rules_applied) else ""
    source = point.attribution.source if point.attribution else None
    verdict = check_both_ways(f"{point.text} {extra}".strip(), plain.text, source=source, article=article)
    return verdict.ok, verdict.reasons


def measure(name: str, items: list[Any], seconds: float | None = None) -> dict[str, Any]:
    """Figures of one set: ``items`` are briefings whose ``plain_points`` are filled."""
    pairs = [(b.article.text, p, q) for b in items for p, q in zip(b.key_points, b.plain_points)]
    before = [p.text for _, p, _ in pairs]
    after = [q.text for _, _, q in pairs]
    quotes = [(_quote_core(inner), q.text) for _, p, q in pairs for _, _, inner in quotations(p.text)]
    checks = [(_shipped_check(p, q, art), p, q) for art, p, q in pairs]
    failures = [{"original": p.text, "shipped": q.text, "reasons": list(r)} for (ok, r), p, q in checks if not ok]
    product_before = [readability(t)["fkgl"] for t in before]
    product_after = [readability(t)["fkgl"] for t in after]
    words = lambda texts: sum(len(t.split()) for t in texts)  # noqa: E731 (a one-line helper)
    sentences = lambda texts: sum(readability(t)["sentences"] for t in texts)  # noqa: E731
    rules = Counter(":".join(r.split(":")[:2]) for _, _, q in pairs for r in q.rules_applied)
    return {
        "set": name, "articles": len(items), "points": len(pairs),
        "counter_fkgl_before": round(counter_fkgl(before), 2), "counter_fkgl_after": round(counter_fkgl(after), 2),
        "product_fkgl_before": round(statistics.fmean(product_before), 2) if pairs else 0.0,
        "product_fkgl_after": round(statistics.fmean(product_after), 2) if pairs else 0.0,
        "words_per_sentence_before": round(words(before) / max(1, sentences(before)), 1),
        "words_per_sentence_after": round(words(after) / max(1, sentences(after)), 1),
        "changed": round(sum(a != b for a, b in zip(after, before)) / max(1, len(pairs)), 3),
        "quotations": len(quotes), "quotations_changed": sum(core not in text for core, text in quotes),
        "fallbacks": sum(q.fallback_reason is not None for _, _, q in pairs),
        "shipped_check_failures": len(failures), "shipped_failure_examples": failures[:5],
        "rules": dict(rules.most_common(30)),
        "seconds": round(seconds, 1) if seconds is not None else None,
    }


def llm_run(items: list[Any]) -> tuple[list[Any], float, dict[str, Any]] | None:
    """The same briefings simplified in LLM mode against ``BRIEFING_LLM_BASE_URL``; None
    (skipped) when no endpoint is given."""
    if not os.environ.get("BRIEFING_LLM_BASE_URL"):
        print("skip: LLM mode (no BRIEFING_LLM_BASE_URL in the environment).", file=sys.stderr)
        return None
    config = BriefingConfig(rewriter="llm")
    start = time.perf_counter()
    out = [simplify(b, config) for b in items]
    seconds = time.perf_counter() - start
    plain = [q for b in out for q in b.plain_points]
    reasons = Counter((q.fallback_reason or "").split(":")[1].strip().split(" ")[0] if q.fallback_reason else "kept"
                      for q in plain)
    return out, seconds, {"answers_kept": sum("llm" in q.rules_applied for q in plain),
                          "points": len(plain), "outcomes": dict(reasons.most_common(12))}


def review_sheet(items: list[Any], n: int = 60, seed: int = 19) -> tuple[str, list[dict[str, Any]]]:
    """``n`` changed points drawn at random (fixed seed) from ``items`` (briefings of
    several sets, mixed), beside their originals, for reading by eye; the sheet in
    Markdown (no rule names: the reader judges the text) and the key with the traces."""
    changed = [(b, p, q) for b in items for p, q in zip(b.key_points, b.plain_points) if q.text != p.text]
    drawn = random.Random(seed).sample(changed, min(n, len(changed)))
    lines = ["# Plain-language review sheet", "",
             f"{len(drawn)} changed key points drawn at random (seed {seed}) from {len(changed)} changed points "
             "of cnndm_dev and dailymail_dev. For each: is the plain version wrong (meaning changed, "
             "ungrammatical, source lost)? Mark ok / wrong, and why.", ""]
    key = []
    for i, (b, p, q) in enumerate(drawn, 1):
        lines += [f"## {i}", "", f"**Original:** {p.text.strip()}", "", f"**Plain:** {q.text.strip()}", "",
                  "Verdict: ", ""]
        key.append({"n": i, "article": b.article.title or "", "original": p.text, "plain": q.text,
                    "rules": list(q.rules_applied),
                    "source": p.attribution.source if p.attribution else None})
    return "\n".join(lines), key
