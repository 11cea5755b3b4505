"""Red-team round 16, r02: a step wrong only where a floor/ceiling jumps at a rational point
whose denominator is not a power of 10: the sampler never draws it.

False claims (each graded **sampled**, exit 0), for real x:

    ceiling(3x + 1/11) - floor(3x + 1/11) = 1        ("the argument is never an integer")
    floor(3x + 1/11) < ceiling(3x + 1/11)             (the same as a strict inequality)

Counterexample: x = 10/33: 3x + 1/11 = 1, so ceiling - floor = 0, not 1, and 1 < 1 is false
(also x = -1/33, x = 7/11, ...: every x = (11m - 1)/33).

Command:
    python -m derivations check \
        tests/adversarial/redteam/r02_floor_jump_at_a_non_decimal_rational.py --no-cache
Output: both "ok (1 step, weakest evidence: sampled)", exit 0.

Route: `evidence/sampling.critical` makes vanish the arguments of log, |x|, sign, Heaviside,
powers and poles, but not of floor/ceiling/frac (where a step function jumps); `_meeting`
probes the roots of the sides' difference only when it is a polynomial it can solve (here it
holds floor/ceiling). The random reals are decimal rationals (`Point._real`: n/10^5, or a
6-digit mantissa times 10^e) and the special values 0, +-1, +-2, 1/2; the landmark values are
the step's constants (3, 1/11) times 1/2, 1, 2, 10, 100, with either sign. None of these makes
3x + 1/11 an integer (x would need 11 in its denominator; I checked every landmark value by
hand in Fractions). Related to l09 (irrational landmark), but the missed point is rational
and the construct is a jump, not a bump.

Suggested fix: add the arguments of floor, ceiling, frac, Mod (and Piecewise conditions,
solved for equality) to `critical`, and probe points where such an argument equals an
integer near its value at a random point (solve a*x + b = round(a*x0 + b) for x when the
argument is linear in one atom).

Closed: the argument of a floor, ceiling or fractional part, less 0, 1 and -1, is a critical
expression (``sampling.critical``), and the probe solves it for a rational root: the step fails
at x = 10/33 ("the left side is 0 and the right side is 1"), the strict form at x = -1/33.
"""

from sympy import Integer, Rational, Symbol, ceiling, floor

from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)
arg = 3 * x + Rational(1, 11)

r02_strict = Derivation(
    name="r02_strict",
    title="A floor strictly below its ceiling",
    hypotheses=(Real(x),),
    start=floor(arg),
    steps=(Step(ceiling(arg), rules.inequality, "the argument is never an integer",
                relation=Relation.LT),),
)

r02_floor_jump_at_a_non_decimal_rational = Derivation(
    name="r02_floor_jump_at_a_non_decimal_rational",
    title="A shifted multiple is never an integer",
    hypotheses=(Real(x),),
    start=ceiling(arg) - floor(arg),
    steps=(Step(Integer(1), rules.algebra, "the argument is never an integer"),),
)
