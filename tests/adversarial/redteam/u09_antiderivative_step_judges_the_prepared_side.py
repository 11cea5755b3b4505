r"""Red-team round 19, u09: an equality step whose rule is `rules.antiderivative(...)` is proved on
`judge.evaluate_integrals(prev)[1]`, which is `prepare(prev)` (definitions unfolded, summation
variables renamed to the integer binders `_b0`, ...) with the evaluated integrals replaced by their
values. `judge.proves_equal` then judges *that* side: every "as written" check added since s05
and t01 (`written_denominators`, `_partial(unfold(expr), prepared=False)`) reads an expression
whose binders were already renamed and evaluated, so the poles they guard are gone before they
look. The start of a derivation is judged nowhere else (it is the new side of no step).

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every size k and real x:
        int_0^1 2t dt + sum_{j=0}^{k} sin(pi j) / x  =  1

Counterexample: x = 0: every term of the sum is sin(pi j)/0 = 0/0, which has no value (SymPy:
`sin(pi*S(0))/S(0)` is nan), so the left side has none; the right side is 1. (The integral is
1: SymPy `integrate(2*t, (t, 0, 1))` = 1.) Without the integral, the same sum = 0 is refused by
the kernel (the s05/t01 closures read x as written); here the closures are bypassed.

Variants, each accepted at symbolic grade (first derivations below):
- int_0^1 2t dt + sum_{j=0}^{k} sin(pi j) / j = 1: the j = 0 term is 0/0 (SymPy: nan). This is
  the open s05, which the kernel refuses and the sampler grades `sampled`: through this route it
  is graded **symbolic**;
- int_0^1 2t dt + sum_{j=0}^{k} sin(pi j) cot(pi j / 2) = 1: the open t01b (cot has a pole at
  every even j; where defined the term is 1 + cos(pi j), which is 2 at even j), now **symbolic**.
- The kernel also "proves" int_0^1 2t dt + sum_{j=0}^{k} sin(pi j) Gamma(x) = 1 (x = 0: Gamma's
  pole); there the cross-check catches it ("sampling contradicts the symbolic proof (please
  report this engine bug)"), so it is not in this file. The x-denominator claim is missed by the
  sampler because `_lost_denominators` returns early where no denominator holds a sum (u04).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u09_antiderivative_step_judges_the_prepared_side.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `checking.grade._check_step` -> `_fundamental_conditions` -> `judge.evaluate_integrals(
prev, ...)`: `plain = prepare(expr, facts)`; `plain.xreplace(values)` (the integral -> 1);
`grade._check_equal`: `evaluated = v.evaluated[1]` and `prove(evaluated, rhs)` ->
`judge.proves_equal(1 + Sum(0, (_b0, 0, k)), 1)`: `may_be_undefined` finds nothing to judge
(`sin(pi _b0)/x` became 0 when `rename_bound` rebuilt the body with the integer `_b0`), and
`canonical` proves 1 = 1. The sampler compares the step as written, but evaluates the prepared
side too (sum = 0); `_lost_denominators` returns () since no denominator holds a sum, product
or integral; `_written_partials` looks at functions whose arguments do not mention a bound
variable (cot(pi j/2) does).

Suggested fix: in `_check_equal`, also require `not judge.may_be_undefined(v.prev, facts)`
(the step as written) before proving on the evaluated side; more robustly, make
`evaluate_integrals` replace the integrals in the side *as written* (unprepared) and let
`proves_equal` prepare it as for any other step.

Closed: for an antiderivative step, the side as written is judged for a value before the prepared side with the integrals evaluated is proved (`grade._check_equal`). All three fail.
"""

from sympy import Integer, Integral, Sum, Symbol, cot, pi, sin

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
x = Symbol("x", real=True)
t = Symbol("t", real=True)
j = Symbol("j")


def _claim(name: str, summand, hypotheses) -> Derivation:
    return Derivation(
        name=name,
        title="An integral next to a sum of sines",
        hypotheses=hypotheses,
        start=Integral(2 * t, (t, 0, 1)) + Sum(summand, (j, 0, k)),
        steps=(Step(Integer(1), rules.antiderivative(t**2, of=t),
                    "the integral is 1, and the sines vanish at the integers"),),
    )


u09_summand_pole = _claim("u09_summand_pole", sin(pi * j) / j, (Size(k),))
u09_cotangent = _claim("u09_cotangent", sin(pi * j) * cot(pi * j / 2), (Size(k),))
u09_antiderivative_step_judges_the_prepared_side = _claim(
    "u09_antiderivative_step_judges_the_prepared_side", sin(pi * j) / x, (Size(k), Real(x)))
