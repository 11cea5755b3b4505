"""The parameter may also be declared positive: ``Parameter(theta)`` and ``Positive(theta)`` on
one symbol are both accepted (the audit only asks that every declared assumption be implied by
some hypothesis). The theorem then prints "theta (the parameters, free to take any value)" and
"theta > 0" side by side, but the monotone-transform check (kernel/judge.py
``transform_problem``) judges the transform on the objective's range as the positive theta makes
it: theta is positive, so u -> u^2 counts as strictly increasing and arg min theta becomes arg min
theta^2.

Claimed (symbolic): arg min_theta theta = arg min_theta theta^2, with theta "free to take any
value".
False over the reals: arg min_theta theta is empty (theta is unbounded below), arg min_theta
theta^2 = {0}. (Over theta > 0 both are empty, which is what was checked: the printed statement
is not what was checked.) Grade obtained: symbolic.

Closed: a parameter may carry no hypothesis but Real (it prints as free to take any value).
"""
from sympy import Lambda, Symbol

from derivations import Argmin, Derivation, Parameter, Positive, Step, rules

theta = Symbol("theta", positive=True)
u = Symbol("u")

f04 = Derivation(
    name="f04_parameter_declared_positive",
    title="Squaring keeps the minimiser",
    hypotheses=(Parameter(theta), Positive(theta)),
    start=Argmin(theta, theta),
    steps=(Step(Argmin(theta**2, theta), rules.monotone(Lambda(u, u**2)),
                "squaring is increasing"),),
)
