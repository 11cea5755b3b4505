"""Reference implementations: plain code for a loss, checked numerically against a derivation.

An :class:`Implementation` names a Python function, the expression of its derivation that the
function must compute, and how each of the function's arguments is made from the expression's
symbols (``q=vector(q, k)``: the family q_1, ..., q_k as an array indexed from 0; ``y=label - 1``:
a class counted from 0). It is attached where the derivation is written
(``Derivation(..., implementations=(...))``), in the catalogue as in an author's file.

:func:`check_implementation` draws 10 random points of the hypotheses' domain with the engine's
sampler (every size 1, then 2, 3, 9, then sizes drawn one by one), evaluates the expression
exactly at 60 digits and the function in double precision on the same values, and compares them
with a relative tolerance of 1e-9. Agreement is sampled evidence, never a proof; a mismatch, an
exception or a value that is not a finite real number fails, with a counterexample.
"""

from __future__ import annotations

import inspect
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING, Any, TypeAlias

import mpmath
from sympy import Basic, Dummy, Expr, IndexedBase, Integer, Lambda, Symbol
from sympy.core.function import AppliedUndef
from sympy.core.sympify import _sympify

from derivations.engine.canonical import prepare
from derivations.engine.hypotheses import Facts
from derivations.engine.notation import Optimum
from derivations.engine.results import Counterexample, ImplementationResult, Status
from derivations.engine.sampling import DIGITS, _EmptyDomain, _Point, at_point

if TYPE_CHECKING:
    import numpy as np

    from derivations.engine.derivation import Derivation

#: Random points per implementation; the first ones fix every size at :data:`SIZES`.
POINTS = 10
SIZES = (1, 2, 3, 9)
#: Agreeing points needed for the check to pass (points outside the domain are skipped).
MIN_AGREEMENT = 8
#: Relative tolerance of the comparison: double precision, with room for rounding in sums.
RELATIVE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Entries:
    """An array argument: entry ``(n1, n2, ...)`` (counted from 1) is ``rule(n1, n2, ...)``.

    The function receives a NumPy array indexed from 0: entry ``[n1 - 1, n2 - 1, ...]``.
    """

    rule: Lambda
    shape: tuple[Expr, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.rule, Lambda) or len(self.rule.variables) != len(self.shape):
            raise TypeError(f"an array argument needs a Lambda of {len(self.shape)} "
                            f"variable(s), got {self.rule!r}")
        object.__setattr__(self, "shape", tuple(_sympify(s) for s in self.shape))

    def entries(self, sizes: dict[Basic, Basic]) -> tuple[tuple[int, ...], list[Basic]]:
        """The concrete shape at ``sizes`` and every entry, in row-major order."""
        shape = tuple(int(s.xreplace(sizes)) for s in self.shape)
        indices = product(*(range(1, n + 1) for n in shape))
        return shape, [self.rule(*(Integer(n) for n in index)) for index in indices]


Argument: TypeAlias = "Expr | Entries"


def _rule(source: IndexedBase | Lambda, rank: int) -> Lambda:
    if isinstance(source, Lambda):
        return source
    if isinstance(source, IndexedBase):
        variables = [Dummy(f"n{r}", integer=True) for r in range(rank)]
        return Lambda(tuple(variables), source[tuple(variables)] if rank > 1
                      else source[variables[0]])
    raise TypeError(f"an array argument is an IndexedBase or a Lambda, not {source!r}")


def vector(source: IndexedBase | Lambda, size: Expr) -> Entries:
    """The family ``source_1, ..., source_size`` as a one-dimensional array."""
    return Entries(_rule(source, 1), (size,))


def matrix(source: IndexedBase | Lambda, rows: Expr, columns: Expr) -> Entries:
    """Entries ``source_{i, j}`` for ``i <= rows``, ``j <= columns``, as a two-dimensional array."""
    return Entries(_rule(source, 2), (rows, columns))


