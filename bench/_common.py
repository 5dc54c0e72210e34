"""Small helpers shared by the benchmarks: where the evaluation data lives, Markdown
tables, and JSON results under ``bench/results/``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = Path(__file__).resolve().parent / "results"


def eval_path(*parts: str) -> Path | None:
    """The path of an evaluation file under ``../shared/eval``, or None (with a skip
    message on stderr) when it is absent, so a benchmark can exit cleanly."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        print(f"skip: {path} not found (the evaluation data lives in ../shared/eval).", file=sys.stderr)
        return None
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every JSON object of a JSONL file, in order (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A Markdown table; floats are shown with 3 decimals."""

    def cell(value: Any) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def write_results(name: str, results: dict[str, Any]) -> Path:
    """Write ``results`` to ``bench/results/NAME.json`` and return the path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
