"""Red-team round 6: a named function whose template does not bracket its argument prints
two different expressions identically, so the printed theorem is not what was checked.

``named_function("sq", r"\\operatorname{{sq}} {0}")`` passes every template check
(language/notation.py ``_template_arity``: the template shows each argument once, has a name of
its own, no misleading command, no operator outside brackets), but the printer fills ``{0}``
with the argument's LaTeX as is (``named_function``'s ``_latex``: ``template.format(...)``),
without brackets. ``sq(x + y)`` then prints ``\\operatorname{sq} x + y``, exactly as
``sq(x) + y`` does; the audit that two different things must not print alike
(language/derivation.py ``_check_lookalikes``) compares symbols, entries and applications one
by one, never an application against the expression around it.

Checked (symbolic, true): with sq(t) = t^2, sq(x + y) = x^2 + y^2 + 2 x y.
Printed (``derivations build``, the fragment and the slides):
``\\operatorname{sq} t = t^{2}`` and ``\\operatorname{sq} x + y = x^{2} + y^{2} + 2\\,x\\,y``,
which reads sq(x) + y = x^2 + y^2 + 2 x y, i.e. x^2 + y = x^2 + y^2 + 2 x y: false at
x = 1, y = 1 (left 2, right 4).

Route: class 5 (what is printed is not what is checked). Grade: symbolic on both steps.

Closed: an argument a template shows without brackets around it (here after
\\operatorname{sq}) is printed in brackets whenever it is not a single symbol, entry, number or
application, so sq(x + y) prints as sq (x + y) and no longer like sq(x) + y.
"""
from sympy import Lambda, Symbol

from derivations import Definition, Derivation, Real, Step, named_function, rules

x = Symbol("x", real=True)
y = Symbol("y", real=True)
t = Symbol("t")
sq = named_function("sq", r"\operatorname{{sq}} {0}")

g01 = Derivation(
    name="g01_template_without_brackets",
    title="Squaring through a defined function",
    hypotheses=(Real(x), Real(y), Definition(sq, Lambda(t, t**2))),
    start=sq(x + y),
    steps=(Step((x + y)**2, rules.definition, "unfold the definition"),
           Step(x**2 + 2 * x * y + y**2, rules.algebra, "expand the square")),
)