def _names(expr: Basic) -> set[Basic]:
    """The free symbols, families and functions ``expr`` is made of."""
    labels = {b.label for b in expr.atoms(IndexedBase)}
    found: set[Basic] = {s for s in expr.free_symbols
                         if isinstance(s, Symbol) and s not in labels}
    found |= {b.label for b in expr.atoms(IndexedBase)}
    found |= {call.func for call in expr.atoms(AppliedUndef)}
    return found


class Implementation:
    """``function``, given arguments built from the derivation's symbols, computes ``equals``.

    ``equals`` is ``"start"``, ``"end"`` (for an optimiser set ``arg min f``: its objective
    ``f``) or any expression in the derivation's symbols (a term of it, a defining formula).
    An implementation is attached where the derivation is written::

        Derivation(..., implementations=(
            Implementation(cross_entropy, equals="start", p=vector(p, k), q=vector(q, k)),))
    """

    def __init__(self, function: Callable[..., Any], *, equals: str | Basic,
                 **arguments: Argument) -> None:
        name = getattr(function, "__name__", None)
        if not callable(function) or not name:
            raise TypeError(f"an implementation is a named function, not {function!r}")
        if not (equals in ("start", "end") or isinstance(equals, Basic)):
            raise TypeError(f"implementation {name!r}: 'equals' is 'start', 'end' or a SymPy "
                            f"expression, not {equals!r}")
        try:
            inspect.signature(function).bind(**arguments)
        except TypeError as exc:
            raise TypeError(f"implementation {name!r}: the arguments {sorted(arguments)} do "
                            f"not fit the function's parameters ({exc})") from exc
        except ValueError:  # a builtin without a signature: the call will tell
            pass
        for key, value in arguments.items():
            if not isinstance(value, (Entries, Basic, int)):
                raise TypeError(f"implementation {name!r}: argument {key!r} is a SymPy "
                                f"expression or vector(...)/matrix(...), not {value!r}")
        self.function, self.equals = function, equals
        self.arguments: tuple[tuple[str, Argument], ...] = tuple(
            (key, value if isinstance(value, Entries) else _sympify(value))
            for key, value in arguments.items())

    def target(self, d: Derivation) -> Basic:
        """The expression of ``d`` that the function must compute."""
        expr = d.start if self.equals == "start" else d.end if self.equals == "end" \
            else self.equals
        return expr.objective if isinstance(expr, Optimum) else expr

    def validate(self, d: Derivation) -> str | None:
        """Why this implementation cannot be checked against ``d``, or None.

        Everything the check evaluates must be a symbol of the derivation, so that the sampler
        gives it values that satisfy the derivation's hypotheses.
        """
        if isinstance(self.equals, Optimum):
            return (f"implementation {self.name!r}: code computes a value, not an optimiser "
                    "set; give its objective")
        known: set[Basic] = set()
        for e in d.expressions:
            known |= _names(e)
        for h in d.hypotheses:
            known |= _names(getattr(h, "formula", h.owner)) | {h.owner}
        known = {n.label if isinstance(n, IndexedBase) else n for n in known}
        parts: list[tuple[str, Basic]] = [("the expression", self.target(d))]
        for key, value in self.arguments:
            if isinstance(value, Entries):
                parts.append((f"argument {key!r}", value.rule))
                if any(not s.free_symbols <= set(d.facts.sizes) for s in value.shape):
                    return (f"implementation {self.name!r}: the shape of argument {key!r} "
                            "must be made of the derivation's sizes (hypotheses Size)")
            else:
                parts.append((f"argument {key!r}", value))
        for place, expr in parts:
            unknown = sorted(str(n) for n in _names(expr) - known)
            if unknown:
                return (f"implementation {self.name!r}: {place} uses {', '.join(unknown)}, "
                        "which the derivation does not mention, so no hypothesis says which "
                        "values to try")
        return None

    @property
    def name(self) -> str:
        return str(self.function.__name__)

    @property
    def qualified_name(self) -> str:
        module = getattr(self.function, "__module__", "") or ""
        return f"{module}.{self.name}" if module else self.name

    @property
    def signature(self) -> str:
        return f"{self.name}({', '.join(key for key, _ in self.arguments)})"

    def __repr__(self) -> str:
        return f"Implementation({self.qualified_name}, equals={self.equals!r})"


