"""Reference implementations: plain code for a loss, declared next to its derivation.

An :class:`Implementation` names a Python function, the expression of its derivation that the
function must compute, and how each of the function's arguments is made from the expression's
symbols (``q=vector(q, k)``: the family q_1, ..., q_k as an array indexed from 0; ``y=label - 1``:
a class counted from 0). It is attached where the derivation is written
(``Derivation(..., implementations=(...))``), in the catalogue as in an author's file.

This module only declares; ``evidence.code`` checks an implementation numerically against its
expression (sampled evidence, never a proof).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any, Protocol, TypeAlias

from sympy import Basic, Dummy, Expr, IndexedBase, Integer, Lambda, Symbol
from sympy.core.function import AppliedUndef

from derivations._compat import _sympify
from derivations.language.hypotheses import Facts, Hypothesis
from derivations.language.notation import Optimum


class Theorem(Protocol):
    """What an implementation reads of its derivation (``Derivation`` satisfies it; named here
    so that this module, which ``derivation`` imports, need not import it back)."""

    @property
    def start(self) -> Basic: ...

    @property
    def end(self) -> Basic: ...

    @property
    def expressions(self) -> list[Basic]: ...

    @property
    def hypotheses(self) -> Sequence[Hypothesis]: ...

    @property
    def facts(self) -> Facts: ...


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
        if type(name) is not str or not name.isidentifier() or not name.isascii():
            raise TypeError(f"an implementation's name is a Python identifier, not {name!r} "
                            "(the reports and the typeset code print it)")
        if hasattr(function, "__wrapped__"):
            raise TypeError(f"implementation {name!r} wraps another function (functools.wraps): "
                            "its printed source would be the wrapped one's, not the code that "
                            "runs; pass the function itself")
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

    def target(self, d: Theorem) -> Basic:
        """The expression of ``d`` that the function must compute."""
        expr = d.start if self.equals == "start" else d.end if self.equals == "end" \
            else self.equals
        return expr.objective if isinstance(expr, Optimum) else expr

    def validate(self, d: Theorem) -> str | None:
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
        for key, _ in self.arguments:
            if type(key) is not str or not key.isidentifier() or not key.isascii():
                return (f"implementation {self.name!r}: the argument name {key!r} is not a "
                        "Python identifier (the outputs print it as code)")
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
