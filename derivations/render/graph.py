"""The dependency graph of the derivations, drawn in TikZ from the citations the engine checked.

A derivation that cites others is placed to the right of everything it cites (its column is one
more than the deepest of them), so the reader follows the arrows from the foundations on the left
to the headline theorems on the right. Within a column, nodes are ordered by the mean row of their
neighbours (two sweeps of the barycentre heuristic), which keeps the arrows from crossing much.
The layout is computed here, not by TeX, so the picture is the same bytes on every run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from derivations.render import escape

#: Horizontal distance between columns and vertical distance between rows, in cm.
COLUMN_STEP = 5.6
ROW_STEP = 1.5
#: Barycentre sweeps over the columns; the order with the fewest crossings is kept.
_SWEEPS = 8
#: Width of a node's text, in cm.
NODE_WIDTH = 4.4


@dataclass(frozen=True)
class Layout:
    """Where each derivation in the graph goes: ``column`` and ``row`` by name."""

    column: Mapping[str, int]
    row: Mapping[str, int]
    edges: tuple[tuple[str, str], ...]  # (cited, citer): the arrow points at the citer


def layout(cites: Mapping[str, Sequence[str]]) -> Layout:
    """Columns by depth of citation, rows by barycentre; only derivations on an edge are placed.

    ``cites`` maps every derivation, in reading order, to the derivations it cites.
    """
    order = list(cites)
    edges = tuple((cited, citer) for citer in order for cited in cites[citer] if cited in cites)
    on_edge = {n for edge in edges for n in edge}
    names = [n for n in order if n in on_edge]
    column: dict[str, int] = {}

    def depth(name: str) -> int:
        if name not in column:
            column[name] = 1 + max((depth(c) for c in cites[name] if c in cites), default=-1)
        return column[name]

    for name in names:
        depth(name)
    columns: dict[int, list[str]] = {}
    for name in names:
        columns.setdefault(column[name], []).append(name)
    neighbours: dict[str, list[str]] = {n: [] for n in names}
    for cited, citer in edges:
        neighbours[cited].append(citer)
        neighbours[citer].append(cited)
    component = _components(names, neighbours)
    row = {n: r for members in columns.values() for r, n in enumerate(members)}

    def barycentre(n: str) -> tuple[int, float, int]:
        """The component (so that components stay apart), then the mean row of ``n``'s
        neighbours in other columns; reading order breaks ties."""
        placed = [row[m] for m in neighbours[n] if column[m] != column[n]]
        mean = sum(placed) / len(placed) if placed else float(row[n])
        return (component[n], mean, order.index(n))

    best, fewest = dict(row), _crossings(edges, column, row)
    for sweep in range(_SWEEPS):  # alternately left to right and right to left
        for c in sorted(columns, reverse=sweep % 2 == 1):
            columns[c].sort(key=barycentre)
            row.update({n: r for r, n in enumerate(columns[c])})
        count = _crossings(edges, column, row)
        if count < fewest:
            best, fewest = dict(row), count
    row = best
    return Layout({n: column[n] for n in names}, {n: row[n] for n in names}, edges)


def _components(names: Sequence[str], neighbours: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Each node's connected component, numbered in reading order of their first node."""
    component: dict[str, int] = {}
    for start in names:
        if start in component:
            continue
        number, stack = len(set(component.values())), [start]
        while stack:
            n = stack.pop()
            if n not in component:
                component[n] = number
                stack.extend(neighbours[n])
    return component


def _crossings(edges: Sequence[tuple[str, str]], column: Mapping[str, int],
               row: Mapping[str, int]) -> int:
    """How many pairs of arrows cross, the arrows taken as straight segments between nodes."""
    count = 0
    for i, (a, b) in enumerate(edges):
        for c, d in edges[i + 1:]:
            if len({a, b, c, d}) < 4:
                continue  # arrows that share a node meet there, they do not cross
            lo = max(column[a], column[c])
            hi = min(column[b], column[d])
            if lo >= hi:
                continue
            if (_at(a, b, lo, column, row) - _at(c, d, lo, column, row)) * (
                    _at(a, b, hi, column, row) - _at(c, d, hi, column, row)) < 0:
                count += 1
    return count


def _at(u: str, v: str, x: float, column: Mapping[str, int], row: Mapping[str, int]) -> float:
    """The height of the arrow from ``u`` to ``v`` at column ``x``."""
    t = (x - column[u]) / (column[v] - column[u])
    return row[u] + t * (row[v] - row[u])


def tikz(cites: Mapping[str, Sequence[str]], titles: Mapping[str, str]) -> str:
    """A ``tikzpicture``: one node per derivation on a citation, an arrow from cited to citer.

    Each node shows the theorem's number and title and links to it (``\\hyperref``), so the
    document must load hyperref and label theorems ``dv:<name>`` (the fragments do).
    """
    lay = layout(cites)
    height = {c: sum(1 for n in lay.column if lay.column[n] == c) for c in set(lay.column.values())}
    tallest = max(height.values(), default=0)
    lines = [r"\begin{tikzpicture}[dvnode/.style={draw, rounded corners=2pt, align=left, "
             rf"text width={NODE_WIDTH}cm, font=\scriptsize, inner sep=3pt, fill=white}}, "
             r"dvuse/.style={->, >=stealth, thin, draw=black!60}]"]
    for name in sorted(lay.column, key=lambda n: (lay.column[n], lay.row[n])):
        c, r = lay.column[name], lay.row[name]
        offset = (tallest - height[c]) / 2  # centre short columns against the tallest
        x, y = c * COLUMN_STEP, -(r + offset) * ROW_STEP
        label = rf"\textbf{{\ref*{{dv:{name}}}}} {escape.latex(titles[name])}"
        lines.append(rf"  \node[dvnode] ({name}) at ({x:.2f},{y:.2f}) "
                     rf"{{\hyperref[dv:{name}]{{{label}}}}};")
    for cited, citer in lay.edges:
        lines.append(rf"  \draw[dvuse] ({cited}.east) to[out=0, in=180] ({citer}.west);")
    lines.append(r"\end{tikzpicture}")
    return "\n".join(lines) + "\n"
