r"""Red-team round 22, x08 (printing): a plain undefined function named `\log`
(`Function(r"\log")`) is accepted, and prints as SymPy prints the natural logarithm. The
earlier closures (t06, u07: `notation._template_arity`, `_MISLEADING`, `reads_as_function`,
`_vetted_heads`) judge *templates* of `named_function`; a plain `Function` whose name is a TeX
function command passes every screen, and round 21's `_PRINTED_NAME` whitelist is not applied
to function names at all (see x07).

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypothesis  y > 0
    claim       \left(1 + \log{\left(- y \right)}\right)^{2} - \log^{2}{\left(- y \right)}
                  - 2\,\log{\left(- y \right)} = 1

Counterexample: for every y > 0, log(-y) has no real value (SymPy: `log(-S(1))` is `I*pi`, not
real), so the left side has no value anywhere on the domain and the equation is false (the
engine's own convention: a side with no value, u07, w03). What is checked is the identity for an
opaque total function L, (1 + L)^2 - L^2 - 2L = 1, which is true.

Variant in this file (also symbolic): x08_defined, hypotheses t \in R and
`\log{\left(x \right)} = x` (a definition of the function named \log), claim
`\log{\left(1 \right)} = 1`, which reads log 1 = 1 (it is 0). The same definition-and-claim shape passes with the names
`\ln`, `\exp`, `\sqrt`, `\Gamma`, `\zeta`, `\operatorname{atanh}` (the heads that the u07
closure refuses in templates), and `\log_{}`, `\ln_{}`, `\sin^{}`, `\exp^{}`, `\Gamma_{}`
(scratch/a14.py). E.g. `\exp` with exp(t) = t gives the printed claim exp(1) = 1.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt22 python -m derivations check \
        /work/rt22/x08_undefined_function_named_log.py --no-cache --min-evidence symbolic
Printed LaTeX (derivations build): as above; SymPy's own `latex(log(-y))` is
`\log{\left(- y \right)}`, character for character the same.

Route: `Function(r"\log")` is an AppliedUndef, so the kernel takes it as an opaque total
function and `prove_equal` expands the square. The name checks in `language/derivation.py`
(`_check_printed_names`: whitelist for Symbols and vector displays only, constant heads pi/e/i,
scripts showing symbols) and the template screens in `language/notation.py` never compare a
plain function's name with the heads of SymPy's functions. `_check_clashes` compares it only with
other undefined functions, families and symbols.

Suggested fix: apply to every undefined function's name the same screens as to templates
(`_vetted_heads`, `_MISLEADING`, `reads_as_function`) and the `_PRINTED_NAME` whitelist; in
particular refuse any name that is a TeX operator command (`\log`, `\ln`, `\exp`, `\sin`, ...),
with or without empty scripts.
"""

from sympy import Function, Integer, Lambda, Symbol

from derivations import Definition, Derivation, Positive, Real, Step, rules

LOG = Function(r"\log")

t = Symbol("t", real=True)
x08_defined = Derivation(
    name="x08_defined", title="A function at one",
    hypotheses=(Real(t), Definition(LOG, Lambda(t, t))),
    start=LOG(Integer(1)),
    steps=(Step(Integer(1), rules.definition, "unfold"),),
)

y = Symbol("y", positive=True)
x08_undefined_function_named_log = Derivation(
    name="x08_undefined_function_named_log", title="A square expanded",
    hypotheses=(Positive(y),),
    start=(1 + LOG(-y))**2 - LOG(-y)**2 - 2 * LOG(-y),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)
