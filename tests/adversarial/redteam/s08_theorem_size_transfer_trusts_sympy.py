"""Red-team round 17, s08: `rules.inequality._transfer` carries a cited theorem's `Size(m)`
hypothesis over to the mapped value `s` when `s.is_integer and s.is_positive`: SymPy's word,
unguarded by `sympy_decides`. SymPy holds ceiling(atan(n)) a positive integer for an integer
n >= 0 (ceiling is positive where its argument is, and atan(n) "is positive", r08), though
ceiling(atan 0) = 0. A true theorem cited at a "size" 0 proves a false bound.

Cited theorem (true, proved symbolic): for a size m and c >= 0,  c <= c + c (m - 1).

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every size k and the integer n with 0 <= n <= 0 (so n = 0):
        max(0, k - 4)  <=  max(0, k - 4) + max(0, k - 4) (ceiling(atan n) - 1)
    by rules.by_theorem(t_cited, {m: ceiling(atan(n)), c: max(0, k - 4)})

Counterexample: k = 5, n = 0: the left side is 1, the right side 1 + 1 * (0 - 1) = 0, and
1 <= 0 is false (for every k >= 5: k - 4 <= 0 is false). Checked with SymPy. The weight
max(0, k - 4) only keeps the 2-point cross-check (sizes 1..4, r04) from seeing it; the
transfer itself is wrong at every k, and without the weight the cross-check reports
"sampling contradicts the symbolic proof".

Command:
    python -m derivations check \
        tests/adversarial/redteam/s08_theorem_size_transfer_trusts_sympy.py --no-cache --min-evidence symbolic
Output: both derivations "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `grade._check_order` -> `certificate_problem` -> the theorem's conditions ->
`_transfer(Size(m), {m: ceiling(atan n), ...})`: `s.is_integer` True (ceiling),
`s.is_positive` True (`ceiling._eval_is_positive` returns `atan(n).is_positive`, the r08 lie),
`_stated_here` holds (n has a hypothesis). `Nonnegative(c)` goes through the guarded
`is_nonnegative` and holds for max(0, k - 4). `proves_order` then checks high - low equals the
instantiated certificate max(0, k-4)(ceiling(atan n) - 1): it does.

Suggested fix: judge a transferred Size with the kernel: `is_strictly_positive(s, facts)`
(which applies `sympy_decides`) and an integer test that does not rest on a liar; more
generally, route every `is_positive`/`is_nonnegative`/`is_integer` question the rules ask
(`_transfer`, `transform_problem`, `Lemma.problem`, `Facts.in_range`) through one guarded
helper. Closing the inverse-trigonometric lies at their source (s02) closes this too.

Closed by the same correction as s02 (``derivations._compat``): ceiling(atan(n)) is no longer
shown a positive integer, so the cited theorem's size cannot be mapped to it: "side condition
'ceiling(atan(n)) is a positive integer' is not established".
"""

from sympy import Max, Symbol, atan, ceiling

from derivations import Derivation, IndexRange, Nonnegative, Relation, Size, Step, rules

m = Symbol("m", integer=True, positive=True)
c = Symbol("c", nonnegative=True)
k = Symbol("k", integer=True, positive=True)
n = Symbol("n", integer=True, nonnegative=True)

t_cited = Derivation(
    name="t_cited",
    title="A nonnegative number is at most its multiple by a size",
    hypotheses=(Size(m), Nonnegative(c)),
    start=c,
    steps=(Step(c + c * (m - 1), rules.inequality, "m is at least one", relation=Relation.LE),),
)

s08_theorem_size_transfer_trusts_sympy = Derivation(
    name="s08_theorem_size_transfer_trusts_sympy",
    title="The ceiling of the arctangent of zero taken for a size",
    hypotheses=(Size(k), IndexRange(n, 0, 0)),
    start=Max(0, k - 4),
    steps=(Step(Max(0, k - 4) + Max(0, k - 4) * (ceiling(atan(n)) - 1),
                rules.by_theorem(t_cited, {m: ceiling(atan(n)), c: Max(0, k - 4)}),
                "the ceiling of a positive arctangent is a size", relation=Relation.LE),),
)
