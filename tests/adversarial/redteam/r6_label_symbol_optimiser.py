# Refused? positive_factor by a label-lookalike symbol a (b01 trick) -- expected accepted actually
from sympy import Symbol, IndexedBase
from derivations import Argmin, Derivation, Parameter, Positive, Step, rules
theta = Symbol("theta", real=True); l = Symbol("l", integer=True)
A = IndexedBase("a", positive=True); a = Symbol("a", positive=True)
r6 = Derivation(name="r6_label_symbol_optimiser", title="t", hypotheses=(Parameter(theta), Positive(A[l])),
    start=Argmin(theta**2 + A[1], theta), steps=(Step(Argmin(a*theta**2 + a*A[1], theta), rules.positive_factor(a), "scale"),))
