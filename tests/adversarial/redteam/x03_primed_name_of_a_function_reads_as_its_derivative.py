r"""Red-team round 22, x03 (printing): a symbol named like the derivative of a function of the
derivation, `x'` (or `x^{\prime}`, `\dot{x}`), beside the function `x(t) = t^2`. The name passes
the round-21 whitelist (primes and accents are allowed marks), and its base glyph `x`, the name of
a function of the derivation, is compared with nothing.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypotheses  t \in R,  x' \in R,  x(t) = t^{2}
    claim       \frac{\partial}{\partial t} \left(x' + x{\left(t \right)}\right) = 2\,t
    variants    the same with x^{\prime} (x03_prime_command) and \dot{x} (x03_dot)

Reading x' as the derivative of x (Lagrange's notation; \dot{x} is Newton's), x'(t) = 2t and the
left side is d/dt (2t + t^2) = 2 + 2t: at t = 0 the claim says 2 = 0 (SymPy:
`diff(diff(t**2, t) + t**2, t).subs(t, 0)` = 2). What is checked: x' is an independent real
symbol, so d/dt (x' + t^2) = 2t.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt22 python -m derivations check \
        /work/rt22/x03_primed_name_of_a_function_reads_as_its_derivative.py --no-cache \
        --min-evidence symbolic
Printed LaTeX (derivations build): hypotheses `x' \in \mathbb{R}`, `x{\left(t \right)} = t^{2}`;
`\frac{\partial}{\partial t} \left(x' + x{\left(t \right)}\right) = 2\,t`.

Route: `language/derivation.py _PRINTED_NAME` admits a trailing `'*` and the marks `\prime`, and
the accents `\dot`/`\ddot` in `_BASE`. `_check_printed_names` judges only what the *scripts* of a
name show (`_scripts`); the base glyph `x` is never compared with the names of the derivation's
undefined functions (nor with its symbols). `_check_clashes`/look-alike checks compare whole
names ("x'" vs "x"). The kernel is right about the object it checks.

Suggested fix: refuse a symbol whose base glyph is the name of a function (or symbol) of the
derivation when the name carries a prime or a derivative accent (\dot, \ddot); more generally,
compare every name's base glyph with the other names in scope (as suggested in round 21 for w01).

Closed: a symbol shown as a function's letter with a prime or a dot reads as its derivative and is refused (`derivation._check_printed_names`).
"""

from sympy import Derivative, Function, Lambda, Symbol

from derivations import Definition, Derivation, Real, Step, rules

t = Symbol("t", real=True)
x = Function("x")


def _claim(name: str, shown: str) -> Derivation:
    velocity = Symbol(shown, real=True)
    return Derivation(
        name=name, title="A slope",
        hypotheses=(Real(t), Real(velocity), Definition(x, Lambda(t, t**2))),
        start=Derivative(velocity + x(t), t),
        steps=(Step(2 * t, rules.algebra, "differentiate"),),
    )


x03_dot = _claim("x03_dot", r"\dot{x}")
x03_prime_command = _claim("x03_prime_command", r"x^{\prime}")
x03_primed_name_of_a_function_reads_as_its_derivative = _claim(
    "x03_primed_name_of_a_function_reads_as_its_derivative", "x'")
