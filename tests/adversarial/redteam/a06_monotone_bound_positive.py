# A monotone transform T(u) = sum_{j=-3}^{3} j*u (identically 0) whose slope sum_j j is judged
# positive from the bound variable j's own (false) positive assumption.
from sympy import Symbol, Sum, Lambda, Dummy, S
from derivations import Argmin, Derivation, Parameter, Step, rules

theta = Symbol("theta", real=True)
j = Symbol("j", integer=True, positive=True)
u = Symbol("u")

a06 = Derivation(
    name="a06_monotone_bound_positive",
    title="Every point minimises the square",
    hypotheses=(Parameter(theta),),
    start=Argmin(theta**2, theta),
    steps=(Step(Argmin(S.Zero, theta), rules.monotone(Lambda(u, u * Sum(j, (j, -3, 3)))),
                "a strictly increasing transform"),),
)
