"""Checked symbolic derivations from maximum likelihood to cross entropy, emitted as LaTeX.

This module is the public API: what an author writes a derivation with, and the functions that
check it. Its names are loaded on first use (PEP 562), so importing the package, or its pytest
plugin, costs nothing until a name is asked for.

The package is laid out in layers; each imports only from the layers above it in this list
(``tests/test_layers.py`` walks every import and fails on a cycle or an upward edge):

====================  =========================================================================
``errors``,           the error family, the frozen settings of a check, the SymPy private API
``settings``,         the package uses (``_compat``), its version: import nothing of the package
``_compat``,
``_version``
``language/``         what an author writes: hypotheses, notation, ``Rule``, ``Step``,
                      ``Derivation``, ``Implementation`` as a declaration, and the results a
                      check produces (``results``)
``kernel/``           the trusted kernel, the only code whose verdict grades a step
                      ``symbolic``: canonical form and binders, positivity, equality proof,
                      monotone transforms, certificates, the equality case
``rules/``            the rule tables a step names (equality, inequality, optimiser): fitness
                      tests and side conditions, judged by the kernel
``evidence/``         numeric evidence, which can grade ``sized`` or ``sampled`` only: the
                      sampler's points, the evaluator, sampling, sized proofs, the check of a
                      reference implementation
``checking/``         grading a step, checking a derivation and its citations, the time
                      budget, parallel checking, the verdict cache (key and store)
``derivations``       this public API
``catalogue/``,       the shipped derivations (written with the public API only); the renderers
``render/``           of checked results (LaTeX, slides, MyST, Quarto, notebook, reports),
                      which never import the kernel or the catalogue
``loader``,           finding derivations in files and modules; atomic writes; progress lines;
``output``,           reading the ``align*`` chains of a lecturer's ``.tex`` file (``tex/``)
``progress``,
``tex/``
``pipeline``          load -> check -> render -> write, the one flow every front end calls
``cli``,              the front ends: the command line, the pytest plugin, the mutation
``pytest_plugin``,    harness, the watcher (``derivations watch``)
``mutation/``,
``watch``
====================  =========================================================================
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from derivations._version import __version__

#: Each public name and the module that defines it.
_HOMES = {
    "rules": "derivations.rules",
    "check_all": "derivations.checking.check",
    "check_derivation": "derivations.checking.check",
    "check_step": "derivations.checking.grade",
    "verify": "derivations.checking.check",
    "Derivation": "derivations.language.derivation",
    "AuthoringError": "derivations.errors",
    "DerivationError": "derivations.errors",
    "ImplementationFailure": "derivations.errors",
    "LoadError": "derivations.errors",
    "StepFailure": "derivations.errors",
    "CheckSettings": "derivations.settings",
    "Definition": "derivations.language.hypotheses",
    "IndexRange": "derivations.language.hypotheses",
    "Nonnegative": "derivations.language.hypotheses",
    "Parameter": "derivations.language.hypotheses",
    "Positive": "derivations.language.hypotheses",
    "Real": "derivations.language.hypotheses",
    "Simplex": "derivations.language.hypotheses",
    "Size": "derivations.language.hypotheses",
    "UnitInterval": "derivations.language.hypotheses",
    "Implementation": "derivations.language.implementation",
    "matrix": "derivations.language.implementation",
    "vector": "derivations.language.implementation",
    "KL": "derivations.language.notation",
    "Argmax": "derivations.language.notation",
    "Argmin": "derivations.language.notation",
    "CrossEntropy": "derivations.language.notation",
    "Expectation": "derivations.language.notation",
    "Entropy": "derivations.language.notation",
    "MaxOver": "derivations.language.notation",
    "MinOver": "derivations.language.notation",
    "OneHot": "derivations.language.notation",
    "Vector": "derivations.language.notation",
    "function_vector": "derivations.language.notation",
    "indexed_vector": "derivations.language.notation",
    "named_function": "derivations.language.notation",
    "XLogY": "derivations.language.notation",
    "xlogy": "derivations.language.notation",
    "Counterexample": "derivations.language.results",
    "DerivationResult": "derivations.language.results",
    "Evidence": "derivations.language.results",
    "ImplementationResult": "derivations.language.results",
    "Status": "derivations.language.results",
    "StepResult": "derivations.language.results",
    "Relation": "derivations.language.relation",
    "Step": "derivations.language.step",
    "Answer": "derivations.language.document",
    "Claim": "derivations.language.document",
    "Curve": "derivations.language.document",
    "Figure": "derivations.language.document",
    "NotationRow": "derivations.language.document",
    "Remark": "derivations.language.document",
    "Section": "derivations.language.document",
    "validate_prose": "derivations.language.prose",
}

__all__ = [
    "__version__",
    "Answer",
    "Claim",
    "Curve",
    "Figure",
    "NotationRow",
    "Remark",
    "Section",
    "validate_prose",
    "Argmax",
    "Argmin",
    "AuthoringError",
    "check_all",
    "check_derivation",
    "check_step",
    "CheckSettings",
    "Counterexample",
    "CrossEntropy",
    "Expectation",
    "Definition",
    "Derivation",
    "DerivationError",
    "DerivationResult",
    "Entropy",
    "Evidence",
    "function_vector",
    "Implementation",
    "ImplementationFailure",
    "ImplementationResult",
    "indexed_vector",
    "IndexRange",
    "KL",
    "LoadError",
    "matrix",
    "MaxOver",
    "MinOver",
    "named_function",
    "Nonnegative",
    "OneHot",
    "Parameter",
    "Positive",
    "Real",
    "Relation",
    "rules",
    "Simplex",
    "Size",
    "Status",
    "Step",
    "StepFailure",
    "StepResult",
    "UnitInterval",
    "vector",
    "Vector",
    "verify",
    "XLogY",
    "xlogy",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'derivations' has no attribute {name!r}")
    # first: _compat corrects one of SymPy's assumptions before an author's expression is built
    importlib.import_module("derivations._compat")
    module = importlib.import_module(home)
    value = module if name == "rules" else getattr(module, name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))


if TYPE_CHECKING:  # what a type checker and an editor see; nothing is imported at run time
    from derivations import rules
    from derivations.checking.check import check_all, check_derivation, verify
    from derivations.checking.grade import check_step
    from derivations.errors import (
        AuthoringError,
        DerivationError,
        ImplementationFailure,
        LoadError,
        StepFailure,
    )
    from derivations.language.derivation import Derivation
    from derivations.language.document import (
        Answer,
        Claim,
        Curve,
        Figure,
        NotationRow,
        Remark,
        Section,
    )
    from derivations.language.hypotheses import (
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
    from derivations.language.implementation import Implementation, matrix, vector
    from derivations.language.notation import (
        KL,
        Argmax,
        Argmin,
        CrossEntropy,
        Entropy,
        Expectation,
        MaxOver,
        MinOver,
        OneHot,
        Vector,
        XLogY,
        function_vector,
        indexed_vector,
        named_function,
        xlogy,
    )
    from derivations.language.prose import validate_prose
    from derivations.language.relation import Relation
    from derivations.language.results import (
        Counterexample,
        DerivationResult,
        Evidence,
        ImplementationResult,
        Status,
        StepResult,
    )
    from derivations.language.step import Step
    from derivations.settings import CheckSettings
