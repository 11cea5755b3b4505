"""The command line: exit codes, reports, and the messages an author sees."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from derivations.cli import EXIT_CODES, main
from derivations.errors import (
    AuthoringError,
    LoadError,
    NotebookFailed,
    TexFailed,
    TexUnavailable,
)
from derivations.language.results import Evidence

DATA = Path(__file__).parent / "data"
SPINE = ["mle_as_sum_of_neg_logs", "conditional_likelihood", "one_hot_cross_entropy",
         "mle_is_mean_cross_entropy"]


def test_check_catalogue_exits_0_and_json_lists_the_spine(tmp_path, capsys):
    report = tmp_path / "r.json"
    assert main(["check", "--json", str(report)]) == 0
    data = json.loads(report.read_text())
    assert data["schema"] == 2
    names = [d["name"] for d in data["derivations"]]
    assert names[:4] == SPINE
    for d in data["derivations"]:
        assert d["status"] == "ok"
        for step in d["steps"]:
            required = {"index", "rule", "relation", "evidence", "status", "counterexample"}
            assert required <= set(step)
            assert step["evidence"] == "symbolic"
            assert step["counterexample"] is None
    assert "0 derivations failed" in capsys.readouterr().out


def test_wrong_step_file_exits_1_with_counterexample(capsys):
    assert main(["check", str(DATA / "wrong_step.py")]) == 1
    out = capsys.readouterr().out
    assert "wrong_one_hot: FAILED" in out
    assert "only the first term survives (wrong)" in out
    assert "counterexample: at k=" in out
    assert "the left side is" in out and "the right side is" in out


def test_wrong_step_json_carries_counterexample(tmp_path):
    report = tmp_path / "r.json"
    assert main(["check", str(DATA / "wrong_step.py"), "--json", str(report)]) == 1
    (d,) = json.loads(report.read_text())["derivations"]
    first, second = d["steps"]
    assert first["status"] == "ok"
    assert second["status"] == "failed"
    assert set(second["counterexample"]["values"]) >= {"k", "y"}


def test_author_file_can_cite_the_catalogue(capsys):
    assert main(["check", str(DATA / "good_step.py")]) == 0
    out = capsys.readouterr().out
    assert "good_one_hot: ok" in out
    assert "one_hot_cross_entropy: ok" in out  # the cited theorem is checked too


@pytest.mark.parametrize(("argv", "message"), [
    (["check", "no_such_derivation"], "unknown derivation 'no_such_derivation'"),
    (["check", "missing/file.py"], "missing/file.py: no such file"),
    (["check", str(DATA / "raises_on_import.py")],
     "importing it raised RuntimeError: this module is broken on purpose"),
    (["check", str(DATA / "no_derivations.py")], "defines no derivations"),
    (["check", "json.nonexistent_module"], "neither a catalogue name, a file, nor an importable"),
])
def test_usage_errors_exit_2_with_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_authoring_error_exits_2_naming_the_symbol(capsys):
    assert main(["check", str(DATA / "undeclared.py")]) == 2
    err = capsys.readouterr().err
    assert "undeclared_positivity" in err and "q in the start" in err


def test_debug_shows_the_exception():
    with pytest.raises(Exception, match="no such file"):
        main(["--debug", "check", "missing/file.py"])


def test_argparse_usage_error_exits_2():
    with pytest.raises(SystemExit) as exc:
        main(["check", "--min-evidence", "strong"])
    assert exc.value.code == 2


def test_sampled_step_is_accepted_and_labelled(capsys):
    assert main(["check", str(DATA / "sampled_only.py")]) == 0
    out = capsys.readouterr().out
    assert "sampled" in out and "[weaker evidence: numeric agreement at" in out


def test_min_evidence_policy_fails_weaker_steps(capsys):
    assert main(["check", "--min-evidence", "symbolic", str(DATA / "sampled_only.py")]) == 1
    assert "is weaker than the required 'symbolic'" in capsys.readouterr().out


def test_list_prints_every_name(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for name in SPINE:
        assert name in out


def test_python_dash_m_entry_point():
    done = subprocess.run([sys.executable, "-m", "derivations", "list"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0
    assert "mle_is_mean_cross_entropy" in done.stdout


def test_console_script_check_exit_code_on_wrong_file():
    done = subprocess.run(["derivations", "check", str(DATA / "wrong_step.py")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "counterexample" in done.stdout


def test_build_into_unwritable_path_exits_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert main(["build", "--out", str(blocker / "sub")]) == 2
    assert "derivations: error:" in capsys.readouterr().err


#: The entries of shared/CATALOGUE.md, under exactly the names it gives.
CATALOGUE_NAMES = [
    "mle_as_sum_of_neg_logs", "conditional_likelihood", "one_hot_cross_entropy",
    "mle_is_mean_cross_entropy", "empirical_kl", "soft_label_decomposition",
    "soft_labels_are_expected_nll", "bernoulli_nll_is_binary_cross_entropy",
    "gaussian_nll_is_mse", "label_smoothing", "softmax_is_a_distribution",
    "sigmoid_is_two_class_softmax", "cross_entropy_gradient", "log_loss_is_proper",
    "gibbs_inequality", "cross_entropy_is_code_length", "shannon_code_bound", "argmax_accuracy",
]


def test_json_report_lists_all_18_catalogue_entries_all_symbolic(tmp_path):
    report = tmp_path / "r.json"
    assert main(["check", "--json", str(report), "--min-evidence", "symbolic"]) == 0
    data = json.loads(report.read_text())
    names = {d["name"] for d in data["derivations"]}
    assert len(CATALOGUE_NAMES) == 18
    assert set(CATALOGUE_NAMES) <= names
    for d in data["derivations"]:
        assert d["status"] == "ok" and d["weakest_evidence"] == "symbolic", d["name"]


def test_wrong_code_attached_to_a_right_derivation_exits_1_with_counterexample(capsys):
    assert main(["check", str(DATA / "wrong_code.py")]) == 1
    out = capsys.readouterr().out
    assert "wrong_code_one_hot: FAILED (0 of 1 step failed; 1 of 1 implementation failed)" in out
    assert "code label_cross_entropy_in_bits(q, y) FAILED" in out
    assert "-> its value differs from the derived expression's" in out
    assert "-> counterexample: at k=1, y=1, q[1]=" in out
    assert "label_cross_entropy_in_bits(q=[" in out and "y=0) gives" in out
    assert "code label_cross_entropy(q, y)      sampled   computes the start" in out  # cited
    assert "1 failed\n" in out


def test_wrong_code_json_carries_the_implementation_and_its_counterexample(tmp_path):
    report = tmp_path / "r.json"
    assert main(["check", str(DATA / "wrong_code.py"), "--json", str(report)]) == 1
    by_name = {d["name"]: d for d in json.loads(report.read_text())["derivations"]}
    (code,) = by_name["wrong_code_one_hot"]["implementations"]
    assert code["status"] == "failed" and code["evidence"] is None
    assert set(code["counterexample"]["values"]) >= {"k", "y"}
    assert code["call"].startswith("label_cross_entropy_in_bits(q=[")
    (shipped,) = by_name["one_hot_cross_entropy"]["implementations"]
    assert shipped["status"] == "ok" and shipped["points"] == 10



# -- one table from exceptions to exit codes ----------------------------------------------------


@pytest.mark.parametrize(("command", "error", "code", "lines"), [
    ("check", LoadError("x.py: no such file"), 2, ["derivations: error: x.py: no such file"]),
    ("check", FileNotFoundError(2, "No such file or directory", "r.json"), 2,
     ["derivations: error: No such file or directory: r.json"]),
    ("check", AuthoringError("d: q is declared twice"), 2,
     ["derivations: error: d: q is declared twice"]),
    ("build", TexUnavailable("cannot build the PDF: latexmk is not installed"), 1,
     ["derivations: cannot build the PDF: latexmk is not installed",
      "derivations: nothing was written to OUTDIR."]),
    ("build", TexFailed("latexmk failed (exit 12)"), 1,
     ["derivations: latexmk failed (exit 12)", "derivations: nothing was written to OUTDIR."]),
    ("notebook", NotebookFailed("executing the notebook failed: cell 3 raised"), 1,
     ["derivations: executing the notebook failed: cell 3 raised",
      "derivations: nothing was written to OUTDIR."]),
    ("check", KeyboardInterrupt(), 130,
     ["derivations: interrupted; files already in place were left as they were."]),
    ("check", ZeroDivisionError("a defect"), 1,
     ["derivations: error: ZeroDivisionError: a defect (run with --debug for the traceback)"]),
])
def test_each_error_has_its_exit_code_and_message(command, error, code, lines, monkeypatch,
                                                  capsys):
    def raises(*args, **kwargs):
        raise error

    monkeypatch.setattr(f"derivations.pipeline.{command}", raises)
    argv = [command] + (["--out", "OUTDIR"] if command != "check" else [])
    assert main(argv) == code
    assert capsys.readouterr().err.splitlines() == lines


def test_every_exception_has_a_row_and_the_last_row_catches_the_rest():
    classes = [kind for kind, _, _ in EXIT_CODES]
    assert classes[-1] is Exception and KeyboardInterrupt in classes
    # a class listed after one of its bases would never be reached
    for i, kind in enumerate(classes):
        assert not any(issubclass(kind, earlier) for earlier in classes[:i]), kind


@pytest.mark.parametrize("error", [LoadError("x"), TexFailed("y"), ZeroDivisionError("z")])
def test_debug_raises_every_error(error, monkeypatch):
    def raises(*args, **kwargs):
        raise error

    monkeypatch.setattr("derivations.pipeline.check", raises)
    with pytest.raises(type(error)):
        main(["--debug", "check"])


def test_debug_still_ends_an_interrupt_with_130(monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("derivations.pipeline.check", interrupted)
    assert main(["--debug", "check"]) == 130
    assert "interrupted" in capsys.readouterr().err


# -- the grades of evidence come from the Evidence enum ------------------------------------------


def test_min_evidence_names_every_grade_of_the_enum_when_wrong(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--min-evidence", "strong"])
    assert exc.value.code == 2
    grades = ", ".join(e.value for e in Evidence)
    assert (f"argument --min-evidence: 'strong' is not a grade of evidence; choose from {grades}"
            in capsys.readouterr().err)


@pytest.mark.parametrize("grade", list(Evidence))
def test_min_evidence_accepts_every_grade_and_the_help_names_it(grade, monkeypatch, capsys):
    seen = {}

    def check(sources, *, min_evidence, **options):
        seen["min_evidence"] = min_evidence
        return []

    monkeypatch.setattr("derivations.pipeline.check", check)
    assert main(["check", "--min-evidence", grade.value]) == 0
    assert seen["min_evidence"] is grade
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert grade.value in " ".join(capsys.readouterr().out.split())


def test_the_parser_imports_no_engine():
    """``derivations --help``, ``--version`` and ``check --help`` stay instant: SymPy is imported
    by a command that runs, not to build the parser."""
    probe = ("import sys\nfrom derivations.cli import main\n"
             "for argv in (['--help'], ['--version'], ['check', '--help'], ['mutate', '--help']):\n"
             "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
             "assert 'sympy' not in sys.modules, sorted(sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr


def test_mutate_takes_the_checking_arguments_but_no_cache_option(capsys):
    with pytest.raises(SystemExit):
        main(["mutate", "--help"])
    usage = " ".join(capsys.readouterr().out.split())
    assert "[-j N]" in usage and "[SOURCE ...]" in usage and "--no-cache" not in usage
    with pytest.raises(SystemExit) as exc:
        main(["mutate", "--no-cache"])
    assert exc.value.code == 2


def test_json_to_standard_output_writes_only_json(capsys):
    import json

    assert main(["check", "one_hot_cross_entropy", "--json", "-", "-j", "1", "--no-cache"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)  # the whole of standard output is one JSON document
    assert report["derivations"][0]["name"] == "one_hot_cross_entropy"
    assert "one_hot_cross_entropy" in err  # the readable report went to standard error


def test_json_to_stdout_is_the_json_alone_whatever_the_checked_code_prints(monkeypatch, capsys):
    """Red-team i04: author code that runs while a step is checked (there, a derivative rule
    of the author's) printed into the JSON on standard output. The check runs with standard
    output sent to standard error when the JSON goes to standard output."""
    def check(sources, *, min_evidence, **options):
        print('{"ok": true, "derivations": []}')  # what the author's code might print
        return []

    monkeypatch.setattr("derivations.pipeline.check", check)
    assert main(["check", "--json", "-"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)  # one JSON document: "Extra data" before the fix
    assert "derivations" in report and '{"ok": true, "derivations": []}' in err
