"""The catalogue of checked derivations, in reading order."""

from __future__ import annotations

from derivations.catalogue.cross_entropy import one_hot_cross_entropy
from derivations.catalogue.likelihood import conditional_likelihood, mle_as_sum_of_neg_logs
from derivations.catalogue.spine import mle_is_mean_cross_entropy
from derivations.engine.derivation import Derivation

#: The catalogue by section, in reading order (the sections of the question's answer).
SECTIONS: tuple[tuple[str, tuple[Derivation, ...]], ...] = (
    ("From likelihood to cross entropy", (
        mle_as_sum_of_neg_logs,
        conditional_likelihood,
        one_hot_cross_entropy,
        mle_is_mean_cross_entropy,
    )),
)

CATALOGUE: tuple[Derivation, ...] = tuple(d for _, members in SECTIONS for d in members)

__all__ = ["CATALOGUE", "SECTIONS"]
