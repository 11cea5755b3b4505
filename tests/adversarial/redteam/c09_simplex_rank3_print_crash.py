"""A ``Simplex`` on a family of rank 3: the checker applies it row by row over the last index
(``Simplex.covers`` takes the rank from the shape), but the printer knows only ranks 1 and 2.

* Checked: "sum_{j=1}^{k} p_{1,2,j} = 1" is accepted at ``symbolic`` grade from a hypothesis the
  printer would show (if it could) as the rank-1 "p_j >= 0, sum_{j=1}^k p_j = 1", which says
  nothing about p_{1,2,j}: the printed theorem is false as read (p_{1,2,j} = 0 for all j).
* Printed: ``derivations build`` (any format) ends with "derivations: error: IndexException:
  Rank mismatch." and no derivation, hypothesis or step named (render/printer.py
  ``HypothesisPrinter._print_Simplex`` indexes the rank-3 base with one index).
"""
from sympy import IndexedBase, S, Sum, Symbol

from derivations import Derivation, Simplex, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", shape=(m, m, k), nonnegative=True)

c09 = Derivation(
    name="c09_simplex_rank3_print_crash",
    title="A row of a three-way table sums to one",
    hypotheses=(Size(k), Size(m), Simplex(p, k)),
    start=Sum(p[1, 2, j], (j, 1, k)),
    steps=(Step(S.One, rules.algebra, "a distribution sums to one"),),
)
