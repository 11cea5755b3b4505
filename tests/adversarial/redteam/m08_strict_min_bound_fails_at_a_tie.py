"""A strict bound involving the new ``MinOver`` that fails exactly where the entries tie: the
kernel correctly does not prove it (a strict bound is never inferred from ``m <= z_j``), and the
sampler draws every entry of a real family independently, so equal entries (the constant
vector, the centre of every extremum bound) are never drawn. Round 11's l17 was the same blind
spot for a simplex, fixed by drawing the uniform row; a family that is only ``Real`` has no
such row. (Its special values 0, +-1, +-2, 1/2 coincide for all k + 1 entries with probability
about 10^-3 per point at k = 1.)

False claim (sampled, exit 0): for every size k and real z,
(k + 1) min(z_1, ..., z_{k+1}) < z_1 + ... + z_{k+1}.

Counterexample: k = 1, z_1 = z_2 = 0: the left side is 0 and the right side is 0, so 0 < 0 is
false. (Any constant vector, any k.)

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round12/m08_strict_min_bound_fails_at_a_tie.py

Route: checking/grade.py ``_check_order`` (kernel: ``order._count_times`` strict needs
``min < z_j`` for a generic j, refused) -> evidence/sampling.py ``sample``: ``_meeting`` is
skipped because the difference holds a sum, and ``Point._real`` draws each z_j on its own.

Suggested fix: for a strict inequality (and any step with ``MaxOver``/``MinOver``), let some
points give a whole family one common value (ties: where an extremum equals every entry and
where a strict bound between an extremum and a sum or an entry is tight), and some give two
entries of a family equal values (a tie at the top); more generally, draw the point where the
sides meet for steps with sums too, after the sums are written out at the point's sizes.

Closed: after its random points, a hunt tries two tie probes (a cross-check of a proved step
the first only) wherever a side uses a family whose entries are drawn one by one in their
domain (``sampling._TIES``, ``Point.tie``): one where every entry of the family takes one
common value, one where some entries take the value of an entry drawn before them. They come
after the random points, which are drawn as before (drawing ties as a share of the random draws
moved them, and three other false bounds of the corpus went unrefuted). The first one fails the
step: "the inequality < fails", at k = 6 and z_1 = ... = z_7 = 2.3988, both sides 16.7916.
"""
from sympy import IndexedBase, Sum, Symbol

from derivations import Derivation, MinOver, Real, Relation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)
z = IndexedBase("z", real=True)

m08 = Derivation(
    name="m08_strict_min_bound_fails_at_a_tie",
    title="The least entry",
    hypotheses=(Size(k), Real(z[l])),
    start=(k + 1) * MinOver(z, 1, k + 1),
    steps=(Step(Sum(z[j], (j, 1, k + 1)), rules.inequality, "each entry is at least the least",
                relation=Relation.LT),),
)
