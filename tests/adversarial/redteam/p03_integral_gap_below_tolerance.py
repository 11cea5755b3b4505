"""A false closed form of an integral, off by 10^-40, accepted at sampled grade: the refinement
that catches a gap below the tolerance cannot refine a quadrature, and its failure counts as
agreement.

False claim (sampled, exit 0): int_0^1 exp(x) dx = e - 1 + 10^-40.

Counterexample: none is needed beyond the statement itself: the integral is exactly e - 1
(there are no variables), and e - 1 != e - 1 + 10^-40.

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check tests/adversarial/redteam_round14/p03_integral_gap_below_tolerance.py --no-cache

Contrast: the same gap without an integral, exp(x) - 1 = exp(x) - 1 + 10^-40, is refuted (the
refinement at 200 digits shows the gap does not shrink).

Route: sampling.sample -> evaluate_at (the quadrature at 100 working digits gives e - 1 to ~100
digits) -> _judged: the gap 10^-40 is inside the relative tolerance 10^-30, outside it at 0, and
above the rounding level, so the sides are evaluated again at 200 digits; evaluator._integral
raises Unsupported ("quadrature past 130 digits"), and ``_judged`` answers
``except (Unsupported, EmptyDomain): return tolerant, x - y``, i.e. "agreed". Every point is the
same (no variables), so all 24 agree. This is also what lets the 2-point cross-check of p01 and
p02 accept their false symbolic proofs.

Suggested fix: in ``_judged``, a refinement that cannot be carried out must not decide for the
claim: return "not judged" (count the point as undecided, like ``_settled`` does for a
counterexample), not ``tolerant``. Alternatively allow quadrature up to the refinement's
precision (2 x 2 x working digits) when it is asked for by a refinement, or compare integrals
with a tolerance tied to the quadrature's own error estimate and refuse agreement when the gap
is inside the tolerance but above that estimate.
"""
from sympy import E, Integer, Integral, Symbol, exp

from derivations import Derivation, Step, rules

x = Symbol("x", real=True)

p03 = Derivation(
    name="p03_integral_gap_below_tolerance",
    title="The integral of the exponential over the unit interval",
    hypotheses=(),
    start=Integral(exp(x), (x, 0, 1)),
    steps=(Step(E - 1 + Integer(10)**-40, rules.algebra, "by quadrature"),),
)
