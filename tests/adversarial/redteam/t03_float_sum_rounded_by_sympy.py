"""Red-team round 18, t03: the kernel (and the sampler after it) takes SymPy's Float arithmetic
for exact arithmetic. A Float of magnitude 10^-20 added to x is rounded away at the Float's
15 digits, so (x + 10^-20 x) - x collects to 0 x = 0, and the kernel "proves" the scaled
difference zero, although it is about x.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every real x:  10^20 ((x + 1.0*10^-20 x) - x)  =  0
    (printed `\\left(x + 1.0 \\cdot 10^{-20}\\,x - x\\right)\\,10^{20} = 0`)

Counterexample: x = 1: the left side is 10^20 * f with f = Float('1e-20') a nonzero number,
so it is about 1 (exactly 10^20 * Rational(Float('1e-20')) = 0.99999999999999994515...),
not 0. Checked with SymPy: `N(Rational(Float('1e-20')) * 10**20, 30)`. Whatever the printed
1.0 * 10^-20 is taken to mean (the decimal or the binary float), the left side is x times a
number within 10^-15 of 1.

Variants (first derivations below), each accepted at symbolic grade:
- the same with 10^-500 and 10^500;
- "0.1 + 0.2 - 0.3 > 0" (built with `evaluate=False`, printed `0.1 + 0.2 - 0.3`, relation
  `>`): false as printed, where 0.1 is one tenth (0 > 0). What the kernel checked is the sum of
  three binary floats, Float('0.1') + Float('0.2') - Float('0.3') = 2.78e-17 (SymPy: 5.55e-17 at
  15 digits), which is positive. Decimal numerals printed in a proof denote decimals; the
  check is about other numbers. Checked: `Rational(1,10) + Rational(2,10) - Rational(3,10)` is 0.

The kernel's Float arithmetic also "proves" (1 + 10^-20)^(10^20) = 1 (SymPy: 1 + 1.0e-20 is
1.0, and 1.0^(10^20) is 1); there the cross-check evaluates e = 2.71828... and reports
"sampling contradicts the symbolic proof (please report this engine bug)", as it does for
1 + 10^-20 <= 1.

In the scaled claim with 10^-500, even the sampler's 400-digit refinement could not see the
term. With 10^-20 it could, but it agrees all the same (below). The threshold is the Float's
precision: with 10^-16 the kernel still "proves" it and the cross-check refutes it ("sampling
contradicts the symbolic proof (please report this engine bug)"); from 10^-17 on, the
cross-check agrees with the kernel.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt18 python -m derivations check \
        /work/rt18/t03_float_sum_rounded_by_sympy.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: the step is built with `evaluate=False` (docs/reference.md, "Keeping a step as
written"), so it prints as written. `judge.proves_equal` -> `canonical.prove_equal` ->
`canonical` -> `expand(...)`: SymPy collects x + 1.0e-20 x - x into (1 + 1.0e-20 - 1) x, and
its Float addition rounds 1 + 1.0e-20 to 1.00000000000000 (53-bit mantissa), so the
coefficient is exactly 0 and `reduces_to_zero` sees the literal 0. Nothing in the kernel or
the audit looks for a Float (`grep Float derivations/kernel` is empty; the only mention in
the checking layer is the cache key). The sampler's cross-check then agrees: a drawn x is put
into the side by SymPy, whose Float arithmetic at the Float's own 15 digits rounds the same
way (with 10^-16 the residue shows, with 10^-17 it does not).

Suggested fix: no Float in what the kernel proves or the sampler evaluates: the audit refuses
a Float in a step, with advice to write Rational(1, 10**20) (or every Float is replaced by its
exact rational, `Rational(f)`, before `prepare`, and printed as that). A sound kernel works
over exact numbers only.

Closed: a Float cannot be checked (`vocabulary._ADVICE`): a decimal is printed as a
decimal, but SymPy computes with a binary float rounded to its precision. The message asks for
an exact number (Rational(1, 10) for 0.1) or a symbol with a hypothesis. Every derivation here
now fails with "cannot check".
"""

from sympy import Add, Float, Integer, Mul, Pow, Symbol

from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)


def _scaled_difference(exponent: int):
    tiny = Float(f"1e-{exponent}")
    return Mul(Add(x, Mul(tiny, x, evaluate=False), -x, evaluate=False),
               Pow(Integer(10), Integer(exponent), evaluate=False), evaluate=False)


t03_beyond_400_digits = Derivation(
    name="t03_beyond_400_digits",
    title="A tiny multiple of x, added and taken away, scaled back",
    hypotheses=(Real(x),),
    start=_scaled_difference(500),
    steps=(Step(Integer(0), rules.algebra, "x - x cancels"),),
)

t03_decimal_numerals_are_binary_floats = Derivation(
    name="t03_decimal_numerals_are_binary_floats",
    title="A sum of three decimals",
    hypotheses=(),
    start=Add(Float("0.1"), Float("0.2"), Float("-0.3"), evaluate=False),
    steps=(Step(Integer(0), rules.inequality, "the sum is positive", relation=Relation.GT),),
)

t03_float_sum_rounded_by_sympy = Derivation(
    name="t03_float_sum_rounded_by_sympy",
    title="A small multiple of x, added and taken away, scaled back",
    hypotheses=(Real(x),),
    start=_scaled_difference(20),
    steps=(Step(Integer(0), rules.algebra, "x - x cancels"),),
)
