# by_theorem: the cited theorem's Size hypothesis is transferred with raw SymPy
# (s.is_integer and s.is_positive), so the size k of "0 <= k" can be instantiated by
# c = ceiling((y-N)^2 + sum_{j=-1}^{0} j (1 + 1/(y^2+1))) = (y - N)^2 - 1, "positive" because the bound j is
# declared positive.  Printed: 0 <= c, false at y = N (c = -1), which sampling never draws.
from sympy import Symbol, Sum, ceiling, Integer, S
from derivations import Derivation, IndexRange, Relation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
sizes_are_nonnegative = Derivation(
    name="sizes_are_nonnegative",
    title="A size is non-negative",
    hypotheses=(Size(k),),
    start=S.Zero,
    steps=(Step(k, rules.inequality, "step", relation=Relation.LE),),
)

j = Symbol("j", integer=True, positive=True)
y = Symbol("y", integer=True, nonnegative=True)
N = Integer(123456789)
c = ceiling((y - N)**2 + Sum(j * (1 + 1 / (y**2 + 1)), (j, -1, 0)))

a25b = Derivation(
    name="a25b_by_theorem_size_transfer_rare",
    title="A shifted square is non-negative",
    hypotheses=(IndexRange(y, 0, 10**9),),
    start=S.Zero,
    steps=(Step(c, rules.by_theorem(sizes_are_nonnegative, {k: c}),
                "it is a size", relation=Relation.LE),),
)
