"""Route 1, more: assumptions nobody displayed, hiding in a step, a rule's parameter, a lemma's
argument, a transform, a derivative's variable, an equality case or a definition's formula."""

from __future__ import annotations

from sympy import (
    Derivative,
    Dummy,
    Function,
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
    Argmax,
    Argmin,
    Definition,
    Derivation,
    IndexRange,
    Nonnegative,
    Parameter,
    Positive,
    Real,
    Relation,
    Size,
    Step,
    UnitInterval,
    named_function,
    rules,
)
from tests.adversarial.corpus import false, true

UNDISPLAYED = "declared .* but no hypothesis states it"


@false("undisplayed", refused=UNDISPLAYED)
def a_log_split_of_symbols_shown_only_as_real():
    r1, r2 = Symbol("r1", positive=True), Symbol("r2", positive=True)
    return Derivation("split_reals", "log r1 r2", (Real(r1), Real(r2)), log(r1 * r2), (
        Step(log(r1) + log(r2), rules.log_of_product, "the log of a product"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_positive_symbol_that_appears_only_in_a_later_step():
    u1 = Symbol("u1", real=True)
    v1 = Symbol("v1", positive=True)
    return Derivation("later", "claim", (Real(u1),), u1, (
        Step(u1 + log(v1 ** 2) - 2 * log(v1), rules.algebra, "add nothing"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_tangent_bound_at_an_undisplayed_positive_argument():
    r3 = Symbol("r3", positive=True)
    return Derivation("tangent_at", "claim", (), log(r3), (
        Step(r3 - 1, rules.by_lemma(rules.LOG_BELOW_TANGENT, Integer(1), r3),
             "below the tangent", relation=Relation.LE),))


@false("undisplayed", refused=UNDISPLAYED)
def a_function_declared_positive_split_under_a_log():
    g1 = Function("g1", positive=True)
    x1 = Symbol("x1", real=True)
    return Derivation("fsplit", '$log g(x)^2$', (Real(x1),), log(g1(x1) * g1(x1 + 1)), (
        Step(log(g1(x1)) + log(g1(x1 + 1)), rules.log_of_product, "the log of a product"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_parameter_declared_positive():
    th = Symbol("theta1", positive=True)
    return Derivation("pos_param", "arg max", (Parameter(th),), Argmax(-th * log(th), th), (
        Step(Argmax(log(-th * log(th)), th), rules.logarithm(), "take logs"),))


@false("undisplayed", refused=UNDISPLAYED)
def an_index_range_from_zero_for_a_positive_symbol():
    n1 = Symbol("n1", integer=True, positive=True)
    return Derivation("count_log", '$log n1^2$', (IndexRange(n1, 0, 5),), log(n1 ** 2), (
        Step(2 * log(n1), rules.algebra, "a power out of the log"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_positive_symbol_secretly_declared_integer():
    a1 = Symbol("a1", positive=True, integer=True)
    return Derivation("parity", "claim", (Positive(a1),),
                      Pow(-1, 2 * a1, evaluate=False) + a1, (
                          Step(1 + a1, rules.algebra, "an even power of minus one"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_real_symbol_secretly_declared_nonzero():
    b1 = Symbol("b1", real=True, nonzero=True)
    return Derivation("cancel", "claim", (Real(b1),), b1 / b1 + b1, (
        Step(1 + b1, rules.algebra, "cancel"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_monotone_transform_with_an_undisplayed_real_exponent():
    th = Symbol("theta2", real=True)
    w1 = Symbol("w1", real=True)
    uu = Symbol("u")
    return Derivation("exp_slope", "arg min", (Parameter(th),), Argmin(th ** 2, th), (
        Step(Argmin(exp(w1) * th ** 2, th), rules.monotone(Lambda(uu, exp(w1) * uu)),
             "an increasing map"),))


@false("undisplayed", refused=UNDISPLAYED)
def an_added_constant_declared_nonnegative():
    th = Symbol("theta3", real=True)
    c1 = Symbol("c1", nonnegative=True)
    return Derivation("shift_nn", "arg min", (Parameter(th),), Argmin(th ** 2, th), (
        Step(Argmin(th ** 2 + sqrt(c1 ** 2), th), rules.add_constant(sqrt(c1 ** 2)),
             "add a constant"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_derivative_with_respect_to_an_undisplayed_positive_variable():
    x2 = Symbol("x2", positive=True)
    return Derivation("droot", '$d/dx sqrt(x^2)$', (Real(x2),), Derivative(sqrt(x2 ** 2), x2), (
        Step(Integer(1), rules.algebra, "the root of a square is x"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_positive_dummy_in_a_step():
    x3 = Symbol("x3", real=True)
    d1 = Dummy("d1", positive=True)
    return Derivation("dummy", "claim", (Real(x3),), x3, (
        Step(x3 + log(d1 ** 2) - 2 * log(d1), rules.algebra, "add nothing"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_nonnegative_family_shown_only_as_real():
    p1 = IndexedBase("p1", nonnegative=True)
    jj = Symbol("jj", integer=True)
    k1 = Symbol("k1", integer=True, positive=True)
    return Derivation("nn_family", "roots", (Size(k1), Real(p1[jj])),
                      Sum(sqrt(p1[jj] ** 2), (jj, 1, k1)), (
                          Step(Sum(p1[jj], (jj, 1, k1)), rules.algebra, "roots of squares"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_definition_whose_variable_is_positive_without_a_hypothesis():
    tp = Symbol("tp", positive=True)
    h1 = named_function("h1", "h_1({0})", positive=True)
    y1 = Symbol("y1", positive=True)
    return Derivation("def_pos", "log h1", (Positive(y1), Definition(h1, Lambda(tp, tp ** 2))),
                      log(h1(y1)), (Step(2 * log(y1), rules.definition, "unfold h1"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_unit_interval_symbol_secretly_rational():
    a2 = Symbol("a2", positive=True, rational=True)
    return Derivation("rational", "unit interval", (UnitInterval(a2),), log(a2 * (1 - a2)), (
        Step(log(a2) + log(1 - a2), rules.log_of_product, "split"),))


@true("undisplayed")
def exp_of_log_of_a_displayed_positive():
    a3 = Symbol("a3", positive=True)
    return Derivation("exp_log", "claim", (Positive(a3),), exp(log(a3)) + log(a3 ** 3), (
        Step(a3 + 3 * log(a3), rules.algebra, "exp undoes log; a power out of the log"),))


@true("undisplayed")
def root_of_a_square_of_a_displayed_nonnegative():
    b3 = Symbol("b3", nonnegative=True)
    return Derivation("root_nn", "claim", (Nonnegative(b3),), sqrt(b3 ** 2) + b3, (
        Step(2 * b3, rules.algebra, "the root of a square of a non-negative number"),))


@true("undisplayed")
def split_of_a_displayed_unit_interval_pair():
    a4 = Symbol("a4", positive=True)
    return Derivation("unit_split", r"$\log a(1-a)$", (UnitInterval(a4),), log(a4 * (1 - a4)), (
        Step(log(a4) + log(1 - a4), rules.log_of_product, "both factors are positive"),))


@true("undisplayed")
def a_displayed_positive_slope_in_a_monotone_transform():
    th = Symbol("theta4", real=True)
    w2 = Symbol("w2", real=True)
    uu = Symbol("u")
    return Derivation("exp_slope_ok", "arg min", (Parameter(th), Real(w2)), Argmin(th ** 2, th), (
        Step(Argmin(exp(w2) * th ** 2 + w2, th), rules.monotone(Lambda(uu, exp(w2) * uu + w2)),
             "an increasing affine map"),))
