# Simpler form of a14: T(u) = exp(H(e_y, q)) u, slope exp(H) "positive" because H is_real.
from sympy import IndexedBase, Symbol, Lambda, exp
from derivations import (Argmin, CrossEntropy, Derivation, IndexRange, OneHot, Parameter, Real,
                         Size, Step, indexed_vector, rules)

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True, positive=True)
j = Symbol("j", integer=True)
q = IndexedBase("q", real=True)
theta = Symbol("theta", real=True)
u = Symbol("u")

a14b = Derivation(
    name="a14b_exp_of_cross_entropy",
    title="Dividing by a label's score keeps the minimiser",
    hypotheses=(Size(k), IndexRange(y, 1, k), Real(q[j]), Parameter(theta)),
    start=Argmin(theta**2, theta),
    steps=(Step(Argmin(theta**2 / q[y], theta),
                rules.monotone(Lambda(u, exp(CrossEntropy(OneHot(y, k), indexed_vector(q, k))) * u)),
                "exp is positive"),),
)
