"""The sampler's points: sizes, indices and values drawn in the hypotheses' domain.

A :class:`Point` draws lazily: the sizes and free integers first (:meth:`Point.fix_free`), then
each entry, symbol and function value when it is first needed, in the range or the domain its
hypotheses give (a simplex row all at once, summing exactly to 1). What it drew is recorded for a
counterexample. ``write_out`` turns a sum with concrete bounds into the terms it stands for.
"""

from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Iterator, Sequence
from typing import Any

import mpmath
from sympy import (
    Add,
    Basic,
    Derivative,
    Expr,
    Float,
    Indexed,
    IndexedBase,
    Integer,
    Integral,
    KroneckerDelta,
    Limit,
    Max,
    Min,
    Mul,
    Poly,
    Pow,
    Product,
    Rational,
    S,
    Sum,
    Symbol,
    default_sort_key,
    floor,
    together,
)
from sympy.core.evalf import PrecisionExhausted
from sympy.core.function import AppliedUndef
from sympy.polys.polyerrors import CoercionFailed, PolynomialError

from derivations.kernel.canonical import smooth
from derivations.language import vocabulary
from derivations.language.hypotheses import Facts
from derivations.language.notation import Extremum, MaxOver
from derivations.settings import CheckSettings

#: Rounds of drawing entries whose indices are themselves drawn entries (q_{y_i}).
_MAX_ROUNDS = 8


#: Sizes drawn next to a constant of the step stay at most this large (a sum of that many
#: terms is written out in well under a second; nested ones go to the exact path's sizes).
_LANDMARK_SIZE = 100_000


def landmarks(sides: list[Basic]) -> tuple[Rational, ...]:
    """The step's numeric constants other than the special values every point tries (0, +-1,
    +-2, 1/2): the magnitudes of its rational atoms and of every constant subexpression
    (``2^10`` written unevaluated, ``10^7 pi``), the irrational ones to 30 digits; sorted."""
    found: set[Rational] = set()
    for node in nodes(sides):
        if not node.is_number or node.has(Sum, Product, Derivative, Integral, Limit):
            continue  # a series is not evaluated here: it may not converge, or slowly
        if node.is_Rational:
            found.add(abs(node))
            continue
        value = node.evalf(30)
        if value.is_Float and value.is_finite and value != 0 and abs(value) < 10 ** 30:
            found.add(abs(Rational(str(value))))
    return tuple(sorted(n for n in found if n not in (0, 1, 2, Rational(1, 2))))


#: The first this many values of a sum's index, from its lower bound, are put into a delta's
#: equation by :func:`hot_sizes`; at most as many sizes are kept.
_HOT_INDICES = 3


def hot_sizes(sides: list[Basic], facts: Facts) -> list[tuple[Symbol, Integer]]:
    """Sizes where a Kronecker delta of ``sides`` is hot: its equation solved for the one size
    it holds, every other symbol of it the index of a sum at one of the first
    :data:`_HOT_INDICES` values from the sum's lower bound. ``delta((j + 6)^2, k)`` summed from
    j = 1 is hot at k = 49, 64, 81, sizes that neither the random draws nor the step's constants
    (12 and 36) give (m05). Positive integer roots up to :data:`_LANDMARK_SIZE`, the smallest
    first, at most :data:`_HOT_INDICES` of them."""
    starts = {v: int(lo) for n in nodes(sides) if isinstance(n, (Sum, Product))
              for v, lo, _ in n.limits if lo.is_Integer}
    found: set[tuple[Symbol, Integer]] = set()
    for delta in (n for n in nodes(sides) if isinstance(n, KroneckerDelta)):
        equation = delta.args[0] - delta.args[1]
        sizes = [s for s in facts.sizes if s in equation.free_symbols]
        indices = _sorted(equation.free_symbols - set(sizes))
        if len(sizes) != 1 or not set(indices) <= starts.keys():
            continue
        for offsets in itertools.product(range(_HOT_INDICES), repeat=len(indices)):
            at = equation.xreplace({v: Integer(starts[v] + o)
                                    for v, o in zip(indices, offsets, strict=True)})
            try:
                poly = Poly(at, sizes[0], domain="QQ")
            except (PolynomialError, CoercionFailed):
                continue
            if 1 <= poly.degree() <= _MAX_DEGREE:
                found.update((sizes[0], r) for r in poly.real_roots()
                             if r.is_Integer and 1 <= r <= _LANDMARK_SIZE)
    return sorted(found, key=lambda pair: (int(pair[1]), str(pair[0])))[:_HOT_INDICES]


def write_out(e: Basic, max_terms: int) -> Basic:
    """Every sum or product with concrete bounds as an explicit Add or Mul (outermost limit
    first, so inner bounds may depend on outer indices); derivatives carried out. SymPy's own
    ``doit`` searches for closed forms first, which is far slower and not needed here.

    A subexpression met again (the denominator sum of a softmax, in every term) is written out
    once and shared: the result is a DAG, whose tree may be k times larger. A concrete sum or
    product of more than ``max_terms`` terms is refused (:class:`EmptyDomain`: no point is
    judged)."""
    return _write_out(e, max_terms, {})


