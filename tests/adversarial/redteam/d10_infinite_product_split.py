"""NEAR-MISS (HELD): kernel/sums.py ``linearise`` refuses to split an infinite *sum* ("splitting
it may turn one convergent sum into two divergent ones") but splits an infinite *product*
without that check: ``Product(f g, (j, 1, oo)) -> Product(f) * Product(g)``.

Claimed: prod_{j>=1} 2^{1/j} 3^{-1/j} = (prod_{j>=1} 2^{1/j}) (prod_{j>=1} 3^{-1/j}).
The left side is lim_n (2/3)^{H_n} = 0; on the right the first product diverges to infinity and
the second goes to 0: infinity times 0, undefined. The canonical forms of the two sides are
identical (the kernel proves the step), but the sampler cannot write out an infinite product,
the cross-check discards every point, and the step ends ``undecided``: refused, only because
the cross-check has nothing to say. Fix: the same ``is_infinite`` guard for products.
"""
from sympy import Product, Symbol, oo

from derivations import Derivation, Step, rules

j = Symbol("j", integer=True)

d10 = Derivation(
    name="d10_infinite_product_split",
    title="An infinite product of two factors",
    hypotheses=(),
    start=Product(2 ** (1 / j) * 3 ** (-1 / j), (j, 1, oo)),
    steps=(Step(Product(2 ** (1 / j), (j, 1, oo)) * Product(3 ** (-1 / j), (j, 1, oo)),
                rules.algebra, "split the product factor by factor"),),
)
