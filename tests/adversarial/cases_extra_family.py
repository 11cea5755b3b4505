"""Route 2, more: a hypothesis about some entries (a row, a column, the even entries, one input,
a ranged index) standing for the whole family, and ranges that cover only part of a sum."""

from __future__ import annotations

from sympy import Function, IndexedBase, KroneckerDelta, Sum, Symbol, exp, log, sqrt

from derivations import (
    Derivation,
    IndexRange,
    Nonnegative,
    Positive,
    Real,
    Simplex,
    Size,
    Step,
    UnitInterval,
    rules,
)
from tests.adversarial.corpus import false, true

ONE_ENTRY = "only, but .* is declared for every"
RANGED = "is meant for every .* but .* is (ranged|a size)"


def _split(name, hypotheses, first, second):
    """log(first * second) = log first + log second: true only for positive factors."""
    return Derivation(name, "a log of a product", tuple(hypotheses), log(first * second), (
        Step(log(first) + log(second), rules.log_of_product, "the log of a product"),))


@false("family", refused=ONE_ENTRY)
def positive_first_row_covers_the_matrix():
    w = IndexedBase("w_row", positive=True)
    c = Symbol("c_row", integer=True)
    return _split("row", [Positive(w[1, c])], w[2, 1], w[2, 2])


@false("family", refused=ONE_ENTRY)
def positive_first_column_covers_the_matrix():
    w = IndexedBase("w_col", positive=True)
    r = Symbol("r_col", integer=True)
    return _split("column", [Positive(w[r, 1])], w[1, 2], w[2, 2])


@false("family", refused=ONE_ENTRY)
def positive_even_entries_cover_the_odd_ones():
    q = IndexedBase("q_even", positive=True)
    c = Symbol("c_even", integer=True)
    return _split("even", [Positive(q[2 * c])], q[1], q[3])


@false("family", refused=ONE_ENTRY)
def positive_square_entries_cover_the_others():
    q = IndexedBase("q_sq", positive=True)
    c = Symbol("c_sq", integer=True)
    return _split("squares", [Positive(q[c ** 2])], q[2], q[3])


@false("family", refused=ONE_ENTRY)
def positive_at_a_fixed_first_argument_covers_the_function():
    g = Function("g_fix", positive=True)
    x = Symbol("x_fix", real=True)
    return _split("fixed_arg", [Real(x), Positive(g(1, x))], g(2, x), g(3, x))


@false("family", refused=ONE_ENTRY)
def positive_at_the_first_input_covers_every_input():
    g = Function("g_in", positive=True)
    xs = IndexedBase("x_in", real=True)
    c = Symbol("c_in", integer=True)
    return _split("first_input", [Real(xs[c]), Positive(g(xs[1]))], g(xs[2]), g(xs[3]))


@false("family", refused=ONE_ENTRY)
def nonnegative_zeroth_entry_makes_roots_of_squares_entries():
    p = IndexedBase("p_zeroth", nonnegative=True)
    return Derivation("zeroth", "a root", (Nonnegative(p[0]),), sqrt(p[1] ** 2), (
        Step(p[1], rules.algebra, "a root of a square"),))


@false("family", refused=RANGED)
def real_logits_over_a_ranged_index():
    z = IndexedBase("z_rng", real=True)
    k = Symbol("k_rng", integer=True, positive=True)
    i = Symbol("i_rng", integer=True)
    return Derivation("logit", "log exp", (Size(k), IndexRange(i, 1, k), Real(z[i])),
                      log(exp(z[k + 1])), (Step(z[k + 1], rules.algebra, "log exp"),))


@false("family", refused=RANGED)
def unit_interval_over_a_ranged_index():
    a = IndexedBase("a_rng", positive=True)
    k = Symbol("k_rng2", integer=True, positive=True)
    i = Symbol("i_rng2", integer=True)
    return _split("unit_rng", [Size(k), IndexRange(i, 1, k), UnitInterval(a[i])],
                  a[0], 1 - a[0])


@false("family", refused=RANGED)
def nonnegative_pattern_over_the_size():
    p = IndexedBase("p_size", nonnegative=True)
    k = Symbol("k_size", integer=True, positive=True)
    return Derivation("size_pat", "a root", (Size(k), Nonnegative(p[k])), sqrt(p[0] ** 2), (
        Step(p[0], rules.algebra, "a root of a square"),))


