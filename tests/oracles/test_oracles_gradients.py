"""Oracle: PyTorch's autograd against the derived gradient, Hessian and Lagrange condition.

The derived expressions (the derivations' own objects, definitions unfolded, the number of
classes fixed, sums written out) are lambdified and compared in float64 with
``torch.nn.functional.cross_entropy`` (probability targets) differentiated by autograd.
"""

from __future__ import annotations

import functools
import random

import pytest
from sympy import Basic, Indexed, IndexedBase, Symbol, lambdify

from derivations.catalogue.calibration import lam, log_loss_lagrange_condition, pi
from derivations.catalogue.gradients import (
    cross_entropy_convex_in_logits,
    cross_entropy_gradient,
    cross_entropy_hessian,
    l,
    p,
    v,
    z,
)
from derivations.catalogue.notation import j, k, q
from derivations.kernel.canonical import prepare
from derivations.language.hypotheses import Facts

torch = pytest.importorskip("torch", reason="PyTorch is the oracle for gradients")
F = torch.nn.functional

SIZES = (1, 2, 3, 5, 8)
TOLERANCE = 1e-10


@functools.cache
def _compiled(expr: Basic, facts: Facts, size: int, integers: tuple):
    e = prepare(expr, facts).xreplace({k: size, **dict(integers)}).doit()
    labels = {b.label for b in e.atoms(IndexedBase)}
    atoms = sorted(e.atoms(Indexed, Symbol) - labels, key=str)
    return atoms, lambdify(atoms, e, "math")


def numeric(expr: Basic, facts: Facts, size: int, families: dict[IndexedBase, list[float]],
            integers: dict[Symbol, int] | None = None,
            scalars: dict[Symbol, float] | None = None) -> float:
    """A derived expression at numbers: sizes and indices fixed, sums written out."""
    atoms, f = _compiled(expr, facts, size, tuple(sorted((integers or {}).items(), key=str)))
    scalars = scalars or {}
    return float(f(*(scalars[a] if a in scalars else families[a.base][int(a.indices[0]) - 1]
                     for a in atoms)))


def _cases(seed: int, per_size: int = 4):
    rng = random.Random(seed)
    for size in SIZES:
        for _ in range(per_size):
            logits = [rng.gauss(0.0, 2.0) for _ in range(size)]
            weights = [rng.uniform(0.05, 1.0) for _ in range(size)]
            target = [w / sum(weights) for w in weights]
            yield size, logits, target


def _loss(target: list[float]):
    t = torch.tensor([target], dtype=torch.float64)
    return lambda logits: F.cross_entropy(logits.unsqueeze(0), t)


def test_gradient_matches_autograd_of_torch_cross_entropy():
    worst = 0.0
    d = cross_entropy_gradient
    for size, logits, target in _cases(1):
        zt = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
        _loss(target)(zt).backward()
        for index in range(1, size + 1):
            fam = {z: logits, p: target}
            derived = numeric(d.end, d.facts, size, fam, {j: index})
            differentiated = numeric(d.start, d.facts, size, fam, {j: index})
            torch_value = zt.grad[index - 1].item()
            worst = max(worst, abs(derived - torch_value), abs(differentiated - torch_value))
    assert worst < TOLERANCE, worst
    print(f"\nC3 gradient vs torch autograd: max |difference| = {worst:.3g}")


def test_gradient_with_a_one_hot_target_matches_torch_with_a_class_index():
    """p = e_y has zero entries, which the theorem allows (the p_j are only non-negative)."""
    worst = 0.0
    d = cross_entropy_gradient
    for size, logits, _ in _cases(7, per_size=2):
        for label in range(size):
            zt = torch.tensor([logits], dtype=torch.float64, requires_grad=True)
            F.cross_entropy(zt, torch.tensor([label])).backward()
            one_hot = [1.0 if c == label else 0.0 for c in range(size)]
            for index in range(1, size + 1):
                derived = numeric(d.end, d.facts, size, {z: logits, p: one_hot}, {j: index})
                worst = max(worst, abs(derived - zt.grad[0, index - 1].item()))
    assert worst < TOLERANCE, worst
    print(f"\nC3 gradient, one-hot target vs torch (class index): max |difference| = {worst:.3g}")


def test_hessian_matches_torch_autograd_hessian():
    worst = 0.0
    d = cross_entropy_hessian
    for size, logits, target in _cases(2, per_size=2):
        zt = torch.tensor(logits, dtype=torch.float64)
        hessian = torch.autograd.functional.hessian(_loss(target), zt)
        softmax = torch.softmax(zt, 0)
        assert torch.allclose(hessian, torch.diag(softmax) - torch.outer(softmax, softmax),
                              atol=1e-12)
        for a in range(1, size + 1):
            for b in range(1, size + 1):
                derived = numeric(d.end, d.facts, size, {z: logits, p: target}, {j: a, l: b})
                worst = max(worst, abs(derived - hessian[a - 1, b - 1].item()))
    assert worst < TOLERANCE, worst
    print(f"\nC3 Hessian vs torch.autograd.functional.hessian: max |difference| = {worst:.3g}")


def test_quadratic_form_is_the_variance_and_non_negative():
    rng = random.Random(3)
    worst = 0.0
    d = cross_entropy_convex_in_logits
    for size, logits, target in _cases(3, per_size=2):
        direction = [rng.gauss(0.0, 1.0) for _ in range(size)]
        zt = torch.tensor(logits, dtype=torch.float64)
        vt = torch.tensor(direction, dtype=torch.float64)
        form = (vt @ torch.autograd.functional.hessian(_loss(target), zt) @ vt).item()
        fam = {z: logits, p: target, v: direction}
        variance = numeric(d.steps[2].expr, d.facts, size, fam)
        worst = max(worst, abs(variance - form))
        if size <= 3:  # the double sum of second derivatives, differentiated by SymPy: slow
            worst = max(worst, abs(numeric(d.start, d.facts, size, fam) - form))
        assert variance >= 0.0
    assert worst < TOLERANCE, worst
    print(f"\nC3 v^T H v vs torch: max |difference| = {worst:.3g}")


