r"""Red-team round 22, x07 (printing): a bypass of the round-21 closure "a function printed like
pi/e/i before its bracket is refused". A function named `\pi_{}` (or `\pi^{}`, `e_{}`) prints as
`\pi_{}{\left(2 \right)}`, which TeX sets exactly as pi(2): pi times 2.

False claim as printed (each graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    x07_e:      hypotheses t \in R, e_{}(t) = t^{2};  claim  e_{}{\left(2 \right)} = 4\,e_{}{\left(1 \right)}
    x07_pi_sup: the same with \pi^{}
    main (last): hypotheses t \in R, \pi_{}(t) = t^{2};
                 claim \pi_{}{\left(2 \right)} = 4\,\pi_{}{\left(1 \right)}
    (TeX typesets every one of them as pi(2) = 4 pi(1), e(2) = 4 e(1): an empty script shows nothing.)

Counterexample (reading the constant): 2 pi = 6.2832 vs 4 pi = 12.566; 2e = 5.4366 vs 4e = 10.873.
What is checked: f(t) = t^2, f(2) = 4 = 4 f(1).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt22 python -m derivations check \
        /work/rt22/x07_constant_named_function_with_an_empty_script.py --no-cache \
        --min-evidence symbolic
Printed LaTeX (derivations build): `\pi_{}{\left(t \right)} = t^{2}` (hypothesis) and
`\pi_{}{\left(2 \right)} = 4\,\pi_{}{\left(1 \right)}`.

Route: `language/derivation.py _check_printed_names`, the round-21 loop "pi(t) reads as pi times
t", refuses a call only when `_glyphs(latex(call))[1]` is a bracket; for `\pi_{}(2)` the glyphs
are `\pi`, `_`, `\left`, ... so the second glyph is `_` (or `^`). `_PRINTED_NAME` (which refuses
empty scripts, `j^{}`) is applied to Symbols and vector displays only, never to the names of
undefined functions (`named` holds them, but the whitelist test is
`isinstance(obj, Symbol) or isinstance(obj, Vector) ...`). `{\pi}` and `\mathrm{\pi}` are refused.

Suggested fix: apply `_PRINTED_NAME` to function names as well (no empty scripts), and in the
constant-head test drop empty groups and empty scripts (`_{}`, `^{}`, `{}`) before looking at the
glyph after the head, i.e. compare what TeX typesets.
"""

from sympy import Function, Integer, Lambda, Symbol

from derivations import Definition, Derivation, Real, Step, rules

t = Symbol("t", real=True)


def _claim(name: str, function_name: str) -> Derivation:
    f = Function(function_name)
    return Derivation(
        name=name, title="A square function",
        hypotheses=(Real(t), Definition(f, Lambda(t, t**2))),
        start=f(Integer(2)),
        steps=(Step(4 * f(Integer(1)), rules.definition, "unfold"),),
    )


x07_e = _claim("x07_e", "e_{}")
x07_pi_sup = _claim("x07_pi_sup", r"\pi^{}")
x07_constant_named_function_with_an_empty_script = _claim(
    "x07_constant_named_function_with_an_empty_script", r"\pi_{}")
