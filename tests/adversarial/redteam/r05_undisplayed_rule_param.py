from sympy import Symbol
from derivations import Argmin, Derivation, Parameter, Step, rules
theta = Symbol("theta", real=True); c = Symbol("c", positive=True)
r05 = Derivation(name="r05_undisplayed_rule_param", title="t", hypotheses=(Parameter(theta),),
                 start=Argmin(theta**2, theta),
                 steps=(Step(Argmin(c * theta**2, theta), rules.positive_factor(c), "scale"),))
