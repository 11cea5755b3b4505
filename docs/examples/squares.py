"""A theorem that another file cites: a real square is never negative.

A worked example for the user guide (citing a derivation from another file).
"""

from sympy import S, Symbol

from derivations import Derivation, Real, Relation, Step, rules

a = Symbol("a", real=True)

square_nonnegative = Derivation(
    name="square_nonnegative",
    title="A real square is never negative",
    hypotheses=(Real(a),),
    start=S.Zero,
    steps=(Step(a**2, rules.inequality, "a square is non-negative", relation=Relation.LE),),
)
