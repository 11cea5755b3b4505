"""Positivity: when the hypotheses prove an expression positive or non-negative.

SymPy's assumptions (which come from declared hypotheses only) decide atoms; sums, products and
powers are judged structurally; a fractional part is relaxed to a variable over a larger range.
:func:`not_smooth` names the first operation that may jump, for the monotone-transform check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sympy import (
    Basic,
    Dummy,
    KroneckerDelta,
    Pow,
    S,
    Sum,
    acos,
    asin,
    atan,
    ceiling,
    exp,
    expand,
    floor,
    frac,
    log,
    together,
)

from derivations.kernel.canonical import canonical, prepare
from derivations.language.hypotheses import Facts


def not_smooth(expr: Basic, u: Basic) -> str | None:
    """The first operation on ``u`` in ``expr`` that is not smooth where defined, or None.

    Strict monotonicity follows from the sign of T' only for T continuous on the interval: a
    Piecewise, floor or sign can jump while its derivative stays positive. Parts of T that do
    not involve ``u`` are constants and may be anything.
    """
    if u not in expr.free_symbols or expr.is_Atom:
        return None
    if not (expr.is_Add or expr.is_Mul or expr.is_Pow or isinstance(expr, (exp, log))):
        return type(expr).__name__
    return next((r for a in expr.args if (r := not_smooth(a, u)) is not None), None)




#: Functions SymPy calls irrational, hence nonzero, at every rational argument, though
#: atan(0) = asin(0) = 0 and acos(1) = 0: with n a nonnegative integer, SymPy holds atan(n) > 0
#: (red-team r08; ``tests/kernel/test_vetted_functions.py`` scans every vetted function).
_RATIONAL_LIARS = (asin, acos, atan)


def sympy_decides(e: Basic) -> bool:
    """Whether SymPy's assumptions may be asked about ``e``: not where it applies a function
    of :data:`_RATIONAL_LIARS` to an argument SymPy knows rational."""
    return not any(f.args[0].is_rational is True for f in e.atoms(*_RATIONAL_LIARS))


def is_positive(expr: Basic, facts: Facts) -> bool:
    """True when the hypotheses prove ``expr > 0`` (SymPy's assumptions, after unfolding; with
    ``1 - a`` positive where ``0 < a < 1`` is declared)."""
    e = facts.complement(prepare(expr, facts))
    return bool(e.is_positive is True and sympy_decides(e))


def _nonnegative(e: Basic) -> bool:
    """A structural proof of ``e >= 0``: SymPy's assumptions, extended through sums, products
    and squares (a sum over a non-empty range of non-negative terms is non-negative); a
    Kronecker delta and one minus a delta are 0 or 1."""
    if (e.is_nonnegative is True and sympy_decides(e)) or isinstance(e, KroneckerDelta) \
            or _delta_complement(e):
        return True
    if isinstance(e, Sum):
        return all((hi - lo + 1).is_nonnegative for _, lo, hi in e.limits) and _nonnegative(
            e.function)
    if e.is_Add and _over_one_denominator(e, _nonnegative):
        return True
    if e.is_Add or e.is_Mul:
        return all(_nonnegative(a) for a in e.args)
    if e.is_Pow:
        base, exp = e.args
        if exp.is_nonnegative is not True:  # a negative power is undefined where its base is 0
            return _positive(base) and exp.is_real is True
        if exp.is_integer and exp.is_even and base.is_real:
            return True
        return _nonnegative(base) and exp.is_real is True
    return False


def _over_one_denominator(e: Basic, judge: Callable[[Basic], bool]) -> bool:
    """``judge`` of the sum ``e`` brought over one common denominator (``1 - 1/(1 + e^-a)`` is
    ``e^-a / (1 + e^-a)``), where it has a fraction in it: equal to ``e`` wherever ``e`` is
    defined, which is for the caller to show."""
    if not any(p.exp.is_negative for p in e.atoms(Pow)):
        return False
    combined = together(e)
    return combined != e and not combined.is_Add and judge(combined)


def _delta_complement(e: Basic) -> bool:
    """``1 - delta_{ab}``, which is 0 or 1 (a Kronecker delta is 0 or 1)."""
    if not (e.is_Add and len(e.args) == 2 and S.One in e.args):
        return False
    other = e.args[0] if e.args[1] == 1 else e.args[1]
    return isinstance(-other, KroneckerDelta)


def _positive(e: Basic) -> bool:
    """A structural proof of ``e > 0``, like :func:`_nonnegative`."""
    if e.is_positive is True and sympy_decides(e):
        return True
    if isinstance(e, Sum):
        return all((hi - lo).is_nonnegative for _, lo, hi in e.limits) and _positive(e.function)
    if e.is_Add:
        if all(_nonnegative(a) for a in e.args) and any(_positive(a) for a in e.args):
            return True
        return _over_one_denominator(e, _positive)
    if e.is_Mul:
        return all(_positive(a) for a in e.args)
    if e.is_Pow:
        base, exp = e.args
        return _positive(base) and exp.is_real is True
    return False


def _relaxations(e: Basic) -> list[Basic]:
    """``e`` with every fractional part replaced by a variable over a larger range: [0, oo)
    (for lower bounds) and (-oo, 1) (for the upper). A bound proved on a relaxation holds."""
    if not e.has(frac, ceiling, floor):
        return [e]
    e = e.replace(ceiling, lambda x: x + frac(-x)).replace(floor, lambda x: x - frac(x))
    low = {f: Dummy("f", nonnegative=True) for f in e.atoms(frac)}
    high = {f: 1 - Dummy("g", positive=True) for f in e.atoms(frac)}
    return [expand(e.xreplace(low)), expand(e.xreplace(high))]


def _forms(expr: Basic, facts: Facts) -> Iterator[Basic]:
    """``expr`` as written, with ``1 - a`` a positive stand-in where ``0 < a < 1`` is declared,
    and in canonical form."""
    plain = prepare(expr, facts)
    yield plain
    if facts.intervals:
        yield facts.complement(plain)
    yield canonical(expr, facts)


def is_nonnegative(expr: Basic, facts: Facts) -> bool:
    """True when the hypotheses prove ``expr >= 0``, as written or in canonical form."""
    return any(_nonnegative(r) for form in _forms(expr, facts) for r in _relaxations(form))


def is_strictly_positive(expr: Basic, facts: Facts) -> bool:
    """True when the hypotheses prove ``expr > 0`` (structurally, as for is_nonnegative)."""
    return any(_positive(r) for form in _forms(expr, facts) for r in _relaxations(form))
