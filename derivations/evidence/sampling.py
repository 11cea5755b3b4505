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

import functools
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

import mpmath
from sympy import (
    Abs,
    Basic,
    CRootOf,
    Derivative,
    Dummy,
    Expr,
    Float,
    Function,
    Heaviside,
    IndexedBase,
    Integer,
    Integral,
    Mod,
    Piecewise,
    Poly,
    Pow,
    Product,
    S,
    Sum,
    acoth,
    atanh,
    ceiling,
    cot,
    coth,
    csc,
    csch,
    default_sort_key,
    digamma,
    exp,
    floor,
    frac,
    gamma,
    log,
    loggamma,
    minimal_polynomial,
    pi,
    postorder_traversal,
    sec,
    sign,
    tan,
    zeta,
)
from sympy.core.evalf import PrecisionExhausted
from sympy.core.function import AppliedUndef
from sympy.polys.polyerrors import CoercionFailed, NotAlgebraic, PolynomialError

from derivations._compat import _sympify
from derivations.evidence.arithmetic import Number
from derivations.evidence.evaluator import Evaluator, Undefined, Unsupported, inexact
from derivations.evidence.point import (
    EmptyDomain,
    Point,
    hot_sizes,
    landmarks,
    nodes,
    substitute,
)
from derivations.kernel import judge
from derivations.kernel.canonical import prepare
from derivations.language import vocabulary
from derivations.language.hypotheses import Facts, generic_entry
from derivations.language.notation import InformationMeasure, XLogY, unfold
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


def _evaluate(e: Basic, digits: int) -> Number | None:
    """The value of a side with every atom substituted: exact when it is rational, else at
    ``digits`` digits; None where it is undefined or not real."""
    value = _presum_shared(e, digits).evalf(digits) if not e.is_Rational else e
    if not value.is_number or value.is_real is not True or not value.is_finite:
        return None
    if isinstance(value, Float) and value._prec < 8 and value._mpf_[2] > 33220:
        return None  # a "zero" of no digits past 10^10000 ("0.e+1982..."): evalf's answer for a
        # divergent integral (r09); one of no digits below that, a difference that cancels
        # below its reach, is judged by _precise before it decides anything
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    return mpmath.mpf(str(value))


@dataclass
class Evaluation:
    """Both sides' values at one point (exact fractions where the arithmetic is rational), and
    how to evaluate them again at the same point with more digits."""

    point: Point
    values: list[Number | None]
    again: Callable[[int], list[Number | None]]
    #: the sides with the point put in, where the exact path evaluated them (``evalf``)
    written: list[Basic] | None = None


def _defined(evaluator: Evaluator, side: Basic) -> Number | None:
    """The side's value, or None where exact arguments show it has none."""
    try:
        return evaluator.value(side)
    except Undefined:
        return None


def evaluate_at(new_point: Callable[[], _P], sides: list[Basic], rng: random.Random,
                settings: CheckSettings) -> Evaluation:
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
        values: list[Number | None] = [_defined(evaluator, s) for s in sides]

        def again(digits: int) -> list[Number | None]:
            finer = Evaluator(point, settings.replace(working_digits=digits))
            return [_defined(finer, s) for s in sides]

        return Evaluation(point, values, again)
    except Unsupported:
        rng.setstate(state)
        point = new_point()
        point.exact = True
        written = point.fix_values(point.fix_structure(sides))
        return Evaluation(point, [_evaluate(s, settings.digits) for s in written],
                          lambda digits: [_evaluate(s, digits) for s in written], written)


def at_point(new_point: Callable[[], _P], sides: list[Basic], rng: random.Random,
             settings: CheckSettings) -> tuple[_P, list[mpmath.mpf | None]]:
    """:func:`evaluate_at`, with every value as an ``mpf`` (for code that compares with double
    precision)."""
    found = evaluate_at(new_point, sides, rng, settings)
    point: _P = found.point  # type: ignore[assignment]  # the point new_point made
    return point, [None if v is None else inexact(v) for v in found.values]


def _shown_apart(a: Number, b: Number, digits: int,
                 gap: mpmath.mpf | None = None) -> tuple[str, ...]:
    """Both values with enough digits that their texts differ (when the values do). Where they
    differ only past ``digits``, a third text: their difference ``gap`` (or ``a - b``)."""
    if isinstance(a, Fraction) and isinstance(b, Fraction) and a.denominator == 1 \
            and b.denominator == 1:
        return str(a.numerator), str(b.numerator)
    x, y = inexact(a), inexact(b)
    shown = 12
    while mpmath.nstr(x, shown) == mpmath.nstr(y, shown) and x != y and shown < digits:
        shown = min(digits, shown * 2)
    left, right = mpmath.nstr(x, shown), mpmath.nstr(y, shown)
    if left == right and (gap if gap is not None else x - y) != 0:
        return left, right, mpmath.nstr(gap if gap is not None else x - y, 3)
    return left, right


