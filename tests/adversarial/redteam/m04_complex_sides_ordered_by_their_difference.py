"""Two sides that are not real for half the domain are "ordered" at ``symbolic`` grade because
their difference is the real number 1: the kernel's structural judgements refuse a complex side
("a complex side has no order, whatever its difference (i x <= i x + 1)", kernel/order.py), but
the step's own two sides are still proved by their difference alone, and the numeric cross-check
skips every point where a side is not real (x < 0), so it agrees on x >= 0 only. With ``I*x``
instead of ``sqrt(x)`` the step is "undecided" (no real point at all); ``sqrt`` hides it.

False claim (symbolic, exit 0, also under ``--min-evidence symbolic``): for every real x,
sqrt(x) - 1 <= sqrt(x).

Counterexample: x = -4: the left side is -1 + 2i, the right side is 2i; complex numbers have no
order, so "-1 + 2i <= 2i" is not a true statement about x = -4 (which the theorem, printed "for
x in R", covers).

Grade obtained: symbolic, exit 0.

    python -m derivations check --no-cache --min-evidence symbolic tests/adversarial/redteam/m04_complex_sides_ordered_by_their_difference.py

Route: checking/grade.py ``_check_order`` -> kernel/judge.py ``proves_order``:
``may_be_undefined`` is False (sqrt is a Pow with a positive exponent, not a partial function
for ``_partial``), and ``is_nonnegative(high - low)`` is ``is_nonnegative(1)``; the reality check
(``order._real``) is applied only below the top level (``depth < _DEPTH``). The cross-check
(evidence/sampling.py ``sample``) treats a non-real value as "no value" and moves on.

Suggested fix: in ``proves_order`` require both sides real (``prepare(side).is_real is True``)
before any order judgement, the difference included, exactly as ``order._le`` does below the
top; and let the sampler count a point where a side of an order step is not real as a
counterexample (an order between non-real numbers is false), not as a point with no value.

Closed in two parts. The kernel no longer proves it (round 12: ``proves_order`` asks that both
sides be real, which sqrt(x) - 1 is not shown to be), which left it ``sampled``: the sampler
took a point where neither side has a real value as one that judges nothing. For an
inequality such a point is now a counterexample where a side is a complex number whose
imaginary part stays clear of zero at two precisions (``sampling._not_real``): the step
fails, "at x = -2.29657 the left side is -1.0 + 1.515...i (not real)". A point where a side
has no value at all (1/0, log 0) still judges nothing.
"""
from sympy import Symbol, sqrt

from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)

m04 = Derivation(
    name="m04_complex_sides_ordered_by_their_difference",
    title="A root and the root less one",
    hypotheses=(Real(x),),
    start=sqrt(x) - 1,
    steps=(Step(sqrt(x), rules.inequality, "one more", relation=Relation.LE),),
)