class _SizedPoint(_Point):
    """A sampler point whose sizes are chosen in advance (so that array shapes are known)."""

    def __init__(self, facts: Facts, rng: random.Random, sizes: dict[Basic, Basic]) -> None:
        super().__init__(facts, rng)
        self._sizes: Iterator[Basic] = iter([sizes[s] for s in facts.sizes])

    def _size(self) -> Integer:
        """The next chosen size: fix_structure draws one per size, in facts.sizes order."""
        chosen = next(self._sizes, None)
        return Integer(chosen) if chosen is not None else super()._size()


def _sizes(facts: Facts, n: int, rng: random.Random) -> dict[Basic, Basic]:
    """The sizes of point ``n``: all 1, 2, 3, then a larger one, then each drawn on its own."""
    if n < len(SIZES):
        return {s: Integer(SIZES[n]) for s in facts.sizes}
    return {s: Integer(rng.randint(1, 5) if rng.random() < 0.75 else rng.randint(6, 10))
            for s in facts.sizes}


def _python(expr: Basic, value: mpmath.mpf | None) -> int | float | None:
    """The value of an argument entry as the function receives it."""
    if value is None:
        return None
    if expr.is_integer and mpmath.isint(value):
        return int(value)
    return float(value)


def _as_array(values: list[int | float], shape: tuple[int, ...]) -> np.ndarray:
    import numpy as np  # imported when a function is called, not by every check

    dtype = np.int64 if all(isinstance(v, int) for v in values) else np.float64
    return np.array(values, dtype=dtype).reshape(shape)


def _real_number(out: Any) -> float | None:
    """``out`` as a float, when it is one real number (int, float, NumPy scalar, 0-d array)."""
    import numpy as np

    if isinstance(out, (bool, np.bool_)):
        return None
    try:
        array = np.asarray(out)
    except Exception:
        return None
    if array.shape != () or array.dtype.kind not in "iuf":
        return None
    return float(array)


def _shown(value: Any) -> str:
    import numpy as np

    if isinstance(value, np.ndarray):
        return np.array2string(value, precision=6, separator=", ", threshold=10**6,
                               max_line_width=10**6)
    return f"{value:.6g}" if isinstance(value, float) else repr(value)


class _Skip(Exception):
    """A point that cannot be used: outside the domain, or an argument without a value."""


@dataclass(frozen=True)
class _Trial:
    """One random point: the sampled values (for a counterexample), the function's arguments
    and the expression's exact value (None where it is undefined)."""

    point: _Point
    arguments: dict[str, Any]
    derived: mpmath.mpf | None
    sizes: tuple[int, ...]
    size_names: tuple[str, ...]

    @property
    def names(self) -> tuple[tuple[str, str], ...]:
        """The sizes first, then the point's values (formatted only for a counterexample)."""
        names = [(name, str(size)) for name, size in zip(self.size_names, self.sizes,
                                                          strict=True)]
        names += [pair for pair in self.point.names if pair not in names]
        return tuple(names)

    def call(self, name: str) -> str:
        shown = ", ".join(f"{key}={_shown(value)}" for key, value in self.arguments.items())
        return f"{name}({shown})"


