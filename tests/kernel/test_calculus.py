"""Derivatives through indexed sums, the Hessian's quadratic form, and 0 < a < 1."""

from __future__ import annotations

import pytest
from sympy import Derivative, IndexedBase, KroneckerDelta, Product, Sum, Symbol, exp, log

from derivations import IndexRange, Positive, Real, Simplex, Size, UnitInterval
from derivations.kernel.canonical import prove_equal
from derivations.language.hypotheses import Facts

k = Symbol("k", integer=True, positive=True)
L = Symbol("L", integer=True, positive=True)
i, j, l = (Symbol(n, integer=True) for n in "ijl")  # noqa: E741
z = IndexedBase("z", real=True)
v = IndexedBase("v", real=True)
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)
NORM = Sum(exp(z[l]), (l, 1, k))


def softmax(c):
    return exp(z[c]) / NORM


LOSS = -Sum(p[j] * log(softmax(j)), (j, 1, k))
BASE = [Size(k), IndexRange(i, 1, k), Real(z[j]), Positive(p[j])]


@pytest.mark.parametrize(("hypotheses", "rhs", "expected"), [
    (BASE + [Simplex(p, k)], softmax(i) - p[i], True),
    (BASE + [Simplex(p, k)], softmax(i) + p[i], False),
    (BASE, softmax(i) - p[i], False),  # without sum p = 1 the gradient is not q - p
    ([Size(k), Real(z[j]), Positive(p[j]), Simplex(p, k)], softmax(i) - p[i], False),  # no range
])
def test_cross_entropy_gradient(hypotheses, rhs, expected):
    assert prove_equal(Derivative(LOSS, z[i]), rhs, Facts.from_hypotheses(hypotheses)) is expected


def test_hessian_quadratic_form_is_a_variance():
    facts = Facts.from_hypotheses([Size(k), Positive(q[j]), Simplex(q, k), Real(v[j])])
    mean = Sum(q[l] * v[l], (l, 1, k))
    form = Sum(Sum(v[i] * v[j] * (KroneckerDelta(i, j) * q[i] - q[i] * q[j]), (j, 1, k)),
               (i, 1, k))
    assert prove_equal(form, Sum(q[i] * (v[i] - mean) ** 2, (i, 1, k)), facts)
    assert not prove_equal(form, Sum(q[i] * (v[i] + mean) ** 2, (i, 1, k)), facts)


def test_unit_interval_allows_log_of_the_complement():
    a = IndexedBase("a", positive=True)
    y = IndexedBase("y", integer=True)
    product = Product(a[l] ** y[l] * (1 - a[l]) ** (1 - y[l]), (l, 1, L))
    bce = Sum(-(y[l] * log(a[l]) + (1 - y[l]) * log(1 - a[l])), (l, 1, L))
    with_it = Facts.from_hypotheses([Size(L), UnitInterval(a), IndexRange(y, 0, 1)])
    without = Facts.from_hypotheses([Size(L), Positive(a[l]), IndexRange(y, 0, 1)])
    assert prove_equal(-log(product), bce, with_it)
    assert not prove_equal(-log(product), bce, without)
    assert not prove_equal(-log(product), bce.xreplace({1 - y[l]: y[l]}), with_it)


t = Symbol("t", real=True)
z1, z2 = Symbol("z1", real=True), Symbol("z2", real=True)
REAL = Facts.from_hypotheses([Real(t), Real(z1), Real(z2)])


@pytest.mark.parametrize(("lhs", "rhs", "expected"), [
    # log arguments are reduced to one fraction before logs are expanded
    (log(1 - 1 / (1 + exp(-t))), log(1 / (1 + exp(t))), True),
    (log(1 - 1 / (1 + exp(-t))), log(1 / (1 + exp(-t))), False),
    # a real difference whose exponential cancels to 1 is zero
    (log(exp(z1) * exp(-z2) + 1), log(exp(z1) + exp(z2)) - z2, True),
    (log(exp(z1) * exp(-z2) + 1), log(exp(z1) + exp(z2)) + z2, False),
])
def test_logs_of_sums_of_exponentials(lhs, rhs, expected):
    assert prove_equal(lhs, rhs, REAL) is expected


def test_log_of_product_side_condition_knows_the_complement():
    from sympy import Symbol as S_

    from derivations import Derivation, Step, rules
    from derivations.checking.check import check_derivation

    a, y = S_("a", positive=True), S_("y", integer=True)
    start = log(a ** y * (1 - a) ** (1 - y))
    split = log(a ** y) + log((1 - a) ** (1 - y))
    with_it = Derivation(name="split", title="s", hypotheses=(IndexRange(y, 0, 1), UnitInterval(a)),
                         start=start, steps=(Step(split, rules.log_of_product, "split"),))
    assert check_derivation(with_it).ok
    without = Derivation(name="split", title="s", hypotheses=(IndexRange(y, 0, 1), Positive(a)),
                         start=start, steps=(Step(split, rules.log_of_product, "split"),))
    failure = check_derivation(without).first_failure()
    assert failure is not None and "every factor positive" in failure.reason
