# A hypothesis pattern may quantify over the parameter ("p(x; theta) > 0 is meant for every
# theta"), but the printer never writes "for all" over a parameter (it is "fixed").  So
# Positive(q[theta]) justifies q positive for EVERY index while it prints as "q_theta > 0",
# a statement about the one entry at the parameter.
# Printed: theta in Theta, q_theta > 0  =>  log(q_1 q_2) = log q_1 + log q_2.
# False: theta = 3, q_1 = q_2 = -1 (left 0, right 2 i pi).
from sympy import IndexedBase, Symbol, log
from derivations import Derivation, Parameter, Positive, Step, rules

theta = Symbol("theta", real=True)
q = IndexedBase("q", positive=True)

b11 = Derivation(
    name="b11_parameter_pattern",
    title="Splitting a log",
    hypotheses=(Parameter(theta), Positive(q[theta])),
    start=log(q[1] * q[2]),
    steps=(Step(log(q[1]) + log(q[2]), rules.log_of_product, "split the log"),),
)
