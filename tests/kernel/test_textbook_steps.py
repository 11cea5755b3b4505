"""Kernel judgements added for the gallery's textbook steps (``docs/gallery/textbook_steps.py``),
each with the false statements next to it that the same judgement must not prove."""

from __future__ import annotations

from sympy import (
    Derivative,
    Eq,
    IndexedBase,
    Integer,
    Max,
    Min,
    Piecewise,
    Sum,
    Symbol,
    cosh,
    exp,
    log,
    sinh,
    tanh,
)

from derivations.kernel import judge
from derivations.kernel.positivity import is_nonnegative, is_strictly_positive
from derivations.language.hypotheses import (
    Facts,
    IndexRange,
    Real,
    Size,
    UnitInterval,
)

a = Symbol("a", real=True)
u = Symbol("u", real=True)
v = Symbol("v", real=True)
M = Symbol("M", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
w = IndexedBase("w", real=True)
x = IndexedBase("x", real=True)
z = IndexedBase("z", real=True)
theta = Symbol("theta", positive=True)
REALS = Facts.from_hypotheses([Real(a), Real(u), Real(v)])


def _sigma(t):
    return 1 / (1 + exp(-t))


def test_the_chain_rule_through_a_sum_inside_a_sigmoid():
    facts = Facts.from_hypotheses([Size(M), Real(w[i]), Real(x[i]), IndexRange(j, 1, M)])
    s = _sigma(Sum(w[i] * x[i], (i, 1, M)))
    assert judge.proves_equal(Derivative(s, w[j]), s * (1 - s) * x[j], facts)
    assert not judge.proves_equal(Derivative(s, w[j]), s * x[j], facts)
    assert not judge.proves_equal(Derivative(s, w[j]), s * (1 - s) * x[i], facts)
    # j outside the range: the delta does not collapse, nothing is proved
    loose = Facts.from_hypotheses([Size(M), Real(w[i]), Real(x[i]), IndexRange(j, 1, M + 1)])
    assert not judge.proves_equal(Derivative(s, w[j]), s * (1 - s) * x[j], loose)


def test_a_sum_over_one_denominator_shows_its_sign():
    assert is_strictly_positive(1 - _sigma(a), REALS)
    assert is_nonnegative(1 - 1 / (1 + a ** 2), REALS)
    assert not is_nonnegative(1 - 2 * _sigma(a), REALS)  # negative for a < 0
    assert not is_strictly_positive(1 - 1 / (1 + a ** 2), REALS)  # 0 at a = 0


def test_a_multiple_of_one_minus_a_unit_interval_quantity_is_positive():
    facts = Facts.from_hypotheses([UnitInterval(theta)])
    assert is_strictly_positive(2 - 2 * theta, facts)
    assert not is_strictly_positive(2 - 3 * theta, facts)
    assert not is_strictly_positive(-2 + 2 * theta, facts)
    assert not judge.may_be_undefined((1 - theta) * log(2 - 2 * theta), facts)


def test_a_piecewise_with_an_otherwise_branch_is_defined_where_its_branches_are():
    t = Symbol("t", integer=True)
    facts = Facts.from_hypotheses([IndexRange(t, 0, 1), UnitInterval(theta)])
    cases = Piecewise((-log(theta), Eq(t, 1)), (-log(1 - theta), True))
    assert not judge.may_be_undefined(cases, facts)
    assert judge.may_be_undefined(Piecewise((-log(theta - 2), Eq(t, 1)), (Integer(0), True)),
                                  facts)  # a branch that is undefined
    assert judge.proves_by_cases(lambda p, q: judge.proves_equal(p, q, facts),
                                 -log(theta ** t * (1 - theta) ** (1 - t)), cases,
                                 facts) is not None


def test_max_and_min_of_finitely_many_arguments():
    assert judge.proves_order(u, Max(0, u), REALS, strict=False)
    assert judge.proves_order(Max(0, -u), log(1 + exp(-u)), REALS, strict=False)
    assert judge.proves_order(Min(u, v), v, REALS, strict=False)
    assert not judge.proves_order(Max(0, u), u, REALS, strict=False)
    assert not judge.proves_order(u, Min(0, u), REALS, strict=False)
    assert not judge.proves_order(Max(u, v), u, REALS, strict=False)
    assert not judge.proves_order(u, Max(0, u), REALS, strict=True)  # equal where u > 0


def test_a_term_moves_across_an_inequality():
    k = Symbol("k", integer=True, positive=True)
    facts = Facts.from_hypotheses([Size(k), Real(z[j]), IndexRange(y, 1, k)])
    lse = log(Sum(exp(z[j]), (j, 1, k)))
    assert judge.proves_order(Integer(0), lse - z[y], facts, strict=False)
    assert not judge.proves_order(Integer(0), z[y] - lse, facts, strict=False)
    assert not judge.proves_order(Integer(0), lse - z[y], facts, strict=True)  # k = 1


def test_hyperbolic_functions_are_ratios_of_exponentials():
    assert judge.proves_equal(tanh(a), (exp(a) - exp(-a)) / (exp(a) + exp(-a)), REALS)
    assert judge.proves_equal((1 + tanh(a / 2)) / 2, _sigma(a), REALS)
    assert judge.proves_equal(cosh(a) ** 2 - sinh(a) ** 2, Integer(1), REALS)
    assert not judge.proves_equal(tanh(a), _sigma(a), REALS)
