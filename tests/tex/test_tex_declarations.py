"""The %dv declarations: what each keyword makes, and what is refused with its line."""

from __future__ import annotations

import re

import pytest
from sympy import IndexedBase

from derivations.language.hypotheses import (
    Definition,
    IndexRange,
    Nonnegative,
    Parameter,
    Positive,
    Real,
    Simplex,
    Size,
    UnitInterval,
)
from derivations.tex.declarations import Declaration, declare


def declared(*lines: str):
    return declare([Declaration(*line.split(" ", 1), n + 1) for n, line in enumerate(lines)])


def test_each_keyword_gives_its_hypothesis():
    d = declared("size k", r"label y \in \{1, \dots, k\}",
                 r"family q_{j} for j \in \{1, \dots, k\}",
                 r"family p_{j} for j \in \{1, \dots, k\}", r"parameter \theta",
                 "assume q_{j} > 0", r"assume p_{j} \ge 0", r"assume t \in \mathbb{R}",
                 "assume 0 < a < 1", r"simplex p_{j} for j \in \{1, \dots, k\}",
                 r"function \sigma(t)", r"define \sigma(t) = \frac{1}{1 + e^{-t}}")
    assert d.problems == []
    kinds = [type(h) for h in d.hypotheses]
    assert kinds == [Size, IndexRange, Parameter, Positive, Nonnegative, Real, UnitInterval,
                     Simplex, Definition]


def test_a_hypothesis_gives_its_assumptions_to_its_owner_only():
    d = declared("size k", r"family q_{j} for j \in \{1, \dots, k\}",
                 r"family r_{j} for j \in \{1, \dots, k\}", "assume q_{j} > 0")
    families = {f.base.label.name: f.base for f in d.vocabulary.families.values()}
    assert families["q"][1].is_positive is True
    assert families["r"][1].is_positive is None


def test_a_declared_index_is_renamed_in_a_hypothesis_about_every_entry():
    d = declared("size k", r"index j \in \{1, \dots, k\}",
                 r"family q_{j} for j \in \{1, \dots, k\}", "assume q_{j} > 0")
    (positive,) = [h for h in d.hypotheses if isinstance(h, Positive)]
    assert str(positive.pattern) == "q[j']"


@pytest.mark.parametrize(("line", "message"), [
    ("size xy", "shows as a product of letters"),
    ("size k", "is declared twice"),
    (r"family q_{1}", "a family is declared as"),
    (r"assume q_{1} > 0", "about q\\[1\\] only"),
    (r"assume x = 1", "an assumption reads"),
    (r"define f(x) = x", "reads as a function applied to the bracket"),
    (r"define q_{j} = 1", "only a declared function applied to distinct symbols"),
    (r"index j \in [1, k]", "a range reads"),
    (r"convention 0^0 = 1", "the one convention"),
    (r"function f", "a function is declared as"),
    (r"onehot e_{y}", "a one-hot vector is declared"),
    (r"simplex r_{j} for j \in \{1, \dots, k\}", "not a declared family"),
])
def test_a_bad_declaration_is_reported_with_its_line_and_the_others_hold(line, message):
    d = declared("size k", r"family q_{j} for j \in \{1, \dots, k\}", line, r"parameter \theta")
    assert len(d.problems) == 1
    where, why = d.problems[0]
    assert where == 3
    assert why.startswith(f"declaration '{line.split(' ', 1)[0]}")
    assert re.search(message, why), why
    assert any(isinstance(h, Parameter) for h in d.hypotheses)


def test_one_name_may_have_several_forms():
    d = declared(r"function p(x)", r"function p(y \mid x; \theta)", r"function q_{j}(x)",
                 r"function q(x; \theta)")
    assert d.problems == []
    assert len(d.vocabulary.functions[("p",)]) == 2
    assert [s.shape for s in d.vocabulary.functions[("q",)]] == ["SA", "A"]


def test_two_functions_whose_names_differ_only_by_a_mark_are_two():
    d = declared(r"function \ell_{j}", r"function \ell^{*}_{j}")
    names = {str(s.function) for sigs in d.vocabulary.functions.values() for s in sigs}
    assert len(names) == 2


def test_a_family_of_two_indices():
    d = declared(r"family W_{j,r}")
    (family,) = d.vocabulary.families.values()
    assert family.rank == 2 and family.base == IndexedBase("W")
