"""Round 10's k01 (a delta hot at the size 1000) with the constant moved past the cap on
landmark sizes: ``evidence/point.py`` draws sizes next to a constant of the step only when the
constant is at most ``_LANDMARK_SIZE`` = 5000, and otherwise sizes up to ``max_size`` = 40.
The sized proof fixes k = 1, 2, 3. So a delta hot at 6000 is never seen. (Writing out 6000
terms is well under ``max_terms`` = 100000, so the cap is not forced by the evaluator.)

False claim (sized, exit 0): for every size k and real z, sum_{j=1}^{k} delta_{j, 6000} z_j = 0.

Counterexample: k = 6000, z_6000 = 1 (every other entry 0): the left side is 1, the right side
is 0.

Grade obtained: sized ("proved only at concrete sizes"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round12/m09_delta_hot_beyond_the_landmark_size_cap.py

Route: checking/grade.py ``_check_equal`` -> evidence/sized.py ``prove_sized`` (k = 1, 2, 3);
evidence/point.py ``Point._size``: ``near = [... for c in self.landmarks if 1 < c <=
_LANDMARK_SIZE + 1 ...]`` drops 6000, and the other draws stay at most 40.

Suggested fix: for a delta (or any comparison) between a summation index and a constant, decide
it symbolically instead of by sampling: ``sum_{j=lo}^{hi} delta_{j c} f(j)`` is
``f(c) [lo <= c <= hi]``, so a sized proof must also hold at a size where c is in range; or
never grade a step ``sized`` when a constant of the step exceeds every size tried (grade it at
most ``sampled``, or try that size, evaluated lazily: only the hot term matters).
"""
from sympy import IndexedBase, Integer, KroneckerDelta, S, Sum, Symbol

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)
z = IndexedBase("z", real=True)

m09 = Derivation(
    name="m09_delta_hot_beyond_the_landmark_size_cap",
    title="A delta that is never hot",
    hypotheses=(Size(k), Real(z[l])),
    start=Sum(KroneckerDelta(j, Integer(6000)) * z[j], (j, 1, k)),
    steps=(Step(S.Zero, rules.algebra, "the delta is never hot"),),
)
