"""Arithmetic for the fast evaluator: exact where it can be, and dual numbers for derivatives.

A value is an exact :class:`~fractions.Fraction` while only rational operations produced it, an
``mpmath.mpf`` once a transcendental function or an irrational power did, or a :class:`Dual`
carrying derivatives. Every operation refuses (raises :class:`Unsupported`) where the real
result is undefined or its value cannot be told apart from an edge case; the sampler then judges
the point by exact evaluation.

Derivatives are taken in forward mode: ``x + e_t`` with ``e_t ** 2 = 0``, one tag ``t`` per
differentiation, duals nested by tag (a dual's parts carry only lower tags), so a mixed second
derivative is the ``e_1 e_2`` coefficient. The rules are the calculus ones (product rule, chain
rule through exp, log and powers); nothing is differentiated symbolically.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TypeAlias

import mpmath


class Unsupported(Exception):
    """The evaluator cannot judge this expression at this point; the exact path must."""


class Undefined(Unsupported):
    """The expression has no value at this point, and exact arguments show it: the log of an
    exact non-positive number, an exact zero to a negative power, |x| differentiated at an
    exact 0. The side is undefined there (the exact path may not see it: SymPy's derivative of
    |x| is sign x, which is 0 at 0)."""


class Dual:
    """``re + eps * e_tag``; ``re`` and ``eps`` are values with lower tags only."""

    __slots__ = ("re", "eps", "tag")

    def __init__(self, re: Value, eps: Value, tag: int) -> None:
        self.re, self.eps, self.tag = re, eps, tag

    def __repr__(self) -> str:
        return f"Dual({self.re!r}, {self.eps!r}, tag={self.tag})"


Number: TypeAlias = "Fraction | mpmath.mpf"
Value: TypeAlias = "Fraction | mpmath.mpf | Dual"
ZERO, ONE = Fraction(0), Fraction(1)


def inexact(x: Number) -> mpmath.mpf:
    return x if not isinstance(x, Fraction) else mpmath.mpf(x.numerator) / x.denominator


def real_part(x: Value) -> Number:
    """The value without its derivatives (what a sign or a domain is judged on)."""
    while isinstance(x, Dual):
        x = x.re
    return x


def scalar(x: Value, what: object) -> Number:
    """``x`` without derivative parts, when they are all exactly zero; else refused (a step
    function or an opaque function of a differentiation variable has no derivative here)."""
    if not isinstance(x, Dual):
        return x
    if _is_zero(x.eps):
        return scalar(x.re, what)
    raise Unsupported(f"{what}: no derivative rule")


def _is_zero(x: Value) -> bool:
    if isinstance(x, Dual):
        return _is_zero(x.re) and _is_zero(x.eps)
    return isinstance(x, Fraction) and x == 0


def seeded(x: Number, tags: tuple[bool, ...]) -> Value:
    """``x + e_t`` for every tag ``t`` (1, 2, ...) whose flag is set: a differentiation
    variable, seen by the differentiations that are with respect to it."""
    out: Value = x
    for tag, on in enumerate(tags, 1):
        out = Dual(out, ONE if on else ZERO, tag)
    return out


def coefficient(x: Value, tag: int) -> Value:
    """The ``e_tag`` part of ``x``, where ``tag`` is the highest tag ``x`` can carry."""
    if isinstance(x, Dual) and x.tag == tag:
        return x.eps
    return ZERO


def _split(x: Value, tag: int) -> tuple[Value, Value]:
    if isinstance(x, Dual) and x.tag == tag:
        return x.re, x.eps
    return x, ZERO


def _top(a: Value, b: Value) -> int:
    return max(a.tag if isinstance(a, Dual) else 0, b.tag if isinstance(b, Dual) else 0)


def add(a: Value, b: Value) -> Value:
    tag = _top(a, b)
    if not tag:
        if isinstance(a, Fraction) and isinstance(b, Fraction):
            return a + b
        return inexact(a) + inexact(b)
    (ar, ae), (br, be) = _split(a, tag), _split(b, tag)
    return Dual(add(ar, br), add(ae, be), tag)


def mul(a: Value, b: Value) -> Value:
    tag = _top(a, b)
    if not tag:
        if isinstance(a, Fraction) and (isinstance(b, Fraction) or a == 0):
            return a * b if isinstance(b, Fraction) else a  # exactly zero times a finite value
        if isinstance(b, Fraction) and b == 0:
            return b
        return inexact(a) * inexact(b)
    (ar, ae), (br, be) = _split(a, tag), _split(b, tag)
    return Dual(mul(ar, br), add(mul(ar, be), mul(ae, br)), tag)


def exp(x: Value) -> Value:
    if isinstance(x, Dual):
        value = exp(x.re)
        return Dual(value, mul(value, x.eps), x.tag)
    return ONE if x == 0 else mpmath.exp(inexact(x))


def log(x: Value, what: object) -> Value:
    if real_part(x) <= 0:
        if isinstance(real_part(x), Fraction):
            raise Undefined(f"{what}: the log of a number that is not positive")
        raise Unsupported(f"{what}: the log of a number that may not be positive")
    if isinstance(x, Dual):
        return Dual(log(x.re, what), mul(x.eps, power(x.re, Fraction(-1), what)), x.tag)
    return ZERO if x == 1 else mpmath.log(inexact(x))


#: An exact integer power of a fraction is computed only up to about this many bits; beyond, a
#: power such as (123457/10^5)^(10^6) is computed at the working precision.
_EXACT_BITS = 1 << 16


def power(base: Value, exponent: Value, what: object) -> Value:
    """``base ** exponent`` for a real result: an integer power of anything (not 0 to a
    negative power), any power of a positive base."""
    if isinstance(exponent, Dual):  # b ** x = exp(x log b)
        return exp(mul(exponent, log(base, what)))
    if isinstance(base, Dual):
        if exponent == 0:
            return ONE
        slope = mul(exponent, power(base.re, exponent - 1, what))
        return Dual(power(base.re, exponent, what), mul(slope, base.eps), base.tag)
    if isinstance(exponent, Fraction) and exponent.denominator == 1:
        if base == 0 and exponent < 0:
            if isinstance(base, Fraction):
                raise Undefined(f"{what}: division by zero")
            raise Unsupported(f"{what}: division by zero")
        if isinstance(base, Fraction) and abs(exponent) * (
                base.numerator.bit_length() + base.denominator.bit_length()) > _EXACT_BITS:
            return mpmath.power(inexact(base), int(exponent))  # exact would take minutes
        return base ** int(exponent)  # exact for a fraction
    if base < 0 or (base == 0 and exponent <= 0):
        raise Unsupported(f"{what}: not a real number here")
    if base == 0:
        return ZERO
    return mpmath.power(inexact(base), inexact(exponent))


def absolute(x: Value, what: object) -> Value:
    if not isinstance(x, Dual):
        return abs(x)
    sign = real_part(x)
    if sign == 0:
        raise Undefined(f"{what}: |x| has no derivative at 0")
    if not isinstance(sign, Fraction) and abs(sign) < mpmath.mpf(10) ** (-mpmath.mp.dps // 2):
        raise Unsupported(f"{what}: an inexact value next to the kink of |x|")
    return mul(x, ONE if sign > 0 else -ONE)


def signum(x: Value, what: object) -> Value:
    """sign x: its derivative is 0 away from 0, and there is none at 0; an inexact value too
    close to 0 to tell its sign is left to the exact path."""
    value = real_part(x)
    if isinstance(x, Dual) and value == 0:
        raise Undefined(f"{what}: sign x has no derivative at 0")
    if not isinstance(value, Fraction) and abs(value) < mpmath.mpf(10) ** (-mpmath.mp.dps // 2):
        raise Unsupported(f"{what}: an inexact value next to 0")
    return Fraction((value > 0) - (value < 0))  # a constant: no derivative parts
