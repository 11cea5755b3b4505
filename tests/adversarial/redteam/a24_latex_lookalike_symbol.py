# Two different symbols that typeset identically: the parameter theta (LaTeX \theta) and a
# Symbol named "{\theta}" (LaTeX {\theta}).  The clash check compares the LaTeX strings
# exactly, so they pass.  Dropping (theta' - 1)^2 as "free of theta" is then printed as
#   arg min_theta ((theta - 1)^2 + theta^2) = arg min_theta theta^2     (1/2 vs 0: false).
from sympy import Symbol
from derivations import Argmin, Derivation, Parameter, Real, Step, rules

theta = Symbol("theta", real=True)
fake = Symbol("{\\theta}", real=True)

a24 = Derivation(
    name="a24_latex_lookalike_symbol",
    title="The first term does not move the minimiser",
    hypotheses=(Parameter(theta), Real(fake)),
    start=Argmin((fake - 1)**2 + theta**2, theta),
    steps=(Step(Argmin(theta**2, theta), rules.add_constant(-(fake - 1)**2),
                "the first term is free of theta"),),
)