def _settled(found: Evaluation, settings: CheckSettings, sides: list[Basic],
             owners: Owners = ()) -> bool:
    """Whether the values of a would-be counterexample can be trusted: with 20 more working
    digits each side keeps its value to 10 significant digits (or stays without one), and,
    where the fast evaluator gave them, SymPy's ``evalf`` (which raises its precision where a
    difference cancels) finds the same. A value lost to cancellation (``1 - sigma(a)`` at
    a = 10^6, where 1 and sigma(a) agree to 400000 digits; an exactly cancelled term beside a
    tiny one) would make a false counterexample. Exact values are settled. ``sides`` are
    the two sides and then the denominators they lost (:func:`_lost_denominators`), whose
    sides ``owners`` gives."""
    if all(v is None or isinstance(v, Fraction) for v in found.values):
        return True
    digits = settings.working_digits + 20
    try:
        with mpmath.workdps(digits):
            finer = found.again(digits)
            if not _same_values(found.values, finer):
                return False
            if found.written is not None:  # evalf's values: each to the digits asked for
                return all(_precise(w, settings.digits) for w in found.written)
            if not any(_extreme(v) for v in found.values):
                return True  # (cancellation leaves its mark: a value far below or above 1)
            written = found.point.fix_values(found.point.fix_structure(sides, again=True))
            return _same_values(found.values, _fold(
                [_evaluate(w, settings.digits) for w in written], owners),
                digits=settings.tolerance_digits) \
                and all(_precise(w, settings.digits) for w in written)
    except (Unsupported, EmptyDomain):
        return False


def _precise(e: Basic, digits: int) -> bool:
    """Whether SymPy's ``evalf`` gives the value of ``e`` (a side with a point put in) to
    ``digits`` digits, and not a guess. Where a difference cancels below what its precision can
    reach, ``evalf`` returns a zero of no digits: ``1 - 1/(1 + e^-t)`` at t = 5 * 10^12 is
    "0.e-165", whose log is about -332 at 30 digits and -492 at 100, not -5 * 10^12; the sum
    around it keeps its first ten digits, so a comparison of precisions does not see it (a
    false refutation of a true step, outside author's F12). ``strict`` evaluation raises there.
    A subexpression it cannot tell from zero that is algebraic and proved zero (by its minimal
    polynomial: the probe's exact roots, r^5 - r - 1 at a root r, red-team q02) is zero."""
    for _ in range(_MAX_ZEROS):
        try:
            e.evalf(digits, strict=True)
            return True
        except PrecisionExhausted:
            culprit = next((n for n in postorder_traversal(e) if _exhausts(n, digits)), None)
            if culprit is None or not _algebraic_zero(culprit):
                return False
            e = e.xreplace({culprit: S.Zero})
        except (ValueError, TypeError, ArithmeticError):
            return False
    return False


#: :func:`_precise` proves at most this many subexpressions zero.
_MAX_ZEROS = 8


def _exhausts(node: Basic, digits: int) -> bool:
    if not isinstance(node, Expr) or node.is_Atom or not node.is_number:
        return False
    try:
        node.evalf(digits, strict=True)
        return False
    except PrecisionExhausted:
        return True
    except (ValueError, TypeError, ArithmeticError):
        return False


def _algebraic_zero(e: Basic) -> bool:
    """``e`` is a polynomial with rational coefficients in one algebraic number ``g`` (a root
    the probe found, ``CRootOf``, or a rational power of a rational) that the minimal
    polynomial of ``g`` divides: exactly zero. (The minimal polynomial of ``e`` itself would
    decide more, but takes seconds to minutes where ``e`` has large coefficients.)"""
    if e.atoms(Function):
        return False
    generators = e.atoms(CRootOf) | {p for p in e.atoms(Pow) if p.base.is_Rational
                                     and p.exp.is_Rational and not p.exp.is_Integer}
    if len(generators) != 1 or any(not p.exp.is_Integer for p in e.atoms(Pow)
                                   if p not in generators):
        return False
    (g,) = generators
    try:
        polynomial = Poly(e.xreplace({g: _X}), _X, domain="QQ")
        return polynomial.rem(Poly(minimal_polynomial(g, _X), _X, domain="QQ")).is_zero
    except (NotAlgebraic, PolynomialError, CoercionFailed, NotImplementedError, ValueError,
            TypeError, ArithmeticError):
        return False


_X = Dummy("x")


def _extreme(v: Number | None) -> bool:
    """A value whose magnitude is past 10^30 either way, or an inexact zero: where a
    cancellation of the fast evaluator's may hide, and evalf is asked to confirm it."""
    if v is None or isinstance(v, Fraction):
        return False
    x = abs(inexact(v))
    return x == 0 or x < mpmath.mpf(10) ** -30 or x > mpmath.mpf(10) ** 30


