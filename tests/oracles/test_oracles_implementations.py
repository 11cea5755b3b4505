"""Oracles for the reference implementations: each function of
``derivations/catalogue/implementations.py`` against the loss that PyTorch, SciPy or scikit-learn
ships under that name, at random float64 data of several sizes (one class included).

The engine checks the same functions against the derived expressions; these tests check them
against independent code, the way micrograd checks its gradients against PyTorch.
"""

from __future__ import annotations

import numpy as np
import pytest

from derivations.catalogue import implementations as code

torch = pytest.importorskip("torch", reason="the oracles compare with PyTorch (extra 'oracles')")
stats = pytest.importorskip("scipy.stats", reason="the oracles compare with SciPy")
special = pytest.importorskip("scipy.special", reason="the oracles compare with SciPy")
metrics = pytest.importorskip("sklearn.metrics", reason="the oracles compare with scikit-learn")
F = torch.nn.functional

SIZES = [1, 2, 3, 10]
SEEDS = [0, 1, 2]


def close(ours: float, theirs: float) -> bool:
    return bool(abs(ours - float(theirs)) <= 1e-12 * max(1.0, abs(ours)))


def t(values) -> torch.Tensor:
    return torch.as_tensor(np.asarray(values), dtype=torch.float64)


def distribution(rng: np.random.Generator, *shape: int) -> np.ndarray:
    """Positive rows summing to one (the libraries' losses expect distributions)."""
    w = rng.uniform(0.05, 1.0, size=shape)
    return w / w.sum(axis=-1, keepdims=True)


@pytest.fixture(params=[(k, s) for k in SIZES for s in SEEDS], ids=lambda v: f"k{v[0]}-s{v[1]}")
def data(request):
    k, seed = request.param
    rng = np.random.default_rng(seed * 100 + k)
    m = 1 + seed * 3
    return {"k": k, "m": m, "rng": rng, "p": distribution(rng, k), "q": distribution(rng, k),
            "P": distribution(rng, m, k), "Q": distribution(rng, m, k),
            "y": int(rng.integers(0, k)), "ys": rng.integers(0, k, size=m)}


def test_cross_entropy(data):
    p, q = data["p"], data["q"]
    ours = code.cross_entropy(p, q)
    assert close(ours, F.cross_entropy(t(np.log(q))[None], t(p)[None], reduction="sum"))
    assert close(ours, stats.entropy(p) + stats.entropy(p, q))


def test_entropy(data):
    p = data["p"]
    ours = code.entropy(p)
    assert close(ours, stats.entropy(p))
    assert close(ours, torch.distributions.Categorical(probs=t(p)).entropy())


def test_kl_divergence(data):
    p, q = data["p"], data["q"]
    ours = code.kl_divergence(p, q)
    assert close(ours, F.kl_div(t(np.log(q)), t(p), reduction="sum"))
    assert close(ours, special.rel_entr(p, q).sum())
    assert close(ours, stats.entropy(p, q))


def test_label_cross_entropy(data):
    q, y, k = data["q"], data["y"], data["k"]
    ours = code.label_cross_entropy(q, y)
    assert close(ours, F.cross_entropy(t(np.log(q))[None], torch.tensor([y])))
    assert close(ours, F.nll_loss(t(np.log(q))[None], torch.tensor([y])))
    if k > 1:  # scikit-learn refuses a single class
        assert close(ours, metrics.log_loss([y], [q], labels=list(range(k))))


def test_label_cross_entropy_of_unnormalised_outputs(data):
    """The theorem needs only q > 0: nll_loss takes the log of any positive q."""
    q = data["rng"].uniform(0.1, 5.0, size=data["k"])
    assert close(code.label_cross_entropy(q, data["y"]),
                 F.nll_loss(t(np.log(q))[None], torch.tensor([data["y"]])))


def test_mean_label_cross_entropy(data):
    Q, ys, k = data["Q"], data["ys"], data["k"]
    ours = code.mean_label_cross_entropy(Q, ys)
    assert close(ours, F.cross_entropy(t(np.log(Q)), torch.as_tensor(ys)))
    if k > 1:
        assert close(ours, metrics.log_loss(ys, Q, labels=list(range(k))))


def test_soft_label_cross_entropy(data):
    P, Q = data["P"], data["Q"]
    ours = code.soft_label_cross_entropy(P, Q)
    assert close(ours, F.cross_entropy(t(np.log(Q)), t(P), reduction="sum"))


@pytest.mark.parametrize("y", [0, 1])
def test_binary_cross_entropy(data, y):
    a = float(data["rng"].uniform(0.01, 0.99))
    ours = code.binary_cross_entropy(a, y)
    assert close(ours, F.binary_cross_entropy(t([a]), t([y])))
    assert close(ours, metrics.log_loss([y], [a], labels=[0, 1]))


def test_multi_label_binary_cross_entropy(data):
    rng, k = data["rng"], data["k"]
    a, ys = rng.uniform(0.01, 0.99, size=k), rng.integers(0, 2, size=k)
    ours = code.multi_label_binary_cross_entropy(a, ys)
    assert close(ours, F.binary_cross_entropy(t(a), t(ys), reduction="sum"))


def test_gaussian_nll_and_mean_squared_error(data):
    rng, m = data["rng"], data["m"]
    y, mu, sigma = rng.normal(size=m), rng.normal(size=m), float(rng.uniform(0.2, 3.0))
    nll = code.gaussian_nll(y, mu, sigma)
    assert close(nll, F.gaussian_nll_loss(t(mu), t(y), t(np.full(m, sigma**2)), full=True,
                                          reduction="sum"))
    assert close(nll, -stats.norm.logpdf(y, loc=mu, scale=sigma).sum())
    mse = code.mean_squared_error(y, mu)
    assert close(mse, F.mse_loss(t(mu), t(y)))
    assert close(mse, metrics.mean_squared_error(y, mu))


@pytest.mark.parametrize("epsilon", [0.0, 0.1, 0.5, 1.0])
def test_smoothed_cross_entropy(data, epsilon):
    q, y = data["q"], data["y"]
    ours = code.smoothed_cross_entropy(q, y, epsilon)
    assert close(ours, F.cross_entropy(t(np.log(q))[None], torch.tensor([y]),
                                       label_smoothing=epsilon))


@pytest.mark.parametrize("y", [0, 1])
def test_logistic_loss(data, y):
    logit = float(data["rng"].normal(scale=3.0))
    ours = code.logistic_loss(logit, y)
    assert close(ours, F.binary_cross_entropy_with_logits(t([logit]), t([y])))
    assert close(ours, metrics.log_loss([y], [special.expit(logit)], labels=[0, 1]))


def test_log_softmax(data):
    z = data["rng"].normal(scale=3.0, size=data["k"])
    for j in range(data["k"]):
        ours = code.log_softmax(z, j)
        assert close(ours, torch.log_softmax(t(z), dim=0)[j])
        assert close(ours, special.log_softmax(z)[j])


def test_cross_entropy_bits(data):
    p, q = data["p"], data["q"]
    ours = code.cross_entropy_bits(p, q)
    assert close(ours, stats.entropy(p, base=2) + stats.entropy(p, q, base=2))


def test_a_wrong_implementation_is_rejected_by_the_oracle():
    """The twin: natural log where bits are meant is caught by the same comparison."""
    p, q = np.array([0.2, 0.8]), np.array([0.5, 0.5])
    assert not close(code.cross_entropy(p, q), stats.entropy(p, base=2) + stats.entropy(
        p, q, base=2))
