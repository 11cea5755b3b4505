"""Numeric evidence: evaluate both sides at random points of the hypotheses' domain.

Values are exact rationals and the evaluation runs at ``CheckSettings.digits`` significant
digits (60 by default), so agreement is judged far beyond double precision. Sampling never
proves anything; it finds counterexamples, and where no proof is found it is recorded as the
weakest evidence grade.

Undefined functions are modelled as random functions: each distinct application gets its own
value. That is a legitimate interpretation of opaque functions, so every counterexample found is
a real one (at worst, two applications equal in meaning but not in form get different values,
which can only reject a step, never accept one).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import mpmath
from sympy import Basic

from derivations._compat import _sympify
from derivations.evidence.evaluator import Evaluator, Unsupported, inexact
from derivations.evidence.point import EmptyDomain, Point, nodes, substitute
from derivations.kernel.canonical import prepare
from derivations.language.hypotheses import Facts
from derivations.language.results import Counterexample
from derivations.settings import CheckSettings

Comparison = Callable[[mpmath.mpf, mpmath.mpf, mpmath.mpf], bool]


def equal(a: mpmath.mpf, b: mpmath.mpf, tol: mpmath.mpf) -> bool:
    return bool(abs(a - b) <= tol)


def at_most(a: mpmath.mpf, b: mpmath.mpf, tol: mpmath.mpf) -> bool:
    return bool(a <= b + tol)


def at_least(a: mpmath.mpf, b: mpmath.mpf, tol: mpmath.mpf) -> bool:
    return bool(a + tol >= b)


def below(a: mpmath.mpf, b: mpmath.mpf, tol: mpmath.mpf) -> bool:
    """``a < b`` by more than the tolerance: equal sides refute a strict inequality."""
    return bool(a < b - tol)


def above(a: mpmath.mpf, b: mpmath.mpf, tol: mpmath.mpf) -> bool:
    return bool(a > b + tol)


@dataclass(frozen=True)
class SampleOutcome:
    agreed: int
    counterexample: Counterexample | None = None
    undecided: str = ""


#: A subexpression shared by several parts of a side, and this large (in tree nodes), is
#: evaluated once before the side is (at :data:`_GUARD_DIGITS` more digits than the side).
_SHARED_NODES = 100
_GUARD_DIGITS = 20

_P = TypeVar("_P", bound=Point)


def _presum_shared(e: Basic, digits: int) -> Basic:
    """``e`` with each large shared subexpression replaced by its value (evalf walks a tree, so a
    softmax's denominator, in every one of k terms, would otherwise be summed k times)."""
    uses: dict[int, int] = {}
    size: dict[int, int] = {}
    order: list[Basic] = []
    for node in nodes([e]):
        order.append(node)
        for a in node.args:
            uses[id(a)] = uses.get(id(a), 0) + 1
    for node in reversed(order):  # every argument is sized before its parent
        size[id(node)] = 1 + sum(size.get(id(a), 1) for a in node.args)
    if size[id(e)] < 2 * _SHARED_NODES:
        return e
    values: dict[Basic, Basic] = {}
    for node in order:
        if uses.get(id(node), 0) > 1 and size[id(node)] >= _SHARED_NODES:
            value = node.evalf(digits + _GUARD_DIGITS)
            if value.is_Number and value.is_real is True and value.is_finite:
                values[node] = value
    return substitute(e, values) if values else e


def _evaluate(e: Basic, digits: int) -> mpmath.mpf | None:
    value = _presum_shared(e, digits).evalf(digits)
    if not value.is_number or value.is_real is not True or not value.is_finite:
        return None
    return mpmath.mpf(str(value)) if not value.is_Rational else mpmath.mpf(value.p) / value.q


def at_point(new_point: Callable[[], _P], sides: list[Basic], rng: random.Random,
             settings: CheckSettings) -> tuple[_P, list[mpmath.mpf | None]]:
    """A new random point and the values of ``sides`` there (None: undefined or not real).

    The fast evaluator (:mod:`evidence.evaluator`) answers when it can; where it cannot tell as
    the exact path would (an undefined value, say), the point is drawn again from the same
    random state and judged by the exact path: substitution, sums written out, ``evalf``.
    """
    state = rng.getstate()
    point = new_point()
    try:
        point.fix_free(sides)
        evaluator = Evaluator(point, settings)
        return point, [inexact(evaluator.value(s)) for s in sides]
    except Unsupported:
        rng.setstate(state)
        point = new_point()
        return point, [_evaluate(s, settings.digits)
                       for s in point.fix_values(point.fix_structure(sides))]


def sample(lhs: Basic, rhs: Basic, facts: Facts, compare: Comparison, settings: CheckSettings,
           *, points: int, seed: int, large: bool = True) -> SampleOutcome:
    """Compare both sides at ``points`` random points; stop at the first counterexample.

    ``large=False`` keeps sizes small: for a cross-check of a step already proved, where the
    hunt for counterexamples at large sizes is not needed.
    """
    base = [prepare(_sympify(lhs), facts), prepare(_sympify(rhs), facts)]
    rng = random.Random(seed)
    agreed = 0
    reason = ""
    tolerance = mpmath.mpf(10) ** -settings.tolerance_digits
    with mpmath.workdps(settings.digits):
        for _ in range(points):
            try:
                point, (a, b) = at_point(lambda: Point(facts, rng, settings, large=large), base,
                                        rng, settings)
            except EmptyDomain as exc:
                reason = str(exc)
                continue
            if (a is None) != (b is None):  # defined on one side only, at a point of the domain
                return SampleOutcome(agreed, Counterexample(
                    tuple(point.names), "undefined" if a is None else mpmath.nstr(a, 12),
                    "undefined" if b is None else mpmath.nstr(b, 12)))
            if a is None or b is None:
                reason = (f"could not evaluate both sides to real numbers at "
                          f"{', '.join(f'{n}={v}' for n, v in point.names)}")
                continue
            tol = tolerance * max(mpmath.mpf(1), abs(a), abs(b))
            if not compare(a, b, tol):
                return SampleOutcome(agreed, Counterexample(
                    tuple(point.names), mpmath.nstr(a, 12), mpmath.nstr(b, 12)))
            agreed += 1
    return SampleOutcome(agreed, None, "" if agreed else reason or "no point was evaluated")
