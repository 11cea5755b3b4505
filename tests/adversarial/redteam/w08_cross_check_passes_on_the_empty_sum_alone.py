r"""Red-team round 21, w08 (kernel + vacuous cross-check): the kernel treats a derivative it
cannot carry out as a real number, including the derivative of an OPAQUE function, although
"an opaque function is any total function" (docs/reference.md) and need not be differentiable
(round 20's `judge._opaque_derivatives` makes g'(x) a `Dummy(real=True)` on purpose). What
stopped such "proofs" so far is only the sampler: it cannot evaluate g'(x), floor'(x) or
max(0, x)' at any point (`point._write_out` raises EmptyDomain), and a proof whose cross-check
"could evaluate no point" is UNDECIDED. Putting the expression in a sum from 1 to k - 1 defeats
that guard: at the drawn size k = 1 the sum is empty and evaluates to 0 without touching its
body, so the cross-check "agrees" at those points, skips every other point, and the proof is
graded symbolic.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every size k and every real x:
    \sum_{j=1}^{k - 1} \left(\left(1 + \frac{d}{d x} \max\left(0, x\right)\right)^{2}
        - \left(\frac{d}{d x} \max\left(0, x\right)\right)^{2} - 2\,\frac{d}{d x} \max\left(0, x\right)\right) = k - 1

Counterexample: k = 2, x = 0: the ReLU max(0, x) has no derivative at 0 (difference quotients
1 and 0: mpmath `max(0,h)/h` at h = 1e-30 and -1e-30), so the left side has no value; the right
side is 1.

Variants in this file (each accepted at symbolic grade; WITHOUT the sum each is UNDECIDED,
"the numeric cross-check could evaluate no point"):
  - w08_floor:  D = d/dx floor(x): no value at every integer x (k = 2, x = 0).
  - w08_opaque: D = d/dx g(x) for an opaque g, "any total function" (docs/reference.md): false
    for g(t) = |t| at x = 0, k = 2; for a nowhere-differentiable total g at every x. (Round 20's
    `_opaque_derivatives` treats g'(x) as a number on purpose, so this one may be contested as
    a design choice; the ReLU and floor forms cannot.)

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt21 python -m derivations check \
        /work/rt21/w08_cross_check_passes_on_the_empty_sum_alone.py --no-cache --min-evidence symbolic

Route: kernel: `sums.linearise` pulls the j-free summand out, (k - 1) * ((D+1)^2 - D^2 - 2D),
and `prove_equal` cancels D as an atom. `may_be_undefined`: `_opaque_derivatives` turns the
uncarried Derivative into a real Dummy, `_partial` and the denominators see nothing, so the
step is "proved". Cross-check (`sampling`): a point with k >= 2 raises EmptyDomain in
`point._write_out` ("keeps a derivative of a function with no formula" / "goes through a
function with a kink") and is skipped (`continue`); a point with k = 1 evaluates both sides to
0 = 0 and counts as agreement, so the "no point was evaluated" guard never fires.

Suggested fix: (1) in `may_be_undefined`, a derivative of an opaque function, or one that
`canonical.smooth` refuses, may be undefined (an opaque function is only total), unless a
hypothesis states differentiability; (2) a cross-check point whose evaluation never reached an
atom the proof relied on (here the derivative) is not agreement: count as evaluated only points
where every construct of the side was evaluated, or refuse the proof when some point could not
be evaluated for a reason other than the hypotheses' domain.

Closed: as w03, the kernel no longer treats an uncarried derivative as a number; without a proof the sampler cannot evaluate the derivative and the step ends undecided.
"""

from sympy import Derivative, Function, Max, Sum, Symbol, floor

from derivations import Derivation, Real, Size, Step, rules

x = Symbol("x", real=True)
k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
g = Function("g")


def _claim(name: str, title: str, d: Derivative) -> Derivation:
    return Derivation(
        name=name,
        title=title,
        hypotheses=(Real(x), Size(k)),
        start=Sum((d + 1)**2 - d**2 - 2 * d, (j, 1, k - 1)),
        steps=(Step(k - 1, rules.algebra, "each term expands to 1"),),
    )


w08_opaque = _claim("w08_opaque", "A sum of expanded squares, with the slope of any function",
                    Derivative(g(x), x))
w08_floor = _claim("w08_floor", "A sum of expanded squares, with the slope of floor",
                   Derivative(floor(x), x))
w08_cross_check_passes_on_the_empty_sum_alone = _claim(
    "w08_cross_check_passes_on_the_empty_sum_alone",
    "A sum of expanded squares, with the slope of the ReLU", Derivative(Max(0, x), x))
