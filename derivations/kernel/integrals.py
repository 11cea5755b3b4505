"""Definite integrals in the kernel: which ones converge, an integral as an opaque real, and
the fundamental theorem of calculus.

The kernel's algebra never looks inside an integral. A side that holds one is proved by
replacing every integral with an opaque real number (:func:`atomise`), which is sound only
for an integral that has a value, so each must first be shown to converge (:func:`converges`):

* between two finite ends, an integrand continuous there: built of sums, products, powers and
  functions continuous wherever they are defined, and defined and real at every point between
  them (the variable is any real number, or a non-negative one when both ends are shown
  non-negative, a non-positive one when both are non-positive);
* over an infinite interval, every term of the expanded integrand is continuous on the whole
  interval and decays like a Gaussian or an exponential: a polynomial times ``exp(P(x))`` with
  ``P`` a polynomial whose leading coefficient is shown to send ``P`` to ``-oo`` at every
  infinite end.

Two integrals are the same opaque number when their ends agree and their integrands are
proved equal on the interval; an integral of a sum whose every term converges is the sum of
the integrals of its terms (linearity, sound because each term's integral exists).

An integral gets a value only by the fundamental theorem of calculus (:func:`fundamental`):
the author names an antiderivative ``F``; the kernel proves ``F' = f`` on the interval, checks
that ``F`` is built of functions smooth where they are defined and is defined on the closed
interval, and takes ``F(b) - F(a)``, an infinite end by SymPy's ``limit`` (Gruntz's
algorithm), which must be finite. The sampler still evaluates every integral by quadrature,
so a wrong limit is met by a counterexample.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sympy import (
    AccumBounds,
    Add,
    Basic,
    Dummy,
    Expr,
    Function,
    Integral,
    Lambda,
    Limit,
    Mul,
    Poly,
    Pow,
    Rational,
    S,
    Symbol,
    atan,
    cos,
    cosh,
    diff,
    erf,
    erfc,
    exp,
    expand,
    limit,
    log,
    powsimp,
    sin,
    sinh,
    tanh,
)
from sympy.polys.polyerrors import PolynomialError

from derivations.kernel.canonical import prepare
from derivations.kernel.positivity import is_nonnegative, is_strictly_positive
from derivations.language.hypotheses import Facts

#: Functions smooth (so continuous) at every point where they are defined: the only ones an
#: integrand or an antiderivative may apply to the integration variable.
_SMOOTH = (exp, log, sin, cos, atan, sinh, cosh, tanh, erf, erfc)

#: A judgement of the kernel's that a side may be undefined (``judge.may_be_undefined``).
Undefined = Callable[[Basic, Facts], bool]
#: A judgement of the kernel's that two sides are equal (``judge.proves_equal``).
Equal = Callable[[Basic, Basic, Facts], bool]


def limits(node: Basic) -> tuple[Symbol, Basic, Basic] | None:
    """``(x, a, b)`` for a definite integral over one real variable, else None."""
    if isinstance(node, Integral) and len(node.limits) == 1 and len(node.limits[0]) == 3 \
            and isinstance(node.limits[0][0], Symbol):
        x, a, b = node.limits[0]
        return x, a, b
    return None


def integrals(*exprs: Basic) -> list[Integral]:
    """Every integral in ``exprs``, each once, in a fixed order."""
    found: dict[Basic, None] = {}
    for e in exprs:
        for node in _preorder(e):
            if isinstance(node, Integral):
                found.setdefault(node)
    return list(found)


def _preorder(e: Basic) -> Iterable[Basic]:
    stack = [e]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.args))


@dataclass(frozen=True)
class Interval:
    """The ends of an integral, and its variable as a real Dummy restricted to it."""

    lo: Basic
    hi: Basic
    variable: Dummy

    @property
    def finite(self) -> bool:
        return not (self.lo is S.NegativeInfinity or self.hi is S.Infinity)


def interval(lo: Basic, hi: Basic, facts: Facts, undefined: Undefined) -> Interval | str:
    """The interval from ``lo`` to ``hi`` with its variable, or why it is not one the kernel
    integrates over: an end that is not a real value or an infinity in the right place."""
    for end, infinite in ((lo, S.NegativeInfinity), (hi, S.Infinity)):
        if end == infinite:
            continue
        if end.has(S.Infinity, S.NegativeInfinity, S.ComplexInfinity, S.NaN) \
                or end.has(Integral) or undefined(end, facts) or end.is_extended_real is not True:
            return (f"the end {end} is neither a real value nor "
                    f"{'-oo below' if infinite is S.NegativeInfinity else 'oo above'}")
    # the variable ranges over the real line, or a half-line that holds the whole interval
    # (its ends in either order, when both are finite)
    assumptions = {"real": True}
    if _nonnegative_between(lo, hi, facts):
        assumptions = {"nonnegative": True}
    elif _nonnegative_between(-hi, -lo, facts):
        assumptions = {"nonpositive": True}
    return Interval(lo, hi, Dummy("x", **assumptions))


def _nonnegative_between(lo: Basic, hi: Basic, facts: Facts) -> bool:
    """Whether every point between ``lo`` and ``hi`` is non-negative (both ends finite and
    non-negative, or ``hi = oo`` and ``lo`` non-negative)."""
    return all(e is S.Infinity or (e is not S.NegativeInfinity and is_nonnegative(e, facts))
               for e in (lo, hi))


def continuous(f: Basic, x: Dummy, facts: Facts, undefined: Undefined) -> str | None:
    """Why ``f`` is not shown continuous and real at every value of ``x``, or None: every
    node that depends on ``x`` must be a sum, a product, a power or a function of
    :data:`_SMOOTH`, and ``f`` must be defined and real there."""
    for node in _preorder(f):
        if x not in node.free_symbols or node == x:
            continue
        if not isinstance(node, (Add, Mul, Pow, *_SMOOTH)):
            return f"{node.xreplace({x: Symbol('x')})} may jump or is not a function the " \
                   "kernel knows to be continuous"
    if undefined(f, facts):
        return "it may be undefined at a point of the interval"
    if f.is_extended_real is not True:
        return "it may be complex at a point of the interval"
    return None


def _decays(term: Basic, x: Dummy, span: Interval, facts: Facts) -> bool:
    """Whether ``term`` is a polynomial in ``x`` times ``exp(P(x))`` with ``P(x) -> -oo`` at
    every infinite end of ``span`` (the leading coefficient's sign shown)."""
    _, dependent = term.as_independent(x, as_Add=False)
    exponent: Basic = S.Zero
    rest: list[Basic] = []
    for factor in Mul.make_args(powsimp(dependent, combine="exp")):
        if isinstance(factor, exp):
            exponent += factor.args[0]
        elif isinstance(factor, Pow) and factor.base is S.Exp1:
            exponent += factor.exp
        else:
            rest.append(factor)
    try:
        if not Mul(*rest).is_polynomial(x):
            return False
        p = Poly(expand(exponent), x)
    except PolynomialError:
        return False
    degree = p.degree()
    if degree < 1:
        return False
    lead = p.LC()
    ends = []
    if span.hi is S.Infinity:
        ends.append(lead)
    if span.lo is S.NegativeInfinity:
        ends.append(lead * (-1) ** degree)
    return all(is_strictly_positive(-c, facts) for c in ends)


def _terms(f: Basic) -> list[Basic]:
    return list(Add.make_args(expand(f)))


def converges(node: Integral, facts: Facts, undefined: Undefined) -> str | None:
    """Why the definite integral ``node`` is not shown to converge, or None."""
    found = limits(node)
    if found is None:
        return f"{node} is not a definite integral over one variable"
    x, lo, hi = found
    span = interval(lo, hi, facts, undefined)
    if isinstance(span, str):
        return span
    f = node.function.xreplace({x: span.variable})
    if f.has(Integral):
        return "an integral inside an integral"
    if span.finite:
        return continuous(f, span.variable, facts, undefined)
    for term in _terms(f):
        problem = continuous(term, span.variable, facts, undefined)
        if problem is not None:
            return problem
        if not _decays(term, span.variable, span, facts):
            return (f"its term {term.xreplace({span.variable: x})} is not shown to decay at "
                    "the infinite end (a polynomial times exp of a polynomial going to -oo)")
    return None


def atomise(sides: tuple[Basic, ...], facts: Facts, undefined: Undefined,
            equal: Equal) -> tuple[Basic, ...] | None:
    """``sides`` with every integral replaced by an opaque real number, or None when one is
    not shown to converge. An integral of a sum whose every term converges becomes the sum of
    its terms' integrals, each term's factor that does not depend on the variable taken out;
    two integrals over the same interval whose integrands are proved equal there are the same
    number."""
    found = integrals(*sides)
    if not found:
        return sides
    pieces: list[_Piece] = []
    replacement: dict[Basic, Basic] = {}
    for node in found:
        if converges(node, facts, undefined) is not None:
            return None
        x, lo, hi = limits(node)  # type: ignore[misc]
        span = interval(lo, hi, facts, undefined)
        assert not isinstance(span, str)
        f = node.function.xreplace({x: span.variable})
        split = [t.as_independent(span.variable, as_Add=False) for t in _terms(f)]
        if all(
                converges(Integral(g.xreplace({span.variable: x}), (x, lo, hi)), facts,
                          undefined) is None for _, g in split):
            parts = split
        else:
            parts = [(S.One, f)]
        total: Basic = S.Zero
        for c, g in parts:
            total += c * _atom(pieces, lo, hi, g, span.variable, facts, equal)
        replacement[node] = total
    return tuple(side.xreplace(replacement) for side in sides)


#: An integral made opaque: its ends, its integrand, its variable and the number standing for it.
_Piece = tuple[Basic, Basic, Basic, Dummy, Basic]


def _atom(pieces: list[_Piece], lo: Basic, hi: Basic, g: Basic, x: Dummy, facts: Facts,
          equal: Equal) -> Basic:
    """The opaque number standing for the integral of ``g`` from ``lo`` to ``hi``: one
    already made for an integrand proved equal to ``g`` on the same interval, else a new one."""
    for lo2, hi2, g2, x2, atom in pieces:
        other = g2.xreplace({x2: x})
        if (lo2, hi2) == (lo, hi) and (other == g or (
                other.free_symbols == g.free_symbols and _alike(other, g)
                and equal(other, g, facts))):
            return atom
    # a number for each value of what the integral depends on: an opaque function of its free
    # symbols, so that a sum over an index inside it, or a derivative in a parameter of it,
    # still sees that dependence (red-team p01, p02)
    free = sorted((g.free_symbols | lo.free_symbols | hi.free_symbols) - {x}, key=str)
    atom = Function(f"_I{len(pieces)}", real=True)(*free) if free else Dummy("I", real=True)
    pieces.append((lo, hi, g, x, atom))
    return atom


def _alike(a: Basic, b: Basic) -> bool:
    """Whether ``a`` and ``b`` agree at two fixed points (every symbol set to 7/10, then to
    13/10): only then does :func:`_atom` ask the kernel to prove them equal, which costs far
    more when they differ. A filter on what to try, never a verdict."""
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    for value in (Rational(7, 10), Rational(13, 10)):
        at = {s: value for s in symbols}
        try:
            gap = complex((a.xreplace(at) - b.xreplace(at)).evalf(30))
            size = abs(complex(a.xreplace(at).evalf(30)))
        except (TypeError, ValueError, ZeroDivisionError):
            return True  # no value there: let the kernel decide
        if abs(gap) > 1e-12 * max(1.0, size):
            return False
    return True


@dataclass(frozen=True)
class Evaluation:
    """What the fundamental theorem gave for one antiderivative: the integral it evaluates
    and its value, or why it gives none."""

    antiderivative: Lambda
    integral: Integral | None
    value: Expr | None
    problem: str


def fundamental(expr: Basic, antiderivatives: tuple[Lambda, ...], facts: Facts,
                undefined: Undefined, equal: Equal) -> list[Evaluation]:
    """For each antiderivative ``F``, the first integral of ``expr`` whose integrand it is
    proved to be an antiderivative of, and ``F(b) - F(a)`` (an infinite end by its limit),
    or why there is none."""
    out = []
    candidates = integrals(expr)
    for form in antiderivatives:
        v = form.variables[0]
        shown = ", ".join(str(n.function.xreplace({n.limits[0][0]: v})) for n in candidates
                          if limits(n) is not None) or "none"
        best = (f"its derivative {diff(form.expr, v)} is proved equal to no integrand on the "
                f"left (integrands, in {v}: {shown})")
        for node in candidates:
            value, problem = _evaluate(node, form, facts, undefined, equal)
            if value is not None:
                out.append(Evaluation(form, node, value, ""))
                break
            if problem and not problem.startswith("F'"):
                best = problem
        else:
            out.append(Evaluation(form, None, None, best))
    return out


def _evaluate(node: Integral, form: Lambda, facts: Facts, undefined: Undefined,
              equal: Equal) -> tuple[Expr | None, str]:
    found = limits(node)
    if found is None:
        return None, f"{node} is not a definite integral over one variable"
    x, lo, hi = found
    span = interval(lo, hi, facts, undefined)
    if isinstance(span, str):
        return None, span
    v = span.variable
    f = node.function.xreplace({x: v})
    F = prepare(form.expr, facts).xreplace({form.variables[0]: v})  # definitions unfolded
    if not equal(diff(F, v), f, facts):
        return None, "F' = f not proved"
    rough = continuous(F, v, facts, undefined)
    if rough is not None:
        return None, f"the antiderivative {form.expr} is not continuous on the interval: {rough}"
    ends = []
    for end, sign in ((hi, 1), (lo, -1)):
        if end in (S.Infinity, S.NegativeInfinity):
            try:
                at = limit(F, v, end)
            except Exception:  # SymPy's limit gives up: no value
                return None, f"SymPy's limit of F at {end} gave no value"
            if at.has(S.Infinity, S.NegativeInfinity, S.ComplexInfinity, S.NaN, Integral,
                      Limit, AccumBounds) or not at.free_symbols <= F.free_symbols - {v} \
                    or at.is_extended_real is not True:
                return None, f"the limit of F at {end} is not a finite value ({at})"
        else:
            at = F.xreplace({v: end})
            if undefined(at, facts):
                return None, f"F is undefined at the end {end}"
        ends.append(sign * at)
    return Add(*ends), ""


__all__ = ["Evaluation", "atomise", "converges", "fundamental", "integrals", "limits"]
