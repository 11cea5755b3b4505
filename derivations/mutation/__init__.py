"""The mutation harness: make every step of every derivation wrong, and check that the checker
says so.

``derivations mutate [SOURCE ...]`` (or ``python -m derivations.mutation``) builds wrong variants
of each step (a flipped sign, swapped families, a dropped term, changed bounds, a reversed
inequality, a bad certificate, a removed hypothesis, ...: the operators of :mod:`.rules`), feeds
each one to the checker and prints ``killed N of M``: a mutant is killed when the checker does
not accept it. A mutant that is in fact still correct (an equivalent mutant) is recognised by
proof, never by hand, and listed apart with that proof:

* a changed expression proved equal to the original one under the same hypotheses;
* a changed order relation between two sides proved equal (every non-strict order then holds);
* a removed hypothesis without which the step still proves symbolically (it was not used).

Every other mutant must be killed; one the checker finds no counterexample for but cannot prove
is rejected only by the ``symbolic`` evidence policy (:data:`POLICY`), and listed apart. The
reference implementations are mutated too (:mod:`.code`: a wrong operator, sign, constant,
function, loop range or index in the code), and each code mutant must be refused by the
implementation check.

Exit status of the command: 0 when every non-equivalent mutant is killed, 1 when one survives (a
checker that accepts a wrong step or wrong code), a check crashes, or the whole catalogue yields
fewer than :data:`MINIMUM_MUTANTS`; 2 on a usage error.

From Python: ``mutation.run(derivations, jobs=..., settings=...)`` returns a :class:`Report`.
The names are loaded on first use (PEP 562), as the package's own are: ``python -m
derivations.mutation`` imports nothing of the engine before it runs the command.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = ["MINIMUM_MUTANTS", "POLICY", "Outcome", "Report", "run", "targets"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'derivations.mutation' has no attribute {name!r}")
    value = getattr(importlib.import_module("derivations.mutation.harness"), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # what a type checker sees; nothing is imported at run time
    from derivations.mutation.harness import (
        MINIMUM_MUTANTS,
        POLICY,
        Outcome,
        Report,
        run,
        targets,
    )
