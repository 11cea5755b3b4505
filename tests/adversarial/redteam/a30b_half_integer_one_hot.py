# One-hot collapse over half-integer bounds: j runs over 1/2, 3/2, 5/2 and never equals the
# integer y, so the sum is 0; the kernel (bound variables renamed to integers, delta summation
# with 1/2 <= y <= 5/2 "in range") collapses it to x_y.
from sympy import IndexedBase, KroneckerDelta, Rational, Sum, Symbol
from derivations import Derivation, IndexRange, Real, Step, rules

j = Symbol("j")
l = Symbol("l", integer=True)
y = Symbol("y", integer=True, positive=True)
x = IndexedBase("x", real=True)

a30b = Derivation(
    name="a30b_half_integer_one_hot",
    title="Picking out the label's entry",
    hypotheses=(IndexRange(y, 1, 2), Real(x[l])),
    start=Sum(KroneckerDelta(j, y) * x[j], (j, Rational(1, 2), Rational(5, 2))),
    steps=(Step(x[y], rules.one_hot_collapse, "only the label's term survives"),),
)
