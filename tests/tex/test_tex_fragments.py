"""Every generated fragment, read back as a lecturer's .tex file.

A fragment carries its ``%dv`` declarations and each row's ``% by:`` rule, so
``derivations check proofs/<name>.tex`` reads its chain without the Python source. The test
checks that every row of every fragment reads back, and that each step checks with the grade
the catalogue gives it.
"""

from __future__ import annotations

import pytest

from derivations.checking.check import check_all
from derivations.loader import catalogue
from derivations.render.latex import fragment
from derivations.tex import read_file


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


def test_every_fragment_reads_back_and_checks_with_the_catalogues_grades(readings):
    """Every row of every fragment is read, and each step gets the catalogue's grade."""
    for name, (result, reading, checked) in readings.items():
        assert reading.unread == [], (name, reading.unread)
        assert reading.rows and reading.rows_read == reading.rows, name
        text = reading.path.read_text()
        assert sum(len(r.steps) for r in checked) == len(result.steps), name
        for r in checked:
            for s, line in zip(r.steps, reading.lines[r.derivation.name], strict=True):
                expected = result.steps[_step_index(text, line) - 1]
                assert s.ok, (name, line, s.reason)
                assert s.evidence == expected.evidence, (name, line)
                assert s.step.rule.name == expected.step.rule.name, (name, line)


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


@pytest.mark.parametrize(("name", "right", "wrong"), [
    ("gibbs_inequality", r"\frac{q_{j}}{p_{j}} - 1\right)\,p_{j} &&",
     r"\frac{q_{j}}{p_{j}} - 2\right)\,p_{j} &&"),
    ("softmax_shift_invariance", r"{}={} & \frac{e^{c}\,e^{z_{j}}}{e^{c}\,",
     r"{}={} & \frac{e^{c}\,e^{z_{j}}}{e^{2 c}\,"),
])
def test_a_wrong_line_beside_a_citation_or_a_shift_fails_there(readings, tmp_path, name, right,
                                                                wrong):
    _, reading, _ = readings[name]
    text = reading.path.read_text()
    assert right in text
    path = tmp_path / f"{name}.tex"
    path.write_text(text.replace(right, wrong))
    line = 1 + text.split("\n").index(next(t for t in text.split("\n") if right in t))
    bad = read_file(path)
    assert bad.unread == []
    results = [r for r in check_all(bad.checked()) if r.derivation.name in bad.lines]
    failed = [x for r in results
              for s, x in zip(r.steps, bad.lines[r.derivation.name], strict=True) if not s.ok]
    assert line in failed
