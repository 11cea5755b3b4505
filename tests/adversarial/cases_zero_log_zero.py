"""Route 6, the convention 0 log 0 = 0: chosen once (``XLogY``, the terms of entropy, cross
entropy and divergence), honoured by the prover, the sampler and delta collapse alike, and never
an excuse for a term that is undefined where its weight is not zero."""

from __future__ import annotations

from sympy import IndexedBase, Integer, KroneckerDelta, Sum, Symbol, log

from derivations import (
    KL,
    CrossEntropy,
    Derivation,
    Entropy,
    IndexRange,
    OneHot,
    Positive,
    Relation,
    Simplex,
    Size,
    Step,
    indexed_vector,
    rules,
    xlogy,
)
from tests.adversarial.corpus import false, true

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
p = IndexedBase("p", nonnegative=True)
q = IndexedBase("q", positive=True)
P, Q = indexed_vector(p, k), indexed_vector(q, k)
TARGET = (Size(k), Simplex(p, k), Positive(q[j]))


@true("conventions")
def entropy_plus_divergence_for_a_target_with_zero_entries():
    return Derivation("zero_split", "Entropy plus divergence", TARGET, CrossEntropy(P, Q), (
        Step(Entropy(P) + KL(P, Q), rules.definition, "term by term"),))


@true("conventions")
def a_one_hot_target_has_no_entropy():
    return Derivation("hot_zero", "No entropy", (Size(k), IndexRange(y, 1, k)),
                      Entropy(OneHot(y, k)), (Step(Integer(0), rules.algebra, "each term"),))


@true("conventions")
def the_divergence_from_a_one_hot_target():
    return Derivation("hot_kl", "The divergence", (Size(k), IndexRange(y, 1, k), Positive(q[j])),
                      KL(OneHot(y, k), Q), (Step(-log(q[y]), rules.definition, "collapse"),))


@false("conventions", fails="")
def a_target_with_zero_entries_has_positive_entropy():
    return Derivation("pos_entropy", "Positive entropy", TARGET, Entropy(P), (
        Step(Integer(0), rules.inequality, "a sum of positive terms", relation=Relation.GT),))


@false("conventions", fails="")
def entropy_of_a_target_with_zero_entries_is_the_plain_sum():
    """Without the convention, p log p is undefined where p is zero: the plain sum is not the
    entropy there, and must not be proved equal to it."""
    return Derivation("plain_entropy", "Plain sum", TARGET, Entropy(P), (
        Step(-Sum(p[j] * log(p[j]), (j, 1, k)), rules.definition, "definition"),))


@false("conventions", fails="")
def the_convention_does_not_cover_a_log_of_zero_with_weight_one():
    """delta log(delta - 1) is zero off the label but log 0 at it: undefined, not zero."""
    d = KroneckerDelta(j, y)
    return Derivation("weight_one", "A log of zero", (Size(k), IndexRange(y, 1, k)),
                      Sum(xlogy(d, d - 1 + 1 - d), (j, 1, k)),
                      (Step(Integer(0), rules.algebra, "each term"),))


@false("conventions", fails="")
def uniform_entropy_for_any_target():
    return Derivation("uniform_all", "Uniform entropy", TARGET, Entropy(P), (
        Step(log(k), rules.algebra, "the entropy of the uniform"),))


@false("conventions", fails="")
def cross_entropy_equals_entropy_for_zero_entries():
    return Derivation("ce_is_h", "Cross entropy is entropy", TARGET, CrossEntropy(P, Q), (
        Step(Entropy(P), rules.algebra, "the divergence vanishes"),))
