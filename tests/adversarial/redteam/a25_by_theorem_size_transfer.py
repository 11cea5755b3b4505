# by_theorem: the cited theorem's Size hypothesis is transferred with raw SymPy
# (s.is_integer and s.is_positive), so a size can be instantiated by
# ceiling(sum_{j=-5}^{3} j (x^2+1)) = ceiling(-9 (x^2+1)) <= -9, "positive" because the bound j
# is declared positive.  The citer carries n over all of Z, so no point is ever sampled.
from sympy import Symbol, Sum, ceiling, oo, S
from derivations import Derivation, IndexRange, Real, Relation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
sizes_are_nonnegative = Derivation(
    name="sizes_are_nonnegative",
    title="A size is non-negative",
    hypotheses=(Size(k),),
    start=S.Zero,
    steps=(Step(k, rules.inequality, "step", relation=Relation.LE),),
)

j = Symbol("j", integer=True, positive=True)
x = Symbol("x", real=True)
n = Symbol("n", integer=True)
c = ceiling(Sum(j * (x**2 + 1), (j, -5, 3)))

a25 = Derivation(
    name="a25_by_theorem_size_transfer",
    title="Adding a ceiling never decreases",
    hypotheses=(Real(x), IndexRange(n, -oo, oo)),
    start=n,
    steps=(Step(n + c, rules.by_theorem(sizes_are_nonnegative, {k: c}),
                "a size is non-negative", relation=Relation.LE),),
)
