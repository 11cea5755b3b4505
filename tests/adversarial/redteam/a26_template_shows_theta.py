# named_function with a template that prints a parameter it does not take:
# p(y, x) typesets as p(y | x; theta) but does not depend on theta, so the whole negative
# log-likelihood is "free of theta" and can be dropped by add_constant:
#   arg min_theta -sum_i log p(y_i | x_i; theta) = arg min_theta 0   (every theta "is" the MLE)
from sympy import IndexedBase, Symbol, Sum, log, S
from derivations import (Argmin, Derivation, IndexRange, Parameter, Positive, Real, Size, Step,
                         named_function, rules)

m = Symbol("m", integer=True, positive=True)
k = Symbol("k", integer=True, positive=True)
i = Symbol("i", integer=True)
l = Symbol("l", integer=True)
theta = Symbol("theta", real=True)
x = IndexedBase("x", real=True)
y = IndexedBase("y", integer=True, positive=True)
u = Symbol("u", integer=True)
v = Symbol("v", real=True)
p = named_function("p", r"p\left({0} \mid {1}; \theta\right)", positive=True)

nll = -Sum(log(p(y[i], x[i])), (i, 1, m))

a26 = Derivation(
    name="a26_template_shows_theta",
    title="The likelihood does not pin down theta",
    hypotheses=(Size(m), Size(k), Parameter(theta), Real(x[l]), IndexRange(y[l], 1, k),
                Positive(p(u, v))),
    start=Argmin(nll, theta),
    steps=(Step(Argmin(S.Zero, theta), rules.add_constant(-nll), "the terms are free of theta"),),
)
