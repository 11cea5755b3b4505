"""The dependency graph: columns by citation depth, every citation an arrow, stable bytes."""

from __future__ import annotations

import re

import pytest

from derivations.catalogue import CATALOGUE
from derivations.render import graph
from derivations.render.graph import layout, tikz

CITES = {"a": (), "b": (), "c": ("a", "b"), "d": ("c",), "lonely": (), "e": ("a",)}
TITLES = {name: f"Theorem {name} & co" for name in CITES}


def test_a_citer_stands_right_of_everything_it_cites():
    lay = layout(CITES)
    assert lay.column == {"a": 0, "b": 0, "c": 1, "d": 2, "e": 1}
    for cited, citer in lay.edges:
        assert lay.column[cited] < lay.column[citer]


def test_every_citation_is_an_edge_and_unconnected_theorems_are_left_out():
    lay = layout(CITES)
    assert set(lay.edges) == {("a", "c"), ("b", "c"), ("c", "d"), ("a", "e")}
    assert "lonely" not in lay.column


def test_rows_in_a_column_are_distinct():
    lay = layout({d.name: d.cites for d in CATALOGUE})
    places = [(lay.column[n], lay.row[n]) for n in lay.column]
    assert len(places) == len(set(places))


def test_a_citation_of_an_unknown_derivation_draws_no_dangling_arrow():
    lay = layout({"a": ("elsewhere",), "b": ("a",)})
    assert lay.edges == (("a", "b"),)


def test_tikz_links_every_node_and_draws_every_edge():
    picture = tikz(CITES, TITLES)
    nodes = re.findall(r"\\node\[dvnode\] \((\w+)\)", picture)
    assert sorted(nodes) == ["a", "b", "c", "d", "e"]
    assert picture.count(r"\draw[dvuse]") == 4
    assert r"(c.east) to[out=0, in=180] (d.west)" in picture
    assert r"\hyperref[dv:c]{\textbf{\ref*{dv:c}} Theorem c \& co}" in picture


@pytest.mark.parametrize("order", [list(CITES), list(reversed(CITES))])
def test_layout_depends_on_reading_order_only(order):
    again = {name: CITES[name] for name in order}
    assert tikz(again, TITLES) == tikz({n: CITES[n] for n in order}, TITLES)


def test_headline_theorem_rests_on_a1_to_a3():
    lay = layout({d.name: d.cites for d in CATALOGUE})
    into_headline = {cited for cited, citer in lay.edges if citer == "mle_is_mean_cross_entropy"}
    assert into_headline == {"mle_as_sum_of_neg_logs", "conditional_likelihood",
                             "one_hot_cross_entropy"}


def test_components_stay_apart_and_the_catalogue_graph_has_few_crossings():
    cites = {d.name: [c for s in d.steps for c in s.cites] for d in CATALOGUE}
    lay = graph.layout(cites)
    assert graph._crossings(lay.edges, lay.column, lay.row) <= 3  # was 13 with two sweeps
    # Two chains with nothing in common: each keeps its rows together, in reading order.
    apart = graph.layout({"a": [], "b": [], "c": ["a"], "d": ["b"]})
    assert apart.row == {"a": 0, "b": 1, "c": 0, "d": 1}


def test_crossings_are_counted_between_arrows_that_share_no_node():
    column = {"a": 0, "b": 0, "c": 1, "d": 1}
    crossed = {"a": 0, "b": 1, "c": 1, "d": 0}
    assert graph._crossings([("a", "c"), ("b", "d")], column, crossed) == 1
    assert graph._crossings([("a", "d"), ("b", "c")], column, crossed) == 0
    assert graph._crossings([("a", "c"), ("a", "d")], column, crossed) == 0
