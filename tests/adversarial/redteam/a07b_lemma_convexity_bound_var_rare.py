# A user lemma whose slack is c x^2 with c = sum_{j=-5}^{3} j = -9: Lemma.problem judges
# slack'' = 2c > 0 with raw SymPy, from the bound variable j's own positive=True.
# Cited at x = delta_{y,N}: "9 delta_{y,N} <= 0", false only at y = N (never sampled).
from sympy import Symbol, Lambda, Integer, Sum, KroneckerDelta, S
from derivations import Derivation, IndexRange, Relation, Step, rules

x = Symbol("x")
j = Symbol("j", integer=True, positive=True)
y = Symbol("y", integer=True, nonnegative=True)
N = Integer(123456789)
BAD = rules.Lemma("bad", "c x^2 >= 0", Lambda(x, x**2 * Sum(j, (j, -5, 3))), False, Integer(0))

a07b = Derivation(
    name="a07b_lemma_convexity_bound_var_rare",
    title="Nine indicators are never positive",
    hypotheses=(IndexRange(y, 0, 10**9),),
    start=9 * KroneckerDelta(y, N),
    steps=(Step(S.Zero, rules.by_lemma(BAD, Integer(1), KroneckerDelta(y, N)), "by the lemma",
                relation=Relation.LE),),
)
