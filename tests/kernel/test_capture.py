"""Substitution under nested sums must never capture a bound variable (a soundness bug once:
the entropy of an empirical distribution was 'proved' to be zero)."""

from __future__ import annotations

from sympy import IndexedBase, KroneckerDelta, Lambda, Sum, Symbol, log

from derivations import Definition, IndexRange, Size, named_function
from derivations.kernel.canonical import canonical, prove_equal
from derivations.language.hypotheses import Facts

m = Symbol("m", integer=True, positive=True)
k = Symbol("k", integer=True, positive=True)
i, j, r = (Symbol(n, integer=True) for n in "ijr")
y = IndexedBase("y", integer=True)
c = Symbol("c", integer=True)
freq = named_function("freq", r"\hat p_{{{0}}}")
FACTS = Facts.from_hypotheses([
    Size(m), Size(k), IndexRange(y, 1, k),
    Definition(freq, Lambda(c, Sum(KroneckerDelta(c, y[i]), (i, 1, m)) / m))])
ENTROPY = -Sum(freq(j) * log(freq(j)), (j, 1, k))


def test_empirical_entropy_is_not_zero():
    assert canonical(ENTROPY, FACTS) != 0
    assert not prove_equal(ENTROPY, 0, FACTS)


def test_empirical_entropy_is_log_m_minus_mean_log_count():
    count = Sum(KroneckerDelta(y[i], y[r]), (r, 1, m))
    assert prove_equal(ENTROPY, log(m) - Sum(log(count), (i, 1, m)) / m, FACTS)
    assert not prove_equal(ENTROPY, log(m) + Sum(log(count), (i, 1, m)) / m, FACTS)
