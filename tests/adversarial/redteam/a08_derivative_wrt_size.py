# d/dk of a sum whose upper bound is the size k.
from sympy import Symbol, Sum, Derivative, S
from derivations import Derivation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)

a08 = Derivation(
    name="a08_derivative_wrt_size",
    title="The sum of squares does not grow",
    hypotheses=(Size(k),),
    start=Derivative(Sum(j**2, (j, 1, k)), k),
    steps=(Step(S.Zero, rules.algebra, "differentiate"),),
)
