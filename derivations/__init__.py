"""Checked symbolic derivations from maximum likelihood to cross entropy, emitted as LaTeX.

The public API for writing and checking derivations. Everything else lives in subpackages
(``engine``, ``render``, ``catalogue``) and is not imported directly by users.
"""

from __future__ import annotations

__version__ = "0.1.0"

from derivations.engine import rules
from derivations.engine.checker import check_all, check_derivation, check_step, verify
from derivations.engine.derivation import Derivation
from derivations.engine.exceptions import (
    AuthoringError,
    DerivationError,
    ImplementationFailure,
    StepFailure,
)
from derivations.engine.hypotheses import (
    Definition,
    IndexRange,
    Nonnegative,
    Parameter,
    Positive,
    Real,
    Simplex,
    Size,
    UnitInterval,
)
from derivations.engine.implementation import Implementation, matrix, vector
from derivations.engine.notation import (
    KL,
    Argmax,
    Argmin,
    CrossEntropy,
    Entropy,
    OneHot,
    Vector,
    function_vector,
    indexed_vector,
    named_function,
)
from derivations.engine.results import (
    Counterexample,
    DerivationResult,
    Evidence,
    ImplementationResult,
    Status,
    StepResult,
)
from derivations.engine.step import Relation, Step

__all__ = [
    "__version__", "Argmax", "Argmin", "AuthoringError", "check_all", "check_derivation",
    "check_step", "Counterexample", "CrossEntropy", "Definition", "Derivation",
    "DerivationError", "DerivationResult", "Entropy", "Evidence", "function_vector",
    "Implementation", "ImplementationFailure", "ImplementationResult", "indexed_vector",
    "IndexRange", "KL", "matrix", "named_function", "Nonnegative", "OneHot", "Parameter",
    "Positive", "Real", "Relation", "rules", "Simplex", "Size", "Status", "Step",
    "StepFailure", "StepResult", "UnitInterval", "Vector", "vector", "verify",
]
