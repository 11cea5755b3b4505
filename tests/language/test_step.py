"""Step: a SymPy expression, a Rule, a one-line reason, and a relation the rule can justify."""

from __future__ import annotations

import dataclasses

import pytest
from sympy import Integer, Symbol

from derivations import rules
from derivations.language.step import Relation, Step

x = Symbol("x", real=True)


@pytest.mark.parametrize(("expr", "shown"), [
    (1.5, "1.5"),
    (2, "2"),
    ("x + 1", "'x \\+ 1'"),
    (None, "None"),
])
def test_an_expression_that_is_not_sympy_is_a_type_error(expr, shown):
    with pytest.raises(TypeError, match=f"a step's expression must be a SymPy object, got {shown}"):
        Step(expr, rules.algebra, "why")


@pytest.mark.parametrize(("rule", "shown"), [
    ("algebra", "'algebra'"),
    # forgetting to call a rule factory is the likely slip
    (rules.negate, "<function negate"),
])
def test_a_rule_that_is_not_a_rule_is_a_type_error(rule, shown):
    with pytest.raises(TypeError, match=f"a step's rule must be a Rule, got {shown}"):
        Step(x, rule, "why")


@pytest.mark.parametrize("why", ["", "   ", "\t\n", None])
def test_a_step_without_a_justification_is_a_value_error(why):
    with pytest.raises(ValueError, match=r"a step needs a one-line justification \('why'\)"):
        Step(x, rules.algebra, why)


@pytest.mark.parametrize(("rule", "relation", "message"), [
    (rules.algebra, Relation.LE, "rule 'algebra' does not justify a '<=' step"),
    (rules.definition, Relation.GE, "rule 'definition' does not justify a '>=' step"),
    (rules.algebra, Relation.SAME_OPTIMISER,
     "rule 'algebra' does not justify a 'same optimiser' step"),
    (rules.negate(), Relation.EQ, "rule 'negate' does not justify a '=' step"),
    (rules.add_constant(Integer(1)), Relation.LE,
     "rule 'add_constant' does not justify a '<=' step"),
    (rules.inequality, Relation.EQ, "rule 'inequality' does not justify a '=' step"),
    (rules.inequality, None,
     "rule 'inequality' allows several relations; give the step's relation explicitly"),
])
def test_a_relation_the_rule_cannot_justify_is_a_value_error(rule, relation, message):
    with pytest.raises(ValueError, match=message):
        Step(x, rule, "why", relation=relation)


@pytest.mark.parametrize(("rule", "relation"), [
    (rules.algebra, Relation.EQ),
    (rules.definition, Relation.EQ),
    (rules.log_of_product, Relation.EQ),
    (rules.one_hot_collapse, Relation.EQ),
    (rules.logarithm(), Relation.SAME_OPTIMISER),
    (rules.negate(), Relation.SAME_OPTIMISER),
    (rules.positive_factor(Integer(2)), Relation.SAME_OPTIMISER),
    (rules.identity(), Relation.SAME_OPTIMISER),
])
def test_the_relation_defaults_to_the_rules_only_one(rule, relation):
    assert Step(x, rule, "why").relation is relation


@pytest.mark.parametrize("relation", [Relation.LE, Relation.GE])
def test_an_inequality_step_keeps_its_explicit_relation(relation):
    assert Step(x, rules.inequality, "why", relation=relation).relation is relation


@pytest.mark.parametrize(("cites", "expected"), [
    ((), ()),
    ("other", ("other",)),
    (("a", "b"), ("a", "b")),
])
def test_cites_is_always_a_tuple_of_names(cites, expected):
    assert Step(x, rules.algebra, "why", cites=cites).cites == expected


def test_a_step_is_immutable():
    step = Step(x, rules.algebra, "why")
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.why = "changed"


@pytest.mark.parametrize(("relation", "latex"), [
    (Relation.EQ, "="),
    (Relation.LE, r"\le"),
    (Relation.GE, r"\ge"),
    (Relation.SAME_OPTIMISER, "="),
])
def test_relation_latex(relation, latex):
    assert relation.latex == latex
