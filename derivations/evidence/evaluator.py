"""Fast numeric evaluation: the value of an expression at a sampled point, without building it.

The sampler's exact path substitutes the point into the expression, writes every sum out and
calls ``evalf``: each of those builds SymPy objects, which is where nearly all of a check's time
went (and a sum of 1000 terms builds thousands). This evaluator walks the expression instead:
a sum is a loop over its index, a subexpression that does not depend on the loop (a softmax's
denominator) is computed once, and values are Python numbers.

Values stay exact rationals (:class:`fractions.Fraction`) as long as the arithmetic is rational,
so a quantity that is exactly zero (a log's argument, a denominator) is seen as zero; only a
transcendental function or an irrational power turns a value into an ``mpmath.mpf`` at
``CheckSettings.working_digits`` digits (:mod:`evidence.arithmetic`). A derivative is taken in
forward mode, with dual numbers. Anything the evaluator cannot judge exactly as the exact path
would (an undefined or complex intermediate, an unknown function, the derivative of an opaque
function, a ceiling of an inexact value that may sit on an integer) raises
:class:`Unsupported`, and the sampler then judges that point by the exact path. At the same
drawn values the two agree (a test compares them on the whole catalogue); the draws themselves
come in another order than the exact path's, so the points sampled differ, as they would under
another seed.

Entries, symbols and function values are drawn lazily, through the sampler's point, the first
time they are needed; a drawn value is fixed for the rest of the point (both sides see it).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any, Protocol

import mpmath
from sympy import (
    Abs,
    Add,
    Basic,
    Derivative,
    Dummy,
    Expr,
    Float,
    Indexed,
    Integral,
    KroneckerDelta,
    Mul,
    Poly,
    Pow,
    Product,
    Rational,
    S,
    Sum,
    Symbol,
    ceiling,
    exp,
    floor,
    lambdify,
    log,
    sign,
)
from sympy.core.function import AppliedUndef
from sympy.core.numbers import Exp1, Pi
from sympy.polys.polyerrors import PolynomialError

from derivations.evidence import arithmetic
from derivations.evidence.arithmetic import (
    ONE,
    ZERO,
    Number,
    Undefined,
    Unsupported,
    Value,
    coefficient,
    inexact,
    scalar,
    seeded,
)
from derivations.evidence.point import entry
from derivations.language.hypotheses import Facts
from derivations.language.notation import Extremum, MaxOver, MinOver, XLogY
from derivations.language.vocabulary import definite
from derivations.settings import CheckSettings

__all__ = ["Evaluator", "Undefined", "Unsupported", "inexact"]


class Point(Protocol):
    """What the evaluator needs from the sampler's point (``point.Point``)."""

    values: dict[Basic, Expr]
    drawn: list[Basic]
    facts: Facts

    def draw(self, atom: Basic) -> None: ...

    def concrete(self, e: Basic, bound: dict[Basic, Expr]) -> Basic: ...

    def call(self, application: Basic, key: tuple[object, ...] | None) -> Expr: ...


def _integer(x: Number, what: Basic) -> int:
    if isinstance(x, Fraction) and x.denominator == 1:
        return int(x)
    raise Unsupported(f"{what} is not an integer here")


def _from_sympy(value: Expr) -> Number:
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    raise Unsupported(f"the drawn value {value} is not rational")


def _to_sympy(x: Number, digits: int) -> Expr:
    if isinstance(x, Fraction):
        return Rational(x.numerator, x.denominator)
    return Float(x, digits)


_Key = tuple[int, tuple[tuple[Basic, Number], ...]]

#: Two applications of an opaque function share their value when their arguments agree exactly
#: or, computed inexactly at the working precision (100 digits), to this many digits, and the
#: point does not show them apart (``point.Point._apart``: e^x + 10^-100 against e^x, m01).
_KEY_DIGITS = 90


