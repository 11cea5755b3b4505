"""Route 3, more: defined functions applied outside their formula's domain (a difference, a
size minus one, a simplex entry, a real where an integer is meant), definitions that do not
prove what they declare, and wrong unfoldings."""

from __future__ import annotations

from sympy import (
    IndexedBase,
    Integer,
    Lambda,
    Pow,
    Sum,
    Symbol,
    exp,
    log,
    sqrt,
)

from derivations import (
    Definition,
    Derivation,
    IndexRange,
    Positive,
    Real,
    Simplex,
    Size,
    Step,
    UnitInterval,
    named_function,
    rules,
)
from tests.adversarial.corpus import false, true

DOMAIN = "is defined for .* which is not known to be"


def _log_of_square(f, d, hypotheses, argument, name):
    """log(f(a)^2) = 2 log f(a): true only where f(a) > 0."""
    return Derivation(name, "a power out of a log", (*hypotheses, d), log(f(argument) ** 2), (
        Step(2 * log(f(argument)), rules.algebra, "a power out of the log"),))


@false("definitions", refused=DOMAIN)
def a_positive_log_applied_to_a_difference():
    t = Symbol("t_d1", positive=True)
    f = named_function("f_d1", "f_1({0})", positive=True)
    d = Definition(f, Lambda(t, t + 1))
    x, y = Symbol("x_d1", real=True), Symbol("y_d1", real=True)
    return _log_of_square(f, d, [Real(x), Real(y), Positive(t)], x - y, "difference")


@false("definitions", refused=DOMAIN)
def a_positive_definition_applied_to_a_size_minus_one():
    t = Symbol("t_d2", positive=True)
    f = named_function("f_d2", "f_2({0})", positive=True)
    d = Definition(f, Lambda(t, 1 / t))
    k = Symbol("k_d2", integer=True, positive=True)
    return _log_of_square(f, d, [Size(k), Positive(t)], k - 1, "size_minus_one")


@false("definitions", refused=DOMAIN)
def a_positive_definition_applied_to_a_simplex_entry():
    t = Symbol("t_d3", positive=True)
    f = named_function("f_d3", "f_3({0})", positive=True)
    d = Definition(f, Lambda(t, sqrt(t)))
    p = IndexedBase("p_d3", nonnegative=True)
    k = Symbol("k_d3", integer=True, positive=True)
    return _log_of_square(f, d, [Size(k), Simplex(p, k), Positive(t)], p[1], "simplex_entry")


@false("definitions", refused=DOMAIN)
def a_positive_definition_applied_below_a_unit_interval():
    t = Symbol("t_d4", positive=True)
    f = named_function("f_d4", "f_4({0})", positive=True)
    d = Definition(f, Lambda(t, t ** 2))
    a = Symbol("a_d4", positive=True)
    return _log_of_square(f, d, [UnitInterval(a), Positive(t)], a - 1, "unit_minus_one")


@false("definitions", fails="is defined for integer|differ")
def an_integer_definition_applied_to_a_real():
    n = Symbol("n_d5", integer=True)
    f = named_function("f_d5", "f_5({0})", integer=True)
    d = Definition(f, Lambda(n, n ** 2))
    x = Symbol("x_d5", real=True)
    return Derivation("integer_at_real", "an even power of -1", (Real(x), IndexRange(n, -9, 9), d),
                      Pow(-1, 2 * f(x), evaluate=False), (
                          Step(Integer(1), rules.algebra, "an even power of minus one"),))


@false("definitions", refused=DOMAIN)
def a_second_argument_outside_its_domain():
    s, t = Symbol("s_d6", real=True), Symbol("t_d6", positive=True)
    f = named_function("f_d6", "f_6({0}, {1})", positive=True)
    d = Definition(f, Lambda((s, t), t * exp(s)))
    x = Symbol("x_d6", real=True)
    return Derivation("second_arg", '$log f(x, -x^2)$', (Real(x), Real(s), Positive(t), d),
                      log(f(x, -x ** 2) ** 2), (
                          Step(2 * log(f(x, -x ** 2)), rules.algebra,
                               "a power out of the log"),))


@false("definitions", refused=DOMAIN)
def a_positive_definition_summed_from_zero():
    t = Symbol("t_d7", positive=True)
    f = named_function("f_d7", "f_7({0})", positive=True)
    d = Definition(f, Lambda(t, log(1 + t)))
    j = Symbol("j_d7", integer=True)
    k = Symbol("k_d7", integer=True, positive=True)
    return Derivation("from_zero", "sum of logs", (Size(k), Positive(t), d),
                      Sum(log(f(j) ** 2), (j, 0, k)), (
                          Step(Sum(2 * log(f(j)), (j, 0, k)), rules.algebra,
                               "a power out of each log"),))