@false("family", refused="declared .* but no hypothesis states it")
def a_simplex_standing_for_positive_entries():
    p = IndexedBase("p_spx", positive=True)
    k = Symbol("k_spx", integer=True, positive=True)
    return _split("simplex_pos", [Size(k), Simplex(p, k)], p[1], p[2])


@false("family", fails="hot index|not established|in the summation range")
def one_hot_collapse_with_a_label_from_zero():
    q = IndexedBase("q_zero", positive=True)
    k = Symbol("k_zero", integer=True, positive=True)
    y = Symbol("y_zero", integer=True)
    c = Symbol("c_zero", integer=True)
    j = Symbol("j_zero", integer=True)
    return Derivation("collapse0", "one label", (Size(k), IndexRange(y, 0, k), Positive(q[c])),
                      Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)), (
                          Step(log(q[y]), rules.one_hot_collapse, "the label's term"),))


@false("family", fails="hot index|not established|in the summation range|differ")
def one_hot_collapse_with_a_label_one_past_the_end():
    q = IndexedBase("q_past", positive=True)
    k = Symbol("k_past", integer=True, positive=True)
    y = Symbol("y_past", integer=True)
    c = Symbol("c_past", integer=True)
    j = Symbol("j_past", integer=True)
    return Derivation("collapse1", "one label",
                      (Size(k), IndexRange(y, 1, k + 1), Positive(q[c])),
                      Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)), (
                          Step(log(q[y]), rules.one_hot_collapse, "the label's term"),))


@false("family", fails="hot index|not established|in the summation range|differ")
def one_hot_collapse_over_a_sum_missing_its_first_class():
    q = IndexedBase("q_miss", positive=True)
    k = Symbol("k_miss", integer=True, positive=True)
    y = Symbol("y_miss", integer=True)
    c = Symbol("c_miss", integer=True)
    j = Symbol("j_miss", integer=True)
    return Derivation("collapse2", "one label", (Size(k), IndexRange(y, 1, k), Positive(q[c])),
                      Sum(KroneckerDelta(j, y) * log(q[j]), (j, 2, k)), (
                          Step(log(q[y]), rules.one_hot_collapse, "the label's term"),))


@true("family")
def positive_matrix_pattern_splits_two_entries():
    w = IndexedBase("w_ok", positive=True)
    r, c = Symbol("r_ok", integer=True), Symbol("c_ok", integer=True)
    return _split("matrix_ok", [Positive(w[r, c])], w[1, 2], w[2, 1])


@true("family")
def positive_two_argument_pattern_splits_two_values():
    g = Function("g_ok", positive=True)
    x, y = Symbol("x_ok", real=True), Symbol("y_ok", real=True)
    return _split("fn_ok", [Real(x), Real(y), Positive(g(x, y))], g(1, 2), g(y, x))


@true("family")
def real_logits_over_an_index_of_their_own():
    z = IndexedBase("z_ok", real=True)
    k = Symbol("k_ok", integer=True, positive=True)
    i, c = Symbol("i_ok", integer=True), Symbol("c_ok2", integer=True)
    return Derivation("logits_ok", "log of exps",
                      (Size(k), IndexRange(i, 1, k), Real(z[c])),
                      log(exp(z[i]) * exp(z[k])), (
                          Step(z[i] + z[k], rules.algebra, "log of a product of exps"),))


@true("family")
def one_hot_collapse_of_every_observation():
    q = IndexedBase("q_obs", positive=True)
    y = IndexedBase("y_obs", integer=True)
    k = Symbol("k_obs", integer=True, positive=True)
    m = Symbol("m_obs", integer=True, positive=True)
    i, j = Symbol("i_obs", integer=True), Symbol("j_obs", integer=True)
    r, c = Symbol("r_obs", integer=True), Symbol("c_obs", integer=True)
    return Derivation("collapse_all", "labels", (Size(k), Size(m), IndexRange(y[r], 1, k),
                                                 Positive(q[r, c])),
                      Sum(Sum(KroneckerDelta(j, y[i]) * log(q[i, j]), (j, 1, k)), (i, 1, m)), (
                          Step(Sum(log(q[i, y[i]]), (i, 1, m)), rules.one_hot_collapse,
                               "each observation keeps its label's term"),))
