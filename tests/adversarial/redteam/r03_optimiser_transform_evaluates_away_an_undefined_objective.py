"""Red-team round 16, r03: an optimiser step whose transform, applied by SymPy, evaluates away
the points where the old objective has no value.

False claim (printed as a theorem, graded **symbolic**, exit 0, also under
`--min-evidence symbolic`):

    for real theta,  arg max_theta [log(1 - theta^2) + log(4 - theta^2)]
                   = arg max_theta (1 - theta^2)(4 - theta^2)

Counterexample: the left objective has a value only where 1 - theta^2 > 0 and
4 - theta^2 > 0, i.e. |theta| < 1 (real logarithms; elsewhere the sum has no real value).
There it is log((1 - theta^2)(4 - theta^2)), maximal at theta = 0 (value log 4): the left set
is {0}. The right objective is defined on the whole line and unbounded
(theta = 3: (1 - 9)(4 - 9) = 40 > 4, and -> oo as |theta| -> oo): the right set is empty.
{0} != {}. (The same route gives arg min_theta 2 log(theta) = arg min_theta theta^2, an empty
set against {0}: the first derivation below, also accepted at symbolic grade. And with
`rules.add_constant(-1/x)` for real x: arg min_theta (theta^2 + 1/x) = arg min_theta theta^2,
whose left objective has no value anywhere at x = 0: the second derivation, symbolic too.)

Command:
    python -m derivations check \
        tests/adversarial/redteam/r03_optimiser_transform_evaluates_away_an_undefined_objective.py --no-cache
Output: both derivations "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `checking/grade._establish` (optimiser branch): `judge.transform_problem` judges
T(u) = exp(u) strictly increasing on the real line (the objective is not known positive, so
the whole line is used: fine for T), then `_check_equal(v, new.objective,
transform(prev.objective))`. Calling the Lambda substitutes and lets SymPy evaluate:
exp(log a + log b) becomes a*b and exp(2 log theta) becomes theta^2, so both sides of the
equality check are polynomials, defined everywhere, and `proves_equal` proves them equal.
Nothing ever asks whether `prev.objective` itself is defined (`judge.may_be_undefined` /
`_partial` would flag log(1 - theta^2), whose argument is not shown positive). The two
objectives agree only on the old one's domain, and an optimiser set depends on the domain.

Suggested fix: in the optimiser branch, refuse (or fail) when
`judge.may_be_undefined(prev.objective)` or `may_be_undefined(new.objective)`; and compare
`new.objective` with `transform.expr.xreplace({u: prev.objective})` built with
`evaluate=False` (or check definedness on the unevaluated composition), so that the transform
cannot cancel the old objective's poles or logarithms. The sampler's cross-check should also
evaluate the old objective itself, not T applied to it.

Closed: an optimiser step now fails where its old or new objective may have no value under the
hypotheses (``grade._establish``: ``judge.may_be_undefined`` of each objective), before the
transform is applied: "the old objective log(1 - theta**2) + log(4 - theta**2) may have no
value somewhere the hypotheses allow; ... state the parameter's domain as a hypothesis". The
two variants fail the same way.
"""

from sympy import Lambda, Symbol, exp, log

from derivations import Argmax, Argmin, Derivation, Parameter, Real, Step, rules

theta = Symbol("theta", real=True)
u = Symbol("u")
x = Symbol("x", real=True)

r03_empty_against_zero = Derivation(
    name="r03_empty_against_zero",
    title="The minimiser of twice a log is the minimiser of the square",
    hypotheses=(Parameter(theta),),
    start=Argmin(2 * log(theta), theta),
    steps=(Step(Argmin(theta**2, theta), rules.monotone(Lambda(u, exp(u))),
                "exp is strictly increasing"),),
)

r03_constant_with_a_pole = Derivation(
    name="r03_constant_with_a_pole",
    title="Dropping a constant term",
    hypotheses=(Parameter(theta), Real(x)),
    start=Argmin(theta**2 + 1 / x, theta),
    steps=(Step(Argmin(theta**2, theta), rules.add_constant(-1 / x),
                "the term is free of the parameter"),),
)

r03_optimiser_transform_evaluates_away_an_undefined_objective = Derivation(
    name="r03_optimiser_transform_evaluates_away_an_undefined_objective",
    title="Maximising a log-likelihood is maximising the likelihood",
    hypotheses=(Parameter(theta),),
    start=Argmax(log(1 - theta**2) + log(4 - theta**2), theta),
    steps=(Step(Argmax((1 - theta**2) * (4 - theta**2), theta),
                rules.monotone(Lambda(u, exp(u))),
                "exp is strictly increasing, and the exponential of a sum of logs is the product"),),
)
