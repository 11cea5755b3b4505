"""Red-team round 6: an equality case carried over from a cited theorem whose size is mapped to
fewer entries than the citer's families have.

``gen_gibbs_g03`` (true): for positive p, q of k entries,
H(p, q) - H(p) + H(p, u) - H(q, u) = sum_j (q_j - p_j - p_j log(q_j / p_j)) >= 0 (u_j = e),
with equality iff q = p. Its own equality case is checked properly (the lemma's sum runs over
every entry of q: kernel/equality_case.py ``_sizes_of``).

Claimed by ``g03_equality_case_cited_on_fewer_entries`` (r, s distributions of n + 2 entries,
printed "sum_{j=1}^{n+2} r_j = 1"):
H(r, s) >= H(r, s) - sum_{j=1}^{n} (s_j - r_j - r_j log(s_j / r_j)), with equality if and only
if s = r. The inequality is true; the "only if" is false: the cited theorem is instantiated
with k -> n, so its equality case forces s_j = r_j for j <= n only. Counterexample: n = 1,
r = (1/3, 1/3, 1/3), s = (1/3, 1/6, 1/2): the subtracted sum is 0 (s_1 = r_1), so the two
sides are equal (H(r, s) = (log 3 + log 6 + log 2) / 3 = 1.1945...), yet s != r.

Root cause: kernel/equality_case.py ``problems``: for a step citing a theorem
(``rule.equality_if`` set, no lemma instance) it only compares the instantiated equality case
``{s: r}`` with the citer's, and never asks (as it does for a lemma certificate with
``_sizes_of``) whether the cited theorem's equality case, at the mapped size n, covers every
entry of the citer's families (n + 2 here).

Route: class 5 (the "with equality if and only if" clause covers only part of the family) via
class 4 (a citation). Grade: symbolic, equality case accepted.

Closed: a cited theorem's equality case must cover every entry of the citer's families: the
sizes its families have in the theorem, under the citation's mapping, must include the size
the family has here (kernel/equality_case.py _cited_coverage).
"""
from sympy import E, IndexedBase, Integer, Sum, Symbol, log

from derivations import (
    CrossEntropy,
    Derivation,
    Entropy,
    Positive,
    Relation,
    Simplex,
    Size,
    Step,
    function_vector,
    indexed_vector,
    rules,
)

k = Symbol("k", integer=True, positive=True)
n = Symbol("n", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)
r = IndexedBase("r", positive=True)
s = IndexedBase("s", positive=True)
P, Q = indexed_vector(p, k), indexed_vector(q, k)
U = function_vector(lambda c: E, Symbol("u"), k)

gen_gibbs_g03 = Derivation(
    name="gen_gibbs_g03",
    title="Gibbs' inequality for positive vectors",
    hypotheses=(Size(k), Positive(p[i]), Positive(q[i])),
    start=CrossEntropy(P, Q) - Entropy(P) + CrossEntropy(P, U) - CrossEntropy(Q, U),
    steps=(Step(Integer(0), rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j], (j, 1, k)),
                "the log lies below its tangent, term by term", relation=Relation.GE),),
    equality_if={q: p},
)

R, S_ = indexed_vector(r, n + 2), indexed_vector(s, n + 2)
gap = Sum(s[j] - r[j] - r[j] * log(s[j] / r[j]), (j, 1, n))

g03 = Derivation(
    name="g03_equality_case_cited_on_fewer_entries",
    title="Cross entropy above a partial divergence",
    hypotheses=(Size(n), Positive(r[i]), Positive(s[i]), Simplex(r, n + 2), Simplex(s, n + 2)),
    start=CrossEntropy(R, S_),
    steps=(Step(CrossEntropy(R, S_) - gap,
                rules.by_theorem(gen_gibbs_g03, {k: n, p: r, q: s}),
                "Gibbs' inequality on the first n entries", relation=Relation.GE),),
    equality_if={s: r},
)
