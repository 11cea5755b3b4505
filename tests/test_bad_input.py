"""Bad input of every kind ends in one clear message and exit code 2 (usage) or 1 (a failed
check), never a traceback; a build that fails halfway leaves the previous proofs intact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from derivations import output
from derivations.cli import main
from derivations.render import pdf
from derivations.settings import DEFAULT

BAD = Path(__file__).parent / "data" / "bad"
DATA = Path(__file__).parent / "data"
SPECIALS = r"# \$ % & { } ~ end"  # as written in the source: \$ is a dollar sign in prose
ESCAPED = r"\# \$ \% \& \{ \} \textasciitilde{} end"


@pytest.mark.parametrize(("name", "code", "message"), [
    ("not_sympy.py", 2, "importing it raised TypeError: a step's expression must be a SymPy "
                        "object, got 'log(q)'"),
    ("string_bound.py", 2, "importing it raised SympifyError"),
    ("clash.py", 2, "two different families both print as 'q' (in the start and in step 1)"),
])
def test_bad_module_one_line_and_exit_code(name, code, message, capsys):
    assert main(["check", str(BAD / name)]) == code
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_string_is_never_executed(capsys):
    main(["check", str(BAD / "string_bound.py")])
    assert "pwned" not in capsys.readouterr().out


def test_missing_hypothesis_the_rule_needs_fails_the_step(capsys):
    assert main(["check", str(BAD / "missing_hypothesis.py")]) == 1
    out = capsys.readouterr().out
    assert ("side condition 'every factor positive' is not established (not known to be "
            "positive: q[1], q[2])") in out


def test_enormous_size_ends_undecided_not_accepted(capsys):
    assert main(["check", str(BAD / "enormous.py")]) == 1
    out = capsys.readouterr().out
    assert "enormous: FAILED" in out and "UNDECIDED off by one" in out
    assert "a sum of 1000000000000 terms is too large to write out" in out


# The budget's alarm may land inside a garbage-collector callback (hypothesis installs one);
# Python then reports the exception as unraisable and drops it, and the alarm, which repeats,
# ends the step a quarter of a second later. The verdict below is what matters.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in.*gc_callback:pytest.PytestUnraisableExceptionWarning")
def test_slow_step_ends_at_the_budget_with_a_clear_verdict(monkeypatch, capsys):
    slow = DEFAULT.replace(step_budget=1.0, max_terms=10 ** 13)  # 10**12 terms are written out
    from derivations.checking import check as checking

    check_all = checking.check_all
    monkeypatch.setattr(checking, "check_all",
                        lambda derivations, **options: check_all(derivations,
                                                                 **{**options, "settings": slow}))
    assert main(["check", str(BAD / "enormous.py")]) == 1
    assert "could not decide within 1 s" in capsys.readouterr().out


def test_latex_specials_escaped_in_every_latex_output(tmp_path):
    assert main(["build", str(BAD / "specials.py"), "--out", str(tmp_path)]) == 0
    fragment = (tmp_path / "special_characters.tex").read_text()
    for text in (f"Title {ESCAPED}", f"Summary {ESCAPED}", f"why {ESCAPED}"):
        assert text in fragment
    assert SPECIALS not in fragment


def test_latex_specials_kept_literally_in_text_and_json(tmp_path, capsys):
    report = tmp_path / "r.json"
    assert main(["check", str(BAD / "specials.py"), "--json", str(report)]) == 0
    assert f"why {SPECIALS}" in capsys.readouterr().out
    (d,) = json.loads(report.read_text())["derivations"]
    assert d["title"] == f"Title {SPECIALS}" and d["steps"][0]["why"] == f"why {SPECIALS}"


@pytest.mark.latex
def test_latex_specials_compile(tmp_path):
    if not pdf.shutil.which("latexmk"):
        pytest.skip("latexmk is not installed")
    assert main(["build", str(BAD / "specials.py"), "--out", str(tmp_path), "--pdf"]) == 0
    assert (tmp_path / "derivations.pdf").read_bytes().startswith(b"%PDF")


def test_json_report_to_unwritable_path_exits_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert main(["check", "softmax_is_positive", "--json", str(blocker / "r.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("derivations: error:") and "Traceback" not in err


def test_unexpected_engine_error_is_one_line_and_debug_shows_it(monkeypatch, capsys):
    def boom(*args, **kwargs):
        raise ZeroDivisionError("an engine defect")

    monkeypatch.setattr("derivations.checking.check.check_all", boom)
    assert main(["check", "--no-cache", "softmax_is_positive"]) == 1
    err = capsys.readouterr().err
    assert "ZeroDivisionError: an engine defect (run with --debug" in err
    assert "Traceback" not in err
    with pytest.raises(ZeroDivisionError):
        main(["--debug", "check", "--no-cache", "softmax_is_positive"])


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture
def previous(tmp_path):
    """A finished build of two derivations, then an edit that makes the next build differ."""
    assert main(["build", "softmax_is_positive", "sigmoid_complement", "--out",
                 str(tmp_path)]) == 0
    for path in tmp_path.glob("*.tex"):
        path.write_bytes(path.read_bytes() + b"% previous build\n")
    return tmp_path, _snapshot(tmp_path)


def test_ctrl_c_halfway_through_writing_leaves_previous_proofs(previous, monkeypatch, capsys):
    out, before = previous
    real = output._staged
    calls = []

    def interrupted(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(path, data)

    monkeypatch.setattr(output, "_staged", interrupted)
    assert main(["build", "softmax_is_positive", "sigmoid_complement", "--out", str(out)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert len(calls) == 2
    assert _snapshot(out) == before  # no file replaced, no temporary file left


def test_latex_error_leaves_previous_proofs(previous, monkeypatch, capsys):
    out, before = previous

    def failing(files, main_name, **kwargs):
        raise pdf.TexFailed("latexmk failed on derivations.tex (exit 12):\n! Undefined")

    monkeypatch.setattr(pdf, "pdf_bytes", failing)
    assert main(["build", "softmax_is_positive", "sigmoid_complement", "--out", str(out),
                 "--pdf"]) == 1
    assert f"nothing was written to {out}" in capsys.readouterr().err
    assert _snapshot(out) == before


def test_failing_step_leaves_previous_proofs(previous, capsys):
    out, before = previous
    assert main(["build", str(DATA / "wrong_step.py"), "--out", str(out)]) == 1
    assert _snapshot(out) == before


def test_prose_with_a_file_reading_command_is_refused_naming_where(capsys):
    assert main(["check", str(BAD / "plain_formula.py")]) == 2  # a malformed derivation
    err = capsys.readouterr().err
    assert "derivation 'plain_formula': the summary: \\input" in err
    assert "Traceback" not in err
