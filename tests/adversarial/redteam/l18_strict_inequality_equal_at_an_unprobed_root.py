"""A strict inequality whose two sides meet at one rational point, x = 1/3, which no probe
visits. ``evidence.sampling.critical`` probes the zeros of denominators, logs' arguments,
|x|'s and sign's arguments and poles only; a square (3x - 1)^2 has a non-negative exponent, so
its base is not critical, and the zero of the sides' difference is never sought. The special
values (0, +-1, +-2, 1/2) and the landmarks (3 times 1/2, 1, 2, 10, 100: 1.5, 3, 6, ...) miss
1/3, and a random rational hits it with negligible probability. The kernel proves the
non-strict inequality only (the square is non-negative, not positive), so the hunt decides and
agrees everywhere: accepted as sampled.

False claim (sampled, exit 0): for real x, 0 < (3x - 1)^2.
Counterexample: x = 1/3: the right side is 0, and 0 < 0 is false.

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l18_strict_inequality_equal_at_an_unprobed_root.py

Route: checking.grade._check_order (no proof of strictness) -> evidence.sampling.sample ->
critical (no critical subexpression) -> random points only -> SAMPLED.

Suggested fix: for a strict inequality (and an equality too), probe the rational roots of the
difference of the sides and of every factor of it (``factor_list`` of ``high - low``, solved for
one atom where linear: 3x - 1 = 0 gives x = 1/3), exactly as denominators are probed now.
"""
from sympy import S, Symbol

from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)

l18 = Derivation(
    name="l18_strict_inequality_equal_at_an_unprobed_root",
    title="A square that never vanishes",
    hypotheses=(Real(x),),
    start=S.Zero,
    steps=(Step((3 * x - 1) ** 2, rules.inequality, "a square of a nonzero number",
                relation=Relation.LT),),
)
