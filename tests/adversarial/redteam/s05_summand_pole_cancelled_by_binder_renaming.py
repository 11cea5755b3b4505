"""Red-team round 17, s05: the q05 fix judges a side's denominators as written, but keeps only
those that hold a Sum, Product or Integral. A denominator *inside* a summand is judged after
`prepare` renames the binder to an integer, and by then SymPy has made sin(pi j)/j the number 0:
the pole of the j = 0 term is gone.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every size k:  sum_{j=0}^{k} sin(pi j) / j  =  0

Counterexample: any k: the j = 0 term is sin(0)/0 = 0/0, which has no value, so the left side
has none while the right side is 0 (the engine's convention: defined on one side only is a
counterexample). Checked: `(sin(pi*t)/t).subs(t, 0)` is nan.

Command:
    python -m derivations check \
        tests/adversarial/redteam_open/s05_summand_pole_cancelled_by_binder_renaming.py --no-cache
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `judge.may_be_undefined(side)`: `written_denominators` finds j (the power j**-1 inside
the sum, as written) but drops it, because `d.has(Sum, Product, Integral)` is False for j;
`_partial` and `_denominators` read `prepare(side)`, where `rename_bound` rebuilt the body with
`_b0 = Symbol('_b0', integer=True)`: sin(pi _b0) evaluates to 0 and 0 * _b0**-1 to 0, so the
side is Sum(0, ...) = 0 with no denominator. The sampler evaluates the prepared side too
(`_lost_denominators` also keeps only denominators with a Sum/Product/Integral). The
variant with log(j) in place of 1/j is refused by the printing check (`plain_weighted_log`).

Variant (first derivation below, also symbolic, exit 0): an `Expectation(g, p)` over a simplex
p of k entries, with the vector g_j = sin(pi j)/(j - 1) (a `Vector` with that rule), claimed 0.
g_1 = 0/0 has no value. `Expectation.unfold` calls the rule at `Dummy('c', integer=True)`, and
the call evaluates sin(pi c)/(c - 1) to 0 before anything judges the denominator c - 1.

Suggested fix: in `written_denominators`, keep every denominator of a summand too, judged
with the summation range as a declared range of its binder (j in [0, k]: j may be 0), before
any renaming; or rename binders under `evaluate(False)`. The sampler's `_lost_denominators`
needs the same change.

Closed in the kernel the next session (each vector's rule judged at a generic index of its
range, unevaluated: `judge._components`; every written denominator judged), and in the
sampler: for each term of a sum or product, and each entry of a vector, whose denominator or
function the kernel does not show defined on the range, the product of that denominator (or
function) over the range, written with the variable as it stands, is evaluated beside the
side (`sampling._term_poles`). Both derivations now fail: at k = 5 the left side has no
value.
"""

from sympy import IndexedBase, Integer, Lambda, Sum, Symbol, pi, sin

from derivations import (Derivation, Expectation, Simplex, Size, Step, Vector, indexed_vector,
                         rules)

k = Symbol("k", integer=True, positive=True)
j = Symbol("j")
t = Symbol("t")
p = IndexedBase("p", nonnegative=True)

s05_expectation = Derivation(
    name="s05_expectation",
    title="An expectation of sines at multiples of pi",
    hypotheses=(Size(k), Simplex(p, k)),
    start=Expectation(Vector(Symbol("g"), Lambda(t, sin(pi * t) / (t - 1)), k),
                      indexed_vector(p, k)),
    steps=(Step(Integer(0), rules.algebra, "each sine vanishes"),),
)

s05_summand_pole_cancelled_by_binder_renaming = Derivation(
    name="s05_summand_pole_cancelled_by_binder_renaming",
    title="A sum of sines at multiples of pi over their index",
    hypotheses=(Size(k),),
    start=Sum(sin(pi * j) / j, (j, 0, k)),
    steps=(Step(Integer(0), rules.algebra, "the sine vanishes at every multiple of pi"),),
)