def _write_out(e: Basic, max_terms: int, memo: dict[int, tuple[Basic, Basic]]) -> Basic:
    known = memo.get(id(e))  # by identity (the entry keeps e alive, so its id is not reused)
    if known is not None:
        return known[1]
    if isinstance(e, (Sum, Product)):
        v, lo, hi = e.limits[-1]
        inner = e.func(e.function, *e.limits[:-1]) if len(e.limits) > 1 else e.function
        lo, hi = _write_out(lo, max_terms, memo), _write_out(hi, max_terms, memo)
        if lo.is_infinite or hi.is_infinite or (lo.is_Integer and hi.is_Integer
                                                 and hi < lo - 1):
            out = e.doit()
            for series in out.atoms(Sum, Product):
                if any(b.is_infinite for _, a, z in series.limits for b in (a, z)) \
                        and not _convergent(series):
                    # no closed form, and not shown to converge: it may have no value, and
                    # two copies of it would cancel as if it had one
                    kind = "series" if isinstance(series, Sum) else "infinite product"
                    raise EmptyDomain(f"the {kind} {series} is not shown to converge")
        elif not (lo.is_Integer and hi.is_Integer):
            # bounds still symbolic at this point: SymPy's closed-form summation can take
            # minutes (delta summation through Piecewise); no point is judged
            raise EmptyDomain(f"the bounds {lo}, {hi} of a "
                              f"{'sum' if isinstance(e, Sum) else 'product'} are not numbers "
                              "at this point")
        elif hi - lo + 1 > max_terms:
            raise EmptyDomain(f"a {'sum' if isinstance(e, Sum) else 'product'} of "
                               f"{hi - lo + 1} terms is too large to write out")
        else:
            terms = [_write_out(inner.xreplace({v: Integer(n)}), max_terms, memo)
                     for n in range(int(lo), int(hi) + 1)]
            out = Add(*terms) if isinstance(e, Sum) else Mul(*terms)
    elif isinstance(e, Extremum):  # Max or Min of the entries; NaN (no value) over none
        lo, hi = _write_out(e.lo, max_terms, memo), _write_out(e.hi, max_terms, memo)
        if not (lo.is_Integer and hi.is_Integer):
            raise EmptyDomain(f"the bounds {lo}, {hi} of {e} are not numbers at this point")
        if hi - lo + 1 > max_terms:
            raise EmptyDomain(f"{e} has {hi - lo + 1} entries, too many to write out")
        entries = [entry(e.base, (n,)) for n in range(int(lo), int(hi) + 1)]
        out = S.NaN if not entries else (Max if isinstance(e, MaxOver) else Min)(*entries)
    elif isinstance(e, Derivative):  # differentiate the written-out expression: much cheaper
        if not smooth(e):  # SymPy's d|x| = sign x du would say 0 at the kink
            raise EmptyDomain(f"the derivative {e} goes through a function with a kink or a "
                              "jump, which exact evaluation cannot judge")
        inner = _write_out(e.expr, max_terms, memo)
        carried = inner.diff(*[(v, c) for v, c in e.variable_count])
        if carried.has(Derivative):  # g'(x) of an opaque g: no value at a point follows from
            # the values drawn for g (and writing it out again would never end)
            raise EmptyDomain(f"the derivative {e} keeps a derivative of a function with no "
                              "formula, which a point cannot evaluate")
        out = _write_out(carried, max_terms, memo)
    elif not e.args or e.is_Atom:
        return e
    else:
        args = [_write_out(a, max_terms, memo) for a in e.args]
        out = e if args == list(e.args) else e.func(*args)
    memo[id(e)] = (e, out)
    return out


@functools.lru_cache(maxsize=1 << 16)
def entry(base: IndexedBase, indices: tuple[int, ...]) -> Indexed:
    """``base[indices]`` at concrete integer indices, built once: SymPy deduces an entry's
    assumptions each time it is built, which was most of a sampled point's cost (a simplex row
    of k entries at every point)."""
    return base[tuple(Integer(i) for i in indices)]


def _convergent(series: Sum | Product) -> bool:
    try:
        return series.is_convergent() is S.true
    except Exception:  # SymPy cannot decide (several symbols in the summand)
        return False


def nodes(sides: list[Basic]) -> Iterator[Basic]:
    """Every node of ``sides``, each distinct object once (what ``atoms`` and ``has`` look at,
    without walking a shared subexpression once per occurrence)."""
    seen: set[int] = set()
    todo: list[Any] = list(sides)
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Basic):
            yield node
            todo.extend(node.args)
        elif isinstance(node, (tuple, list, set, frozenset)):
            todo.extend(node)


def substitute(e: Basic, rule: dict[Basic, Basic],
                memo: dict[int, tuple[Basic, Basic, bool]] | None = None) -> Basic:
    """``e.xreplace(rule)``, computing each shared subexpression once."""
    return _xreplace(e, rule, {} if memo is None else memo)[0]


