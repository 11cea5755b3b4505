"""Every generated fragment, read back as a lecturer's .tex file.

A fragment carries its ``%dv`` declarations and each row's ``% by:`` rule, so
``derivations check proofs/<name>.tex`` reads its chain without the Python source. The test
checks, for each fragment, that no step is read as something other than the catalogue's step
(a step the reader checks must get the catalogue's grade), lists the fragments whose every row
reads (none may drop out of that list), and keeps the share of rows read from falling.
"""

from __future__ import annotations

import re

import pytest

from derivations.checking.check import check_all
from derivations.loader import catalogue
from derivations.render.latex import fragment
from derivations.tex import read_file

#: Fragments whose every row reads back and checks with the catalogue's grades.
FULLY_READ = {
    "argmax_accuracy", "bernoulli_nll_is_binary_cross_entropy", "calibrated_accuracy",
    "code_length_excess", "code_length_kraft_sum", "conditional_likelihood",
    "cross_entropy_convex_in_last_layer", "cross_entropy_convex_in_logits",
    "cross_entropy_gradient", "cross_entropy_hessian", "cross_entropy_is_code_length",
    "cross_entropy_is_entropy_plus_kl", "empirical_kl", "empirical_kl_classifier",
    "gaussian_nll_is_mse", "gibbs_inequality", "label_smoothing", "log_loss_is_proper",
    "log_loss_lagrange_condition", "log_loss_lagrange_multiplier",
    "log_softmax_is_logit_minus_logsumexp", "logistic_loss_is_two_class_cross_entropy",
    "mle_as_sum_of_neg_logs", "mle_is_mean_cross_entropy", "multi_label_binary_cross_entropy",
    "non_label_logits_pushed_down", "one_hot_cross_entropy",
    "one_hot_cross_entropy_is_divergence", "one_hot_entropy_is_zero", "one_hot_gradient",
    "shannon_code_bound", "shannon_code_kraft", "shannon_code_lower_bound",
    "sigmoid_complement", "sigmoid_is_two_class_softmax", "soft_label_decomposition",
    "soft_labels_are_expected_nll", "softmax_is_a_distribution", "softmax_is_positive",
}
#: Fragments where a definition cannot be declared, so that the step that unfolds it fails
#: (and the report names the declaration it could not use): why, for each.
UNDECLARABLE: dict[str, str] = {}
#: The share of all rows of all fragments that read back, measured; it may only rise.
SHARE = 0.99


@pytest.fixture(scope="module")
def readings(tmp_path_factory):
    out = tmp_path_factory.mktemp("fragments")
    results = check_all(catalogue())
    found = {}
    for result in results:
        path = out / f"{result.derivation.name}.tex"
        path.write_text(fragment(result), encoding="utf-8")
        reading = read_file(path)
        found[result.derivation.name] = (result, reading, [
            r for r in check_all(reading.checked()) if r.derivation.name in reading.lines])
    return found


def _step_index(text: str, line: int) -> int:
    """The catalogue step a row of the fragment's proof stands for (row 0 is the start)."""
    lines = text.split("\n")
    start = next(n for n, t in enumerate(lines) if t.startswith(r"\begin{align*}")) + 2
    return line - start


def test_no_step_is_read_as_another(readings):
    """A step read back gets the catalogue's grade; it may fail only where the reading said
    that it could not use a definition (and then the fragment is one of UNDECLARABLE)."""
    failing = set()
    for name, (result, reading, checked) in readings.items():
        text = reading.path.read_text()
        for r in checked:
            for s, line in zip(r.steps, reading.lines[r.derivation.name],
                               strict=True):
                expected = result.steps[_step_index(text, line) - 1]
                if not s.ok:
                    failing.add(name)
                    assert any("declaration 'define" in why for _, why in reading.unread), \
                        (name, line, s.reason)
                    continue
                assert s.evidence == expected.evidence, (name, line)
    assert failing == set(UNDECLARABLE)


def test_the_fully_read_fragments_stay_fully_read(readings):
    full = {name for name, (_, reading, checked) in readings.items()
            if not reading.unread and reading.rows and all(r.ok for r in checked)}
    assert FULLY_READ <= full, sorted(FULLY_READ - full)


def test_the_share_of_rows_read_does_not_fall(readings):
    read = sum(reading.rows_read for _, reading, _ in readings.values())
    rows = sum(reading.rows for _, reading, _ in readings.values())
    assert read / rows >= SHARE, f"{read} of {rows}"


def test_what_is_not_read_is_said_per_row(readings):
    for name, (_, reading, _) in readings.items():
        for _line, why in reading.unread:
            assert re.match(r"(not read|not checked|declaration '[a-z]+ )", why), (name, why)


def test_a_fragment_with_a_wrong_line_is_refused_at_that_line(readings, tmp_path):
    _, reading, _ = readings["one_hot_cross_entropy"]
    text = reading.path.read_text()
    wrong = text.replace(r"{}={} & - \log q_{y}", r"{}={} & - 2\,\log q_{y}")
    assert wrong != text
    path = tmp_path / "one_hot_cross_entropy.tex"
    path.write_text(wrong)
    line = 1 + wrong.split("\n").index(next(t for t in wrong.split("\n") if "2\\,\\log q_{y}" in t))
    bad = read_file(path)
    (result,) = check_all(bad.derivations)
    failed = [(s.index, x) for s, x in zip(result.steps, bad.lines[result.derivation.name],
                                                strict=True) if not s.ok]
    assert failed == [(2, line)]
    assert result.steps[1].counterexample is not None
