r"""Red-team round 19, u07: the t06 closure refuses a named function whose template prints a
known function, by two screens (`notation._template_arity`): the regex `_MISLEADING` lists TeX
commands (`\log`, `\exp`, `\sin`, `\cos`, `\tan`, `\max`, `\sqrt`, `\frac`, ...), and
`reads_as_function` compares the plain *words* of the template with `_FUNCTION_WORDS`, after
deleting every TeX command (`re.sub(r"\\[A-Za-z]+", " ", ...)`). A function command that is
not in `_MISLEADING` is therefore deleted before the word test sees it, even where its name is in
`_FUNCTION_WORDS`. Of the commands that prose math allows (the later name audit), `\tanh`,
`\sinh`, `\cosh` and the letters SymPy itself prints as the heads of its functions, `\Gamma`
(gamma), `\zeta` (zeta) and `\psi` (digamma), all pass; and inside `\operatorname{...}` any
name that is not in `_FUNCTION_WORDS`, such as `atanh`, which is exactly how SymPy prints
atanh. (`\cot`, `\sec`, `\arcsin` pass this screen too but are then refused by the name
audit, which allows only prose-math commands.) The opaque function then prints exactly as
SymPy prints `gamma(x)` or `atanh(x)`.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for real x:   (1 + Gamma(x))^2 - Gamma(x)^2 - 2 Gamma(x)  =  1

printed `\left(1 + \Gamma\left(x\right)\right)^{2} - \Gamma\left(x\right)^{2} - 2\,\Gamma
\left(x\right) = 1`, character for character what SymPy prints for `gamma(x)`. What was
checked is the identity for an opaque total function G, which is true. As printed it is false:
at x = 0 (or any integer x <= 0) Gamma has a pole (SymPy: `gamma(S(0))` is zoo, and the left
side with gamma at x = 0 is nan); the right side is 1.

Variants, each accepted at symbolic grade (first derivations below):
- template `\operatorname{{atanh}}\left({0}\right)` (SymPy prints atanh(x) as
  `\operatorname{atanh}{\left(x \right)}`): the same identity, false at x = 1 (SymPy:
  `atanh(S(1))` is oo) and for |x| > 1 (not real);
- template `\zeta\left({0}\right)` (SymPy prints zeta(x) as `\zeta\left(x\right)`): false at
  x = 1 (SymPy: `zeta(S(1))` is zoo).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u07_function_command_outside_the_misleading_list.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `notation.named_function` -> `_template_arity(name, template)`: `_MISLEADING` has no
`Gamma|zeta|psi|tanh|cosh|sinh` (nor cot, sec, ...); then `reads_as_function(plain)`:
`_FRACTION` no; `_WRAPPER` turns `\operatorname{atanh}` into the word "atanh", not in
`_FUNCTION_WORDS`; every other `\\[A-Za-z]+` is replaced by a space, so a command's name is
never a word; `_top_level_operator` no. The template is accepted, `_latex` fills it in, and
`derivation._sympy_letters` only compares heads of SymPy's own functions that occur in the
derivation (none here).

Suggested fix: test command names against the function words too (`\cot` names cot): in
`reads_as_function`, collect the names of the deleted commands and refuse any in
`_FUNCTION_WORDS`, extended by the heads SymPy prints for the vetted functions (`Gamma`, `zeta`,
`psi`, `theta`, `operatorname{sign}`, `arcsin`, ... from `derivation._function_head` over
`vocabulary.VETTED`). Better: whitelist the commands a template may hold (Greek letters that
SymPy does not use as a function head, accents, `\operatorname` with a non-function word,
brackets and separators) rather than blacklist the known ones.

Closed: a template that prints the head SymPy prints for a vetted function (\\Gamma, \\zeta, \\psi, \\theta, \\operatorname{atanh}, ...) is refused (`notation._vetted_heads`); the gallery's softplus now prints as \\operatorname{softplus}.
"""

from sympy import Integer, Symbol

from derivations import Derivation, Real, Step, named_function, rules

x = Symbol("x", real=True)
ATANH = named_function("ATANH", r"\operatorname{{atanh}}\left({0}\right)")
ZETA = named_function("ZETA", r"\zeta\left({0}\right)")
GAMMA = named_function("GAMMA", r"\Gamma\left({0}\right)")


def _claim(name: str, f) -> Derivation:
    return Derivation(
        name=name,
        title="A square expanded",
        hypotheses=(Real(x),),
        start=(f(x) + 1) ** 2 - f(x) ** 2 - 2 * f(x),
        steps=(Step(Integer(1), rules.algebra, "expand the square"),),
    )


u07_atanh = _claim("u07_atanh", ATANH)
u07_zeta = _claim("u07_zeta", ZETA)
u07_function_command_outside_the_misleading_list = _claim(
    "u07_function_command_outside_the_misleading_list", GAMMA)
