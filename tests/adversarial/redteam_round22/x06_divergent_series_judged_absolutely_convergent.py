r"""Red-team round 22, x06 (kernel): SymPy wrongly calls a divergent series absolutely convergent,
and `judge._unproved_series` trusts it, so the kernel cancels the series as a number: exactly the
"G - G" that guard exists to refuse.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    \sum_{n=2}^{\infty} \frac{1}{1 + n^{2}\,\sin^{2}{\left(n \right)}}
      - \sum_{n=2}^{\infty} \frac{1}{1 + n^{2}\,\sin^{2}{\left(n \right)}} = 0

Counterexample (why the left side has no value): the series diverges. Its terms do not tend to
0: for the numerator p of every convergent p/q of pi, |p - q pi| < 1/q, so
p |sin p| <= p |p - q pi| < p/q < 4 and the term is > 1/17. mpmath (60 digits):
p = 355: p^2 sin^2 p = 0.000115, term 0.99989; p = 103993: 3.957, term 0.2017;
p = 5419351: 0.0429, term 0.9589; p = 165707065: 2.057, term 0.3271. A series of positive terms
that do not tend to 0 diverges to +oo, and oo - oo has no value. (By the engine's own rule, an
infinite sum "not proved absolutely convergent may have no value ... SymPy cancels G - G":
`judge._unproved_series`.) SymPy:
`Sum(1/(n**2*sin(n)**2 + 1), (n, 2, oo)).is_absolutely_convergent()` returns True (SymPy 1.14);
the same call gives False for n**(-1 - 1/n), 1/(n log n), ... so the test is simply wrong here.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt22 python -m derivations check \
        /work/rt22/x06_divergent_series_judged_absolutely_convergent.py --no-cache \
        --min-evidence symbolic
(about 40 s: SymPy's convergence test is slow.) Printed LaTeX from `derivations build`:
as above. Variant in this file (also symbolic): x06_fourth_power, the same with
`\frac{1}{1 + n^{2}\,\sin^{4}{\left(n \right)}}`, whose terms come back near 1 (p = 355:
p^2 sin^4 p = 1.0e-13, term 1.0000); SymPy calls it absolutely convergent too (as it does
`1/(n^2 cos(n)^2 + 1)` and the product of `exp(1/(n^2 sin(n)^2 + 1))`). A variant S/S = 1 (`Mul(S, Pow(S, -1))`) is accepted too, at sampled grade only
(scratch/a9.py); not included here.

Route: `grade._check_equal` -> `judge.proves_equal` -> `may_be_undefined`: `_unproved_series`
asks `s.is_absolutely_convergent()` for every infinite Sum and accepts `S.true`. SymPy decides it
by a comparison/limit test that treats the sin(n)^2 factor as bounded away from 0 (it is not:
n sin n comes back near 0 along the convergents of pi). The sum is then an ordinary atom and
`prove_equal` cancels S - S to 0. The sampler cannot write the infinite sum out and evaluates
the prepared form, where SymPy has already cancelled S - S, so it agrees.

Suggested fix: trust SymPy's convergence tests only for summands built from powers, exp, log
and factorials of the index (p-series, ratio and root tests on such terms), never when the
summand holds a periodic or oscillating function of the index (sin, cos, tan, frac, floor, (-1)^n
is fine only for alternating-series proofs), and add this series to
tests/kernel/test_vetted_functions.py's scan of SymPy's claims.
"""

from sympy import Add, Integer, Sum, Symbol, oo, sin

from derivations import Derivation, Step, rules

n = Symbol("n", integer=True)
S = Sum(1 / (n**2 * sin(n)**2 + 1), (n, 2, oo))
T = Sum(1 / (n**2 * sin(n)**4 + 1), (n, 2, oo))  # terms near 1 along the convergents of pi

x06_fourth_power = Derivation(
    name="x06_fourth_power",
    title="A series less itself",
    hypotheses=(),
    start=Add(T, -T, evaluate=False),
    steps=(Step(Integer(0), rules.algebra, "cancel"),),
)

x06_divergent_series_judged_absolutely_convergent = Derivation(
    name="x06_divergent_series_judged_absolutely_convergent",
    title="A series less itself",
    hypotheses=(),
    start=Add(S, -S, evaluate=False),
    steps=(Step(Integer(0), rules.algebra, "cancel"),),
)
