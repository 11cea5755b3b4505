# Bound summation variable j declared positive (no hypothesis needed: it is bound).
# f(t) = |t| is unfolded by replace(), which re-evaluates Abs(j) -> j using j's assumption.
from sympy import S, Symbol, Function, Lambda, Abs, Sum
from derivations import Derivation, Definition, Step, rules

j = Symbol("j", positive=True, integer=True)
t = Symbol("t")
f = Function("f")

a01 = Derivation(
    name="a01_bound_assumption_definition",
    title="Sum of |t| over -3..3 is zero",
    hypotheses=(Definition(f, Lambda(t, Abs(t))),),
    start=Sum(f(j), (j, -3, 3)),
    steps=(Step(S.Zero, rules.definition, "unfold f"),),
)
