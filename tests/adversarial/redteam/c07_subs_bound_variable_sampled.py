"""The sampler substitutes its random values for the *bound* variable of a ``Subs`` (x in
f(x)|_{x=0}), so it evaluates f at the random point instead of at 0 and agrees with a false
step: accepted at ``sampled`` grade (and a true Subs step is refused with a bogus
counterexample, e.g. d/dt t^3 |_{t=x} = 3 x^2 "fails" at t=-1.5, x=1.9).

False claim: (x^2 + 1)|_{x=0} = x^2 + 1 for real x. The left side is 1; at x = 1 the right side
is 2.
"""
from sympy import S, Subs, Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)

c07 = Derivation(
    name="c07_subs_bound_variable_sampled",
    title="Evaluating at zero changes nothing",
    hypotheses=(Real(x),),
    start=Subs(x**2 + 1, x, S.Zero),
    steps=(Step(x**2 + 1, rules.algebra, "substitute"),),
)
