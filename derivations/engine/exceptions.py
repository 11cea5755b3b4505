"""The error types of the engine: one family rooted at :class:`DerivationError`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from derivations.engine.results import ImplementationResult, StepResult


class DerivationError(Exception):
    """Base class of every error the engine raises about a derivation."""


class AuthoringError(DerivationError, ValueError):
    """A derivation is malformed: an undeclared symbol, a bad name, a cycle of citations."""


class StepFailure(DerivationError):
    """A step does not follow. Carries the step's result: index, both sides, counterexample."""

    def __init__(self, derivation: str, result: StepResult) -> None:
        self.derivation = derivation
        self.result = result
        super().__init__(f"{derivation}: {result.describe()}")


class ImplementationFailure(DerivationError):
    """A reference implementation does not compute its expression. Carries its result: the
    reason, the counterexample and the Python call."""

    def __init__(self, derivation: str, result: ImplementationResult) -> None:
        self.derivation = derivation
        self.result = result
        super().__init__(f"{derivation}: {result.describe()}")