def _same_values(coarse: list[Number | None], fine: list[Number | None], *,
                 digits: int = 10) -> bool:
    """Both lists have values at the same places, equal to ``digits`` significant digits."""
    for a, b in zip(coarse, fine, strict=True):
        if (a is None) != (b is None):
            return False
        if a is not None and b is not None:
            x, y = inexact(a), inexact(b)
            if abs(x - y) > mpmath.mpf(10) ** -digits * max(abs(x), abs(y)):
                return False
    return True


@functools.lru_cache(maxsize=1024)
def _lost_denominators(side: Basic, prepared: Basic, facts: Facts) -> tuple[Basic, ...]:
    """The denominators ``side`` divides by as written (``judge.written_denominators``: those
    holding a sum, a product or an integral), prepared, that its prepared form no longer
    divides by: renaming the variables of two sums alike lets SymPy cancel
    ``sum_i w_i / sum_j w_j`` to 1, and the hyperplane where the sum vanishes, where the side
    has no value, would go unseen (red-team q05). None under a ``Piecewise`` (whose other
    branch may be taken where one vanishes), nor one that mentions a variable the side binds
    (its value depends on that variable). The same for every check of a side: computed once
    (a step's new side is the next step's previous one)."""
    if side.has(Piecewise):
        return ()
    plain = unfold(side) if side.has(InformationMeasure) else side  # (unfold walks the tree)
    if not any(isinstance(n, Pow) and (n.base.has(Sum, Product, Integral) or not (
            n.exp.is_number and n.exp.is_nonnegative)) for n in nodes([plain])):
        return ()  # no denominator: none to lose (the common case)
    bound = set().union(*(n.variables for n in nodes([side])
                          if isinstance(n, (Sum, Product, Integral))))
    kept = {p.base for p in nodes([prepared]) if isinstance(p, Pow)
            and p.exp.is_nonnegative is not True}
    lost: list[Basic] = []
    for written in judge.written_denominators(side, facts):
        if written.free_symbols & bound:
            continue
        d = prepare(written, facts)
        if not d.is_number and d not in kept and -d not in kept and d not in lost:
            lost.append(d)
    return tuple(lost)


@functools.lru_cache(maxsize=1024)
def _poles(prepared: Basic, facts: Facts) -> tuple[tuple[Basic, Basic], ...]:
    """The base and the exponent of each power ``b^e`` of a prepared side whose exponent is a
    formula that may be negative: the side has no value where ``b`` is exactly zero and ``e``
    negative. The exact path substitutes a point's integers before its reals, and SymPy then
    combines ``b^n b^-n`` to 1 before ``b`` is seen to vanish (at x = sqrt 2 in
    (x^2 - 2)^n (x^2 - 2)^-n: red-team m06, m07); evaluated beside the side, as a lost
    denominator is, the pole stays. (Both are plain expressions, which the fast evaluator
    takes: a point it can judge is not sent to the exact path, where x^(n^2) at n = 10^6 is
    a rational of a trillion digits.) None under a ``Piecewise``, nor one whose base or
    exponent mentions a variable the side binds."""
    if prepared.has(Piecewise) or not any(
            isinstance(n, Pow) and not n.exp.is_number for n in nodes([prepared])):
        return ()
    bound = set().union(*(n.variables for n in nodes([prepared])
                          if isinstance(n, (Sum, Product, Integral))))
    poles: list[tuple[Basic, Basic]] = []
    for power in judge.dividing_powers(prepared, facts):
        if power.exp.is_number or (power.free_symbols & bound):
            continue
        if (power.base, power.exp) not in poles:
            poles.append((power.base, power.exp))
    return tuple(poles)


#: For each expression evaluated after the two sides, the side it belongs to, and what it is:
#: a denominator (the side has no value where it is zero or has none), a defined function's
#: formula at its arguments (where it has none), or the base of a power, the next entry being
#: its exponent (where the base is zero and the exponent negative).
Owners = tuple[tuple[int, str], ...]


@functools.lru_cache(maxsize=1024)
def _instances(side: Basic, facts: Facts) -> tuple[Basic, ...]:
    """The formula of each defined function ``side`` applies, at its arguments, prepared
    (``Facts.definition_instances``): ``x r(x)`` with ``r(t) = 1/t`` is prepared to 1, and
    1/x, evaluated beside it, has no value at x = 0 (red-team r05; a formula with a log, a
    series or an integral in it the same, r09). None that mentions a variable the side binds
    (its value depends on that variable), nor under a ``Piecewise``."""
    return tuple(prepare(f, facts) for f in _instance_forms(side, facts))


@functools.lru_cache(maxsize=1024)
def _instance_forms(side: Basic, facts: Facts) -> tuple[Basic, ...]:
    """:func:`_instances` as substituted, before they are prepared."""
    if not facts.definitions or side.has(Piecewise):
        return ()
    plain = unfold(side) if side.has(InformationMeasure) else side
    bound = set().union(*(n.variables for n in nodes([plain])
                          if isinstance(n, (Sum, Product, Integral))))
    found: list[Basic] = []
    pending = facts.definition_instances(plain)
    while pending:
        instance = pending.pop(0)
        if instance.free_symbols & bound or instance in found:
            continue
        found.append(instance)
        pending += facts.definition_instances(instance)
    return tuple(found)


