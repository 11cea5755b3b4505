# Two vectors shown alike ("p", "q") but of different sizes (k+1 and k): the statement prints
# H(p, q) = H(p, q) - p_{k+1} log q_{k+1}, i.e. p_{k+1} log q_{k+1} = 0.
from sympy import IndexedBase, Symbol, log
from derivations import (CrossEntropy, Derivation, Nonnegative, Positive, Size, Step,
                         indexed_vector, rules)

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", nonnegative=True)
q = IndexedBase("q", positive=True)

a10 = Derivation(
    name="a10_vector_sizes_print_alike",
    title="Cross entropy does not see the last class",
    hypotheses=(Size(k), Nonnegative(p[j]), Positive(q[j])),
    start=CrossEntropy(indexed_vector(p, k + 1), indexed_vector(q, k + 1)),
    steps=(Step(CrossEntropy(indexed_vector(p, k), indexed_vector(q, k))
                - p[k + 1] * log(q[k + 1]), rules.definition, "split off the last term"),),
)
