"""A derivation proves its own statement by citing a twin of itself: a second ``Derivation``
object, never loaded, that has the same name and compares equal to it. Circular reasoning,
accepted at symbolic grade for any statement the 2-point cross-check does not refute.

False claim (symbolic, exit 0, also under ``--min-evidence symbolic``): for real y,
0 <= 10^12 (y^2 - 2)^2 - 1.

Counterexample: y = sqrt(2): the right side is -1 < 0.

Grade obtained: symbolic, exit 0.

    python -m derivations check tests/adversarial/redteam_round13/n02_theorem_cites_its_own_twin.py --no-cache --min-evidence symbolic

How it is built (no object is changed after construction): ``dataclasses.replace`` on a rule
that ``rules.by_theorem`` made gives a rule with the engine's own ``conditions``/``fits``
closures (so ``_foreign_code`` passes), no ``cites`` (so the step cites nothing, there is no
citation cycle and no grade to inherit), the certificate ``end - start`` of the claim, and a
``theorem`` of our choosing. The twin ``T0`` is built with such a rule, then the real
derivation ``n02`` with the same rule whose ``theorem`` is ``T0``. ``Rule.theorem`` is
``compare=False``, so the two rules are equal, the two steps are equal, and ``n02 == T0``.

Route: checking/grade.py ``_check_order`` -> rules/inequality.py ``certificate_problem``:
``by_theorem(rule.theorem = T0, {})`` gives ``T0.end - T0.start``, equal to the rule's
certificate; T0's hypotheses (Real(y)) hold here -> kernel/judge.py ``proves_order`` with the
certificate: proved. checking/check.py ``assemble``: ``_same_theorem(known['n02...'], T0)`` is
true because ``n02 == T0`` (dataclass equality: name, title, hypotheses, start, steps,
summary; a rule's ``theorem`` and ``conditions`` are not compared); the step's ``cites`` is
empty, so neither ``citation_order`` (cycles) nor ``_as_strong_as_citations`` ever sees the
citation; the theorem cited is the citer itself.

Suggested fix: a rule that carries a ``theorem`` must name it in ``cites`` (refuse a rule whose
``cites`` is not exactly ``(theorem.name,)``, or derive the step's citations from
``rule.theorem`` at check time, not from ``rule.cites``), and a derivation may not cite its
own name; compare the rule's ``theorem`` by identity with the loaded object in ``assemble``
(``loaded is cited``) rather than by equality, or include the theorem's identity in
``Rule.__eq__``.
"""
from dataclasses import replace

from sympy import S, Symbol

from derivations import Derivation, Real, Relation, Step, rules

y = Symbol("y", real=True)
claim = 10**12 * (y**2 - 2)**2 - 1
NAME = "n02_theorem_cites_its_own_twin"
TITLE = "A steep quartic is non-negative"
WHY = "by the theorem itself"


def _twin_rule():
    placeholder = Derivation(name="placeholder", title="A placeholder", hypotheses=(Real(y),),
                             start=S.Zero,
                             steps=(Step(y**2, rules.inequality, "a square",
                                         relation=Relation.LE),))
    rule = replace(rules.by_theorem(placeholder, {}), name=f"theorem:{NAME}", cites=(),
                   certificate=claim - S.Zero, summary=f"by {TITLE}")
    twin = Derivation(name=NAME, title=TITLE, hypotheses=(Real(y),), start=S.Zero,
                      steps=(Step(claim, rule, WHY, relation=Relation.LE),))
    return replace(rule, theorem=twin)


n02 = Derivation(
    name=NAME,
    title=TITLE,
    hypotheses=(Real(y),),
    start=S.Zero,
    steps=(Step(claim, _twin_rule(), WHY, relation=Relation.LE),),
)
