"""The derivation's ``facts`` object (what the checker consults) is mutated in place after the
audits ran: a definition f(t) = t^2 is slipped into ``facts.definitions`` that no hypothesis
states. ``Derivation.audit_problem`` compares only the *identities* of the top-level parts
(``_parts``: ``id(self.facts)`` among them); ``Facts`` is a frozen dataclass, but
``object.__setattr__`` changes its fields and keeps its identity, so the check passes. The
kernel (``canonical.prepare`` -> ``facts.apply_definitions``) unfolds f by the hidden formula,
and so does the sampler (``sampling.sample`` prepares both sides with the same facts): proof and
cross-check agree. Every output prints the hypotheses from ``d.hypotheses``: "x real", nothing
about f.

False claim (symbolic), as printed (LaTeX: hypotheses "x in R", then f(x) = x^2): for every
function f and real x, f(x) = x^2.
Counterexample: f = 0 (the zero function), x = 1: the left side is 0, the right side is 1.

Grade obtained: symbolic, exit 0 (also with --min-evidence symbolic, and in
``derivations build``).

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l05_facts_mutated_after_audit.py
    python -m derivations build --no-cache --format latex --out /tmp/l05 tests/adversarial/redteam_round11/l05_facts_mutated_after_audit.py

Route: Derivation.audit_problem (``_parts`` holds ids only) -> checking.parts.check_parts
(``d.facts``) -> checking.grade.check_step -> kernel.canonical.prepare (apply_definitions
with the hidden Definition) -> judge.proves_equal -> SYMBOLIC. The same works for
``facts.ranges``, ``simplices``, ``intervals``, ``sizes``, ``parameters``, and for the fields
of a hypothesis object or a Step (``object.__setattr__(d.steps[0], "expr", ...)``) inside the
audited tuples.

Suggested fix: have the checker rebuild ``Facts.from_hypotheses(d.hypotheses)`` itself (never
read ``d.facts``), and record in ``_audited`` a content digest (``srepr`` of every expression,
the fields of every hypothesis, step and rule) rather than ``id``s; compare it in
``audit_problem``. Or deep-copy the audited parts into private storage at construction.
"""
from sympy import Function, Lambda, Symbol

from derivations import Definition, Derivation, Real, Step, rules

x = Symbol("x", real=True)
t = Symbol("t", real=True)
f = Function("f")

l05 = Derivation(
    name="l05_facts_mutated_after_audit",
    title="Every function is the square",
    hypotheses=(Real(x),),
    start=f(x),
    steps=(Step(x**2, rules.algebra, "it is the square"),),
)
# after the audits: a definition no hypothesis shows
object.__setattr__(l05.facts, "definitions", (Definition(f, Lambda(t, t**2)),))
