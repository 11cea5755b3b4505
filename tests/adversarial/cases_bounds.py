"""Route: bounds by structure (``kernel/order.py``): monotone contexts, sums, extrema.

A careless author drops a term that may be negative, reads a range off by one, takes an index
past the end, claims a strict bound, takes a log of what may be negative, maximises over a
range that may be empty, or pushes an inequality through a context that is not monotone."""

from __future__ import annotations

from sympy import IndexedBase, Sum, Symbol, exp, log, oo

from derivations import (
    Derivation,
    IndexRange,
    MaxOver,
    MinOver,
    Nonnegative,
    Positive,
    Real,
    Relation,
    Size,
    Step,
    rules,
)
from tests.adversarial.corpus import false, true

k = Symbol("k", integer=True, positive=True)
n = Symbol("n", integer=True, nonnegative=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True, positive=True)
x = Symbol("x", real=True)
c = Symbol("c", nonnegative=True)
a = IndexedBase("a", nonnegative=True)
z = IndexedBase("z", real=True)
FAILS = "fails|undefined|no value|differ"


def _bound(name, hypotheses, low, high, relation=Relation.LE):
    return Derivation(name, "A bound", hypotheses, low, (
        Step(high, rules.inequality, "a bound", relation=relation),))


@true("bounds")
def log_sum_exp_between_the_max_and_the_max_plus_log_k():
    largest = MaxOver(z, 1, k)
    lse = log(Sum(exp(z[j]), (j, 1, k)))
    return Derivation("lse", "Log-sum-exp bounds", (Size(k), Real(z[j])), largest, (
        Step(lse, rules.inequality, "one term of the sum", relation=Relation.LE),
        Step(log(k * exp(largest)), rules.inequality, "every term at most the largest",
             relation=Relation.LE),
        Step(largest + log(k), rules.log_of_product, "the log of a product")))


@true("bounds")
def an_entry_is_at_most_a_sum_of_nonnegative_entries():
    return _bound("entry", (Size(k), IndexRange(y, 1, k), Nonnegative(a[j])),
                  a[y], Sum(a[j], (j, 1, k)))


@true("bounds")
def a_sum_of_exponentials_bounded_term_by_term():
    return _bound("termwise", (Size(k), Real(z[j]), Nonnegative(a[j])),
                  Sum(exp(z[j]), (j, 1, k)), Sum(exp(z[j] + a[j]), (j, 1, k)))


@true("bounds")
def the_min_is_at_most_the_mean_times_k():
    return _bound("min", (Size(k), Real(z[j])), k * MinOver(z, 1, k), Sum(z[j], (j, 1, k)))


@false("bounds", fails=FAILS)
def exp_in_the_wrong_direction():
    return _bound("exp", (Real(x), Nonnegative(c)), exp(x + c), exp(x))


@false("bounds", fails=FAILS)
def a_term_that_may_be_negative_dropped():
    return _bound("drop", (Size(k), IndexRange(y, 1, k), Real(z[j])), z[y], Sum(z[j], (j, 1, k)))


@false("bounds", fails=FAILS)
def a_range_off_by_one():
    return _bound("off", (Size(k), Nonnegative(a[j])),
                  Sum(a[j], (j, 1, k + 1)), Sum(a[j], (j, 1, k)))


@false("bounds", fails=FAILS)
def an_index_past_the_end_of_the_max():
    t = Symbol("t", integer=True, positive=True)
    return _bound("past", (Size(k), IndexRange(t, 1, k + 1), Real(z[j])), z[t], MaxOver(z, 1, k))


@false("bounds", fails=FAILS)
def the_log_of_what_may_be_negative():
    return _bound("log", (Real(x), Nonnegative(c)), log(x), log(x + c))


@false("bounds", fails=FAILS)
def a_max_over_a_range_that_may_be_empty():
    return _bound("empty", (IndexRange(n, 0, oo), Real(z[j])),
                  Sum(z[j], (j, 1, n)), n * MaxOver(z, 1, n))


@false("bounds", fails=FAILS)
def a_square_on_the_reals():
    return _bound("square", (Real(x), Nonnegative(c)), x**2, (x + c)**2)


@false("bounds", fails=FAILS)
def one_over_a_real():
    return _bound("reciprocal", (Real(x), Nonnegative(c)), 1 / (x + c), 1 / x)


@false("bounds", fails=FAILS)
def sums_over_shifted_ranges():
    return _bound("shifted", (Size(k), Nonnegative(a[j])),
                  Sum(a[j], (j, 1, k)), Sum(a[j], (j, 2, k + 1)))


@false("bounds", fails=FAILS)
def the_max_below_an_entry():
    return _bound("max", (Size(k), IndexRange(y, 1, k), Real(z[j])), MaxOver(z, 1, k), z[y])


@false("bounds", fails=FAILS)
def an_entry_strictly_below_a_sum_of_positive_entries():  # equal at k = 1
    w = IndexedBase("w", positive=True)
    return _bound("strict", (Size(k), IndexRange(y, 1, k), Positive(w[j])),
                  w[y], Sum(w[j], (j, 1, k)), Relation.LT)


@false("bounds", fails=FAILS)
def log_sum_exp_strictly_above_the_max():  # equal at k = 1
    return _bound("strict_lse", (Size(k), Real(z[j])),
                  MaxOver(z, 1, k), log(Sum(exp(z[j]), (j, 1, k))), Relation.LT)
