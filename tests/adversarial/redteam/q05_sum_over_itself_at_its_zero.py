"""Renaming bound variables makes two sums one, and SymPy cancels a sum over itself with the
zero of the denominator.

False claim (symbolic, exit 0): for a size k and real w_1, ..., w_k,

    (sum_{i=1}^{k} w_i) / (sum_{j=1}^{k} w_j)  =  1.

Counterexample: any k, w = 0 (or w_1 = 1, w_2 = -1): the left side is 0/0, undefined; the right
side is 1 (the sampler calls a point defined on one side only a counterexample).

Grade obtained: symbolic, exit 0.

    python -m derivations check tests/adversarial/redteam_round15/q05_sum_over_itself_at_its_zero.py --no-cache

Route: judge.proves_equal -> may_be_undefined(side) reads ``prepare(side)``; ``prepare`` ->
``canonical.rename_bound`` renames i and j both to ``_b0``, rebuilding the quotient as
``S/S``, which SymPy evaluates to 1 at construction (``prepare(e) == 1``). So no denominator is
left to check, and prove_equal(1, 1) holds. The cross-check's 2 points miss the hyperplane
sum w = 0. Same with an Expectation over a Sum written out (``E_p[w] / sum_i p_i w_i = 1``:
kernel True) and with ``exp`` sums (sum e^{w_i} / sum e^{w_j}, which is harmless: it is never 0).

Suggested fix: collect the denominators (and ``may_be_undefined``) from the side BEFORE the
bound variables are renamed (``rename_bound`` under ``evaluate(False)``, or rename with a
check that the result has the same number of Pow(-) nodes), or record each denominator of the
authored side once and demand it nonzero whatever the canonical form cancels.

Closed in two parts. The kernel no longer proves it (round 15: a side's denominators are judged
as written, ``judge.written_denominators``), which left it ``sampled``: the sampler compared the
prepared sides, 1 and 1. Now the sampler evaluates beside each side the denominators it divides
by as written but no longer once prepared (``sampling._lost_denominators``; not under a
Piecewise, nor one that mentions a variable the side binds), and a side has no value where one
of them is exactly zero; each is also a critical expression, and the probe writes a sum out at
the point's sizes (up to ``point._VANISH_TERMS`` terms) and solves for one entry where it
vanishes. The step fails: "the two sides differ", the left side undefined and the right side 1,
at k = 21 and entries w_1, ..., w_21 summing to 0.
"""
from sympy import IndexedBase, Integer, Sum, Symbol

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
w = IndexedBase("w", real=True)

q05 = Derivation(
    name="q05_sum_over_itself_at_its_zero",
    title="A sum divided by itself",
    hypotheses=(Size(k), Real(w[j])),
    start=Sum(w[i], (i, 1, k)) / Sum(w[j], (j, 1, k)),
    steps=(Step(Integer(1), rules.algebra, "a number over itself"),),
)
