"""Route 7, numeric evidence cheap to fake, at the points where formulas break down: a step
wrong only where a denominator, a log's argument or the argument of |x| vanishes, or only at
0, 1 or -1, passes every random rational. The sampler now draws those values now and then,
and makes critical subexpressions vanish (one or two at a time) where a rational root lies in
the domain; the kernel and the sized prover refuse derivatives through a kink. And route 5:
a plain product c log y that prints as the weighted log the notation reads with 0 log 0 = 0."""

from __future__ import annotations

from sympy import Abs, Derivative, IndexedBase, Integer, Sum, Symbol, log, sign

from derivations import (
    Derivation,
    IndexRange,
    Nonnegative,
    Positive,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    rules,
    xlogy,
)
from tests.adversarial.corpus import false, true

u = Symbol("u_sp", real=True)
v = Symbol("v_sp", real=True)
w = Symbol("w_sp", real=True)
s = Symbol("s_sp", positive=True)
n = Symbol("n_sp", nonnegative=True)
k = Symbol("k", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", nonnegative=True)
q = IndexedBase("q", positive=True)


def _one(name: str, hyps: list, start, expr, rule=rules.algebra,
         relation: Relation = Relation.EQ) -> Derivation:
    return Derivation(name, "Claim", tuple(hyps), start, (
        Step(expr, rule, "as claimed", relation=relation),))


@false("numeric", fails="differ")
def a_removable_looking_pole_cancelled():
    """(u^2 - u)/(u - 1) = u, false at u = 1 (the left side is undefined there)."""
    return _one("pole_cancel", [Real(u)], (u ** 2 - u) / (u - 1), u)


@false("numeric", fails="differ")
def a_pole_at_two_cancelled_against_a_sum():
    """(u v - 2 v)/(u - 2) = v: undefined at u = 2 on the left only."""
    return _one("pole_two", [Real(u), Real(v)], (u * v - 2 * v) / (u - 2), v)


@false("numeric", fails="differ")
def a_log_of_a_ratio_whose_numerator_may_vanish():
    """log(s (u^2 - 1) / ((u - 1)(u + 1))) = log s: undefined at u = 1 and u = -1 on the
    left."""
    return _one("log_ratio_pole", [Positive(s), Real(u)],
                log(s * (u ** 2 - 1) / ((u - 1) * (u + 1))), log(s))


@false("numeric", fails="differ")
def the_derivative_of_an_absolute_value_is_its_sign():
    return _one("abs_sign", [Real(u)], Derivative(Abs(u), u), sign(u))


@false("numeric", fails="differ")
def the_derivative_of_a_shifted_absolute_value():
    """d|u - 1|/du = sign(u - 1): no derivative at u = 1."""
    return _one("abs_shift", [Real(u)], Derivative(Abs(u - 1), u), sign(u - 1))


@false("numeric", fails="differ|undecided|cannot")
def the_gradient_of_an_l1_penalty_entry_by_entry():
    z = IndexedBase("z_sp", real=True)
    return _one("l1_grad", [Size(k), IndexRange(i, 1, k), Real(z[j])],
                Derivative(Sum(Abs(z[j]), (j, 1, k)), z[i]), sign(z[i]))


@false("numeric", fails="fails")
def an_inverse_square_above_zero_everywhere():
    """0 <= 1/(u - 3)^2: undefined at u = 3, where the right side has no value."""
    return _one("inverse_square_shift", [Real(u)], Integer(0), 1 / (u - 3) ** 2,
                rules.inequality, Relation.LE)


@false("numeric", fails="differ")
def a_weighted_log_split_by_weights_that_cancel():
    """xlogy(u + v, n) = xlogy(u, n) + xlogy(v, n): false at n = 0 with u = -v != 0 (the left
    side is 0 by the convention, the right side undefined)."""
    return _one("xlogy_split", [Real(u), Real(v), Nonnegative(n)], xlogy(u + v, n),
                xlogy(u, n) + xlogy(v, n))


@false("numeric", fails="differ")
def a_special_value_identity_true_only_at_random_points():
    """u (u - 1)(u + 1) / (u^3 - u) = 1: the left side is undefined at 0, 1 and -1."""
    return _one("cubic_poles", [Real(u)], u * (u - 1) * (u + 1) / (u ** 3 - u), Integer(1))


@false("printing", fails="weighted log")
def a_plain_weighted_log_that_prints_like_xlogy():
    """(u + v) log n = u log n + v log n, with plain logs: checked where defined, but printed
    as weighted logs that the notation reads with 0 log 0 = 0, under which it is false."""
    return _one("plain_split", [Real(u), Real(v), Nonnegative(n)], (u + v) * log(n),
                u * log(n) + v * log(n))


@false("printing", fails="weighted log")
def a_plain_cross_entropy_with_a_target_that_may_vanish():
    """-sum p_j log p_j written with plain logs, p on a simplex (entries may be 0)."""
    return _one("plain_entropy", [Size(k), Simplex(p, k)],
                -Sum(p[j] * log(p[j]), (j, 1, k)), -Sum(log(p[j]) * p[j], (j, 1, k)))


@true("printing")
def a_plain_weighted_log_of_a_positive_argument():
    """Where the log's argument is positive, both readings agree: plain logs are fine."""
    return _one("plain_positive", [Real(u), Real(v), Positive(s)], (u + v) * log(s),
                u * log(s) + v * log(s))


@true("printing")
def a_plain_log_with_a_weight_that_never_vanishes():
    return _one("plain_nonzero_weight", [Positive(s), Nonnegative(n)], (s + 1) * log(n + s),
                s * log(n + s) + log(n + s))


@true("numeric")
def a_cancelled_factor_that_never_vanishes():
    return _one("cancel_positive", [Real(u)], (u ** 3 + u) / (u ** 2 + 1), u)


@true("numeric")
def the_derivative_of_an_absolute_value_of_a_positive_quantity():
    return _one("abs_positive", [Positive(s)], Derivative(Abs(s), s), Integer(1))


@true("numeric")
def the_square_of_an_absolute_value():
    return _one("abs_square", [Real(u)], Abs(u) ** 2, u ** 2)


@true("numeric")
def a_cross_entropy_term_split_with_the_convention():
    """xlogy(p_j, p_j / q_j) = xlogy(p_j, p_j) - xlogy(p_j, q_j) with q positive: true where
    p_j = 0 as well (both sides are 0)."""
    return _one("xlogy_ratio", [Size(k), Simplex(p, k), Positive(q[j]), IndexRange(i, 1, k)],
                xlogy(p[i], p[i] / q[i]), xlogy(p[i], p[i]) - xlogy(p[i], q[i]))
