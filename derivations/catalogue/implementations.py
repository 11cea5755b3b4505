"""The losses of the catalogue as plain code, the way a textbook or a course would write them.

Each function is attached to the derivation it implements (``implementations=`` in the
catalogue's modules), which says which expression it computes and how its arguments are made
from the theorem's symbols. The engine checks it numerically against that expression at random
points of the hypotheses' domain, and the proofs show it, rendered by latexify, beside the
derived formula.

Conventions: arrays are indexed from 0, as in NumPy and PyTorch, so the class y of the theorems
(1 to k) is ``y - 1`` here, and ``q[j]`` is q_{j+1}. Only ``math`` and indexing are used (no
``np.dot``, ``math.log1p`` or ``math.log(x, 2)``), so that latexify prints what a reader expects.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: A probability vector or a row of values, a table of them (one row per observation), labels.
Vector = Sequence[float]
Matrix = Sequence[Sequence[float]]
Labels = Sequence[int]


def cross_entropy(p: Vector, q: Vector) -> float:
    """H(p, q): the cross entropy of the prediction q relative to the distribution p."""
    k = len(q)
    return -sum(p[j] * math.log(q[j]) for j in range(k))


def entropy(p: Vector) -> float:
    """H(p): the entropy of the distribution p, with 0 log 0 = 0 (a class of probability zero
    contributes nothing)."""
    k = len(p)
    return -sum(p[j] * math.log(p[j]) for j in range(k) if p[j] != 0)


def kl_divergence(p: Vector, q: Vector) -> float:
    """KL(p || q): the Kullback-Leibler divergence of q from p, with 0 log(0 / q) = 0."""
    k = len(p)
    return sum(p[j] * math.log(p[j] / q[j]) for j in range(k) if p[j] != 0)


def label_cross_entropy(q: Vector, y: int) -> float:
    """The cross entropy against the one-hot label of class y: minus the log of q's entry y."""
    return -math.log(q[y])


def mean_label_cross_entropy(q: Matrix, y: Labels) -> float:
    """The mean cross entropy of m predictions (rows of q) against their labels y."""
    m = len(y)
    return -sum(math.log(q[i][y[i]]) for i in range(m)) / m


def soft_label_cross_entropy(p: Matrix, q: Matrix) -> float:
    """The summed cross entropy of m predictions (rows of q) against soft labels (rows of p)."""
    m = len(p)
    k = len(p[0])
    return -sum(p[i][j] * math.log(q[i][j]) for i in range(m) for j in range(k))


def binary_cross_entropy(a: float, y: int) -> float:
    """The binary cross entropy of the predicted probability a for the label y in {0, 1}."""
    return -(y * math.log(a) + (1 - y) * math.log(1 - a))


def multi_label_binary_cross_entropy(a: Vector, y: Labels) -> float:
    """The summed binary cross entropy of L independent labels y with predictions a."""
    L = len(y)
    return -sum(y[l] * math.log(a[l]) + (1 - y[l]) * math.log(1 - a[l])  # noqa: E741
                for l in range(L))  # noqa: E741


def gaussian_nll(y: Vector, mu: Vector, sigma: float) -> float:
    """The negative log-likelihood of targets y under normal noise of mean mu and sd sigma."""
    m = len(y)
    return sum((y[i] - mu[i]) ** 2 / (2 * sigma**2) + math.log(2 * math.pi * sigma**2) / 2
               for i in range(m))


def mean_squared_error(y: Vector, mu: Vector) -> float:
    """The mean squared error of the predictions mu for the targets y."""
    m = len(y)
    return sum((y[i] - mu[i]) ** 2 for i in range(m)) / m


def smoothed_cross_entropy(q: Vector, y: int, epsilon: float) -> float:
    """The cross entropy against the label y smoothed with weight epsilon (derived form)."""
    k = len(q)
    return -(1 - epsilon) * math.log(q[y]) - epsilon / k * sum(math.log(q[j]) for j in range(k))


def logistic_loss(t: float, y: int) -> float:
    """The binary cross entropy of the sigmoid of the logit t for the label y in {0, 1}."""
    return y * math.log(1 + math.exp(-t)) + (1 - y) * math.log(1 + math.exp(t))


def log_softmax(z: Vector, j: int) -> float:
    """The log of entry j of the softmax of the logits z: the logit minus log-sum-exp."""
    k = len(z)
    return z[j] - math.log(sum(math.exp(z[l]) for l in range(k)))  # noqa: E741


def cross_entropy_bits(p: Vector, q: Vector) -> float:
    """The expected length in bits of a code designed for q when symbols follow p."""
    k = len(q)
    return -sum(p[j] * math.log2(q[j]) for j in range(k))
