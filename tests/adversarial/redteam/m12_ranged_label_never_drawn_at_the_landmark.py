"""A ranged integer is never drawn at the step's constants: ``Point.draw`` gives a symbol with a
declared range (``IndexRange``) a uniform value in its range (``Point._ranged``) and never looks
at the landmarks, which only ``Point._real`` (unranged reals) and ``Point._size`` (sizes) use.
So a label y with 1 <= y <= k that matters only at y = 777 is seen only if the size is drawn
next to 777 (the landmark sizes 776 to 778 are drawn) *and* y then falls on 777 by chance
(1 in 777). The sized proof fixes k = 1, 2, 3, where y <= 3.

False claim (sized, exit 0): for every size k and every integer 1 <= y <= k,
k delta_{y, 777} = 0.

Counterexample: k = 777, y = 777: the left side is 777, the right side 0.

Grade obtained: sized ("proved only at concrete sizes"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round12/m12_ranged_label_never_drawn_at_the_landmark.py

Variant also run and accepted (sampled): for every integer 1 <= y <= 10^6, delta_{y, 777777} = 0
(no size at all, the range is drawn uniformly, and at 10^6 values the case split, at most 16
cases, does not apply).

Route: checking/grade.py ``_check_equal`` -> evidence/sized.py ``prove_sized`` (k = 1, 2, 3,
y enumerated over 1..k) -> the hunt: evidence/point.py ``Point.fix_free`` -> ``_ranged``
(``rng.randint(lo, hi)``), with the landmarks of ``sampling.landmarks`` unused for ranged atoms.

Suggested fix: let ``_ranged`` draw, now and then, the landmarks that lie in the range (and
their neighbours), as ``_size`` does for sizes; and for a delta between a ranged integer and a
constant, probe the constant itself (it is the delta's "root", like the roots ``_vanish``
probes for a denominator).
"""
from sympy import Integer, KroneckerDelta, S, Symbol

from derivations import Derivation, IndexRange, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True, positive=True)

m12 = Derivation(
    name="m12_ranged_label_never_drawn_at_the_landmark",
    title="A label that is never hot",
    hypotheses=(Size(k), IndexRange(y, 1, k)),
    start=k * KroneckerDelta(y, Integer(777)),
    steps=(Step(S.Zero, rules.algebra, "the label is never that one"),),
)