def _trial(impl: Implementation, expression: Basic, facts: Facts, sizes: dict[Basic, Basic],
           rng: random.Random) -> _Trial:
    """Draw one point at ``sizes`` and build both sides' inputs from the same values."""
    owners: list[str] = []
    pieces: list[Basic] = [expression]
    shapes: dict[str, tuple[int, ...] | None] = {}
    for key, value in impl.arguments:
        if isinstance(value, Entries):
            shapes[key], entries = value.entries(sizes)
        else:
            shapes[key], entries = None, [value]
        owners += [key] * len(entries)
        pieces += [prepare(e, facts) for e in entries]
    try:
        point, sides = at_point(lambda: _SizedPoint(facts, rng, sizes), pieces, rng)
    except _EmptyDomain as exc:
        raise _Skip(str(exc)) from exc
    if any(point.values.get(s) != sizes[s] for s in facts.sizes):
        raise _Skip("the sampler did not use the sizes the arrays were built for")
    values: dict[str, list[int | float]] = {key: [] for key in shapes}
    for key, piece, side in zip(owners, pieces[1:], sides[1:], strict=True):
        value = _python(piece, side)
        if value is None:
            raise _Skip(f"argument {key!r} could not be evaluated to a real number")
        values[key].append(value)
    arguments = {key: values[key][0] if shape is None else _as_array(values[key], shape)
                 for key, shape in shapes.items()}
    return _Trial(point, arguments, sides[0], tuple(int(sizes[s]) for s in facts.sizes),
                  tuple(str(s) for s in facts.sizes))


def _judge(impl: Implementation, trial: _Trial) -> tuple[str, str] | None:
    """Why the function's value at ``trial`` is wrong, and what it gave; None if it is right."""
    try:
        out = impl.function(**trial.arguments)
    except Exception as exc:  # the author's code may raise anything
        return f"it raised {type(exc).__name__}: {exc}", f"raised {type(exc).__name__}"
    number = _real_number(out)
    if number is None or not math.isfinite(number):
        what = repr(out) if number is None else repr(number)
        return f"it returned {what[:80]}, not a finite real number", what[:80]
    if trial.derived is None:
        return ("the expression is undefined at this point of the hypotheses' domain",
                f"{number:.12g}")
    gap = abs(mpmath.mpf(number) - trial.derived)
    if gap > RELATIVE_TOLERANCE * max(1.0, abs(number), float(abs(trial.derived))):
        return "its value differs from the derived expression's", f"{number:.12g}"
    return None


def check_implementation(impl: Implementation, d: Derivation, *,
                         seed: int = 0) -> ImplementationResult:
    """Compare ``impl``'s function with its expression in ``d`` at :data:`POINTS` random
    points of the hypotheses' domain; stop at the first disagreement."""
    facts = d.facts
    rng = random.Random(seed)
    expression = prepare(impl.target(d), facts)
    agreed: list[tuple[int, ...]] = []
    skipped = ""
    with mpmath.workdps(DIGITS):
        for n in range(POINTS):
            try:
                trial = _trial(impl, expression, facts, _sizes(facts, n, rng), rng)
            except _Skip as exc:
                skipped = str(exc)
                continue
            wrong = _judge(impl, trial)
            if wrong is not None:
                reason, gave = wrong
                derived = "undefined" if trial.derived is None else mpmath.nstr(trial.derived,
                                                                                12)
                return ImplementationResult(impl, Status.FAILED, len(agreed), (), reason,
                                            Counterexample(trial.names, derived, gave),
                                            trial.call(impl.name))
            agreed.append(trial.sizes)
    if len(agreed) < MIN_AGREEMENT:
        return ImplementationResult(
            impl, Status.UNDECIDED, len(agreed), tuple(agreed),
            f"agreement at only {len(agreed)} of {POINTS} random points (at least "
            f"{MIN_AGREEMENT} needed): {skipped or 'no point was evaluated'}")
    return ImplementationResult(impl, Status.OK, len(agreed), tuple(agreed),
                                f"numeric agreement at {len(agreed)} random points, no proof")


def timed_out(impl: Implementation, seconds: float) -> ImplementationResult:
    """The verdict on an implementation whose check ran out of time: undecided."""
    return ImplementationResult(impl, Status.UNDECIDED, 0, (),
                                f"could not decide within {seconds:g} s")
