"""Red-team round 17, s06: `judge.transform_problem` decides a transform's direction by
`slope.is_positive`, SymPy's word, unguarded by `sympy_decides`. For T(u) = atan(n) u with n a
nonnegative integer, SymPy says the slope atan(n) is positive; at n = 0 it is 0 and T is the
constant 0, which keeps no optimiser.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for the integer n with 0 <= n <= 0 (so n = 0):
        arg max_theta (-theta^2)  =  arg max_theta (-atan(n) theta^2)
    by rules.monotone(Lambda(u, atan(n) u))

Counterexample: n = 0: the left set is {0}; the right objective is -0 * theta^2 = 0 for every
theta, so its arg max is the whole real line. {0} != R. (With IndexRange(n, 0, oo), the same
step is accepted, false at n = 0.)

Command:
    python -m derivations check \
        tests/adversarial/redteam/s06_monotone_transform_slope_atan_lie.py --no-cache
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `grade._establish` -> `judge.transform_problem(prev, new, Lambda(u, atan(n) u))`: no
parameter in T, `not_smooth` passes (a Mul), `slope = diff(T(arg), arg) = atan(n)` and
`slope.is_positive` is True (r08's lie: "atan of a nonzero rational is irrational" forgets 0);
direction = max = new sense. Both objectives are defined everywhere; `_check_equal(new.objective,
T(prev.objective))` compares -atan(n) theta^2 with itself. `rules.positive_factor(atan(n))`
would be refused (its condition uses the guarded `is_positive`), but `rules.monotone` is not.

Suggested fix: in `transform_problem`, decide the slope's sign with the kernel
(`is_strictly_positive(slope, facts)` / of `-slope`, which apply `sympy_decides`), not with
SymPy's `slope.is_positive`/`is_negative`; the same in `Lemma.problem`
(`diff(f, x, 2).is_positive`, `x0.is_positive`).

Closed by the same correction as s02 (``derivations._compat``): atan(n) is no longer "positive"
for n >= 0, so the transform's slope has no known sign and the step fails.
"""

from sympy import Lambda, Symbol, atan

from derivations import Argmax, Derivation, IndexRange, Parameter, Step, rules

theta = Symbol("theta", real=True)
n = Symbol("n", integer=True, nonnegative=True)
u = Symbol("u")

s06_monotone_transform_slope_atan_lie = Derivation(
    name="s06_monotone_transform_slope_atan_lie",
    title="Scaling an objective by the arctangent of a count keeps its maximiser",
    hypotheses=(Parameter(theta), IndexRange(n, 0, 0)),
    start=Argmax(-theta**2, theta),
    steps=(Step(Argmax(-atan(n) * theta**2, theta), rules.monotone(Lambda(u, atan(n) * u)),
                "a positive factor keeps the maximiser"),),
)
