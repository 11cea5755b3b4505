"""Red-team round 7: a lemma certificate's equality case checked against one of a family's
sizes, not all of them.

Route: class 5 (the "with equality if and only if" clause covers only part of the family).
Grade: symbolic, equality case accepted.

Printed theorem: "k a size; q_j >= 0, sum_{j=1}^{k+1} q_j = 1; q_e > 0, p_e > 0 for all e
=>  -KL(p || q) <= sum_{j=1}^{k} (q_j - p_j), with equality if and only if q = p".

The inequality is true (Gibbs over the first k entries). The "only if" is false: the lemma
certificate sum_{j=1}^{k} p_j (q_j/p_j - 1 - log(q_j/p_j)) forces q_j = p_j for j <= k only,
while q is a distribution of k + 1 entries (the hypothesis says so) and q_{k+1} is left free.
Counterexample: k = 1, q = (1/2, 1/2), p = (1/2, 7): both sides are 0 (p_1 log(q_1/p_1) = 0,
q_1 - p_1 = 0), so equality holds, yet q != p (q_2 = 1/2, p_2 = 7).

Root cause: kernel/equality_case.py ``problems``: for a lemma certificate it refuses only a
sum whose upper bound is *not among* the family's sizes (``over[2] not in _sizes_of(key, d)``);
``_sizes_of`` collects the sizes of every simplex and every vector of the family, here
{k + 1 (the simplex), k (the vector in KL)}, and k is in the set, so a sum over k entries is
taken to cover a family stated to have k + 1. (g03 closed the same gap for cited theorems
with ``_cited_coverage``, which asks for an overlap of the sets, the same weakness.) Every
size the family has should be covered, not one of them.

Closed: a lemma's sum (and a cited theorem's equality case) must cover every size the family
has here, the Simplex's as well as each vector's (kernel/equality_case.py _covers).
"""
from sympy import IndexedBase, Sum, Symbol

from derivations import (
    KL,
    Derivation,
    Positive,
    Relation,
    Simplex,
    Size,
    Step,
    indexed_vector,
    rules,
)

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
e = Symbol("e", integer=True)
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)

h01_equality_case_vector_shorter_than_simplex = Derivation(
    name="h01_equality_case_vector_shorter_than_simplex",
    title="Gibbs on the first entries",
    hypotheses=(Size(k), Simplex(q, k + 1), Positive(q[e]), Positive(p[e])),
    start=-KL(indexed_vector(p, k), indexed_vector(q, k)),
    steps=(Step(Sum(q[j] - p[j], (j, 1, k)),
                rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j], over=(j, 1, k)),
                "the tangent bound, term by term", relation=Relation.LE),),
    equality_if={q: p},
)
