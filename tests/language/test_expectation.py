"""``Expectation``: E_p[g] = sum_j p_j g_j, unfolded by the kernel, never assumed."""

from __future__ import annotations

import pytest
from sympy import IndexedBase, Symbol

from derivations import (
    Derivation,
    Expectation,
    Real,
    Simplex,
    Size,
    Step,
    check_derivation,
    function_vector,
    indexed_vector,
    rules,
)
from derivations.render.printer import latex

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", nonnegative=True)
g = IndexedBase("g", real=True)
h = IndexedBase("h", real=True)
a = Symbol("a", real=True)
P, G, H = indexed_vector(p, k), indexed_vector(g, k), indexed_vector(h, k)
HYPOTHESES = (Size(k), Simplex(p, k), Real(g[j]), Real(h[j]), Real(a))


def _one(start, new):
    d = Derivation(name="e", title="An expectation", hypotheses=HYPOTHESES, start=start,
                   steps=(Step(new, rules.definition, "by the definition"),))
    return check_derivation(d).steps[0]


def test_linearity_is_proved_and_a_wrong_coefficient_is_refuted():
    combined = Expectation(function_vector(lambda i: a * g[i] + h[i],
                                           a * Symbol("g") + Symbol("h"), k), P)
    assert _one(combined, a * Expectation(G, P) + Expectation(H, P)).evidence.value == "symbolic"
    wrong = _one(combined, a * Expectation(G, P) + a * Expectation(H, P))
    assert not wrong.ok and wrong.counterexample is not None


def test_the_expectation_of_a_constant_needs_the_probabilities_to_sum_to_one():
    c = Symbol("c", real=True)
    r = IndexedBase("r", real=True)
    d = Derivation(name="c", title="A constant", hypotheses=(Size(k), Real(c), Real(r[j])),
                   start=Expectation(function_vector(lambda i: c, c, k), indexed_vector(r, k)),
                   steps=(Step(c, rules.definition, "no simplex"),))
    assert not check_derivation(d).ok  # the entries of r need not sum to one


def test_an_expectation_prints_with_its_distribution_below():
    assert latex(Expectation(G, P)) == r"\mathbb{E}_{p}\left[g\right]"
    with pytest.raises(ValueError, match="one size"):
        Expectation(G, indexed_vector(p, k + 1))
