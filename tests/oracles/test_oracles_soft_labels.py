"""Oracles for A5, B1, B2 and B5: the derived expressions against PyTorch, SciPy and scikit-learn.

Every expression of a chain (start and each step; the objectives of arg min chains) is unfolded
under the derivation's definitions, written out at concrete sizes, evaluated with 30 significant
digits at random data, and compared with the library at float64. Labels repeat on purpose, and
some data sets leave a class without any label or vote.
"""

from __future__ import annotations

import numpy as np
import pytest
from sympy import Add, Basic, Float, Indexed, Integer, Sum, Symbol
from sympy.core.function import AppliedUndef

from derivations.catalogue.empirical import empirical_kl
from derivations.catalogue.notation import k, label, m, q, theta, y
from derivations.catalogue.soft_labels import (
    a,
    cross_entropy_is_entropy_plus_kl,
    epsilon,
    label_smoothing,
    n,
    p,
    p_rows,
    soft_label_decomposition,
    soft_labels_are_expected_nll,
)
from derivations.kernel.canonical import prepare
from derivations.language.derivation import Derivation
from derivations.language.notation import KL, Entropy, Optimum

torch = pytest.importorskip("torch", reason="the oracles compare with PyTorch (extra 'oracles')")
stats = pytest.importorskip("scipy.stats", reason="the oracles compare with SciPy")
special = pytest.importorskip("scipy.special", reason="the oracles compare with SciPy")
metrics = pytest.importorskip("sklearn.metrics", reason="the oracles compare with scikit-learn")
F = torch.nn.functional

SEED = 20240611
TOLERANCE = 1e-12


def _written_out(e: Basic) -> Basic:
    """Every sum with concrete bounds as an explicit addition, innermost first. (Plain ``doit``
    would sum Kronecker deltas against symbolic labels into huge piecewise expressions.)"""
    def expand(s: Sum) -> Basic:
        body = s.function
        for v, lo, hi in s.limits:
            body = Add(*[body.xreplace({v: Integer(c)}) for c in range(int(lo), int(hi) + 1)])
        return body
    return e.replace(lambda x: isinstance(x, Sum), expand)


def _value(d: Derivation, expr: Basic, sizes: dict, integers: dict, reals: dict,
           call=None) -> float:
    """``expr`` under ``d``'s definitions at concrete sizes, integer labels, real entries, and
    ``call(f)`` for each remaining function application ``f`` (the model's outputs)."""
    e = expr.objective if isinstance(expr, Optimum) else expr
    e = prepare(e, d.facts).xreplace({s: Integer(v) for s, v in sizes.items()})
    e = _written_out(e)
    e = e.xreplace({s: Integer(v) for s, v in integers.items()})
    e = e.xreplace({s: Float(float(v), 30) for s, v in reals.items()})
    if call is not None:
        e = e.replace(lambda x: isinstance(x, AppliedUndef), lambda x: Float(call(x), 30))
    leftover = e.atoms(Symbol, Indexed, AppliedUndef) - {theta}
    assert not leftover, f"unassigned in {expr}: {leftover}"
    return float(e.evalf(30))


def _chain(d: Derivation) -> list[Basic]:
    return [d.start, *(s.expr for s in d.steps)]


def _t(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values, dtype=float), dtype=torch.float64)


def _softmax(z: np.ndarray) -> np.ndarray:
    return special.softmax(z, axis=-1)


def _vector(base, values) -> dict:
    return {base[c + 1]: v for c, v in enumerate(values)}


def _part(expr: Basic, kind: type) -> Basic:
    (found,) = [t for t in expr.atoms(kind)]
    return found


@pytest.mark.parametrize("size", [1, 2, 5, 9])
def test_oracle_cross_entropy_is_entropy_plus_kl(size, record_property):
    """Every line of the helper equals torch's soft-target cross entropy; its entropy and
    divergence equal SciPy's entropy and relative entropy and torch's kl_div."""
    rng = np.random.default_rng(SEED + size)
    d = cross_entropy_is_entropy_plus_kl
    worst = 0.0
    for _ in range(4):
        z = rng.normal(0, 2, size)
        qv, pv = _softmax(z), rng.dirichlet(np.ones(size))
        reals = {**_vector(p, pv), **_vector(q, qv)}
        ce = F.cross_entropy(_t(z)[None], _t(pv)[None]).item()
        for expr in _chain(d):
            worst = max(worst, abs(_value(d, expr, {k: size}, {}, reals) - ce))
        entropy = _value(d, _part(d.end, Entropy), {k: size}, {}, reals)
        kl = _value(d, _part(d.end, KL), {k: size}, {}, reals)
        kl_torch = F.kl_div(_t(np.log(qv)), _t(pv), reduction="sum").item()
        for ours, theirs in ((entropy, stats.entropy(pv)), (entropy, -special.xlogy(pv, pv).sum()),
                             (kl, stats.entropy(pv, qv)), (kl, special.rel_entr(pv, qv).sum()),
                             (kl, kl_torch)):
            worst = max(worst, abs(ours - theirs))
    record_property("max_abs_difference", float(worst))
    assert worst < TOLERANCE


