"""Red-team round 9: sampled agreement where the two sides differ at every point, by less than
the relative tolerance of the comparison (issue 14, class 7: "the relative tolerance absorbs an
absolute error next to a large term"), still open for a difference that does not come from
rounding at all.

Claimed (sampled): for real x,  x + log(1 + 10^-80) = x + 10^-80.
False at every x, e.g. x = 0: log(1 + 10^-80) - 10^-80 = -5.0e-161 (mpmath at 400 digits), so
the left side is 10^-80 - 5e-161 + ... and the right side 10^-80. The sides are computed far
more precisely than that (logs at 100 digits, the right side exactly), but they are compared
with a *relative* tolerance (about 1e-30 of their size), and the difference, 5e-81 of the
size, is inside it at the working precision and again at twice the precision: the "difference
that does not shrink" test sees no difference to shrink. Accepted at ``sampled`` grade (24
agreeing points), a grade every output labels weaker evidence, but it is a false statement at
every ordinary point.

The first derivation, x exp(10^-80) = x, is refuted (correctly), but its counterexample prints
"at x=-2416380 the left side is -2416380.0 and the right side is -2416380.0": issue 14 asks
for counterexample values "with enough digits to show that the sides differ" (they differ by
2.4e-74).

Route: class 7 (numeric evidence that is cheap to fake). Grade: sampled.

Root cause: evidence/sampling.py ``_judged``: a gap below 10^(12 - working_digits) * scale,
scale = max(1, |x|, |y|), is taken for rounding and the tolerant verdict returned without the
second evaluation; with sides of size 1e-80 (or 1) that threshold is 1e-48, far above what
the values' own precision could produce, so the real gap 5e-161 is called rounding. (The
threshold should follow the precision each side was computed at, relative to the sides, not
to max(1, ...).) The counterexample of the first derivation is printed by the same module's
digit loop, which stops at the working digits (60) while the sides differ in the 81st.
"""
from sympy import Rational, Symbol, exp, log

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)
tiny = Rational(1, 10 ** 80)

j06_counterexample_prints_equal_sides = Derivation(
    name="j06_counterexample_prints_equal_sides",
    title="A tiny exponential",
    hypotheses=(Real(x),),
    start=x * exp(tiny),
    steps=(Step(x, rules.algebra, "the exponential of a tiny number is one"),),
)

j06_relative_tolerance_hides_a_tiny_term = Derivation(
    name="j06_relative_tolerance_hides_a_tiny_term",
    title="A tiny logarithm",
    hypotheses=(Real(x),),
    start=x + log(1 + tiny),
    steps=(Step(x + tiny, rules.algebra, "a tiny log is its argument"),),
)
