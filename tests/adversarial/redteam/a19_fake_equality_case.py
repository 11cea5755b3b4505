# A lemma whose slack is (x-1)^2 * sum_{j=-3}^{3} j, identically 0, passes Lemma.problem as
# "strictly convex" (the bound j is declared positive; raw SymPy).  The equality-case check
# trusts the lemma's uniqueness of x0 = 1, so "a <= a, with equality iff a = 1" is accepted.
from sympy import Symbol, Lambda, Integer, Sum
from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x")
j = Symbol("j", integer=True, positive=True)
a = Symbol("a", real=True)
FLAT = rules.Lemma("flat", "0 <= c (x - 1)^2", Lambda(x, (x - 1)**2 * Sum(j, (j, -3, 3))),
                   False, Integer(1))

a19 = Derivation(
    name="a19_fake_equality_case",
    title="A number equals itself only at one",
    hypotheses=(Real(a),),
    start=a,
    steps=(Step(a, rules.by_lemma(FLAT, Integer(1), a), "by the lemma", relation=Relation.LE),),
    equality_if={a: Integer(1)},
)
