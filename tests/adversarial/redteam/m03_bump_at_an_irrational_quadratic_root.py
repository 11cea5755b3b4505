"""A bump of width 10^-12 centred at sqrt(2), written through |x^2 - 2|: the probe that makes
the argument of |.| vanish (``Point._vanish``) finds rational roots of a polynomial and the
root of a linear expression only; the landmarks (``point.landmarks``) are the step's constants
10^12 and 1 (2 is a special value), so no point comes within 10^-12 of sqrt(2). This is l09
of round 11 again, through an algebraic rather than a transcendental constant: the round-11 fix
(``_linear_root``, landmarks of constant subexpressions) does not reach it.

False claim (sampled, exit 0): for real x, max(0, 1 - 10^12 |x^2 - 2|) = 0.

Counterexample: x = sqrt(2): the left side is 1, the right side is 0.

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round12/m03_bump_at_an_irrational_quadratic_root.py

Route: evidence/sampling.py ``critical`` (the argument x^2 - 2 of Abs) -> evidence/point.py
``Point._vanish`` -> ``Poly(x**2 - 2, x, domain="QQ").factor_list()``: no linear factor, so
nothing is recorded; ``_linear_root`` is only tried when ``Poly`` fails.

Suggested fix: as for m02: probe every real root of the critical expression (exact algebraic
roots of a polynomial of low degree via ``real_roots``, else numeric roots refined to the
working precision), not only rational ones.
"""
from sympy import Abs, Integer, Max, S, Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)

m03 = Derivation(
    name="m03_bump_at_an_irrational_quadratic_root",
    title="A bump that is never seen",
    hypotheses=(Real(x),),
    start=Max(0, 1 - Integer(10)**12 * Abs(x**2 - 2)),
    steps=(Step(S.Zero, rules.algebra, "the bump is flat"),),
)
