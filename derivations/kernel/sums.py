"""Sound rewrites of finite sums: linearity, delta summation, and a simplex's total mass.

* linearity of finite sums and products (:func:`linearise`), valid for any bounds;
* delta summation ``sum_{j=lo}^{hi} delta_{j a} f(j) = f(a)``, only where the hypotheses (or an
  enclosing sum's bounds) prove ``lo <= a <= hi`` for the integer ``a``;
* ``sum_j p_j = 1`` for a whole row of a declared ``Simplex`` (a hypothesis, used visibly);
* a sum over a small concrete range written out term by term.
"""

from __future__ import annotations

from sympy import Add, Basic, Integer, KroneckerDelta, Mul, Pow, Product, S, Sum, Symbol

from derivations.kernel.binders import bounds_free_of, freshen, rebuild, variables
from derivations.language.hypotheses import Facts


def linearise(e: Basic) -> Basic:
    """Distribute finite sums over + and pull index-free factors out (products likewise).

    SymPy merges nested sums into one ``Sum`` with several limits (innermost first), so every
    rule here works on the whole tuple of limits.
    """
    if not e.args or isinstance(e, Symbol):
        return e
    e = rebuild(e, [linearise(a) for a in e.args])
    if not isinstance(e, (Sum, Product)):
        return e
    f, limits = e.function, e.limits
    names = variables(limits)
    if isinstance(e, Sum):
        if any(lo.is_infinite or hi.is_infinite for _, lo, hi in limits):
            return e  # an infinite series: splitting it may turn one convergent sum into two
            # divergent ones, and nothing here proves convergence
        if f.is_Add:
            return Add(*[linearise(Sum(t, *limits)) for t in f.args])
        if not (names & f.free_symbols) and bounds_free_of(limits, names):
            return f * Mul(*[hi - lo + 1 for _, lo, hi in limits])
        if f.is_Mul:
            free = [a for a in f.args if not names & a.free_symbols]
            if free:
                bound = [a for a in f.args if names & a.free_symbols]
                return Mul(*free) * linearise(Sum(Mul(*bound), *limits))
            if len(limits) > 1 and bounds_free_of(limits, names):
                separated = _separate(f, limits)
                if separated != e:
                    return separated
            merged = _merge_inner(f, limits, names)
            if merged is not None:
                return linearise(merged)
        return e
    if any(lo.is_infinite or hi.is_infinite for _, lo, hi in limits):
        return e  # an infinite product: splitting it may turn a convergent one into divergent ones
    if len(limits) == 1:
        v, lo, hi = limits[0]
        if v not in f.free_symbols:
            return Pow(f, hi - lo + 1)
        if f.is_Mul:
            return Mul(*[linearise(Product(a, (v, lo, hi))) for a in f.args])
    return e


def _merge_inner(f: Basic, limits: tuple, names: set[Basic]) -> Basic | None:
    """``sum_j a_j (sum_r b_{j r}) = sum_j sum_r a_j b_{j r}`` when r's bounds do not involve j
    (finite sums, so distributing is exact); then deltas across both indices can collapse."""
    for factor in f.args:
        if not isinstance(factor, Sum):
            continue
        inner = variables(factor.limits)
        rest = [a for a in f.args if a is not factor]
        if (bounds_free_of(factor.limits, names) and not inner & names
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
    return Mul(*[linearise(Sum(Mul(*groups[lim[0]]), lim)) for lim in limits])


def collapse_deltas(e: Basic, facts: Facts,
                     enclosing: dict[Basic, tuple[Basic, Basic]] | None = None) -> Basic:
    """Delta summation where the hypotheses, or an enclosing sum's bounds, put the index in range.
    """
    enclosing = enclosing or {}
    if not e.args or isinstance(e, Symbol):
        return e
    inner = enclosing
    if isinstance(e, Sum):
        inner = {**enclosing, **{v: (lo, hi) for v, lo, hi in e.limits}}
    e = rebuild(e, [collapse_deltas(a, facts, inner) for a in e.args])
    if not isinstance(e, Sum):
        return e
    f, limits = e.function, e.limits
    names = variables(limits)
    for n, (v, lo, hi) in enumerate(limits):
        others = limits[:n] + limits[n + 1:]
        if not bounds_free_of(others, {v}):
            continue
        for factor in Mul.make_args(f):
            if not isinstance(factor, KroneckerDelta):
                continue
            a, b = factor.args
            hot = b if a == v else a if b == v else None
            # the hot index may depend on outer summation variables, not on inner ones (unless
            # every bound is constant: then the sums commute)
            inner_vars = set() if bounds_free_of(limits, names) else variables(limits[:n])
            if (hot is None or v in hot.free_symbols or inner_vars & hot.free_symbols
                    or not in_range(hot, lo, hi, facts, {**enclosing, **{
                        w: (wlo, whi) for w, wlo, whi in limits[n + 1:]}})):
                continue
            # fresh binders inside first: hot may mention an enclosing index that a nested sum
            # also binds, and a plain substitution would capture it
            rest = freshen(Mul(*[g for g in Mul.make_args(f) if g is not factor]))
            rest = rest.xreplace({v: hot})
            return collapse_deltas(Sum(rest, *others) if others else rest, facts, enclosing)
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


def write_out_small(e: Basic) -> Basic:
    """Sums over a small concrete range become explicit additions: the index is replaced by each
    of its values (not SymPy's ``doit``, whose delta summation assumes that a delta's other
    argument is an integer: ``sum_{j=1}^{3} delta_{j u}`` is not ``[1 <= u <= 3]`` for u = 3/2)."""
    return e.replace(
        lambda x: isinstance(x, (Sum, Product)) and all(
            lo.is_Integer and hi.is_Integer and 0 <= hi - lo < _EXPLICIT_TERMS
            for _, lo, hi in x.limits),
        _explicit)


def _explicit(x: Sum | Product) -> Basic:
    terms = [x.function]
    for v, lo, hi in x.limits:  # innermost first; binders are unique (rename_bound)
        terms = [t.xreplace({v: Integer(n)}) for t in terms for n in range(int(lo), int(hi) + 1)]
    return Add(*terms) if isinstance(x, Sum) else Mul(*terms)


def total_mass(e: Basic, facts: Facts) -> Basic:
    """``sum_j p_j = 1`` wherever a whole row of a declared simplex is summed."""
    if not facts.simplices or not e.args or isinstance(e, Symbol):
        return e
    e = rebuild(e, [total_mass(a, facts) for a in e.args])
    if not isinstance(e, Sum):
        return e
    limits = e.limits
    for n, (v, lo, hi) in enumerate(limits):
        others = limits[:n] + limits[n + 1:]
        if bounds_free_of(others, {v}) and any(
                simplex.is_total(e.function, v, lo, hi) for simplex in facts.simplices):
            return linearise(Sum(S.One, *others)) if others else S.One
    return e
