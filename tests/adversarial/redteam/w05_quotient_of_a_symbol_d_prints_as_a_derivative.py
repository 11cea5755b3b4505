r"""Red-team round 21, w05 (printing): a symbol may be named `d`, and the quotient d / (d x)
built unevaluated prints `\frac{d}{d\,x}`, which reads as the derivative operator d/dx. The
project's own .tex reader refuses exactly this notation ("`\frac{d}{dx}`: `d` is a symbol here",
docs/check-your-tex.md); the Python audit has no such rule.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypotheses  d > 0,  x > 0
    \frac{d}{d\,x}\,x^{2} = x

As printed: the derivative of x^2 is x, i.e. 2x = x, false at every x > 0 (x = 1: 2 vs 1;
SymPy `diff(x**2, x).subs(x, 1)` = 2). What was checked: the product (d / (d x)) * x^2 of two
positive symbols, which is x (true; the kernel judges the written denominator d x nonzero from
the hypotheses).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt21 python -m derivations check \
        /work/rt21/w05_quotient_of_a_symbol_d_prints_as_a_derivative.py --no-cache --min-evidence symbolic
    `derivations build` prints `\frac{d}{d\,x}\,x^{2} = x` (the thin spaces are the printer's
    `mul_symbol`; TeX sets `d\,x` as "d x", indistinguishable in practice from the "dx" of
    SymPy's own derivative print, `\frac{d}{d x} x^{2}`).

Route: `Symbol("d")` passes `_PRINTED_NAME` (one letter), `_name_problem`, `_OPERATOR_NAME` and
the look-alike checks (nothing else prints "d" as a name: the derivative's `d` is not a symbol
of the derivation). `ProofPrinter._print_Mul` prints a product the author built with
`evaluate=False` as built, so the quotient d/(d x) is set as a fraction and the next factor
follows it. The kernel proves d x^2 / (d x) = x for d, x > 0.

Suggested fix: refuse a symbol (or family, or function) named `d` or `\partial`-like wherever a
fraction with it in the numerator and a product starting with it in the denominator can be
printed, or simply refuse `d` as a name as the .tex reader does; alternatively print SymPy
derivatives with an upright `\mathrm{d}` so that an italic d can never imitate one.

Closed: a quotient by a product with a symbol printed d, partial or delta reads as a derivative and is refused (`derivation._check_printed_names`).
"""

from sympy import Mul, Pow, Symbol

from derivations import Derivation, Positive, Step, rules

d = Symbol("d", positive=True)
x = Symbol("x", positive=True)

# d / (d x) times x^2, as written (unevaluated)
start = Mul(Mul(d, Pow(Mul(d, x, evaluate=False), -1, evaluate=False), evaluate=False), x**2,
            evaluate=False)

w05_quotient_of_a_symbol_d_prints_as_a_derivative = Derivation(
    name="w05_quotient_of_a_symbol_d_prints_as_a_derivative",
    title="The derivative of a square",
    hypotheses=(Positive(d), Positive(x)),
    start=start,
    steps=(Step(x, rules.algebra, "differentiate"),),
)
