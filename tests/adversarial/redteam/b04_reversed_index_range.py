# IndexRange(y, k, 1): the checker reads k <= y <= 1 (so y = k = 1), but it prints as
# "y in {k, ..., 1}", which a reader takes for {1, ..., k}.  The one-hot collapse over the single
# index j = k is then "in range".  Printed: sum_{j=k}^{k} delta_{jy} x_j = x_y.
# False for the reader's y in {1..k}: k = 2, y = 1 gives 0 = x_1.
from sympy import IndexedBase, KroneckerDelta, Sum, Symbol
from derivations import Derivation, IndexRange, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)
x = IndexedBase("x", real=True)

b04 = Derivation(
    name="b04_reversed_index_range",
    title="Picking out the label's entry",
    hypotheses=(Size(k), IndexRange(y, k, 1), Real(x[l])),
    start=Sum(KroneckerDelta(j, y) * x[j], (j, k, k)),
    steps=(Step(x[y], rules.one_hot_collapse, "only the label's term survives"),),
)
