"""An author's file whose derivation is right and cites the catalogue."""

from sympy import IndexedBase, Symbol, log

from derivations import (
    CrossEntropy,
    Derivation,
    IndexRange,
    OneHot,
    Positive,
    Size,
    Step,
    indexed_vector,
    rules,
)

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True)
j = Symbol("j", integer=True)
q = IndexedBase("q", positive=True)

good_one_hot = Derivation(
    name="good_one_hot",
    title="One-hot cross entropy in one step",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=CrossEntropy(OneHot(y, k), indexed_vector(q, k)),
    steps=(Step(-log(q[y]), rules.one_hot_collapse, "by the catalogue's theorem",
                cites=("one_hot_cross_entropy",)),),
)
