"""The table of rules that justify equality steps.

Every equality step is proved by the same sound prover (``canonical.prove_equal``); a rule adds
what a reader needs: its name, the side conditions it relies on (checked, and shown), and a
fitness test that refuses a rule naming a transformation the step does not contain.
"""

from __future__ import annotations

from sympy import (
    And,
    Basic,
    KroneckerDelta,
    Mul,
    Product,
    StrictGreaterThan,
    Sum,
    default_sort_key,
    log,
)
from sympy.core.function import AppliedUndef

from derivations.kernel.positivity import is_positive
from derivations.kernel.sums import in_range
from derivations.language.hypotheses import Facts
from derivations.language.notation import Between, InformationMeasure, Optimum, unfold
from derivations.language.relation import Relation
from derivations.language.rule import Condition, Rule

_EQ = frozenset({Relation.EQ})


def _sides(prev: Basic, new: Basic) -> list[Basic]:
    """The expressions a rule looks into (the objectives, for optimiser sets)."""
    return [e.objective if isinstance(e, Optimum) else e for e in (prev, new)]


def _factors(arg: Basic) -> list[Basic]:
    if isinstance(arg, Product):
        return [arg.function]
    return list(Mul.make_args(arg))


def _logs_of_products(prev: Basic, new: Basic) -> list[Basic]:
    found = []
    for side in _sides(prev, new):
        for lg in unfold(side).atoms(log):
            if isinstance(lg.args[0], (Mul, Product)):
                found.append(lg.args[0])
    return found


def _log_of_product_conditions(prev: Basic, new: Basic, facts: Facts) -> list[Condition]:
    bad = [str(f) for arg in _logs_of_products(prev, new) for f in _factors(arg)
           if not is_positive(f, facts)]
    detail = f"not known to be positive: {', '.join(sorted(set(bad)))}" if bad else ""
    factors = sorted({f for arg in _logs_of_products(prev, new) for f in _factors(arg)},
                     key=default_sort_key)
    formula = And(*(StrictGreaterThan(f, 0, evaluate=False) for f in factors)) if factors \
        else None
    return [Condition("every factor positive", not bad, detail, formula=formula)]


def _log_of_product_fits(prev: Basic, new: Basic) -> str | None:
    if not _logs_of_products(prev, new):
        return "no logarithm of a product on either side"
    return None


def _deltas_in_sums(prev: Basic, new: Basic) -> list[tuple[Basic, Basic, Basic, dict]]:
    """(hot index, lower bound, upper bound, bounds of the other summation variables) for every
    delta that a sum can collapse."""
    found = []
    for side in _sides(prev, new):
        for s in unfold(side).atoms(Sum):
            bounds = {v: (lo, hi) for v, lo, hi in s.limits}
            for v, lo, hi in s.limits:
                for d in s.function.atoms(KroneckerDelta):
                    a, b = d.args
                    hot = b if a == v else a if b == v else None
                    if hot is not None:
                        others = {w: r for w, r in bounds.items() if w != v}
                        found.append((hot, lo, hi, others))
    return found


def _one_hot_conditions(prev: Basic, new: Basic, facts: Facts) -> list[Condition]:
    conditions: dict[str, Condition] = {}
    for hot, lo, hi, enclosing in _deltas_in_sums(prev, new):
        holds = in_range(hot, lo, hi, facts, enclosing)
        text = f"{lo} <= {hot} <= {hi}"
        if text not in conditions or holds:
            conditions[text] = Condition(
                text, holds,
                "" if holds else f"no hypothesis puts the integer {hot} in [{lo}, {hi}]",
                formula=Between(lo, hot, hi))
    return list(conditions.values())


def _one_hot_fits(prev: Basic, new: Basic) -> str | None:
    return None if _deltas_in_sums(prev, new) else "no Kronecker delta inside a sum"


def _definition_fits(prev: Basic, new: Basic) -> str | None:
    for side in _sides(prev, new):
        if side.atoms(InformationMeasure) or side.atoms(AppliedUndef):
            return None
    return "no defined quantity (H, KL, a defined function) on either side"


algebra = Rule("algebra", "rearranging terms: linearity of sums, collecting, cancelling", _EQ)

log_of_product = Rule(
    "log_of_product", "the logarithm of a product is the sum of the logarithms", _EQ,
    conditions=_log_of_product_conditions, fits=_log_of_product_fits)

one_hot_collapse = Rule(
    "one_hot_collapse", "a sum against a Kronecker delta picks out one term", _EQ,
    conditions=_one_hot_conditions, fits=_one_hot_fits)

definition = Rule(
    "definition", "unfolding or folding a definition (H, KL, or a defined function)", _EQ,
    fits=_definition_fits)

#: Every equality rule by name.
EQUALITY_RULES = {r.name: r for r in (algebra, log_of_product, one_hot_collapse, definition)}
