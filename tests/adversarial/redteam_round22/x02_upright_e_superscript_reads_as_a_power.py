r"""Red-team round 22, x02 (printing): a bypass of the w01 closure ("a superscript of a name
holds marks only: x^{2} reads as a power"). Upright words are marks (`\mathrm{word}`), and
`\mathrm{e}` is a one-letter upright word: it is Euler's number (ISO 80000-2 writes the
constant upright). A symbol named `j^{\mathrm{e}}` reads as j to the power e.

False claims as printed (each graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    x02_derivative:  hypotheses t \in R, t^{\mathrm{e}} \in R;
                     \frac{d}{d t} t^{\mathrm{e}} = 0
    x02_definition:  hypotheses t^{\mathrm{e}} \in R, f(t) = t^{\mathrm{e}};
                     f(1) = f(2)
    main (last):     hypothesis j^{\mathrm{e}} \in R;
                     \sum_{j=1}^{2} j^{\mathrm{e}} = 2\,\sum_{j=1}^{1} j^{\mathrm{e}}

Counterexamples (reading the page, e = 2.71828...): main: 1 + 2^e = 7.5800 vs 2 * 1 = 2
(mpmath: `1 + mpf(2)**e` = 7.58001). Derivative: d/dt t^e = e t^(e-1), which is e = 2.718 at
t = 1, not 0. Definition: f(1) = 1, f(2) = 2^e = 6.58.

What is checked: `Symbol(r"j^{\mathrm{e}}")` is one real symbol independent of j and t, so the
sum is 2y = 2y, the derivative 0 and the definition a constant.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt22 python -m derivations check \
        /work/rt22/x02_upright_e_superscript_reads_as_a_power.py --no-cache --min-evidence symbolic
Printed LaTeX (derivations build): `\sum_{j=1}^{2} j^{\mathrm{e}} = 2\,\sum_{j=1}^{1} j^{\mathrm{e}}`,
`\frac{d}{d t} t^{\mathrm{e}} = 0`, `f{\left(t \right)} = t^{\mathrm{e}}`.

Route: `language/derivation.py _PRINTED_NAME`: the superscript must be `_MARK`+, and `_MARK`
admits `\\(?:mathrm|text|operatorname)\{[A-Za-z]+\}`, any upright word, including the one letter
`e` (also `\mathrm{i}`, `\text{e}`, `\operatorname{e}`). `_scripts`/the dependency rule compare the
script glyphs (after `_FONT` strips `\mathrm`, the glyph `e`) with the derivation's symbols only;
`e` is none of them. `_check_bound_names` compares `_bare("j^{\mathrm{e}}")` = "j^e" with "j":
different. So the base letter j, the summation variable, is compared with nothing.

Suggested fix: an upright word in a superscript must have at least two letters (or come from a
short whitelist such as T, top, max, min), and never be `e`/`i`; and compare the base glyph of
every name that has a superscript with the bound variables and the symbols of the derivation.
"""

from sympy import Derivative, Function, Integer, Lambda, Sum, Symbol

from derivations import Definition, Derivation, Real, Step, rules

t = Symbol("t", real=True)
TE = Symbol(r"t^{\mathrm{e}}", real=True)
f = Function("f")

x02_derivative = Derivation(
    name="x02_derivative", title="The slope of a power",
    hypotheses=(Real(t), Real(TE)),
    start=Derivative(TE, t),
    steps=(Step(Integer(0), rules.algebra, "no dependence on t"),),
)

x02_definition = Derivation(
    name="x02_definition", title="A power function takes one value",
    hypotheses=(Real(TE), Definition(f, Lambda(t, TE))),
    start=f(Integer(1)),
    steps=(Step(f(Integer(2)), rules.definition, "unfold f"),),
)

j = Symbol("j", integer=True)
JE = Symbol(r"j^{\mathrm{e}}", real=True)

x02_upright_e_superscript_reads_as_a_power = Derivation(
    name="x02_upright_e_superscript_reads_as_a_power", title="A sum of powers",
    hypotheses=(Real(JE),),
    start=Sum(JE, (j, 1, 2)),
    steps=(Step(2 * Sum(JE, (j, 1, 1)), rules.algebra, "constant summand"),),
)
