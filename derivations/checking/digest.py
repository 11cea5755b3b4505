"""A digest of an expression's canonical form, for the JSON report (``canonical_sha256``).

It lives here, above the kernel whose canonical form it digests, so that the renderers, which
never import the kernel, can print it.
"""

from __future__ import annotations

import hashlib

from sympy import Basic, srepr

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
