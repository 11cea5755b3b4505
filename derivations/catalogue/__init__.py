"""The catalogue of checked derivations, in reading order."""

from __future__ import annotations

from derivations.catalogue.cross_entropy import one_hot_cross_entropy
from derivations.catalogue.likelihood import conditional_likelihood, mle_as_sum_of_neg_logs
from derivations.catalogue.spine import mle_is_mean_cross_entropy
from derivations.engine.derivation import Derivation

CATALOGUE: tuple[Derivation, ...] = (
    mle_as_sum_of_neg_logs,
    conditional_likelihood,
    one_hot_cross_entropy,
    mle_is_mean_cross_entropy,
)

__all__ = ["CATALOGUE"]
