"""The house rules of docs/architecture.md, checked on the source: which room may import which, no
circle of imports, and the size limits (modules ≤ 400 lines, functions ≤ 60 lines and ≤ 6
parameters, dataclass constructors aside)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: room → the rooms it may import (every room may import ``errors``). A room is the first part of a
#: module's name under ``kronik``; ``kronik`` is the package itself (``__version__``).
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "model": set(),
    "records": {"model"},
    "config": set(),
    "ontology": set(),
    "schema": set(),
    "lang": set(),
    "kb": set(),
    "ingest": {"model"},
    "formats": {"model"},
    "stages": {"lang", "kb", "ontology", "model", "config"},
    "engine": {"stages", "ingest", "config", "model"},
    "corpus": {"model", "records", "kb", "ontology"},
    "store": {"model", "records"},
    "distributed": {"engine", "ingest", "config", "model"},
    "evaluation": {"engine", "ingest", "corpus", "lang", "ontology", "model"},
    "training": {"engine", "evaluation", "stages", "ontology", "config", "model"},
    "service": {"engine", "corpus", "store", "kb", "lang", "ontology", "formats", "ingest", "distributed",
                "config", "records", "model"},
    "bench": {"service", "engine", "store", "ingest", "config", "model", "kronik"},
    "api": {"service", "formats", "records", "ingest", "schema", "config", "model", "kronik"},
    "story_report": {"service", "ingest", "records", "config", "model"},
    "cli": {"service", "formats", "records", "engine", "evaluation", "bench", "story_report", "api", "config", "model",
            "kronik"},
    "kronik": {"config", "engine", "model"},
}

#: Known breaches in files of other branches, each with who removes it. The lead deletes an entry
#: when the branch that fixes it is merged; the tests fail on any breach not listed here.
KNOWN_IMPORTS: dict[tuple[str, str], str] = {}
KNOWN_CYCLES: dict[frozenset[str], str] = {}
KNOWN_LIMITS: dict[str, str] = {}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / "kronik").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> Iterator[str]:
    """Every kronik module ``path`` imports, at module level or inside a function."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("kronik"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("kronik"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                yield full if full in MODULES else str(node.module)


GRAPH: dict[str, set[str]] = {
    name: {t for t in _imports(path) if t in MODULES and t != name} for name, path in MODULES.items()
}


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "kronik"


def test_every_room_is_known() -> None:
    assert {_room(m) for m in MODULES} <= set(ALLOWED)


def test_imports_run_one_way() -> None:
    wrong = [
        f"{source} imports {target} ({_room(source)} → {_room(target)})"
        for source, targets in GRAPH.items() for target in sorted(targets)
        if _room(target) not in ALLOWED[_room(source)] | {_room(source), "errors"}
        and (source, target) not in KNOWN_IMPORTS
    ]
    assert not wrong, "\n".join(wrong)


def _cycles() -> list[frozenset[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in GRAPH[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = {stack.pop()}
            while node not in group:
                group.add(stack.pop())
            if len(group) > 1:
                found.append(frozenset(group))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def test_no_circle_of_imports() -> None:
    circles = [sorted(c) for c in _cycles() if c not in KNOWN_CYCLES]
    assert not circles, circles


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


@pytest.mark.parametrize("module", sorted(MODULES))
def test_sizes(module: str) -> None:
    text = MODULES[module].read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400, f"{module} has {len(text.splitlines())} lines"
    for node in _functions(ast.parse(text)):
        key = f"{module}:{node.name}"
        if key in KNOWN_LIMITS:
            continue
        lines = (node.end_lineno or node.lineno) - node.lineno + 1
        assert lines <= 60, f"{key} has {lines} lines"
        args = node.args
        named = [a for a in (*args.posonlyargs, *args.args, *args.kwonlyargs) if a.arg not in ("self", "cls")]
        count = len(named) + (args.vararg is not None) + (args.kwarg is not None)
        assert count <= 6, f"{key} takes {count} parameters"


def test_known_breaches_still_exist() -> None:
    """An entry of the known lists that no longer happens is deleted, so the lists stay honest."""
    for source, target in KNOWN_IMPORTS:
        assert target in GRAPH.get(source, set()), f"{source} → {target} is gone: delete it from KNOWN_IMPORTS"
    for cycle in KNOWN_CYCLES:
        assert cycle in _cycles(), f"{sorted(cycle)} is gone: delete it from KNOWN_CYCLES"
    for key in KNOWN_LIMITS:
        module, _, name = key.partition(":")
        assert module in MODULES and any(
            f.name == name for f in _functions(ast.parse(MODULES[module].read_text(encoding="utf-8")))
        ), f"{key} is gone: delete it from KNOWN_LIMITS"
