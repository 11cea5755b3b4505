"""A digest of an expression's canonical form, for the JSON report (``canonical_sha256``).

It lives here, above the kernel whose canonical form it digests, so that the renderers, which
never import the kernel, can print it.
"""

from __future__ import annotations

import hashlib

from sympy import Basic, srepr

from derivations.checking.budget import OutOfTime, time_limit
from derivations.kernel.canonical import canonical
from derivations.language.hypotheses import Facts
from derivations.language.notation import Optimum


def canonical_sha256(expr: Basic, facts: Facts) -> str:
    """SHA-256 of ``srepr`` of the canonical form of ``expr`` under ``facts``.

    Equal for two spellings of the same expression that the canonicaliser identifies (a sum
    over ``j`` and over ``l``), and identical from run to run (``srepr`` does not depend on
    ``PYTHONHASHSEED``). For an optimiser set, the objective is canonicalised.
    """
    if isinstance(expr, Optimum):
        form: Basic = expr.with_objective(canonical(expr.objective, facts))
    else:
        form = canonical(expr, facts)
    return hashlib.sha256(srepr(form).encode("utf-8")).hexdigest()


def bounded_sha256(expr: Basic, facts: Facts, seconds: float | None) -> str | None:
    """:func:`canonical_sha256`, or ``None`` when the canonical form takes longer than
    ``seconds`` or cannot be computed at all (an expression the check itself ended undecided
    on). The report prints what it has; it never runs the kernel without a budget."""
    try:
        with time_limit(seconds):
            return canonical_sha256(expr, facts)
    except OutOfTime:
        return None
    except Exception:  # what the checker reported as "cannot check" for this step
        return None