class Evaluator:
    """Values of expressions at one point; lhs and rhs of a step share one evaluator."""

    def __init__(self, point: Point, settings: CheckSettings) -> None:
        self.point = point
        #: digits carried by inexact values (well past a comparison's, so that rounding in a
        #: long sum does not reach the digits it looks at); longer sums and deeper derivatives
        #: are left to the exact path
        self.digits = settings.working_digits
        self.max_terms = settings.max_terms
        self.max_order = settings.max_derivative_order
        self.bound: dict[Basic, Number] = {}
        #: drawn values by (family label, concrete indices) and by function application
        self._entries: dict[tuple[Basic, tuple[int, ...]], Number] = {}
        self._calls: dict[_Key, Number] = {}
        self._synced = 0
        self._symbols: dict[Basic, Number] = {}
        #: values of sums and products, by node and the values of the loop indices inside them
        self._memo: dict[_Key, Value] = {}
        self._free: dict[int, frozenset[Basic]] = {}
        self._keep: list[Basic] = []  # memo keys are ids: keep their nodes alive
        #: inside a derivative: each variable (entry key or symbol) and the tags that see it
        self._seeds: dict[object, tuple[bool, ...]] = {}
        self._seed_owners: set[Basic] = set()

    def value(self, e: Basic) -> Number:
        """The value of ``e``; raises :class:`Unsupported` where the exact path must decide."""
        with mpmath.workdps(self.digits):
            out = scalar(self._value(e), e)
            if not isinstance(out, Fraction) and not mpmath.isfinite(out):
                raise Unsupported("a value is not finite")
            return out

    # -- atoms --------------------------------------------------------------------------------

    def _sync(self) -> None:
        """Take over the values the point drew (a simplex row is drawn whole)."""
        drawn = self.point.drawn
        for atom in drawn[self._synced:]:
            if isinstance(atom, Indexed) and all(i.is_Integer for i in atom.indices):
                key = (atom.base.label, tuple(int(i) for i in atom.indices))
                self._entries[key] = _from_sympy(self.point.values[atom])
        self._synced = len(drawn)

    def _seeded(self, key: object, x: Number) -> Value:
        tags = self._seeds.get(key)
        return x if tags is None else seeded(x, tags)

    def _symbol(self, e: Symbol) -> Value:
        if e in self.bound:
            return self.bound[e]
        value = self._symbols.get(e)
        if value is None:
            if e not in self.point.values:
                self.point.draw(e)
            value = self._symbols[e] = _from_sympy(self.point.values[e])
        return self._seeded(e, value)

    def _entry_key(self, e: Indexed) -> tuple[Basic, tuple[int, ...]]:
        return e.base.label, tuple(_integer(self._value(i), e) for i in e.indices)

    def _indexed(self, e: Indexed) -> Value:
        key = self._entry_key(e)
        known = self._entries.get(key)
        if known is None:
            self._sync()
            known = self._entries.get(key)
        if known is None:
            self.point.draw(entry(e.base, key[1]))
            self._sync()
            known = self._entries.get(key)
            if known is None:
                raise Unsupported(f"no value was drawn for {e}")
        return self._seeded(key, known)

    def _call(self, e: AppliedUndef) -> Number:
        """An opaque function's value, drawn for the application as the exact path sees it:
        integers put in (sizes, loop indices, ranged entries such as a label ``y_i``), other
        arguments left as they are (``g(theta)``); an application nested in another is drawn
        first and its value put in. Its derivative is unknown: refused inside a derivative
        whose variable it mentions."""
        if self._seeds and any(a in self._seed_owners or (
                isinstance(a, Indexed) and a.base.label in self._seed_owners)
                for a in e.atoms(Symbol, Indexed)):
            raise Unsupported(f"{e}: the derivative of an opaque function")
        key = self._key(e)
        known = self._calls.get(key)
        if known is None:
            if e.atoms(AppliedUndef) - {e}:
                concrete = e.func(*[_to_sympy(scalar(self._value(a), e), self.digits)
                                    for a in e.args])
            else:  # integers go in: loop indices and ranged entries (a label y_i)
                known_ints: dict[Basic, Expr] = {
                    a: _to_sympy(scalar(self._value(a), e), self.digits) for a in e.atoms(Indexed)
                    if self.point.facts.range_of(a) is not None}
                known_ints.update((s, _to_sympy(v, self.digits)) for s, v in self.bound.items())
                concrete = self.point.concrete(e, known_ints)
            known = self._calls[key] = _from_sympy(
                self.point.call(concrete, self._arguments(e)))
        return known

    def _arguments(self, e: AppliedUndef) -> tuple[object, ...] | None:
        """The values of ``e``'s arguments as a key (:meth:`Point.call`): exact fractions, else
        :data:`_KEY_DIGITS` significant digits; None where one has no single value here (a
        family)."""
        key: list[object] = []
        for a in e.args:
            try:
                value = scalar(self._value(a), e)
            except Unsupported:
                return None
            key.append(Rational(value.numerator, value.denominator) if isinstance(value, Fraction)
                       else mpmath.nstr(value, _KEY_DIGITS))
        return tuple(key)

    # -- sums, products and derivatives -------------------------------------------------------

    def _key(self, e: Basic) -> _Key:
        """``e`` and the values of the loop indices it depends on: what its value rests on."""
        free = self._free.get(id(e))
        if free is None:
            # every symbol, not free_symbols: a derivative omits the indices of its variable
            free = self._free[id(e)] = frozenset(e.atoms(Symbol))
            self._keep.append(e)
        return id(e), tuple((s, v) for s, v in self.bound.items() if s in free)

    def _big(self, e: Sum | Product) -> Value:
        """A sum or product, computed once for each value of the loop indices it depends on."""
        key = self._key(e)
        known = self._memo.get(key)
        if known is None:
            known = self._memo[key] = self._loop(e)
        return known

    def _loop(self, e: Sum | Product) -> Value:
        index, lo_e, hi_e = e.limits[-1]
        inner = e.func(e.function, *e.limits[:-1]) if len(e.limits) > 1 else e.function
        lo, hi = (_integer(scalar(self._value(b), e), e) for b in (lo_e, hi_e))
        if hi < lo - 1:
            raise Unsupported(f"the range {lo}..{hi} of {e} runs backwards")
        if hi - lo + 1 > self.max_terms:  # the exact path says so, in its own words
            raise Unsupported(f"{e} has {hi - lo + 1} terms")
        outer = self.bound.get(index)
        plus = isinstance(e, Sum)
        total: Value = ZERO if plus else ONE
        try:
            for n in range(lo, hi + 1):
                self.bound[index] = Fraction(n)
                term = self._value(inner)
                total = arithmetic.add(total, term) if plus else arithmetic.mul(total, term)
        finally:
            if outer is None:
                self.bound.pop(index, None)
            else:
                self.bound[index] = outer
        return total

    def _derivative(self, e: Derivative) -> Value:
        """Forward mode: the expression evaluated with dual numbers, each differentiation
        variable seeded with its own tag, and the coefficient of all the tags read off."""
        if self._seeds:
            raise Unsupported("a derivative inside a derivative")
        variables: list[object] = []
        for v, count in e.variable_count:
            if isinstance(v, Indexed):
                variables += [self._entry_key(v)] * int(count)
            elif isinstance(v, Symbol) and v not in self.bound:
                variables += [v] * int(count)
            else:
                raise Unsupported(f"{e}: a derivative with respect to {v}")
        if not 0 < len(variables) <= self.max_order:
            raise Unsupported(f"{e}: a derivative of order {len(variables)}")
        self._seeds = {key: tuple(key == v for v in variables) for key in variables}
        self._seed_owners = {v.base.label if isinstance(v, Indexed) else v
                             for v, _ in e.variable_count}
        memo, self._memo = self._memo, {}  # values inside carry derivatives: kept apart
        try:
            out = self._value(e.expr)
        finally:
            self._seeds, self._seed_owners, self._memo = {}, set(), memo
        for tag in range(len(variables), 0, -1):
            out = coefficient(out, tag)
        return out

    # -- dispatch -----------------------------------------------------------------------------

    def _value(self, e: Basic) -> Value:
        if e.is_Rational:
            return Fraction(int(e.p), int(e.q))
        handler = _HANDLERS.get(type(e))
        if handler is not None:
            return handler(self, e)
        if isinstance(e, AppliedUndef):
            return self._call(e)
        if isinstance(e, (Sum, Product)):
            return self._big(e)
        if isinstance(e, Symbol):
            return self._symbol(e)
        if isinstance(e, Derivative):
            return self._derivative(e)
        raise Unsupported(f"no numeric rule for {type(e).__name__}")


