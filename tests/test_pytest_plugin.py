"""The pytest plugin: opt-in collection, one item per derivation, readable failures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy  # noqa: F401  (loaded once: see below)
import pytest

# pytester's in-process runs forget the modules they import, and NumPy (which checking a
# reference implementation imports) cannot be loaded twice in one process: it is loaded here,
# before any run.
pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
POISSON = (ROOT / "docs" / "examples" / "poisson.py").read_text()
WRONG = POISSON.replace("Step(lam - y * log(lam)", "Step(lam + y * log(lam)")


@pytest.fixture
def notes(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(poisson=POISSON)
    return pytester


def test_without_the_flag_nothing_is_collected(notes):
    result = notes.runpytest()
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_without_the_flag_an_ordinary_run_is_unchanged(notes):
    notes.makepyfile(test_plain="def test_one():\n    assert True\n")
    result = notes.runpytest()
    result.assert_outcomes(passed=1)


def test_each_derivation_is_an_item(notes):
    result = notes.runpytest("--derivations", "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*poisson.py::poisson_nll PASSED*",
                                 "*poisson.py::poisson_regression PASSED*"])


def test_the_ini_option_turns_collection_on(notes):
    notes.makeini("[pytest]\nderivations = true\n")
    notes.runpytest().assert_outcomes(passed=2)


def test_passing_steps_are_shown_with_rP(notes):
    result = notes.runpytest("--derivations", "-rP")
    result.stdout.fnmatch_lines(["*derivation steps*",
                                 "*1. log_of_product*symbolic*",
                                 "*2. algebra*symbolic*"])


def test_a_wrong_step_fails_with_both_sides_and_a_counterexample(pytester):
    pytester.makepyfile(poisson=WRONG)
    result = pytester.runpytest("--derivations")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines([
        "*derivation 'poisson_nll' (The Poisson negative log-likelihood) does not check*",
        "step 2 ('the log of a power*', rule algebra) does not follow",
        "  reason:         the two sides differ",
        "  left side:      lambda - log(lambda**y) + log(factorial(y))",
        "  right side:     lambda + y*log(lambda) + log(factorial(y))",
        "  relation:       =",
        "  evidence tried: symbolic, sampled",
        "  counterexample: at y=*, lambda=* the left side is * and the right side is *",
    ])
    result.stdout.fnmatch_lines(["*! cites 'poisson_nll', which does not check*"])


def test_wrong_code_attached_to_a_derivation_fails_its_item(pytester):
    pytester.makepyfile(wrong_code=(DATA / "wrong_code.py").read_text())
    result = pytester.runpytest("--derivations")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*derivation 'wrong_code_one_hot' (One-hot cross entropy, with wrong code) does not check*",
        "code label_cross_entropy_in_bits(q, y) does not compute the derived expression: its "
        "value differs from the derived expression's; at k=*, y=*, q[[]1]=* the derived "
        "expression is * and label_cross_entropy_in_bits(q=[[]*], y=*) gives *",  # [[] is '['
    ])


def test_a_minimum_evidence_fails_a_sampled_step(pytester):
    pytester.makepyfile(pythagoras=(DATA / "sampled_only.py").read_text())
    pytester.runpytest("--derivations").assert_outcomes(passed=1)
    result = pytester.runpytest("--derivations", "--derivations-min-evidence", "symbolic")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*its evidence (sampled) is weaker than the required*"])


def test_citations_of_the_catalogue_are_checked_but_not_items(pytester):
    pytester.makepyfile(good=(DATA / "good_step.py").read_text())
    result = pytester.runpytest("--derivations", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*good.py::good_one_hot PASSED*"])


HELPER = (DATA / "built_by_a_helper.py").read_text()
SQUARE = """
    from sympy import Symbol

    from derivations import Derivation, Real, Step, rules

    x = Symbol("x", real=True)
    {}
    """


@pytest.mark.parametrize("body", [
    # a helper function (red-team k05), functools.partial, a name bound by a loop
    "def make(end):\n    return Derivation('built', 'a square', (Real(x),), (x + 1)**2, "
    "(Step(end, rules.algebra, 'expand'),))\nbuilt = make(x**2 + 1)",
    "import functools\nmake = functools.partial(Derivation, 'built', 'a square', (Real(x),))\n"
    "built = make((x + 1)**2, (Step(x**2 + 1, rules.algebra, 'expand'),))",
    "for built in [Derivation('built', 'a square', (Real(x),), (x + 1)**2, "
    "(Step(x**2 + 1, rules.algebra, 'expand'),))]:\n    pass",
], ids=["helper", "partial", "loop"])
def test_a_derivation_however_built_is_an_item_and_fails(pytester, body):
    pytester.makepyfile(built=SQUARE.format(body.replace("\n", "\n    ")),
                        test_companion="def test_nothing():\n    assert True\n")
    result = pytester.runpytest("--derivations", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines(["FAILED built.py::built*"])


def test_k05_the_plugin_and_the_command_line_find_the_same_derivations(pytester):
    pytester.makepyfile(k05=HELPER,
                        test_companion="def test_nothing():\n    assert True\n")
    result = pytester.runpytest("--derivations", "-v")
    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines(["*k05.py::built_by_a_helper FAILED*",
                                 "*counterexample: at x=*"])
    from derivations.loader import load

    assert [d.name for d in load([str(pytester.path / "k05.py")])] == ["built_by_a_helper"]


@pytest.mark.parametrize("body", [
    "def make():\n    return Derivation('x', 'x', (), None, ())",  # a helper module
    "claims = [Derivation('built', 'a square', (Real(x),), (x + 1)**2, "
    "(Step(x**2 + 1, rules.algebra, 'expand'),))]",  # derivations the loader cannot see
], ids=["helper_module", "in_a_list"])
def test_a_file_that_imports_derivations_and_defines_none_is_a_collection_error(pytester, body):
    pytester.makepyfile(helpers=SQUARE.format(body.replace("\n", "\n    ")))
    result = pytester.runpytest("--derivations")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*ERROR collecting helpers.py*",
                                 "*helpers.py: defines no derivations*"])


def test_files_that_do_not_import_derivations_and_conftest_are_not_collected(pytester):
    pytester.makepyfile(plain="VALUE = 1\n", conftest="import derivations\n")
    result = pytester.runpytest("--derivations")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_a_test_module_may_import_derivations_without_defining_one(pytester):
    pytester.makepyfile(test_uses="import derivations\n\ndef test_one():\n    assert True\n")
    pytester.runpytest("--derivations").assert_outcomes(passed=1)


def test_an_authoring_error_is_a_collection_error_naming_the_derivation(pytester):
    pytester.makepyfile(undeclared=(DATA / "undeclared.py").read_text())
    result = pytester.runpytest("--derivations")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*ERROR collecting undeclared.py*",
                                 "*derivation '*': * declared * but no hypothesis states it*"])


# -- costs nothing until enabled ------------------------------------------------------------------


def test_importing_the_plugin_imports_no_engine():
    """pytest loads the plugin in every run (the pytest11 entry point): it must not import
    SymPy, nor the engine."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, derivations.pytest_plugin; "
                               "assert 'sympy' not in sys.modules"],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_run_without_the_flag_imports_no_engine(notes):
    """Nor do its hooks while collection is off, although a file defines derivations."""
    notes.makepyfile(test_plain="""
        import sys

        def test_nothing_of_the_engine_is_loaded():
            assert "sympy" not in sys.modules
            assert sorted(m for m in sys.modules if m.startswith("derivations.")) == [
                "derivations._version", "derivations.pytest_plugin"]
        """)
    notes.runpytest_subprocess().assert_outcomes(passed=1)


