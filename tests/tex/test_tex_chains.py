"""Checking a lecturer's .tex file end to end: the two shipped examples, a wrong line, the
reports, the exit codes, and the file left as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from derivations.checking.check import check_all
from derivations.cli import main
from derivations.language.results import Evidence, Status
from derivations.pipeline import check_report
from derivations.tex import read_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "tex"
SCHEMA = json.loads((ROOT / "derivations" / "schema" / "report-2.schema.json").read_text())


@pytest.mark.parametrize(("name", "rows", "steps"), [
    ("question.tex", 7, 5),
    ("lecture-notes.tex", 9, 9),
])
def test_the_shipped_examples_read_every_row_and_check_symbolic(name, rows, steps):
    reading = read_file(EXAMPLES / name)
    assert reading.unread == []
    assert (reading.rows_read, reading.rows) == (rows, rows)
    results = check_all(reading.derivations)
    grades = [s.evidence for r in results for s in r.steps]
    assert grades == [Evidence.SYMBOLIC] * steps


def test_the_question_reads_in_its_own_notation():
    text = (EXAMPLES / "question.tex").read_text()
    for notation in (r"\mathbf{θ}", r"p_{model}\left(\mathbf{o}^{(i)}; \mathbf{θ}\right)",
                     r"\underset{\mathbf{θ}}{\arg\max}", r"\arg\min"):
        assert notation in text


def wrong_copy(tmp_path: Path) -> tuple[Path, int]:
    text = (EXAMPLES / "lecture-notes.tex").read_text()
    lines = text.split("\n")
    (n,) = [i for i, line in enumerate(lines) if line.strip().startswith(r"&= -\log q_{y}")]
    lines[n] = lines[n].replace(r"-\log q_{y}", r"-2 \log q_{y}")
    path = tmp_path / "notes.tex"
    path.write_text("\n".join(lines))
    return path, n + 1


def test_a_wrong_line_is_refused_with_its_line_and_a_counterexample(tmp_path, capsys):
    path, line = wrong_copy(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["check", "--no-cache", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"notes.tex:{line}: step 2 (one_hot_collapse) FAILED" in out
    assert f"notes.tex:{line}:" in out and "counterexample: at k=" in out
    assert "9 of 9 rows read" in out and "1 failed" in out
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # never modified


def test_the_json_report_gives_each_step_its_line(tmp_path):
    path, line = wrong_copy(tmp_path)
    report = check_report([str(path)], versions={"derivations": "x", "sympy": "y"})
    assert not report.ok and report.json is not None
    data = json.loads(report.json)
    jsonschema.validate(data, SCHEMA)
    assert data["ok"] is False
    failed = [(d["source"], s["line"]) for d in data["derivations"] for s in d["steps"]
              if s["status"] == Status.FAILED.value]
    assert failed == [(str(path), line)]
    (source,) = data["sources"]
    assert source["rows"] == source["rows_read"] == 9 and source["unread"] == []
    assert any("q_{j'} > 0" in h for h in source["hypotheses"])


def test_a_row_that_is_not_read_fails_the_check_and_says_why(tmp_path, capsys):
    path = tmp_path / "notes.tex"
    path.write_text("%dv size k\n\\begin{align*}\n  a &= \\int_0^1 x \\\\\n  &= b\n"
                    "\\end{align*}\n")
    assert main(["check", "--no-cache", str(path)]) == 1
    out = capsys.readouterr().out
    assert "notes.tex:3: not read: '\\\\int' is not in the declared subset" in out
    assert "notes.tex:4: not checked: the step into this row starts from a row that was " \
           "not read" in out


def test_a_missing_tex_file_is_a_usage_error(tmp_path, capsys):
    assert main(["check", str(tmp_path / "absent.tex")]) == 2
    assert "absent.tex: no such file" in capsys.readouterr().err


def test_tex_and_python_sources_in_one_check(capsys):
    code = main(["check", "--no-cache", str(EXAMPLES / "question.tex"),
                 str(ROOT / "docs" / "examples" / "rules.py")])
    out = capsys.readouterr().out
    assert code == 0
    assert "rule_algebra: ok" in out and "question.tex: 7 of 7 rows read" in out


def test_min_evidence_applies_to_tex_steps(tmp_path, capsys):
    """Gibbs' inequality, which the default rule can only sample (the written-out bound
    without its simplices is refuted: the checker caught that slip in this very test)."""
    path = tmp_path / "bound.tex"
    path.write_text("%dv size k\n%dv family p_{j} for j \\in \\{1, \\dots, k\\}\n"
                    "%dv family q_{j} for j \\in \\{1, \\dots, k\\}\n"
                    "%dv assume p_{j} > 0\n%dv assume q_{j} > 0\n"
                    "%dv simplex p_{j} for j \\in \\{1, \\dots, k\\}\n"
                    "%dv simplex q_{j} for j \\in \\{1, \\dots, k\\}\n\\begin{align*}\n"
                    "  H(p, q) &\\ge H(p)\n\\end{align*}\n")
    assert main(["check", "--no-cache", str(path)]) == 0
    assert "sampled" in capsys.readouterr().out
    assert main(["check", "--no-cache", "--min-evidence", "symbolic", str(path)]) == 1


VECTORS = r"""%dv size k
%dv label y \in \{1, \dots, k\}
%dv parameter \theta
%dv family q_{j} for j \in \{1, \dots, k\}
%dv assume q_{j} > 0
%dv onehot e_{c} for c \in \{1, \dots, k\}
%dv function a_{c}(x; \theta)
%dv assume a_{c}(x; \theta) > 0
%dv vector u = \frac{1}{k} for j \in \{1, \dots, k\}
%dv vector \mathbf{a}(x; \theta) = a_{j}(x; \theta) for j \in \{1, \dots, k\}
\begin{align*}
  H(u, q) &= -\sum_{j=1}^{k} \frac{1}{k} \log q_{j} \\
  H(e_{y}, \mathbf{a}(z; \theta)) &= -\log a_{y}(z; \theta)
