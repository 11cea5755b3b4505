"""Every error the package raises about a user's input or build, under one base.

A usage error (a source that cannot be loaded) is :class:`LoadError`; a malformed derivation is
:class:`AuthoringError`; a step or a reference implementation that does not check, raised by
``verify``, is :class:`StepFailure` or :class:`ImplementationFailure`; an output that cannot be
built (TeX missing or failing, a notebook cell that raises) is a :class:`BuildError`. The command
line maps each class to its exit code in one table (``cli.EXIT_CODES``).

This module imports nothing from the package: every layer may raise these.
"""

from __future__ import annotations

from typing import Protocol


class _Verdict(Protocol):
    """What a failure carries: a result that can say what went wrong (``StepResult``,
    ``ImplementationResult``)."""

    def describe(self) -> str: ...


class DerivationError(Exception):
    """Base class of every error the package raises about a derivation or a build."""


class AuthoringError(DerivationError, ValueError):
    """A derivation is malformed: an undeclared symbol, a bad name, a cycle of citations."""


class LoadError(DerivationError):
    """A source could not be loaded: a usage error (exit code 2), not a failed check."""


class NoDerivations(LoadError):
    """A source was loaded, and holds no Derivation object."""


class StepFailure(DerivationError):
    """A step does not follow. Carries the step's result: index, both sides, counterexample."""

    def __init__(self, derivation: str, result: _Verdict) -> None:
        self.derivation = derivation
        self.result = result
        super().__init__(f"{derivation}: {result.describe()}")


class ImplementationFailure(DerivationError):
    """A reference implementation does not compute its expression. Carries its result: the
    reason, the counterexample and the Python call."""

    def __init__(self, derivation: str, result: _Verdict) -> None:
        self.derivation = derivation
        self.result = result
        super().__init__(f"{derivation}: {result.describe()}")


class BuildError(DerivationError, RuntimeError):
    """An output could not be built; nothing was written."""


class TexUnavailable(BuildError):
    """No TeX installation: the PDF cannot be built here."""


class TexFailed(BuildError):
    """latexmk ran and failed; the message carries the end of the log."""


class NotebookFailed(BuildError):
    """Executing the notebook failed: a cell raised, the kernel died or timed out."""
