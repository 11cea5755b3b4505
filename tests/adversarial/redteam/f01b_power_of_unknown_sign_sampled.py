"""Red-team round 5, the sampled half of f01: a power of unknown sign cancelled against a
difference. Claimed (sampled): for real x and an integer -3 <= n <= 3,
x^n (x^2 - x) = x^(n+2) - x^(n+1). False at n = -1, x = 0: the left side is 0^-1 * 0,
undefined; the right side is 0^1 - 0^0 = -1. The kernel refuses it (a denominator may vanish);
the sampler's probe draws x = 0 at every other point, but n = -1 with it only by chance: 37
of 40 seeds refute the step, the step's own seed does not (accepted at sampled grade, which is
labelled weaker evidence).
"""
from sympy import Symbol

from derivations import Derivation, IndexRange, Real, Step, rules

x = Symbol("x", real=True)
n = Symbol("n", integer=True)

f01b = Derivation(
    name="f01b_power_of_unknown_sign_sampled",
    title="A power of unknown sign times a difference",
    hypotheses=(Real(x), IndexRange(n, -3, 3)),
    start=x**n * (x**2 - x),
    steps=(Step(x**(n + 2) - x**(n + 1), rules.algebra, "distribute the power"),),
)
