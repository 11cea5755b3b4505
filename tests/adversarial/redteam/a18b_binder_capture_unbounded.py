# a18 with an integer n over all of Z in the statement: the sampler skips every point
# (EmptyDomain) before it reaches the substitution that crashed a18, so the captured-binder
# "proof" of j + n = i + n is accepted.
from sympy import Symbol, Sum, S, oo
from derivations import Derivation, IndexRange, Step, rules

i = Symbol("i", integer=True, positive=True)
j = Symbol("j", integer=True, positive=True)
n = Symbol("n", integer=True)

a18b = Derivation(
    name="a18b_binder_capture_unbounded",
    title="Any two counts agree",
    hypotheses=(IndexRange(i, 1, 5), IndexRange(j, 1, 5), IndexRange(n, -oo, oo)),
    start=Sum(S.One, (j, 1, j)) + n,
    steps=(Step(Sum(S.One, (i, 1, i)) + n, rules.algebra, "rename the index"),),
)
