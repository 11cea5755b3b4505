"""Route 7: numeric evidence that is cheap to fake: a tolerance that absorbs a real difference,
a small box of values and sizes, unbounded ranges, seeds from names."""

from __future__ import annotations

from sympy import Integer, Sum, Symbol, exp, log, oo

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

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
x = Symbol("x", real=True)
a = Symbol("a", positive=True)
DIFFER = "the two sides differ|fails"


@false("numeric", fails=DIFFER)
def one_next_to_a_huge_rational_term():
    big = Integer(10) ** 40
    return Derivation("huge", "a huge term", (Positive(a),), big * a + 1, (
        Step(big * a, rules.algebra, "one is nothing next to it"),))


@false("numeric", fails=DIFFER)
def one_next_to_a_huge_transcendental_term():
    big = Integer(10) ** 40
    return Derivation("huge_exp", "a huge term", (Real(x),), big * exp(x) + 1, (
        Step(big * exp(x), rules.algebra, "one is nothing next to it"),))


@false("numeric", fails=DIFFER)
def a_tiny_difference_in_a_logarithm():
    tiny = Integer(10) ** -40
    return Derivation("tiny_log", "a tiny shift", (Positive(a),), log(a + tiny), (
        Step(log(a), rules.algebra, "the shift is too small to matter"),))


@false("numeric", fails="inequality")
def a_bound_true_only_on_a_small_box():
    return Derivation("small_box", "claim", (Real(x),), x ** 2, (
        Step(Integer(10) ** 8, rules.inequality, "squares are small", relation=Relation.LE),))


@false("numeric", fails="inequality")
def a_positive_value_bounded_by_a_million():
    return Derivation("bounded", "claim", (Positive(a),), a, (
        Step(Integer(10) ** 5, rules.inequality, "positive values are small",
             relation=Relation.LE),))


@false("numeric", fails="inequality")
def a_count_true_only_for_sizes_up_to_twelve():
    return Derivation("small_sizes", "claim", (Size(k),), Sum(1, (j, 1, k)), (
        Step(Integer(12), rules.inequality, "there are few classes", relation=Relation.LE),))


@false("numeric", fails="inequality")
def a_label_bounded_on_an_unbounded_range():
    y = Symbol("y", integer=True)
    return Derivation("unbounded", "claim", (IndexRange(y, -oo, oo),), y, (
        Step(Integer(20), rules.inequality, "labels are small", relation=Relation.LE),))


@false("numeric", fails="inequality")
def a_count_bounded_far_from_its_start():
    n = Symbol("n", integer=True, nonnegative=True)
    return Derivation("counts", "claim", (IndexRange(n, 0, oo),), n, (
        Step(Integer(30), rules.inequality, "counts are small", relation=Relation.LE),))


@true("numeric")
def an_identity_on_an_unbounded_range_is_cross_checked():
    y = Symbol("y", integer=True)
    return Derivation("shift", "claim", (IndexRange(y, -oo, oo),), (y + 1) ** 2 - 1, (
        Step(y ** 2 + 2 * y, rules.algebra, "expand"),))


@true("numeric")
def a_log_identity_at_every_magnitude():
    b = Symbol("b", positive=True)
    return Derivation("log_split", "log ab", (Positive(a), Positive(b)), log(a * b), (
        Step(log(a) + log(b), rules.log_of_product, "the log of a product"),))
