# a26 was fixed for function templates only: a plain Symbol whose *name* prints theta,
# Symbol(r"L(\theta)"), is a constant to the checker (free of theta), so add_constant drops it.
# Printed: argmin_theta (L(theta) + theta^2) = argmin_theta theta^2.
# False for the reader's L(theta), e.g. L(theta) = 4 (theta - 1)^2: minimiser 4/5, not 0.
from sympy import Symbol
from derivations import Argmin, Derivation, Parameter, Real, Step, rules

theta = Symbol("theta", real=True)
L = Symbol(r"L(\theta)", real=True)

b06 = Derivation(
    name="b06_symbol_prints_theta",
    title="A regulariser alone decides",
    hypotheses=(Parameter(theta), Real(L)),
    start=Argmin(L + theta**2, theta),
    steps=(Step(Argmin(theta**2, theta), rules.add_constant(-L),
                "the loss does not depend on theta"),),
)
