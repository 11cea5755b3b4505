"""Not a false acceptance but a wrong verdict with a self-contradictory message: two simplex
hypotheses on one family (``Simplex(p, k)`` and ``Simplex(p, k + 1)``: consistent, they force
p_{k+1} = 0) make the sampler (evidence/point.py ``_simplex_row``, which takes the first
simplex that covers an entry and draws a whole row for each entry it meets) draw p_1, ..., p_k
twice and p_{k+1} as an unconstrained real. The TRUE step
sum_{j=1}^{k} p_j = sum_{j=1}^{k+1} p_j (both are 1 under the hypotheses) is reported FAILED
with the "counterexample"
    at k=3, p[1]=0.5576, p[2]=0.1521, p[3]=0.2903, p[1]=0.3542, p[2]=0.5177, p[3]=0.1281,
    p[4]=5.595 the left side is 1.0 and the right side is 6.595
which gives p[1] two values and violates both hypotheses. (Exit 1, so no soundness problem;
the message is wrong.) Either refuse two simplices on one family with an AuthoringError, or
draw one row satisfying all of them, and never print a point outside the hypotheses.
"""
from sympy import IndexedBase, Sum, Symbol

from derivations import Derivation, Simplex, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", nonnegative=True)

d17 = Derivation(
    name="d17_two_simplices_bogus_counterexample",
    title="Two descriptions of one distribution",
    hypotheses=(Size(k), Simplex(p, k), Simplex(p, k + 1)),
    start=Sum(p[j], (j, 1, k)),
    steps=(Step(Sum(p[j], (j, 1, k + 1)), rules.algebra, "both rows sum to one"),),
)