def _linear_layer_case(size: int, gen) -> float:
    """One random layer: returns max |J^T H J - Hessian in (W, b)|, asserting it is PSD."""
    features = 4
    x = torch.randn(features, generator=gen, dtype=torch.float64)
    target = torch.softmax(torch.randn(size, generator=gen, dtype=torch.float64), 0).tolist()
    params = torch.randn(size * features + size, generator=gen, dtype=torch.float64)
    cross_entropy = _loss(target)

    def logits_of(theta):
        weights, bias = theta[: size * features].view(size, features), theta[size * features:]
        return weights @ x + bias

    hessian = torch.autograd.functional.hessian(lambda t: cross_entropy(logits_of(t)), params)
    jacobian = torch.autograd.functional.jacobian(logits_of, params)
    logits = logits_of(params).tolist()
    d = cross_entropy_hessian
    derived = torch.tensor([[numeric(d.end, d.facts, size, {z: logits, p: target}, {j: a, l: b})
                             for b in range(1, size + 1)] for a in range(1, size + 1)],
                           dtype=torch.float64)
    assert torch.linalg.eigvalsh(hessian).min().item() > -1e-12
    return (jacobian.T @ derived @ jacobian - hessian).abs().max().item()


def test_loss_of_a_linear_layer_is_convex_in_its_weights():
    """z = W x + b: the Hessian in (W, b) is J^T H J with the derived H; it is PSD."""
    gen = torch.Generator().manual_seed(4)
    worst = max(_linear_layer_case(size, gen) for size in (2, 3, 5))
    assert worst < TOLERANCE, worst
    print(f"\nC3 (W, b) Hessian = J^T H J: max |difference| = {worst:.3g}")


def test_lagrange_condition_matches_autograd_and_vanishes_at_the_truth():
    rng = random.Random(5)
    worst = 0.0
    at_truth = 0.0
    d = log_loss_lagrange_condition
    for size, _, truth in _cases(6):
        weights = [rng.uniform(0.05, 1.0) for _ in range(size)]
        model = [w / sum(weights) for w in weights]
        multiplier = rng.uniform(0.2, 3.0)
        for point, mult in ((model, multiplier), (truth, 1.0)):
            qt = torch.tensor(point, dtype=torch.float64, requires_grad=True)
            pit = torch.tensor(truth, dtype=torch.float64)
            lagrangian = -(pit * torch.log(qt)).sum() + mult * (qt.sum() - 1)
            (grad,) = torch.autograd.grad(lagrangian, qt)
            for index in range(1, size + 1):
                fam = {pi: truth, q: point}
                derived = numeric(d.end, d.facts, size, fam, {j: index}, {lam: mult})
                worst = max(worst, abs(derived - grad[index - 1].item()))
                if point is truth:
                    at_truth = max(at_truth, abs(derived))
    assert worst < TOLERANCE and at_truth < 1e-12, (worst, at_truth)
    print(f"\nC4 Lagrange condition vs torch: max |difference| = {worst:.3g}; "
          f"at q = pi, lambda = 1: {at_truth:.3g}")


def test_second_derivative_along_a_direction_of_the_last_layer_is_torchs():
    """The derived variance (the third line of cross_entropy_convex_in_last_layer) is torch's
    second derivative of cross_entropy(W x + b, p) along (U, d), taken by double backward."""
    from sympy import Float, Integer

    from derivations.catalogue import gradients as g

    d = g.cross_entropy_convex_in_last_layer
    gen = torch.Generator().manual_seed(7)
    worst = 0.0
    for classes, inputs in ((1, 2), (2, 1), (3, 2)):
        W, U = (torch.randn(classes, inputs, generator=gen, dtype=torch.float64) for _ in "WU")
        b, dd = (torch.randn(classes, generator=gen, dtype=torch.float64) for _ in "bd")
        x = torch.randn(inputs, generator=gen, dtype=torch.float64)
        target = torch.rand(classes, generator=gen, dtype=torch.float64) + 0.05
        target = target / target.sum()
        t = torch.zeros((), dtype=torch.float64, requires_grad=True)
        loss = F.cross_entropy(((W + t * U) @ x + b + t * dd).unsqueeze(0), target.unsqueeze(0))
        (first,) = torch.autograd.grad(loss, t, create_graph=True)
        (second,) = torch.autograd.grad(first, t)
        values = {g.t: 0.0}
        for base, array in ((g.W, W), (g.U, U), (g.b, b), (g.d_b, dd), (g.x_in, x),
                            (g.p, target)):
            for index in torch.cartesian_prod(*(torch.arange(n) for n in array.shape)) \
                    if array.dim() > 1 else torch.arange(array.shape[0]).unsqueeze(1):
                position = tuple(int(v) for v in index.reshape(-1))
                values[base[tuple(v + 1 for v in position)]] = float(array[position])
        e = prepare(d.steps[2].expr, d.facts).xreplace(
            {k: Integer(classes), g.n_in: Integer(inputs)}).doit()
        derived = float(e.xreplace({a: Float(v, 30) for a, v in values.items()}).evalf(30))
        worst = max(worst, abs(derived - second.item()))
        assert derived >= -1e-12
    assert worst < TOLERANCE, worst
