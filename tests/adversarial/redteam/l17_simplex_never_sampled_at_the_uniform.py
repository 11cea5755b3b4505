"""A strict inequality that fails exactly at the uniform distribution. The sampler draws points
of a simplex at random, with zero entries now and then (``evidence.point``), but never the
centre of the simplex, the uniform distribution p_j = 1/n. That is the point where the
information quantities of this catalogue have their extremes, and where a strict inequality
stated instead of a non-strict one (entropy < log n, sum p_j^2 > 1/n, KL(p || u) > 0) fails.
The kernel cannot prove the step (the terms are not positive term by term), so the hunt
decides, and it agrees at every point: the step is accepted as sampled.

False claim (sampled, exit 0): for every size k and p on the simplex of k + 1 entries,
1/(k + 1) < sum_{j=1}^{k+1} p_j^2.
Counterexample: k = 1, p = (1/2, 1/2): the left side is 1/2, the right side 1/4 + 1/4 = 1/2,
so "<" fails (equality).

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l17_simplex_never_sampled_at_the_uniform.py

Route: checking.grade._check_order (no proof) -> evidence.sampling.sample -> evidence.point
(simplex rows drawn at random, with zeros; no uniform row, no vertex-by-vertex walk) ->
SAMPLED.

Suggested fix: make the simplex's special points landmarks of their own: every so often draw a
row uniform (1/n each), uniform on a random support, or a vertex; equality cases of strict
inequalities sit exactly there.
"""
from sympy import IndexedBase, Sum, Symbol

from derivations import Derivation, Relation, Simplex, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", nonnegative=True)

l17 = Derivation(
    name="l17_simplex_never_sampled_at_the_uniform",
    title="A distribution is never uniform",
    hypotheses=(Size(k), Simplex(p, k + 1)),
    start=1 / (k + 1),
    steps=(Step(Sum(p[j] ** 2, (j, 1, k + 1)), rules.inequality,
                "the squares exceed the uniform's", relation=Relation.LT),),
)
