"""Shared by the catalogue tests: checking that a counterexample is genuine, and wrong steps."""

from __future__ import annotations

import pytest
from sympy import Basic, Indexed, Rational, Symbol
from sympy.core.function import AppliedUndef

from derivations.checking.grade import check_step
from derivations.kernel.canonical import prepare
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Facts
from derivations.language.results import Status, StepResult
from derivations.language.step import Step


def value_at(expr: Basic, values: dict[str, str], facts: Facts) -> float:
    """``expr`` at a counterexample's point, by substitution and ``doit`` (not the sampler)."""
    e = prepare(expr, facts)
    for _ in range(4):
        atoms = {str(a): a for a in e.atoms(Symbol, Indexed, AppliedUndef) if str(a) in values}
        e = e.xreplace({a: Rational(values[name]) for name, a in atoms.items()}).doit()
    return float(e.evalf(30))


def assert_genuine(r: StepResult, facts: Facts, names: set[str]) -> None:
    """A counterexample naming ``names`` at which both sides really differ, as shown."""
    assert r.status is Status.FAILED and r.counterexample is not None, r.describe()
    values = dict(r.counterexample.values)
    assert names <= values.keys()
    for side, shown in ((r.previous, r.counterexample.lhs), (r.step.expr, r.counterexample.rhs)):
        assert value_at(side, values, facts) == pytest.approx(float(shown), rel=1e-3, abs=1e-4)


def wrong(d: Derivation, index: int, step: Step, facts: Facts | None = None) -> StepResult:
    """Check ``step`` in place of step ``index`` of ``d`` (the steps before are kept)."""
    return check_step(index, d.expressions[index - 1], step, facts or d.facts, seed=11)
