r"""Red-team round 19, u11 (printing): the a26 closure makes a named function whose template
*shows* a parameter count as depending on it, but only for `Parameter`s, and only where
`Facts.depends_on_parameter` is asked (the optimiser rules). Anywhere else a template may show a
symbol the function does not take. A derivative in that symbol is then 0 to SymPy (the symbol is
not among the application's free symbols), and the printed statement says that a function of
theta does not change with theta.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for real x and theta:   d/dtheta p_theta(x)  =  0

printed `\frac{d}{d \theta} p_{\theta}\left(x\right) = 0`, under the hypotheses x in R and
theta in R. What is checked is d/dtheta P(x) = 0 for an opaque P(x) (template
`p_{\theta}\left({0}\right)`), which is true. As printed it is false for every family that
depends on theta: p_theta(x) = theta x gives d/dtheta = x, which is 1 at x = 1 (SymPy:
`diff(theta*x, theta).subs(x, 1)` = 1).

Variant (first derivation below, also symbolic): the same claim with theta declared a
`Parameter`, the case the a26 closure was written for: it is accepted too, because
`depends_on_parameter` is asked only by the optimiser rules, not by a derivative.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u11_template_shows_a_symbol_it_does_not_take.py --no-cache
    (`python -m derivations build --out /tmp/rt19-out FILE` gives the LaTeX line above)
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `notation.named_function` accepts the template (`\theta` is neither in `_MISLEADING`
nor a function word). `Derivation._check_lookalikes` compares the call's whole print with the
symbol theta's, and they differ. `Facts.depends_on_parameter`, which reads templates, is asked
only by the optimiser rules and only for `Parameter` symbols; theta here is `Real`. `canonical.
_differentiate` -> `Derivative(P(x), theta).doit()` is 0, since theta is not a free symbol of
P(x).

Suggested fix: treat a symbol printed in a template's fixed text as an argument everywhere:
refuse a template that shows any symbol of the derivation (or of its hypotheses) that the
application does not take; or make the printed symbols real arguments of the function (so that
`free_symbols` and `diff` see them).

Closed: a template may show a symbol of the derivation only where the function takes it or is
defined through it (`derivation._check_template_symbols`); this one is refused.
"""

from sympy import Derivative, Integer, Symbol

from derivations import Derivation, Parameter, Real, Step, named_function, rules

x = Symbol("x", real=True)
theta = Symbol("theta", real=True)
P = named_function("P", r"p_{{\theta}}\left({0}\right)")

u11_parameter = Derivation(
    name="u11_parameter",
    title="A density does not move with its parameter",
    hypotheses=(Real(x), Parameter(theta)),
    start=Derivative(P(x), theta),
    steps=(Step(Integer(0), rules.algebra, "differentiate"),),
)

u11_template_shows_a_symbol_it_does_not_take = Derivation(
    name="u11_template_shows_a_symbol_it_does_not_take",
    title="A density does not move with its parameter",
    hypotheses=(Real(x), Real(theta)),
    start=Derivative(P(x), theta),
    steps=(Step(Integer(0), rules.algebra, "differentiate"),),
)
