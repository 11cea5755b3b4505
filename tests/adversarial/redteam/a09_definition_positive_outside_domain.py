# f declared positive, justified by Definition(f, Lambda(t, 2 * t)) with t > 0.  Applied at -1,
# f(-1) is still "positive" to SymPy, so the monotone transform T(u) = f(-1) u (really -u)
# passes as strictly increasing: arg min theta^2 = arg min -theta^2.
from sympy import Symbol, Function, Lambda, Integer
from derivations import Argmin, Definition, Derivation, Parameter, Positive, Step, rules

theta = Symbol("theta", real=True)
t = Symbol("t", positive=True)
f = Function("f", positive=True)
u = Symbol("u")

a09 = Derivation(
    name="a09_definition_positive_outside_domain",
    title="Minimising a square is minimising its negative",
    hypotheses=(Parameter(theta), Positive(t), Definition(f, Lambda(t, 2 * t))),
    start=Argmin(theta**2, theta),
    steps=(Step(Argmin(-2 * theta**2, theta), rules.monotone(Lambda(u, f(Integer(-1)) * u)),
                "f is positive, so multiplying by f(-1) keeps the minimiser"),),
)
