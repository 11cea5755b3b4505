r"""Red-team round 21, w01 (printing): a symbol may be NAMED like a power of another symbol:
`Symbol("x^{2}")` prints x^{2}. Main claim (last derivation):

    hypotheses  x \in \mathbb{R},  x^{2} \in \mathbb{R}
    \frac{d}{d x^{2}} x^{2} = 0                     (graded symbolic)

As printed: the derivative of x^2 with respect to x^2, which is 1, not 0 (SymPy:
`diff(u, u)` = 1 with u = x**2). What was checked: d/ds (x^2) = 0 for a real symbol s named
"x^{2}", independent of x: true. A dependence between two free symbols is not a specialisation
of a universally quantified statement, so a name that reads as a power of another symbol makes
a derivative claim false on the page. The rest of this docstring is about the same name inside
a binder (the variants), where the symbol is NAMED like a power of the variable bound
around it. `Symbol("j^{2}")` passes the new whitelist `_PRINTED_NAME` (a letter with a numeric
superscript), and inside `\sum_j` it prints as `j^{2}`, which reads as the square of the summation
variable. The round-20 closures compare a bound variable only with symbols whose *whole* bare
print equals it (`_bare(latex(s)) == look`), and compare only the *scripts* of a name with the
symbols of the derivation (`_scripts`); the base letter of a name is compared with nothing.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypothesis  j^{2} \in \mathbb{R}
    \sum_{j=1}^{2} j^{2} = 2\,\sum_{j=1}^{1} j^{2}

As printed: 1 + 4 = 5 on the left, 2 * 1 = 2 on the right (SymPy:
`summation(j**2,(j,1,2))` = 5, `2*summation(j**2,(j,1,1))` = 2). What was checked is
Sum(s, (j, 1, 2)) = 2 Sum(s, (j, 1, 1)) for one real symbol s named "j^{2}": 2s = 2s, true.

Variants in this file (each accepted at symbolic grade; the sum is the original form):
  - w01_definition:  hypotheses `t^{2} \in \mathbb{R}`, `f(t) = t^{2}`; claim f(1) = f(2)
    (as printed 1 = 4; checked: f is the constant s named "t^{2}").
  - w01_product:     \prod_{j=1}^{3} j^{2} = (\prod_{j=1}^{1} j^{2})^{3}   (as printed 36 = 1).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt21 python -m derivations check \
        /work/rt21/w01_symbol_named_as_a_power_of_the_bound_variable.py --no-cache --min-evidence symbolic
    PYTHONPATH=/work/wt-rt21 python -m derivations build --out /tmp/rt21-out FILE
    gives `\sum_{j=1}^{2} j^{2} = 2\,\sum_{j=1}^{1} j^{2}` and `%dv assume j^{2} \in \mathbb{R}`.

Route: `Derivation._check_declarations` -> `_name_problem`, `_OPERATOR_NAME` (`^` allowed),
`_LETTERS(_main_part(...))` (the superscript is removed, leaving one letter) pass;
`_check_printed_names`: `_PRINTED_NAME` allows `j^{2}` (`_SCRIPT` admits `[0-9]+`); `_scripts`
finds the glyph "2", not a symbol; the binder-scope test compares `_bare("j^{2}")` = "j^2"
with `_bare("j")` = "j" for equality only. `_check_clashes` compares whole names ("j^{2}" vs
"j"). The kernel is right about the object; only the page lies.

Suggested fix (also for the derivative form, which needs no binder): a name's BASE must also be compared with the symbols of the derivation (a name
whose base glyph is the name of another symbol in scope, bound or free, is refused), and a
superscript that is a number (or `\prime`, `*`) should not be allowed at all: `x^{2}` as a name
always reads as a power. More robustly: whitelist names with subscripts only, or print any
name with a superscript wrapped so it cannot read as a power.
"""

from sympy import Derivative, Function, Integer, Lambda, Product, Sum, Symbol

from derivations import Definition, Derivation, Real, Step, rules

j = Symbol("j", integer=True)
J2 = Symbol("j^{2}", real=True)
t = Symbol("t", real=True)
T2 = Symbol("t^{2}", real=True)
f = Function("f")

w01_definition = Derivation(
    name="w01_definition",
    title="The square function takes one value",
    hypotheses=(Real(T2), Definition(f, Lambda(t, T2))),
    start=f(Integer(1)),
    steps=(Step(f(Integer(2)), rules.definition, "unfold f"),),
)

w01_product = Derivation(
    name="w01_product",
    title="A product of squares",
    hypotheses=(Real(J2),),
    start=Product(J2, (j, 1, 3)),
    steps=(Step(Product(J2, (j, 1, 1))**3, rules.algebra, "constant factor"),),
)

w01_sum = Derivation(
    name="w01_sum",
    title="A sum of squares",
    hypotheses=(Real(J2),),
    start=Sum(J2, (j, 1, 2)),
    steps=(Step(2 * Sum(J2, (j, 1, 1)), rules.algebra, "constant summand"),),
)

x = Symbol("x", real=True)
X2 = Symbol("x^{2}", real=True)

w01_symbol_named_as_a_power_of_the_bound_variable = Derivation(
    name="w01_symbol_named_as_a_power_of_the_bound_variable",
    title="A derivative of a square",
    hypotheses=(Real(x), Real(X2)),
    start=Derivative(x**2, X2),
    steps=(Step(Integer(0), rules.algebra, "x does not depend on the variable"),),
)
