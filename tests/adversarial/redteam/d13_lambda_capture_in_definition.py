"""Binders other than sums and products are refused (language/derivation.py
``_check_vocabulary``: Subs, Integral, Limit, anything with ``bound_symbols``, and a Lambda in
the start or a step) -- but a Lambda inside a *definition's body* is allowed (the place is "the
definition of f", not the start or a step), e.g. as the argument of an undefined function, an
operator applied to a function. Unfolding a definition (``Facts.apply_definitions``, SymPy's
Lambda call, an ``xreplace``) substitutes into that inner Lambda without renaming its bound
variable: f(y) with f(x) = h(y -> x + y) becomes h(y -> y + y), the argument captured (the
route c08 closed for Subs, open again through Lambda).

Printed: "f(x) = h(y -> x + y),  g(x) = h(y -> 2y)  =>  f(y) = g(y)", graded symbolic.
False: h is any operator on functions; take h(phi) = phi(0). Then f(y) = h(w -> y + w) = y and
g(y) = h(w -> 2w) = 0, so at y = 1: 1 != 0. (The kernel compares h(Lambda(y, 2y)) with itself;
the sampler gives the two equal objects one value.)
"""
from sympy import Function, Lambda, Symbol

from derivations import Definition, Derivation, Real, Step, rules

x = Symbol("x", real=True)
y = Symbol("y", real=True)
h = Function("h")
f = Function("f")
g = Function("g")

d13 = Derivation(
    name="d13_lambda_capture_in_definition",
    title="Two operators that agree",
    hypotheses=(Real(x), Real(y),
                Definition(f, Lambda(x, h(Lambda(y, x + y)))),
                Definition(g, Lambda(x, h(Lambda(y, 2 * y))))),
    start=f(y),
    steps=(Step(g(y), rules.definition, "unfold both definitions"),),
)
