"""The rank audit (language/derivation.py ``_check_ranks``) learns the rank a hypothesis speaks
of from the entries it mentions and from a simplex base's *shape*. ``Simplex(p, k)`` on a
family without a shape mentions no entry and has no shape, so it records no rank at all, and
entries of any rank pass -- while SymPy applies the family's ``nonnegative=True`` to all of them.
The simplex itself covers only rank-1 entries (hypotheses.py ``Simplex.covers``), and prints as
"p_j >= 0, sum_{j=1}^{k} p_j = 1" (one distribution, rank 1).

Claimed (symbolic): "k a size, p_j >= 0 and sum_j p_j = 1  =>  0 <= p_{1,2}".
p_{1,2} is an entry of another rank, about which no hypothesis says anything: false for
p_{1,2} = -1 (with p_1 = ... = p_k = 1/k). The same with ``Nonnegative(p[j])`` instead is
refused ("has 2 indices, but the hypotheses about p speak of entries with 1").

The same hole for the other hypotheses stated on a whole family (an IndexedBase, no entry):
``UnitInterval(a)`` prints "0 < a_l < 1 for all l" and lets "0 < a_{1,2}" be proved
(false for a_{1,2} = -1); ``IndexRange(y, 1, k)`` prints "y_i in {1, ..., k}" and lets the
delta collapse "sum_{j=1}^{k} delta_{j, y_{1,2}} = 1" be proved (false for y_{1,2} = 0, where
the sum is 0).
"""
from sympy import IndexedBase, Integer, KroneckerDelta, Sum, Symbol

from derivations import Derivation, IndexRange, Relation, Simplex, Size, Step, UnitInterval, rules

k = Symbol("k", integer=True, positive=True)
p = IndexedBase("p", nonnegative=True)

d16 = Derivation(
    name="d16_simplex_rank_unchecked",
    title="An entry of a distribution is non-negative",
    hypotheses=(Size(k), Simplex(p, k)),
    start=Integer(0),
    steps=(Step(p[1, 2], rules.inequality, "entries of a distribution", relation=Relation.LE),),
)

a = IndexedBase("a", positive=True)

d16_unit_interval = Derivation(
    name="d16_unit_interval_rank_unchecked",
    title="An entry of a family of probabilities is positive",
    hypotheses=(UnitInterval(a),),
    start=Integer(0),
    steps=(Step(a[1, 2], rules.inequality, "entries in the unit interval", relation=Relation.LT),),
)

j = Symbol("j", integer=True)
y = IndexedBase("y", integer=True)

d16_index_range = Derivation(
    name="d16_index_range_rank_unchecked",
    title="A label picks one class",
    hypotheses=(Size(k), IndexRange(y, 1, k)),
    start=Sum(KroneckerDelta(j, y[1, 2]), (j, 1, k)),
    steps=(Step(Integer(1), rules.one_hot_collapse, "the label lies among the classes"),),
)
