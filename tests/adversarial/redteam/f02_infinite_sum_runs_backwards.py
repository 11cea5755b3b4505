"""A sum with an infinite bound may run backwards: ``Derivation._check_binders`` refuses a sum
that may run backwards only when both bounds are finite (``not hi.is_infinite and not
lo.is_infinite``), so ``sum_{j=k}^{-oo}`` is let through. The reader of the printed
``\\sum_{j=k}^{-\\infty} 2^j`` takes it as the empty sum (the convention the engine documents:
empty sums are 0) or as the downward sum 2^k + 2^(k-1) + ... = 2^(k+1). The sampler and the sized
proof write it out with SymPy's ``doit`` (evidence/point.py ``_write_out``: an infinite bound
goes to ``e.doit()``), which reads it as ``sum_{j=-oo}^{k-1}`` (neither Karr's convention, which
would give -2^k, nor the empty sum): 2^k.

Claimed (sized): for a size k,  sum_{j=k}^{-oo} 2^j = 2^k.
False under every reading: at k = 1 the empty sum is 0, the downward sum is 2 + 1 + 1/2 + ... = 4,
Karr's convention gives -2; the claim says 2. Grade obtained: sized (proved at k = 1, 2, 3 by
SymPy's summation).

The second derivation is the same without a size: x + sum_{j=1}^{-oo} 2^j = x + 2, accepted at
sampled grade (false at x = 0: 0, 4 or -2, never 2).

Closed: a sum to -oo or from +oo is refused by the binder audit (it runs backwards to
infinity, which every convention reads differently).
"""
from sympy import Sum, Symbol, oo

from derivations import Derivation, Real, Size, Step, rules

j = Symbol("j", integer=True)
k = Symbol("k", integer=True, positive=True)
x = Symbol("x", real=True)

f02b = Derivation(
    name="f02b_infinite_sum_backwards_sampled",
    title="A geometric sum down to minus infinity",
    hypotheses=(Real(x),),
    start=x + Sum(2**j, (j, 1, -oo)),
    steps=(Step(x + 2, rules.algebra, "sum the geometric series"),),
)

f02 = Derivation(
    name="f02_infinite_sum_runs_backwards",
    title="A geometric sum down to minus infinity",
    hypotheses=(Size(k),),
    start=Sum(2**j, (j, k, -oo)),
    steps=(Step(2**k, rules.algebra, "sum the geometric series"),),
)
