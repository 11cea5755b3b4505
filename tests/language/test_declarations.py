"""What a theorem shows is what its proof used: declared assumptions need displayed hypotheses."""

from __future__ import annotations

import pytest
from sympy import IndexedBase, Lambda, Symbol, log

from derivations import (
    Argmax,
    AuthoringError,
    Definition,
    Derivation,
    IndexRange,
    Parameter,
    Positive,
    Simplex,
    Size,
    Step,
    named_function,
    rules,
)

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
x = Symbol("x")


def _derivation(start, new, hypotheses, rule=rules.algebra):
    return Derivation(name="probe", title="probe", hypotheses=tuple(hypotheses), start=start,
                      steps=(Step(new, rule, "probe"),))


@pytest.mark.parametrize(("start", "hypotheses", "message"), [
    # a parameter secretly positive: the display would say only "theta in Theta"
    (Argmax(-Symbol("theta", positive=True) ** 2, Symbol("theta", positive=True)),
     [Parameter(Symbol("theta", positive=True))], "theta in the start is declared"),
    # a simplex whose entries are declared positive with no Positive hypothesis
    (log(IndexedBase("p", positive=True)[1]),
     [Size(k), Simplex(IndexedBase("p", positive=True), k)],
     r"p in the start is declared positive but no hypothesis states it \(its hypotheses give "
     r"only finite, nonnegative, real\)"),
    # an index declared positive while its range starts at 0
    (log(Symbol("y", integer=True, positive=True) + 1),
     [Size(k), IndexRange(Symbol("y", integer=True, positive=True), 0, k)],
     "y in the start is declared positive but no hypothesis states it"),
    # a positive function used without any hypothesis
    (log(named_function("f", "f({0})", positive=True)(x)), [], "f in the start is declared"),
])
def test_undisplayed_assumption_is_refused(start, hypotheses, message):
    with pytest.raises(AuthoringError, match=message):
        _derivation(start, start, hypotheses)


def test_definition_must_prove_the_declared_positivity():
    f = named_function("f", "f({0})", positive=True)
    with pytest.raises(AuthoringError, match="declared positive but its definition"):
        _derivation(log(f(x)), log(f(x)), [Definition(f, Lambda(x, x - 1))])


def test_reserved_names_are_refused():
    with pytest.raises(AuthoringError, match="reserved for the engine"):
        _derivation(Symbol("_c") + 1, Symbol("_c") + 1, [])


def test_matching_declarations_are_accepted():
    q = IndexedBase("q", positive=True)
    d = _derivation(log(q[1] * q[2]), log(q[1]) + log(q[2]), [Positive(q[j])],
                    rules.log_of_product)
    assert d.facts.declared == frozenset({q})
