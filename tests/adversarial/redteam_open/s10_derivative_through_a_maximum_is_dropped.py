"""Red-team round 17, s10: the sampler judges d/dz_i max_j z_j only where z_i happens to be the
largest entry, a region a random point reaches with probability about 1/k, and no probe puts a
point there (the m08 probe draws ties for extremum bounds, not an entry made the maximum).

False claim (graded **sampled**, exit 0):

    for every size k, real z_1..z_k and 1 <= i <= k:   d/dz_i  max_{j=1..k} z_j  =  0

Counterexample: k = 2, z = (0, 1), i = 2: max(z_1, z_2) = z_2 near that point, so the
derivative is 1, not 0 (a difference quotient: (max(0, 1 + h) - max(0, 1))/h = 1 for small h).
Wherever the maximum is attained at the entry z_i alone (a set of positive measure) the
derivative is 1. With the index fixed (z_k or z_1 in place of z_i) the same claim fails at
once, with a correct counterexample: the miss needs the free ranged index i.

Command:
    python -m derivations check \
        tests/adversarial/redteam_open/s10_derivative_through_a_maximum_is_dropped.py --no-cache
Output: "ok (1 step, weakest evidence: sampled)", "numeric agreement at 24 random points", exit 0
(deterministic: the hunt's seed is fixed).

Route: the kernel does not prove the step (`canonical.smooth` passes, as MaxOver is not in
`_ROUGH`, but SymPy leaves the derivative unevaluated). The fast evaluator refuses
(`scalar`: "MaxOver(z, 1, k): no derivative rule"), so each point goes to the exact path:
`Point.fix_structure` writes the max out and differentiates it, giving
sum_n Heaviside(z_n - max of the others) delta(n, i), which is correct; but at a random point
with k entries drawn at random the drawn i is the argmax with probability 1/k, and the 24 hunt
points (sizes up to 40) all land where it is not, so every point shows 0 = 0.

Suggested fix: a probe for derivatives through an extremum (and for any expression holding
MaxOver/MinOver with a free ranged index): draw points where the entry at the free index is the
largest (smallest), as the m08 probe draws ties; or put MaxOver/MinOver in `canonical._ROUGH`
so that a derivative through one is refused outright, as for Max/Min.
"""

from sympy import Derivative, IndexedBase, Integer, Symbol

from derivations import Derivation, IndexRange, MaxOver, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
i = Symbol("i", integer=True, positive=True)
z = IndexedBase("z", real=True)

s10_derivative_through_a_maximum_is_dropped = Derivation(
    name="s10_derivative_through_a_maximum_is_dropped",
    title="The derivative of a maximum with respect to an entry",
    hypotheses=(Size(k), Real(z), IndexRange(i, 1, k)),
    start=Derivative(MaxOver(z, 1, k), z[i]),
    steps=(Step(Integer(0), rules.algebra, "the maximum does not move with one entry"),),
)
