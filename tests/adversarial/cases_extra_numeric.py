"""Route 7, more: claims true only on a small box of values or sizes, and tiny differences next
to huge terms; the honest identities with huge constants must still be proved."""

from __future__ import annotations

from sympy import Integer, Rational, Symbol, ceiling, exp, floor, log, sqrt

from derivations import (
    Derivation,
    IndexRange,
    Positive,
    Real,
    Relation,
    Size,
    Step,
    rules,
)
from tests.adversarial.corpus import false, true

DIFFER = "the two sides differ|fails"


def _eq(name, hypotheses, start, end, rule=rules.algebra, relation=None):
    return Derivation(name, name.replace("_", " "), tuple(hypotheses), start, (
        Step(end, rule, "it is so", relation=relation),))


@false("numeric", fails=DIFFER)
def a_root_of_a_huge_square_plus_one():
    return _eq("huge_root", [], sqrt(Integer(10) ** 60 + 1), Integer(10) ** 30)


@false("numeric", fails=DIFFER)
def a_tiny_shift_inside_an_exponential():
    x = Symbol("x_n2", real=True)
    return _eq("tiny_exp", [Real(x)], exp(x + Integer(10) ** -50), exp(x))


@false("numeric", fails=DIFFER)
def one_copy_next_to_a_power_of_two_copies():
    a = Symbol("a_n3", positive=True)
    return _eq("pow_two", [Positive(a)], 2 ** 200 * a + a, 2 ** 200 * a)


@false("numeric", fails=DIFFER)
def a_reciprocal_with_a_tiny_extra_term():
    a = Symbol("a_n4", positive=True)
    return _eq("tiny_recip", [Positive(a)], 1 / (Integer(10) ** 40 + a), Integer(10) ** -40)


@false("numeric", fails=DIFFER)
def a_floor_of_a_real_over_a_huge_number():
    x = Symbol("x_n5", real=True)
    return _eq("huge_floor", [Real(x)], floor(x / Integer(10) ** 30), Integer(0))


@false("numeric", fails=DIFFER)
def a_count_divided_by_a_large_prime():
    n = Symbol("n_n6", integer=True, nonnegative=True)
    return _eq("prime_div", [IndexRange(n, 0, 10 ** 9)], floor(n / 999983), Integer(0))


@false("numeric", fails=DIFFER)
def a_remainder_that_is_never_large():
    n = Symbol("n_n7", integer=True, nonnegative=True)
    remainder = n - 10 ** 6 * floor(n / 10 ** 6)  # n mod 10^6
    return _eq("mod_small", [IndexRange(n, 0, 10 ** 9)], floor(remainder / 10 ** 5), Integer(0))


@false("numeric", fails=DIFFER)
def a_ceiling_and_floor_of_a_log_size_one_apart():
    k = Symbol("k_n8", integer=True, positive=True)
    return _eq("ceil_log", [Size(k)], ceiling(log(k) / log(2)) - floor(log(k) / log(2)),
               Integer(1))


@false("numeric", fails="inequality")
def an_exponential_below_a_polynomial_for_small_sizes():
    k = Symbol("k_n9", integer=True, positive=True)
    return _eq("exp_poly", [Size(k)], 2 ** k, k ** 10, rules.inequality, Relation.LE)


@false("numeric", fails="inequality")
def a_size_bounded_by_twenty():
    k = Symbol("k_n10", integer=True, positive=True)
    return _eq("size_box", [Size(k)], k, Integer(20), rules.inequality, Relation.LE)


@false("numeric", fails="inequality")
def a_square_bounded_by_its_value_at_a_hundred():
    x = Symbol("x_n11", real=True)
    return _eq("square_box", [Real(x)], x ** 2, Integer(10) ** 4, rules.inequality,
               Relation.LE)


@true("numeric")
def a_square_with_a_huge_coefficient_expanded():
    a = Symbol("a_t1n", positive=True)
    big = Integer(10) ** 40
    return _eq("huge_square", [Positive(a)], (big * a + 1) ** 2,
               big ** 2 * a ** 2 + 2 * big * a + 1)


@true("numeric")
def a_log_of_a_huge_multiple():
    a = Symbol("a_t2n", positive=True)
    return _eq("huge_log", [Positive(a)], log(Integer(10) ** 40 * a), 40 * log(10) + log(a),
               rules.log_of_product)


@true("numeric")
def an_exponential_with_a_large_shift():
    x = Symbol("x_t3n", real=True)
    return _eq("exp_shift", [Real(x)], exp(x + 100) * exp(-x), exp(100))


@true("numeric")
def a_tiny_rational_kept_exactly():
    a = Symbol("a_t4n", positive=True)
    tiny = Rational(1, 10 ** 40)
    return _eq("tiny_exact", [Positive(a)], (a + tiny) ** 2 - a ** 2, 2 * tiny * a + tiny ** 2)
