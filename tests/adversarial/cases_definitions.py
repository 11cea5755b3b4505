"""Route 3: a defined function's declared properties hold on its formula's domain only; an
application outside that domain must not borrow them."""

from __future__ import annotations

from sympy import IndexedBase, Integer, Lambda, Sum, Symbol, exp, log, sqrt

from derivations import (
    Definition,
    Derivation,
    Positive,
    Real,
    Size,
    Step,
    named_function,
    rules,
)
from tests.adversarial.corpus import false, true

k = Symbol("k", integer=True, positive=True)
x, y = Symbol("x", real=True), Symbol("y", real=True)
t_pos = Symbol("t", positive=True)
t = Symbol("t", real=True)
DOMAIN = "is defined for positive t .* which is not known to be positive"


def _identity_positive():
    """f(t) = 2t for t > 0 (the domain displayed as the hypothesis t > 0), declared positive."""
    f = named_function("f", "f({0})", positive=True)
    return f, Definition(f, Lambda(t_pos, 2 * t_pos))


@false("definitions", refused=DOMAIN)
def a_positive_identity_splits_the_log_of_reals():
    f, d = _identity_positive()
    return Derivation("split", "log f(x) f(y)", (Real(x), Real(y), Positive(t_pos), d),
                      log(f(x) * f(y)), (
        Step(log(f(x)) + log(f(y)), rules.log_of_product, "the log of a product"),))


@false("definitions", refused=DOMAIN)
def a_positive_root_at_minus_one():
    f = named_function("f", "f({0})", positive=True)
    d = Definition(f, Lambda(t_pos, sqrt(t_pos)))
    return Derivation("root", "$f(-1)$ squared", (Positive(t_pos), d), log(f(Integer(-1)) ** 2), (
        Step(2 * log(f(Integer(-1))), rules.algebra, "a power out of the log"),))


@false("definitions", refused="summation variable j .* is declared positive")
def a_positive_summation_variable_summed_from_minus_two():
    f, d = _identity_positive()
    j = Symbol("j", integer=True, positive=True)
    return Derivation("sum", "sum of logs", (Positive(t_pos), d),
                      Sum(log(f(j) ** 2), (j, -2, 2)), (
        Step(Sum(2 * log(f(j)), (j, -2, 2)), rules.algebra, "a power out of the log"),))


@false("definitions", refused=DOMAIN)
def a_defined_function_inside_a_transform():
    from derivations import Argmax, Parameter

    theta = Symbol("theta", real=True)
    g = named_function("g", "g({0})", real=True)
    d = Definition(g, Lambda(t_pos, log(t_pos)))
    u = Symbol("u")
    objective = -(theta - 1) ** 2
    return Derivation("transformed", "arg max", (Parameter(theta), Positive(t_pos), d),
                      Argmax(objective, theta), (
        Step(Argmax(g(objective), theta), rules.monotone(Lambda(u, g(u))), "g increases"),))


@true("definitions")
def a_positive_definition_applied_to_positive_arguments():
    f, d = _identity_positive()
    a, b = Symbol("a", positive=True), Symbol("b", positive=True)
    return Derivation("split", "log f(a) f(b)", (Positive(a), Positive(b), Positive(t_pos), d),
                      log(f(a) * f(b)), (
                          Step(log(f(a)) + log(f(b)), rules.log_of_product,
                               "the log of a product"),))


@true("definitions")
def a_real_definition_applied_to_a_sum_of_reals():
    s = named_function("s", r"\sigma({0})", positive=True)
    d = Definition(s, Lambda(t, 1 / (1 + exp(-t))))
    return Derivation("sigmoid_log", "log sigmoid", (Real(x), Real(y), Real(t), d),
                      log(s(x + y) * s(x - y)), (
                          Step(log(s(x + y)) + log(s(x - y)), rules.log_of_product,
                               "the log of a product"),))


@true("definitions")
def an_integer_definition_applied_in_a_sum():
    q = IndexedBase("q", positive=True)
    c = Symbol("c")
    j = Symbol("j", integer=True)
    w = named_function("w", "w_{{{0}}}", positive=True)
    d = Definition(w, Lambda(c, 2 * q[c]))
    return Derivation("weights", "sum of weights", (Size(k), Positive(q[c]), d),
                      Sum(w(j), (j, 1, k)), (
                          Step(2 * Sum(q[j], (j, 1, k)), rules.definition, "step"),))
