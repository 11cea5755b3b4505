# Summation variables that also occur (free) in their own bounds: sum_{j=j}^{j+1} j^2 is
# j^2 + (j+1)^2 (SymPy's own reading: doit() gives that).  freshen/rename_bound xreplace the binder
# in the limits too, capturing the free j; both sides become sum_{b=b}^{b+1} b^2, so
# j^2 + (j+1)^2 = i^2 + (i+1)^2 is "proved" for all i, j.  Sampling sees the same captured
# form (both sides agree at every point).
from sympy import Symbol, Sum
from derivations import Derivation, IndexRange, Step, rules

i = Symbol("i", integer=True, positive=True)
j = Symbol("j", integer=True, positive=True)

a18c = Derivation(
    name="a18c_binder_capture_in_bound",
    title="Two sums of consecutive squares agree",
    hypotheses=(IndexRange(i, 1, 5), IndexRange(j, 1, 5)),
    start=Sum(j**2, (j, j, j + 1)),
    steps=(Step(Sum(i**2, (i, i, i + 1)), rules.algebra, "rename the index"),),
)