@false("definitions", refused="declared positive but its definition")
def a_definition_that_does_not_prove_its_declared_positivity():
    t = Symbol("t_d8", real=True)
    f = named_function("f_d8", "f_8({0})", positive=True)
    d = Definition(f, Lambda(t, t - 1))
    x = Symbol("x_d8", real=True)
    return _log_of_square(f, d, [Real(x), Real(t)], x, "not_positive")


@false("definitions", refused="declared nonnegative but its definition")
def a_definition_declared_nonnegative_that_can_be_negative():
    t = Symbol("t_d9", real=True)
    f = named_function("f_d9", "f_9({0})", nonnegative=True)
    d = Definition(f, Lambda(t, t ** 3))
    x = Symbol("x_d9", real=True)
    return Derivation("nn_def", "a root", (Real(x), Real(t), d), sqrt(f(x) ** 2), (
        Step(f(x), rules.algebra, "a root of a square"),))


@false("definitions", fails="differ")
def a_square_unfolded_without_its_cross_term():
    t = Symbol("t_d10", real=True)
    f = named_function("f_d10", "f_{{10}}({0})")
    d = Definition(f, Lambda(t, t ** 2))
    x = Symbol("x_d10", real=True)
    return Derivation("unfold_sq", '$f(x + 1)$', (Real(x), Real(t), d), f(x + 1), (
        Step(x ** 2 + 1, rules.definition, "unfold f"),))


@false("definitions", fails="differ")
def a_two_argument_definition_unfolded_with_swapped_arguments():
    s, t = Symbol("s_d11", real=True), Symbol("t_d11", real=True)
    f = named_function("f_d11", "f_{{11}}({0}, {1})")
    d = Definition(f, Lambda((s, t), s - 2 * t))
    x, y = Symbol("x_d11", real=True), Symbol("y_d11", real=True)
    return Derivation("swapped", "f(x, y)", (Real(x), Real(y), Real(s), Real(t), d), f(x, y), (
        Step(y - 2 * x, rules.definition, "unfold f"),))


@false("definitions", fails="differ")
def a_sigmoid_complement_with_the_wrong_sign():
    t = Symbol("t_d12", real=True)
    sig = named_function("sig_d12", r"\sigma_{{12}}({0})", positive=True)
    d = Definition(sig, Lambda(t, 1 / (1 + exp(-t))))
    x = Symbol("x_d12", real=True)
    return Derivation("sig_wrong", "1 - sigma(x)", (Real(x), Real(t), d), 1 - sig(x), (
        Step(1 - 1 / (1 + exp(-x)), rules.definition, "unfold"),
        Step(sig(x), rules.definition, "fold back at x"),))


@true("definitions")
def a_sigmoid_and_its_mirror_sum_to_one():
    t = Symbol("t_e1", real=True)
    sig = named_function("sig_e1", r"\sigma_{{e}}({0})", positive=True)
    d = Definition(sig, Lambda(t, 1 / (1 + exp(-t))))
    x = Symbol("x_e1", real=True)
    return Derivation("sig_sum", "claim", (Real(x), Real(t), d),
                      sig(x) + sig(-x), (
                          Step(1 / (1 + exp(-x)) + 1 / (1 + exp(x)), rules.definition,
                               "unfold both"),
                          Step(Integer(1), rules.algebra, "a common denominator"),))


@true("definitions")
def a_square_unfolded_and_differenced():
    t = Symbol("t_e2", real=True)
    f = named_function("f_e2", "f_{{e}}({0})")
    d = Definition(f, Lambda(t, t ** 2))
    x = Symbol("x_e2", real=True)
    return Derivation("sq_diff", '$f(x + 1) - f(x)$', (Real(x), Real(t), d), f(x + 1) - f(x), (
        Step((x + 1) ** 2 - x ** 2, rules.definition, "unfold f twice"),
        Step(2 * x + 1, rules.algebra, "expand"),))


@true("definitions")
def a_defined_log_splits_over_positive_arguments():
    t = Symbol("t_e3", positive=True)
    g = named_function("g_e3", "g_{{e}}({0})", real=True)
    d = Definition(g, Lambda(t, log(t)))
    a, b = Symbol("a_e3", positive=True), Symbol("b_e3", positive=True)
    return Derivation("deflog", "g(ab)", (Positive(a), Positive(b), Positive(t), d), g(a * b), (
        Step(log(a * b), rules.definition, "unfold g"),
        Step(log(a) + log(b), rules.log_of_product, "both factors are positive"),
        Step(g(a) + g(b), rules.definition, "fold g"),))


@true("definitions")
def a_positive_definition_applied_to_a_shifted_unit_value():
    t = Symbol("t_e4", positive=True)
    f = named_function("f_e4", "h_{{e}}({0})", positive=True)
    d = Definition(f, Lambda(t, t ** 2))
    a = Symbol("a_e4", positive=True)
    return _log_of_square(f, d, [UnitInterval(a), Positive(t)], a + exp(-a), "unit_ok")
