# Equality case with two keys: each key is checked separately ("at is strictly monotone in a",
# "in b"), but one equation a*b = 1 does not force both a = 1 and b = 1.
# Printed: log(ab) <= ab - 1, with equality iff a = 1 and b = 1.  False: a = 2, b = 1/2 gives 0 = 0.
from sympy import Symbol, log
from derivations import Derivation, Positive, Step, rules, Relation

a = Symbol("a", positive=True)
b = Symbol("b", positive=True)

b02 = Derivation(
    name="b02_equality_case_two_keys",
    title="Tangent bound with its equality case",
    hypotheses=(Positive(a), Positive(b)),
    start=log(a * b),
    steps=(Step(a * b - 1, rules.by_lemma(rules.LOG_BELOW_TANGENT, 1, a * b),
                "step", relation=Relation.LE),),
    equality_if={a: 1, b: 1},
)
