r"""Red-team round 19, u15 (printing): the variable of an integral (or of a sum) may be a Symbol
with the same name as a free symbol of its own body. The two then print as the same letter
inside the integral, and the reader cannot take the second one for anything but the bound
variable. The clash audit compares only free symbols (`_check_clashes` scans
`expr.free_symbols`), so a bound variable is never compared with a free symbol of the same name.
This is the same cause as u14, through a binder instead of a Definition.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for real t:   \int_0^1 t t dt  =  t / 2

printed `\int\limits_{0}^{1} t\,t\, dt = \frac{t}{2}`. As printed, the left side is
int_0^1 t^2 dt = 1/3 (SymPy: `integrate(t**2, (t, 0, 1))` = 1/3), a number, so the claim says
1/3 = t/2 for every real t: false at t = 0. What was checked is int_0^1 s t ds = t/2, with s the
integration variable (a plain Symbol named "t") and t a real symbol: true.

Variant (first derivation below, graded `sized`, so weaker evidence): for a size k and a real j,
`\sum_{j=1}^{k} j\,j = \frac{j\,k}{2}\,\left(1 + k\right)`. As printed the left side is
sum j^2 = k(k+1)(2k+1)/6, which does not depend on the free j: at k = 1, j = 0 it reads 1 = 0.
What was checked is sum_i i j = j k(k+1)/2.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u15_bound_variable_prints_like_a_free_symbol.py --no-cache
    (`python -m derivations build --out /tmp/rt19-out FILE` gives the LaTeX lines above)
Output: "ok (1 step, weakest evidence: sized)" for the sum, "ok (1 step, weakest evidence:
symbolic)" for the integral, exit 0.

Route: `Derivation._check_clashes` builds `found` from `scan.free` (free symbols), families and
calls. The integral's variable (or the sum's) is bound, so it never meets the free t (or j) of
the same name. The printer prints both as `t`.

Suggested fix: compare the printed names of every bound variable (Sum, Product, Integral, Lambda)
with those of the free symbols it has in scope, and refuse a clash. A binder must not print like
a symbol it can see.

Closed: a variable bound by a sum, product or integral of a side may not print like a symbol that stands free in a side (`Derivation._check_bound_names`).
"""

from sympy import Integral, Sum, Symbol

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
i = Symbol("j", integer=True)  # the sum's variable, printed j
j = Symbol("j", real=True)     # a free real j
s = Symbol("t")                # the integral's variable, printed t
t = Symbol("t", real=True)     # a free real t

u15_sum_sized = Derivation(
    name="u15_sum_sized",
    title="A sum with a weight",
    hypotheses=(Size(k), Real(j)),
    start=Sum(i * j, (i, 1, k)),
    steps=(Step(j * k * (k + 1) / 2, rules.algebra, "the sum of the first k integers"),),
)

u15_bound_variable_prints_like_a_free_symbol = Derivation(
    name="u15_bound_variable_prints_like_a_free_symbol",
    title="An integral with a weight",
    hypotheses=(Real(t),),
    start=Integral(s * t, (s, 0, 1)),
    steps=(Step(t / 2, rules.antiderivative(s**2 * t / 2, of=s), "integrate"),),
)
