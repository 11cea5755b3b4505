r"""Red-team round 19, u12 (printing): `ProofPrinter._print_Pow` prints a power of an application
of a named function as `{the filled template}^{n}`, with no brackets ("a function application
to any power": written for templates that end in a closing bracket, p(x)^{2}). A template may
end with a bare argument (`_bare_fields` lets it, and brackets only a compound argument). The
exponent then sits on the argument: G(x)^2, with template `\operatorname{g} {0}`, prints
`\operatorname{g} x^{2}`, which reads as g(x^2). That is how `\sin x^{2}` and `\log x^{2}` read,
and how the project's own .tex reader reads them ("`\log x^{2}` is log(x^2)",
docs/check-your-tex.md).

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for real x:   1 + g x^2 - 2 g x  =  (g x - 1)^2

printed `1 + \operatorname{g} x^{2} - 2\,\operatorname{g} x = \left(\operatorname{g} x -
1\right)^{2}`. Read as printed, that is g(x^2) - 2 g(x) + 1 = (g(x) - 1)^2, that is
g(x^2) = g(x)^2, which fails for the total function g = exp at x = 1: e against e^2 (SymPy:
`exp(1) - exp(1)**2` is not 0; numerically 2.718 against 7.389). What was checked is
G(x)^2 - 2 G(x) + 1 = (G(x) - 1)^2, which is true. (An opaque function stands for any total
function, docs/reference.md, so the printed claim is claimed for g = exp too.)

Variant (first derivation below, also symbolic): a two-argument template `{0} \div {1}`.
`\div` is in prose math's commands but neither in `_MISLEADING` nor seen by
`_top_level_operator` (which looks for + - /). With it, D(x, y) prints "x ÷ y", D(x, y)^2 prints
`x \div y^{2}`, and the claim (D + 1)^2 - D^2 - 2D = 1 prints
`\left(1 + x \div y\right)^{2} - x \div y^{2} - 2\,x \div y = 1`. As printed, at x = 2, y = 1 the
left side is 9 - 2 - 4 = 3, not 1; at y = 0 it has no value.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u12_power_of_a_bare_template_prints_as_power_of_its_argument.py --no-cache
    (`python -m derivations build --out /tmp/rt19-out FILE` gives the LaTeX lines above)
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `render.printer.ProofPrinter._print_Pow`: `isinstance(base, AppliedUndef)` -> `shown =
self._print(base)` and `rf"{shown}^{{{power}}}"`, with brackets only for objects that are not
applications. `notation._template_arity` accepts `\operatorname{{g}} {0}` (a name of its own,
no misleading word) and `{0} \div {1}` (`_MISLEADING` has `\cdot` and `\times` but not `\div`;
`reads_as_function` deletes the command; `_top_level_operator` looks for + - / only).
`_bare_fields` brackets a compound argument but not the application under a power.

The same trust in an application being one printed unit is elsewhere in the printer:
`_print_log` counts an application as a "simple" argument (log D(x, y) prints `\log x \div y`),
`named_function`'s `_atomic` never brackets an application inside a bare field (G(D(x, y))
prints `\operatorname{g} x \div y`), and `_print_Mul` juxtaposes it with other factors.

Suggested fix: in `_print_Pow`, bracket an application whose template does not end with a
closing bracket (or whose template has a bare field), `\left(\operatorname{g} x\right)^{2}`,
and do the same in `_print_log`, `_atomic` and products;
add `\div` (and `\ast`, `\circ`, `\bullet`, `\star`, `\setminus`, `\pm`, `\mp`, every binary
operator prose math allows) to what `_template_arity` refuses at the top level.

Closed: `\\div` is refused in a template, and a power of a named function whose template shows an argument bare is printed in brackets (`(\\operatorname{g} x)^{2}`), so what is printed is what was checked (`ProofPrinter._print_Pow`).
"""

from sympy import Integer, Symbol

from derivations import Derivation, Real, Step, named_function, rules

x = Symbol("x", real=True)
y = Symbol("y", real=True)
D = named_function("D", r"{0} \div {1}")
G = named_function("G", r"\operatorname{{g}} {0}")

u12_divide = Derivation(
    name="u12_divide",
    title="A square expanded",
    hypotheses=(Real(x), Real(y)),
    start=(D(x, y) + 1) ** 2 - D(x, y) ** 2 - 2 * D(x, y),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)

u12_power_of_a_bare_template_prints_as_power_of_its_argument = Derivation(
    name="u12_power_of_a_bare_template_prints_as_power_of_its_argument",
    title="A square completed",
    hypotheses=(Real(x),),
    start=G(x) ** 2 - 2 * G(x) + 1,
    steps=(Step((G(x) - 1) ** 2, rules.algebra, "complete the square"),),
)
