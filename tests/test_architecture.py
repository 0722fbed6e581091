"""Imports run one way, downward (ARCHITECTURE.md): core <- stages <- conductor and render <- cli.

Read from the source with ast, so the rule holds for imports inside functions too (those under
``if TYPE_CHECKING:`` are for the type checker only and are not counted).
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "claimcheck"

CORE = {
    "errors", "models", "paths", "text", "textsafe", "urls", "values", "lazy", "migrations", "store", "store_pg", "config",
    "cpus", "shingles", "nouns", "collector",
}  # fmt: skip
MATCH_SIDE = {"match", "stories"}  # the match/ package, and stories/ (articles -> stories)
CONDUCTOR = {"compare"}
# Inside stories/, each module imports only those before it here (ARCHITECTURE.md); the package re-exports them.
STORIES_ORDER = [
    "records", "synonyms", "terms", "index", "scoring", "links", "linkage", "storypass", "grouping", "labels", "wire", "find",
]  # fmt: skip
# Known breaches of the direction, each listed until it is removed (none left since issue 11, phase B).
KNOWN: set[tuple[str, str]] = set()
KNOWN_CYCLES = [
    {"store.contract", "store.sql_store", "store.sqlite", "store.pg"},  # Store.open picks the backend inside a
    # function; each builds on the contract (sql_store: the part of it both backends run the same)
]


def area(module: str) -> str:
    """The layer piece a module belongs to: a core module, a stage package, or the cli."""
    head = module.split(".")[0]
    if head in CORE:
        return "core"
    if head in MATCH_SIDE:
        return "match"
    if head in CONDUCTOR:
        return "conductor"
    return head  # ingest, claims, render, demo, cli, __init__, __main__


# What each area may import (besides itself).
ALLOWED = {
    "core": {"core"},
    "claims": {"core"},
    "ingest": {"core", "claims"},
    "demo": {"core"},
    "match": {"core", "claims"},
    "conductor": {"core", "match", "claims"},
    "render": {"core"},
    "cli": {"core", "claims", "ingest", "demo", "match", "conductor", "render"},
}


def _import_nodes(node: ast.AST, type_checking: bool = False) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements under ``node`` that are not for the type checker only (inside an ``if`` whose
    test names TYPE_CHECKING, either branch). Only statements are visited: an expression holds none, and
    skipping them made the walk over the package about five times faster."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.expr):
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            if not type_checking:
                yield child
            continue
        inside = type_checking or isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test)
        yield from _import_nodes(child, inside)


def imports() -> dict[str, set[str]]:
    """Module (dotted, without ``claimcheck.``) -> the claimcheck modules it imports (a copy: parsed once)."""
    return {m: set(t) for m, t in _imports().items()}


@functools.cache
def _imports() -> dict[str, frozenset[str]]:
    graph: dict[str, frozenset[str]] = {}
    modules = {
        ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for p in PACKAGE.rglob("*.py")
    }
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found: set[str] = set()
        for node in _import_nodes(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for t in targets:
                if t.startswith("claimcheck."):
                    t = t.removeprefix("claimcheck.")
                    while t not in modules and "." in t:
                        t = t.rsplit(".", 1)[0]
                    if t in modules and t != name:
                        found.add(t)
        graph[name] = frozenset(found)
    return graph


def test_imports_run_downward() -> None:
    wrong = []
    for module, targets in imports().items():
        src = area(module)
        if src in ("__init__", "__main__"):
            continue
        for t in targets:
            dst = area(t)
            if dst != src and dst not in ALLOWED[src] and (module, t) not in KNOWN:
                wrong.append(f"{module} ({src}) imports {t} ({dst})")
    assert not wrong, "\n".join(sorted(wrong))


def test_inside_stories_imports_run_down_its_list() -> None:
    graph = imports()
    assert {m for m in graph if m.startswith("stories.")} == {f"stories.{m}" for m in STORIES_ORDER}
    wrong = [
        f"{m} imports {t}"
        for m in graph
        if m.startswith("stories.")
        for t in graph[m]
        if t.startswith("stories")  # the package itself is no module's to import: its __init__ imports them
        and (t == "stories" or STORIES_ORDER.index(t[8:]) >= STORIES_ORDER.index(m[8:]))
    ]
    assert not wrong, "\n".join(sorted(wrong))


def test_known_breaches_are_still_there() -> None:
    """When phase B removes one, strike it off KNOWN (and this rule gets stricter by itself)."""
    graph = imports()
    assert all(t in graph[m] for m, t in KNOWN)


def test_no_import_cycle_even_inside_functions() -> None:
    graph = imports()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[set[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert [c for c in cycles if c not in KNOWN_CYCLES] == []


def test_the_core_never_imports_typer_or_rich() -> None:
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        if area(name) == "cli" or name.startswith("render"):
            continue  # render/table.py draws with rich for the CLI
        text = path.read_text(encoding="utf-8")
        assert "import typer" not in text and "from typer" not in text, name
        assert "from rich" not in text and "import rich" not in text, name
