"""Route 1: an assumption nobody displayed must not decide a side condition or a proof, wherever
it hides: a lemma's weight or argument, a summation variable, a transform, an equality case."""

from __future__ import annotations

from sympy import IndexedBase, Integer, Lambda, Sum, Symbol, log

from derivations import (
    Argmax,
    Derivation,
    Parameter,
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
a = IndexedBase("a", positive=True)
theta = Symbol("theta", real=True)
UNDISPLAYED = "declared .* but no hypothesis states it"


POSITIVE_A = (Positive(a[Symbol("l", integer=True)]),)


def _weighted(weight, lo, hi, j=j, hypotheses=POSITIVE_A):
    """sum w_j log a_j <= sum w_j (a_j - 1): true for weights w_j >= 0 only."""
    return Derivation("weighted", "a weighted tangent bound", tuple(hypotheses),
                      Sum(weight * log(a[j]), (j, lo, hi)), (
                          Step(Sum(weight * (a[j] - 1), (j, lo, hi)),
                               rules.by_lemma(rules.LOG_BELOW_TANGENT, weight, a[j],
                                              (j, lo, hi)),
                               "below the tangent, term by term", relation=Relation.LE),))


@false("undisplayed", refused="summation variable j .* is declared positive")
def a_positive_summation_variable_as_a_weight_summed_from_minus_one():
    jp = Symbol("j", integer=True, positive=True)
    return _weighted(jp, -1, 1, j=jp)


@false("undisplayed", refused="summation variable j .* is declared nonnegative")
def a_nonnegative_summation_variable_shifted_below_zero():
    jn = Symbol("j", integer=True, nonnegative=True)
    return _weighted(jn - 1, 0, 3, j=jn)


@false("undisplayed", fails="weight .* >= 0. is not established")
def a_weight_that_is_negative_at_the_first_index():
    return _weighted(j - 2, 1, 4)


@false("undisplayed", refused=UNDISPLAYED)
def a_weight_positive_by_an_undisplayed_declaration():
    w = Symbol("w", positive=True)
    return _weighted(w, 1, 3)


@false("undisplayed", refused=UNDISPLAYED)
def a_weight_family_positive_by_an_undisplayed_declaration():
    w = IndexedBase("w", positive=True)
    return _weighted(w[j], 1, 3)


@false("undisplayed", refused=UNDISPLAYED)
def an_upper_bound_positive_by_an_undisplayed_declaration():
    n = Symbol("n", integer=True, positive=True)
    return _weighted(Integer(1), 1, n)


@false("undisplayed", refused=UNDISPLAYED)
def a_transform_factor_positive_by_an_undisplayed_declaration():
    c = Symbol("c", positive=True)
    f = -(theta - 1) ** 2
    return Derivation("scaled", "a scaled objective", (Parameter(theta),), Argmax(f, theta), (
        Step(Argmax(c * f, theta), rules.positive_factor(c), "scale by c"),))


@false("undisplayed", refused=UNDISPLAYED)
def a_monotone_transform_with_an_undisplayed_positive_slope():
    c = Symbol("c", positive=True)
    f = -(theta - 1) ** 2
    return Derivation("scaled", "a transformed objective", (Parameter(theta),),
                      Argmax(f, theta), (
                          Step(Argmax(c * f + 1, theta),
                               rules.monotone(Lambda(Symbol("u"), c * Symbol("u") + 1)),
                               "an increasing map"),))


@false("undisplayed", refused=UNDISPLAYED)
def an_equality_case_in_an_undisplayed_family():
    b = IndexedBase("b", positive=True)
    d = _weighted(Integer(1), 1, k, hypotheses=(Size(k), *POSITIVE_A))
    return Derivation(d.name, d.title, d.hypotheses, d.start, d.steps, equality_if={a: b})


@true("undisplayed")
def nonnegative_weights_under_a_sum():
    return _weighted(Integer(1), 1, k, hypotheses=(Size(k), *POSITIVE_A))


@true("undisplayed")
def a_displayed_positive_factor_keeps_the_optimiser():
    c = Symbol("c", positive=True)
    f = -(theta - 1) ** 2
    return Derivation("scaled", "a scaled objective", (Parameter(theta), Positive(c)),
                      Argmax(f, theta), (
                          Step(Argmax(c * f, theta), rules.positive_factor(c), "scale by c"),))


@true("undisplayed")
def a_displayed_real_shift_keeps_the_optimiser():
    s = Symbol("s", real=True)
    f = -(theta - 1) ** 2
    return Derivation("shifted", "a shifted objective", (Parameter(theta), Real(s)),
                      Argmax(f, theta), (
                          Step(Argmax(f + s, theta), rules.add_constant(s), "add s"),))
