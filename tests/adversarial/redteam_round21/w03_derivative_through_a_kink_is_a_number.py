r"""Red-team round 21, w03 (kernel): a derivative through a kink or a jump (d/dx |x|,
the derivative of the ReLU (x + |x|)/2) is never judged undefined. The kernel leaves it uncarried
(`canonical.smooth` refuses |x|, floor, Max, ...), and then treats the uncarried `Derivative` as
an ordinary real number: SymPy's algebra cancels it, and `judge.may_be_undefined` makes every
uncarried derivative a fresh real Dummy (`_opaque_derivatives`, new in c019cf3; before it, such a
derivative was skipped outright by `not carried.has(Derivative)`). The sampler's two cross-check
points never land on the kink (x = 0), so the kernel's proof stands, at symbolic grade.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every real x, with D = d/dx ReLU(x) = \frac{d}{d x} \left(\frac{x}{2} + \frac{\left|{x}\right|}{2}\right):
    \left(D + 1\right)^{2} - D^{2} - 2 D = 1

At x = 0 the ReLU (x + |x|)/2 has no derivative (difference quotients 1 from the right, 0 from
the left: mpmath `((h + abs(h))/2)/h` is 1 at h = 1e-30 and 0 at h = -1e-30), so the left side has
no value at x = 0 and the equation is false there, by the project's own convention (a side with
no value: u02, u05, m10, ... were filed as false statements; the engine's own evaluator raises
"|x| has no derivative at 0" there, `arithmetic.absolute`).

Variant in this file (accepted at symbolic grade): w03_abs, the same with D = d/dx |x|.

Tried and refused: D = d/dx sign(x) (the sampler probes x = 0, "sampling contradicts the
symbolic proof"); d/dx floor(x), d/dx max(0, x), d/dx |x - cos x| (UNDECIDED: the cross-check
evaluates no point). So the only thing that saves those is that the sampler cannot evaluate
them; the kernel "proves" all five.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt21 python -m derivations check \
        /work/rt21/w03_derivative_through_a_kink_is_a_number.py --no-cache --min-evidence symbolic
(also accepted by the previous commit 2a54814: the hole is older than c019cf3.)

Route: `grade._check_equal` -> `judge.proves_equal`: `canonical.differentiated` leaves
Derivative(Max(0, x), x) alone (`smooth` is False: Max is in `_ROUGH`), and `prove_equal` sees a
polynomial in one opaque atom D: (D+1)^2 - D^2 - 2D - 1 = 0. `may_be_undefined` has no clause for
an uncarried rough derivative: `_opaque_derivatives(differentiated(d))` replaces it with
Dummy(real=True), which is never undefined; `_partial` skips Derivative; `written_denominators`
finds none. The sampler's fast evaluator differentiates |x| by dual numbers, correctly (it raises
Undefined at x = 0), but no probe draws x = 0 inside a derivative's argument (sign(x) is probed
there, Abs is not), so the two cross-check points agree and the proof stands.

Suggested fix: in `may_be_undefined`, a derivative that `canonical.smooth` refuses (or that
`differentiated` leaves uncarried for any reason other than an opaque function) may be
undefined: return True. `_opaque_derivatives` should replace only derivatives of undefined
(opaque) functions, never a rough one. And a step whose sampler evaluated no point should not be
graded above what the kernel proves *with definedness shown*.
"""

from sympy import Abs, Derivative, Integer, Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)


def _claim(name: str, title: str, d: Derivative) -> Derivation:
    return Derivation(
        name=name,
        title=title,
        hypotheses=(Real(x),),
        start=(d + 1)**2 - d**2 - 2 * d,
        steps=(Step(Integer(1), rules.algebra, "expand the square"),),
    )


w03_abs = _claim("w03_abs", "A square expanded, with the slope of |x|", Derivative(Abs(x), x))
w03_derivative_through_a_kink_is_a_number = _claim(
    "w03_derivative_through_a_kink_is_a_number", "A square expanded, with the slope of the ReLU",
    Derivative((x + Abs(x)) / 2, x))
