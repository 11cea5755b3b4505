"""Fast numeric evaluation: the value of an expression at a sampled point, without building it.

The sampler's exact path substitutes the point into the expression, writes every sum out and
calls ``evalf``: each of those builds SymPy objects, which is where nearly all of a check's time
went (and a sum of 1000 terms builds thousands). This evaluator walks the expression instead:
a sum is a loop over its index, a subexpression that does not depend on the loop (a softmax's
denominator) is computed once, and values are Python numbers.

Values stay exact rationals (:class:`fractions.Fraction`) as long as the arithmetic is rational,
so a quantity that is exactly zero (a log's argument, a denominator) is seen as zero; only a
transcendental function or an irrational power turns a value into an ``mpmath.mpf`` at
:data:`WORKING_DIGITS`. Anything the evaluator cannot judge exactly as the exact path would
(an undefined or complex intermediate, an unknown function, a derivative, a ceiling of an
inexact value that may sit on an integer) raises :class:`Unsupported`, and the sampler then
judges the whole check by the exact path: this module may only make a check faster, never
change its verdict.

Entries, symbols and function values are drawn lazily, through the sampler's point, the first
time they are needed; a drawn value is fixed for the rest of the point (both sides see it).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any, Protocol, TypeAlias

import mpmath
from sympy import (
    Abs,
    Add,
    Basic,
    Derivative,
    Expr,
    Float,
    Indexed,
    Integer,
    KroneckerDelta,
    Mul,
    Pow,
    Product,
    Rational,
    Sum,
    Symbol,
    ceiling,
    exp,
    floor,
    log,
)
from sympy.core.function import AppliedUndef
from sympy.core.numbers import Exp1, Pi

from derivations.engine.hypotheses import Facts

#: Digits carried by inexact values: well past the sampler's 60, so rounding in a long sum does
#: not reach the digits a comparison looks at.
WORKING_DIGITS = 100

#: A sum or product with more terms is left to the exact path (which refuses it).
MAX_TERMS = 100_000

Number: TypeAlias = "Fraction | mpmath.mpf"


class Unsupported(Exception):
    """The evaluator cannot judge this expression at this point; the exact path must."""


class Point(Protocol):
    """What the evaluator needs from the sampler's point (``sampling._Point``)."""

    values: dict[Basic, Expr]
    drawn: list[Basic]
    facts: Facts

    def draw(self, atom: Basic) -> None: ...

    def concrete(self, e: Basic, bound: dict[Basic, Expr]) -> Basic: ...


def inexact(x: Number) -> mpmath.mpf:
    return x if not isinstance(x, Fraction) else mpmath.mpf(x.numerator) / x.denominator


def _integer(x: Number, what: Basic) -> int:
    if isinstance(x, Fraction) and x.denominator == 1:
        return int(x)
    raise Unsupported(f"{what} is not an integer here")


def _from_sympy(value: Expr) -> Number:
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    raise Unsupported(f"the drawn value {value} is not rational")


def _to_sympy(x: Number) -> Expr:
    if isinstance(x, Fraction):
        return Rational(x.numerator, x.denominator)
    return Float(x, WORKING_DIGITS)


