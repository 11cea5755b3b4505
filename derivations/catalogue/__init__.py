"""The catalogue of checked derivations, in reading order."""

from __future__ import annotations

from derivations.catalogue.cross_entropy import one_hot_cross_entropy
from derivations.catalogue.likelihood import conditional_likelihood, mle_as_sum_of_neg_logs
from derivations.catalogue.outputs import (
    log_softmax_is_logit_minus_logsumexp,
    logistic_loss_is_two_class_cross_entropy,
    sigmoid_complement,
    sigmoid_is_two_class_softmax,
    softmax_is_a_distribution,
    softmax_is_positive,
    softmax_shift_invariance,
)
from derivations.catalogue.regression_losses import (
    bernoulli_nll_is_binary_cross_entropy,
    gaussian_nll_is_mse,
    multi_label_binary_cross_entropy,
)
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
    ("Beyond one-hot labels", (
        bernoulli_nll_is_binary_cross_entropy,
        multi_label_binary_cross_entropy,
        gaussian_nll_is_mse,
    )),
    ("Outputs as probabilities", (
        softmax_is_a_distribution,
        softmax_is_positive,
        softmax_shift_invariance,
        log_softmax_is_logit_minus_logsumexp,
        sigmoid_is_two_class_softmax,
        sigmoid_complement,
        logistic_loss_is_two_class_cross_entropy,
    )),
)

CATALOGUE: tuple[Derivation, ...] = tuple(d for _, members in SECTIONS for d in members)

__all__ = ["CATALOGUE", "SECTIONS"]