def _xreplace(e: Basic, rule: dict[Basic, Basic],
              memo: dict[int, tuple[Basic, Basic, bool]]) -> tuple[Basic, bool]:
    """SymPy's ``Basic._xreplace``, step for step, remembering results by identity."""
    if e in rule:
        return rule[e], True
    known = memo.get(id(e))
    if known is not None:
        return known[1], known[2]
    args, changed = [], False
    for a in e.args:
        if isinstance(a, Basic):
            new, moved = _xreplace(a, rule, memo)
            args.append(new)
            changed |= moved
        else:
            args.append(a)
    if changed:
        try:
            out: tuple[Basic, bool] = (e.func(*args), True)
        except ZeroDivisionError:  # Mod(y, 0): no value, which the evaluation reports
            out = (S.NaN, True)
    else:
        out = (e, False)
    memo[id(e)] = (e, *out)
    return out


def short(value: Basic) -> str:
    """A drawn value or a function's argument as a counterexample shows it: 6 digits."""
    if value.is_Integer:
        return str(value)
    if value.is_Rational:
        return mpmath.nstr(mpmath.mpf(value.p) / value.q, 6)
    return mpmath.nstr(mpmath.mpf(value), 6) if value.is_Float else str(value)


#: The probe solves for the roots of a polynomial of at most this degree (exactly).
_MAX_DEGREE = 8
#: Two applications whose inexact arguments agree to 90 digits share their value unless
#: ``evalf`` shows a difference of their arguments with at most this many digits of precision
#: (log(e^x (1 + 10^-1200)) - x is shown nonzero; log(e^x (1 + 10^-1400)) - x is not).
_APART_DIGITS = 1000
#: The probe writes out a sum or product of at most this many terms to make it vanish.
_VANISH_TERMS = 64


