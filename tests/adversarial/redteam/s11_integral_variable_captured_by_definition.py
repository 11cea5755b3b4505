"""Red-team round 17, s11: applying a Definition captures the argument in the formula's
integral. `hypotheses._fresh_binders` renames the binders of the formula's sums and products
before an argument is put in, but not the variable of an Integral: with f(t) = int_0^oo e^{-t x}
dx, f(x) becomes int_0^oo e^{-x x} dx = int_0^oo e^{-x^2} dx, a constant.

False claim (graded **symbolic**, exit 0; under `--min-evidence symbolic` the main claim and the
symbolic variant still pass, and only the sampled variant fails):

    with f(t) = int_0^oo exp(-t x) dx (a Definition), for every x > 0:   d/dx f(x) = 0

Counterexample: f(t) = 1/t for t > 0, so f(x) = 1/x and d/dx f(x) = -1/x^2; at x = 1 it is -1,
not 0. Checked with mpmath: quad(exp(-t s), [0, oo]) is 1.0 at t = 1 and 0.5 at t = 2, and the
numerical derivative at 1 is -1.0.

Variant (first derivation below, **sampled**, exit 0): f(x) = sqrt(pi)/2 for every x > 0 (false:
f(1) = 1, sqrt(pi)/2 = 0.886). The sampler integrates the captured integrand e^{-x^2}.

Variant (second derivation below, **symbolic**, exit 0): the same capture through a derivative
that is not in the formula's own argument (`Definition.validate` refuses only those): with
g(t) = d/dx (t x^2) = 2 t x, the claim g(x) = 3 x^2 for every real x (false: g(x) = 2 x^2; at
x = 1, 2 != 3). Applied at x, the body becomes d/dx (x x^2) = 3 x^2.

Command:
    python -m derivations check \
        tests/adversarial/redteam/s11_integral_variable_captured_by_definition.py --no-cache
Output: the first variant "ok (1 step, weakest evidence: sampled)", the second and the main claim "ok (1 step,
weakest evidence: symbolic)", exit 0.

Route: `canonical.prepare` -> `Facts.apply_definitions` -> `expr.replace(f,
_fresh_binders(formula))`; `_fresh_binders` iterates over `body.atoms(Sum, Product)` only, so
Lambda(t, Integral(exp(-t x), (x, 0, oo))) applied at x substitutes x for t inside the integral,
where x is bound: Integral(exp(-x**2), (x, 0, oo)). It converges (`integrals.converges`: a
polynomial times exp of a polynomial going to -oo) and `_opaque` makes it one opaque constant
(no free symbols: `Dummy('I', real=True)`), whose derivative in x is 0. `definition_instances`
builds the same captured instance, so definedness is judged on it too. The cross-check
evaluates the same prepared side (0 = 0). (`Definition.validate` refuses a formula that
differentiates its own argument for this very reason; the integral case was missed.)

Suggested fix: in `_fresh_binders`, rename the variable of every Integral (and every other
binder: Lambda, Derivative variables) to a fresh Dummy as for sums; or refuse a Definition
whose formula binds a symbol that occurs free elsewhere in the derivation.

Closed: a definition's integral variable is renamed to a fresh one before the formula is
applied (``hypotheses._fresh_binders``), and a definition whose formula differentiates, with
respect to another variable, an expression of its own arguments is refused (the derivative's
variable would capture an argument: carry the derivative out in the formula). The integral
derivations fail; the file is refused.
"""

from sympy import Derivative, Function, Integer, Integral, Lambda, Symbol, exp, oo, pi, sqrt

from derivations import Definition, Derivation, Positive, Real, Step, rules

x = Symbol("x", positive=True)
t = Symbol("t")
f = Function("f")
laplace_of_one = Definition(f, Lambda(t, Integral(exp(-t * x), (x, 0, oo))))

s11_sampled_value = Derivation(
    name="s11_sampled_value",
    title="A Laplace transform of one at a positive number",
    hypotheses=(Positive(x), laplace_of_one),
    start=f(x),
    steps=(Step(sqrt(pi) / 2, rules.definition, "a Gaussian integral"),),
)

xr = Symbol("x", real=True)
g = Function("g")

s11_derivative_variable = Derivation(
    name="s11_derivative_variable",
    title="A partial derivative at the diagonal",
    hypotheses=(Real(xr), Definition(g, Lambda(t, Derivative(t * xr**2, xr)))),
    start=g(xr),
    steps=(Step(3 * xr**2, rules.definition, "unfold g and differentiate"),),
)

s11_integral_variable_captured_by_definition = Derivation(
    name="s11_integral_variable_captured_by_definition",
    title="The derivative of a Laplace transform of one",
    hypotheses=(Positive(x), laplace_of_one),
    start=Derivative(f(x), x),
    steps=(Step(Integer(0), rules.algebra, "the integral does not depend on x"),),
)
