# Positive(p(x_l, theta)) justifies declaring p positive for EVERY argument, but prints as
# "p(x_l, theta) > 0 for all l" - nothing about p at other arguments.  The kernel then splits
# log(p(theta, x_1) p(theta, x_2)) (arguments swapped), which a reader cannot justify: with
# p(theta, x_1) = p(theta, x_2) = -1 the left side is 0 and the right side 2 i pi.
from sympy import Function, IndexedBase, Symbol, log
from derivations import Derivation, Parameter, Positive, Real, Step, rules

theta = Symbol("theta", real=True)
l = Symbol("l", integer=True)
x = IndexedBase("x", real=True)
p = Function("p", positive=True)

a32 = Derivation(
    name="a32_function_pattern_too_narrow",
    title="The log of a product of model probabilities",
    hypotheses=(Parameter(theta), Real(x[l]), Positive(p(x[l], theta))),
    start=log(p(theta, x[1]) * p(theta, x[2])),
    steps=(Step(log(p(theta, x[1])) + log(p(theta, x[2])), rules.log_of_product,
                "both factors are positive"),),
)
