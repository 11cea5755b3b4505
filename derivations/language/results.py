"""What checking produces: evidence grades, counterexamples, per-step and per-derivation results."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sympy import Basic

from derivations.language.rule import Condition

if TYPE_CHECKING:
    from derivations.language.derivation import Derivation
    from derivations.language.implementation import Implementation
    from derivations.language.step import Step


class Evidence(enum.Enum):
    """How strongly a step is supported, strongest first."""

    #: Proved for symbolic sizes (k, m) under the hypotheses.
    SYMBOLIC = "symbolic"
    #: Proved symbolically after fixing the sizes at several concrete values: weaker.
    SIZED = "sized"
    #: Agreement at random points of the hypotheses' domain, no proof: weakest.
    SAMPLED = "sampled"

    @property
    def rank(self) -> int:
        return {"symbolic": 0, "sized": 1, "sampled": 2}[self.value]

    def at_least(self, other: Evidence) -> bool:
        return self.rank <= other.rank


class Status(enum.Enum):
    OK = "ok"
    FAILED = "failed"
    UNDECIDED = "undecided"


#: A counterexample in words names at most this many values (the JSON report has them all).
_SHOWN_VALUES = 16


def _where(values: tuple[tuple[str, str], ...]) -> str:
    shown = ", ".join(f"{name}={value}" for name, value in values[:_SHOWN_VALUES])
    rest = len(values) - _SHOWN_VALUES
    return shown + (f" and {rest} more values (all in the JSON report):" if rest > 0 else "")


@dataclass(frozen=True)
class Counterexample:
    """A point of the hypotheses' domain where a step is false."""

    values: tuple[tuple[str, str], ...]
    lhs: str
    rhs: str
    #: the sides' difference, where the two values print alike at the digits shown
    difference: str = ""

    def describe(self) -> str:
        where = _where(self.values)
        apart = f" (they differ by {self.difference})" if self.difference else ""
        return f"at {where} the left side is {self.lhs} and the right side is {self.rhs}{apart}"

    def as_json(self) -> dict[str, object]:
        found: dict[str, object] = {"values": dict(self.values), "lhs": self.lhs,
                                    "rhs": self.rhs}
        if self.difference:
            found["difference"] = self.difference
        return found


@dataclass(frozen=True)
class StepResult:
    """The verdict on one step (``index`` counts from 1, as a reader counts lines)."""

    index: int
    step: Step
    previous: Basic
    status: Status
    evidence: Evidence | None
    reason: str = ""
    counterexample: Counterexample | None = None
    conditions: tuple[Condition, ...] = ()
    tried: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def describe(self) -> str:
        head = f"step {self.index} ({self.step.why!r}, rule {self.step.rule.name})"
        if self.ok:
            return f"{head} holds [{self.evidence.value if self.evidence else '?'}]"
        text = f"{head} does not follow: {self.reason}"
        if self.counterexample is not None:
            text += f"; {self.counterexample.describe()}"
        return text


@dataclass(frozen=True)
class ImplementationResult:
    """The verdict on a reference implementation: does the code compute the expression?

    Sampled evidence at best (``points`` agreeing random points, at the sizes in ``sizes``); a
    failure carries the point, the expression's value (``lhs``) and the code's (``rhs``), and
    ``call``, the Python call that produced it.
    """

    implementation: Implementation
    status: Status
    points: int
    sizes: tuple[tuple[int, ...], ...]
    reason: str = ""
    counterexample: Counterexample | None = None
    call: str = ""

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def describe(self) -> str:
        head = f"code {self.implementation.signature}"
        if self.ok:
            return f"{head} agrees with the derived expression [{self.reason}]"
        text = f"{head} does not compute the derived expression: {self.reason}"
        if self.counterexample is not None:
            text += f"; {self.mismatch()}"
        return text

    def mismatch(self) -> str:
        """The counterexample in words: the point, the expression's value, the code's value."""
        cx = self.counterexample
        if cx is None:
            return ""
        return (f"at {_where(cx.values)} the derived expression is {cx.lhs} and {self.call} "
                f"gives {cx.rhs}")


@dataclass(frozen=True)
class DerivationResult:
    derivation: Derivation
    steps: tuple[StepResult, ...]
    problems: tuple[str, ...] = ()
    #: The checks of the derivation's reference implementations (sampled evidence).
    implementations: tuple[ImplementationResult, ...] = ()

    @property
    def ok(self) -> bool:
        return (not self.problems and all(s.ok for s in self.steps)
                and all(i.ok for i in self.implementations))

    @property
    def status(self) -> Status:
        return Status.OK if self.ok else Status.FAILED

    @property
    def weakest(self) -> Evidence | None:
        grades = [s.evidence for s in self.steps if s.evidence is not None]
        return max(grades, key=lambda e: e.rank) if grades else None

    def first_failure(self) -> StepResult | None:
        return next((s for s in self.steps if not s.ok), None)
