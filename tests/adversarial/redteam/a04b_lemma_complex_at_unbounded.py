# As a04, plus an integer n ranging over all of Z: the sampler cannot draw n
# (EmptyDomain for -oo..oo), so the 2 cross-check points are silently skipped.
from sympy import Symbol, Lambda, I, Integer, oo
from derivations import Derivation, IndexRange, Relation, Step, rules

x = Symbol("x")
n = Symbol("n", integer=True)
SQUARE = rules.Lemma("square", "x^2 >= 0", Lambda(x, x**2), False, Integer(0))

a04b = Derivation(
    name="a04b_lemma_complex_at_unbounded",
    title="One more is no more",
    hypotheses=(IndexRange(n, -oo, oo),),
    start=n + 1,
    steps=(Step(n, rules.by_lemma(SQUARE, Integer(1), I), "a square is non-negative",
                relation=Relation.LE),),
)
