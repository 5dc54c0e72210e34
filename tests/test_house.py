"""The rules of the house (issue 17, ARCHITECTURE.md), checked on every run.

- no module over 800 lines in ``briefing/`` or ``web/``;
- no import cycle between the project's modules, counting imports inside functions;
- a function-local import only to defer a heavy dependency, with a comment saying so;
- the store alone talks SQL: no other ``web/`` module imports ``sqlite3`` or holds SQL text;
- importing a product module changes no process-wide setting (checked for BLAS threads).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("briefing", "web")
MAX_LINES = 800


def _modules() -> dict[str, Path]:
    """Dotted module name -> path, for every module of the product."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _trees() -> dict[str, ast.Module]:
    return {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


TREES = _trees()


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    if node.level > 1:
        parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def _imports(module: str) -> list[tuple[ast.stmt, set[str], bool]]:
    """Every import statement of ``module``: (node, project modules it names, inside a function)."""
    tree = TREES[module]
    is_package = MODULES[module].name == "__init__.py"
    out = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                out.append((child, {a.name for a in child.names if a.name in MODULES}, in_function))
            elif isinstance(child, ast.ImportFrom):
                base = _resolve(module, child, is_package)
                targets = set()
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in MODULES else base)
                out.append((child, {t for t in targets if t in MODULES and t != module}, in_function))
            visit(child, inside)

    visit(tree, False)
    return out


def _graph() -> dict[str, set[str]]:
    return {m: set().union(*(t for _, t, _ in _imports(m))) if _imports(m) else set() for m in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def connect(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return found


def test_no_module_over_800_lines():
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these by meaning (one concern a module): {long}"


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_function_local_imports_say_why():
    """An import inside a function must defer a heavy dependency and say so in a comment
    on its line or just above it (a block of imports shares one comment)."""
    silent = []
    for module, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node, _, in_function in _imports(module):
            if not in_function:
                continue
            row = node.lineno - 1
            while row > 0 and re.match(r"\s*(from\s+\S+\s+)?import\s", lines[row - 1]) and "#" not in lines[row]:
                row -= 1  # the first import of a block
            said = "#" in lines[node.lineno - 1] or (row > 0 and lines[row - 1].strip().startswith("#"))
            if not said:
                silent.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not silent, f"move these imports to the top of the module, or say what heavy dependency they defer: {silent}"


SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|PRAGMA)\b", re.I | re.S)


def test_the_store_alone_talks_sql():
    offenders = []
    for module, path in MODULES.items():
        if not module.startswith("web.") or module == "web.store" or module.startswith("web.store."):
            continue
        for node, _, _ in _imports(module):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(n.split(".")[0] == "sqlite3" for n in names):
                offenders.append(f"{module} imports sqlite3")
        for node in ast.walk(TREES[module]):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                offenders.append(f"{module}:{node.lineno} runs SQL")
    assert not offenders, offenders


@pytest.mark.parametrize("module", ["briefing", "briefing.pipeline", "briefing.cli", "web"])
def test_importing_changes_no_process_wide_setting(module):
    """Importing a module leaves BLAS's threads as they were, also in a BLAS library the
    import loads (the pipeline's one-thread setting belongs to the entry points: the
    command line, the server, the benchmarks)."""
    code = (
        "import numpy\nfrom threadpoolctl import threadpool_info\n"
        "before = [p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas']\n"
        f"import {module}\n"
        "after = [p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas']\n"
        "print(set(after) <= set(before) or (before, after))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.stdout.strip() == "True", run.stdout + run.stderr
