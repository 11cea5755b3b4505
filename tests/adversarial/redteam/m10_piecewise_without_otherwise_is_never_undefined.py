"""A ``Piecewise`` with no ``otherwise`` branch has no value where none of its conditions holds
(SymPy gives ``nan``), but the kernel never counts it as possibly undefined, so it orders it
against 0 for every real x. The numeric cross-check of a proved step draws only
``cross_check_points`` = 2 points (``large=False``), so half the domain (x <= 0) is missed
about one time in four; the seed comes from the step's content, so an author finds a passing
text by trying a few (this file passes as it stands; with ``check_step(..., seed=s)`` for
s = 0..39, 7 of 40 seeds pass).

False claim (symbolic, exit 0, also under ``--min-evidence symbolic``): for every real x,
0 < Piecewise((1, x > 0)) (printed as a cases block, "1 for x > 0").

Counterexample: x = -1: the left side is 0, the right side has no value (SymPy: nan); the
engine's own rule is that a side undefined somewhere has no order there (kernel/judge.py
``proves_order``: "0 <= x^-2 at x = 0" is refused).

Grade obtained: symbolic, exit 0.

    python -m derivations check --no-cache --min-evidence symbolic tests/adversarial/redteam_round12/m10_piecewise_without_otherwise_is_never_undefined.py

Route: checking/grade.py ``_check_order`` -> kernel/judge.py ``proves_order``:
``may_be_undefined`` looks at logs, non-total ``Function`` applications (``_partial``: a
``Piecewise`` is no ``Function``), series and negative powers only; then
``is_strictly_positive(Piecewise((1, x > 0)))`` is SymPy's ``is_positive`` of the only branch.
``_grade`` cross-checks at 2 points; with this step's seed both have x > 0.

Suggested fix: in ``judge._partial`` count a ``Piecewise`` whose last condition is not ``True``
as possibly undefined (unless the hypotheses prove the disjunction of its conditions), and the
same for any node whose ``is_finite``/``is_extended_real`` is not known; independently, cross-
check a proved step at more than 2 points (the cost is small next to the proof), and use the
probes and landmarks on them, so that a kernel gap over half the domain cannot pass by luck.
"""
from sympy import Piecewise, S, Symbol

from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)

m10 = Derivation(
    name="m10_piecewise_without_otherwise",
    title="A positive piece",
    hypotheses=(Real(x),),
    start=S.Zero,
    steps=(Step(Piecewise((1, x > 0)), rules.inequality, "one", relation=Relation.LT),),
)
