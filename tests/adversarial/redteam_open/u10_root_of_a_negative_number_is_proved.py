r"""Red-team round 19, u10 (semantic; the engine's two halves disagree): the kernel proves
identities whose sides take the square root of a negative number, which the sampler (the
engine's own counterexample semantics) calls "undefined" ("a side with complex intermediates has
no value"). Where the negative region is hit by no probe (a transcendental point, the t04
miss), the step is accepted at **symbolic** grade. Round 18 (item 13) filed this disagreement as
a false alarm; this file shows it also gives an acceptance.

Claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for real x, with u = cos x + 1 - 10^-40:   (sqrt(u) + 1)^2 - u - 2 sqrt(u)  =  1

Counterexample under the engine's real-valued reading: x = pi. There u = -10^-40 < 0, so
sqrt(u) has no real value: the left side is undefined for a real-analysis reader and for the
engine's sampler, while the right side is 1. (Over the complex numbers, with the principal root,
the identity holds at every x: this is a finding about which semantics the kernel implements,
not about SymPy's arithmetic.) Checked with SymPy: `(cos(pi) + 1 - Rational(1, 10**40))` is
-1/10**40, and `sqrt` of it is `I/10**20`, not real.

Confirmation that the engine means "undefined" (not in this file, because it fails): the same
identity with u = -(x - cos x)^2 is proved by the kernel and refuted by the cross-check at x = 1
with "sampling contradicts the symbolic proof (please report this engine bug)".

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u10_root_of_a_negative_number_is_proved.py --no-cache
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `judge.proves_equal` -> `may_be_undefined`: a power with a fractional exponent is neither
a denominator nor a function (`_partial`), so sqrt(u) with u possibly negative is "defined";
`canonical` expands the square, (sqrt u)^2 = u, and gets 1 = 1. Only `proves_order` refuses a
side that may be complex (m04). The cross-check's 2 points and probes do not reach the interval
|x - pi| < 1.4e-20 (a root of cos x + 1 - 10^-40 is transcendental: t04).

Suggested fix: make the kernel's notion of "defined" the sampler's: in `may_be_undefined`,
refuse (for equalities too) a power with a non-integer exponent whose base is not shown
non-negative, unless the hypotheses declare the quantities complex. Or state in the reference
that equalities are over the complex numbers, and make the sampler agree (then the catalogue's
"for real x" readings need a note).
"""

from sympy import Integer, Rational, Symbol, cos, sqrt

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)
u = cos(x) + 1 - Rational(1, 10**40)

u10_root_of_a_negative_number_is_proved = Derivation(
    name="u10_root_of_a_negative_number_is_proved",
    title="A square of a root, expanded",
    hypotheses=(Real(x),),
    start=(sqrt(u) + 1) ** 2 - u - 2 * sqrt(u),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)
