"""Route 2: a hypothesis about one entry must not cover the whole family (nor the reverse)."""

from __future__ import annotations

from sympy import Function, IndexedBase, KroneckerDelta, Sum, Symbol, log, sqrt

from derivations import (
    Derivation,
    IndexRange,
    Nonnegative,
    Positive,
    Real,
    Size,
    Step,
    UnitInterval,
    rules,
)
from tests.adversarial.corpus import false, true

k = Symbol("k", integer=True, positive=True)
i, j = (Symbol(n, integer=True) for n in "ij")
q = IndexedBase("q", positive=True)
a = IndexedBase("a", positive=True)
n = IndexedBase("n", nonnegative=True)
z = IndexedBase("z", real=True)
y = IndexedBase("y", integer=True)
t = IndexedBase("t", integer=True)
f = Function("f", positive=True)
x = Symbol("x")
X = IndexedBase("x")

ONE_ENTRY = "only, but .* is declared for every"


def _split(hypotheses, first, second, name="split"):
    """log(first * second) = log first + log second: true only for positive factors."""
    return Derivation(name, "a log of a product", tuple(hypotheses), log(first * second), (
        Step(log(first) + log(second), rules.log_of_product, "the log of a product"),))


@false("family", refused=ONE_ENTRY)
def positive_first_entry_covers_the_family():
    return _split([Positive(q[1])], q[2], q[3])


@false("family", refused=ONE_ENTRY)
def positive_shifted_pattern_misses_the_first_entry():
    return _split([Positive(q[j + 1])], q[1], q[2])


@false("family", refused=ONE_ENTRY)
def positive_diagonal_covers_the_matrix():
    w = IndexedBase("w", positive=True)
    return _split([Positive(w[j, j])], w[1, 2], w[2, 1])


@false("family", refused=ONE_ENTRY)
def positive_entries_at_labels_cover_the_family():
    return _split([Positive(q[t[j]])], q[1], q[2])


@false("family", refused=ONE_ENTRY)
def positive_at_one_argument_covers_the_function():
    return _split([Positive(f(1))], f(2), f(3))


@false("family", refused=ONE_ENTRY)
def positive_at_shifted_argument_covers_the_function():
    return _split([Positive(f(x + 1))], f(x), f(x - 1))


@false("family", refused=ONE_ENTRY)
def positive_at_one_input_covers_the_function():
    return _split([Positive(f(X[1]))], f(X[2]), f(X[3]))


@false("family", refused=ONE_ENTRY)
def positive_on_the_diagonal_of_a_two_argument_function():
    g = Function("g", positive=True)
    return _split([Positive(g(x, x))], g(1, 2), g(2, 1))


@false("family", refused=ONE_ENTRY)
def nonnegative_entry_makes_the_root_of_a_square_the_entry():
    return Derivation("root", "a root", (Nonnegative(n[2]),), sqrt(n[3] ** 2), (
        Step(n[3], rules.algebra, "a root of a square"),))


@false("family", refused=ONE_ENTRY)
def real_entry_makes_every_entry_real():
    return Derivation("conj", "a square", (Real(z[0]),), sqrt(z[1] ** 2), (
        Step(abs(z[1]), rules.algebra, "a root of a square"),))


@false("family", refused=ONE_ENTRY)
def unit_interval_entry_covers_the_family():
    return _split([UnitInterval(a[1])], 1 - a[2], 1 - a[3])


@false("family", refused=ONE_ENTRY)
def range_of_one_label_covers_every_label():
    return Derivation("collapse", "one label", (Size(k), IndexRange(y[1], 1, k), Positive(q[j])),
                      Sum(KroneckerDelta(j, y[2]) * log(q[j]), (j, 1, k)), (
                          Step(log(q[y[2]]), rules.one_hot_collapse, "the label's term"),))


@false("family", refused="is meant for every j, but j is ranged")
def positive_pattern_over_a_ranged_index():
    return _split([Size(k), IndexRange(j, 1, k), Positive(q[j])], q[k + 1], q[k + 2])


@false("family", refused="is meant for every k, but k is a size")
def positive_pattern_over_the_size():
    return _split([Size(k), Positive(q[k])], q[1], q[2])


@false("family", refused="is meant for every i, but i is ranged")
def range_pattern_over_a_ranged_index():
    return Derivation("collapse", "labels", (Size(k), IndexRange(i, 1, 2),
                                             IndexRange(y[i], 1, k), Positive(q[j])),
                      Sum(KroneckerDelta(j, y[3]) * log(q[j]), (j, 1, k)), (
                          Step(log(q[y[3]]), rules.one_hot_collapse, "the label's term"),))


@true("family")
def positive_pattern_splits_any_two_entries():
    return _split([Size(k), Positive(q[j])], q[1], q[k])


@true("family")
def positive_function_pattern_splits_any_two_values():
    return _split([Positive(f(x))], f(2), f(X[3]))


@true("family")
def range_on_an_entry_pattern_covers_another_entry():
    return Derivation("collapse", "one label", (Size(k), IndexRange(y[i], 1, k), Positive(q[j])),
                      Sum(KroneckerDelta(j, y[3]) * log(q[j]), (j, 1, k)), (
                          Step(log(q[y[3]]), rules.one_hot_collapse, "the label's term"),))


def _bernoulli(hypotheses, entry):
    """log(a^y (1 - a)^(1 - y)) = y log a + (1 - y) log(1 - a), for a in (0, 1) and y in {0, 1}."""
    b = Symbol("b", integer=True, nonnegative=True)
    return Derivation("bernoulli", "a Bernoulli log-likelihood",
                      (*hypotheses, IndexRange(b, 0, 1)),
                      log(entry ** b * (1 - entry) ** (1 - b)), (
                          Step(b * log(entry) + (1 - b) * log(1 - entry), rules.algebra,
                               "the log of a product of powers"),))


@true("family")
def unit_interval_pattern_covers_another_entry():
    return _bernoulli([UnitInterval(a[i])], a[2])


@true("family")
def unit_interval_of_the_family_covers_an_entry():
    return _bernoulli([UnitInterval(a)], a[2])


@false("family", refused=ONE_ENTRY)
def unit_interval_of_one_entry_covers_another():
    return _bernoulli([UnitInterval(a[1])], a[2])
