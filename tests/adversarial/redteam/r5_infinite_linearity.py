# Refused? linearity of a convergent telescoping series into two divergent ones.
from sympy import Symbol, Sum, oo
from derivations import Derivation, Step, rules
j = Symbol("j", integer=True)
r5 = Derivation(name="r5_infinite_linearity", title="t", hypotheses=(),
    start=Sum(1/j - 1/(j+1), (j, 1, oo)), steps=(Step(Sum(1/j, (j, 1, oo)) - Sum(1/(j+1), (j, 1, oo)), rules.algebra, "split"),))
