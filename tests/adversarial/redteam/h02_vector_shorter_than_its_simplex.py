"""Red-team round 7: a vector of a family prints as the whole family, though the hypotheses give
the family more entries than the vector has.

Route: class 5 (what is printed is not what is checked). Grade: symbolic.

Printed theorem: "k a size; q_j >= 0, sum_{j=1}^{k+1} q_j = 1; q_e > 0 for all e
=>  H(q) = -sum_{j=1}^{k} q_j log q_j".

A reader takes H(q) for the entropy of the distribution q, which the hypotheses say has k + 1
entries; the checked vector ``indexed_vector(q, k)`` has k, and its size is never printed.
As read, the statement is false: k = 1, q = (1/2, 1/2): H(q) = log 2 = 0.6931..., the right
side is -(1/2) log(1/2) = 0.3466...

Root cause: language/derivation.py ``_check_clashes``/``_check_lookalikes`` tie a vector's
display to its entries (q for q_j) and refuse two vectors of one name and different sizes
(a10), but never compare a vector's size with the size a ``Simplex`` hypothesis states for the
same family (hypotheses.py ``Simplex``); render prints ``H(q)`` with no size and no "where"
line. Either refuse a vector of a simplex family whose size is not the simplex's, or print it.

Closed: a family's own vector (printed by the family's name) must have the size its Simplex
states: a q of k entries of a distribution q of k + 1 entries is refused.
"""
from sympy import IndexedBase, Sum, Symbol, log

from derivations import Derivation, Entropy, Positive, Simplex, Size, Step, indexed_vector, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
e = Symbol("e", integer=True)
q = IndexedBase("q", positive=True)

h02_vector_shorter_than_its_simplex = Derivation(
    name="h02_vector_shorter_than_its_simplex",
    title="The entropy of a distribution",
    hypotheses=(Size(k), Simplex(q, k + 1), Positive(q[e])),
    start=Entropy(indexed_vector(q, k)),
    steps=(Step(-Sum(q[j] * log(q[j]), (j, 1, k)), rules.definition, "unfold the entropy"),),
)
