"""A vector's rule is judged as written, at an index of its range: applied to an integer index,
SymPy evaluates ``sin(pi j)`` to 0 before any denominator is read (red-team s05)."""

from __future__ import annotations

from sympy import IndexedBase, Integer, Lambda, Symbol, pi, sin

from derivations.kernel import judge
from derivations.language.hypotheses import Facts, Simplex, Size
from derivations.language.notation import Expectation, Vector, indexed_vector

k = Symbol("k", integer=True, positive=True)
t = Symbol("t")
p = IndexedBase("p", nonnegative=True)
facts = Facts.from_hypotheses([Size(k), Simplex(p, k)])


def _expectation(rule):
    return Expectation(Vector(Symbol("g"), Lambda(t, rule), k), indexed_vector(p, k))


def test_a_component_with_a_pole_in_the_range_may_be_undefined():
    """g_j = sin(pi j)/(j - 1) has no value at j = 1: the expectation is not 0."""
    assert judge.may_be_undefined(_expectation(sin(pi * t) / (t - 1)), facts)
    assert not judge.proves_equal(_expectation(sin(pi * t) / (t - 1)), Integer(0), facts)


def test_a_component_defined_over_the_range_is_not():
    """g_j = sin(pi j)/j is defined for 1 <= j <= k, and 0 there: the expectation is 0."""
    assert not judge.may_be_undefined(_expectation(sin(pi * t) / t), facts)
    assert judge.proves_equal(_expectation(sin(pi * t) / t), Integer(0), facts)