\end{align*}
"""


@pytest.mark.parametrize(("true", "false"), [
    (r"\frac{1}{k} \log q_{j}", r"\frac{2}{k} \log q_{j}"),
    (r"-\log a_{y}(z; \theta)", r"-\log a_{y}(x; \theta)"),
])
def test_a_declared_vector_means_its_entries(tmp_path, true, false):
    """A vector given by its entries, with its arguments put in: the true chain checks, the
    same chain with a wrong entry or the vector's placeholder left in fails."""
    for text, ok in ((VECTORS, True), (VECTORS.replace(true, false), False)):
        path = tmp_path / "vectors.tex"
        path.write_text(text)
        reading = read_file(path)
        assert reading.unread == []
        assert all(r.ok for r in check_all(reading.derivations)) is ok


@pytest.mark.parametrize(("rows", "ok"), [
    (r"& \left|x - y\right| \\ ={} & \left|y - x\right|", True),
    (r"& \left|x\right| \\ \ge{} & x", True),
    (r"& \left|x\right| \\ ={} & x", False),  # x < 0
    (r"& \lvert x + y \rvert \\ ={} & \lvert x \rvert + \lvert y \rvert", False),
])
def test_an_absolute_value_means_one(tmp_path, rows, ok):
    path = tmp_path / "abs.tex"
    path.write_text("%dv assume x \\in \\mathbb{R}\n%dv assume y \\in \\mathbb{R}\n"
                    "\\begin{align*}\n" + rows + "\n\\end{align*}\n")
    reading = read_file(path)
    assert reading.unread == []
    (result,) = check_all(reading.derivations)
    assert result.ok is ok
    if not ok:
        assert result.steps[0].counterexample is not None
