# InformationMeasure has is_real = True as a class attribute, whatever its arguments.  With
# q only real, H(e_y, q) = -log q_y is complex when q_y < 0, yet it satisfies the domain check
# of g(t) = exp(t) (t real), and g(H) is then "positive": T(u) = g(H) u passes as increasing.
# Actual T(u) = u / q_y, so for q_y < 0 the arg min of theta^2 / q_y is empty, not {0}.
from sympy import IndexedBase, Symbol, Function, Lambda, exp
from derivations import (Argmin, CrossEntropy, Definition, Derivation, IndexRange, OneHot,
                         Parameter, Real, Size, Step, indexed_vector, rules)

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True, positive=True)
j = Symbol("j", integer=True)
q = IndexedBase("q", real=True)
theta = Symbol("theta", real=True)
t = Symbol("t", real=True)
g = Function("g", positive=True)
u = Symbol("u")

a14 = Derivation(
    name="a14_information_measure_is_real",
    title="Dividing by a label's score keeps the minimiser",
    hypotheses=(Size(k), IndexRange(y, 1, k), Real(q[j]), Parameter(theta), Real(t),
                Definition(g, Lambda(t, exp(t)))),
    start=Argmin(theta**2, theta),
    steps=(Step(Argmin(theta**2 / q[y], theta),
                rules.monotone(Lambda(u, g(CrossEntropy(OneHot(y, k), indexed_vector(q, k))) * u)),
                "g is positive"),),
)
