"""Optimiser steps: transforms that do not keep the optimiser (a decreasing map keeping arg max,
a map that depends on the parameter, a log of an objective that may be non-positive, a map that
is not monotone) next to the honest transforms (log, negation, -log, a positive factor, a
constant)."""

from __future__ import annotations

from sympy import IndexedBase, Integer, Lambda, Rational, Sum, Symbol, exp, log

from derivations import (
    Argmax,
    Argmin,
    Derivation,
    Parameter,
    Positive,
    Real,
    Size,
    Step,
    rules,
)
from tests.adversarial.corpus import false, true

u = Symbol("u")


def _opt(name, hypotheses, start, new, rule):
    return Derivation(name, name.replace("_", " "), tuple(hypotheses), start, (
        Step(new, rule, "a transform of the objective"),))


def _theta(tag):
    return Symbol(f"theta_{tag}", real=True)


# --- false ---------------------------------------------------------------------------------


@false("optimisers", fails="decreasing|arg ?max|arg ?min|sense|not")
def negation_keeping_arg_max():
    th = _theta("o1")
    f = -(th - 1) ** 2
    return _opt("neg_keep", [Parameter(th)], Argmax(f, th), Argmax(-f, th), rules.negate())


@false("optimisers", fails="decreasing|arg ?max|arg ?min|sense|not")
def negative_log_keeping_arg_max():
    th = _theta("o2")
    f = exp(-(th - 1) ** 2)
    return _opt("neglog_keep", [Parameter(th)], Argmax(f, th), Argmax(-log(f), th),
                rules.negative_log())


@false("optimisers", fails="positive|not established")
def log_of_an_objective_that_is_never_positive():
    th = _theta("o3")
    f = -(th - 1) ** 2 - 1
    return _opt("log_neg", [Parameter(th)], Argmax(f, th), Argmax(log(f), th), rules.logarithm())


@false("optimisers", fails="positive|not established")
def log_of_an_objective_that_may_be_zero():
    th = _theta("o4")
    f = (th - 1) ** 2
    return _opt("log_zero", [Parameter(th)], Argmin(f, th), Argmin(log(f), th), rules.logarithm())


@false("optimisers", fails="depend")
def a_positive_factor_that_depends_on_the_parameter():
    th = _theta("o5")
    f = -(th - 1) ** 2
    c = th ** 2 + 1
    return _opt("factor_param", [Parameter(th)], Argmax(f, th), Argmax(c * f, th),
                rules.positive_factor(c))


@false("optimisers", fails="> 0|not established|positive")
def a_negative_factor_posing_as_positive():
    th = _theta("o6")
    f = -(th - 1) ** 2
    return _opt("factor_neg", [Parameter(th)], Argmax(f, th), Argmax(-2 * f, th),
                rules.positive_factor(Integer(-2)))


@false("optimisers", fails="> 0|not established|positive")
def a_real_factor_posing_as_positive():
    th = _theta("o7")
    c = Symbol("c_o7", real=True)
    f = -(th - 1) ** 2
    return _opt("factor_real", [Parameter(th), Real(c)], Argmax(f, th), Argmax(c * f, th),
                rules.positive_factor(c))


@false("optimisers", fails="depend")
def a_constant_that_depends_on_the_parameter():
    th = _theta("o8")
    f = -(th - 1) ** 2
    return _opt("const_param", [Parameter(th)], Argmax(f, th), Argmax(f + th, th),
                rules.add_constant(th))


@false("optimisers", fails="monoton|not|undecided")
def a_square_is_not_monotone():
    th = _theta("o9")
    f = th - 1
    return _opt("square_map", [Parameter(th)], Argmin(f ** 2, th), Argmin(f ** 4, th),
                rules.monotone(Lambda(u, u ** 2)))


@false("optimisers", fails="monoton|not|decreasing|undecided")
def an_exp_of_minus_keeping_arg_min():
    th = _theta("o10")
    f = (th - 1) ** 2
    return _opt("expneg_keep", [Parameter(th)], Argmin(f, th), Argmin(exp(-f), th),
                rules.monotone(Lambda(u, exp(-u))))


@false("optimisers", fails="depend|parameter|not")
def a_monotone_map_that_depends_on_the_parameter():
    th = _theta("o11")
    f = (th - 1) ** 2
    return _opt("map_param", [Parameter(th)], Argmin(f, th), Argmin(f + th * 0 + th ** 3, th),
                rules.monotone(Lambda(u, u + th ** 3)))


@false("optimisers", fails="differ|not|equal")
def a_transform_applied_to_only_part_of_the_objective():
    th = _theta("o12")
    f = -(th - 1) ** 2 + th
    return _opt("part_log", [Parameter(th)], Argmax(exp(f), th), Argmax(-(th - 1) ** 2, th),
                rules.logarithm())


@false("optimisers", fails="differ|not|equal")
def an_objective_rewritten_into_an_unequal_one():
    th = _theta("o13")
    return _opt("unequal", [Parameter(th)], Argmin((th - 1) ** 2, th),
                Argmin(th ** 2 - 1, th), rules.identity())


