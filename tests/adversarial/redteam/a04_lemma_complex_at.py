# A user lemma on the real line (x^2 >= 0) cited at a non-real argument (at = I):
# the certificate w*slack(I) = -1 "proves" a + 1 <= a.  No check that `at` is real.
from sympy import Symbol, Lambda, I, Integer
from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x")
a = Symbol("a", real=True)
SQUARE = rules.Lemma("square", "x^2 >= 0", Lambda(x, x**2), False, Integer(0))

a04 = Derivation(
    name="a04_lemma_complex_at",
    title="One more is no more",
    hypotheses=(Real(a),),
    start=a + 1,
    steps=(Step(a, rules.by_lemma(SQUARE, Integer(1), I), "a square is non-negative", relation=Relation.LE),),
)
