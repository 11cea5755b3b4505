"""The package's layers: every import points downwards, and no import cycle exists.

Every ``import`` and ``from ... import`` of every module counts, wherever it stands: at the top,
inside a function (a deferred import) or under ``if TYPE_CHECKING:``. The layers are those of the
map in ``derivations/__init__.py``'s docstring, listed here from the bottom up; a module may
import modules of its own layer (without a cycle) and of any layer below it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import derivations

PACKAGE = Path(derivations.__file__).parent

#: Bottom first. A module belongs to the layer of the longest entry that names it or a package
#: that contains it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("derivations._version", "derivations._compat", "derivations.errors",
     "derivations.settings", "derivations.output", "derivations.progress"),
    ("derivations.language",),
    ("derivations.kernel",),
    ("derivations.rules",),
    ("derivations.evidence",),
    ("derivations.checking",),
    ("derivations",),  # the public API: derivations/__init__.py
    ("derivations.catalogue", "derivations.render"),
    ("derivations.loader", "derivations.tex"),
    ("derivations.pipeline",),
    ("derivations.cli", "derivations.pytest_plugin", "derivations.mutation",
     "derivations.__main__", "derivations.watch"),
)

#: Edges forbidden although the layers would allow them, and why.
FORBIDDEN = (
    ("derivations.render", "derivations.kernel", "a renderer decides nothing"),
    ("derivations.render", "derivations.catalogue", "a renderer prints what it is given"),
    ("derivations.catalogue", "derivations.render", "siblings: the catalogue is content"),
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["derivations", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules that ``name`` imports, by any import statement anywhere."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # `from package import module` imports that module, `from module import name` the
            # module only; `from derivations import name` goes through the public API, whatever
            # the name is (the API hands out the rule tables as `rules`)
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in MODULES
                       and module != "derivations" else module for a in node.names]
        else:
            continue
        out |= {t for t in targets if t in MODULES and t != name}
    return out


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    best, level = "", -1
    for index, members in enumerate(LAYERS):
        for member in members:
            if (name == member or name.startswith(member + ".")) and len(member) > len(best):
                best, level = member, index
    return level


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_every_module_has_a_layer():
    assert [name for name in MODULES if _layer(name) < 0] == []


def test_no_import_points_upwards():
    upward = [f"{a} (layer {_layer(a)}) imports {b} (layer {_layer(b)})"
              for a, targets in GRAPH.items() for b in sorted(targets) if _layer(b) > _layer(a)]
    assert upward == []


@pytest.mark.parametrize("source, target, why", FORBIDDEN)
def test_forbidden_edges_are_absent(source, target, why):
    edges = [f"{a} imports {b}" for a, targets in GRAPH.items() if _within(a, source)
             for b in sorted(targets) if _within(b, target)]
    assert edges == [], why


#: Imports between two members of one layer that are allowed: the command line runs the
#: mutation harness and the watcher, and ``python -m derivations`` is the command line.
SIBLING_EDGES = {("derivations.cli", "derivations.mutation"),
                 ("derivations.cli", "derivations.watch"),
                 ("derivations.__main__", "derivations.cli")}


def test_members_of_one_layer_do_not_import_each_other():
    """The catalogue and the renderers share a layer and know nothing of each other; so do the
    foundation modules and the front ends, but for :data:`SIBLING_EDGES`."""
    crossing = []
    for members in LAYERS:
        for a, targets in GRAPH.items():
            mine = max((m for m in members if _within(a, m)), key=len, default=None)
            for b in sorted(targets):
                theirs = max((m for m in members if _within(b, m)), key=len, default=None)
                if mine and theirs and mine != theirs and (mine, theirs) not in SIBLING_EDGES:
                    crossing.append(f"{a} imports {b}")
    assert crossing == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
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
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_there_is_no_import_cycle():
    assert _cycles(GRAPH) == []


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_catalogue_imports_only_the_public_api():
    outside = [f"{a} imports {b}" for a, targets in GRAPH.items()
               if _within(a, "derivations.catalogue") for b in sorted(targets)
               if b != "derivations" and not _within(b, "derivations.catalogue")]
    assert outside == []


def test_the_walker_sees_deferred_and_type_checking_imports(tmp_path):
    """The test above is only as good as its walker: it must see an import in a function and
    one under TYPE_CHECKING."""
    source = tmp_path / "probe.py"
    source.write_text("from typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from derivations.kernel import canonical\n"
                      "def f():\n    from derivations.checking.store import VerdictCache\n"
                      "    import derivations.render.latex\n")
    assert _imports("derivations.language.probe", source) == {
        "derivations.kernel.canonical", "derivations.checking.store", "derivations.render.latex"}


#: Modules whose private names are their purpose: SymPy's private API, behind one door.
PRIVATE_DOORS = {"derivations._compat"}


def _private_imports() -> list[tuple[str, str, str]]:
    """(importer, module, name) for every ``from module import _name`` of the package."""
    found = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not node.level and node.module in MODULES:
                found += [(name, node.module, a.name) for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    return found


def test_no_private_name_crosses_a_layer():
    crossing = [f"{a} imports {name} from {b}" for a, b, name in _private_imports()
                if b not in PRIVATE_DOORS and _layer(a) != _layer(b)]
    assert crossing == []
