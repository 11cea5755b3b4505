r"""Red-team round 19, u02: a derivative is judged defined as written (an unevaluated
`Derivative` node is neither a denominator nor a poled function), and `canonical` then carries
it out by SymPy's formula. Where the differentiated function is defined but not
differentiable (the root of a quantity that touches 0), SymPy's formula brings a pole,
1/(2 sqrt(u)), and the product with sqrt(u) cancels it at construction: the point where the
derivative does not exist is gone before any judgement.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`), as printed:

    for real x and y:   d/dx sqrt(x^2 + y^2) * sqrt(x^2 + y^2)  =  x

Counterexample: x = y = 0. There sqrt(x^2 + 0^2) = |x|, which has no derivative at x = 0: the
difference quotients (sqrt(h^2) - 0)/h are +1 for h > 0 and -1 for h < 0. The left side has no
value, the right side is 0. Checked with mpmath: (sqrt(h**2) - 0)/h at h = +-1e-10 gives +1 and
-1. The engine's own sampler agrees that such a side is undefined: for d/dx (x^2)^(1/3) *
(x^2)^(2/3) = 2x/3 it reports "at x=0 the left side is undefined" (there the kernel does not
prove the step, because SymPy keeps x^(1/3) x^(-1/3) apart).

Variants, each accepted at symbolic grade (the first derivations below):
- for real x: d/dx sqrt(1 - cos x) * sqrt(1 - cos x) = (sin x)/2. At x = 0 (and every 2 pi n)
  sqrt(1 - cos x) = sqrt(2) |sin(x/2)| has a corner: mpmath gives the one-sided quotients
  +0.7071... and -0.7071... at h = +-1e-10; the right side is 0;
- for w >= 0: d/dw sqrt(w) * sqrt(w) = 1/2, and d/dw w^(1/3) * w^(2/3) = 1/3. At w = 0 the
  one-sided quotient sqrt(h)/h = 1/sqrt(h) tends to infinity (1e5 at h = 1e-10): no derivative;
- for a probability vector p of k entries and 1 <= i <= k: d/dp_i (sum_j sqrt(p_j)) * sqrt(p_i)
  = 1/2, false wherever p_i = 0 (a point of the simplex);
- an optimiser step (the r03 closure, "an arg max depends on where its objective is defined",
  is passed the same way): with s(theta) = sqrt(1 - cos theta) * d/dtheta sqrt(1 - cos theta),
      arg max_theta ( -s(theta)^2 - theta^2 )  =  arg max_theta ( -sin^2(theta)/4 - theta^2 ).
  The right side is {0} (both terms are <= 0, and 0 only at theta = 0). The left objective has
  no value at theta = 0 (the corner above) and equals the right one elsewhere, where it is < 0:
  its supremum 0 is not attained, so its arg max is empty. Empty != {0}.

The sampler shares the blind spot: it differentiates symbolically too, and the product is
cancelled the same way, so even a landmark point is no counterexample. With a function the
kernel does not show defined, the same pattern is accepted at `sampled` grade (derivation
`u02_arccos_sampled` below): for real x, d/dx acos(cos x) * sqrt(1 - cos^2 x) = sin x. At
x = 0, acos(cos x) = |x| near 0 (mpmath: one-sided quotients +1 and -1 at h = +-1e-10), so the
left side has no value; the right side is 0. x = 0 is among the sampler's landmarks, yet the
side it evaluates there is already sin(x).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u02_derivative_pole_cancelled_after_differentiation.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0, except
`u02_arccos_sampled` ("weakest evidence: sampled").

Route: `judge.proves_equal` -> `may_be_undefined(side)`: `written_denominators` finds none
(the Derivative is not carried out there), `_partial` skips the Derivative node (not a
Function) and finds sqrt defined (a power with a non-negative base); so the side is "defined".
`canonical.canonical` -> `_differentiate` (`canonical.smooth` passes: sqrt is a Pow, not in
`_ROUGH`) -> `Derivative.doit()` gives x / sqrt(x^2 + y^2), and the product with
sqrt(x^2 + y^2) is x at construction; `reduces_to_zero` gets x - x. Only
`_rational_in_sums` judges the *differentiated* sides (`may_be_undefined(differentiated(...))`);
it is tried only where `prove_equal` fails and a side has a sum, and even there the pole is
already cancelled, since `_differentiate` rebuilds the product when it carries the derivative out. The
2-point cross-check of a proved step draws no point with x = y = 0.

Suggested fix: judge every derivative as carried out, on its own: for each `Derivative` node
`d` of a side that `_differentiate` would carry out, `may_be_undefined(d.doit(), facts)` must be
False (x / sqrt(x^2 + y^2) divides by something that may vanish, so the step is not proved).
A function may be defined at a point where its derivative is not: judging the side as written
cannot see it, and the product SymPy forms cancels it.
"""

