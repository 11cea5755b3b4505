"""A narrow bump at a real root of an irreducible quintic: the probe takes roots of degree <= 4.

False claim (sampled, exit 0): for real y, 1 + exp(-10^8 (y^5 - y - 1)^2) = 1.

Counterexample: y = the real root of y^5 - y - 1 (1.16730397826141868...): the left side is 2.
(Also any y within ~10^-3 of it: the gap exceeds 10^-30.)

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check tests/adversarial/redteam_round15/q02_bump_at_a_quintic_root.py --no-cache

Route: sampling.sample -> point.Point._vanish: ``if not 1 <= poly.degree() <= 4: return``; the
quintic (irreducible, Galois group S5) has no root taken, and the meeting-point probe gets the
difference exp(...) which has no polynomial form. Random points land within 10^-3 of 1.1673
too rarely. This is m02 (closed for degree <= 4 in 03e25cc) one degree higher.

Suggested fix: for a univariate polynomial critical expression of any degree, take its real
roots numerically (``Poly.real_roots`` / ``nroots`` isolates them for any degree; CRootOf
works for any degree too) and evaluate at rational approximations to the working precision;
and, more generally, minimise |critical expression| numerically along the variable before
drawing.
"""
from sympy import S, Symbol, exp

from derivations import Derivation, Real, Step, rules

y = Symbol("y", real=True)

q02 = Derivation(
    name="q02_bump_at_a_quintic_root",
    title="A bump at a root of degree five",
    hypotheses=(Real(y),),
    start=1 + exp(-10**8 * (y**5 - y - 1)**2),
    steps=(Step(S.One, rules.algebra, "the bump is negligible"),),
)
