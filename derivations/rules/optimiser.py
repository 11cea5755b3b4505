"""The table of rules that keep an optimiser: ``arg opt f = arg opt' T(f)``.

Each rule is a transform ``T`` of the objective. The checker verifies the step on the transform
itself: the new objective equals ``T`` of the old one, ``T`` involves no parameter, and ``T`` is
strictly monotone on the objective's range (the sign of ``T'`` under the hypotheses), increasing
to keep the sense, decreasing to turn arg max into arg min.
"""

from __future__ import annotations

from sympy import Basic, Dummy, Expr, Lambda, StrictGreaterThan, log

from derivations.language.hypotheses import Facts
from derivations.language.notation import FreeOf
from derivations.language.relation import Relation
from derivations.language.rule import Condition, Rule

_SAME = frozenset({Relation.SAME_OPTIMISER})
#: The argument of every transform.
u = Dummy("u")


def monotone(transform: Lambda, name: str = "monotone_transform",
             summary: str = "a strictly monotone transform keeps the optimiser") -> Rule:
    """A rule applying ``transform`` (a one-argument Lambda) to the objective."""
    if not isinstance(transform, Lambda) or len(transform.variables) != 1:
        raise TypeError(f"a transform must be a one-argument Lambda, got {transform!r}")
    return Rule(name, summary, _SAME, transform=transform)


def logarithm() -> Rule:
    return monotone(Lambda(u, log(u)), "take_log",
                    "log is strictly increasing on (0, oo), so the maximiser is kept")


def negate() -> Rule:
    return monotone(Lambda(u, -u), "negate", "negation turns arg max into arg min")


def negative_log() -> Rule:
    return monotone(Lambda(u, -log(u)), "negative_log",
                    "-log is strictly decreasing on (0, oo): arg max becomes arg min")


def _free_of_parameters(expr: Expr, facts: Facts) -> list[Condition]:
    return [Condition(f"{expr} does not depend on {p}", not facts.depends_on_parameter(expr),
                      formula=FreeOf(expr, p)) for p in facts.parameters] or [
        Condition(f"{expr} is free of the parameter", False,
                  "no Parameter hypothesis names what is optimised over")]


def positive_factor(factor: Expr) -> Rule:
    """Multiply the objective by a positive constant free of the parameter."""

    def conditions(prev: Basic, new: Basic, facts: Facts) -> list[Condition]:
        from derivations.kernel.positivity import is_positive

        return [Condition(f"{factor} > 0", is_positive(factor, facts),
                          formula=StrictGreaterThan(factor, 0, evaluate=False)),
                *_free_of_parameters(factor, facts)]

    rule = monotone(Lambda(u, factor * u), "positive_factor",
                    "a positive factor free of the parameter keeps the optimiser")
    return Rule(rule.name, rule.summary, rule.relations, conditions=conditions,
                transform=rule.transform)


def add_constant(constant: Expr) -> Rule:
    """Add a term free of the parameter to the objective (or drop one: add its negative)."""

    def conditions(prev: Basic, new: Basic, facts: Facts) -> list[Condition]:
        return _free_of_parameters(constant, facts)

    return Rule("add_constant", "a term free of the parameter does not move the optimiser",
                _SAME, conditions=conditions, transform=Lambda(u, u + constant))


def identity() -> Rule:
    """Rewrite the objective into an equal one (``=`` between the objectives)."""
    return monotone(Lambda(u, u), "same_objective", "an equal objective has the same optimiser")
