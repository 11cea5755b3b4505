"""A definition sums Kronecker deltas of its formal argument, applied at a real u > 0: SymPy's
delta summation (doit) read sum_{j=1}^{3} delta_{j u} as [1 <= u <= 3], false at u = 3/2; the
kernel now writes small sums out by substitution, so it is never proved."""
from sympy import Symbol, Sum, KroneckerDelta, Lambda, Piecewise, And, Function
from derivations import Derivation, Step, rules, Positive, Definition
u = Symbol("u", positive=True)
X = Symbol("x")
j = Symbol("j", integer=True)
f = Function("f")
dd = Derivation(name="dd", title="A count", hypotheses=(Positive(u), Definition(f, Lambda(X, Sum(KroneckerDelta(j, X), (j, 1, 3))))),
    start=f(u), steps=(Step(Piecewise((1, And(u >= 1, u <= 3)), (0, True)), rules.definition, "unfold"),))