@pytest.mark.parametrize("where", ["option", "ini"])
def test_an_unknown_minimum_evidence_is_a_usage_error_naming_every_grade(notes, where):
    from derivations.language.results import Evidence

    if where == "ini":
        notes.makeini("[pytest]\nderivations_min_evidence = strong\n")
        result = notes.runpytest("--derivations")
    else:
        result = notes.runpytest("--derivations", "--derivations-min-evidence", "strong")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    grades = ", ".join(e.value for e in Evidence)
    result.stderr.fnmatch_lines([f"*derivations_min_evidence must be one of {grades}, not "
                                 "'strong'*"])


def test_the_help_names_every_grade(notes):
    from derivations.language.results import Evidence

    out = " ".join(notes.runpytest("--help").stdout.lines)
    for grade in Evidence:
        assert grade.value in out.split("--derivations-min-evidence")[1][:200]


NOTES_TEX = (ROOT / "docs" / "tex" / "lecture-notes.tex").read_text()


def test_a_tex_file_with_declarations_is_collected_one_item_per_chain(pytester):
    pytester.makefile(".tex", notes=NOTES_TEX, plain="\\begin{align*} a &= b \\end{align*}\n")
    result = pytester.runpytest("--derivations", "-v")
    result.assert_outcomes(passed=4)  # the four chains of notes.tex; plain.tex declares nothing
    result.stdout.fnmatch_lines(["*notes.tex::line 24 PASSED*", "*notes.tex::line 30 PASSED*"])


def test_a_wrong_tex_row_fails_with_its_line_and_a_counterexample(pytester):
    pytester.makefile(".tex", notes=NOTES_TEX.replace(r"&= -\log q_{y}", r"&= -2 \log q_{y}"))
    result = pytester.runpytest("--derivations")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*the chain at line 24 does not check*",
                                 "*notes.tex:25: step 2 (one_hot_collapse) FAILED*",
                                 "*counterexample: at k=*"])


def test_tex_rows_that_are_not_read_fail_an_item_of_their_own(pytester):
    pytester.makefile(".tex", notes="%dv size k\n\\begin{align*}\n a &= \\int_0^1 x\n"
                                    "\\end{align*}\n")
    result = pytester.runpytest("--derivations")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*rows of notes.tex that were not read*",
                                 "*notes.tex:3: not read: *\\int* is not in the declared subset*"])
