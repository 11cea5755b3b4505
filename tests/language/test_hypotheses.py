"""Hypotheses: what each one checks about its symbol, what it lets SymPy assume, and Facts."""

from __future__ import annotations

import re

import pytest
from sympy import Function, IndexedBase, Integer, Lambda, Symbol, sin

from derivations.language.hypotheses import (
    Definition,
    Facts,
    IndexRange,
    Nonnegative,
    Parameter,
    Positive,
    Real,
    Simplex,
    Size,
    UnitInterval,
)
from derivations.language.notation import named_function

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
z = Symbol("z", integer=True)
theta = Symbol("theta", real=True)
a = Symbol("a", positive=True)
c = Symbol("c", real=True)
x = Symbol("x")
q = IndexedBase("q", positive=True)
labels = IndexedBase("t", integer=True)
f = named_function("f", "f({0})", positive=True)
h = named_function("h", "h({0})")
g2 = named_function("g2", "g2({0})")


@pytest.mark.parametrize(("hypothesis", "message"), [
    (Size(Symbol("k")), "size k must be declared integer=True, positive=True"),
    (Size(Symbol("k", integer=True)), "size k must be declared integer=True, positive=True"),
    (Size(Symbol("k", positive=True)), "size k must be declared integer=True, positive=True"),
    (Parameter(Symbol("t")), "parameter t must be declared real=True"),
    (Positive(c), "hypothesis c > 0 needs c to be declared positive=True"),
    (Positive(IndexedBase("w")[j]), r"hypothesis w\[j\] > 0 needs w to be declared positive=True"),
    (Positive(h(x)), r"hypothesis h\(x\) > 0 needs h to be declared positive=True"),
    (IndexRange(Symbol("y"), 1, k), "index y must be declared integer=True"),
    (IndexRange(IndexedBase("w"), 1, k), "index w must be declared integer=True"),
    (Definition(sin, Lambda(x, x)), "only an undefined function can be defined"),
    (Definition(h, x + 1), r"the definition of h must be a Lambda, got x \+ 1"),
    (Definition(f, Lambda(x, x - 1)),
     "f is declared positive but its definition x - 1 is not known to be positive"),
    (Simplex(c, k), "a simplex is stated about an IndexedBase, not c"),
    (Simplex(IndexedBase("w"), k), "the entries of w must be declared nonnegative=True"),
    (UnitInterval(c), r"c in \(0, 1\) must be declared positive=True"),
])
def test_a_hypothesis_that_does_not_match_its_symbol_is_refused(hypothesis, message):
    problem = hypothesis.validate()
    assert problem is not None and re.search(message, problem), problem


@pytest.mark.parametrize("hypothesis", [
    Size(k), Parameter(theta), Positive(a), Positive(q[j]), Positive(f(x)),
    IndexRange(y, 1, k), IndexRange(labels, 1, k), Definition(h, Lambda(x, x ** 2)),
    Definition(f, Lambda(c, a + c ** 2)), Simplex(q, k), UnitInterval(a),
])
def test_a_hypothesis_that_matches_its_symbol_is_valid(hypothesis):
    assert hypothesis.validate() is None


@pytest.mark.parametrize(("hypothesis", "owner"), [
    (Size(k), k), (Parameter(theta), theta), (Positive(a), a), (Positive(q[j]), q),
    (Positive(f(x)), f), (IndexRange(labels, 1, k), labels), (IndexRange(y, 1, k), y),
    (Definition(h, Lambda(x, x)), h), (Simplex(q, k), q), (UnitInterval(a), a),
])
def test_a_hypothesis_is_about_its_owner(hypothesis, owner):
    assert hypothesis.owner == owner


@pytest.mark.parametrize(("hypothesis", "included", "excluded"), [
    (Size(k), {"integer", "positive", "real"}, set()),
    (Parameter(theta), {"real", "finite"}, {"positive", "integer"}),
    (Positive(a), {"positive", "nonnegative", "real"}, {"integer"}),
    (IndexRange(y, 1, k), {"integer", "positive"}, set()),
    (IndexRange(y, 0, k), {"integer", "nonnegative"}, {"positive"}),
    (IndexRange(y, -1, k), {"integer"}, {"positive", "nonnegative"}),
    (Simplex(q, k), {"nonnegative"}, {"positive"}),
])
def test_what_a_hypothesis_lets_a_symbol_be_declared(hypothesis, included, excluded):
    assert included <= hypothesis.implies
    assert not excluded & hypothesis.implies


def test_facts_sort_the_hypotheses_by_kind():
    hyps = [Size(k), Size(m), Parameter(theta), IndexRange(y, 1, k), Positive(q[j]),
            Definition(h, Lambda(x, x)), Simplex(q, k), UnitInterval(a)]
    facts = Facts.from_hypotheses(hyps)
    assert facts.sizes == (k, m)
    assert facts.parameters == (theta,)
    assert facts.ranges == (IndexRange(y, 1, k),)
    assert facts.definitions == (Definition(h, Lambda(x, x)),)
    assert facts.simplices == (Simplex(q, k),)
    assert facts.declared == frozenset({k, m, theta, y, q, h, a})


RANGES = Facts.from_hypotheses([Size(k), IndexRange(y, 1, k), IndexRange(labels, 0, k - 1)])


@pytest.mark.parametrize(("expr", "expected"), [
    (y, (1, k)),
    (labels[j], (0, k - 1)),
    (labels[3], (0, k - 1)),
    (Integer(3), (3, 3)),
    (z, None),
    (IndexedBase("w")[j], None),
])
def test_range_of(expr, expected):
    assert RANGES.range_of(expr) == expected


