# by_theorem: a cited theorem's Parameter hypothesis "carries over" unconditionally (_transfer
# returns True), although Parameter(theta) declares theta real and the theorem's proof uses it.
# "0 <= theta^2" instantiated at theta = I*delta_{y,N} gives the certificate -delta_{y,N}:
# printed delta_{y,N} <= 0, false at y = N (never sampled).
from sympy import Symbol, I, Integer, KroneckerDelta, S
from derivations import Derivation, IndexRange, Parameter, Relation, Step, rules

theta = Symbol("theta", real=True)
square_nonnegative = Derivation(
    name="square_nonnegative",
    title="A squared parameter is non-negative",
    hypotheses=(Parameter(theta),),
    start=S.Zero,
    steps=(Step(theta**2, rules.inequality, "a square", relation=Relation.LE),),
)

y = Symbol("y", integer=True, nonnegative=True)
N = Integer(123456789)

a31 = Derivation(
    name="a31_by_theorem_parameter_transfer",
    title="An indicator is never positive",
    hypotheses=(IndexRange(y, 0, 10**9),),
    start=KroneckerDelta(y, N),
    steps=(Step(S.Zero, rules.by_theorem(square_nonnegative, {theta: I * KroneckerDelta(y, N)}),
                "a square is non-negative", relation=Relation.LE),),
)
