"""Round 11's l15 with an exponent that is quadratic in the ranged integer: ``Point._negative``
(the probe that makes a power's exponent negative while its base vanishes) solves for a
*linear* exponent only when the range is wider than 64 values (``slope.is_Rational``); for
n^2 - 1 it gives up, and n = 0 (the only value that makes the exponent negative) is drawn
uniformly from 2 * 10^6 + 1 values. So the point x = 0, n = 0 is never met.

False claim (sampled, exit 0): for real x and every integer -10^6 <= n <= 10^6,
x^(n^2 - 1) x = x^(n^2).

Counterexample: x = 0, n = 0: the left side is 0^(-1) * 0, undefined; the right side is
0^0 = 1.

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round12/m13_quadratic_exponent_beyond_the_redraw.py

Route: evidence/sampling.py ``critical`` (the power x^(n^2 - 1), exponent not known
non-negative) -> evidence/point.py ``Point.fix_free`` -> ``_negative``: ``hi - lo > 64`` and
``slope = 2 n`` is not Rational, so ``return``; ``_ranged`` then leaves n uniform in the range.
(The kernel does not prove the step: ``canonical`` keeps x^2 x^(n^2 - 2)-style products apart;
if it did, m06's gap would make it symbolic.)

Suggested fix: solve ``exponent < 0`` for the integer exactly (``solveset``/``reduce_inequalities``
over the integers of the range, or the real roots of the exponent and the integers between
them), not only for linear exponents; or always try the integers nearest to the real roots of
the exponent.

Closed: where the range is too wide to try every integer and the exponent is not linear in the
redrawn integer, ``_negative`` takes the integers within 8 of each real root of the exponent,
a polynomial in it of degree at most 8 with rational coefficients (``point._near_roots``), and
among them those that make it negative. The step fails: "the two sides differ", at n = 0 and
x = 0, the left side undefined and the right side 1.
"""
from sympy import Integer, Mul, Symbol

from derivations import Derivation, IndexRange, Real, Step, rules

x = Symbol("x", real=True)
n = Symbol("n", integer=True)
N = Integer(10)**6

m13 = Derivation(
    name="m13_quadratic_exponent_beyond_the_redraw",
    title="Powers of one base",
    hypotheses=(Real(x), IndexRange(n, -N, N)),
    start=Mul(x**(n**2 - 1), x, evaluate=False),
    steps=(Step(x**(n**2), rules.algebra, "exponents add"),),
)
