"""Checking a reference implementation: does the code compute its derivation's expression?

:func:`check_implementation` draws ``CheckSettings.code_points`` random points of the hypotheses'
domain with the sampler (every size at 1, then 2, 3, 9 and 40 by default, then sizes drawn one
by one, up to 150), evaluates the expression exactly at ``CheckSettings.digits`` digits and the
function in double precision on the same values, and compares them with the relative tolerance
``CheckSettings.code_tolerance`` (1e-9). Agreement is sampled evidence, never a proof; a
mismatch, an exception or a value that is not a finite real number fails, with a
counterexample.
"""

from __future__ import annotations

import contextlib
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import mpmath
from sympy import Basic, Integer, Rational

from derivations.evidence.point import EmptyDomain, Point
from derivations.evidence.sampling import at_point
from derivations.kernel.canonical import prepare
from derivations.language import vocabulary
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Facts
from derivations.language.implementation import Entries, Implementation
from derivations.language.results import Counterexample, ImplementationResult, Status
from derivations.settings import CheckSettings

if TYPE_CHECKING:
    import numpy as np


class _SizedPoint(Point):
    """A sampler point whose sizes are chosen in advance (so that array shapes are known)."""

    def __init__(self, facts: Facts, rng: random.Random, settings: CheckSettings,
                 sizes: dict[Basic, Basic], *, far: bool = False,
                 landmarks: tuple[Rational, ...] = ()) -> None:
        super().__init__(facts, rng, settings, magnitudes=settings.code_magnitudes, far=far,
                         landmarks=landmarks)
        self._sizes: Iterator[Basic] = iter([sizes[s] for s in facts.sizes])

    def _size(self) -> Integer:
        """The next chosen size: fix_structure draws one per size, in facts.sizes order."""
        chosen = next(self._sizes, None)
        return Integer(chosen) if chosen is not None else super()._size()


#: At most this many integer constants of the code give sizes of their own (two points each).
_EXTRA_SIZES = 8


def _constants(function: object) -> tuple[float, ...]:
    """The numeric constants of a function's code (nested functions' too, and the numbers its
    globals name: ``LIMIT = 1000``) of magnitude 3 or more: where code may switch behaviour
    (``if len(q) > 1000``, ``if abs(x) > 1e7``), so sizes and values are drawn next to them.
    Largest first."""
    found: set[float] = set()
    scope = getattr(function, "__globals__", {})
    todo = [getattr(function, "__code__", None)]
    while todo:
        code = todo.pop()
        if code is None:
            continue
        values = list(code.co_consts) + [scope.get(name) for name in code.co_names]
        for c in values:
            if isinstance(c, (int, float)) and not isinstance(c, bool) and 3 <= abs(c) < 1e300:
                found.add(abs(c))
            elif hasattr(c, "co_consts"):
                todo.append(c)
    return tuple(sorted(found, reverse=True))


