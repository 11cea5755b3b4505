"""An integral inside a sum is made one opaque number, whatever the sum's index does to it.

False claim (symbolic, exit 0): for real y, with eps = exp(-10^4 (y^2 - 2)^2),

    sum_{i=1}^{2} (-1)^i  int_0^1 exp(i x eps) dx  =  0.

Counterexample: y = sqrt 2 (eps = 1): the left side is -(e - 1) + (e^2 - 1)/2 = 1.47624622...,
not 0. (At every y the left side is eps/2 + O(eps^2) > 0: the claim is false at every real y;
the gap is above 10^-30 only for |y - sqrt 2| < ~0.05 or |y + sqrt 2| < ~0.05.)

Grade obtained: symbolic ("ok (1 step, weakest evidence: symbolic)"), exit 0.

    python -m derivations check tests/adversarial/redteam_round14/p01_integral_in_sum_loses_its_index.py --no-cache

The kernel alone, with no eps (plainly false: -(e - 1) + (e^2 - 1)/2 != 0):
``judge.proves_equal(Sum((-1)**i*Integral(exp(i*x), (x, 0, 1)), (i, 1, 2)), 0, Facts.from_hypotheses([]))``
is True, and so is ``judge.proves_order(<that sum>, 0, facts, strict=False)``. The full
derivation with no eps is refused only because the cross-check then finds a counterexample
("sampling contradicts the symbolic proof").

Route: grade._check_equal -> judge.proves_equal -> judge._opaque -> integrals.atomise.
``integrals.integrals`` finds the Integral inside the Sum (its integrand exp(_b0 x eps) holds
the sum's index _b0 as a free symbol); ``converges`` is satisfied (continuous, defined), and
``_atom`` puts ONE ``Dummy("I", real=True)`` in its place, a constant that no longer depends on
_b0. The side becomes Sum((-1)^_b0 I, (_b0, 1, 2)); ``canonical.write_out_small`` writes it out
as -I + I = 0. The 2-point cross-check is fooled by eps: at a drawn y the two integrals differ by
~exp(-10^4 (y^2 - 2)^2), below the 10^-30 tolerance, and the refinement at 200 digits raises
Unsupported (quadrature is refused past 130 digits, evaluator._QUADRATURE_DIGITS), which
``sampling._judged`` counts as agreement (see p03).

Suggested fix: in ``integrals.atomise`` (and ``converges``), refuse (return None, "not shown to
converge") an integral that has a free symbol bound by an enclosing binder: compute, for each
Integral found, the variables of every Sum, Product, Derivative, Lambda, Integral, MaxOver/
MinOver (and Extremum-like notation) that encloses it, and refuse if they meet the integral's
free symbols. Better: atomise an integral as an opaque *function* of its free symbols
(``Function("I_k")(*sorted(free_symbols))``), so that its dependence on an index or on a
differentiation variable is kept; the kernel then cannot collapse I(1) against I(2).
"""
from sympy import S, Integer, Integral, Sum, Symbol, exp

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)
y = Symbol("y", real=True)
i = Symbol("i", integer=True)

eps = exp(-10**4 * (y**2 - 2)**2)

p01 = Derivation(
    name="p01_integral_in_sum_loses_its_index",
    title="An alternating sum of integrals that depend on the index",
    hypotheses=(Real(y),),
    start=Sum((-1)**i * Integral(exp(i * x * eps), (x, 0, 1)), (i, 1, 2)),
    steps=(Step(S.Zero, rules.algebra, "each integral is one number"),),
)
