"""An inequality step never asks whether its sides are defined. Equalities refuse a side that
divides by something that may vanish (kernel/judge.py ``proves_equal``/``_denominators``), but
``proves_order`` goes straight to the structural positivity proof, and
kernel/positivity.py ``_nonnegative`` calls a power non-negative when its base is non-negative
and its exponent real, negative exponents included (0^-1 is not a number), and likewise
``b^n`` for an even ``n < 0`` and a real ``b``.

Claimed (symbolic): for real x, 0 <= 1/x^2. The right side is undefined at x = 0, an allowed
point (an equality with the same side would be refused for its denominator). The sampler never
draws x = 0 exactly, so the cross-check agrees. The same proof of 0 <= sum_j 1/p_j for p_j >= 0
is also "proved" by the kernel, but there the sampler draws a zero entry and reports "sampling
contradicts the symbolic proof (please report this engine bug)": the kernel's bug, caught.

Closed: the probe draws x = 0 (the base of the negative power), where the right side is
undefined; a one-sided undefined value at a point of the domain is a counterexample.
"""
from sympy import Integer, Symbol

from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)

d04_square = Derivation(
    name="d04_inequality_undefined_square",
    title="An inverse square is non-negative",
    hypotheses=(Real(x),),
    start=Integer(0),
    steps=(Step(x ** -2, rules.inequality, "an even power", relation=Relation.LE),),
)
