"""Red-team round 17, s07: `judge._TOTAL` lists the engine's own XLogY among the functions
"with a value at every real argument", but xlogy(x, y) = x log y has no value where x != 0 and
y = 0 (log 0) or y < 0 (not real). So `_partial` never flags it, and an xlogy that cancels in
the algebra (X^2 - X^2) loses its undefined points: the r07 pattern, with the engine's own
function.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for real x and w >= 0:  (xlogy(x, w) + 1)^2 - xlogy(x, w)^2 - 2 xlogy(x, w)  =  1

Counterexample: x = 1, w = 0: xlogy(1, 0) = 1 * log 0 has no value (SymPy: `XLogY(1, 0)` is
zoo), so the left side has none, while the right side is 1 (the engine's convention: defined on
one side only is a counterexample). The first derivation below, with y only real, is accepted
too (also x = 1, y = -1: log(-1) is not real).

Command:
    python -m derivations check \
        tests/adversarial/redteam_open/s07_xlogy_judged_total.py --no-cache --min-evidence symbolic
Output: both derivations "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `judge.proves_equal` -> `may_be_undefined(side)`: no denominator, no log node (XLogY
stays opaque: x is not known nonzero and y not known positive), and in `_partial` the node
XLogY(x, y) is an instance of `_TOTAL`, so it is skipped without asking where it is defined.
`canonical` expands the square and the opaque XLogY terms cancel: 1 = 1. The 2-point
cross-check draws no point with y = 0 exactly (and a negative y gives equal complex values on
both sides, which the equality comparison accepts).

Suggested fix: take XLogY out of `_TOTAL`; in `_partial`, accept XLogY(x, y) only where
`y` is shown strictly positive or `x` shown zero... more usefully, where y >= 0 is shown and
x = 0 wherever y = 0 (e.g. x a Kronecker delta hot only where y > 0, or x and y the same
family) -- otherwise it may have no value, and proves_equal must not cancel it.

Closed: `judge.undefined_xlogy` judges every XLogY(x, y) as written (inside a sum, at a generic
index of its range, or at each of a few constant indices). It has a value where y is shown
defined and positive, or where x is shown non-negative and y is x times factors each positive
or a negative power of a base at least x (p log p, p log(p/q), and the empirical p(x, y) log
(p(x, y)/p(x))). Otherwise the side may have no value, and `proves_equal` refuses it. Both
derivations here now fail: the sampler finds w = 0 (and y < 0).
"""

from sympy import Integer, Symbol

from derivations import Derivation, Nonnegative, Real, Step, rules, xlogy

x = Symbol("x", real=True)
y = Symbol("y", real=True)
w = Symbol("w", nonnegative=True)

s07_real_second_argument = Derivation(
    name="s07_real_second_argument",
    title="A square of a weighted logarithm, expanded",
    hypotheses=(Real(x), Real(y)),
    start=(xlogy(x, y) + 1) ** 2 - xlogy(x, y) ** 2 - 2 * xlogy(x, y),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)

s07_xlogy_judged_total = Derivation(
    name="s07_xlogy_judged_total",
    title="A square of a weighted logarithm of a nonnegative number, expanded",
    hypotheses=(Real(x), Nonnegative(w)),
    start=(xlogy(x, w) + 1) ** 2 - xlogy(x, w) ** 2 - 2 * xlogy(x, w),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)
