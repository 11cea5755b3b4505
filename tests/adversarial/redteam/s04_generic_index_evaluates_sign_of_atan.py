"""Red-team round 17, s04: `order._generic` stands a fresh *nonnegative* integer Dummy in for a
sum's index when the lower bound is 0; substituting it lets SymPy evaluate sign(atan(j)) to 1
(atan of a nonnegative integer "is positive", r08), though the j = 0 term is sign(0) = 0. The
r08 fix guards the kernel's own positivity questions, not what SymPy does when it rebuilds.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every size k:  max(0, k - 4) (k + 1)  <=  max(0, k - 4) sum_{j=0}^{k} sign(atan j)

Counterexample: k = 5: the left side is 1 * 6 = 6, the right side 1 * (0 + 1 + 1 + 1 + 1 + 1) =
5; 6 <= 5 is false (and for every k >= 5: (k-4)(k+1) against (k-4) k). Checked with SymPy.
Without the weight max(0, k - 4) the kernel proves k + 1 <= sum sign(atan j) all the same, and
the 2-point cross-check catches it ("sampling contradicts the symbolic proof"); the weight
only keeps the cross-check's small sizes (1..4, r04) from seeing it: the proof itself is wrong.

Command:
    python -m derivations check \
        tests/adversarial/redteam/s04_generic_index_evaluates_sign_of_atan.py --no-cache --min-evidence symbolic
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `judge.proves_order` -> `order.proves_le` -> `_common_factor` (c = max(0, k-4) >= 0)
-> `_count_times`: the sum is over j = 0..k, n = k + 1, bound = 1; `_generic(0, k)` makes
`j = Dummy('j', integer=True, nonnegative=True)` because `lo.is_nonnegative`; `_at(f, v, j)`
xreplaces it into sign(atan(j)), and `sign.eval` returns 1 because `atan(j).is_positive` is
True; `_le(1, 1)` holds.

Suggested fix: `_at` (and every substitution into a body: `_generic`, delta collapse, case
splits) under `evaluate(False)`, judged by the guarded `is_nonnegative`; or refuse
asin/acos/atan at an argument known rational altogether (s02, s03 share the root).

Closed by the same correction as s02 (``derivations._compat``): sign(atan(j)) is no longer 1
for a nonnegative integer j; the step fails.
"""

from sympy import Max, Sum, Symbol, atan, sign

from derivations import Derivation, Relation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j")

s04_generic_index_evaluates_sign_of_atan = Derivation(
    name="s04_generic_index_evaluates_sign_of_atan",
    title="A weighted count of the signs of arctangents",
    hypotheses=(Size(k),),
    start=Max(0, k - 4) * (k + 1),
    steps=(Step(Max(0, k - 4) * Sum(sign(atan(j)), (j, 0, k)), rules.inequality,
                "each sign is one", relation=Relation.LE),),
)
