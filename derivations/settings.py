"""The settings of a check: one frozen object, passed explicitly to everything that checks.

Every knob that can change a verdict is a field here, and nowhere else: no module-global
settings, no discovery by naming convention. A check made under other settings is another
check, so :meth:`CheckSettings.fingerprint` is part of every verdict-cache key. Unknown names
raise ``TypeError``, from the constructor as from :meth:`CheckSettings.replace`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CheckSettings:
    """Budgets, points, precision, tolerances and sizes of a check (defaults: the CLI's)."""

    #: Seconds one step (or one reference implementation) may take; past it the verdict is
    #: "could not decide". 0 or None: no limit. Needs SIGALRM (the main thread, POSIX).
    step_budget: float | None = 60.0

    # -- sampling: the counterexample hunt and the weakest grade --------------------------------
    #: Random points tried on a step the kernel proved (a cross-check) ...
    cross_check_points: int = 2
    #: ... and on a step it did not prove (the hunt; agreement is then ``sampled`` evidence).
    hunt_points: int = 24
    #: Agreeing points needed before numeric agreement counts as ``sampled`` evidence.
    min_agreement: int = 8
    #: Significant digits of a sampled comparison.
    digits: int = 60
    #: Relative tolerance of a sampled comparison is 10**-tolerance_digits (half of ``digits``).
    tolerance_digits: int = 30
    #: Digits the fast evaluator works at (exact rationals where it can, this where it cannot).
    working_digits: int = 100
    #: How far from its finite end an unbounded integer range (0 <= y <= oo) is sampled most
    #: of the time (now and then it is sampled up to 10**far_digits away).
    unbounded_span: int = 12
    #: Decimal exponents of the magnitudes a sampled real takes now and then (besides values
    #: near 1): 10**-6 to 10**6 by default, so that a term that is large or small next to
    #: another is met.
    magnitudes: tuple[int, int] = (-6, 6)
    #: The same for integers without a stated range, and for unbounded ranges.
    far_digits: int = 3
    #: The largest size (k, m) a hunt for counterexamples draws (now and then).
    max_size: int = 40
    #: A concrete sum or product with more terms than this is not evaluated (no point is judged).
    max_terms: int = 100_000
    #: Highest order of a derivative the evaluator takes in forward mode.
    max_derivative_order: int = 4

    # -- sized proofs ----------------------------------------------------------------------------
    #: Sizes (k, m, ...) at which an identity is proved exactly, every combination.
    sized_sizes: tuple[int, ...] = (1, 2, 3)
    #: Most index assignments a sized proof enumerates at one size before it gives up.
    max_cases: int = 256

    # -- reference implementations ---------------------------------------------------------------
    #: Random points per implementation; the first ones fix every size at ``code_sizes``.
    code_points: int = 10
    code_sizes: tuple[int, ...] = (1, 2, 3, 9, 40)
    #: Decimal exponents of the magnitudes of an implementation's real inputs (double
    #: precision: exp of an input must stay finite).
    code_magnitudes: tuple[int, int] = (-3, 1)
    #: Agreeing points needed for an implementation's check to pass.
    code_min_agreement: int = 8
    #: Relative tolerance between the exact value and the code's double-precision result.
    code_tolerance: float = 1e-9

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in ("magnitudes", "code_magnitudes"):
                if not (isinstance(value, tuple) and len(value) == 2
                        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
                        and value[0] <= value[1]):
                    raise ValueError(f"CheckSettings.{f.name} is (low, high) decimal exponents, "
                                     f"low <= high, not {value!r}")
            elif f.name in ("sized_sizes", "code_sizes"):
                if not (isinstance(value, tuple) and value
                        and all(isinstance(v, int) and v >= 1 for v in value)):
                    raise ValueError(f"CheckSettings.{f.name} is a non-empty tuple of sizes "
                                     f">= 1, not {value!r}")
            elif f.name == "step_budget":
                if value is not None and (isinstance(value, bool) or value < 0):
                    raise ValueError(f"CheckSettings.step_budget is seconds >= 0 or None, not "
                                     f"{value!r}")
            elif f.name == "code_tolerance":
                if not (isinstance(value, float) and 0 < value < 1):
                    raise ValueError(f"CheckSettings.code_tolerance is a float in (0, 1), not "
                                     f"{value!r}")
            elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"CheckSettings.{f.name} is an integer >= 0, not {value!r}")
        if self.tolerance_digits >= self.digits:
            raise ValueError("CheckSettings.tolerance_digits must be below digits: a tolerance "
                             "finer than the working precision accepts nothing")

    def replace(self, **changes: Any) -> CheckSettings:
        """A copy with ``changes``; an unknown name raises ``TypeError``."""
        known = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise TypeError(f"unknown check setting(s) {', '.join(map(repr, unknown))}; the "
                            f"settings are {', '.join(sorted(known))}")
        return dataclasses.replace(self, **changes)

    def fingerprint(self) -> str:
        """Every field and its value, in declaration order: the settings' part of a cache key."""
        return ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                         for f in dataclasses.fields(self))


#: The settings of ``derivations check`` and of every function that is not given any.
DEFAULT = CheckSettings()
