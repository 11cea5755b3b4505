"""The one grouping of derivations under section headings, which every output uses."""

from __future__ import annotations

import pytest

from derivations.pipeline import check
from derivations.render.sections import FURTHER, grouped


@pytest.fixture(scope="module")
def results():
    """A derivation that cites three others, checked with them (the citations come first)."""
    return check(["mle_is_mean_cross_entropy"])


def _names(groups):
    return [(heading, [r.derivation.name for r in members]) for heading, members in groups]


def test_sections_keep_their_order_and_the_rest_comes_last(results):
    d = [r.derivation for r in results]
    missing = check(["softmax_is_positive"])[0].derivation
    groups = grouped(results, [("Second", [d[1]]), ("Empty", [missing]), ("First", [d[0]])])
    assert _names(groups) == [("Second", [d[1].name]), ("First", [d[0].name]),
                              (FURTHER, [x.name for x in d[2:]])]


def test_without_a_section_the_rest_has_no_heading(results):
    assert _names(grouped(results, [])) == [(None, [r.derivation.name for r in results])]


def test_a_derivation_listed_twice_comes_once_under_its_first_section(results):
    d = results[0].derivation
    assert _names(grouped(results[:1], [("A", [d]), ("B", [d])])) == [("A", [d.name])]


def test_no_results_no_groups():
    assert grouped([], [("A", [])]) == []