def test_oracle_soft_label_objectives(record_property):
    """B1: the summed soft-label cross entropy is torch's cross_entropy with probability targets;
    the summed divergence is torch's kl_div; their difference is SciPy's summed entropies, the
    same for two different sets of logits (it does not depend on the parameters)."""
    rng = np.random.default_rng(SEED)
    d = soft_label_decomposition
    rows, size = 4, 5
    pv = rng.dirichlet(np.ones(size), rows)
    shaped = p_rows.xreplace({m: rows, k: size})  # the family's shape (m, k) gets the sizes too
    labels = {base[i + 1, c + 1]: pv[i, c] for base in (p_rows, shaped)
              for i in range(rows) for c in range(size)}
    worst = 0.0
    for _ in range(3):
        z = rng.normal(0, 2, (rows, size))
        qv = _softmax(z)

        def output(f, qv=qv):  # q_out(class, x_i, theta)
            return qv[int(f.args[1].indices[0]) - 1, int(f.args[0]) - 1]

        values = [_value(d, e, {m: rows, k: size}, {}, labels, output) for e in _chain(d)]
        ce = F.cross_entropy(_t(z), _t(pv), reduction="sum").item()
        kl = F.kl_div(F.log_softmax(_t(z), dim=1), _t(pv), reduction="sum").item()
        entropies = stats.entropy(pv, axis=1).sum()
        worst = max(worst, *(abs(v - ce) for v in values[:3]), abs(values[3] - kl),
                    abs((values[0] - values[3]) - entropies))
    record_property("max_abs_difference", float(worst))
    assert worst < TOLERANCE


@pytest.mark.parametrize(("votes", "classes"), [
    ((2, 2, 1, 3, 2, 2, 1), 4),  # class 4 gets no vote, class 2 gets four
    ((1,), 3), ((3, 3, 3), 3), ((1, 2, 3, 4, 5, 1, 2), 5)])
def test_oracle_annotator_counts(votes, classes, record_property):
    """B2: n times torch's soft-target cross entropy against the vote shares equals torch's
    summed cross entropy of the individual annotations, and every line of the chain."""
    rng = np.random.default_rng(SEED + len(votes))
    d = soft_labels_are_expected_nll
    worst = 0.0
    for _ in range(3):
        z = rng.normal(0, 2, classes)
        qv = _softmax(z)
        shares = np.bincount(np.asarray(votes) - 1, minlength=classes) / len(votes)
        soft = len(votes) * F.cross_entropy(_t(z)[None], _t(shares)[None]).item()
        hard = F.cross_entropy(_t(z).expand(len(votes), classes),
                               torch.tensor(votes) - 1, reduction="sum").item()
        integers = {a[r + 1]: v for r, v in enumerate(votes)}
        for expr in _chain(d):
            ours = _value(d, expr, {k: classes, n: len(votes)}, integers, _vector(q, qv))
            worst = max(worst, abs(ours - soft), abs(ours - hard))
    record_property("max_abs_difference", float(worst))
    assert worst < TOLERANCE


@pytest.mark.parametrize("eps", [0.0, 0.1, 0.37, 1.0])
def test_oracle_label_smoothing(eps, record_property):
    """B5: every line equals torch's cross_entropy with label_smoothing=eps at q = softmax(z);
    the last line's divergence from the uniform equals SciPy's and torch's."""
    rng = np.random.default_rng(SEED + int(100 * eps))
    d = label_smoothing
    worst = 0.0
    for size in (1, 2, 6):
        for _ in range(3):
            z = rng.normal(0, 2, size)
            qv = _softmax(z)
            cls = int(rng.integers(1, size + 1))
            smoothed = F.cross_entropy(_t(z)[None], torch.tensor([cls - 1]),
                                       label_smoothing=eps).item()
            values = [_value(d, e, {k: size}, {label: cls}, {**_vector(q, qv), epsilon: eps})
                      for e in _chain(d)]
            uniform = np.full(size, 1 / size)
            kl = _value(d, _part(d.end, KL), {k: size}, {}, _vector(q, qv))
            kl_torch = F.kl_div(_t(np.log(qv)), _t(uniform), reduction="sum").item()
            closed = (1 - eps) * -np.log(qv[cls - 1]) + eps * (np.log(size)
                                                                + stats.entropy(uniform, qv))
            worst = max(worst, *(abs(v - smoothed) for v in values), abs(values[-1] - closed),
                        abs(kl - stats.entropy(uniform, qv)), abs(kl - kl_torch))
    record_property("max_abs_difference", float(worst))
    assert worst < TOLERANCE


