"""A rule of the engine's own class whose ``conditions`` maker is the author's function: it
returns ``Condition("...", holds=True, formula=...)`` with any formula, and the outputs print
that formula as a side condition the step needs and has (``render.latex.justification``:
"needs <formula>" beside the symbolic check mark; the JSON lists it with ``"holds": true``).
Nothing recomputes the conditions of a rule that is not one of the engine's rule tables
(``certificate_problem`` does so only for certificates), nothing audits the formula (it is not
among ``Rule.expressions()``, so neither the declaration audit nor the vocabulary audit sees it),
and ``_foreign_part`` passes the Rule and does not look at its callables. The formula here is
a false statement, Sum 1/n^2 = 2, typeset in the proof with the check mark of the step.

False claim (printed in the proof as an established side condition): sum_{n>=1} 1/n^2 = 2.
Counterexample: the sum is pi^2/6 = 1.6449..., not 2.

Grade obtained: the step is symbolic (its own statement, (x + 1)^2 = x^2 + 2x + 1, is true);
the false condition is printed as holding; exit 0.

    python -m derivations build --no-cache --pdf --out /tmp/l12 tests/adversarial/redteam_round11/l12_side_condition_made_by_the_author.py
    grep -n dvconditions /tmp/l12/l12_side_condition_made_by_the_author.tex

Route: language.rule.Rule (``conditions`` callable, compare=False, not audited) ->
checking.grade._check_step (``step.rule.conditions(...)``, trusted) -> StepResult.conditions
-> render.view._step / render.latex.justification ("needs ...") and the JSON ``conditions``.

Suggested fix: take a step's conditions only from the engine's own rule tables (look the rule
up by what it is, e.g. ``EQUALITY_RULES[name]``, or recompute them from the rule's data as
``certificate_problem`` does), never from a callable on an author-built ``Rule``; or refuse a
``Rule`` whose ``conditions``/``fits`` are not one of the engine's functions (recorded by
``seal``). At least audit every condition formula like the rule's expressions.
"""
from sympy import Eq, Sum, Symbol, oo

from derivations import Derivation, Real, Relation, Step
from derivations.rules import Condition, Rule

x = Symbol("x", real=True)
n = Symbol("n", integer=True, positive=True)


def _needs(prev, new, facts):
    return [Condition("the Basel sum is 2", True,
                      formula=Eq(Sum(1 / n**2, (n, 1, oo)), 2, evaluate=False))]


algebra = Rule("algebra", "rearranging terms", frozenset({Relation.EQ}), conditions=_needs)

l12 = Derivation(
    name="l12_side_condition_made_by_the_author",
    title="Expanding a square",
    hypotheses=(Real(x),),
    start=(x + 1) ** 2,
    steps=(Step(x**2 + 2 * x + 1, algebra, "the square is expanded"),),
)
