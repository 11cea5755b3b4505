"""Where ``xlogy(x, y)`` (``x log y`` with ``0 log y = 0``) has a value, as the kernel judges it:
wherever ``x`` is 0, and elsewhere only where ``y`` has a positive value. A term the kernel cannot
show defined must not be cancelled by algebra (red-team s07: ``(F + 1)^2 - F^2 - 2F = 1``)."""

from __future__ import annotations

from sympy import IndexedBase, Integer, KroneckerDelta, Lambda, Sum, Symbol

from derivations.kernel import judge
from derivations.language.hypotheses import (
    Definition,
    Facts,
    IndexRange,
    Nonnegative,
    Positive,
    Real,
    Size,
    UnitInterval,
)
from derivations.language.notation import XLogY, named_function

x = Symbol("x", real=True)
w = Symbol("w", nonnegative=True)
a = Symbol("a", positive=True)
k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
p, q = IndexedBase("p", nonnegative=True), IndexedBase("q", positive=True)


def _square(term):
    return (term + 1) ** 2 - term ** 2 - 2 * term


def test_a_weight_that_may_be_nonzero_where_the_argument_is_zero_is_not_cancelled():
    """s07: xlogy(x, w) is x log 0 at x = 1, w = 0, so the expanded square has no value."""
    facts = Facts.from_hypotheses([Real(x), Nonnegative(w)])
    assert judge.undefined_xlogy(XLogY(x, w), facts) == XLogY(x, w)
    assert not judge.proves_equal(_square(XLogY(x, w)), Integer(1), facts)
    r = Symbol("r", real=True)
    real = Facts.from_hypotheses([Real(x), Real(r)])  # log of a negative argument
    assert not judge.proves_equal(_square(XLogY(x, r)), Integer(1), real)


def test_a_positive_argument_or_the_weight_itself_is_defined():
    positive = Symbol("v", positive=True)
    facts = Facts.from_hypotheses([Real(x), Nonnegative(w), Positive(positive)])
    assert judge.proves_equal(_square(XLogY(x, positive)), Integer(1), facts)
    assert judge.proves_equal(_square(XLogY(w, w)), Integer(1), facts)  # 0 log 0 = 0
    assert judge.proves_equal(_square(XLogY(w, w / positive)), Integer(1), facts)


def test_a_weight_that_may_be_negative_is_not_its_own_argument():
    """xlogy(x, x) for a real x is x log x: complex where x < 0."""
    facts = Facts.from_hypotheses([Real(x)])
    assert judge.undefined_xlogy(XLogY(x, x), facts) is not None


def test_a_denominator_must_bound_the_weight():
    """xlogy(u, u / v) for u, v >= 0 is u log(u / 0) where v = 0 < u; with u <= v it is 0 there."""
    u, v = Symbol("u", nonnegative=True), Symbol("v", nonnegative=True)
    facts = Facts.from_hypotheses([Nonnegative(u), Nonnegative(v)])
    assert judge.undefined_xlogy(XLogY(u, u / v), facts) is not None
    bounded = Facts.from_hypotheses([Nonnegative(u), UnitInterval(v)])
    assert judge.undefined_xlogy(XLogY(u, u / v), bounded) is not None  # v in (0,1), u any
    assert judge.undefined_xlogy(XLogY(v * u, v * u / u), facts) is not None


def test_empirical_frequencies_bound_each_other():
    """A pair's empirical frequency is at most its input's: where the input was never seen,
    the pair's weight is 0 too, and its term is 0 by the convention."""
    m = Symbol("m", integer=True, positive=True)
    i, s, t, c, u = (Symbol(n, integer=True) for n in "istcu")
    xs, ys = IndexedBase("xs"), IndexedBase("ys")
    pair, single = named_function("pair", "P({0}, {1})"), named_function("single", "P({0})")
    facts = Facts.from_hypotheses([
        Size(m), IndexRange(xs[i], 1, k), IndexRange(ys[i], 1, k),
        Definition(pair, Lambda((s, t), Sum(KroneckerDelta(s, xs[i]) * KroneckerDelta(t, ys[i]),
                                            (i, 1, m)) / m)),
        Definition(single, Lambda(s, Sum(KroneckerDelta(s, xs[i]), (i, 1, m)) / m))])
    assert judge.undefined_xlogy(XLogY(pair(u, c), pair(u, c) / single(u)), facts) is None
    assert judge.undefined_xlogy(XLogY(single(u), single(u) / pair(u, c)), facts) is not None


def test_a_sum_is_judged_at_each_index_of_its_range():
    """Over a range, the term is judged at a generic index, with the range as a hypothesis;
    over two or three constant indices, at each of them."""
    facts = Facts.from_hypotheses([Size(k), IndexRange(j, 1, k), Nonnegative(p[j]),
                                   Positive(q[j])])
    assert judge.undefined_xlogy(Sum(XLogY(p[j], q[j]), (j, 1, k)), facts) is None
    assert judge.may_be_undefined(Sum(XLogY(q[j], p[j]), (j, 1, k)), facts)  # q_j log 0
    assert judge.undefined_xlogy(Sum(XLogY(x, p[j]), (j, 1, k)), facts) is not None
    pair = a * KroneckerDelta(1, j) + (1 - a) * KroneckerDelta(2, j)
    unit = Facts.from_hypotheses([UnitInterval(a), Real(x)])
    assert judge.undefined_xlogy(Sum(XLogY(x, pair), (j, 1, 2)), unit) is None
    assert judge.undefined_xlogy(Sum(XLogY(x, pair), (j, 1, 3)), unit) is not None  # j = 3: 0