def _sizes(facts: Facts, n: int, rng: random.Random, chosen: tuple[int, ...],
           constants: tuple[int, ...] = ()) -> dict[Basic, Basic]:
    """The sizes of point ``n``: all at each of ``chosen`` in turn, then at each of the code's
    ``constants`` and one more (the two sides of ``len(q) > c`` and ``len(q) >= c``), then each
    drawn on its own."""
    if n < len(chosen):
        return {s: Integer(chosen[n]) for s in facts.sizes}
    if (n - len(chosen)) // 2 < len(constants):
        c = constants[(n - len(chosen)) // 2] + (n - len(chosen)) % 2
        return {s: Integer(c) for s in facts.sizes}
    # sizes well beyond the chosen ones too: code may branch on a threshold it does not show
    # as a literal (``len(q) > int("12")``: red-team round 21)
    return {s: Integer(rng.choice((rng.randint(1, 5), rng.randint(6, 30), rng.randint(31, 150))))
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
        # past 20 entries, the first and last three (every value is in the counterexample)
        return np.array2string(value, separator=", ", threshold=20, edgeitems=3,
                               max_line_width=10**6,
                               formatter={"float_kind": lambda v: f"{v:.6g}"})
    return f"{value:.6g}" if isinstance(value, float) else repr(value)


class _Skip(Exception):
    """A point that cannot be used: outside the domain, or an argument without a value."""


@dataclass(frozen=True)
class _Trial:
    """One random point: the sampled values (for a counterexample), the function's arguments
    and the expression's exact value (None where it is undefined)."""

    point: Point
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
           rng: random.Random, settings: CheckSettings, *, far: bool = False,
           landmarks: tuple[Rational, ...] = ()) -> _Trial:
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
        point, sides = at_point(lambda: _SizedPoint(facts, rng, settings, sizes, far=far,
                                                    landmarks=landmarks), pieces, rng, settings)
    except EmptyDomain as exc:
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


def _judge(impl: Implementation, trial: _Trial, tolerance: float) -> tuple[str, str] | None:
    """Why the function's value at ``trial`` is wrong, and what it gave; None if it is right."""
    try:
        with contextlib.redirect_stdout(sys.stderr):  # standard output is the command's
            out = impl.function(**trial.arguments)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # the author's code may raise anything, exit() included
        return f"it raised {type(exc).__name__}: {exc}", f"raised {type(exc).__name__}"
    number = _real_number(out)
    if number is None or not math.isfinite(number):
        what = repr(out) if number is None else repr(number)
        return f"it returned {what[:80]}, not a finite real number", what[:80]
    if trial.derived is None:
        return ("the expression is undefined at this point of the hypotheses' domain",
                f"{number:.12g}")
    gap = abs(mpmath.mpf(number) - trial.derived)
    if gap > tolerance * max(1.0, abs(number), float(abs(trial.derived))):
        return "its value differs from the derived expression's", f"{number:.12g}"
    return None


def check_implementation(impl: Implementation, d: Derivation, settings: CheckSettings, *,
                         seed: int = 0) -> ImplementationResult:
    """Compare ``impl``'s function with its expression in ``d`` at ``settings.code_points``
    random points of the hypotheses' domain; stop at the first disagreement."""
    points, needed = settings.code_points, settings.code_min_agreement
    facts = d.facts
    rng = random.Random(seed)
    blocked = vocabulary.unsupported(facts.apply_definitions(impl.target(d)))
    if blocked is not None:  # nothing to compare the function with
        return ImplementationResult(impl, Status.FAILED, 0, (), blocked.reason)
    expression = prepare(impl.target(d), facts)
    found = _constants(impl.function)
    constants = tuple(int(c) for c in found if c <= 5000 and c == int(c))[:_EXTRA_SIZES]
    values = tuple(Rational(str(c)) for c in found)  # the values drawn at landmark points
    points += 2 * len(constants)  # each size constant is tried on top of the usual points
    agreed: list[tuple[int, ...]] = []
    skipped = ""
    with mpmath.workdps(settings.digits):
        for n in range(points):
            try:
                trial = _trial(impl, expression, facts,
                               _sizes(facts, n, rng, settings.code_sizes, constants), rng,
                               settings, far=n % 2 == 1,
                               landmarks=values if n % 3 == 2 else ())
            except _Skip as exc:
                skipped = str(exc)
                continue
            wrong = _judge(impl, trial, settings.code_tolerance)
            if wrong is not None:
                reason, gave = wrong
                derived = "undefined" if trial.derived is None else mpmath.nstr(trial.derived,
                                                                                12)
                return ImplementationResult(impl, Status.FAILED, len(agreed), (), reason,
                                            Counterexample(trial.names, derived, gave),
                                            trial.call(impl.name))
            agreed.append(trial.sizes)
    if len(agreed) < needed:
        return ImplementationResult(
            impl, Status.UNDECIDED, len(agreed), tuple(agreed),
            f"agreement at only {len(agreed)} of {points} random points (at least "
            f"{needed} needed): {skipped or 'no point was evaluated'}")
    return ImplementationResult(impl, Status.OK, len(agreed), tuple(agreed),
                                f"numeric agreement at {len(agreed)} random points, no proof")


def timed_out(impl: Implementation, seconds: float) -> ImplementationResult:
    """The verdict on an implementation whose check ran out of time: undecided."""
    return ImplementationResult(impl, Status.UNDECIDED, 0, (),
                                f"could not decide within {seconds:g} s")
