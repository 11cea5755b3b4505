r"""Red-team round 22, x04 (printing): a plain symbol named `x_{1}` beside a family `x` whose
entries `x_{j}` the derivation sums. It prints exactly like the family's first entry, and the
derivative with respect to it is 0.

False claims as printed (each graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    x04_definition: hypotheses k \in \{1, 2, 3, \dots\}, x_{i} \in R for all i,
                    f(x_{1}) = \sum_{j=1}^{k} x_{j};   claim f(0) = f(5)
    x04_log_sum_exp: hypotheses k \in \{1, 2, 3, \dots\}, z_{i} \in R for all i, z_{1} \in R;
                    \frac{\partial}{\partial z_{1}} \log\left(\sum_{j=1}^{k} e^{z_{j}}\right) = 0
                    (read: the softmax probability of class 1, e^{z_1} / sum_j e^{z_j} > 0;
                    k = 1 gives 1, k = 2 at z = 0 gives 1/2)
    x04_unbraced:   the main claim with the symbol named `x_1` (prints the same)
    main (last):    hypotheses k \in \{1, 2, 3, \dots\}, x_{i} \in R for all i, x_{1} \in R;
                    \frac{\partial}{\partial x_{1}} \sum_{j=1}^{k} x_{j} = 0

Counterexample (reading the page, x_1 the first entry of the family): the partial derivative of
x_1 + ... + x_k with respect to x_1 is 1 for every k >= 1, not 0 (SymPy:
`diff(Sum(x[j], (j, 1, 3)).doit(), x[1])` = 1). Definition variant: f(t) = t + x_2 + ... + x_k,
so f(0) - f(5) = -5 (k = 1, no other entries: f(0) = 0, f(5) = 5).

What is checked: `Symbol("x_{1}")` is a symbol of its own, independent of the entries `x[j]`, so
the derivative is 0 and f is a constant.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt22 python -m derivations check \
        /work/rt22/x04_symbol_named_like_an_entry_of_a_family.py --no-cache --min-evidence symbolic
Printed LaTeX (derivations build): `\frac{\partial}{\partial x_{1}} \sum_{j=1}^{k} x_{j} = 0`,
hypotheses `x_{i} \in \mathbb{R} \quad\text{for all } i` and `x_{1} \in \mathbb{R}`;
`f{\left(x_{1} \right)} = \sum_{j=1}^{k} x_{j}` and `f{\left(0 \right)} = f{\left(5 \right)}`.

Route: `_check_clashes` refuses two objects that print alike only when both occur (a Symbol
`x_{1}` beside an explicit `x[1]` is refused: "two different things both print as
'{x}_{1}'"). A family's entries at a *bound* index (`x_{j}` under the sum) are never compared with
the symbols named like one of their entries. `_PRINTED_NAME` admits the subscript `1`;
`_check_printed_names` compares a name's script glyphs with the derivation's symbols (the digit
1 is none), and its base glyph `x` (the label of a family) with nothing. A definition's variable
named `x_{1}` goes through the same gap.

Suggested fix: refuse a symbol (or definition variable) whose base glyph is the label of a family
of the derivation and whose subscript is a number or an index expression (it prints as an entry),
or more generally compare each name's base glyph with the family labels and function names.
"""

from sympy import Derivative, Function, IndexedBase, Integer, Lambda, Sum, Symbol, exp, log

from derivations import Definition, Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
x = IndexedBase("x", real=True)
f = Function("f")
X1 = Symbol("x_{1}", real=True)

x04_definition = Derivation(
    name="x04_definition", title="A sum as a function of its first entry",
    hypotheses=(Size(k), Real(x[i]), Definition(f, Lambda(X1, Sum(x[j], (j, 1, k))))),
    start=f(Integer(0)),
    steps=(Step(f(Integer(5)), rules.definition, "unfold f"),),
)

z = IndexedBase("z", real=True)
Z1 = Symbol("z_{1}", real=True)
x04_log_sum_exp = Derivation(
    name="x04_log_sum_exp", title="The gradient of the log-sum-exp in the first logit",
    hypotheses=(Size(k), Real(z[i]), Real(Z1)),
    start=Derivative(log(Sum(exp(z[j]), (j, 1, k))), Z1),
    steps=(Step(Integer(0), rules.algebra, "no dependence"),),
)

X1_unbraced = Symbol("x_1", real=True)
x04_unbraced = Derivation(
    name="x04_unbraced", title="The slope of a sum in its first entry",
    hypotheses=(Size(k), Real(x[i]), Real(X1_unbraced)),
    start=Derivative(Sum(x[j], (j, 1, k)), X1_unbraced),
    steps=(Step(Integer(0), rules.algebra, "no dependence"),),
)

x04_symbol_named_like_an_entry_of_a_family = Derivation(
    name="x04_symbol_named_like_an_entry_of_a_family",
    title="The slope of a sum in its first entry",
    hypotheses=(Size(k), Real(x[i]), Real(X1)),
    start=Derivative(Sum(x[j], (j, 1, k)), X1),
    steps=(Step(Integer(0), rules.algebra, "no dependence"),),
)
