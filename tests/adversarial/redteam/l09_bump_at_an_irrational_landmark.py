"""A bump of width 1 centred at 10^7 pi: the sampler's landmarks (``evidence.point.landmarks``)
are the step's *rational* atoms only (here 10^7 and 1), so its landmark points are 10^7 times
1/2, 1, 2, 10 or 100, never 31415926.5...; the probe that makes the argument of |x - c|
vanish (``Point._vanish``) looks for a rational root only, and 10^7 pi is irrational. Random
far points land within 1 of 10^7 pi with negligible probability. So the hunt agrees at every
point, and the step is accepted as ``sampled``. (The round-10 fix for k08 added the landmarks;
this is k08 again with a constant the landmarks do not see. A ``Float`` constant, which is not
a ``Rational`` atom either, escapes the same way.)

Variants run and accepted at ``sampled`` grade the same way (irrational roots and poles are
never probed): "for real x, sign(x - pi)^2 = 1" (at x = pi: 0 vs 1), and "for real x,
tan(x) cos(x) = sin(x)" (at x = pi/2 the left side is undefined, the right side 1; ``_POLES``
lists tan's kin cot/csc only at 0, not tan, and not the poles k pi of cot besides 0).

False claim (sampled, exit 0): for real x, max(0, 1 - |x - 10^7 pi|) = 0.
Counterexample: x = 10^7 pi = 31415926.535...: the left side is 1, the right side is 0.

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l09_bump_at_an_irrational_landmark.py

Route: evidence.sampling.sample -> evidence.point.landmarks (``atoms(Rational)``) ->
Point._at_landmark (multiples of rational constants) and Point._vanish (rational roots only).

Suggested fix: take as landmarks the numeric values of every constant subexpression
(``side.atoms(Number)`` and every ``is_number`` subtree, e.g. 10^7 pi, evaluated), and let the
vanishing probe solve for an atom numerically (a real root to the working precision, or the
exact ``solve`` of a linear argument: x = 10^7 pi) rather than only where it is rational.
"""
from sympy import Abs, Max, S, Symbol, pi

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)

l09 = Derivation(
    name="l09_bump_at_an_irrational_landmark",
    title="A bump that is never seen",
    hypotheses=(Real(x),),
    start=Max(0, 1 - Abs(x - 10**7 * pi)),
    steps=(Step(S.Zero, rules.algebra, "the bump is flat"),),
)
