"""Red-team round 16, r09: an integral inside a Definition is never shown to converge; the
kernel moves factors across it and cancels two divergent integrals.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    with F(t) = int_0^oo t e^s ds (a Definition hypothesis), for every real x:
        F(x) - x F(1) = 0

Counterexample: any x, e.g. x = 1 or x = 0. F(1) = int_0^oo e^s ds diverges (no value), so
x F(1) has none; F(x) has none for x != 0. The left side has no value at any x, the right
side is 0. (The first derivation below, with F(t) = int_0^oo e^{ts} ds and
G(t) = 1 / int_0^oo e^{ts} ds, claims F(x) G(x) = 1 for every real x, false for x >= 0 where
the integral diverges; also symbolic.)

Command:
    python -m derivations check \
        tests/adversarial/redteam/r09_divergent_integral_inside_a_definition.py --no-cache --min-evidence symbolic
Output: both "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `kernel/judge.proves_equal` and `may_be_undefined` decide whether integrals must be
shown to converge by `expr.has(Integral)` / `side.has(Integral)` on the sides *as written*
(`may_be_undefined`: "if expr.has(Integral): opaque = _opaque(...)"; `_opaque`: "if not
any(side.has(Integral) ...): return sides"). A side holding F(x) has no Integral until
`prepare` applies the definition, so `integrals.atomise` (the convergence check and the
opaque stand-in of rounds 14-15) is never called. `canonical.prove_equal`'s own guard
(`lhs.has(Integral)`) also reads the unprepared sides. `canonical` then unfolds F, SymPy
pulls the constant t out of the integrand (Integral(x*exp(s)) -> x*Integral(exp(s))), and the
two identical divergent integrals cancel: x I - x I = 0. The same for a divergent series
(r05's second derivation): `_unproved_series(unfold(expr))` never applies definitions.

Suggested fix: judge definedness and integrals on `prepare(side)` (definitions applied), not
on the side as written: in `may_be_undefined`, `_opaque` and `prove_equal`, test
`prepare(side).has(Integral)` and run `_unproved_series` on `prepare(side)`; or refuse
Definitions whose body holds an Integral, a Limit or an infinite Sum unless its
convergence is proved for every argument allowed by the definition's domain.

Closed in the kernel and the sampler, as r05: an integral inside a definition is judged where
the function is applied (it is not shown to converge), and the sampler evaluates the formula
beside the side; a quadrature that runs past 10^10000 is taken for a divergent integral
(``evaluator._QUADRATURE_CEILING``), and so is evalf's zero of no digits past that magnitude
(``sampling._evaluate``). Both derivations fail: "the left side is undefined and the right side
is 0".
"""

from sympy import Function, Integer, Integral, Lambda, Symbol, exp, oo

from derivations import Definition, Derivation, Real, Step, rules

x = Symbol("x", real=True)
t = Symbol("t")
s = Symbol("s")
F = Function("F")
G = Function("G")

r09_integral_times_its_reciprocal = Derivation(
    name="r09_integral_times_its_reciprocal",
    title="A Laplace-type integral times its reciprocal",
    hypotheses=(Real(x), Definition(F, Lambda(t, Integral(exp(t * s), (s, 0, oo)))),
                Definition(G, Lambda(t, 1 / Integral(exp(t * s), (s, 0, oo))))),
    start=F(x) * G(x),
    steps=(Step(Integer(1), rules.definition, "unfold F and G"),),
)

r09_divergent_integral_inside_a_definition = Derivation(
    name="r09_divergent_integral_inside_a_definition",
    title="A parametrised integral is linear in its parameter",
    hypotheses=(Real(x), Definition(F, Lambda(t, Integral(t * exp(s), (s, 0, oo))))),
    start=F(x) - x * F(1),
    steps=(Step(Integer(0), rules.definition, "the parameter is a constant factor"),),
)