@functools.lru_cache(maxsize=1024)
def _written_partials(side: Basic, prepared: Basic, facts: Facts) -> tuple[Basic, ...]:
    """Each application in ``side`` as written of a function that may have no value
    (``judge._partial``: gamma, a log, Mod, ...), prepared, that its prepared form has lost:
    once a summation variable is renamed to an integer, SymPy makes sin(pi j) gamma(x) the
    number 0, and gamma's poles go unseen (red-team t01). None that mentions a variable the
    side binds, nor under a ``Piecewise``."""
    if side.has(Piecewise):
        return ()
    plain = unfold(side) if side.has(InformationMeasure) else side
    bound = set().union(*(n.variables for n in nodes([plain])
                          if isinstance(n, (Sum, Product, Integral))))
    kept = set(nodes([prepared]))
    found: list[Basic] = []
    for node in nodes([plain]):
        if isinstance(node, (Function, Mod)) and not isinstance(node, AppliedUndef) \
                and not node.free_symbols & bound \
                and judge._partial(node, facts, prepared=False) is node:
            value = prepare(node, facts)
            if value not in kept and value not in found:
                found.append(value)
    return tuple(found)


@functools.lru_cache(maxsize=1024)
def _carried_derivatives(side: Basic, facts: Facts) -> tuple[Basic, ...]:
    """Each derivative of ``side`` carried out on its own (``canonical.differentiated``):
    where the function has no derivative, the formula has a pole that SymPy cancels in
    context (sqrt(x^2 + y^2) d/dx sqrt(x^2 + y^2) is x, and d/dx sqrt(x^2 + y^2) has no value
    at 0: red-team u02). None that mentions a variable the side binds."""
    from derivations.kernel.canonical import differentiated

    plain = unfold(side) if side.has(InformationMeasure) else side
    if not plain.has(Derivative) or plain.has(Piecewise):
        return ()
    bound = set().union(*(n.variables for n in nodes([plain])
                          if isinstance(n, (Sum, Product, Integral))))
    found: list[Basic] = []
    for d in sorted(plain.atoms(Derivative), key=default_sort_key):
        if d.free_symbols & bound:
            continue
        carried = differentiated(d, facts)
        if not carried.has(Derivative) and carried not in found:
            found.append(carried)
    return tuple(found)


@functools.lru_cache(maxsize=1024)
def _term_poles(side: Basic, facts: Facts) -> tuple[tuple[Basic, str], ...]:
    """Where a term of a sum or product of ``side``, or an entry of a vector, has no value,
    as a product over the range: ``prod_j d_j`` for each denominator ``d_j`` of the term as
    written that the kernel does not show nonzero on the range (a "denominator": the side
    has no value where it is zero), and ``prod_j f_j`` for each application ``f_j`` of a
    function that may have no value there (a "value": the side has none where it has none).
    Renamed to an integer, the summation variable lets SymPy make sin(pi j)/j, or
    sin(pi j) cot(pi j / 2), the number 0 (red-team s05, t01); the product keeps the pole.
    Only for a term that mentions no other bound variable, with constant or free bounds."""
    from sympy.core.parameters import evaluate

    from derivations.kernel import order
    from derivations.language.notation import Vector

    if side.has(Piecewise):
        return ()
    terms = [(v.rule.expr, v.rule.variables[0], Integer(1), v.size)
             for v in side.atoms(Vector)]
    plain = unfold(side) if side.has(InformationMeasure) else side
    terms += [(n.function, *n.limits[0]) for n in nodes([plain])
              if isinstance(n, (Sum, Product)) and len(n.limits) == 1]
    bound = set().union(*(n.variables for n in nodes([plain])
                          if isinstance(n, (Sum, Product, Integral))))
    found: list[tuple[Basic, str]] = []
    for body, v, lo, hi in terms:
        if (lo.free_symbols | hi.free_symbols) & bound or lo.is_infinite or hi.is_infinite:
            continue
        j, inside = order._generic(lo, hi, facts)
        with evaluate(False):
            term = body.xreplace({v: j})
        candidates = [(p.base, "denominator") for p in judge.dividing_powers(term, inside)
                      if not judge._never_zero(p.base, inside)]
        candidates += [(f, "value") for f in nodes([term])
                       if isinstance(f, Function) and not isinstance(f, AppliedUndef)
                       and (judge._partial(f, inside, prepared=False) is f
                            or judge.undefined_xlogy(f, inside) is f)]
        for e, kind in candidates:
            if j not in e.free_symbols or (e.free_symbols - {j}) & bound:
                continue
            with evaluate(False):
                entry = Product(e.xreplace({j: v}), (v, lo, hi))
            entry = prepare(entry, facts)
            if (entry, kind) not in found:
                found.append((entry, kind))
    return tuple(found)


