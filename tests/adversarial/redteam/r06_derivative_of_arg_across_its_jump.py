"""Red-team round 16, r06: the derivative of arg, which jumps, is carried out as if arg were
smooth.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every real x,  d/dx arg(x - 1/7) = 0

Counterexample: x = 1/7. For real t, arg(t) = pi for t < 0 and 0 for t > 0, and arg(0) has
no value (SymPy: arg(0) = nan). So arg(x - 1/7) jumps from pi to 0 at x = 1/7 and has no
derivative there (it is not even defined there), while the right side is 0. The first
derivation below, d/dx arg(x) = 0 (counterexample x = 0), is accepted the same way; and
d/dx [x arg(x)] = arg(x) also is (not in the file). With atan2 the same jump is accepted at
sampled grade (not in the file): for real y, d/dy atan2(y, -1) = -1/(1 + y^2), false at y = 0
where atan2(y, -1) jumps from -pi to pi; the kernel refuses it only because SymPy does not
call atan2 finite, and the sampler evaluates SymPy's derivative formula, which has no jump.

Command:
    python -m derivations check \
        tests/adversarial/redteam/r06_derivative_of_arg_across_its_jump.py --no-cache --min-evidence symbolic
Output: both "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `kernel/canonical._differentiate` carries out a Derivative when `smooth(d)` holds,
i.e. no function of `_ROUGH` (Abs, sign, floor, ceiling, frac, Piecewise, Max, Min,
Heaviside, XLogY) holds the variable. `arg` (and `atan2`) are not in `_ROUGH`; SymPy's
`Derivative(arg(x), x).doit()` is 0 for real x. `judge.may_be_undefined` -> `_partial`
accepts arg(x - 1/7) because SymPy says `arg(...).is_finite` and `is_extended_real` are True
(wrong at 0: arg(0) is nan). The sampler evaluates the differentiated form (0) as well, so the
cross-check agrees. (Related to round 9's j01 and round 5's d02, "rough derivative", whose fix
was the `_ROUGH` list: the list is a blacklist and misses arg/atan2.)

Suggested fix: make `smooth` a whitelist (carry out a derivative only through functions
known smooth where defined: exp, log, powers, trig and hyperbolic functions, erf, gamma ...),
as `positivity.not_smooth` and `integrals.continuous` already do; and in `_partial` do not
trust SymPy's `is_finite` for arg (or keep a list of functions whose SymPy assumptions are
known to be wrong at points: arg at 0, beta at its poles, see r07).

Closed: arg and atan2 are no longer accepted. ``vocabulary`` refuses every function of SymPy
outside a vetted list (``vocabulary.VETTED``): "cannot check: arg(x - 1/7) (the engine relies
only on the functions of SymPy it has vetted ...)". ``tests/kernel/test_vetted_functions.py``
compares SymPy's assumptions on each vetted function with its values.
"""

from sympy import Derivative, Integer, Rational, Symbol, arg

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)

r06_derivative_of_arg = Derivation(
    name="r06_derivative_of_arg",
    title="The argument of a real number is locally constant",
    hypotheses=(Real(x),),
    start=Derivative(arg(x), x),
    steps=(Step(Integer(0), rules.algebra, "the argument of a real number is 0 or pi"),),
)

r06_derivative_of_arg_across_its_jump = Derivation(
    name="r06_derivative_of_arg_across_its_jump",
    title="The argument of a shifted real number is locally constant",
    hypotheses=(Real(x),),
    start=Derivative(arg(x - Rational(1, 7)), x),
    steps=(Step(Integer(0), rules.algebra, "the argument of a real number is 0 or pi"),),
)
