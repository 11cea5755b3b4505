r"""Red-team round 19, u17 (minor, printing ambiguity): an `xlogy` term prints as `x \log y`
(`XLogY._latex`, an unevaluated Mul), and the printer puts other factors after it without
brackets. f(a) xlogy(p, p) prints `p\,\log p\,f{\left(a \right)}`, which the project's own .tex
reader refuses as ambiguous ("`\log x y`, `\log x \, y`: the log of the product, or of one
factor?", docs/check-your-tex.md). `ProofPrinter._print_Mul` puts plain logs last to avoid
exactly this, but it does not see the log inside an XLogY.

Claim as printed (graded **symbolic**, exit 0), for p >= 0, real a and real f(a):

    p \log p f(a)  =  2 f(a) p \log p  -  p \log p f(a)

Read with "log p f(a)" as log(p f(a)) (the reading the .tex reader calls possible), it is false:
p = 1, f(a) = 2 gives log 2 = 0.693 on the left and 0 - log 2 = -0.693 on the right (SymPy:
`log(2)` against `-log(2)`). What was checked, f(a) xlogy(p, p) = 2 f(a) xlogy(p, p) -
f(a) xlogy(p, p), is true. (The same printing appears in u05's variant:
`\sum_{j=1}^{k} j\,\log x\,\sin{\left(\pi\,j \right)}`.)

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u17_weighted_log_followed_by_a_factor.py --no-cache
    (`python -m derivations build --out /tmp/rt19-out FILE` gives the LaTeX line above)
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `notation.XLogY._latex` prints `Mul(x, log(y), evaluate=False)`. `ProofPrinter._print_Mul`
moves `log` factors last, but an XLogY factor is not a `log`, so SymPy's order puts f(a)
after it; `_print_log` prints a simple argument without brackets.

Suggested fix: in `_print_Mul`, treat an XLogY factor like a log (print it last), or print
`x \log y` as `x \log\left(y\right)` whenever anything follows it.
"""

from sympy import Function, Mul, Symbol

from derivations import Derivation, Nonnegative, Real, Step, rules, xlogy

p = Symbol("p", nonnegative=True)
a = Symbol("a", real=True)
f = Function("f", real=True)

u17_weighted_log_followed_by_a_factor = Derivation(
    name="u17_weighted_log_followed_by_a_factor",
    title="A weighted log times a value",
    hypotheses=(Nonnegative(p), Real(a), Real(f(a))),
    start=f(a) * xlogy(p, p),
    steps=(Step(Mul(2, f(a), xlogy(p, p), evaluate=False) - f(a) * xlogy(p, p), rules.algebra,
                "add and subtract"),),
)