def _fold(values: list[Number | None], owners: Owners) -> list[Number | None]:
    """The two sides' values from those of the sides and of what is evaluated beside them
    (after them, each of the side ``owners`` gives): a side has no value where one of its lost
    denominators is exactly zero or has none, or where a formula it unfolds has none."""
    if not owners:
        return values
    folded = list(values[:2])
    extra = values[2:]
    for index, ((owner, kind), d) in enumerate(zip(owners, extra, strict=True)):
        zero = isinstance(d, Fraction) and d == 0
        if kind == "exponent":
            continue
        if kind == "base":
            e = extra[index + 1]
            if e is None or (zero and e < 0):
                folded[owner] = None
        elif d is None or (kind == "denominator" and zero):
            folded[owner] = None
    return folded


def _folded(found: Evaluation, owners: Owners) -> Evaluation:
    """``found`` with its values folded (:func:`_fold`), again when evaluated more finely."""
    if not owners:
        return found
    return Evaluation(found.point, _fold(found.values, owners),
                      lambda digits: _fold(found.again(digits), owners), found.written)


#: A refinement doubles the working digits at most this many times (100 -> 400 digits).
_REFINEMENTS = 2


def _judged(compare: Comparison, found: Evaluation,
            settings: CheckSettings) -> tuple[bool, mpmath.mpf | None] | None:
    """Whether the two values satisfy ``compare``, and the difference of the sides that decided
    it (``None`` when exact). Exactly, when both values are exact; else within the relative
    tolerance, unless the tolerance is what decides. Then a gap is rounding only if it is at the
    level of rounding relative to the sides themselves; otherwise the sides are evaluated again
    with twice the digits, up to :data:`_REFINEMENTS` times: a gap that does not shrink tenfold
    is a real difference (``log(1 + 10^-80)`` against ``10^-80`` differs by 5e-161, a gap
    that 100 digits cannot see and 200 digits show), one at the rounding level of unit-sized
    intermediates at the finer precision is rounding. None: the tolerance would decide, and no
    finer evaluation can (the point judges nothing)."""
    a, b = found.values
    assert a is not None and b is not None
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return compare(a, b, Fraction(0)), None
    return _judged_inexact(compare, found, settings, inexact(a), inexact(b))


def _judged_inexact(compare: Comparison, found: Evaluation, settings: CheckSettings,
                    x: mpmath.mpf, y: mpmath.mpf) -> tuple[bool, mpmath.mpf | None] | None:
    """:func:`_judged` for values of which one at least is inexact."""
    scale = max(mpmath.mpf(1), abs(x), abs(y))
    exact, tolerant = compare(x, y, mpmath.mpf(0)), compare(
        x, y, mpmath.mpf(10) ** -settings.tolerance_digits * scale)
    gap = abs(x - y)
    sides = max(abs(x), abs(y))
    if exact == tolerant or gap <= mpmath.mpf(10) ** (12 - settings.working_digits) * sides:
        return tolerant, x - y  # agreed either way, or a gap at the level of rounding
    digits = settings.working_digits
    before = (x, y)
    for _ in range(_REFINEMENTS):
        digits *= 2
        try:
            with mpmath.workdps(digits):
                finer = found.again(digits)
                if finer[0] is None or finer[1] is None:
                    return None  # no value with more digits: the tolerance cannot decide
                fx, fy = inexact(finer[0]), inexact(finer[1])
                refined = abs(fx - fy)
                rounding = mpmath.mpf(10) ** (12 - digits) * max(
                    mpmath.mpf(1), abs(fx), abs(fy))
                if any(v == 0 and not isinstance(f, Fraction)
                       for v, f in ((fx, finer[0]), (fy, finer[1]))) and refined <= rounding:
                    # an inexact zero is a cancellation of unit-sized terms: a gap below their
                    # rounding is no difference (1 + tanh(a/2) at a = -10^6, 0 against e^-a)
                    return tolerant, x - y
                if any(abs(old - new) > mpmath.mpf(10) ** -10 * max(abs(old), abs(new))
                       for old, new in zip(before, (fx, fy), strict=True)):
                    return None  # a side lost its digits to cancellation: not judged here
                before = (fx, fy)
                if refined * 10 > gap:  # it did not shrink: a real difference
                    return exact, +(fx - fy)
                if refined <= mpmath.mpf(10) ** (12 - digits) * max(
                        mpmath.mpf(1), abs(fx), abs(fy)):
                    return tolerant, x - y  # rounding at the finer precision
        except (Unsupported, EmptyDomain):
            # no finer evaluation (quadrature past its digits): a gap at the rounding of the
            # comparison's own digits is rounding; a larger one is not judged (p03)
            if gap <= mpmath.mpf(10) ** (12 - settings.digits) * max(mpmath.mpf(1), sides):
                return tolerant, x - y
            return None
        gap = refined
    return tolerant, x - y


