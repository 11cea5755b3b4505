"""Red-team round 18, t06: what is printed is not what is checked. `named_function` refuses a
template that prints the opaque function as something it is not (`_MISLEADING`: `\\log`,
`\\ln`, `\\frac`, `\\dfrac`, `\\exp`, ...), but the test is a regular expression on the command
names. `\\operatorname{log}` (or `\\mathrm{log}`) typesets exactly as `\\log`, and `\\tfrac` (or
`{a \\over b}`) typesets as a fraction, and none of them matches. The opaque function, total
by the engine's convention, is then printed as a logarithm or a quotient, which have no value
at 0.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every real x:  (log(x) + 1)^2 - log(x)^2 - 2 log(x) = 1
    (printed `\\left(\\operatorname{log}\\left(x\\right) + 1\\right)^{2} - ... = 1`, which
     renders as (log(x) + 1)^2 - log(x)^2 - 2 log(x) = 1)

Counterexample: x = 0: log 0 has no value, so the left side has none, while the right side is
1 (the engine's convention: a side with no value where the other has one is a
counterexample). Checked: SymPy `log(S(0))` is zoo, and `((log(x)+1)**2 - log(x)**2 -
2*log(x)).subs(x, 0)` is nan. (For x < 0 the left side is complex, which the engine also counts
as no value.)

Variants (first derivations below), each symbolic:
- Q = named_function("Q", r"\\tfrac{{{0}}}{{{1}}}") prints Q(x, y) as the fraction x/y:
  "(x/y + 1)^2 - (x/y)^2 - 2 x/y = 1 for all real x, y", false at y = 0;
- the same through a *symbol's name*, which `_name_problem` (`_OPERATOR_NAME`) checks by the
  same kind of pattern: Symbol(r"\\tfrac{1}{x}") prints as 1/x next to the real x, and
  Symbol(r"\\operatorname{log}{x}") as log x. "(1/x + 1)^2 - (1/x)^2 - 2/x = 1 for real x"
  and "(log x + 1)^2 - (log x)^2 - 2 log x = 1 for real x" are both accepted (false at x = 0).
  Such a symbol is an independent number to the checker, while the reader sees a function
  of x.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt18 python -m derivations check \
        /work/rt18/t06_named_function_template_prints_as_log.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `language/notation.named_function` -> `_template_arity` -> `_MISLEADING.search(plain)`,
with `_MISLEADING = \\\\(log|ln|exp|...|frac|dfrac|...)(?![A-Za-z])|[=<>]`: the command in
`\\operatorname{log}` is `\\operatorname` and the name is an argument, and `\\tfrac` is not
`\\frac`. The kernel proves the identity for an opaque function, rightly (it is total), and
the sampler draws its values. The printer writes the template.

Suggested fix: judge a template by what it renders, not by its command names: strip
`\\operatorname{..}`, `\\mathrm{..}`, `\\text{..}`, `\\mathop{..}` to their argument before the
check, and refuse every fraction-like command (`\\tfrac`, `\\cfrac`, `\\over`, `\\atop`,
`\\choose`, `\\binom`, `\\genfrac`) and every name that SymPy's printer gives a function
(log, ln, exp, sin, ..., Gamma, zeta, mod, bmod). Or allow only a name made of letters (and
`\\operatorname{...}` of letters) followed by the bracket of arguments, and refuse the names of
known functions there.

Closed: a template, and a symbol's name, are judged by what they typeset
(`notation.reads_as_function`): every fraction, binomial or root command (\\tfrac, \\over,
\\binom, ...) is refused, and so is a word that names a known function (log, exp, max, ...),
whether it stands plain in a template or inside \\operatorname, \\mathrm, \\text and their kin.
"""

from sympy import Integer, Symbol

from derivations import Derivation, Real, Step, named_function, rules

x = Symbol("x", real=True)
y = Symbol("y", real=True)

L = named_function("L", r"\operatorname{{log}}\left({0}\right)")
Q = named_function("Q", r"\tfrac{{{0}}}{{{1}}}")

reciprocal = Symbol(r"\tfrac{1}{x}")
logarithm = Symbol(r"\operatorname{log}{x}")

t06_symbol_named_as_a_reciprocal = Derivation(
    name="t06_symbol_named_as_a_reciprocal",
    title="Expanding the square of a reciprocal",
    hypotheses=(Real(x),),
    start=(reciprocal + 1) ** 2 - reciprocal ** 2 - 2 * reciprocal,
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)

t06_symbol_named_as_a_logarithm = Derivation(
    name="t06_symbol_named_as_a_logarithm",
    title="Expanding the square of a logarithm, written as a symbol",
    hypotheses=(Real(x),),
    start=(logarithm + 1) ** 2 - logarithm ** 2 - 2 * logarithm,
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)

t06_fraction = Derivation(
    name="t06_fraction",
    title="Expanding the square of a quotient",
    hypotheses=(Real(x), Real(y)),
    start=(Q(x, y) + 1) ** 2 - Q(x, y) ** 2 - 2 * Q(x, y),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)

t06_named_function_template_prints_as_log = Derivation(
    name="t06_named_function_template_prints_as_log",
    title="Expanding the square of a logarithm",
    hypotheses=(Real(x),),
    start=(L(x) + 1) ** 2 - L(x) ** 2 - 2 * L(x),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)
