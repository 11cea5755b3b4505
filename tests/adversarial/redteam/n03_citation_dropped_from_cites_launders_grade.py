"""Grade laundering: a step that cites a theorem through ``rules.by_theorem`` but whose rule
has its ``cites`` emptied (``dataclasses.replace``) is graded as if it cited nothing. The
theorem it rests on holds only at ``sampled`` grade (it is false, see below), yet the citing
step is reported ``symbolic``. Had the cited theorem failed outright, the citing derivation
would still be "ok" (its ``cites`` is empty, so ``assemble`` never looks at the theorem's
result; only the theorem's own failure would show in the run).

False claim (the citer, graded symbolic; the run exits 0): for real y,
1 <= 1 + 10^12 (y^2 - 2)^2 - 1, i.e. 0 <= 10^12 (y^2 - 2)^2 - 1.

Counterexample: y = sqrt(2): 1 <= 0 is false.

Grade obtained: symbolic for ``n03_citation_dropped_from_cites_launders_grade`` (the cited
``steep_quartic_nonnegative`` is reported sampled: the sampler never probes the irrational
point, open m02). Under ``--min-evidence symbolic`` the cited theorem fails the policy, so
the run exits 1, but the citing step is still marked symbolic.

    python -m derivations check tests/adversarial/redteam_round13/n03_citation_dropped_from_cites_launders_grade.py --no-cache

Variant (ran, accepted): cite a theorem that FAILS. ``reals_nonnegative`` ("0 <= x for
real x", refuted by the sampler at x = -1.93978) cited as
``replace(rules.by_theorem(reals_nonnegative, {x: claim}), cites=())`` proves
0 <= 10^12 (y^2 - 2)^2 - 1: the citer is reported "ok (weakest evidence: symbolic)" while the
theorem it rests on is reported FAILED two lines above (the run exits 1 for that theorem only).

Route: language/step.py ``Step.__post_init__`` records ``rule.cites`` in the step's
``cites``; ``by_theorem`` sets it, but a ``dataclasses.replace``d rule keeps the engine's
closures (``_foreign_code`` passes) with ``cites=()``. checking/check.py ``assemble``:
``_same_theorem`` accepts (``rule.theorem`` is the loaded object); ``_as_strong_as_citations``
lowers a grade only by ``result.step.cites`` (empty), and the "cites X, which does not check"
problem is also driven by ``d.cites``. The kernel's proof (``certificate_problem`` then
``proves_order`` with the certificate) never consults the cited theorem's result.

Suggested fix: derive the citations from the rule's ``theorem`` at check time (lower the grade
and fail the step by the result of ``rule.theorem.name`` whatever ``cites`` says), and refuse
in the audits a rule whose ``cites`` does not name its ``theorem``.
"""
from dataclasses import replace

from sympy import S, Symbol

from derivations import Derivation, Real, Relation, Step, rules

y = Symbol("y", real=True)
claim = 10**12 * (y**2 - 2)**2 - 1

steep_quartic_nonnegative = Derivation(
    name="steep_quartic_nonnegative",
    title="A steep quartic is non-negative",
    hypotheses=(Real(y),),
    start=S.Zero,
    steps=(Step(claim, rules.inequality, "no root in sight", relation=Relation.LE),),
)

n03 = Derivation(
    name="n03_citation_dropped_from_cites_launders_grade",
    title="Adding a steep quartic never decreases",
    hypotheses=(Real(y),),
    start=S.One,
    steps=(Step(1 + claim, replace(rules.by_theorem(steep_quartic_nonnegative, {}), cites=()),
                "by the quartic's bound", relation=Relation.LE),),
)
