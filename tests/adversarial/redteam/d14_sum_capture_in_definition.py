"""Unfolding a definition is not capture-avoiding for *sums* either: ``Facts.apply_definitions``
(language/hypotheses.py) does ``expr.replace(f, Lambda(x, body))``, i.e. SymPy's Lambda call,
an ``xreplace`` of x by the argument into the body -- without first making the body's binders
fresh (``binders.freshen``). An argument that mentions the body's summation variable is
captured by the sum. (``prepare`` renames the binders of the *expression* before unfolding, not
those of the definition's formula; c08 closed the Subs route by refusing Subs, not by a
capture-avoiding unfold.)

Printed: "k a size, i in {1..k}, x real, f(x) = sum_{i=1}^{k} x i  =>  f(i) = sum_{l=1}^{k} l^2",
graded symbolic. False at k = 2, i = 1: f(1) = 1 + 2 = 3, while 1 + 4 = 5.
"""
from sympy import Function, Lambda, Sum, Symbol

from derivations import Definition, Derivation, IndexRange, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
i = Symbol("i", integer=True)
l = Symbol("l", integer=True)
x = Symbol("x", real=True)
f = Function("f")

d14 = Derivation(
    name="d14_sum_capture_in_definition",
    title="A weighted count at one index",
    hypotheses=(Size(k), IndexRange(i, 1, k), Real(x), Definition(f, Lambda(x, Sum(x * i, (i, 1, k))))),
    start=f(i),
    steps=(Step(Sum(l ** 2, (l, 1, k)), rules.definition, "unfold the definition of $f$"),),
)
