"""A vector's size is never audited: an information measure unfolds into a sum that may run
backwards (or between non-integer bounds), which the binder audit refuses everywhere else.

False claims (the printed theorem is "k in {1, 2, ...}  =>  H(v, w) = (k - 1) log 2" and
"H(v, w) = -(k/2) log 2"; the vectors' sizes are not printed at all):

* ``c01_vector_size_backwards``: v = (1, ..., 1), w = (2, ..., 2) with 1 - k entries. For k = 3
  the vectors have no entries, H(v, w) is the empty sum 0, but the claim says 2 log 2. SymPy's
  Karr convention (sum_{j=1}^{-2} 1 = -2) is what both the prover (linearise) and the sampler's
  slow path (``write_out`` calls ``doit`` on a backwards range) use.
* ``c01_vector_size_half``: vectors of k/2 entries; at k = 1 there is no integer j with
  1 <= j <= 1/2, H = 0, the claim says -(log 2)/2.
"""
from sympy import S, Symbol, log

from derivations import CrossEntropy, Derivation, Size, Step, function_vector, rules

k = Symbol("k", integer=True, positive=True)

c01 = Derivation(
    name="c01_vector_size_backwards",
    title="The cross entropy of ones against twos counts the classes",
    hypotheses=(Size(k),),
    start=CrossEntropy(function_vector(lambda c: S.One, Symbol("v"), 1 - k),
                       function_vector(lambda c: S(2), Symbol("w"), 1 - k)),
    steps=(Step((k - 1) * log(2), rules.definition, "each term is $-\\log 2$"),),
)

c01_half = Derivation(
    name="c01_vector_size_half",
    title="A cross entropy of half as many classes",
    hypotheses=(Size(k),),
    start=CrossEntropy(function_vector(lambda c: S.One, Symbol("v"), k / 2),
                       function_vector(lambda c: S(2), Symbol("w"), k / 2)),
    steps=(Step(-k * log(2) / 2, rules.definition, "each term is $-\\log 2$"),),
)