def _sum(ev: Evaluator, e: Basic) -> Value:
    total: Value = ZERO
    for a in e.args:
        total = arithmetic.add(total, ev._value(a))
    return total


def _product(ev: Evaluator, e: Basic) -> Value:
    total: Value = ONE
    for a in e.args:
        total = arithmetic.mul(total, ev._value(a))
    return total


def _delta(ev: Evaluator, e: Basic) -> Value:
    a, b = (scalar(ev._value(x), e) for x in e.args[:2])
    if not (isinstance(a, Fraction) and isinstance(b, Fraction)) or len(e.args) > 2:
        raise Unsupported(f"{e}: a delta of inexact values")
    return Fraction(int(a == b))


def _rounded(up: bool) -> Callable[[Evaluator, Basic], Value]:
    def rounded(ev: Evaluator, e: Basic) -> Value:
        x = scalar(ev._value(e.args[0]), e)
        if isinstance(x, Fraction):
            return Fraction(math.ceil(x) if up else math.floor(x))
        if abs(x - mpmath.nint(x)) < mpmath.mpf(10) ** (-ev.digits // 2):
            raise Unsupported(f"{e}: an inexact value next to an integer")
        return Fraction(int(mpmath.ceil(x) if up else mpmath.floor(x)))
    return rounded


def _xlogy(ev: Evaluator, e: Basic) -> Value:
    """``x log y`` with ``0 log y = 0``: an exactly zero ``x`` gives zero whatever ``y`` is (the
    convention of information theory); any other ``x`` is multiplied by ``log y``. A
    derivative through it is refused (the term has none where ``x`` is 0 and ``y`` is 0)."""
    x = ev._value(e.args[0])
    if isinstance(x, arithmetic.Dual):
        raise Unsupported(f"{e}: a derivative through x log y")
    if isinstance(x, Fraction) and x == 0:
        return ZERO
    return arithmetic.mul(x, arithmetic.log(ev._value(e.args[1]), e))


def _log(ev: Evaluator, e: Basic) -> Value:
    if len(e.args) != 1:
        raise Unsupported("a log with a base")
    return arithmetic.log(ev._value(e.args[0]), e)


def _extremum(ev: Evaluator, e: Extremum) -> Value:
    """The largest (smallest) entry of the range; undefined where the range is empty."""
    lo, hi = (_integer(scalar(ev._value(b), e), e) for b in (e.lo, e.hi))
    if hi < lo:
        raise Undefined(f"{e} ranges over no entry at {e.lo} = {lo}, {e.hi} = {hi}")
    if hi - lo + 1 > ev.max_terms:
        raise Unsupported(f"{e} has {hi - lo + 1} entries")
    values = [scalar(ev._value(entry(e.base, (n,))), e) for n in range(lo, hi + 1)]
    return max(values) if isinstance(e, MaxOver) else min(values)


def _integral(ev: Evaluator, e: Integral) -> Value:
    """A definite integral by quadrature (tanh-sinh, at the working precision and ten digits
    more), its variable bound to each node in turn; refused where the quadrature's own error
    estimate is not at the working precision's rounding level, inside a derivative, or where
    an opaque function depends on the variable (a drawn value per node is no function)."""
    if not definite(e) or ev._seeds:
        raise Unsupported(f"{e}: an integral the evaluator does not take")
    x, lo, hi = e.limits[0]
    if any(x in call.free_symbols for call in e.function.atoms(AppliedUndef)):
        raise Unsupported(f"{e}: an integral of an opaque function")

    def end(b: Basic) -> mpmath.mpf:
        if b in (S.Infinity, S.NegativeInfinity):
            return mpmath.inf if b is S.Infinity else mpmath.ninf
        return mpmath.mpf(_real(scalar(ev._value(b), e)))

    compiled = _compiled(e)
    if compiled is not None:  # the parameters' values once, then a compiled function of x
        atoms, function = compiled
        values = [_real(scalar(ev._value(a), e)) for a in atoms]

        def integrand(t: mpmath.mpf) -> mpmath.mpf:
            return mpmath.mpf(function(t, *values))
    else:
        def integrand(t: mpmath.mpf) -> mpmath.mpf:
            ev.bound[x] = t
            return mpmath.mpf(_real(scalar(ev._value(e.function), e)))

    if ev.digits > _QUADRATURE_DIGITS:
        raise Unsupported(f"{e}: quadrature past {_QUADRATURE_DIGITS} digits")
    a, b = end(lo), end(hi)
    # a narrow peak between far ends is missed by the quadrature's nodes: its centre (where
    # an exponent quadratic in the variable is stationary) is made a node of the subdivision
    inside = sorted({c for c in (mpmath.mpf(_real(scalar(ev._value(p), e))) for p in _peaks(e))
                     if a < c < b})
    outer = ev.bound.get(x)
    try:  # ten guard digits: the value must be good to the working precision, like any other
        with mpmath.workdps(ev.digits + 10):
            value, error = mpmath.quad(integrand, [a, *inside, b], error=True)
    finally:
        if outer is None:
            ev.bound.pop(x, None)
        else:
            ev.bound[x] = outer
    if not mpmath.isfinite(value) or error > mpmath.mpf(10) ** (8 - ev.digits) * max(
            1, abs(value)):
        raise Unsupported(f"{e}: the quadrature did not settle (error {mpmath.nstr(error, 3)})")
    if abs(value) > _QUADRATURE_CEILING:  # e^s on [0, oo) "settles" near 10^(8 * 10^107)
        raise Unsupported(f"{e}: the quadrature ran away ({mpmath.nstr(value, 3)}), a sign of "
                          "divergence")
    return +value


#: A quadrature past this magnitude is taken for a divergent integral, not a value: tanh-sinh
#: nodes near an infinite end sample the integrand so far out that e^s gives a finite number
#: past any real one (red-team r09).
_QUADRATURE_CEILING = mpmath.mpf(10) ** 10000

#: Quadrature is refused past this many digits (a refinement past it costs tens of seconds).
_QUADRATURE_DIGITS = 130


@functools.lru_cache(maxsize=256)
def _compiled(e: Integral) -> tuple[tuple[Basic, ...], Callable[..., Any]] | None:
    """The integrand as an mpmath function of the variable and of its other atoms (symbols
    and entries, in the order returned), or None where it holds what only the evaluator
    reads (a sum, a product, a derivative, the engine's notation)."""
    x = e.limits[0][0]
    f = e.function
    if f.has(Sum, Product, Derivative, XLogY, MaxOver, MinOver, KroneckerDelta):
        return None
    atoms = tuple(sorted(f.atoms(Indexed), key=str)) + tuple(sorted(
        (s for s in f.free_symbols - {x} if not any(s in i.free_symbols
                                                   for i in f.atoms(Indexed))), key=str))
    if any(x in a.free_symbols for a in atoms):
        return None
    names = [Dummy() for _ in atoms]
    plain = f.xreplace(dict(zip(atoms, names, strict=True)))
    if plain.free_symbols - {x, *names}:
        return None
    return atoms, lambdify((x, *names), plain, modules="mpmath")


@functools.lru_cache(maxsize=256)
def _peaks(e: Integral) -> tuple[Basic, ...]:
    """Where ``exp(a x^2 + b x + c)`` factors of the integrand are stationary: ``-b / 2a``."""
    x = e.limits[0][0]
    found = []
    for node in e.function.atoms(exp):
        exponent = node.args[0]
        if x not in exponent.free_symbols:
            continue
        try:
            poly = Poly(exponent, x)
        except PolynomialError:
            continue
        if poly.degree() == 2:
            a, b, _ = poly.all_coeffs()
            found.append(-b / (2 * a))
    return tuple(found)


def _real(x: Number) -> mpmath.mpf:
    if isinstance(x, Fraction):
        return mpmath.mpf(x.numerator) / x.denominator
    return x


_HANDLERS: dict[type, Callable[[Evaluator, Any], Value]] = {
    Integral: _integral,
    MaxOver: _extremum,
    MinOver: _extremum,
    Add: _sum,
    Mul: _product,
    Pow: lambda ev, e: arithmetic.power(ev._value(e.args[0]), ev._value(e.args[1]), e),
    exp: lambda ev, e: arithmetic.exp(ev._value(e.args[0])),
    log: _log,
    XLogY: _xlogy,
    KroneckerDelta: _delta,
    ceiling: _rounded(True),
    floor: _rounded(False),
    Abs: lambda ev, e: arithmetic.absolute(ev._value(e.args[0]), e),
    sign: lambda ev, e: arithmetic.signum(ev._value(e.args[0]), e),
    Indexed: lambda ev, e: ev._indexed(e),
    Pi: lambda ev, e: +mpmath.pi,
    Exp1: lambda ev, e: +mpmath.e,
}
