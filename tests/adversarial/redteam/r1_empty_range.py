# Refused? IndexRange(y, 2, 1) (empty) used to collapse a delta sum.
from sympy import IndexedBase, KroneckerDelta, Sum, Symbol
from derivations import Derivation, IndexRange, Real, Size, Step, rules
k = Symbol("k", integer=True, positive=True); y = Symbol("y", integer=True); j = Symbol("j", integer=True); l = Symbol("l", integer=True)
x = IndexedBase("x", real=True)
r1 = Derivation(name="r1_empty_range", title="t", hypotheses=(Size(k), IndexRange(y, 2, 1), Real(x[l])),
    start=Sum(KroneckerDelta(j, y) * x[j], (j, 1, 1)) + Sum(x[j]*KroneckerDelta(j,y), (j, 3, k+2)),
    steps=(Step(2 * x[y], rules.one_hot_collapse, "collapse"),))
