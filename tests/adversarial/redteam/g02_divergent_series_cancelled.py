"""Red-team round 6: a divergent series is cancelled against itself as if it were a number.

Claimed (symbolic): sum_{j=1}^{2} (-1)^j sum_{r=1}^{oo} (-1)^r = 0.

False: the inner series sum_{r>=1} (-1)^r = -1 + 1 - 1 + ... diverges (its partial sums
oscillate between -1 and 0), so the left side has no value; the step states that it is 0.
(Concretely: the left side is G - G with G the divergent Grandi series, not a number.)

The engine knows that divergence matters: kernel/sums.py ``linearise`` refuses to split an
infinite sum ("nothing here proves convergence"), and the binder audit refuses sums that run
backwards to infinity. But the *finite* outer sum is written out term by term
(kernel/sums.py ``write_out_small``), giving -G + G, and SymPy's ``Add`` cancels the two equal
opaque terms to 0 at once: the kernel treats the unevaluated infinite ``Sum`` as a finite
number. The sampler cannot refute it: its exact path (evidence/point.py ``write_out``) calls
``doit()`` on the infinite sum, which SymPy leaves unevaluated for an oscillating series, and
the same ``Add`` cancels it to 0 (with 1/r in place of (-1)^r the series evaluates to oo and
the sampler does refute the step: undefined against 0).

Route: class 6 (conventions nobody chose: a divergent series is given a value, 0 * G or
G - G = 0). Grade: symbolic.

Closed: the kernel proves no step with an infinite series it cannot show absolutely convergent
(judge.may_be_undefined), and the sampler judges no point where a series without a closed form
is not shown to converge: the step ends undecided.
"""
from sympy import Integer, Sum, Symbol, oo

from derivations import Derivation, Step, rules

j = Symbol("j", integer=True)
r = Symbol("r", integer=True)
grandi = Sum((-1)**r, (r, 1, oo))

g02 = Derivation(
    name="g02_divergent_series_cancelled",
    title="A signed pair of Grandi series",
    hypotheses=(),
    start=Sum((-1)**j * grandi, (j, 1, 2)),
    steps=(Step(Integer(0), rules.algebra, "the two terms cancel"),),
)
