# A vector shown by a display Symbol("e_y"), which typesets exactly like the one-hot vector
# OneHot(y, k) (e_{y}), but whose entries are the uniform 1/k.  The statement prints
# H(e_y, q) = -(1/k) sum_j log q_j, false for the one-hot e_y a reader sees (-log q_y).
from sympy import IndexedBase, Symbol, Sum, log
from derivations import (CrossEntropy, Derivation, IndexRange, Positive, Size, Step,
                         function_vector, indexed_vector, rules)

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True, positive=True)
j = Symbol("j", integer=True)
q = IndexedBase("q", positive=True)
e_y = Symbol("e_y")

a21 = Derivation(
    name="a21_vector_display_onehot_lookalike",
    title="Cross entropy against a one-hot label",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=CrossEntropy(function_vector(lambda c: 1 / k, e_y, k), indexed_vector(q, k)),
    steps=(Step(-Sum(log(q[j]), (j, 1, k)) / k, rules.definition, "unfold H"),),
)
