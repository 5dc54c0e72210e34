"""Run every benchmark: ``python -m bench`` (what ``make bench`` does), or ``python -m bench NAME ...``.

A benchmark is any module ``bench/NAME.py`` (not starting with ``_``) that defines
``main(argv)``. They run one after another, ``rouge`` and ``attribution`` first, the
rest by name, each with no arguments (so each uses its defaults). A benchmark that
fails is reported and the others still run; the exit status is then 1.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
import traceback
from pathlib import Path

FIRST = ("rouge", "attribution")
TOOLS = ("snapshot",)  # tools kept beside the benchmarks, not benchmarks themselves


def discover() -> list[str]:
    """Names of the benchmark modules in this package, in running order."""
    names = [m.name for m in pkgutil.iter_modules([str(Path(__file__).resolve().parent)])
             if not m.name.startswith("_") and not m.ispkg and m.name not in TOOLS]
    return [n for n in FIRST if n in names] + sorted(n for n in names if n not in FIRST)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    available = discover()
    unknown = [n for n in argv if n not in available]
    if unknown:
        print(f"Unknown benchmark(s) {', '.join(unknown)}: choose from {', '.join(available)}.", file=sys.stderr)
        return 2
    failed: list[str] = []
    for name in argv or available:
        module = importlib.import_module(f"bench.{name}")
        run = getattr(module, "main", None)
        if not callable(run):
            continue
        print(f"\n## {name}\n", flush=True)
        start = time.perf_counter()
        try:
            status = run([])
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            status = 1
        print(f"\n({name}: {time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)
        if status:
            failed.append(name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
