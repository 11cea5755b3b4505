# Refused? T(u) = -1/u on an objective not known positive (not monotone across 0).
from sympy import Symbol, Lambda, Dummy
from derivations import Argmin, Derivation, Parameter, Step, rules
theta = Symbol("theta", real=True); u = Dummy("u")
r3 = Derivation(name="r3_reciprocal_transform", title="t", hypotheses=(Parameter(theta),),
    start=Argmin(theta**3, theta), steps=(Step(Argmin(-1/theta**3, theta), rules.monotone(Lambda(u, -1/u)), "reciprocal"),))
