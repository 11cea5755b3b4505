"""``rules.by_theorem`` accepts a mapping whose key is not a symbol of the cited theorem but a
whole subexpression of it. ``xreplace`` then rewrites that subexpression of the theorem's
statement, and the "instance" is no instance at all: from "0 <= x^2 for real x" and the
mapping {x^2: E, x: y}, any expression E of a real y is "certified" non-negative.

False claim (symbolic, exit 0, also under ``--min-evidence symbolic``): for real y,
0 <= 10^12 (y^2 - 2)^2 - 1.

Counterexample: y = sqrt(2): the right side is -1 < 0 (it is negative for
|y - sqrt(2)| < about 3.5e-7).

Grade obtained: symbolic, exit 0.

    python -m derivations check tests/adversarial/redteam_round13/n01_by_theorem_mapping_rewrites_a_subexpression.py --no-cache --min-evidence symbolic

Variant (also accepted, symbolic, with the default settings): the same citation with the mapping
{x^2: y, x: y} "proves" 0 <= y for every real y; the 2-point cross-check of a proved step
happens to draw two positive y for this step's seed (with ``cross_check_points=8`` it finds
y = -2.50369 and reports "sampling contradicts the symbolic proof"). The sub-expression here
puts the false region next to an irrational point, which the sampler never probes (open m02),
so the cross-check cannot catch it at any number of points.

Route: rules/inequality.py ``by_theorem``: ``certificate = freshen(theorem.end -
theorem.start).xreplace(mapping)`` with the mapping taken as given (any keys);
``_transferred``/``_transfer`` instantiate each hypothesis with the same mapping (``Real(x)``
-> "y is real", which holds); checking/grade.py ``_check_order`` ->
``certificate_problem`` rebuilds the same certificate from ``rule.theorem`` and
``rule.mapping`` (so it agrees) -> kernel/judge.py ``proves_order`` with the certificate:
``prove_equal(high - low, certificate)`` holds trivially, so the step is "proved"; the cited
theorem is symbolic, so ``_as_strong_as_citations`` keeps the grade.

Suggested fix: in ``by_theorem`` (and again in ``certificate_problem``) accept as mapping keys
only the theorem's own free symbols, families (IndexedBase) and undefined functions, each
occurring in the theorem; refuse an Indexed entry, an application or any compound key
(``z[1]`` alone would also be substituted without the ``z[j]`` of a sum at j = 1).
"""
from sympy import S, Symbol

from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)
y = Symbol("y", real=True)

square_is_nonnegative = Derivation(
    name="square_is_nonnegative",
    title="A square is non-negative",
    hypotheses=(Real(x),),
    start=S.Zero,
    steps=(Step(x**2, rules.inequality, "a square", relation=Relation.LE),),
)

bump = 10**12 * (y**2 - 2)**2 - 1

n01 = Derivation(
    name="n01_by_theorem_mapping_rewrites_a_subexpression",
    title="A steep quartic is non-negative",
    hypotheses=(Real(y),),
    start=S.Zero,
    steps=(Step(bump, rules.by_theorem(square_is_nonnegative, {x**2: bump, x: y}),
                "an instance of the square", relation=Relation.LE),),
)