@false("optimisers", fails="depend|parameter|not")
def a_dropped_term_that_depends_on_the_parameter():
    th = _theta("o14")
    x = IndexedBase("x_o14", real=True)
    m = Symbol("m_o14", integer=True, positive=True)
    i, c = Symbol("i_o14", integer=True), Symbol("c_o14", integer=True)
    full = Sum((x[i] - th) ** 2 + th ** 2, (i, 1, m))
    return _opt("drop_param", [Parameter(th), Size(m), Real(x[c])], Argmin(full, th),
                Argmin(Sum((x[i] - th) ** 2, (i, 1, m)), th),
                rules.add_constant(-Sum(th ** 2, (i, 1, m))))


@false("optimisers", fails="positive|not established")
def log_of_a_product_of_real_likelihoods():
    th = _theta("o15")
    z = Symbol("z_o15", real=True)
    return _opt("log_real_lik", [Parameter(th), Real(z)], Argmax(z * exp(-th ** 2), th),
                Argmax(log(z * exp(-th ** 2)), th), rules.logarithm())


# --- true ----------------------------------------------------------------------------------


@true("optimisers")
def the_log_of_a_gaussian_likelihood():
    th = _theta("t1")
    x = Symbol("x_t1", real=True)
    return Derivation("gauss_log", "log likelihood", (Parameter(th), Real(x)),
                      Argmax(exp(-(x - th) ** 2 / 2), th), (
                          Step(Argmax(log(exp(-(x - th) ** 2 / 2)), th), rules.logarithm(),
                               "take logs"),
                          Step(Argmax(-(x - th) ** 2 / 2, th), rules.identity(),
                               "log undoes exp"),))


@true("optimisers")
def negation_turns_arg_max_into_arg_min():
    th = _theta("t2")
    f = -(th - 3) ** 2
    return _opt("neg_ok", [Parameter(th)], Argmax(f, th), Argmin(-f, th), rules.negate())


@true("optimisers")
def negative_log_turns_arg_max_into_arg_min():
    th = _theta("t3")
    f = exp(-(th - 2) ** 2)
    return Derivation("neglog_ok", "nll", (Parameter(th),), Argmax(f, th), (
        Step(Argmin(-log(f), th), rules.negative_log(), "negative log"),
        Step(Argmin((th - 2) ** 2, th), rules.identity(), "log undoes exp"),))


@true("optimisers")
def a_half_in_front_of_a_squared_loss():
    th = _theta("t4")
    x = IndexedBase("x_t4", real=True)
    m = Symbol("m_t4", integer=True, positive=True)
    i, c = Symbol("i_t4", integer=True), Symbol("c_t4", integer=True)
    loss = Sum((x[i] - th) ** 2, (i, 1, m))
    return _opt("half_loss", [Parameter(th), Size(m), Real(x[c])], Argmin(loss, th),
                Argmin(loss / 2, th), rules.positive_factor(Rational(1, 2)))


@true("optimisers")
def a_mean_loss_is_a_sum_loss_over_a_positive_count():
    th = _theta("t5")
    x = IndexedBase("x_t5", real=True)
    m = Symbol("m_t5", integer=True, positive=True)
    i, c = Symbol("i_t5", integer=True), Symbol("c_t5", integer=True)
    loss = Sum((x[i] - th) ** 2, (i, 1, m))
    return _opt("mean_loss", [Parameter(th), Size(m), Real(x[c])], Argmin(loss, th),
                Argmin(loss / m, th), rules.positive_factor(1 / m))


@true("optimisers")
def a_data_term_free_of_the_parameter_dropped():
    th = _theta("t6")
    x = IndexedBase("x_t6", real=True)
    m = Symbol("m_t6", integer=True, positive=True)
    i, c = Symbol("i_t6", integer=True), Symbol("c_t6", integer=True)
    full = Sum((x[i] - th) ** 2, (i, 1, m))
    return Derivation("drop_data", "expand and drop", (Parameter(th), Size(m), Real(x[c])),
                      Argmin(full, th), (
                          Step(Argmin(Sum(x[i] ** 2, (i, 1, m)) - 2 * th * Sum(x[i], (i, 1, m))
                                      + m * th ** 2, th), rules.identity(), "expand"),
                          Step(Argmin(m * th ** 2 - 2 * th * Sum(x[i], (i, 1, m)), th),
                               rules.add_constant(-Sum(x[i] ** 2, (i, 1, m))),
                               "the data term does not depend on theta"),))


@true("optimisers")
def a_log_likelihood_of_positive_factors_split():
    th = _theta("t7")
    a = Symbol("a_t7", positive=True)
    lik = a * exp(-th ** 2)
    return Derivation("log_split_lik", "log likelihood", (Parameter(th), Positive(a)),
                      Argmax(lik, th), (
                          Step(Argmax(log(lik), th), rules.logarithm(), "take logs"),
                          Step(Argmax(log(a) - th ** 2, th), rules.identity(),
                               "the log of a product of positive factors"),
                          Step(Argmax(-th ** 2, th), rules.add_constant(-log(a)),
                               "log a does not depend on theta"),))


@true("optimisers")
def an_increasing_affine_map_keeps_arg_min():
    th = _theta("t8")
    f = (th + 1) ** 2
    return _opt("affine_ok", [Parameter(th)], Argmin(f, th), Argmin(3 * f - 7, th),
                rules.monotone(Lambda(u, 3 * u - 7)))


@true("optimisers")
def an_exp_of_minus_turns_arg_min_into_arg_max():
    th = _theta("t9")
    f = (th + 1) ** 2
    return _opt("expneg_ok", [Parameter(th)], Argmin(f, th), Argmax(exp(-f), th),
                rules.monotone(Lambda(u, exp(-u))))