#: Where functions of one variable have isolated poles or singularities (one of each family,
#: where the family is infinite): the probe makes these vanish, as it does denominators.
_POLES: dict[type, Callable[..., tuple[Basic, ...]]] = {
    zeta: lambda s, *a: (s - 1,),
    gamma: lambda z: (z,), loggamma: lambda z: (z,), digamma: lambda z: (z,),
    atanh: lambda z: (z - 1, z + 1), acoth: lambda z: (z - 1, z + 1),
    cot: lambda z: (z, z - pi), csc: lambda z: (z, z - pi), coth: lambda z: (z,),
    csch: lambda z: (z,), tan: lambda z: (z - pi / 2, z + pi / 2),
    sec: lambda z: (z - pi / 2, z + pi / 2),
    Mod: lambda p, q: (q,),
}


def critical(sides: list[Basic]) -> list[Basic]:
    """The subexpressions whose zeros are where a side may stop being defined or smooth: a
    power whose exponent may be negative (the point makes its base vanish and, where a free
    integer of the exponent allows, its exponent negative), the argument of a log, both
    arguments of ``x log y``, the argument of |x| or sign x, the argument of a floor, ceiling
    or fractional part less 0, 1 or -1 (where it jumps; Mod(p, q) where p - c q is 0), and
    where a function of
    :data:`_POLES` has a pole (zeta at 1, gamma at 0, Mod(p, 0), ...). Those with a sum's
    index in them are left out (their zeros depend on the index)."""
    found: set[Basic] = set()
    for node in nodes(sides):
        if isinstance(node, Pow) and node.exp.is_nonnegative is not True:  # x^(k - 2) too
            found.add(node if node.exp.free_symbols else node.base)
        elif isinstance(node, (log, Abs, sign, Heaviside)):
            found.add(node.args[0])
        elif isinstance(node, XLogY):
            found.update(node.args)
        elif isinstance(node, (floor, ceiling, frac)) and not node.args[0].is_number:
            # a jump where the argument is an integer: 3x + 1/11 = 1 at x = 10/33, a point no
            # draw gives (every drawn real has a power of ten for denominator: red-team r02)
            found.update(node.args[0] - c for c in (0, 1, -1))
        elif isinstance(node, exp) and len(node.args[0].free_symbols) == 1:
            # the top of a bump exp(-c Q(y)^2) is where the exponent is stationary (q02)
            found.add(node.args[0].diff(next(iter(node.args[0].free_symbols))))
        elif isinstance(node, tuple(_POLES)):
            found.update(_POLES[type(node)](*node.args))  # type: ignore[attr-defined]
        if isinstance(node, Mod) and not node.args[0].is_number:
            # Mod(p, q) jumps where p/q is an integer, as floor does (s09)
            found.update(node.args[0] - c * node.args[1] for c in (0, 1, -1))
    bound = set().union(*(n.variables for n in nodes(sides)
                          if isinstance(n, (Sum, Product, Integral))))
    return sorted((c for c in found if not c.is_number and not c.free_symbols & bound),
                  key=default_sort_key)


def _meeting(sides: list[Basic]) -> list[Basic]:
    """The difference of the two sides, when it is free of sums and products (whose zeros
    depend on their indices): a probe makes it vanish where it has a rational root, the point
    where ``0 < (3x - 1)^2`` is false."""
    difference = sides[0] - sides[1]
    if difference.is_number or any(isinstance(n, (Sum, Product, Integral))
                                   for n in nodes([difference])):
        return []
    return [difference]


def _probes(found: list[Basic], rng: random.Random) -> list[tuple[Basic, ...]]:
    """What the probing points make vanish, in turn: each critical expression alone, and every
    pair of them (two at once: x log y with x + z = 0 and y = 0), in a random order, at most
    :data:`_PROBES`."""
    subsets = [(c,) for c in found] + list(itertools.combinations(found, 2))
    rng.shuffle(subsets)
    return subsets[:_PROBES]


#: At most this many different probes per comparison, and every this many points one is used.
_PROBES = 64
_PROBE_EVERY = 2
#: Where the magnitudes of successive far points lie (``Point.reach``).
_REACHES = ("huge", "tiny", "")


@dataclass(frozen=True)
class _Verdict:
    """What one point showed: a counterexample, agreement (neither field set), or, in
    ``skipped``, why it judged nothing."""

    counterexample: Counterexample | None = None
    skipped: str = ""


