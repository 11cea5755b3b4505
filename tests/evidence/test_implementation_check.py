"""Reference implementations: the catalogue's code agrees with its derivations, and every kind
of wrong code is caught, with a counterexample that names the inputs."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from sympy import IndexedBase, Lambda

from derivations.catalogue import CATALOGUE
from derivations.catalogue.cross_entropy import one_hot_cross_entropy
from derivations.catalogue.notation import i, j, k, label, m, q, q_out, theta, x, y
from derivations.catalogue.regression_losses import a, bernoulli_nll_is_binary_cross_entropy
from derivations.catalogue.soft_labels import cross_entropy_is_entropy_plus_kl, p
from derivations.catalogue.spine import mle_is_mean_cross_entropy
from derivations.checking.check import check_derivation, verify
from derivations.errors import AuthoringError, ImplementationFailure
from derivations.evidence.code import check_implementation
from derivations.language.derivation import Derivation
from derivations.language.implementation import Implementation, matrix, vector
from derivations.language.results import Status
from derivations.settings import DEFAULT

CODE = [(d, impl) for d in CATALOGUE for impl in d.implementations]


def _check(d: Derivation, function, equals="start", **arguments):
    impl = Implementation(function, equals=equals, **arguments)
    return check_implementation(impl, replace(d, implementations=(impl,)), DEFAULT, seed=7)


def test_the_catalogue_implements_its_losses():
    names = {impl.name for _, impl in CODE}
    assert names >= {"label_cross_entropy", "cross_entropy", "entropy", "kl_divergence",
                     "binary_cross_entropy", "multi_label_binary_cross_entropy",
                     "mean_squared_error", "gaussian_nll", "smoothed_cross_entropy",
                     "logistic_loss", "log_softmax", "mean_label_cross_entropy",
                     "soft_label_cross_entropy", "cross_entropy_bits"}


@pytest.mark.parametrize(("d", "impl"), CODE, ids=[impl.name for _, impl in CODE])
def test_each_catalogue_implementation_agrees_with_its_derivation(d, impl):
    result = check_implementation(impl, d, DEFAULT, seed=3)
    assert result.status is Status.OK, result.describe()
    assert result.points == DEFAULT.code_points
    if d.facts.sizes:  # every size 1, 2, 3 and a larger one are among the points
        assert {(1,) * len(d.facts.sizes), (2,) * len(d.facts.sizes),
                (3,) * len(d.facts.sizes)} <= set(result.sizes)
        assert max(max(s) for s in result.sizes) >= 9


def test_check_derivation_reports_the_implementations_and_stays_ok():
    result = check_derivation(cross_entropy_is_entropy_plus_kl)
    assert result.ok
    assert [r.implementation.name for r in result.implementations] == [
        "cross_entropy", "entropy", "kl_divergence"]


# --- wrong code, each with the reason and counterexample it must produce ----------------------


def cross_entropy_in_bits(p, q):  # base 2 instead of the natural log
    return -sum(p[j] * math.log2(q[j]) for j in range(len(q)))


def cross_entropy_sign_flipped(p, q):
    return sum(p[j] * math.log(q[j]) for j in range(len(q)))


def cross_entropy_skips_the_last_class(p, q):  # off by one: range(k - 1)
    return -sum(p[j] * math.log(q[j]) for j in range(len(q) - 1))


def label_cross_entropy_off_by_one(q, y):  # counts the class from 1 once more
    return -math.log(q[y - 1])


def mean_cross_entropy_without_the_mean(q, y):
    return -sum(math.log(q[i][y[i]]) for i in range(len(y)))


def mean_cross_entropy_over_classes(q, y):  # divides by k, not m
    return -sum(math.log(q[i][y[i]]) for i in range(len(y))) / len(q[0])


def binary_cross_entropy_swapped(a, y):
    return -((1 - y) * math.log(a) + y * math.log(1 - a))


@pytest.mark.parametrize(("d", "function", "arguments"), [
    (cross_entropy_is_entropy_plus_kl, cross_entropy_in_bits,
     {"p": vector(p, k), "q": vector(q, k)}),
    (cross_entropy_is_entropy_plus_kl, cross_entropy_sign_flipped,
     {"p": vector(p, k), "q": vector(q, k)}),
    (cross_entropy_is_entropy_plus_kl, cross_entropy_skips_the_last_class,
     {"p": vector(p, k), "q": vector(q, k)}),
    (one_hot_cross_entropy, label_cross_entropy_off_by_one,
     {"q": vector(q, k), "y": label - 1}),
    (bernoulli_nll_is_binary_cross_entropy, binary_cross_entropy_swapped,
     {"a": a, "y": label}),
], ids=lambda v: getattr(v, "__name__", "")[:40] if callable(v) else "")
def test_wrong_code_fails_with_a_counterexample_naming_the_inputs(d, function, arguments):
    result = _check(d, function, **arguments)
    assert result.status is Status.FAILED
    assert result.reason == "its value differs from the derived expression's"
    cx = result.counterexample
    assert cx is not None and cx.lhs != cx.rhs
    names = dict(cx.values)
    for key in arguments:  # every argument's symbols are named, with the call's arrays
        assert f"{key}=" in result.call
    assert any(name.startswith(("p[", "q[", "a")) for name in names)
    assert math.isfinite(float(cx.lhs)) and math.isfinite(float(cx.rhs))


def _mean_code(function):
    return _check(mle_is_mean_cross_entropy, function, equals="end",
                  q=matrix(Lambda((i, j), q_out(j, x[i], theta)), m, k),
                  y=vector(Lambda(i, y[i] - 1), m))


def test_a_missing_one_over_m_fails_at_a_point_with_several_observations():
    result = _mean_code(mean_cross_entropy_without_the_mean)
    assert result.status is Status.FAILED
    values = dict(result.counterexample.values)
    assert int(values["m"]) > 1  # one observation cannot tell a sum from a mean
    assert result.points >= 1  # the point m = k = 1 agreed first


def test_dividing_by_the_classes_instead_of_the_observations_fails():
    result = _mean_code(mean_cross_entropy_over_classes)
    assert result.status is Status.FAILED
    values = dict(result.counterexample.values)
    assert values["m"] != values["k"]


def test_an_off_by_one_label_is_caught_once_there_are_two_classes():
    result = _check(one_hot_cross_entropy, label_cross_entropy_off_by_one,
                    q=vector(q, k), y=label - 1)
    assert result.status is Status.FAILED
    assert int(dict(result.counterexample.values)["k"]) >= 2
    assert "y=" in result.call and "q=[" in result.call


def test_the_counterexample_is_described_like_a_failed_step():
    result = _check(cross_entropy_is_entropy_plus_kl, cross_entropy_in_bits,
                    p=vector(p, k), q=vector(q, k))
    text = result.describe()
    assert text.startswith("code cross_entropy_in_bits(p, q) does not compute the derived "
                           "expression: its value differs from the derived expression's; at k=")
    assert "the derived expression is" in text and "cross_entropy_in_bits(p=[" in text


def raises_on_one_class(q, y):
    return -math.log(q[y]) / (len(q) - 1)


def returns_an_array(q, y):
    return -np.log(np.asarray(q))


def returns_nan(q, y):
    return math.nan


def returns_text(q, y):
    return "0.5"


@pytest.mark.parametrize(("function", "reason", "gave"), [
    (raises_on_one_class, "it raised ZeroDivisionError: float division by zero",
     "raised ZeroDivisionError"),
    (returns_an_array, "not a finite real number", "array("),
    (returns_nan, "it returned nan, not a finite real number", "nan"),
    (returns_text, "it returned '0.5', not a finite real number", "'0.5'"),
])
def test_code_that_raises_or_returns_no_number_fails_and_says_so(function, reason, gave):
    result = _check(one_hot_cross_entropy, function, q=vector(q, k), y=label - 1)
    assert result.status is Status.FAILED
    assert reason in result.reason
    assert result.counterexample is not None and result.counterexample.rhs.startswith(gave)
    assert dict(result.counterexample.values)["k"] == "1"  # the very first point
    assert result.call.startswith(f"{function.__name__}(q=[")


def test_a_failing_implementation_fails_the_derivation_and_verify():
    impl = Implementation(cross_entropy_sign_flipped, equals="start", p=vector(p, k),
                          q=vector(q, k))
    d = replace(cross_entropy_is_entropy_plus_kl, implementations=(impl,))
    result = check_derivation(d)
    assert all(s.ok for s in result.steps) and not result.problems
    assert not result.ok
    with pytest.raises(ImplementationFailure, match=r"cross_entropy_is_entropy_plus_kl: code "
                       r"cross_entropy_sign_flipped\(p, q\) does not compute"):
        verify(d)


def test_the_check_is_deterministic():
    first = _check(cross_entropy_is_entropy_plus_kl, cross_entropy_in_bits,
                   p=vector(p, k), q=vector(q, k))
    second = _check(cross_entropy_is_entropy_plus_kl, cross_entropy_in_bits,
                    p=vector(p, k), q=vector(q, k))
    assert replace(first, implementation=None) == replace(second, implementation=None)


# --- misuse ----------------------------------------------------------------------------------


def two_arguments(p, q):
    return 0.0


def test_arguments_must_fit_the_function():
    with pytest.raises(TypeError, match=r"implementation 'two_arguments': the arguments "
                       r"\['p', 'r'\] do not fit the function's parameters"):
        Implementation(two_arguments, equals="start", p=vector(p, k), r=vector(q, k))


def test_equals_is_start_end_or_an_expression():
    with pytest.raises(TypeError, match="'equals' is 'start', 'end' or a SymPy expression"):
        Implementation(two_arguments, equals="middle", p=vector(p, k), q=vector(q, k))


def test_a_symbol_the_derivation_does_not_mention_is_refused():
    r = IndexedBase("r", positive=True)
    impl = Implementation(two_arguments, equals="start", p=vector(p, k), q=vector(r, k))
    with pytest.raises(AuthoringError, match=r"argument 'q' uses r, which the derivation does "
                       "not mention"):
        replace(cross_entropy_is_entropy_plus_kl, implementations=(impl,))


def test_an_array_shape_must_be_a_size():
    impl = Implementation(two_arguments, equals="start", p=vector(p, k + label),
                          q=vector(q, k))
    with pytest.raises(AuthoringError, match="the shape of argument 'p' must be made of the "
                       "derivation's sizes"):
        replace(cross_entropy_is_entropy_plus_kl, implementations=(impl,))


def test_only_implementations_attach():
    with pytest.raises(AuthoringError, match="is not an Implementation"):
        replace(cross_entropy_is_entropy_plus_kl, implementations=(two_arguments,))