class Evaluator:
    """Values of expressions at one point; lhs and rhs of a step share one evaluator."""

    def __init__(self, point: Point) -> None:
        self.point = point
        self.bound: dict[Basic, Number] = {}
        #: drawn values by (family label, concrete indices) and by function application
        self._entries: dict[tuple[Basic, tuple[int, ...]], Number] = {}
        self._calls: dict[tuple[int, tuple[tuple[Basic, Number], ...]], Number] = {}
        self._synced = 0
        #: values of sums and products, by node and the values of the loop indices inside them
        self._memo: dict[tuple[int, tuple[tuple[Basic, Number], ...]], Number] = {}
        self._free: dict[int, frozenset[Basic]] = {}
        self._keep: list[Basic] = []  # memo keys are ids: keep their nodes alive
        self._symbols: dict[Basic, Number] = {}
        self._written: dict[tuple[int, tuple[tuple[Basic, Number], ...]], Basic] = {}

    def value(self, e: Basic) -> Number:
        """The value of ``e``; raises :class:`Unsupported` where the exact path must decide."""
        with mpmath.workdps(WORKING_DIGITS):
            out = self._value(e)
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

    def _symbol(self, e: Symbol) -> Number:
        if e in self.bound:
            return self.bound[e]
        value = self._symbols.get(e)
        if value is None:
            if e not in self.point.values:
                self.point.draw(e)
            value = self._symbols[e] = _from_sympy(self.point.values[e])
        return value

    def _indexed(self, e: Indexed) -> Number:
        indices = tuple(_integer(self._value(i), e) for i in e.indices)
        key = (e.base.label, indices)
        known = self._entries.get(key)
        if known is None:
            self._sync()
            known = self._entries.get(key)
        if known is None:
            self.point.draw(e.base[tuple(Integer(i) for i in indices)])
            self._sync()
            known = self._entries.get(key)
            if known is None:
                raise Unsupported(f"no value was drawn for {e}")
        return known

    def _call(self, e: AppliedUndef) -> Number:
        """An opaque function's value, drawn for the application as the exact path sees it:
        integers put in (sizes, loop indices, ranged entries such as a label ``y_i``), other
        arguments left as they are (``g(theta)``); an application nested in another is drawn
        first and its value put in."""
        key = self._key(e)
        known = self._calls.get(key)
        if known is None:
            if e.atoms(AppliedUndef) - {e}:
                concrete = e.func(*[_to_sympy(self._value(a)) for a in e.args])
            else:  # integers go in: loop indices and ranged entries (a label y_i)
                known_ints: dict[Basic, Expr] = {
                    a: _to_sympy(self._value(a)) for a in e.atoms(Indexed)
                    if self.point.facts.range_of(a) is not None}
                known_ints.update((s, _to_sympy(v)) for s, v in self.bound.items())
                concrete = self.point.concrete(e, known_ints)
            if concrete not in self.point.values:
                self.point.draw(concrete)
            known = self._calls[key] = _from_sympy(self.point.values[concrete])
        return known

    # -- sums and products --------------------------------------------------------------------

    def _key(self, e: Basic) -> tuple[int, tuple[tuple[Basic, Number], ...]]:
        """``e`` and the values of the loop indices it depends on: what its value rests on."""
        free = self._free.get(id(e))
        if free is None:
            # every symbol, not free_symbols: a derivative omits the indices of its variable
            free = self._free[id(e)] = frozenset(e.atoms(Symbol))
            self._keep.append(e)
        return id(e), tuple((s, v) for s, v in self.bound.items() if s in free)

    def _big(self, e: Sum | Product) -> Number:
        """A sum or product, computed once for each value of the loop indices it depends on."""
        key = self._key(e)
        known = self._memo.get(key)
        if known is None:
            known = self._memo[key] = self._loop(e)
        return known

    def _loop(self, e: Sum | Product) -> Number:
        index, lo_e, hi_e = e.limits[-1]
        inner = e.func(e.function, *e.limits[:-1]) if len(e.limits) > 1 else e.function
        lo, hi = _integer(self._value(lo_e), e), _integer(self._value(hi_e), e)
        if hi < lo - 1:
            raise Unsupported(f"the range {lo}..{hi} of {e} runs backwards")
        if hi - lo + 1 > MAX_TERMS:  # the exact path says so, in its own words
            raise Unsupported(f"{e} has {hi - lo + 1} terms")
        outer = self.bound.get(index)
        total: Number = Fraction(0 if isinstance(e, Sum) else 1)
        try:
            for n in range(lo, hi + 1):
                self.bound[index] = Fraction(n)
                term = self._value(inner)
                total = _add(total, term) if isinstance(e, Sum) else _mul(total, term)
        finally:
            if outer is None:
                self.bound.pop(index, None)
            else:
                self.bound[index] = outer
        return total

    def _derivative(self, e: Derivative) -> Number:
        """Carried out as the exact path does: on the expression written out at this point's
        sizes and loop indices (symbolic differentiation; only its value is numeric)."""
        key = self._key(e)
        done = self._written.get(key)
        if done is None:
            bound = {s: _to_sympy(v) for s, v in self.bound.items()}
            done = self._written[key] = self.point.concrete(e, bound)
        return self._value(done)

    # -- dispatch -----------------------------------------------------------------------------

    def _value(self, e: Basic) -> Number:
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


