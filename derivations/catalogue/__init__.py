"""The catalogue of checked derivations, in reading order."""

from __future__ import annotations

from derivations import (
    Derivation,
)
from derivations.catalogue.calibration import (
    argmax_accuracy,
    calibrated_accuracy,
    log_loss_is_proper,
    log_loss_lagrange_condition,
    log_loss_lagrange_multiplier,
)
from derivations.catalogue.cross_entropy import (
    one_hot_cross_entropy,
    one_hot_cross_entropy_is_divergence,
    one_hot_entropy_is_zero,
)
from derivations.catalogue.empirical import empirical_kl, empirical_kl_classifier
from derivations.catalogue.gradients import (
    cross_entropy_convex_in_last_layer,
    cross_entropy_convex_in_logits,
    cross_entropy_gradient,
    cross_entropy_hessian,
    non_label_logits_pushed_down,
    one_hot_gradient,
)
from derivations.catalogue.information import (
    code_length_excess,
    code_length_kraft_sum,
    cross_entropy_is_code_length,
    gibbs_inequality,
    shannon_code_bound,
    shannon_code_kraft,
    shannon_code_lower_bound,
)
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
from derivations.catalogue.soft_labels import (
    cross_entropy_is_entropy_plus_kl,
    label_smoothing,
    soft_label_decomposition,
    soft_labels_are_expected_nll,
)
from derivations.catalogue.spine import mle_is_mean_cross_entropy

#: The catalogue by section, in reading order: the sections follow the answer's questions.
SECTIONS: tuple[tuple[str, tuple[Derivation, ...]], ...] = (
    ("From likelihood to cross entropy", (
        mle_as_sum_of_neg_logs,
        conditional_likelihood,
        one_hot_cross_entropy,
        mle_is_mean_cross_entropy,
        empirical_kl,
        empirical_kl_classifier,
    )),
    ("Outputs as probabilities", (
        softmax_is_a_distribution,
        softmax_is_positive,
        softmax_shift_invariance,
        log_softmax_is_logit_minus_logsumexp,
        sigmoid_is_two_class_softmax,
        sigmoid_complement,
        logistic_loss_is_two_class_cross_entropy,
        cross_entropy_gradient,
        one_hot_gradient,
        non_label_logits_pushed_down,
        cross_entropy_hessian,
        cross_entropy_convex_in_logits,
        cross_entropy_convex_in_last_layer,
        log_loss_is_proper,
        log_loss_lagrange_condition,
        log_loss_lagrange_multiplier,
    )),
    ("Beyond one-hot labels", (
        cross_entropy_is_entropy_plus_kl,
        soft_label_decomposition,
        soft_labels_are_expected_nll,
        bernoulli_nll_is_binary_cross_entropy,
        multi_label_binary_cross_entropy,
        gaussian_nll_is_mse,
        label_smoothing,
    )),
    ("Training and prediction", (
        argmax_accuracy,
        calibrated_accuracy,
    )),
    ("Information theory", (
        one_hot_entropy_is_zero,
        one_hot_cross_entropy_is_divergence,
        gibbs_inequality,
        cross_entropy_is_code_length,
        code_length_kraft_sum,
        code_length_excess,
        shannon_code_bound,
        shannon_code_lower_bound,
        shannon_code_kraft,
    )),
)

CATALOGUE: tuple[Derivation, ...] = tuple(d for _, members in SECTIONS for d in members)

__all__ = ["CATALOGUE", "SECTIONS"]
