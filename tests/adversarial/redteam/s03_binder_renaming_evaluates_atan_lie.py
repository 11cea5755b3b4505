"""Red-team round 17, s03: no Definition needed. `prepare` renames a sum's bound variable to
the engine's integer binder `_b0`, and that rebuild lets SymPy evaluate Eq(atan(_b0), 0) to
False (atan of an integer "is never zero"), so a summand that is 1 at j = 0 vanishes.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every size k:  sum_{j=0}^{k} [atan(j) = 0]  =  0
    (the summand written Piecewise((1, Eq(atan(j), 0)), (0, True)), j a plain Symbol)

Counterexample: any k, e.g. k = 1: the j = 0 term is [atan 0 = 0] = 1, so the sum is 1, not 0.
Checked: `sum(1 if atan(j) == 0 else 0 for j in range(0, 2))` is 1.

Variants: acos(j) and asin(j) (SymPy: acos(1), asin(0) "not zero") go the same way.

Command:
    python -m derivations check \
        tests/adversarial/redteam/s03_binder_renaming_evaluates_atan_lie.py --no-cache
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: written with a plain `j` (no assumptions, so SymPy cannot decide Eq(atan(j), 0) and the
start prints as the sum of the indicator), the step passes the audit. `canonical.prepare` ->
`binders.rename_bound` -> `rebind` does `e.function.xreplace({j: _b0})` with `_b0 =
Symbol('_b0', integer=True)`; xreplace rebuilds Eq(atan(_b0), 0), which evaluates to False
(`atan(_b0).is_zero` is False), the Piecewise to 0 and the Sum to 0. Every judge (kernel,
`may_be_undefined`, sampler) reads this prepared side, so it is 0 everywhere.

Suggested fix: as s02: the inverse trigonometric functions must not meet SymPy's evaluation
with an argument known rational (an integer binder is one), or the rename must be done under
`evaluate(False)`; in any case compare `prepare(side)` with the side evaluated numerically at
a sample point *before* preparing (a rename must never change a value), which would have
shown 1 against 0 here.

Closed by the same correction as s02 (``derivations._compat``): Eq(atan(j), 0) is no longer
False for an integer j, so the sum keeps its term at j = 0; the step fails.
"""

from sympy import Eq, Integer, Piecewise, Sum, Symbol, atan

from derivations import Derivation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j")

s03_binder_renaming_evaluates_atan_lie = Derivation(
    name="s03_binder_renaming_evaluates_atan_lie",
    title="A count of the zeros of the arctangent at the first integers",
    hypotheses=(Size(k),),
    start=Sum(Piecewise((1, Eq(atan(j), 0)), (0, True)), (j, 0, k)),
    steps=(Step(Integer(0), rules.algebra, "the arctangent of an integer is never zero"),),
)
