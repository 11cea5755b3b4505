"""A pole x^n with x = 0 and n < 0, where the only negative exponent in n's declared range is
n = -1 and the range is wider than 64 values. ``evidence.point.Point._negative`` (the round-9
fix for f01b) redraws an integer of a power's exponent so that the exponent is negative when
the probe makes the base vanish, but gives up when ``hi - lo > 64``; the probe then meets
x = 0 with a random n in [-1, 1000], negative once in 1002 draws. The hunt agrees at every
point and the step is accepted as sampled. With the range [-1, 50] the same step fails at once
with the counterexample n = -1, x = 0.

False claim (sampled, exit 0): for real x and integer -1 <= n <= 1000, x^n x = x^(n+1).
Counterexample: x = 0, n = -1: the left side 0^(-1) * 0 is undefined, the right side 0^0 = 1
(the checker's own rule: a side with no value where the other has one is a counterexample).

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l15_negative_exponent_beyond_the_redraw_width.py

Route: evidence.sampling.sample -> critical (x^n) -> Point._vanish (x = 0) -> Point._negative
(``hi - lo > 64``: return) -> random n.

Suggested fix: find the values of the integer that make the exponent negative without
enumerating the range: for an exponent linear in the integer (a n + b), solve a n + b < 0 for
the interval and draw from its intersection with the declared range (and, in any case, try the
endpoints of the range, where a pole usually sits).
"""
from sympy import Mul, Pow, Symbol

from derivations import Derivation, IndexRange, Real, Step, rules

x = Symbol("x", real=True)
n = Symbol("n", integer=True)

l15 = Derivation(
    name="l15_negative_exponent_beyond_the_redraw_width",
    title="Multiplying a power by its base",
    hypotheses=(Real(x), IndexRange(n, -1, 1000)),
    start=Mul(Pow(x, n), x, evaluate=False),
    steps=(Step(Pow(x, n + 1), rules.algebra, "add the exponents"),),
)
