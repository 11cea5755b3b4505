"""Sound canonicalisation of expressions with sums over a symbolic number of terms.

Every rewrite here is an equivalence under the declared hypotheses, never a heuristic:

* information quantities and defined functions are unfolded (definitions are hypotheses);
* ``expand_log`` without ``force``: a log of a product splits only where SymPy's assumptions,
  which come from declared hypotheses, prove every factor positive;
* linearity of finite sums and products (``_linearise``), valid for any bounds;
* delta summation ``sum_{j=lo}^{hi} delta_{j a} f(j) = f(a)``, only where the hypotheses prove
  ``lo <= a <= hi`` for the integer ``a``;
* renaming bound variables to names fixed by nesting depth, so that sums over ``j`` and over
  ``l`` compare equal;
* ``sum_j p_j = 1`` for a whole row of a declared ``Simplex`` (a hypothesis, used visibly).

:func:`prove_equal` accepts only a difference that reduces to the literal zero. Anything else is
"not proved", never "proved": the caller then gathers weaker evidence or a counterexample.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from sympy import (
    Add,
    Basic,
    Derivative,
    Dummy,
    Expr,
    IndexedBase,
    KroneckerDelta,
    Mul,
    Pow,
    Product,
    S,
    Sum,
    Symbol,
    cancel,
    ceiling,
    exp,
    expand,
    expand_log,
    factor_terms,
    floor,
    frac,
    log,
    powsimp,
)

from derivations._compat import _sympify
from derivations.language.hypotheses import Facts
from derivations.language.notation import unfold

_BOUND_PREFIX = "_b"
_ROUNDS = 4
_bound_cache: dict[int, Symbol] = {}


def bound_symbol(depth: int) -> Symbol:
    """The canonical bound variable of a sum at nesting ``depth``."""
    if depth not in _bound_cache:
        _bound_cache[depth] = Symbol(f"{_BOUND_PREFIX}{depth}", integer=True)
    return _bound_cache[depth]


def _rebuild(e: Basic, args: list[Basic]) -> Basic:
    return e if list(e.args) == args else e.func(*args)


def _variables(limits: tuple) -> set[Basic]:
    return {lim[0] for lim in limits}


def _bounds_free_of(limits: tuple, names: set[Basic]) -> bool:
    return not any(names & (lim[1].free_symbols | lim[2].free_symbols) for lim in limits)


def _linearise(e: Basic) -> Basic:
    """Distribute finite sums over + and pull index-free factors out (products likewise).

    SymPy merges nested sums into one ``Sum`` with several limits (innermost first), so every
    rule here works on the whole tuple of limits.
    """
    if not e.args or isinstance(e, Symbol):
        return e
    e = _rebuild(e, [_linearise(a) for a in e.args])
    if not isinstance(e, (Sum, Product)):
        return e
    f, limits = e.function, e.limits
    names = _variables(limits)
    if isinstance(e, Sum):
        if f.is_Add:
            return Add(*[_linearise(Sum(t, *limits)) for t in f.args])
        if not (names & f.free_symbols) and _bounds_free_of(limits, names):
            return f * Mul(*[hi - lo + 1 for _, lo, hi in limits])
        if f.is_Mul:
            free = [a for a in f.args if not names & a.free_symbols]
            if free:
                bound = [a for a in f.args if names & a.free_symbols]
                return Mul(*free) * _linearise(Sum(Mul(*bound), *limits))
            if len(limits) > 1 and _bounds_free_of(limits, names):
                return _separate(f, limits)
            merged = _merge_inner(f, limits, names)
            if merged is not None:
                return _linearise(merged)
        return e
    if len(limits) == 1:
        v, lo, hi = limits[0]
        if v not in f.free_symbols:
            return Pow(f, hi - lo + 1)
        if f.is_Mul:
            return Mul(*[_linearise(Product(a, (v, lo, hi))) for a in f.args])
    return e


def _merge_inner(f: Basic, limits: tuple, names: set[Basic]) -> Basic | None:
    """``sum_j a_j (sum_r b_{j r}) = sum_j sum_r a_j b_{j r}`` when r's bounds do not involve j
    (finite sums, so distributing is exact); then deltas across both indices can collapse."""
    for factor in f.args:
        if not isinstance(factor, Sum):
            continue
        inner = _variables(factor.limits)
        rest = [a for a in f.args if a is not factor]
        if (_bounds_free_of(factor.limits, names) and not inner & names
                and not any(inner & a.free_symbols for a in rest)):
            return Sum(Mul(*rest) * factor.function, *factor.limits, *limits)
    return None


def _separate(f: Basic, limits: tuple) -> Basic:
    """``sum_i sum_j a_i b_j = (sum_i a_i)(sum_j b_j)`` when no factor mixes the indices."""
    groups: dict[Basic, list[Basic]] = {lim[0]: [] for lim in limits}
    for factor in f.args:
        used = [lim[0] for lim in limits if lim[0] in factor.free_symbols]
        if len(used) != 1:
            return Sum(f, *limits)
        groups[used[0]].append(factor)
    return Mul(*[_linearise(Sum(Mul(*groups[lim[0]]), lim)) for lim in limits])


def _collapse_deltas(e: Basic, facts: Facts,
                     enclosing: dict[Basic, tuple[Basic, Basic]] | None = None) -> Basic:
    """Delta summation where the hypotheses, or an enclosing sum's bounds, put the index in range.
    """
    enclosing = enclosing or {}
    if not e.args or isinstance(e, Symbol):
        return e
    inner = enclosing
    if isinstance(e, Sum):
        inner = {**enclosing, **{v: (lo, hi) for v, lo, hi in e.limits}}
    e = _rebuild(e, [_collapse_deltas(a, facts, inner) for a in e.args])
    if not isinstance(e, Sum):
        return e
    f, limits = e.function, e.limits
    names = _variables(limits)
    for n, (v, lo, hi) in enumerate(limits):
        others = limits[:n] + limits[n + 1:]
        if not _bounds_free_of(others, {v}):
            continue
        for factor in Mul.make_args(f):
            if not isinstance(factor, KroneckerDelta):
                continue
            a, b = factor.args
            hot = b if a == v else a if b == v else None
            # the hot index may depend on outer summation variables, not on inner ones (unless
            # every bound is constant: then the sums commute)
            inner_vars = set() if _bounds_free_of(limits, names) else _variables(limits[:n])
            if (hot is None or v in hot.free_symbols or inner_vars & hot.free_symbols
                    or not in_range(hot, lo, hi, facts, {**enclosing, **{
                        w: (wlo, whi) for w, wlo, whi in limits[n + 1:]}})):
                continue
            # fresh binders inside first: hot may mention an enclosing index that a nested sum
            # also binds, and a plain substitution would capture it
            rest = _freshen(Mul(*[g for g in Mul.make_args(f) if g is not factor]))
            rest = rest.xreplace({v: hot})
            return _collapse_deltas(Sum(rest, *others) if others else rest, facts, enclosing)
    return e


def in_range(hot: Basic, lo: Basic, hi: Basic, facts: Facts,
              enclosing: dict[Basic, tuple[Basic, Basic]]) -> bool:
    """``lo <= hot <= hi`` from a hypothesis, or from the bounds of an enclosing sum over hot."""
    if hot in enclosing:
        hlo, hhi = enclosing[hot]
        return bool((hlo - lo).is_nonnegative is True and (hi - hhi).is_nonnegative is True)
    return facts.in_range(hot, lo, hi)


#: A sum with concrete bounds and at most this many terms is written out.
_EXPLICIT_TERMS = 16


def _write_out(e: Basic) -> Basic:
    """Sums over a small concrete range become explicit additions (``doit``, exact)."""
    return e.replace(
        lambda x: isinstance(x, (Sum, Product)) and all(
            lo.is_Integer and hi.is_Integer and 0 <= hi - lo < _EXPLICIT_TERMS
            for _, lo, hi in x.limits),
        lambda x: x.doit(deep=False))


def _total_mass(e: Basic, facts: Facts) -> Basic:
    """``sum_j p_j = 1`` wherever a whole row of a declared simplex is summed."""
    if not facts.simplices or not e.args or isinstance(e, Symbol):
        return e
    e = _rebuild(e, [_total_mass(a, facts) for a in e.args])
    if not isinstance(e, Sum):
        return e
    limits = e.limits
    for n, (v, lo, hi) in enumerate(limits):
        others = limits[:n] + limits[n + 1:]
        if _bounds_free_of(others, {v}) and any(
                simplex.is_total(e.function, v, lo, hi) for simplex in facts.simplices):
            return _linearise(Sum(S.One, *others)) if others else S.One
    return e


def _freshen(e: Basic) -> Basic:
    """Every binder gets a variable of its own, used nowhere else (fresh Dummies): after this no
    substitution or renaming can capture a variable."""
    if isinstance(e, (Sum, Product)):
        mapping = {lim[0]: Dummy("b", integer=True) for lim in e.limits}
        e = e.xreplace(mapping)
        limits = [(v, _freshen(lo), _freshen(hi)) for v, lo, hi in e.limits]
        return e.func(_freshen(e.function), *limits)
    if not e.args or isinstance(e, Symbol):
        return e
    return _rebuild(e, [_freshen(a) for a in e.args])


def rename_bound(e: Basic, depth: int = 0) -> Basic:
    """Rename the bound variables of every sum and product to :func:`bound_symbol`.

    A sum with several limits numbers them from the innermost; nested sums continue the count,
    so a nested binder never reuses an enclosing one's name. Binders are made fresh first, so
    the renaming cannot capture.
    """
    if _named_already(e, depth):  # nothing to rename (canonical forms come back here often)
        return e
    if depth == 0 and _nested_binders(e):
        e = _freshen(e)
    return _rename(e, depth)


def _named_already(e: Basic, depth: int) -> bool:
    """Whether every binder in ``e`` already has the name :func:`_rename` would give it: then
    the renaming (fresh names first, then these) gives ``e`` back unchanged."""
    if isinstance(e, (Sum, Product)):
        limits = e.limits
        return (all(v == bound_symbol(depth + n) and _named_already(lo, depth)
                    and _named_already(hi, depth) for n, (v, lo, hi) in enumerate(limits))
                and _named_already(e.function, depth + len(limits)))
    return all(_named_already(a, depth) for a in e.args if isinstance(a, Basic))


def _nested_binders(e: Basic) -> bool:
    """Whether a sum or product occurs inside another one (only then can a name be captured)."""
    return any(b.function.has(Sum, Product) or any(lo.has(Sum, Product) or hi.has(Sum, Product)
                                                    for _, lo, hi in b.limits)
               for b in e.atoms(Sum, Product))


def _rename(e: Basic, depth: int) -> Basic:
    if isinstance(e, (Sum, Product)):
        limits = e.limits
        mapping = {lim[0]: bound_symbol(depth + n) for n, lim in enumerate(limits)}
        body = _rename(e.function.xreplace(mapping), depth + len(limits))
        renamed = [(mapping[v], _rename(lo.xreplace(mapping), depth),
                    _rename(hi.xreplace(mapping), depth)) for v, lo, hi in limits]
        return e.func(body, *renamed)
    if not e.args or isinstance(e, Symbol):
        return e
    return _rebuild(e, [_rename(a, depth) for a in e.args])


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



_T = TypeVar("_T", bound=Basic)
#: Expressions remembered per memoised function: a catalogue check meets a few hundred.
_MEMO_SIZE = 2048


def _interchangeable(obj: Basic) -> bool:
    """Whether every object ``==`` to ``obj`` is interchangeable with it. SymPy's ``==`` is
    structural, with one exception met here: an IndexedBase equals another whatever their
    offsets and strides."""
    return not any(b.offset != 0 or b.strides is not None for b in obj.atoms(IndexedBase))


@functools.lru_cache(maxsize=64)
def _plain_facts(facts: Facts) -> bool:
    parts = [*facts.sizes, *facts.parameters, *facts.declared,
             *(x for r in facts.ranges for x in (r.target, r.lo, r.hi)),
             *(d.formula for d in facts.definitions),
             *(x for s in facts.simplices for x in (s.base, s.size)),
             *(u.target for u in facts.intervals)]
    return all(_interchangeable(x) for x in parts if isinstance(x, Basic))


def _memoised(function: Callable[[Basic, Facts], _T]) -> Callable[[Basic, Facts], _T]:
    """``function`` remembering its results for the last :data:`_MEMO_SIZE` arguments.

    Each expression of a derivation is canonicalised as the new side of one step and again as
    the old side of the next, and sampling and the side conditions prepare it too: computed
    once. Sound because ``function`` is pure and the arguments are interchangeable with any
    ``==`` ones (otherwise it is simply called).
    """
    remembered = functools.lru_cache(maxsize=_MEMO_SIZE)(function)

    @functools.wraps(function)
    def call(expr: Basic, facts: Facts) -> _T:
        if isinstance(expr, Basic) and _interchangeable(expr) and _plain_facts(facts):
            return remembered(expr, facts)
        return function(expr, facts)

    call.cache_clear = remembered.cache_clear  # type: ignore[attr-defined]
    return call


@_memoised
def prepare(expr: Basic, facts: Facts) -> Basic:
    """Unfold notation and definitions: the plain SymPy meaning of an expression.

    Bound variables are renamed at once to canonical integer-only symbols: an assumption
    declared on a summation variable (``j`` positive) is no hypothesis, and nothing may trust it
    over a range where it is false.
    """
    return rename_bound(facts.apply_definitions(unfold(expr)))


def _normalise_logs(e: Basic) -> Basic:
    """Bring the argument of every log free of sums to one reduced fraction (``cancel``, an
    identity wherever the log is defined), so that equal arguments written differently meet."""
    return e.replace(
        lambda x: isinstance(x, log) and not x.args[0].has(Sum, Product, Derivative)
        and not x.args[0].is_Atom and not x.args[0].is_Indexed,
        lambda x: log(cancel(x.args[0])))


def _differentiate(e: Basic) -> Basic:
    """Carry out every derivative (innermost first); SymPy's rules, including delta for
    ``d z_j / d z_i``, are exact."""
    if not e.has(Derivative):
        return e
    return e.replace(lambda x: isinstance(x, Derivative), lambda d: d.doit(deep=False))


@_memoised
def canonical(expr: Basic, facts: Facts) -> Expr:
    """A canonical form of ``expr`` under ``facts`` (equal to it wherever the hypotheses hold).

    The rewrites repeat until nothing changes (a delta may only appear once a product inside a
    sum is expanded), at most a few rounds.
    """
    e = _normalise_logs(prepare(expr, facts))
    e = expand_log(e, deep=True, force=False)
    if e.has(Derivative):  # logs are expanded first: d log(a/b) is far simpler as d(log a - log b)
        e = expand_log(_differentiate(e), deep=True, force=False)
    e = facts.complement(e)
    for _ in range(_ROUNDS):
        before = e
        e = _collapse_deltas(_linearise(rename_bound(_write_out(e))), facts)
        e = _total_mass(_linearise(rename_bound(expand(e))), facts)
        e = rename_bound(expand_log(e, deep=True, force=False))
        if e == before:
            break
    return expand(facts.restore(e))


def reduces_to_zero(difference: Basic) -> bool:
    """True only when a difference of canonical forms is the literal zero after expanding,
    collecting, or (for rational functions of its atoms) cancelling over a common denominator."""
    if difference == 0:
        return True
    difference = _linearise(rename_bound(expand(difference)))
    if difference == 0 or factor_terms(difference) == 0:
        return True
    if difference.has(Sum, Product):
        return False
    if cancel(difference) == 0:
        return True
    # exp is injective on the reals: a real d with exp(d) = 1 is 0 (logs of sums of
    # exponentials meet this way, e.g. log(e^a e^-b + 1) - log(e^a + e^b) + b)
    return bool(difference.has(log) and difference.is_real is True
                and cancel(powsimp(expand(exp(difference)))) == 1)


def prove_equal(lhs: Basic, rhs: Basic, facts: Facts) -> bool:
    """True only when ``lhs - rhs`` reduces to the literal zero by sound rewrites."""
    return reduces_to_zero(canonical(_sympify(lhs), facts) - canonical(_sympify(rhs), facts))


def is_positive(expr: Basic, facts: Facts) -> bool:
    """True when the hypotheses prove ``expr > 0`` (SymPy's assumptions, after unfolding; with
    ``1 - a`` positive where ``0 < a < 1`` is declared)."""
    e = facts.complement(prepare(expr, facts))
    return bool(e.is_positive is True)


def _nonnegative(e: Basic) -> bool:
    """A structural proof of ``e >= 0``: SymPy's assumptions, extended through sums, products
    and squares (a sum over a non-empty range of non-negative terms is non-negative)."""
    if e.is_nonnegative is True:
        return True
    if isinstance(e, Sum):
        return all((hi - lo + 1).is_nonnegative for _, lo, hi in e.limits) and _nonnegative(
            e.function)
    if e.is_Add or e.is_Mul:
        return all(_nonnegative(a) for a in e.args)
    if e.is_Pow:
        base, exp = e.args
        if exp.is_integer and exp.is_even and base.is_real:
            return True
        return _nonnegative(base) and exp.is_real is True
    return False


def _positive(e: Basic) -> bool:
    """A structural proof of ``e > 0``, like :func:`_nonnegative`."""
    if e.is_positive is True:
        return True
    if isinstance(e, Sum):
        return all((hi - lo).is_nonnegative for _, lo, hi in e.limits) and _positive(e.function)
    if e.is_Add:
        return all(_nonnegative(a) for a in e.args) and any(_positive(a) for a in e.args)
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


def is_nonnegative(expr: Basic, facts: Facts) -> bool:
    """True when the hypotheses prove ``expr >= 0``, as written or in canonical form."""
    return any(_nonnegative(r) for form in (prepare(expr, facts), canonical(expr, facts))
               for r in _relaxations(form))


def is_strictly_positive(expr: Basic, facts: Facts) -> bool:
    """True when the hypotheses prove ``expr > 0`` (structurally, as for is_nonnegative)."""
    return any(_positive(r) for form in (prepare(expr, facts), canonical(expr, facts))
               for r in _relaxations(form))


__all__ = ["bound_symbol", "canonical", "is_nonnegative", "is_positive", "prepare",
           "prove_equal", "rename_bound", "S"]
