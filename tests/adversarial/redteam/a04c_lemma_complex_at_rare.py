# A user lemma on the real line (x^2 >= 0) cited at a non-real argument (at = I delta).  No check that
# `at` is real when the lemma's domain is the real line.  Certificate (I delta)^2 = -delta
# "proves" delta_{y,N} <= 0, false only at y = N = 123456789, which sampling never draws.
from sympy import Symbol, Lambda, I, Integer, KroneckerDelta, S
from derivations import Derivation, IndexRange, Relation, Step, rules

x = Symbol("x")
y = Symbol("y", integer=True, nonnegative=True)
N = Integer(123456789)
SQUARE = rules.Lemma("square", "x^2 >= 0", Lambda(x, x**2), False, Integer(0))

a04c = Derivation(
    name="a04c_lemma_complex_at_rare",
    title="An indicator is never positive",
    hypotheses=(IndexRange(y, 0, 10**9),),
    start=KroneckerDelta(y, N),
    steps=(Step(S.Zero, rules.by_lemma(SQUARE, Integer(1), I * KroneckerDelta(y, N)),
                "a square is non-negative", relation=Relation.LE),),
)
