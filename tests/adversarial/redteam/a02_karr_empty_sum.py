# Empty sums with the upper bound below the lower: SymPy's Karr convention Sum_{1}^{n} 1 = n
# even for n < 0, while a reader reads an empty sum as 0.
from sympy import Symbol, Sum, S
from derivations import Derivation, IndexRange, Step, rules

n = Symbol("n", integer=True)
j = Symbol("j", integer=True)

a02 = Derivation(
    name="a02_karr_empty_sum",
    title="Counting terms",
    hypotheses=(IndexRange(n, -5, 5),),
    start=Sum(S.One, (j, 1, n)),
    steps=(Step(n, rules.algebra, "n terms of 1"),),
)
