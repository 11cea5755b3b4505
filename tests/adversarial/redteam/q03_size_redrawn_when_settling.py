"""Settling a would-be counterexample redraws every size: the counterexample is then "unsettled".

False claim (sized, exit 0): for every size k >= 1 and real y,

    sum_{j=1}^{k} e^y  =  e^y (k + floor(k / 13)).

Counterexample: k = 13, y = 0: the left side is 13, the right side 14 (false for every k >= 13).

Grade obtained: sized ("proved only at concrete sizes": sized_sizes = 1, 2, 3), exit 0.

    python -m derivations check tests/adversarial/redteam_round15/q03_size_redrawn_when_settling.py --no-cache

Route: sampling.sample draws k = 21 (or 33, 29, ...) at a hunt point, the fast evaluator gives
two different inexact values (e^y k against e^y (k + 1)), so ``_settled`` (5b3f5e3) is asked
whether they can be trusted. For a fast-evaluator point it calls
``found.point.fix_structure(sides)`` -> ``Point.fix_free``, which runs
``self._record(size, self._size())`` for every size UNCONDITIONALLY (free symbols are kept,
sizes are redrawn: point.py, ``fix_free``). The written sides are then evaluated at another k
(instrumented: "k before 21, k after 38"; "33 -> 4"; "33 -> 6"), ``_same_values`` fails and the
counterexample is dropped as "change with the working precision (cancellation): not judged".
With exact values (3 instead of e^y) the same points are settled and the claim fails
(``Fraction`` values skip the evalf check). The hunt then agrees at 24 points; the sized proof
at k = 1, 2, 3 grades it. Any false claim with a size and an inexact value escapes this way,
except at the rare point where the redraw gives the same size.

Suggested fix: in ``_settled``, evaluate the written sides at the SAME point: do not call
``fix_free`` again (keep sizes already in ``self.values``, as free symbols are), or build the
exact-path sides from a copy of the point with its values frozen; assert that the structural
values are unchanged before comparing.
"""
from sympy import Sum, Symbol, exp, floor

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
y = Symbol("y", real=True)

q03 = Derivation(
    name="q03_size_redrawn_when_settling",
    title="A sum of k equal terms",
    hypotheses=(Size(k), Real(y)),
    start=Sum(exp(y), (j, 1, k)),
    steps=(Step(exp(y) * (k + floor(k / 13)), rules.algebra, "k equal terms"),),
)
