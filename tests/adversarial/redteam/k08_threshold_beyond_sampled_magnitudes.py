"""Sampled evidence for a statement that fails only beyond the magnitudes the sampler draws.

A real is drawn near 1 and, now and then, at magnitudes 10^-6 to 10^6
(``CheckSettings.magnitudes``), and critical points are made only for the bases of negative
powers, log and xlogy arguments, |x| and sign. The constant 10^7 of the step is never used to
choose a point, so a term that switches on beyond it is never seen: 24 agreeing points, accepted
at sampled grade.

False claim (sampled): for real x,  min(1, max(0, |x| - 10^7)) = 0.
Counterexample: x = 10^8: the left side is min(1, 9*10^7) = 1, the right side is 0.

Grade obtained: sampled (labelled weaker evidence), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round10/k08_threshold_beyond_sampled_magnitudes.py

Route: checking.grade._check_equal -> judge.proves_equal (no proof: Max/Min stay) ->
prove_sized (no size) -> sampling.sample: evidence.point draws x within 10^6 (the probe of |x|
makes |x| vanish at 0, not |x| - 10^7) -> agreement at 24 points -> SAMPLED.

Suggested fix: make the argument of every Max/Min/Abs/sign/floor/Heaviside (not only of |x|
and sign as a whole) vanish when it has a root the sampler can solve for (|x| - 10^7 = 0 gives
x = +-10^7, then probe on both sides of it), and draw now and then at the magnitude of every
numeric constant of the step (10^7 here) times a few factors.
"""
from sympy import Abs, Integer, Max, Min, Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)

k08 = Derivation(
    name="k08_threshold_beyond_sampled_magnitudes",
    title="A clipped ramp",
    hypotheses=(Real(x),),
    start=Min(1, Max(0, Abs(x) - 10**7)),
    steps=(Step(Integer(0), rules.algebra, "the ramp is flat"),),
)
