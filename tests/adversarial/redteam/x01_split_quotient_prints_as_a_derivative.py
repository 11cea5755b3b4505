r"""Red-team round 22, x01 (printing): a bypass of the w05 closure. A product with a symbol `d`
divided by `d` and by `x` as two SEPARATE negative powers prints as a derivative operator.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypotheses  d > 0,  x > 0
    claim       \frac{d}{d\,x}\,x^{2} = x                      (this file's last derivation)
    variant     \frac{d\,x^{2}}{d\,x} = x                      (x01_flat)

Read as written (the derivative of x^2), the left side is 2x: at x = 1 the claim says 2 = 1
(SymPy: `diff(x**2, x).subs(x, 1)` = 2). What is checked is the product d * d^-1 * x^-1 * x^2,
which is x for positive d and x.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt22 python -m derivations check \
        /work/rt22/x01_split_quotient_prints_as_a_derivative.py --no-cache --min-evidence symbolic
Printed LaTeX (from `derivations build --out /tmp/rt22-out FILE`): `\frac{d}{d\,x}\,x^{2} = x`
and `\frac{d\,x^{2}}{d\,x} = x`.

Route: the round-21 closure in `language/derivation.py _check_printed_names` ("d/(d x) prints as
a derivative") looks only at `Pow` atoms whose exponent is negative AND whose base is a `Mul`
holding a symbol printed d/partial/delta (`power.base.is_Mul`). Written as
`Mul(d, Pow(d, -1), Pow(x, -1))` (unevaluated), each negative power has a bare Symbol base, so
nothing is refused. `ProofPrinter._print_Mul` gathers all the negative powers of the unevaluated
product into one denominator, `d\,x`, and the numerator `d`, giving `\frac{d}{d\,x}`. The kernel
then proves d x^2/(d x) = x.

Suggested fix: judge the printed LaTeX, not the tree: refuse any `\frac{<d-like glyph>...}{<d-like
glyph> ...}` in what the printer writes (numerator and denominator both starting with the same
operator letter), or collect every negative power of each Mul (bases that are symbols too), or
print a symbol named d in a way that cannot read as the operator, or simply refuse the one-letter
names d, \partial, \delta as symbols (the `.tex` reader already does).

Closed: every quotient is read as the printer sets it (`fraction`): a denominator that is a product with a symbol printed d, partial or delta is refused, however the powers are split (`derivation._check_printed_names`).
"""

from sympy import Mul, Pow, Symbol

from derivations import Derivation, Positive, Step, rules

d = Symbol("d", positive=True)
x = Symbol("x", positive=True)

x01_flat = Derivation(
    name="x01_flat",
    title="The derivative of a square",
    hypotheses=(Positive(d), Positive(x)),
    start=Mul(d, Pow(d, -1, evaluate=False), Pow(x, -1, evaluate=False), x**2, evaluate=False),
    steps=(Step(x, rules.algebra, "differentiate"),),
)

x01_split_quotient_prints_as_a_derivative = Derivation(
    name="x01_split_quotient_prints_as_a_derivative",
    title="The derivative of a square",
    hypotheses=(Positive(d), Positive(x)),
    start=Mul(Mul(d, Pow(d, -1, evaluate=False), Pow(x, -1, evaluate=False), evaluate=False),
              x**2, evaluate=False),
    steps=(Step(x, rules.algebra, "differentiate"),),
)