@pytest.mark.parametrize(("labels", "classes"), [
    ((1, 2, 3, 1, 1, 2, 3, 3, 3), 3),  # every class occurs, with repeats
    ((2, 2, 4, 2, 1, 4), 5),  # class 3 and class 5 never occur
    ((1, 1, 1), 2)])
def test_oracle_empirical_kl_is_mean_log_loss(labels, classes, record_property):
    """A5: from the cross entropy on, every objective equals scikit-learn's log_loss (the mean
    negative log-likelihood); the divergence plus the data's entropy equals it too (SciPy,
    with 0 log 0 = 0), and the derived divergence is SciPy's relative entropy also where a class
    never occurs (both use 0 log 0 = 0).
    """
    rng = np.random.default_rng(SEED + len(labels))
    d = empirical_kl
    freq = np.bincount(np.asarray(labels) - 1, minlength=classes) / len(labels)
    integers = {y[i + 1]: v for i, v in enumerate(labels)}
    sizes = {m: len(labels), k: classes}
    worst = 0.0
    for _ in range(3):
        qv = _softmax(rng.normal(0, 2, classes))

        def model(f, qv=qv):  # q_model(class, theta)
            return qv[int(f.args[0]) - 1]

        nll = metrics.log_loss(labels, np.tile(qv, (len(labels), 1)),
                               labels=list(range(1, classes + 1)))
        for expr in _chain(d)[2:]:
            worst = max(worst, abs(_value(d, expr, sizes, integers, {}, model) - nll))
        kl = stats.entropy(freq, qv)
        worst = max(worst, abs(kl + stats.entropy(freq) - nll))
        for expr in _chain(d)[:2]:  # with 0 log 0 = 0, also where a class never occurs
            worst = max(worst, abs(_value(d, expr, sizes, integers, {}, model) - kl))
    record_property("max_abs_difference", float(worst))
    assert worst < TOLERANCE



@pytest.mark.parametrize(("inputs", "labels", "distinct", "classes"), [
    ((1, 1, 2, 3, 3, 3), (1, 2, 2, 1, 1, 3), 3, 3),  # inputs repeat, with different labels
    ((2, 2, 2, 1), (1, 1, 2, 2), 4, 2),  # inputs 3 and 4 never occur
    ((1,), (2,), 1, 3)])
def test_oracle_empirical_kl_of_a_classifier(inputs, labels, distinct, classes, record_property):
    """A5 for a classifier: the divergence of p(x) q(y | x) from the empirical distribution of
    the pairs is SciPy's relative entropy of the two joint tables (0 log 0 = 0 for pairs never
    seen), and every objective from the third on is scikit-learn's log_loss of the conditional
    predictions at the observed inputs."""
    from derivations.catalogue.empirical import N, empirical_kl_classifier, x_code

    rng = np.random.default_rng(SEED + len(inputs))
    d = empirical_kl_classifier
    integers = {**{y[i + 1]: v for i, v in enumerate(labels)},
                **{x_code[i + 1]: v for i, v in enumerate(inputs)}}
    sizes = {m: len(inputs), k: classes, N: distinct}
    joint = np.zeros((distinct, classes))
    for u, c in zip(inputs, labels, strict=True):
        joint[u - 1, c - 1] += 1 / len(inputs)
    worst = 0.0
    for _ in range(3):
        table = _softmax(rng.normal(0, 2, (distinct, classes)))  # q(c | u) for every input u

        def model(f, table=table):  # q_cond(u, c, theta)
            return table[int(f.args[0]) - 1, int(f.args[1]) - 1]

        model_joint = joint.sum(axis=1, keepdims=True) * table
        kl = stats.entropy(joint.ravel(), model_joint.ravel())
        worst = max(worst, abs(_value(d, d.start, sizes, integers, {}, model) - kl))
        nll = metrics.log_loss(labels, table[np.asarray(inputs) - 1],
                               labels=list(range(1, classes + 1)))
        for expr in _chain(d)[2:]:
            worst = max(worst, abs(_value(d, expr, sizes, integers, {}, model) - nll))
    record_property("max_abs_difference", float(worst))
    assert worst < TOLERANCE
