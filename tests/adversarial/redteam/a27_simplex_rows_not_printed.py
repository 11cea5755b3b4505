# Simplex(p, k) on a family declared without a shape prints as a single vector
# ("p_j >= 0, sum_j p_j = 1"), but the kernel applies it to every row p_{i,.} of a two-index use.
# Printed: sum_{i=1}^{m} sum_{j=1}^{k} p_{i,j} = m, with nothing said about the p_{i,j}.
from sympy import IndexedBase, Symbol, Sum
from derivations import Derivation, Simplex, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", nonnegative=True)

a27 = Derivation(
    name="a27_simplex_rows_not_printed",
    title="Total mass of m rows",
    hypotheses=(Size(k), Size(m), Simplex(p, k)),
    start=Sum(p[i, j], (j, 1, k), (i, 1, m)),
    steps=(Step(m, rules.algebra, "each row sums to one"),),
)