class Point:
    """One random point: sizes, indices and values, recorded for the counterexample."""

    def __init__(self, facts: Facts, rng: random.Random, settings: CheckSettings, *,
                 large: bool = True, magnitudes: tuple[int, int] | None = None,
                 far: bool = False, reach: str = "", zeros: tuple[Basic, ...] = (),
                 landmarks: tuple[Rational, ...] = (), meeting: tuple[Basic, ...] = (),
                 tie: str = "", sizes: dict[Basic, Integer] | None = None) -> None:
        self.facts, self.rng, self.settings, self.large = facts, rng, settings, large
        #: sizes given in advance (where a delta is hot: :func:`hot_sizes`); others are drawn
        self.sizes = sizes or {}
        #: a tie probe: "every" gives all the entries of a family drawn in its domain one
        #: common value (the constant vector, where an extremum equals every entry and a strict
        #: bound between it and a sum is tight, m08); "some" gives each entry after a family's
        #: first, one time in two, the value of one drawn before it (a tie at the top); "" draws
        #: each entry on its own. Random draws almost never tie.
        self.tie = tie
        #: the values drawn so far for the entries of each family (by label), for :attr:`tie`
        self._family: dict[Basic, list[Expr]] = {}
        #: among ``zeros``, the difference of the two sides: its root is where they meet
        self.meeting = meeting
        #: the numeric constants of the step (:func:`landmarks`), at a point meant to visit
        #: them: where its behaviour may change (a delta hot at 1000, a ramp that starts at
        #: 10^7), so that most of its sizes are drawn next to one, and reals at its magnitude
        self.landmarks = landmarks
        #: expressions this point makes vanish where it can (:meth:`_vanish`)
        self.zeros = zeros
        self._probed: set[Basic] = set()
        self.magnitudes = magnitudes if magnitudes is not None else settings.magnitudes
        #: a far point draws most values at other orders of magnitude (and unbounded ranges
        #: far from their ends); the sampler makes every few points far
        self.far = far
        #: where a far point's magnitudes lie: "huge" (the top two decimal exponents), "tiny"
        #: (the bottom two), or "" (any exponent); the sampler takes them in turn, so that a
        #: bound true only below a million meets values above it at every few far points
        self.reach = reach
        #: a point judged by the exact path (substitution, sums written out): its sizes stay at
        #: most 12, since writing out k * m terms symbolically is slow
        self.exact = False
        self.values: dict[Basic, Expr] = {}
        self.drawn: list[Basic] = []  # the keys of ``values``, in the order they were drawn
        self.structure: dict[Basic, Expr] = {}  # the sizes and free integers (fix_free)
        self._shown: list[tuple[Basic | str, Expr]] = []  # what a counterexample names
        #: the first application of each opaque function at each tuple of argument values
        self._by_value: dict[tuple[Basic, tuple[object, ...]], list[Basic]] = {}

    @property
    def names(self) -> list[tuple[str, str]]:
        """Each value a counterexample shows, as (name, value) texts, in the order drawn
        (printed only when asked: most points are never shown)."""
        return [(name if isinstance(name, str) else str(name), short(value))
                for name, value in self._shown]

    def _record(self, atom: Basic, value: Expr, *, shown: bool = True) -> None:
        if atom not in self.values:
            self.drawn.append(atom)
        self.values[atom] = value
        if shown:
            self._shown.append((atom, value))

    def _magnitude(self) -> Expr:
        """A positive rational of six significant digits and a decimal exponent drawn from
        :attr:`magnitudes`: tiny and huge values next to ordinary ones."""
        low, high = self.magnitudes
        if self.reach == "huge":
            low = max(low, high - 1)
        elif self.reach == "tiny":
            high = min(high, low + 1)
        exponent = self.rng.randint(low, high)
        mantissa = self.rng.randint(10**5, 10**6 - 1)
        return Rational(mantissa, 10**5) * Rational(10) ** exponent

    def _special(self, atom: Basic) -> Expr | None:
        """Now and then (more often at a far point) a value where formulas break down: 0, 1,
        -1, 2, 1/2, as far as the domain of ``atom`` allows (seldom at a far point, which is for
        other magnitudes). Random rationals almost never hit
        them, and a step wrong only there (a cancelled denominator, a kink) would pass."""
        if self.rng.random() >= (0.05 if self.far else 0.1):
            return None
        if self.facts.in_unit_interval(atom):
            choices = [Rational(1, 2)]
        elif atom.is_positive:
            choices = [Integer(1), Integer(2), Rational(1, 2)]
        elif atom.is_nonnegative:
            choices = [Integer(0), Integer(1), Integer(2)]
        elif atom.is_integer:
            choices = [Integer(0), Integer(1), Integer(-1)]
        else:
            choices = [Integer(0), Integer(1), Integer(-1), Integer(2), Integer(-2),
                       Rational(1, 2)]
        return self.rng.choice(choices)

    def _real(self, atom: Basic) -> Expr:
        """A value in the domain of ``atom``: mostly in a box around 1, now and then of another
        order of magnitude (or next to the end of a unit interval), now and then a special
        value (:meth:`_special`)."""
        special = self._special(atom)
        if special is not None:
            return special
        if self.landmarks and self.rng.random() < 0.7:
            scaled = self._at_landmark(atom)
            if scaled is not None:
                return scaled
        far = self.far and self.rng.random() < 0.7 and self.magnitudes != (0, 0)
        if self.facts.in_unit_interval(atom):
            if far:  # next to 0 or next to 1
                low = min(-1, self.magnitudes[0])
                tiny = Rational(self.rng.randint(1, 9), 10) * Rational(10) ** self.rng.randint(
                    low, -1)
                return tiny if self.rng.random() < 0.5 else 1 - tiny
            return Rational(self.rng.randint(1, 10**6 - 1), 10**6)
        if atom.is_positive:
            return self._magnitude() if far else Rational(self.rng.randint(1, 10**6), 10**5)
        if atom.is_nonnegative:  # zero is a legitimate value, and a telling one
            if self.rng.random() < 0.1:
                return Integer(0)
            return self._magnitude() if far else Rational(self.rng.randint(0, 10**6), 10**5)
        if atom.is_integer:
            if far:
                reach = 10 ** self.settings.far_digits
                return Integer(self.rng.randint(-reach, reach))
            return Integer(self.rng.randint(-3, 3))
        if far:
            return self._magnitude() * (1 if self.rng.random() < 0.5 else -1)
        return Rational(self.rng.randint(-3 * 10**5, 3 * 10**5), 10**5)

    def _fresh(self, atom: Basic) -> Expr:
        """:meth:`_real`, but at a tie probe (:attr:`tie`) an entry of a family may take the value
        of an entry of the same family drawn before it, where that lies in its own domain."""
        if not self.tie or not isinstance(atom, Indexed):
            return self._real(atom)
        earlier = self._family.setdefault(atom.base.label, [])
        if earlier and (self.tie == "every" or self.rng.random() < 0.5):
            value = self.rng.choice(earlier)
            if self._admits(atom, value):
                return value
        value = self._real(atom)
        earlier.append(value)
        return value

    def _at_landmark(self, atom: Basic) -> Expr | None:
        """A value at the magnitude of one of the step's constants (half, once, twice, ten or a
        hundred times it, either sign), if that lies in the domain of ``atom``."""
        value = self.rng.choice(self.landmarks) * self.rng.choice(
            (Rational(1, 2), Integer(1), Integer(2), Integer(10), Integer(100)))
        if atom.is_integer:
            value = Integer(int(value))
        if self.rng.random() < 0.5 and not (atom.is_nonnegative or atom.is_positive):
            value = -value
        value = abs(value) if (atom.is_nonnegative or atom.is_positive) else value
        if self.facts.in_unit_interval(atom) or not self._admits(atom, value) or value == 0:
            return None
        return value

    def _ranged(self, atom: Basic) -> Expr | None:
        bounds = self.facts.range_of(atom) if not atom.is_Integer else None
        if bounds is None:
            return None
        lo, hi = (b.xreplace(self.values) for b in bounds)
        # an unbounded range (a count: 0 <= y <= oo) is sampled near its finite end, and now
        # and then far from it; a range unbounded both ways around 0
        span = self.settings.unbounded_span
        if self.far and self.rng.random() < 0.7:
            span = 10 ** self.settings.far_digits
        if lo is S.NegativeInfinity and hi is S.Infinity:
            lo, hi = Integer(-span), Integer(span)
        elif lo.is_Integer and hi is S.Infinity:
            hi = lo + span
        elif hi.is_Integer and lo is S.NegativeInfinity:
            lo = hi - span
        if not (lo.is_Integer and hi.is_Integer) or lo > hi:
            raise EmptyDomain(f"the range {bounds[0]} <= {atom} <= {bounds[1]} is empty here")
        near = [n for c in self.landmarks if c.is_Integer for n in (c - 1, c, c, c, c + 1)
                if lo <= n <= hi]  # the constant itself most often
        if near and self.rng.random() < 0.7:  # a label at the step's constant (y = 777)
            return Integer(self.rng.choice(near))
        return Integer(self.rng.randint(int(lo), int(hi)))

    def _simplex_row(self, atom: Basic) -> None:
        """Give a whole row of a simplex its values at once, summing exactly to 1: positive, or,
        where the family's entries may be zero, now and then with some of them zero."""
        simplex = next((s for s in self.facts.simplices if s.covers(atom)), None)
        if simplex is None or atom in self.values:
            return
        size = simplex.size.xreplace(self.values)
        if not size.is_Integer:
            raise EmptyDomain(f"the size {simplex.size} of simplex {simplex.base} is unknown")
        weights = [self.rng.randint(1, 10**6) for _ in range(int(size))]
        if self.rng.random() < 0.1:  # the uniform distribution, where equality cases live
            weights = [1] * int(size)
        if atom.is_positive is not True and len(weights) > 1 \
                and self.rng.random() < (0.6 if self.far else 0.1):
            # entries may be zero (a one-hot or a sparse target): now and then some are, which
            # is where 0 log 0 and a class that never occurs are tested; at a far point (an
            # edge case) most rows are sparse, and half of them miss the first class
            kept = self.rng.randint(1, len(weights) - 1)
            zeros = self.rng.sample(range(len(weights)), len(weights) - kept)
            if self.far and 0 not in zeros and self.rng.random() < 0.5:
                zeros[0] = 0
            for column in zeros:
                weights[column] = 0
        row = atom.indices[:-1]
        for column, weight in enumerate(weights, 1):
            self._record(_entry_at(atom.base, (*row, column)), Rational(weight, sum(weights)))

    def _size(self) -> Integer:
        """Mostly small sizes (cheap, and where edge cases live), now and then a larger one,
        and in a hunt now and then one up to ``max_size``."""
        if self.large:
            roll = self.rng.random()
            near = [n for c in self.landmarks if 1 < c <= _LANDMARK_SIZE + 1
                    for n in (int(c) - 1, int(c), int(c) + 1) if n <= _LANDMARK_SIZE]
            if near and not self.exact and self.rng.random() < 0.5:
                return Integer(self.rng.choice(near))
            if roll < 0.1 and not self.exact:
                return Integer(self.rng.randint(13, max(13, self.settings.max_size)))
            if roll < 0.35:
                return Integer(self.rng.randint(6, 12))
        return Integer(self.rng.randint(1, 5) if self.large else self.rng.randint(1, 4))

    def fix_free(self, sides: list[Basic]) -> None:
        """Sizes and every free integer, before anything else.

        All sizes are drawn (a size may occur only inside a range hypothesis); a free integer
        with no declared range gets a small value too, since it may be a sum's bound or an index.
        """
        free, used = _free_and_used(tuple(sides), self.facts)
        for size in self.facts.sizes:  # every size: one may occur only inside a range
            given = self.sizes.get(size)
            self._record(size, given if given is not None else self._size(),
                         shown=size in used)
        for sym in free:
            if isinstance(sym, Symbol) and sym not in self.values:
                value = self._ranged(sym)
                if value is None and sym.is_integer:
                    value = Integer(self.rng.randint(0, 6) if sym.is_nonnegative
                                    else self.rng.randint(-3, 6))
                    if sym.is_positive and value < 1:
                        value = Integer(1)
                if value is not None:
                    self._record(sym, value)
        for critical in self.zeros:  # a pole: its exponent negative, where an integer can
            if isinstance(critical, Pow):
                self._negative(critical.exp)
        self.structure = dict(self.values)
        for critical in self.zeros:
            self._vanish(critical.base if isinstance(critical, Pow) else critical)
        #: values drawn for the probe, which are not structure: a derivative's variable
        self._probed = set(self.values) - set(self.structure)

    def _negative(self, exponent: Basic) -> None:
        """Redraw one free integer of ``exponent`` (a size is left alone) within its declared
        range so that the exponent is negative, where some value in the range makes it so: a
        power x^n is a pole only where x = 0 and n < 0 together, and drawing each at random
        meets both at once too seldom."""
        integers = [a for a in _sorted(exponent.free_symbols) if a.is_integer and a in self.values
                    and a not in self.facts.sizes and self.facts.range_of(a) is not None]
        if not integers:
            return
        target = self.rng.choice(integers)
        e = substitute(exponent, {a: v for a, v in self.values.items() if a != target})
        bounds = self.facts.range_of(target)
        assert bounds is not None
        lo, hi = (b.xreplace(self.values) for b in bounds)
        if not (lo.is_Integer and hi.is_Integer):
            return
        slope = e.diff(target)
        window: Sequence[int]
        if hi - lo > 64 and slope.is_Rational and slope != 0:  # a n + b < 0, solved
            edge = -e.xreplace({target: Integer(0)}) / slope
            if not edge.is_Rational:
                return
            if slope > 0:  # n < edge: the largest such integers
                below = int(edge) - 1 if edge == int(edge) else int(edge) - (edge < 0)
                window = range(max(int(lo), below - 8), min(int(hi), below) + 1)
            else:  # n > edge: the smallest such integers
                above = int(edge) + 1 if edge == int(edge) else int(edge) + (edge > 0)
                window = range(max(int(lo), above), min(int(hi), above + 8) + 1)
        elif hi - lo > 64:  # n^2 - 1 < 0 only at n = 0 (m13): next to a real root
            window = _near_roots(e, target, int(lo), int(hi))
        else:
            window = range(int(lo), int(hi) + 1)
        negative = sorted((value, v) for v in window
                          if (value := e.xreplace({target: Integer(v)})).is_number and value < 0)
        if negative:  # half the time the simplest pole, 1/x, else any
            value = Integer(negative[-1][1] if self.rng.random() < 0.5
                            else self.rng.choice(negative)[1])
            self.values[target] = value
            self._shown = [(a, value if a == target else v) for a, v in self._shown]

    def _vanish(self, critical: Basic) -> None:
        """Values that make ``critical`` zero (a denominator, a log's argument, the argument of
        |x|), where one real atom of it has a rational root in its domain once the others are
        drawn: the points where a side may stop being defined, or smooth, are where a wrong
        step shows. Any other point of the domain is as legitimate; nothing is drawn outside
        it. A sum or product is written out at the point's sizes first, where it has at most
        :data:`_VANISH_TERMS` terms and is then a polynomial: the hyperplane where ``sum_j w_j``
        vanishes (q05). (Writing out ``sum_j e^{z_j}`` and bringing it over one denominator, to
        find no root, was most of the cost of a check.)"""
        e = substitute(critical, self.structure)
        loops = [n for n in nodes([e]) if isinstance(n, (Sum, Product))]
        if loops:
            if not all(n.function.is_polynomial() for n in loops):
                return
            try:
                e = write_out(e, _VANISH_TERMS)
            except EmptyDomain:
                return
            if not e.is_polynomial():
                return
        if any(isinstance(n, (Sum, Product, Derivative, AppliedUndef)) for n in nodes([e])):
            return
        labels = {b.label for b in e.atoms(IndexedBase)}
        atoms = [a for a in _sorted(e.atoms(Symbol, Indexed) - labels)
                 if not isinstance(a, IndexedBase)]
        if any(a.is_integer or (isinstance(a, Indexed) and not all(
                i.is_Integer for i in a.indices)) for a in atoms):
            return  # an index or an integer of the formula: its structure, not a value
        free = [a for a in atoms if a not in self.values and self.facts.range_of(a) is None
                and not any(s.covers(a) for s in self.facts.simplices)]
        if not free:
            return
        target = self.rng.choice(free)
        for atom in atoms:
            if atom != target and atom not in self.values:
                self.draw(atom)
        rest = together(substitute(e, {a: self.values[a] for a in atoms if a != target}))
        numerator = rest.as_numer_denom()[0]
        if any(p.exp.is_Integer and abs(p.exp) > 2 * _MAX_DEGREE and p.base.has(target)
               for p in numerator.atoms(Pow)):
            return  # (1 - a)^(1 - y) at y = -10^6: past the degree solved, and expanding it
            # to find out took a minute
        try:  # rational coefficients only: a root next to exp(3/7) is irrational anyway, and
            # SymPy's root finding over such coefficients takes seconds
            poly = Poly(numerator, target, domain="QQ")
        except (PolynomialError, CoercionFailed):
            self._linear_root(numerator, target, critical)
            return
        if not 1 <= poly.degree() <= 2 * _MAX_DEGREE:
            return
        # every real root of each irreducible factor, exactly: rational, a surd such as
        # sqrt 2, where (x^2 - 2)^2 vanishes (m02, m03), or an algebraic number of higher degree
        # (SymPy's CRootOf: the root of y^5 - y - 1, q02); the exact path evaluates it
        found = sorted((r for factor, _ in poly.factor_list()[1]
                        if factor.degree() <= _MAX_DEGREE
                        for r in factor.real_roots() if self._admits(target, r)),
                       key=default_sort_key)
        if len(found) > 1 and critical in self.meeting:
            # between two roots of where the sides meet, the difference keeps one sign: a
            # midpoint is where a narrow dip below zero shows (10^12 (y^2 - 2)^2 - 1, n03)
            ordered = sorted(found, key=lambda r: float(r.evalf(30)))
            found += [m for a, b in itertools.pairwise(ordered)
                      if self._admits(target, m := (a + b) / 2)]
        if found:
            self._record(target, self._beside(critical, target, self.rng.choice(found)))

    def _beside(self, critical: Basic, target: Basic, root: Expr) -> Expr:
        """``root``, or, for the meeting point of the two sides (:attr:`meeting`), two times in
        three a point just beside it, on either side, in the domain of ``target``: where the
        sides cross, one side of the root is where an inequality fails."""
        if critical not in self.meeting or self.rng.random() < 1 / 3:
            return root
        step = Rational(self.rng.choice((1, -1)), 1000) * max(abs(root), Integer(1))
        nudged = root + step
        return nudged if self._admits(target, nudged) else root

    def _linear_root(self, e: Basic, target: Basic, critical: Basic) -> None:
        """The root of ``e`` when it is ``a target + b`` with constant a != 0 and b (an
        irrational root such as x = pi or 10^7 pi), recorded exactly if it lies in the domain
        of ``target`` (the exact path evaluates it)."""
        slope = e.diff(target)
        if not slope.is_number or slope.is_zero is not False:
            return
        offset = e.xreplace({target: Integer(0)})
        if not offset.is_number:
            return
        root = -offset / slope
        if root.is_real is True and root.is_finite and self._admits(target, root):
            self._record(target, self._beside(critical, target, root))

    def _admits(self, atom: Basic, value: Expr) -> bool:
        """Whether ``value`` lies in the domain :meth:`_real` draws ``atom`` from."""
        if self.facts.in_unit_interval(atom):
            return bool(0 < value < 1)
        if atom.is_positive:
            return bool(value > 0)
        if atom.is_nonnegative:
            return bool(value >= 0)
        return True

    def concrete(self, e: Basic, bound: dict[Basic, Expr]) -> Basic:
        """``e`` written out at this point's sizes and free integers and the given loop
        indices, as :meth:`fix_structure` writes a side out (nothing else is substituted: a
        derivative must not see its variable replaced by a number)."""
        return write_out(substitute(e, {**self.structure, **bound}), self.settings.max_terms)

    def fix_structure(self, sides: list[Basic], *, again: bool = False) -> list[Basic]:
        """:meth:`fix_free`, then expand the now finite sums (the exact path). ``again``: the
        point is fixed already (its sizes and integers stay as drawn); only what it lacks is
        drawn."""
        if not again:
            self.fix_free(sides)
        sides = [write_out(substitute(s, self._structural()), self.settings.max_terms)
                 for s in sides]
        for _ in range(_MAX_ROUNDS):
            ranged = [a for a in atoms(sides, Indexed) if self.facts.range_of(a) is not None
                      and all(i.is_Integer for i in a.indices) and a not in self.values]
            if not ranged:
                break
            for atom in ranged:
                self._record(atom, self._ranged(atom))
            sides = [write_out(substitute(s, self._structural()), self.settings.max_terms)
                     for s in sides]
        if any(isinstance(n, (Sum, Product)) for n in nodes(sides)):
            raise EmptyDomain("a sum or product could not be written out at this point")
        return sides

    def _structural(self) -> dict[Basic, Expr]:
        """The values drawn so far but those of a probe (the sizes, integers and ranged
        entries that fix a side's shape, substituted before any derivative is taken)."""
        return {a: v for a, v in self.values.items() if a not in self._probed}

    def draw(self, atom: Basic) -> None:
        """Give one atom its value, as :meth:`fix_structure` and :meth:`fix_values` would: a
        ranged entry an integer in its range, a simplex entry its whole row, anything else a
        real in its domain (the fast evaluator draws lazily, atom by atom)."""
        if isinstance(atom, Indexed):
            if self.facts.range_of(atom) is not None:
                self._record(atom, self._ranged(atom))
                return
            self._simplex_row(atom)
            if atom in self.values:
                return
        elif isinstance(atom, Symbol):
            ranged = self._ranged(atom)
            if ranged is not None:
                self._record(atom, ranged)
                return
        if isinstance(atom, AppliedUndef) and atom.has(Float):  # not shown at 100 digits
            value = self._real(atom)
            self._record(atom, value, shown=False)
            self._shown.append((f"{atom.func}({', '.join(short(a) for a in atom.args)})",
                                value))
            return
        self._record(atom, self._fresh(atom))

    def call(self, application: Basic, key: tuple[object, ...] | None) -> Expr:
        """The value of an opaque function's ``application``: the value an application of the
        same function at the same argument values (``key``; None where they are not all
        numbers) already has, else one drawn for it. An opaque function is a function: the
        kernel may rewrite its argument into an equal form, and the sampler must agree. Inexact
        argument values agree to 90 digits only: an earlier application whose arguments are
        shown to differ here (:meth:`_apart`) does not give its value (m01: e^x + 10^-100)."""
        earlier = self._by_value.setdefault((application.func, key), []) \
            if key is not None else []
        if application not in self.values:
            first = next((a for a in earlier if not self._apart(a, application)), None)
            if first is not None:
                self.values[application] = self.values[first]
            else:
                self.draw(application)
        if key is not None and application not in earlier:
            earlier.append(application)
        return self.values[application]

    def _apart(self, first: Basic, second: Basic) -> bool:
        """Whether two applications' arguments are shown to differ at this point: the difference
        of a pair of them, with this point's values put in, is a nonzero rational, or SymPy's
        ``evalf``, which raises its precision where terms cancel (up to
        :data:`_APART_DIGITS`), gives it a value. Arguments holding a rounded value (that of an
        inner application) are never shown apart."""
        for a, b in zip(first.args, second.args, strict=True):
            if a == b or a.has(Float) or b.has(Float):
                continue
            difference = substitute(a, self.values) - substitute(b, self.values)
            if not difference.is_number or difference.is_zero:
                continue
            if difference.is_Rational:
                return True
            try:
                if difference.evalf(15, strict=True, maxn=_APART_DIGITS) != 0:
                    return True
            except PrecisionExhausted:  # no digit of the difference: equal as far as shown
                continue
        return False

    def _arguments(self, application: Basic) -> tuple[object, ...] | None:
        """The values of an application's arguments, at this point (atoms they need are drawn),
        as a key: exact fractions, else 90 significant digits; None where one is not a real
        number (a family, an expression the exact path cannot evaluate)."""
        key: list[object] = []
        for arg in application.args:
            for atom in _sorted(arg.atoms(Symbol, Indexed)):
                if not isinstance(atom, IndexedBase) and atom not in self.values and not any(
                        atom in i.free_symbols for i in arg.atoms(Indexed)):
                    self.draw(atom)
            value = substitute(arg, self.values)
            if value.is_Rational:
                key.append(value)
                continue
            if not value.is_number:
                return None
            number = value.evalf(90)
            if not number.is_real or not number.is_finite:
                return None
            key.append(str(number))
        return tuple(key)

    def fix_values(self, sides: list[Basic]) -> list[Basic]:
        """Every remaining function application, indexed entry and symbol gets a value."""
        for _ in range(_MAX_ROUNDS):
            calls = [a for a in atoms(sides, AppliedUndef) if not a.atoms(AppliedUndef) - {a}]
            if not calls:
                break
            for call in calls:
                self.call(call, self._arguments(call))
            sides = [substitute(s, self.values) for s in sides]
        for atom in atoms(sides, Indexed):
            self._simplex_row(atom)
        rest = [a for a in atoms(sides, Indexed)] + [
            a for a in atoms(sides, Symbol) if not isinstance(a, IndexedBase)]
        # what occurs inside another atom (an index, a label) gets no value of its own; one
        # pass over the atoms, not one per pair: a written-out sum has thousands of them;
        # nor does what only a binder binds (an integral's variable, a limit's direction)
        inside = set().union(*(i.free_symbols - {i} for i in rest), vocabulary.only_bound(sides))
        for atom in rest:
            if atom not in self.values and atom not in inside:
                self._record(atom, self._fresh(atom))
        memo: dict[int, tuple[Basic, Basic, bool]] = {}  # shared by both sides
        return [substitute(s, self.values, memo) for s in sides]


