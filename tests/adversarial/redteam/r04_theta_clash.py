from sympy import Symbol
from derivations import Argmin, Derivation, Parameter, Real, Step, rules
theta = Symbol("theta", real=True); fake = Symbol("\\theta", real=True)
r04 = Derivation(name="r04_theta_clash", title="t", hypotheses=(Parameter(theta), Real(fake)),
                 start=Argmin((fake - 1)**2 + theta**2, theta),
                 steps=(Step(Argmin(theta**2, theta), rules.add_constant(-(fake - 1)**2), "drop"),))
