# Unfolding an information measure substitutes the engine's component variable _c into the
# vector's Lambda with xreplace; when the vector's entries mention an outer index that is
# itself named _c (a summation variable may be: only *free* names starting with '_' are
# refused), the inner sum over _c captures it.  Both the proof and the sampler see the captured
# form sum_{c} -sum_{d} r_{d,d} log s_d (the diagonal), independent of the outer index.
# Printed: sum_{c=1}^{k} H(r_c, s) = -k sum_{d=1}^{n} r_{d,d} log s_d.
# False: k = 2, n = 1... take n = 2, r_{1,.} = (1, 0), r_{2,.} = (0, 1), s = (1/2, 1/2):
# left = 2 log 2, right = -2 (log 1/2 + log 1/2) = 4 log 2.
from sympy import IndexedBase, Lambda, Sum, Symbol, log
from derivations import CrossEntropy, Derivation, Positive, Real, Size, Step, Vector, indexed_vector, rules

k = Symbol("k", integer=True, positive=True)
n = Symbol("n", integer=True, positive=True)
C = Symbol("_c", integer=True)      # prints as a subscript-like c
d = Symbol("d", integer=True)
a = Symbol("a", integer=True)
b = Symbol("b", integer=True)
l = Symbol("l", integer=True)
R = IndexedBase("r", real=True)
s = IndexedBase("s", positive=True)

row = Vector(Symbol("r_c"), Lambda(d, R[C, d]), n)
b10 = Derivation(
    name="b10_unfold_capture",
    title="Summed cross entropies",
    hypotheses=(Size(k), Size(n), Real(R[a, b]), Positive(s[l])),
    start=Sum(CrossEntropy(row, indexed_vector(s, n)), (C, 1, k)),
    steps=(Step(-k * Sum(R[d, d] * log(s[d]), (d, 1, n)), rules.definition,
                "unfold the cross entropies"),),
)