@pytest.mark.parametrize(("expr", "lo", "hi", "expected"), [
    (y, 1, k, True),
    (y, 0, k, True),
    (y, 1, k + 1, True),
    (y, 2, k, False),
    (y, 1, k - 1, False),
    (labels[j], 0, k, True),
    (labels[j], 1, k, False),
    (Integer(1), 1, k, True),
    (Integer(2), 1, k, False),  # k may be 1
    (z, 1, k, False),  # no range declared
])
def test_in_range(expr, lo, hi, expected):
    assert RANGES.in_range(expr, Integer(lo), hi if not isinstance(hi, int) else Integer(hi)) \
        is expected


def test_definitions_apply_repeatedly_when_they_nest():
    facts = Facts.from_hypotheses([Definition(h, Lambda(x, g2(x) + 1)),
                                   Definition(g2, Lambda(x, 2 * x))])
    assert facts.apply_definitions(h(c) * h(a)) == (2 * c + 1) * (2 * a + 1)


def test_definitions_in_a_cycle_are_a_value_error():
    facts = Facts.from_hypotheses([Definition(h, Lambda(x, g2(x) + 1)),
                                   Definition(g2, Lambda(x, h(x)))])
    with pytest.raises(ValueError, match="definitions refer to each other in a cycle"):
        facts.apply_definitions(h(c))


@pytest.mark.parametrize(("expr", "hypotheses", "expected"), [
    (theta * c, [Parameter(theta)], True),
    (c + 1, [Parameter(theta)], False),
    (h(c), [Parameter(theta)], False),
    (h(c), [Parameter(theta), Definition(h, Lambda(x, x * theta))], True),
    (h(c), [Parameter(theta), Definition(h, Lambda(x, g2(x))),
            Definition(g2, Lambda(x, x + theta))], True),
    # theta bound by the definition's own Lambda is not the parameter
    (h(c), [Parameter(theta), Definition(h, Lambda((x,), x ** 2))], False),
    (theta * c, [], False),  # nothing is a parameter without the hypothesis
    (Function("F")(theta), [Parameter(theta)], True),
])
def test_depends_on_parameter(expr, hypotheses, expected):
    assert Facts.from_hypotheses(hypotheses).depends_on_parameter(expr) is expected


@pytest.mark.parametrize(("expr", "expected"), [
    (a, True), (q[j], False), (c, False),
])
def test_unit_interval_covers_only_its_target(expr, expected):
    assert Facts.from_hypotheses([UnitInterval(a)]).in_unit_interval(expr) is expected


def test_unit_interval_of_a_family_covers_every_entry():
    facts = Facts.from_hypotheses([UnitInterval(q)])
    assert facts.in_unit_interval(q[1]) and facts.in_unit_interval(q[j])
    assert not facts.in_unit_interval(a)


def test_the_complement_stand_in_is_positive_and_restored():
    facts = Facts.from_hypotheses([UnitInterval(a)])
    stood = facts.complement(1 - a)
    assert stood != 1 - a and stood.is_positive
    assert facts.restore(stood) == 1 - a
    assert facts.complement(a - 1) == a - 1  # only 1 - a is replaced


# -- a hypothesis covers exactly the entries its pattern covers ---------------------------------

i = Symbol("i", integer=True)
xs = IndexedBase("x", real=True)
reals = IndexedBase("r", real=True)
nonneg = IndexedBase("n", nonnegative=True)
ints = IndexedBase("y", integer=True)
two = Function("two", positive=True)


@pytest.mark.parametrize("hypothesis", [
    Positive(q[1]), Positive(q[j + 1]), Positive(q[2 * j]), Positive(q[labels[j]]),
    Positive(IndexedBase("w", positive=True)[j, j]), Positive(f(Integer(1))),
    Positive(f(x + 1)), Positive(two(j, j)), Positive(f(xs[1])), Positive(f(xs[i])),
    Real(reals[0]), Nonnegative(nonneg[2]), IndexRange(ints[1], 1, k),
    UnitInterval(q[3]),
], ids=str)
def test_a_hypothesis_about_some_entries_cannot_stand_for_the_family(hypothesis):
    problem = hypothesis.validate()
    assert problem is not None and "only, but" in problem and "declared for every" in problem


@pytest.mark.parametrize("hypothesis", [
    Positive(q[j]), Positive(f(x)), Positive(two(i, j)),
    Real(reals[i]), Nonnegative(nonneg[j]), IndexRange(ints[i], 1, k), UnitInterval(q[i]),
    Positive(a), UnitInterval(q),
], ids=str)
def test_a_hypothesis_for_every_entry_is_valid(hypothesis):
    assert hypothesis.validate() is None


def test_a_range_stated_on_an_entry_pattern_covers_every_entry():
    facts = Facts.from_hypotheses([Size(k), IndexRange(ints[i], 1, k)])
    for entry in (ints[i], ints[j], ints[3], ints[k]):
        assert facts.range_of(entry) == (1, k)
        assert facts.in_range(entry, Integer(1), k)
    assert facts.range_of(labels[j]) is None  # another family


def test_the_pattern_s_index_is_put_into_the_bounds():
    facts = Facts.from_hypotheses([Size(k), IndexRange(ints[i], 1, i)])
    assert facts.range_of(ints[4]) == (1, 4)
    assert facts.range_of(ints[j]) == (1, j)


def test_a_unit_interval_stated_on_an_entry_pattern_covers_every_entry():
    facts = Facts.from_hypotheses([UnitInterval(q[i])])
    assert facts.in_unit_interval(q[1]) and facts.in_unit_interval(q[j])
    stood = facts.complement(1 - q[2])
    assert stood != 1 - q[2] and facts.restore(stood) == 1 - q[2]
