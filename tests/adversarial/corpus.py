"""The adversarial corpus: derivations written as a careless or hostile author would write them.

Each case is a function that builds a derivation (or raises while building it) and an
expectation:

- ``refused``: building it raises :class:`AuthoringError` (the message must match ``why``);
- ``fails``: it builds, and the check does not accept it (a step fails or stays undecided, a
  citation or an equality case is refused), or it accepts a step only below ``symbolic`` grade
  when the false claim would need a proof;
- ``accepted``: a true derivation, every step ``symbolic`` (the checker must not be so strict
  that it refuses honest work).

Cases are registered with :func:`false` and :func:`true`; ``test_corpus.py`` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from derivations import Derivation


@dataclass(frozen=True)
class Case:
    name: str
    route: str
    build: Callable[[], object]
    expect: str  # "refused", "fails" or "accepted"
    why: str = ""  # a regular expression the refusal or failure must match


CASES: list[Case] = []


def false(route: str, *, refused: str = "", fails: str = "") -> Callable[
        [Callable[[], object]], Callable[[], object]]:
    """Register a false derivation: it must be ``refused`` while building (with a message
    matching the given pattern) or ``fails`` the check (with a reason matching it)."""
    def register(build: Callable[[], object]) -> Callable[[], object]:
        expect = "refused" if refused else "fails"
        CASES.append(Case(build.__name__, route, build, expect, refused or fails))
        return build
    return register


def true(route: str) -> Callable[[Callable[[], Derivation]], Callable[[], Derivation]]:
    """Register a true derivation that must be accepted with every step ``symbolic``."""
    def register(build: Callable[[], Derivation]) -> Callable[[], Derivation]:
        CASES.append(Case(build.__name__, route, build, "accepted"))
        return build
    return register
