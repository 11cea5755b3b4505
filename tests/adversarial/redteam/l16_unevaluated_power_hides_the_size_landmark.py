"""A delta hot at 2^10, written as an unevaluated power (``Pow(2, 10, evaluate=False)``,
printed 2^{10}). The step holds at the sizes a sized proof fixes (k = 1, 2, 3: no j in range
equals 1024), so ``evidence.sized.prove_sized`` grades it ``sized``; the hunt that should refute
it looks for sizes next to the step's integer constants (the round-10 fix for k01), but
``evidence.point.landmarks`` collects ``atoms(Rational)``, which are 2 and 10 here, never
1024: its landmark sizes (10 times 1/2 ... 100, i.e. up to 1000, and the constants' neighbours)
all stay below 1024, and the random sizes of a hunt stay below 40. With ``Integer(1024)`` in
place of the power the same step fails at once with the counterexample k = 1024.

False claim (sized), as printed: for every size k and real z, sum_{j=1}^{k} delta_{j, 2^10}
z_j = 0.
Counterexample: k = 1024, z_1024 = 1 (other entries anything): the left side is 1, the right
side is 0.

Grade obtained: sized ("proved only at concrete sizes"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l16_unevaluated_power_hides_the_size_landmark.py

Route: evidence.sized.prove_sized (k = 1, 2, 3) -> SIZED after evidence.sampling.sample's
hunt, whose landmarks (evidence.point.landmarks: ``atoms(Rational)``) miss the value of the
constant subexpression 2^10.

Suggested fix: evaluate every number-valued subexpression of the sides (``e.is_number``
subtrees, and the arguments of deltas and bounds in particular) and take those values as
landmarks; better, draw sizes at and around the hot index of every delta and every bound,
once evaluated.
"""
from sympy import IndexedBase, Integer, KroneckerDelta, Pow, S, Sum, Symbol

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)
z = IndexedBase("z", real=True)

l16 = Derivation(
    name="l16_unevaluated_power_hides_the_size_landmark",
    title="A far-away entry",
    hypotheses=(Size(k), Real(z[l])),
    start=Sum(KroneckerDelta(j, Pow(Integer(2), Integer(10), evaluate=False)) * z[j], (j, 1, k)),
    steps=(Step(S.Zero, rules.algebra, "the delta is never hot in range"),),
)
