"""Order by structure: ``low <= high`` through monotone contexts, sums and extrema.

:func:`proves_le` is what the ``inequality`` rule falls back on when the difference of the two
sides is not non-negative term by term. It takes the two sides apart in step, and each way of
taking them apart is a textbook fact whose side conditions are judged here, by the hypotheses:

* a monotone context: ``exp a <= exp b`` and ``log a <= log b`` (``a > 0``) from ``a <= b``;
  ``a^n <= b^n`` for a constant ``n > 0`` and ``a >= 0`` (for ``n < 0`` and ``b > 0``, from
  ``b <= a``); ``c a <= c b`` for a common factor ``c >= 0`` (from ``b <= a`` for ``c <= 0``);
  ``a + c <= b + c``, and more generally two sums of terms matched pairwise, the terms left
  over on the larger side non-negative and those on the smaller side non-positive;
* across ``log``: ``a <= log y`` from ``exp a <= y`` (``y > 0``, ``a`` real), and
  ``log x <= b`` from ``x <= exp b`` (``x > 0``, ``b`` real);
* sums over a range: ``sum_{A} f <= sum_{B} g`` when ``A`` is a forwards range inside ``B``,
  ``f(j) <= g(j)`` for a generic ``j`` of ``A`` and ``g(j) >= 0`` for a generic ``j`` of
  ``B`` (term-wise bounds, and dropping non-negative terms); ``a <= sum_j f(j)`` when
  ``a <= f(t)`` for some ``t`` in the range and every term is non-negative;
  ``sum_{j=lo}^{hi} f(j) <= n M`` where ``n = hi - lo + 1 >= 1`` and ``f(j) <= M`` for a
  generic ``j`` (and the same below);
* extrema (``MaxOver``, ``MinOver``) over a range proved non-empty: an entry in range is at most
  the max, the max is at most whatever bounds a generic entry (and the reverse for the min).

A generic ``j`` is a fresh integer whose range is added to the hypotheses, so what is proved of
it holds for every index in the range. Each judgement is sound on its own and they compose;
anything not proved is "not proved". Strict inequalities go through the strictly monotone
contexts only (``exp``, ``log``, powers, a positive factor, one term against one term, an
extremum, a single term of a sum); a strict bound is never inferred by dropping terms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sympy import (
    Add,
    Basic,
    Dummy,
    Indexed,
    Max,
    Min,
    Mul,
    Pow,
    Sum,
    Symbol,
    cancel,
    default_sort_key,
    exp,
    expand_power_exp,
    log,
)

from derivations.kernel.binders import freshen
from derivations.kernel.canonical import prepare
from derivations.kernel.positivity import is_nonnegative, is_strictly_positive
from derivations.language.hypotheses import Facts, IndexRange
from derivations.language.notation import Extremum, MaxOver, MinOver

#: How deep the sides are taken apart: each level is one monotone context or one fact.
_DEPTH = 10
#: Two sums of more terms than this many pairs are compared by their leftovers only (the
#: pairwise matching tries every pair, each through every context).
_PAIRS = 64


def proves_le(low: Basic, high: Basic, facts: Facts, *, strict: bool) -> bool:
    """``low <= high`` (``low < high`` when ``strict``) by the structure of the two sides."""
    return _le(low, high, facts, strict, _DEPTH)


def _sign_proved(e: Basic, facts: Facts, strict: bool) -> bool:
    return (is_strictly_positive if strict else is_nonnegative)(e, facts)


def _le(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    # a complex side has no order, whatever its difference (i x <= i x + 1): every side met is
    # real (the step's own sides may be proved by their difference alone, as before)
    real = _real(a, facts) and _real(b, facts)
    if depth < _DEPTH and not real:
        return False
    if _sign_proved(b - a, facts, strict):
        return True
    if depth <= 0 or not real:
        return False
    return any(judgement(a, b, facts, strict, depth - 1) for judgement in _JUDGEMENTS)


# -- monotone contexts ------------------------------------------------------------------------


def _same_function(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """``exp``, ``log`` and a power with one constant exponent, applied to both sides."""
    if isinstance(a, exp) and isinstance(b, exp):
        return _le(a.args[0], b.args[0], facts, strict, depth)
    if isinstance(a, log) and isinstance(b, log) and len(a.args) == len(b.args) == 1:
        return is_strictly_positive(a.args[0], facts) and _le(a.args[0], b.args[0], facts,
                                                              strict, depth)
    if isinstance(a, Pow) and isinstance(b, Pow) and a.exp == b.exp and a.exp.is_number:
        n = a.exp
        if n.is_positive:  # increasing on [0, oo)
            return is_nonnegative(a.base, facts) and _le(a.base, b.base, facts, strict, depth)
        if n.is_negative:  # decreasing on (0, oo)
            return is_strictly_positive(b.base, facts) and _le(b.base, a.base, facts, strict,
                                                              depth)
    return False


def _common(xs: tuple[Basic, ...], ys: tuple[Basic, ...]) -> tuple[list[Basic], list[Basic],
                                                                   list[Basic]]:
    """The factors (terms) ``xs`` and ``ys`` share, as multisets, and what is left of each."""
    rest = list(ys)
    shared, left = [], []
    for x in xs:
        if x in rest:
            rest.remove(x)
            shared.append(x)
        else:
            left.append(x)
    return shared, left, rest


def _common_factor(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """``c x <= c y`` from ``x <= y`` for ``c >= 0`` (``c > 0`` when strict), or from
    ``y <= x`` for ``c <= 0`` (``c < 0``); one side may be ``c`` alone (``x`` or ``y`` is 1:
    ``delta_cy delta_ux <= delta_ux``)."""
    if not (isinstance(a, Mul) or isinstance(b, Mul)):
        return False
    shared, left, right = _common(Mul.make_args(a), Mul.make_args(b))
    if not shared:
        return False
    c, x, y = Mul(*shared), Mul(*left), Mul(*right)
    if _sign_proved(c, facts, strict):
        return _le(x, y, facts, strict, depth)
    if _sign_proved(-c, facts, strict):
        return _le(y, x, facts, strict, depth)
    return False


def _terms(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """Two sums of terms: common terms cancel; the rest are matched pairwise (each term of
    the smaller side at most one of the larger side's), the larger side's unmatched terms
    non-negative and the smaller side's non-positive. Strict only for one term against one."""
    if not (isinstance(a, Add) or isinstance(b, Add)):
        return False
    _, left, right = _common(Add.make_args(a), Add.make_args(b))
    if strict:
        return len(left) == len(right) == 1 and _le(left[0], right[0], facts, True, depth)
    if (len(left), len(right)) == (1, 1) and (left[0], right[0]) == (a, b):
        return False  # nothing was taken apart
    unmatched = []
    tried = depth if len(left) * len(right) <= _PAIRS else 0  # (past that, leftovers only)
    for t in left:
        partner = next((u for u in right if _le(t, u, facts, False, tried)), None)
        if partner is None:
            unmatched.append(t)
        else:
            right.remove(partner)
    return is_nonnegative(-Add(*unmatched), facts) and is_nonnegative(Add(*right), facts)


def _across_log(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """``a <= log y`` from ``exp a <= y``; ``log x <= b`` from ``x <= exp b`` (both sides of
    the log's argument positive, the other side real)."""
    if isinstance(b, log) and len(b.args) == 1 and not isinstance(a, log):
        return (is_strictly_positive(b.args[0], facts) and _real(a, facts)
                and _le(exp(a), b.args[0], facts, strict, depth))
    if isinstance(a, log) and len(a.args) == 1 and not isinstance(b, log):
        return (is_strictly_positive(a.args[0], facts) and _real(b, facts)
                and _le(a.args[0], expand_power_exp(exp(b)), facts, strict, depth))
    return False


def _real(e: Basic, facts: Facts) -> bool:
    return prepare(e, facts).is_real is True


# -- sums over a range ------------------------------------------------------------------------


def _limit(s: Basic) -> tuple[Basic, Basic, Basic, Basic] | None:
    """The body and limit ``(body, j, lo, hi)`` of a finite sum with one limit, or None."""
    if not isinstance(s, Sum) or len(s.limits) != 1:
        return None
    (v, lo, hi), = s.limits
    if lo.is_infinite or hi.is_infinite or lo.has(v) or hi.has(v):
        return None
    return s.function, v, lo, hi


def _generic(lo: Basic, hi: Basic, facts: Facts) -> tuple[Dummy, Facts]:
    """A fresh integer ``j`` with ``lo <= j <= hi`` added to the hypotheses."""
    signs = {"positive": True} if lo.is_positive else (
        {"nonnegative": True} if lo.is_nonnegative else {})
    j = Dummy("j", integer=True, **signs)
    return j, replace(facts, ranges=(*facts.ranges, IndexRange(j, lo, hi)))


def _at(body: Basic, v: Basic, t: Basic) -> Basic:
    """``body`` with ``v`` replaced by ``t``, its inner binders made fresh first."""
    return freshen(body).xreplace({v: t})


def _forwards(lo: Basic, hi: Basic, facts: Facts) -> bool:
    return is_nonnegative(hi - lo + 1, facts)


def _terms_nonnegative(body: Basic, v: Basic, lo: Basic, hi: Basic, facts: Facts) -> bool:
    j, inside = _generic(lo, hi, facts)
    return is_nonnegative(_at(body, v, j), inside)


def _sum_sum(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """``sum_{A} f <= sum_{B} g``: ``A`` a forwards range inside ``B``, ``f <= g`` term-wise on
    ``A`` and ``g >= 0`` on ``B`` (when ``B`` is larger)."""
    small, large = _limit(a), _limit(b)
    if strict or small is None or large is None:
        return False
    f, v, lo, hi = small
    g, w, lo2, hi2 = large
    if not (_forwards(lo, hi, facts) and is_nonnegative(lo - lo2, facts)
            and is_nonnegative(hi2 - hi, facts)):
        return False
    same = lo == lo2 and hi == hi2
    if not same and not _terms_nonnegative(g, w, lo2, hi2, facts):
        return False
    j, inside = _generic(lo, hi, facts)
    return _le(_at(f, v, j), _at(g, w, j), inside, False, depth)


def _candidates(a: Basic) -> list[Basic]:
    """The integers ``a`` is about: the indices of its entries, its integer symbols and the
    bounds of its extrema."""
    found = {i for x in a.atoms(Indexed) for i in x.indices}
    found |= {b for e in a.atoms(Extremum) for b in (e.lo, e.hi)}
    found |= {s for s in a.free_symbols if isinstance(s, Symbol) and s.is_integer}
    return sorted(found, key=default_sort_key)


def _one_term(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """``a <= sum_j f(j)`` when ``a <= f(t)`` for some ``t`` of the range and every term of the
    sum is non-negative."""
    large = _limit(b)
    if large is None:
        return False
    f, v, lo, hi = large
    for t in _candidates(a):
        if within(t, lo, hi, facts) and _le(a, _at(f, v, t), facts, strict, depth):
            return _terms_nonnegative(f, v, lo, hi, facts)
    return False


def _count_times(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """``sum_{j=lo}^{hi} f(j) <= n M`` with ``n = hi - lo + 1 >= 1`` and ``f(j) <= M`` for a
    generic ``j``; and ``n m <= sum_j f(j)`` with ``m <= f(j)``."""
    for side, other, below in ((a, b, True), (b, a, False)):
        found = _limit(side)
        if found is None:
            continue
        f, v, lo, hi = found
        n = hi - lo + 1
        if not is_strictly_positive(n, facts):
            continue
        bound = cancel(other / n) if not (other / n).has(Sum, Extremum) else other / n
        if bound.has(v):
            continue
        j, inside = _generic(lo, hi, facts)
        term = _at(f, v, j)
        if _le(term, bound, inside, strict, depth) if below else _le(bound, term, inside,
                                                                     strict, depth):
            return True
    return False


# -- extrema ----------------------------------------------------------------------------------


def nonempty(e: Extremum, facts: Facts) -> bool:
    """Whether the hypotheses prove that ``e`` ranges over at least one entry: its bounds are
    integers and ``lo <= hi``."""
    if not (e.lo.is_integer is True and e.hi.is_integer is True):
        return False
    return is_nonnegative(e.hi - e.lo, facts) or is_strictly_positive(e.hi - e.lo + 1, facts)


def within(t: Basic, lo: Basic, hi: Basic, facts: Facts) -> bool:
    """``lo <= t <= hi`` for the integer ``t``: by its declared range, or by the bounds."""
    return facts.in_range(t, lo, hi) or (t.is_integer is True and is_nonnegative(t - lo, facts)
                                         and is_nonnegative(hi - t, facts))


def _entry_of(e: Extremum, a: Basic, bound: Callable[[Basic], bool], facts: Facts) -> bool:
    """Some entry ``x_t`` of ``e``'s range (``t`` among what ``a`` is about) for which
    ``bound(x_t)`` is proved."""
    return any(within(t, e.lo, e.hi, facts) and bound(e.entry(t)) for t in _candidates(a))


def _extremum(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """``a <= max`` from ``a <= x_t``, ``t`` in range; ``max <= b`` from ``x_j <= b`` for a
    generic ``j`` of a non-empty range; the same, mirrored, for the min."""
    if isinstance(b, MaxOver) and _entry_of(
            b, a, lambda x: _le(a, x, facts, strict, depth), facts):
        return True
    if isinstance(a, MinOver) and _entry_of(
            a, b, lambda x: _le(x, b, facts, strict, depth), facts):
        return True
    if isinstance(a, MaxOver) and nonempty(a, facts):
        j, inside = _generic(a.lo, a.hi, facts)
        if _le(a.entry(j), b, inside, strict, depth):
            return True
    if isinstance(b, MinOver) and nonempty(b, facts):
        j, inside = _generic(b.lo, b.hi, facts)
        if _le(a, b.entry(j), inside, strict, depth):
            return True
    return False


def _max_min(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """SymPy's ``Max`` and ``Min`` of finitely many arguments: ``a <= Max(...)`` from ``a``
    below one argument, ``Max(...) <= b`` from every argument below ``b``; mirrored for
    ``Min``."""
    if isinstance(b, Max) and any(_le(a, x, facts, strict, depth) for x in b.args):
        return True
    if isinstance(a, Min) and any(_le(x, b, facts, strict, depth) for x in a.args):
        return True
    if isinstance(a, Max) and all(_le(x, b, facts, strict, depth) for x in a.args):
        return True
    return isinstance(b, Min) and all(_le(a, x, facts, strict, depth) for x in b.args)


def _rearranged(a: Basic, b: Basic, facts: Facts, strict: bool, depth: int) -> bool:
    """``a <= P - N`` from ``a + N <= P``: the terms with a minus sign move to the other side
    (``0 <= log sum_j exp(z_j) - z_y`` is ``z_y <= log sum_j exp(z_j)``)."""
    terms = Add.make_args(b)
    negative = [t for t in terms if t.could_extract_minus_sign()]
    if not negative or len(negative) == len(terms):
        return False
    moved = Add(*(-t for t in negative))
    return _le(a + moved, Add(*(t for t in terms if t not in negative)), facts, strict, depth)


_Judgement = Callable[[Basic, Basic, Facts, bool, int], bool]

#: The ways of taking two sides apart, tried in order.
_JUDGEMENTS: tuple[_Judgement, ...] = (
    _same_function, _common_factor, _terms, _sum_sum, _one_term, _count_times, _extremum,
    _max_min, _across_log, _rearranged,
)

