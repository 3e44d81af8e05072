"""The layers hold: who may import whom, and no import cycles (read from the source with ast)."""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("adapters", "bot", "matching", "storage")


@cache
def modules() -> dict[str, Path]:
    """Every module of the product by dotted name."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue  # Alembic loads these by path
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _imported(path: Path, name: str) -> Iterator[str]:
    """The modules `path` imports: `from a import b` is a.b when that is a module, else a."""
    known = modules()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield submodule if submodule in known else base


@cache
def imports() -> dict[str, frozenset[str]]:
    """Each module's imports of other product modules."""
    known = modules()
    return {name: frozenset(target for target in _imported(path, name)
                            if target in known and target != name)
            for name, path in known.items()}


def layer(module: str) -> str:
    """bot.app (the wiring) is a layer of its own; each adapter is one too."""
    parts = module.split(".")
    if parts[:2] == ["bot", "app"] or module == "bot.__main__":  # `python -m bot` runs the CLI
        return "bot.app"
    if parts[0] == "adapters" and len(parts) > 2:
        return ".".join(parts[:2])
    return parts[0]


# matching is pure; storage knows tables; the application (bot) uses both; adapters talk to
# the application (and may use the domain's plain values), never to storage or the wiring.
ALLOWED = {
    "matching": {"matching"},
    "storage": {"storage"},
    "bot": {"bot", "matching", "storage"},
    "adapters": {"adapters", "bot", "matching"},
    "adapters.console": {"adapters", "adapters.console", "bot", "matching"},
    "adapters.slack": {"adapters", "adapters.slack", "bot", "matching"},
    "adapters.teams": {"adapters", "adapters.teams", "bot", "matching"},
    "adapters.dashboard": {"adapters", "adapters.dashboard", "bot", "matching"},
    "bot.app": {"bot.app", "bot", "adapters", "adapters.console", "adapters.slack",
                "adapters.teams", "adapters.dashboard", "matching", "storage"},
}


@pytest.mark.parametrize("source", sorted(ALLOWED))
def test_each_layer_imports_only_what_it_may(source: str) -> None:
    wrong = sorted(f"{module} imports {target}"
                   for module, targets in imports().items() if layer(module) == source
                   for target in targets if layer(target) not in ALLOWED[source])
    assert wrong == []


def test_every_module_has_a_layer() -> None:
    assert {layer(module) for module in modules()} <= set(ALLOWED)


def _cycle(graph: Mapping[str, Collection[str]]) -> list[str]:
    """One import cycle in `graph` as a path that returns to its start, or []."""
    finished: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return [*path[path.index(node):], node]
        if node in finished:
            return []
        for target in sorted(graph.get(node, ())):
            if found := visit(target, [*path, node]):
                return found
        finished.add(node)
        return []

    return next((found for start in sorted(graph) if (found := visit(start, []))), [])


def test_no_module_imports_itself_through_others() -> None:
    assert _cycle(imports()) == []


def test_no_cycle_between_layers() -> None:
    graph: dict[str, set[str]] = {}
    for module, targets in imports().items():
        graph.setdefault(layer(module), set()).update(
            layer(target) for target in targets if layer(target) != layer(module))
    assert _cycle({name: frozenset(targets) for name, targets in graph.items()}) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycle({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"})}) == [
        "a", "b", "c", "a"]
