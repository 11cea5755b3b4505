"""Red-team round 8: a divergent infinite *product* is cancelled against itself as if it were a
number (g02's route, through ``Product`` instead of ``Sum``).

Claimed (symbolic): for real x,  x + sum_{j=1}^{2} (-1)^j prod_{r=1}^{oo} (-1) = x.

False: the infinite product prod_{r>=1} (-1) has no value (its partial products are -1, 1, -1,
1, ...), so the left side has no value at any x, e.g. x = 0; the step states that it is 0.
Concretely the left side is x - P + P with P the divergent product.

Route: class 6 (conventions nobody chose: a divergent product is given a value, P - P = 0).
Grade: symbolic.

Root cause: g02 was closed in kernel/judge.py ``may_be_undefined`` / ``_unproved_series``,
which looks only at ``expr.atoms(Sum)`` with an infinite bound; an infinite ``Product`` is
never asked for convergence. The finite outer sum is written out term by term
(kernel/sums.py ``write_out_small``), giving -P + P, and SymPy's ``Add`` cancels the two equal
opaque terms to 0. The sampler's exact path (evidence/point.py, ``doit``) leaves
``Product(-1, (r, 1, oo))`` unevaluated and cancels it the same way, so the cross-check agrees.
(``linearise`` already refuses to split an infinite product, "splitting it may turn a
convergent one into divergent ones", but the undefinedness check was not extended.)

The second derivation, ``i01b``, uses prod_{r>=1} (1 + 1/r) (partial products n + 1, divergent
to oo): the left side is oo - oo at every x; accepted at sampled grade (WEAK, but at an
ordinary point: any x).

Closed: infinite products, like infinite sums, must be shown convergent before the kernel
proves anything with them, and the sampler judges no point where one without a closed form is
not shown to converge.
"""
from sympy import Product, Sum, Symbol, oo

from derivations import Derivation, Real, Step, rules

j = Symbol("j", integer=True)
r = Symbol("r", integer=True)
x = Symbol("x", real=True)

i01b_divergent_product_to_infinity = Derivation(
    name="i01b_divergent_product_to_infinity",
    title="A signed pair of products that grow without bound",
    hypotheses=(Real(x),),
    start=x + Sum((-1) ** j * Product(1 + 1 / r, (r, 1, oo)), (j, 1, 2)),
    steps=(Step(x, rules.algebra, "the two products cancel"),),
)

i01_divergent_product_cancelled = Derivation(
    name="i01_divergent_product_cancelled",
    title="A signed pair of oscillating products",
    hypotheses=(Real(x),),
    start=x + Sum((-1) ** j * Product(-1, (r, 1, oo)), (j, 1, 2)),
    steps=(Step(x, rules.algebra, "the two products cancel"),),
)
