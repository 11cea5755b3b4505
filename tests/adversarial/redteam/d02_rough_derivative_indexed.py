"""A derivative through a function with a kink is refused for a plain symbol
(``d|x|/dx = sign x`` is false at 0, where |x| has no derivative): kernel/canonical.py
``_smooth`` leaves a derivative alone when a variable is among the free symbols of an
``Abs``/``Max``/``XLogY``... But the variable of a gradient is an entry ``z_i`` of a family, and
the rough term mentions another entry ``z_j`` (j bound by the sum): ``{z_i}`` does not meet the
free symbols ``{z, z_j, j}``, the derivative is carried out by SymPy, and its rule
``d|u| = sign(u) du`` (which says 0 at the kink) is proved ``symbolic``.

Claimed: for real z and 1 <= i <= k, d/dz_i sum_{j=1}^k |z_j| = sign(z_i). False at
k = 1, z_1 = 0: |z_1| has no derivative at 0 (the one-sided derivatives are -1 and +1), while
the right side is sign(0) = 0. The same step for a single real x is not proved (graded sampled only).

Closed: the sized prover refuses a derivative through a kink as the kernel does; the fast
evaluator's dual numbers call |z_1| at an exact 0 undefined, and the probe draws z_i = 0.
"""
from sympy import Abs, Derivative, IndexedBase, Sum, Symbol, sign

from derivations import Derivation, IndexRange, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)
z = IndexedBase("z", real=True)

d02 = Derivation(
    name="d02_rough_derivative_indexed",
    title="The gradient of an L1 penalty",
    hypotheses=(Size(k), IndexRange(i, 1, k), Real(z[l])),
    start=Derivative(Sum(Abs(z[j]), (j, 1, k)), z[i]),
    steps=(Step(sign(z[i]), rules.algebra, "differentiate term by term"),),
)