from sympy import Derivative, IndexedBase, Rational, Sum, Symbol, acos, cos, sin, sqrt

from derivations import (Argmax, Derivation, IndexRange, Nonnegative, Parameter, Real, Simplex,
                         Size, Step, rules)
from derivations.language.relation import Relation

w = Symbol("w", nonnegative=True)
x = Symbol("x", real=True)
y = Symbol("y", real=True)
k = Symbol("k", integer=True, positive=True)
i = Symbol("i", integer=True, positive=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", nonnegative=True)

u02_square_root = Derivation(
    name="u02_square_root",
    title="The slope of a square root times the root",
    hypotheses=(Nonnegative(w),),
    start=Derivative(sqrt(w), w) * sqrt(w),
    steps=(Step(Rational(1, 2), rules.algebra, "differentiate"),),
)

u02_cube_root = Derivation(
    name="u02_cube_root",
    title="The slope of a cube root",
    hypotheses=(Nonnegative(w),),
    start=Derivative(w ** Rational(1, 3), w) * w ** Rational(2, 3),
    steps=(Step(Rational(1, 3), rules.algebra, "differentiate"),),
)

u02_simplex = Derivation(
    name="u02_simplex",
    title="The slope of a sum of roots of probabilities",
    hypotheses=(Size(k), IndexRange(i, 1, k), Simplex(p, k)),
    start=Derivative(Sum(sqrt(p[j]), (j, 1, k)), p[i]) * sqrt(p[i]),
    steps=(Step(Rational(1, 2), rules.algebra, "differentiate"),),
)

u02_arccos_sampled = Derivation(
    name="u02_arccos_sampled",
    title="The slope of a triangle wave",
    hypotheses=(Real(x),),
    start=Derivative(acos(cos(x)), x) * sqrt(1 - cos(x) ** 2),
    steps=(Step(sin(x), rules.algebra, "differentiate"),),
)

theta = Symbol("theta", real=True)
_slope = Derivative(sqrt(1 - cos(theta)), theta) * sqrt(1 - cos(theta))

u02_argmax = Derivation(
    name="u02_argmax",
    title="An objective with a slope in it",
    hypotheses=(Parameter(theta),),
    start=Argmax(-_slope**2 - theta**2, theta),
    steps=(Step(Argmax(-sin(theta)**2 / 4 - theta**2, theta), rules.identity(),
                "differentiate", relation=Relation.SAME_OPTIMISER),),
)

u02_cosine = Derivation(
    name="u02_cosine",
    title="The slope of a root of one minus a cosine",
    hypotheses=(Real(x),),
    start=Derivative(sqrt(1 - cos(x)), x) * sqrt(1 - cos(x)),
    steps=(Step(sin(x) / 2, rules.algebra, "differentiate"),),
)

u02_derivative_pole_cancelled_after_differentiation = Derivation(
    name="u02_derivative_pole_cancelled_after_differentiation",
    title="The slope of a cone",
    hypotheses=(Real(x), Real(y)),
    start=Derivative(sqrt(x**2 + y**2), x) * sqrt(x**2 + y**2),
    steps=(Step(x, rules.algebra, "differentiate"),),
)