def _not_real(point: Point, sides: list[Basic], settings: CheckSettings) -> tuple[str, str] | None:
    """Both sides' values as text where neither is a real number and one at least is a finite
    complex number whose imaginary part stays clear of zero at two precisions, else None. An
    order between such values is no true statement about the point: sqrt(x) - 1 <= sqrt(x)
    at x = -4 reads -1 + 2i <= 2i (red-team m04). A side with no value at all (1/0, log 0)
    is not one."""
    try:
        written = point.fix_values(point.fix_structure(sides[:2], again=True))
    except (Unsupported, EmptyDomain):
        return None
    texts, shown = [], False
    for w in written:
        values: list[tuple[mpmath.mpf, mpmath.mpf] | None] = []
        for digits in (settings.digits, settings.digits + 20):
            v = _presum_shared(w, digits).evalf(digits)
            if not (v.is_number and v.is_finite is True):
                values.append(None)
                continue
            re, im = (mpmath.mpf(str(part.evalf(digits))) for part in v.as_real_imag())
            values.append((re, im))
        coarse, fine = values
        if coarse is None or fine is None:
            texts.append("undefined")
            continue
        (re, im), (_, fine_im) = coarse, fine
        scale = max(mpmath.mpf(1), abs(re), abs(im))
        if abs(im) <= mpmath.mpf(10) ** -10 * scale \
                or abs(im - fine_im) > mpmath.mpf(10) ** -10 * scale \
                or not _precise(w, settings.digits):
            return None  # real, or an imaginary part that is rounding: no verdict here
        shown = True
        sign = "-" if im < 0 else "+"
        texts.append(f"{mpmath.nstr(re, 12)} {sign} {mpmath.nstr(abs(im), 12)}i (not real)")
    return (texts[0], texts[1]) if shown else None


def _verdict(found: Evaluation, compare: Comparison, settings: CheckSettings,
             sides: list[Basic], owners: Owners, *, ordered: bool = False) -> _Verdict:
    """Judge the two values of one point: a point where the tolerance would decide and no
    finer evaluation can, where the values change with the precision, or where neither side
    has a value, judges nothing; a point where one side only has a value is a counterexample.
    ``sides`` and ``owners`` as for :func:`_settled`."""
    point, (a, b) = found.point, found.values
    both = a is not None and b is not None
    judged = _judged(compare, found, settings) if both else None
    if both and judged is None:
        where = ", ".join(f"{n}={v}" for n, v in point.names) or "the only point"
        return _Verdict(skipped=f"at {where} the sides differ by less than the tolerance and "
                                "cannot be evaluated more finely")
    if ((a is None) != (b is None) or (judged is not None and not judged[0])) \
            and not _settled(found, settings, sides, owners):
        return _Verdict(skipped=f"the values at {', '.join(f'{n}={v}' for n, v in point.names)} "
                                "change with the working precision (cancellation): not judged")
    if (a is None) != (b is None):  # defined on one side only, at a point of the domain
        return _Verdict(Counterexample(
            tuple(point.names),
            "undefined" if a is None else _shown_apart(a, a, settings.digits)[0],
            "undefined" if b is None else _shown_apart(b, b, settings.digits)[0]))
    if a is None and b is None and ordered:  # no order between values that are not real
        texts = _not_real(point, sides, settings)
        if texts is not None:
            return _Verdict(Counterexample(tuple(point.names), *texts))
    if a is None or b is None:
        return _Verdict(skipped=f"could not evaluate both sides to real numbers at "
                                f"{', '.join(f'{n}={v}' for n, v in point.names)}")
    assert judged is not None
    holds, gap = judged
    if not holds:
        return _Verdict(Counterexample(tuple(point.names),
                                       *_shown_apart(a, b, settings.digits, gap)))
    return _Verdict()


#: The tie probes (``Point.tie``) tried after the random points, where a step has a family
#: whose entries are drawn in their domain: every entry equal, then some entries equal. A
#: cross-check of a proved step (two random points) tries the first only.
_TIES = ("every", "some")


def _tied_families(sides: list[Basic], facts: Facts) -> bool:
    """Whether ``sides`` use a family whose entries are drawn one by one in their domain (not a
    ranged family of integers, nor a simplex, drawn otherwise): one whose entries can tie."""
    for node in nodes(sides):
        if isinstance(node, IndexedBase):
            generic = generic_entry(node)
            if facts.range_of(generic) is None \
                    and not any(s.covers(generic) for s in facts.simplices):
                return True
    return False


