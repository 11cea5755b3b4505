r"""Red-team round 19, u13 (minor, a crash): a power of an `xlogy` term with a non-numeric (or
non-integer) exponent crashes the LaTeX printer, so `derivations build` stops with
"derivations: error: TypeError: XLogY._latex() got an unexpected keyword argument 'exp'"
(exit 1). `derivations check` accepts the derivation (true, symbolic), so the crash is met only
when the proof is printed.

Derivation (true): for w >= 0 and a size k, xlogy(w, w)^(k+1) = xlogy(w, w) xlogy(w, w)^k.
Also `xlogy(a, b)**Rational(3, 2)` raises the same in `render.printer.latex`.

Commands:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u13_xlogy_to_a_symbolic_power_crashes_the_build.py --no-cache     (exit 0)
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations build --out /tmp/rt19-out \
        /work/rt19/u13_xlogy_to_a_symbolic_power_crashes_the_build.py               (exit 1)

Route: `ProofPrinter._print_Pow` handles a base with its own `_latex` only for a positive
integer exponent (or an applied undefined function); otherwise SymPy's `_print_Pow` calls
`self._print(base, exp=...)`, which calls `XLogY._latex(printer, exp=...)`, whose signature has
no `exp`.

Suggested fix: give `XLogY._latex` an `exp=None` parameter (print `\left(x \log y\right)^{exp}`),
or bracket every power of an object with its own `_latex` in `_print_Pow`.
"""

from sympy import Symbol

from derivations import Derivation, Nonnegative, Size, Step, rules, xlogy

w = Symbol("w", nonnegative=True)
k = Symbol("k", integer=True, positive=True)

u13_xlogy_to_a_symbolic_power_crashes_the_build = Derivation(
    name="u13_xlogy_to_a_symbolic_power_crashes_the_build",
    title="A power of a weighted log",
    hypotheses=(Nonnegative(w), Size(k)),
    start=xlogy(w, w) ** (k + 1),
    steps=(Step(xlogy(w, w) * xlogy(w, w) ** k, rules.algebra, "split the power"),),
)
