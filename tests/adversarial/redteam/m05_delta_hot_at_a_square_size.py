"""A Kronecker delta that is hot only at a size that is a perfect square of at least 49: the
sized proof fixes k = 1, 2, 3 (where the delta is never hot), and the hunt draws sizes up to 40
and next to the step's constants. The constants here are 12 and 36 (from expanding (j + 6)^2),
so the landmark sizes are 11 to 13 and 35 to 37; 49 = (1 + 6)^2 is never drawn. Round 10's k01
and round 11's l16 put the hot size in a constant (1000, 2^10 unevaluated); the round-11 fix
takes every constant subexpression as a landmark, but a size that only a *root* of the delta's
equation gives is no constant of the step.

False claim (sized, exit 0): for every size k and real z,
sum_{j=1}^{k} delta_{(j+6)^2, k} z_j = 0.

Counterexample: k = 49, z_1 = 1 (every other z_j = 0): the left side is z_1 = 1, the right side
is 0. (Also k = 64 with z_2, k = 81 with z_3, ...)

Grade obtained: sized ("proved only at concrete sizes"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round12/m05_delta_hot_at_a_square_size.py

Route: checking/grade.py ``_check_equal`` -> evidence/sized.py ``prove_sized`` at k = 1, 2, 3;
the hunt (evidence/sampling.py ``sample``, evidence/point.py ``Point._size``: sizes 1 to 12,
now and then up to ``max_size`` = 40, and ``landmarks`` +- 1) never meets k = 49.

Suggested fix: a sized proof should not be accepted for a step whose truth depends on where a
Kronecker delta (or any integer equation) between an index and a size is hot unless those
points are visited: solve each delta's equation for the size (here k = (j + 6)^2 for j in the
range: k = 49, 64, ...) and draw those sizes in the hunt; or grade a step "sized" only when the
kernel can show that the sizes tried cover every case (e.g. the step is a polynomial identity
in k of known degree), and otherwise at most "sampled".

Closed by the first suggestion: after its random points, the sampler tries one point at each
size where a delta of the step is hot (``point.hot_sizes``): the delta's equation solved for
the one size it holds, every other symbol of it a sum's index at its lower bound or one of the
next two values, positive integer roots up to 100000, at most three. Here k = 49, 64, 81; the
hunt fails the step before the sized proof is tried: "the two sides differ", at k = 49 the
left side is z_1 and the right side 0.
"""
from sympy import IndexedBase, KroneckerDelta, S, Sum, Symbol

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)
z = IndexedBase("z", real=True)

m05 = Derivation(
    name="m05_delta_hot_at_a_square_size",
    title="A delta that is never hot",
    hypotheses=(Size(k), Real(z[l])),
    start=Sum(KroneckerDelta((j + 6)**2, k) * z[j], (j, 1, k)),
    steps=(Step(S.Zero, rules.algebra, "the delta is never hot"),),
)
