"""Red-team round 18, t04 (sampled): the sampler's probes make a critical expression vanish
only at rational or algebraic roots (the m02/m03/q02 fixes solve polynomials up to degree 8).
Where the argument of `sign` vanishes at a transcendental number only, no probe reaches it,
and a random real never hits one point.

False claim (graded **sampled**, exit 0):

    for every real x:  sign(x - cos x)^2  =  1

Counterexample: x = 0.7390851332151606416553120876738734040134... (the Dottie number, the one
real solution of cos x = x; it has no closed form). There sign(x - cos x) = sign(0) = 0, so the
left side is 0, not 1. Checked with mpmath: `mp.dps = 50; d = findroot(lambda t: t - cos(t),
0.7)`; `d - cos(d)` is 0 to 50 digits, and sign(x - cos x) changes from -1 to +1 across d, so
it is 0 at d (x - cos x is strictly increasing: its derivative is 1 + sin x >= 0, zero only at
isolated points).

Variants, each accepted at sampled grade (first derivations below):
- sign(e^x - 2)^2 = 1 (false at x = log 2);
- sign(x e^x - 1)^2 = 1 (false at x = W(1) = 0.5671..., the omega constant);
- sign(sin x - 1/3)^2 = 1 (false at x = asin(1/3)).
The control sign(x - pi)^2 = 1 is refuted ("at x=pi"): x - pi is linear in x, and the
linear-root probe reaches pi. log 2, W(1) and asin(1/3) have closed forms that
`solveset` finds; the Dottie number has none, so the probe needs a numeric root finder (a
sign change between two nearby points, then bisection) to reach it.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt18 python -m derivations check \
        /work/rt18/t04_sign_zero_at_a_transcendental_root.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: sampled)", exit 0 (it fails, as it
should, under `--min-evidence symbolic`).

Route: the kernel does not prove it (correct). `evidence/sampling.py` hunts: random reals,
special values (0, 1, -1, 2, 1/2), the step's constants and the roots of its critical
expressions (the argument of sign is one). `evidence/point.Point._vanish` solves a critical
expression for one atom only where it is a polynomial in it with rational coefficients (every
real root of each irreducible factor of degree <= 8) or, failing that, linear with constant
coefficients (`_linear_root`: x = pi, 10^7 pi). x - cos x, e^x - 2, x e^x - 1 and sin x - 1/3
are neither, so no point is put at their zeros, and
24 random points agree with 1.

Suggested fix: for a critical expression in one real variable that is not a polynomial, look
for sign changes of it on a grid (and at the random points already drawn) and refine each by
bisection to the working precision (mpmath's `findroot` with an exact check of the sign on
both sides), then evaluate there; SymPy's `solveset` gives log 2, W(1) and asin(1/3) exactly.
The docs should say that a statement false only at a transcendental point may be `sampled`.
"""

from sympy import Integer, Rational, Symbol, cos, exp, sign, sin

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)


def _claim(name: str, title: str, argument) -> Derivation:
    return Derivation(
        name=name,
        title=title,
        hypotheses=(Real(x),),
        start=sign(argument) ** 2,
        steps=(Step(Integer(1), rules.algebra, "the argument never vanishes"),),
    )


t04_exponential = _claim("t04_exponential", "The exponential never meets 2", exp(x) - 2)
t04_omega = _claim("t04_omega", "The product of x and its exponential never meets 1", x * exp(x) - 1)
t04_sine = _claim("t04_sine", "The sine never meets one third", sin(x) - Rational(1, 3))

t04_sign_zero_at_a_transcendental_root = _claim(
    "t04_sign_zero_at_a_transcendental_root", "The cosine has no fixed point", x - cos(x))
