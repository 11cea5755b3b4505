"""Two derivations with one name are not refused when they differ only in what ``==`` on a
Derivation leaves out (``equality_if`` and ``implementations`` are ``compare=False``): the
loader keeps the first and drops the second without a word, so the second's equality case (or
reference implementation) is never checked, and the run exits 0. The reference says "two
derivations with one name" is an AuthoringError.

False claim (the last Derivation of the file): for x > 0, log x <= x - 1 "with equality if and
only if x = 2".
Counterexample: x = 2: log 2 = 0.693 < 1 = 2 - 1, no equality (and at x = 1 there is equality,
0 = 0, although x != 2).

Obtained: "tangent: ok (1 step, weakest evidence: symbolic)", exit 0; the equality case is
neither checked nor reported.

    python -m derivations check --no-cache tests/adversarial/redteam_round10/k06_same_name_equality_case_unchecked.py

Route: loader.load -> loader._with_citations: ``result[d.name] != d`` is False for the two
objects (Derivation.__eq__ ignores equality_if and implementations), so ``add`` returns without
an error and the second object is dropped before ``check_all`` (whose own "two derivations
share the name" test then sees one). ``watch.Watcher._checked`` dedupes the same way
(``chosen[d.name] != d``), across sources as well.

Suggested fix: compare with the test ``check._same_theorem`` already uses (``==`` and equal
``equality_if``) and the implementations (identity of each function and its bindings), or
simply refuse two distinct objects of one name unless they are the same object reached twice
(keep the "same file as a path and as a module" case by comparing the module file and the
variable name instead of the content).
"""
from sympy import Symbol, log

from derivations import Derivation, Positive, Relation, Step, rules

x = Symbol("x", positive=True)

_steps = (Step(x - 1, rules.by_lemma(rules.LOG_BELOW_TANGENT, 1, x), "the tangent at 1",
               relation=Relation.LE),)

honest = Derivation(
    name="tangent",
    title="The log lies below its tangent",
    hypotheses=(Positive(x),),
    start=log(x),
    steps=_steps,
)

forged = Derivation(
    name="tangent",
    title="The log lies below its tangent",
    hypotheses=(Positive(x),),
    start=log(x),
    steps=_steps,
    equality_if={x: 2},
)
