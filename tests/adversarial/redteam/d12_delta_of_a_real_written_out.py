"""Nothing requires the arguments of a Kronecker delta to be integers, and the kernel's
``write_out_small`` (kernel/sums.py) hands a sum over a small concrete range to SymPy's
``Sum.doit``, which does not write it out when the summand has a delta: it calls
``deltasummation``, which assumes the delta's other argument is an integer and answers
"1 if it lies in the range" (a Piecewise). The prover then finds the two sides identical.

Claimed (symbolic): for a real u > 0,
    sum_{j=1}^{3} delta_{j u} = { 1 if 1 <= u <= 3; 0 otherwise }.
False at u = 3/2: no term of the sum has j = 3/2, so the left side is 0; the right side is 1.
(The same with a weight: sum_{j=1}^{3} delta_{j u} x^j "=" x^u on [1, 3].) The cross-check
draws u over many orders of magnitude and rarely lands in [1, 3].
"""
from sympy import KroneckerDelta, Sum, Symbol

from derivations import Derivation, Positive, Step, rules

j = Symbol("j", integer=True)
u = Symbol("u", positive=True)

_sum = Sum(KroneckerDelta(j, u), (j, 1, 3))

d12 = Derivation(
    name="d12_delta_of_a_real_written_out",
    title="Counting the hits of a delta",
    hypotheses=(Positive(u),),
    start=_sum,
    steps=(Step(_sum.doit(), rules.algebra, "write the three terms out"),),
)
