# A user lemma whose slack is c*x^2 with c = sum_{j=-5}^{3} j = -9; Lemma.problem judges
# slack'' = 2c > 0 from the bound variable j's own positive=True (raw SymPy, not prepared).
# The statement carries an integer n over all of Z, so the sampler never draws a point.
from sympy import Symbol, Lambda, Integer, Sum, oo
from derivations import Derivation, IndexRange, Relation, Step, rules

x = Symbol("x")
j = Symbol("j", integer=True, positive=True)
n = Symbol("n", integer=True)
BAD = rules.Lemma("bad", "c x^2 >= 0", Lambda(x, x**2 * Sum(j, (j, -5, 3))), False, Integer(0))

a07 = Derivation(
    name="a07_lemma_convexity_bound_var",
    title="Nine more is no more",
    hypotheses=(IndexRange(n, -oo, oo),),
    start=n + 9,
    steps=(Step(n, rules.by_lemma(BAD, Integer(1), Integer(1)), "by the lemma",
                relation=Relation.LE),),
)
