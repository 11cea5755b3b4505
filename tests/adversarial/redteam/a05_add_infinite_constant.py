# add_constant(oo): "free of the parameter", slope 1; new objective = theta^2 + oo = oo.
from sympy import Symbol, oo
from derivations import Argmin, Derivation, Parameter, Step, rules

theta = Symbol("theta", real=True)

a05 = Derivation(
    name="a05_add_infinite_constant",
    title="Every point minimises the square",
    hypotheses=(Parameter(theta),),
    start=Argmin(theta**2, theta),
    steps=(Step(Argmin(oo, theta), rules.add_constant(oo), "add a constant"),),
)