def sample(lhs: Basic, rhs: Basic, facts: Facts, compare: Comparison, settings: CheckSettings,
           *, points: int, seed: int, large: bool = True, ordered: bool = False,
           enough: int | None = None) -> SampleOutcome:
    """Compare both sides at ``points`` random points; stop at the first counterexample (or
    once ``enough`` points agree). A point where neither side has a value judges nothing: up
    to ``points`` of them are replaced by further points. Then, where the sides use a family
    whose entries can tie, a point for each of :data:`_TIES` (random draws almost never tie,
    and the tie is where an extremum bound is tight, m08), and one at each size where a delta
    is hot (``point.hot_sizes``, m05); they come after the random points, so that these are
    drawn as they would be without them, and are not counted among them.

    ``large=False`` keeps sizes small: for a cross-check of a step already proved, where the
    hunt for counterexamples at large sizes is not needed. ``ordered``: the step is an
    inequality, false where a side is a complex number that is not real (:func:`_not_real`).
    """
    blocked = vocabulary.unsupported(_sympify(lhs), _sympify(rhs))
    if blocked is not None:  # no point has a value for what it binds: nothing is drawn
        return SampleOutcome(0, None, blocked.reason)
    written = [_sympify(lhs), _sympify(rhs)]
    base = [prepare(side, facts) for side in written]
    # the denominators a side lost to its preparation are evaluated after both sides (q05)
    # and so are the formulas of the defined functions it applies, each at its arguments (r05)
    lost = [(n, d, "denominator") for n, side in enumerate(written)
            for d in _lost_denominators(side, base[n], facts)]
    lost += [(n, d, "value") for n, side in enumerate(written) for d in _instances(side, facts)]
    lost += [(n, f, "value") for n, side in enumerate(written)
             for f in _written_partials(side, base[n], facts)]
    lost += [(n, e, kind) for n, side in enumerate(written) for e, kind in _term_poles(side, facts)]
    lost += [(n, e, "value") for n, side in enumerate(written)
             for e in _carried_derivatives(side, facts)]
    # and the same of each defined function's formula where it is applied (u01)
    lost += [(n, e, kind) for n, side in enumerate(written) for form in _instance_forms(side, facts)
             for e, kind in (*((f, "value") for f in _written_partials(
                 form, prepare(form, facts), facts)), *_term_poles(form, facts),
                 *((d, "denominator") for d in _lost_denominators(
                     form, prepare(form, facts), facts)))]
    lost += [(n, e, kind) for n in range(2) for pole in _poles(base[n], facts)
             for e, kind in zip(pole, ("base", "exponent"), strict=True)]
    owners = tuple((n, kind) for n, _, kind in lost)
    evaluated = base + [d for _, d, _ in lost]
    rng = random.Random(seed)
    # where the two sides meet is where a strict inequality fails and an equality holds
    meeting = tuple(_meeting(base))
    found_critical = critical(base)
    found_critical += [d for _, d, kind in lost if kind in ("denominator", "base")
                       and d not in found_critical]
    found_critical += [c for c in critical([d for _, d, kind in lost if kind == "value"])
                       if c not in found_critical]
    probes = _probes(found_critical + list(meeting), rng)
    constants = landmarks(base)
    agreed = 0
    reason = ""
    undefined = 0  # points where both sides were undefined: drawn again, up to ``points`` more
    with mpmath.workdps(settings.digits):
        for n in range(2 * points):
            if n - min(undefined, points) >= points:
                break
            far = n % 3 == 2 if large else n % 2 == 1  # every few points, other magnitudes
            reach = _REACHES[(n // 3) % len(_REACHES)] if large else ""
            # every few points, one that makes critical expressions vanish where it can
            zeros = probes[(n // _PROBE_EVERY) % len(probes)] \
                if probes and n % _PROBE_EVERY == 1 else ()
            # a point at the step's constants: every fourth of a hunt, the second of a cross-check
            visit = n % 4 == 2 if large else n == 1
            near = constants if visit else ()
            try:
                found = _folded(evaluate_at(
                    lambda: Point(facts, rng, settings, large=large, far=far,  # noqa: B023
                                  reach=reach, zeros=zeros, landmarks=near,  # noqa: B023
                                  meeting=meeting),
                    evaluated, rng, settings), owners)
            except EmptyDomain as exc:
                reason = str(exc)
                continue
            verdict = _verdict(found, compare, settings, evaluated, owners, ordered=ordered)
            if verdict.counterexample is not None:
                return SampleOutcome(agreed, verdict.counterexample)
            if verdict.skipped:
                reason = verdict.skipped
                undefined += 1
                continue
            agreed += 1
            if enough is not None and agreed >= enough:
                break
        # probes after the random points (which they leave as drawn), not counted among them
        ties = (_TIES if large else _TIES[:1]) if _tied_families(base, facts) else ()
        extra: list[tuple[str, dict[Basic, Integer]]] = [(tie, {}) for tie in ties]
        extra += [("", {size: value}) for size, value in hot_sizes(base, facts)]
        for tie, sizes in extra:
            try:
                found = _folded(evaluate_at(
                    lambda: Point(facts, rng, settings, large=large, tie=tie,  # noqa: B023
                                  sizes=sizes),  # noqa: B023
                    evaluated, rng, settings), owners)
            except EmptyDomain:
                continue
            verdict = _verdict(found, compare, settings, evaluated, owners, ordered=ordered)
            if verdict.counterexample is not None:
                return SampleOutcome(agreed, verdict.counterexample)
    return SampleOutcome(agreed, None, "" if agreed else reason or "no point was evaluated")
