# A summation variable that also occurs (free) in its own upper bound: sum_{j=1}^{j} 1 is j.
# freshen/rename_bound xreplace the binder in the limits too, so the free j in the bound is
# captured; both sides become sum_{b=1}^{b} 1 and "j = i" is proved for all i, j.
from sympy import Symbol, Sum, S
from derivations import Derivation, IndexRange, Step, rules

i = Symbol("i", integer=True, positive=True)
j = Symbol("j", integer=True, positive=True)

a18 = Derivation(
    name="a18_binder_capture_in_bound",
    title="Any two counts agree",
    hypotheses=(IndexRange(i, 1, 5), IndexRange(j, 1, 5)),
    start=Sum(S.One, (j, 1, j)),
    steps=(Step(Sum(S.One, (i, 1, i)), rules.algebra, "rename the index"),),
)
