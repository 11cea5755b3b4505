"""Binders: the bound variables of sums and products, renamed without capture.

A sum's bound variable is named by its nesting depth (:func:`bound_symbol`), so that sums over
``j`` and over ``l`` compare equal; every binder is made fresh first (:func:`freshen`), so that no
renaming or substitution can capture a variable.
"""

from __future__ import annotations

from sympy import Basic, Dummy, Product, Sum, Symbol

_BOUND_PREFIX = "_b"
_bound_cache: dict[int, Symbol] = {}




def bound_symbol(depth: int) -> Symbol:
    """The canonical bound variable of a sum at nesting ``depth``."""
    if depth not in _bound_cache:
        _bound_cache[depth] = Symbol(f"{_BOUND_PREFIX}{depth}", integer=True)
    return _bound_cache[depth]


def rebuild(e: Basic, args: list[Basic]) -> Basic:
    return e if list(e.args) == args else e.func(*args)


def variables(limits: tuple) -> set[Basic]:
    return {lim[0] for lim in limits}


def bounds_free_of(limits: tuple, names: set[Basic]) -> bool:
    return not any(names & (lim[1].free_symbols | lim[2].free_symbols) for lim in limits)


def rebind(e: Sum | Product, new: list[Basic]) -> tuple[Basic, list[tuple[Basic, ...]]]:
    """The body and limits of ``e`` with its variables renamed to ``new``, by scope: a limit's
    variable is bound in the body and in the bounds of the limits inside it (listed before it),
    never in its own bounds nor in those of the limits around it, which refer to symbols of
    the enclosing scope (in ``sum_{j=j}^{j+1}`` the bounds' j is another, free j)."""
    limits = e.limits
    body = e.function.xreplace({lim[0]: n for lim, n in zip(limits, new, strict=True)})
    out = []
    for index, (_, lo, hi) in enumerate(limits):
        outer = {limits[m][0]: new[m] for m in range(index + 1, len(limits))}
        out.append((new[index], lo.xreplace(outer), hi.xreplace(outer)))
    return body, out


def freshen(e: Basic) -> Basic:
    """Every binder gets a variable of its own, used nowhere else (fresh Dummies): after this no
    substitution or renaming can capture a variable."""
    if isinstance(e, (Sum, Product)):
        body, limits = rebind(e, [Dummy("b", integer=True) for _ in e.limits])
        return e.func(freshen(body), *[(v, freshen(lo), freshen(hi)) for v, lo, hi in limits])
    if not e.args or isinstance(e, Symbol):
        return e
    return rebuild(e, [freshen(a) for a in e.args])


def rename_bound(e: Basic, depth: int = 0) -> Basic:
    """Rename the bound variables of every sum and product to :func:`bound_symbol`.

    A sum with several limits numbers them from the innermost; nested sums continue the count,
    so a nested binder never reuses an enclosing one's name. Binders are made fresh first, so
    the renaming cannot capture.
    """
    if _named_already(e, depth):  # nothing to rename (canonical forms come back here often)
        return e
    if depth == 0 and _nested_binders(e):
        e = freshen(e)
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
        body, limits = rebind(e, [bound_symbol(depth + n) for n in range(len(e.limits))])
        renamed = [(v, _rename(lo, depth), _rename(hi, depth)) for v, lo, hi in limits]
        return e.func(_rename(body, depth + len(limits)), *renamed)
    if not e.args or isinstance(e, Symbol):
        return e
    return rebuild(e, [_rename(a, depth) for a in e.args])