@functools.lru_cache(maxsize=1024)
def _free_and_used(sides: tuple[Basic, ...], facts: Facts) -> tuple[list[Basic], set[Basic]]:
    """The free symbols of ``sides`` (labels of families aside), in a fixed order, and the
    symbols a counterexample must show: those, and the bounds of the ranges that concern them.
    The same for every point of a check: computed once."""
    labels = {b.label for s in sides for b in s.atoms(IndexedBase)}
    free = sorted(set().union(*(s.free_symbols for s in sides)) - labels, key=default_sort_key)
    owners = {a.base if isinstance(a, Indexed) else a for s in sides
              for a in s.atoms(Symbol, Indexed)}
    used = set(free)
    for r in facts.ranges:
        if r.owner in owners or r.target in owners:
            used |= r.lo.free_symbols | r.hi.free_symbols
    return free, used


def _near_roots(e: Basic, target: Basic, lo: int, hi: int) -> list[int]:
    """The integers of ``lo..hi`` within 8 of the floor of a real root of ``e``, where ``e`` is a
    polynomial in ``target`` with rational coefficients, of degree at most :data:`_MAX_DEGREE`:
    where its sign may change (a quadratic exponent is negative only between its roots). Empty
    otherwise."""
    try:
        poly = Poly(e, target, domain="QQ")
    except (PolynomialError, CoercionFailed):
        return []
    if not 1 <= poly.degree() <= _MAX_DEGREE:
        return []
    near: set[int] = set()
    for root in poly.real_roots():
        centre = int(floor(root))
        near.update(range(max(lo, centre - 8), min(hi, centre + 8) + 1))
    return sorted(near)


class EmptyDomain(Exception):
    """No point can be judged here: an empty range, a size not known, a sum too long to
    write out."""


def _entry_at(base: IndexedBase, indices: tuple[Basic | int, ...]) -> Indexed:
    """:func:`entry` where every index is an integer, else ``base[indices]`` built afresh."""
    if all(isinstance(i, int) or getattr(i, "is_Integer", False) for i in indices):
        return entry(base, tuple(int(i) for i in indices))
    return base[indices]


def _sorted(found: set[Basic]) -> list[Basic]:
    return sorted(found, key=default_sort_key)


def atoms(sides: list[Basic], kind: type) -> list[Basic]:
    found = {a for a in nodes(sides) if isinstance(a, kind) and not isinstance(a, IndexedBase)}
    return sorted(found, key=default_sort_key)
