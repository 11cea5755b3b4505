"""Red-team round 17, s09: the r02 fix makes the sampler probe where the argument of a floor,
ceiling or fractional part is an integer, but not where Mod(p, q) jumps (p a multiple of q).
Mod(p, 1) is frac(p) written another way, and its jumps at non-decimal rationals are missed.

False claim (graded **sampled**, exit 0):

    for every real x:  sign(Mod(3x + 1/11, 1))  =  1

Counterexample: x = 10/33 (any x = (11m - 1)/33): 3x + 1/11 = 1, Mod(1, 1) = 0 and sign 0 = 0,
not 1. Checked with SymPy: `sign(Mod(3*Rational(10, 33) + Rational(1, 11), 1))` is 0. The same
claim with frac in place of Mod fails at once, with that counterexample ("at x=0.30303 the left
side is 0"), so the probe exists; Mod is only missing from it.

Command:
    python -m derivations check \
        tests/adversarial/redteam/s09_mod_jump_not_probed.py --no-cache
Output: "ok (1 step, weakest evidence: sampled)", "numeric agreement at 24 random points", exit 0.

Route: `sampling.critical` (the docstring: "the argument of a floor, ceiling or fractional part
less 0, 1 or -1 (where it jumps)") tests `isinstance(node, (floor, ceiling, frac))`; Mod enters
the critical points only through `_POLES` (`Mod: lambda p, q: (q,)`, where q = 0), so the
jump where p/q is an integer is never a probe. Random reals are decimal and the landmark
multiples of 3 and 1/11 do not reach 10/33 (r02's reasoning).

Suggested fix: treat Mod(p, q) as q frac(p/q) in `critical`: probe p - m q for m in {-1, 0, 1}
(solved for each symbol), like floor/ceiling/frac.

Closed: Mod(p, q) jumps where p - c q is 0 for an integer c, and the probe now solves p - c q
for c in 0, 1, -1 (``sampling.critical``): the step fails at x = -4/11.
"""

from sympy import Integer, Mod, Rational, Symbol, sign

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)

s09_mod_jump_not_probed = Derivation(
    name="s09_mod_jump_not_probed",
    title="The sign of a remainder modulo one",
    hypotheses=(Real(x),),
    start=sign(Mod(3 * x + Rational(1, 11), 1)),
    steps=(Step(Integer(1), rules.algebra, "a remainder of a non-integer is positive"),),
)