def _add(a: Number, b: Number) -> Number:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a + b
    return inexact(a) + inexact(b)


def _mul(a: Number, b: Number) -> Number:
    if isinstance(a, Fraction) and (isinstance(b, Fraction) or a == 0):
        return a * b if isinstance(b, Fraction) else a  # exactly zero times a finite value
    if isinstance(b, Fraction) and b == 0:
        return b
    return inexact(a) * inexact(b)


def _sum(ev: Evaluator, e: Basic) -> Number:
    total: Number = Fraction(0)
    for a in e.args:
        total = _add(total, ev._value(a))
    return total


def _product(ev: Evaluator, e: Basic) -> Number:
    total: Number = Fraction(1)
    for a in e.args:
        total = _mul(total, ev._value(a))
    return total


def _power(ev: Evaluator, e: Basic) -> Number:
    base, power = ev._value(e.args[0]), ev._value(e.args[1])
    if isinstance(power, Fraction) and power.denominator == 1:
        if base == 0 and power < 0:
            raise Unsupported(f"{e}: division by zero")
        return base ** int(power)  # exact for a fraction
    if base < 0 or (base == 0 and power <= 0):
        raise Unsupported(f"{e}: not a real number here")
    if base == 0:
        return Fraction(0)
    return mpmath.power(inexact(base), inexact(power))


def _exp(ev: Evaluator, e: Basic) -> Number:
    x = ev._value(e.args[0])
    return Fraction(1) if x == 0 else mpmath.exp(inexact(x))


def _log(ev: Evaluator, e: Basic) -> Number:
    if len(e.args) != 1:
        raise Unsupported("a log with a base")
    x = ev._value(e.args[0])
    if x <= 0:
        raise Unsupported(f"{e}: the log of a number that is not positive")
    return Fraction(0) if x == 1 else mpmath.log(inexact(x))


def _delta(ev: Evaluator, e: Basic) -> Number:
    a, b = (ev._value(x) for x in e.args[:2])
    if not (isinstance(a, Fraction) and isinstance(b, Fraction)) or len(e.args) > 2:
        raise Unsupported(f"{e}: a delta of inexact values")
    return Fraction(int(a == b))


def _rounded(up: bool) -> Callable[[Evaluator, Basic], Number]:
    def rounded(ev: Evaluator, e: Basic) -> Number:
        x = ev._value(e.args[0])
        if isinstance(x, Fraction):
            return Fraction(math.ceil(x) if up else math.floor(x))
        if abs(x - mpmath.nint(x)) < mpmath.mpf(10) ** (-WORKING_DIGITS // 2):
            raise Unsupported(f"{e}: an inexact value next to an integer")
        return Fraction(int(mpmath.ceil(x) if up else mpmath.floor(x)))
    return rounded


_HANDLERS: dict[type, Callable[[Evaluator, Any], Number]] = {
    Add: _sum,
    Mul: _product,
    Pow: _power,
    exp: _exp,
    log: _log,
    KroneckerDelta: _delta,
    ceiling: _rounded(True),
    floor: _rounded(False),
    Abs: lambda ev, e: abs(ev._value(e.args[0])),
    Indexed: lambda ev, e: ev._indexed(e),
    Pi: lambda ev, e: +mpmath.pi,
    Exp1: lambda ev, e: +mpmath.e,
}
