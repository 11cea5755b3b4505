"""A derivative with respect to a function application, d/d f(x_l), is allowed (only integer
variables are refused: language/derivation.py ``_check_derivatives``), and SymPy carries it
out by treating ``f(x_l)`` as an opaque symbol: every other application, ``f(x_i)`` under a sum
over i included, counts as independent of it, so the term i = l is lost. The kernel
(kernel/canonical.py ``_differentiate``, a plain ``doit``) and the sampler's fallback (which
substitutes and differentiates the same way) agree, and the step is graded ``symbolic``.

Claimed (symbolic): for 1 <= l <= m,  d/d f(x_l) sum_{i=1}^{m} (f(x_i) - t_i)^2 = 0,
i.e. the squared error does not depend on any of the model's outputs.
False at m = 1, x_1 = 0, t_1 = 0, f(0) = 1: the sum is f(x_1)^2 (derivative 2 f(x_1) = 2).
The true gradient 2 (f(x_l) - t_l) is NOT proved (only sampled), while the false 0 is.
(The same happens for two plain applications: d f(y)^2 / d f(x) = 0, false at y = x.)
"""
from sympy import Derivative, Function, IndexedBase, Integer, Sum, Symbol

from derivations import Derivation, IndexRange, Real, Size, Step, rules

m = Symbol("m", integer=True, positive=True)
i = Symbol("i", integer=True)
l = Symbol("l", integer=True)
n = Symbol("n", integer=True)
x = IndexedBase("x", real=True)
t = IndexedBase("t", real=True)
f = Function("f")

d06 = Derivation(
    name="d06_derivative_wrt_application",
    title="The squared error does not move with the outputs",
    hypotheses=(Size(m), IndexRange(l, 1, m), Real(x[n]), Real(t[n])),
    start=Derivative(Sum((f(x[i]) - t[i]) ** 2, (i, 1, m)), f(x[l])),
    steps=(Step(Integer(0), rules.algebra, "differentiate term by term"),),
)
