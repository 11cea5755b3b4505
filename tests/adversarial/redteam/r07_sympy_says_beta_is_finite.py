"""Red-team round 16, r07: `judge._partial` trusts SymPy's `is_finite`, which is wrong for the
one-argument beta function (and for arg at 0): a pole is cancelled by `expand` (j01 again).

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every real x,  (B(x + 7) + 1)^2 - B(x + 7)^2 - 2 B(x + 7) = 1

where B(t) = beta(t) = B(t, t) = Gamma(t)^2 / Gamma(2t) (SymPy's one-argument `beta`).
Counterexample: x = -7: B(0) has a pole (SymPy: beta(0) = zoo; also at x + 7 = -1, -2, ...
where Gamma(t)^2 / Gamma(2t) is infinite), so the left side has no value, while the right
side is 1. The first derivation below is the same with arg(x) (x = 0: arg(0) = nan).

Command:
    python -m derivations check \
        tests/adversarial/redteam/r07_sympy_says_beta_is_finite.py --no-cache --min-evidence symbolic
Output: both "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `kernel/judge.may_be_undefined` -> `_partial`: a Function that is not in `_TOTAL` is
accepted when `node.is_finite is True and node.is_extended_real is True` (the fix of j01).
For real t SymPy answers True/True for `beta(t)` and for `arg(t)`, though beta has poles
and arg(0) is nan. `canonical` expands the left side to 1. The sampler's `_POLES` table has
gamma, zeta, digamma, ... but not beta, so no probe sets x + 7 = 0, and the two cross-check
points are ordinary reals. A scan of `sympy.functions` with one real argument found only
these two lying about finiteness among the real-valued ones (others, like totient or mobius,
raise on bad arguments and the check fails with "cannot check").

Suggested fix: replace "SymPy says finite and real" by a whitelist of functions whose
definedness the kernel knows (exp, sin, cos, atan, ... as in `_TOTAL`, plus log with a
positive argument, gamma away from non-positive integers, ...), treating every other function
as possibly undefined; or add beta (poles where Gamma(t) or Gamma(2t) has them) and arg (at 0)
to `_partial` and to the sampler's `_POLES`.

Closed: beta and arg are refused (``vocabulary.VETTED``, as for r06). The scan of the vetted
functions that this find prompted (``tests/kernel/test_vetted_functions.py``) found the same
lie in a vetted one, digamma ("finite" at 0 for x >= 0): ``judge._partial`` no longer takes a
function with poles on the real line as defined on SymPy's word (``judge._POLED``; gamma, its
log and digamma only at an argument shown positive).
"""

from sympy import Integer, Symbol, arg, beta

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)


def square_expanded(e):
    return (e + 1) ** 2 - e**2 - 2 * e


r07_arg_at_zero = Derivation(
    name="r07_arg_at_zero",
    title="A square expanded, for the argument of a real number",
    hypotheses=(Real(x),),
    start=square_expanded(arg(x)),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)

r07_sympy_says_beta_is_finite = Derivation(
    name="r07_sympy_says_beta_is_finite",
    title="A square expanded, for the beta function",
    hypotheses=(Real(x),),
    start=square_expanded(beta(x + 7)),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)
