"""An author's file with a deliberately wrong step: the one-hot sum picks the wrong entry."""

from sympy import IndexedBase, KroneckerDelta, Sum, Symbol, log

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

wrong_one_hot = Derivation(
    name="wrong_one_hot",
    title="A wrong one-hot collapse",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=CrossEntropy(OneHot(y, k), indexed_vector(q, k)),
    steps=(
        Step(-Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)), rules.definition,
             "definition of cross entropy"),
        Step(-log(q[1]), rules.one_hot_collapse, "only the first term survives (wrong)"),
    ),
)
