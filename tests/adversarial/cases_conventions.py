"""Route 6: conventions nobody chose: reversed and non-integer ranges, a binder's own
assumptions, derivatives with respect to integers, 0/0 cancelled, contradictory or circular
definitions, a Kronecker delta with a range."""

from __future__ import annotations

from sympy import (
    Derivative,
    Integer,
    KroneckerDelta,
    Lambda,
    Product,
    Rational,
    Sum,
    Symbol,
    log,
)

from derivations import (
    Definition,
    Derivation,
    IndexRange,
    Positive,
    Real,
    Size,
    Step,
    named_function,
    rules,
)
from tests.adversarial.corpus import false, true

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
n = Symbol("n", integer=True)
x = Symbol("x", real=True)
t = Symbol("t")
BACKWARDS = "may run backwards"


@false("conventions", refused=BACKWARDS)
def a_count_over_a_range_that_may_be_reversed():
    return Derivation("count", "sum of ones", (IndexRange(n, -5, 5),), Sum(1, (j, 1, n)), (
        Step(n, rules.algebra, "n ones"),))


@false("conventions", refused=BACKWARDS)
def a_power_over_a_range_that_may_be_reversed():
    return Derivation("power", "product of twos", (IndexRange(n, -5, 5),),
                      Product(2, (j, 1, n)), (Step(2 ** n, rules.algebra, "n twos"),))


@false("conventions", refused=BACKWARDS)
def a_telescoping_sum_below_its_start():
    a = named_function("a", "a_{{{0}}}")
    return Derivation("telescope", "telescoping", (IndexRange(n, -3, 3),),
                      Sum(a(j + 1) - a(j), (j, 1, n)), (
                          Step(a(n + 1) - a(Integer(1)), rules.algebra, "telescoping"),))


@false("conventions", refused="not known to be an integer")
def a_sum_between_half_integers():
    return Derivation("half", "half steps", (), Sum((-1) ** (2 * j), (j, Rational(1, 2),
                                                                     Rational(5, 2))), (
        Step(Integer(3), rules.algebra, "three ones"),))


@false("conventions", refused="declared positive")
def a_summation_variable_declared_positive_summed_through_zero():
    jp = Symbol("j", integer=True, positive=True)
    return Derivation("abs_sum", "sum of |j|", (), Sum(abs(jp), (jp, -3, 3)), (
        Step(Sum(jp, (jp, -3, 3)), rules.algebra, "j is positive"),))


@false("conventions", refused="occurs in its own bounds")
def a_summation_variable_in_its_own_bounds():
    return Derivation("own", "own bounds", (Size(k), IndexRange(j, 1, k)),
                      Sum(j ** 2, (j, j, j + 1)), (
        Step(Sum(j ** 2, (j, 1, 2)), rules.algebra, "rename"),))


@false("conventions", refused="an integer")
def a_derivative_with_respect_to_the_size():
    return Derivation("dsize", "d/dk", (Size(k),), Derivative(Sum(1, (j, 1, k)), k), (
        Step(Integer(1), rules.algebra, "one more term"),))


@false("conventions", refused="defined twice")
def two_definitions_of_one_function():
    f = named_function("f", "f({0})")
    return Derivation("twice", "claim", (Real(x), Definition(f, Lambda(t, t)),
                                           Definition(f, Lambda(t, t + 1))), f(x), (
        Step(x, rules.definition, "the definition"),))


@false("conventions", refused="in a cycle")
def definitions_in_a_cycle():
    f = named_function("f", "f({0})")
    g = named_function("g", "g({0})")
    return Derivation("cycle", "claim", (Real(x), Definition(f, Lambda(t, g(t))),
                                         Definition(g, Lambda(t, f(t)))), f(x), (
        Step(g(x), rules.definition, "the definitions"),))


@false("conventions", refused="compares two")
def a_kronecker_delta_with_a_range():
    y = Symbol("y", integer=True)
    return Derivation("delta", "delta", (IndexRange(j, 1, 3), IndexRange(y, 1, 3)),
                      KroneckerDelta(j, y, (1, 3)), (
                          Step(KroneckerDelta(j, y), rules.algebra, "the same"),))


@false("conventions", fails="the two sides differ|no proof")
def a_cancelled_zero_over_zero_is_not_symbolic():
    c = Symbol("c", integer=True)
    d = Derivation("cancel", "claim", (IndexRange(c, 0, 3),),
                   (c ** 2 - 1) / (c - 1), (Step(c + 1, rules.algebra, "cancel c - 1"),))
    return d


@true("conventions")
def a_count_over_a_forward_range():
    m = Symbol("m", integer=True, nonnegative=True)
    return Derivation("count", "sum of ones", (IndexRange(m, 0, 5),), Sum(1, (j, 1, m)), (
        Step(m, rules.algebra, "m ones"),))


@true("conventions")
def an_empty_sum_at_the_lower_end():
    return Derivation("empty", "sum up to k - 1", (Size(k),), Sum(1, (j, 1, k - 1)), (
        Step(k - 1, rules.algebra, "k - 1 ones"),))


@true("conventions")
def a_cancellation_with_a_positive_denominator():
    a = Symbol("a", positive=True)
    return Derivation("cancel_pos", "claim", (Positive(a),), (a ** 2 + a) / a, (
        Step(a + 1, rules.algebra, "cancel a"),))


@true("conventions")
def a_log_of_a_positive_power():
    a = Symbol("a", positive=True)
    return Derivation("log_power", '$log a^3$', (Positive(a),), log(a ** 3), (
        Step(3 * log(a), rules.algebra, "the power comes out"),))
