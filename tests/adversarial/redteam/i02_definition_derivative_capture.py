"""Red-team round 8: unfolding a definition whose formula is a derivative with respect to one
of its own arguments substitutes into the derivative's variable.

Printed theorem (``derivations build``):
"a, b, x real; f(a, b) = d/da (a b)  =>  f(x, x) = 2 x".

As defined, f(a, b) = d/da (a b) = b for every a, b, so f(x, x) = x. The claim says 2 x.
Counterexample: x = 1: f(1, 1) = 1, the right side is 2.

Route: class 3 (definitions trusted beyond their meaning) / class 5 (what is printed is not what
is checked). Grade: symbolic.

Root cause: language/hypotheses.py ``Facts.apply_definitions`` unfolds ``f(x, x)`` with the
formula's ``Lambda`` (an xreplace of every formal argument), after ``_fresh_binders`` has made
only the variables of sums and products fresh. A ``Derivative`` inside the formula binds its
variable too: d/da (a b) at (a, b) = (x, x) is (d/da (a b))|_{a = x, b = x} = x, but the
substitution rewrites the variable of differentiation itself and gives d/dx (x x) = 2 x. The
sampler unfolds the same way, so the cross-check agrees. (Applied at a non-symbol, 2 x, the same
formula ends "undecided": SymPy cannot differentiate with respect to 2 x.) A derivative in a
formula should be taken before the formula is applied (``doit`` on the Lambda's body, or a fresh
variable and a ``Subs``), or refused.

Closed: a Definition whose formula differentiates with respect to its own argument is refused
(applied elsewhere, the derivative's variable would be replaced as well).
"""
from sympy import Derivative, Function, Lambda, Symbol

from derivations import Definition, Derivation, Real, Step, rules

a = Symbol("a", real=True)
b = Symbol("b", real=True)
x = Symbol("x", real=True)
f = Function("f")

i02_definition_derivative_capture = Derivation(
    name="i02_definition_derivative_capture",
    title="A partial derivative at a diagonal point",
    hypotheses=(Real(a), Real(b), Real(x), Definition(f, Lambda((a, b), Derivative(a * b, a)))),
    start=f(x, x),
    steps=(Step(2 * x, rules.definition, "unfold f"),),
)
