"""Sound canonicalisation of expressions with sums over a symbolic number of terms.

Every rewrite here is an equivalence under the declared hypotheses, never a heuristic:

* information quantities and defined functions are unfolded (definitions are hypotheses); their
  terms ``x log y`` under the convention ``0 log y = 0`` become plain products only where the
  convention cannot matter (``XLogY.as_log``);
* ``expand_log`` without ``force``: a log of a product splits only where SymPy's assumptions,
  which come from declared hypotheses, prove every factor positive;
* linearity of finite sums and products (``sums.linearise``), valid for any bounds;
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
    Abs,
    Basic,
    Derivative,
    Dummy,
    Expr,
    Heaviside,
    Indexed,
    IndexedBase,
    Integral,
    KroneckerDelta,
    Max,
    Min,
    Piecewise,
    Pow,
    Product,
    Sum,
    cancel,
    ceiling,
    cosh,
    exp,
    expand,
    expand_log,
    factor_terms,
    floor,
    frac,
    log,
    powsimp,
    sign,
    sinh,
    tanh,
)

from derivations._compat import _sympify
from derivations.kernel.binders import rename_bound
from derivations.kernel.sums import collapse_deltas, linearise, total_mass, write_out_small
from derivations.language import vocabulary
from derivations.language.hypotheses import Facts
from derivations.language.notation import XLogY, unfold

_ROUNDS = 4


_T = TypeVar("_T")
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


def memoised(function: Callable[[Basic, Facts], _T]) -> Callable[[Basic, Facts], _T]:
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


@memoised
def prepare(expr: Basic, facts: Facts) -> Basic:
    """Unfold notation and definitions: the plain SymPy meaning of an expression.

    Bound variables are renamed at once to canonical integer-only symbols: an assumption
    declared on a summation variable (``j`` positive) is no hypothesis, and nothing may trust it
    over a range where it is false.
    """
    # binders are renamed first as well: a definition unfolded into a sum must meet plain
    # integer binders, not the author's (whose assumptions SymPy would apply to its body)
    return rename_bound(facts.apply_definitions(rename_bound(unfold(expr))))


def _resolve_xlogy(e: Basic) -> Basic:
    """``x log y`` for every ``XLogY(x, y)`` where the convention ``0 log y = 0`` cannot matter
    (``XLogY.as_log``); the others stay opaque terms, equal only to themselves."""
    if not e.has(XLogY):
        return e

    def resolve(term: Basic) -> Basic:
        plain = term.as_log()
        if plain is None:  # the argument over one reduced fraction, as for a log's
            x, y = term.args
            if not y.has(Sum, Product, Derivative) and not y.is_Atom and not y.is_Indexed \
                    and _denominator_nonzero(y):
                plain = XLogY(x, cancel(y)).as_log()
        return plain if plain is not None else term

    return e.replace(lambda x: isinstance(x, XLogY), resolve)


def _normalise_logs(e: Basic) -> Basic:
    """Bring the argument of every log free of sums to one reduced fraction (``cancel``, an
    identity wherever the log is defined), so that equal arguments written differently meet."""
    return e.replace(
        lambda x: isinstance(x, log) and not x.args[0].has(Sum, Product, Derivative)
        and not x.args[0].is_Atom and not x.args[0].is_Indexed
        and _denominator_nonzero(x.args[0]),
        lambda x: log(cancel(x.args[0])))


#: Functions whose derivative SymPy writes down where they have none (d|x|/dx = sign(x), also
#: at 0): a derivative of an expression using them on its variable is not carried out.
_ROUGH = (Abs, sign, floor, ceiling, frac, Piecewise, Max, Min, Heaviside, XLogY)


def smooth(d: Derivative) -> bool:
    """No rough function of a differentiation variable: for an entry z_i, any entry of z
    counts (z_j may be z_i)."""
    variables = set(d.variables)
    bases = {v.base for v in variables if isinstance(v, Indexed)}
    return not any(variables & r.free_symbols or bases & {x.base for x in r.atoms(Indexed)}
                   for r in d.expr.atoms(*_ROUGH))


def _differentiate(e: Basic) -> Basic:
    """Carry out every derivative (innermost first); SymPy's rules, including delta for
    ``d z_j / d z_i``, are exact where the function is differentiable, so a derivative through
    a function with a kink or a jump (|x|, floor, max) is left alone (not proved)."""
    if not e.has(Derivative):
        return e
    return e.replace(lambda x: isinstance(x, Derivative) and smooth(x),
                     lambda d: d.doit(deep=False))


@memoised
def canonical(expr: Basic, facts: Facts) -> Expr:
    """A canonical form of ``expr`` under ``facts`` (equal to it wherever the hypotheses hold).

    The rewrites repeat until nothing changes (a delta may only appear once a product inside a
    sum is expanded), at most a few rounds.
    """
    e = prepare(expr, facts)
    if e.has(tanh, sinh, cosh):  # identities at every argument: one ratio of exponentials
        e = e.replace(lambda x: isinstance(x, (tanh, sinh, cosh)), lambda x: x.rewrite(exp))
    e = _normalise_logs(_resolve_xlogy(e))
    e = expand_log(e, deep=True, force=False)
    if e.has(Derivative):  # logs are expanded first: d log(a/b) is far simpler as d(log a - log b)
        e = expand_log(_differentiate(e), deep=True, force=False)
    e = facts.complement(e)
    for _ in range(_ROUNDS):
        before = e
        e = _resolve_xlogy(e)
        e = collapse_deltas(linearise(rename_bound(write_out_small(e))), facts)
        e = total_mass(linearise(rename_bound(expand(e))), facts)
        e = rename_bound(expand_log(e, deep=True, force=False))
        if e == before:
            break
    return expand(facts.restore(e))


def reduces_to_zero(difference: Basic) -> bool:
    """True only when a difference of canonical forms is the literal zero after expanding,
    collecting, or (for rational functions of its atoms) cancelling over a common denominator."""
    if difference == 0:
        return True
    difference = linearise(rename_bound(expand(difference)))
    if difference == 0 or (factor_terms(difference) == 0 and _denominator_nonzero(difference)):
        return True  # factor_terms cancels inside function arguments too
    if difference.has(Sum, Product):
        return False
    if cancel(difference) == 0 and _denominator_nonzero(difference):
        return True
    # exp is injective on the reals: a real d with exp(d) = 1 is 0 (logs of sums of
    # exponentials meet this way, e.g. log(e^a e^-b + 1) - log(e^a + e^b) + b)
    return bool(difference.has(log) and difference.is_real is True
                and (not difference.has(XLogY) or _denominator_nonzero(difference))
                and cancel(powsimp(expand(exp(difference)))) == 1)


def generalise_sums(e: Basic) -> Basic:
    """``e`` with every outermost sum replaced by a fresh symbol, the same one for equal sums
    (a product of exponentials first becoming the exponential of a sum): a rational function
    of a sum, such as the derivative of a sigmoid of ``sum_i w_i x_i``, then cancels as one of
    a symbol. Sound: what holds for every value of the symbol holds for the sum's value; a
    symbol is real where SymPy shows the sum real, as ``exp`` of it is then positive."""
    e = e.replace(lambda x: isinstance(x, Product) and isinstance(x.function, exp),
                  lambda x: exp(Sum(x.function.args[0], *x.limits)))
    sums: dict[Basic, Basic] = {}

    def fresh(node: Basic) -> Basic:
        if node not in sums:
            sums[node] = Dummy("s", real=True) if node.is_extended_real is True else Dummy("s")
        return sums[node]

    return e.replace(lambda x: isinstance(x, Sum) and not x.has(Product), fresh)


def _denominator_nonzero(difference: Basic) -> bool:
    """Whether cancelling ``difference`` over a common denominator loses no point: every
    denominator is known not to vanish (``(x^2 - 1)/(x - 1) = x + 1`` is false at x = 1, where
    the left side is undefined)."""
    denominators = [b for b in difference.atoms(Pow) if b.exp.is_negative]
    return all(d.base.is_nonzero is True for d in denominators)


def prove_equal(lhs: Basic, rhs: Basic, facts: Facts) -> bool:
    """True only when ``lhs - rhs`` reduces to the literal zero by sound rewrites; never for
    a side with a construct the engine cannot check (``language.vocabulary``: SymPy may
    evaluate an integral or a limit by a rule that holds only under conditions)."""
    lhs, rhs = _sympify(lhs), _sympify(rhs)
    if vocabulary.unsupported(lhs, rhs) is not None or lhs.has(Integral) or rhs.has(Integral):
        return False  # an integral is proved only as an opaque number (``judge``)
    return reduces_to_zero(canonical(_sympify(lhs), facts) - canonical(_sympify(rhs), facts))


@memoised
def differentiated(expr: Basic, facts: Facts) -> Basic:
    """``expr`` unfolded, with its derivatives carried out where they are smooth and the
    deltas they bring collapsed (equal to ``expr`` wherever it is defined)."""
    e = _differentiate(prepare(expr, facts))
    return collapse_deltas(linearise(rename_bound(e)), facts) if e.has(KroneckerDelta) else e


__all__ = ["canonical", "differentiated", "generalise_sums", "prepare", "prove_equal",
           "reduces_to_zero"]
