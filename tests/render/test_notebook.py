"""The notebook: its structure, a live run and its exports, determinism, all-or-nothing writes.

A kernel start costs a second or two, so one module-scoped build of two small derivations is
shared; the tests that only need its executed notebook replay it instead of running a kernel.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from derivations.catalogue import SECTIONS
from derivations.cli import main
from derivations.pipeline import TITLE, check, notebook
from derivations.render import export, offline
from derivations.render import notebook as nbmodule
from derivations.render.notebook import DATE, _cell_id
from derivations.render.view import view

TWO = ["softmax_is_a_distribution", "sigmoid_complement"]
DATA = Path(__file__).resolve().parents[1] / "data"
FILES = ["derivations.html", "derivations.ipynb", "derivations.md"]
SIGMOID_COMPLEMENT = (r"$$1 - \sigma\mathopen{}\left(t\right)\mathclose{} = "
                      r"\sigma\mathopen{}\left(- t\right)\mathclose{}$$")


@pytest.fixture(scope="module")
def two_results():
    return check(TWO)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``derivations notebook`` for two derivations, run once: (out dir, outcome)."""
    out = tmp_path_factory.mktemp("notebook")
    return out, notebook(TWO, out=out)


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def _executed(out: Path) -> nbformat.NotebookNode:
    return nbformat.reads((out / "derivations.ipynb").read_text(), as_version=4)


# --- structure (no kernel) ---------------------------------------------------------------------

def test_one_code_cell_per_derivation_after_the_setup_cell(two_results):
    nb = nbmodule.notebook(two_results, TITLE, shipped=TWO)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.id for c in code] == ["notebook-setup", "softmax_is_a_distribution-check",
                                    "sigmoid_complement-check"]
    assert "from derivations.catalogue import CATALOGUE\n" in code[0].source
    assert code[1].source == (
        "from derivations.catalogue import softmax_is_a_distribution\n\n"
        "result = check_derivation(softmax_is_a_distribution, KNOWN)\n"
        'print(text([result], reasons=False), end="")\n'
        "assert result.ok")


def test_a_derivation_not_shipped_is_taken_from_the_loaded_sources(two_results):
    """Only the pipeline knows which derivations are the catalogue's own objects: a derivation
    it does not name as shipped (an author's, even under a catalogue name) comes from ``load``."""
    nb = nbmodule.notebook(two_results, TITLE, sources=TWO, shipped=TWO[:1])
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert f"KNOWN = {{d.name: d for d in load({TWO!r})}}" in code[0]
    assert code[1].startswith("from derivations.catalogue import softmax_is_a_distribution")
    assert code[2].startswith("result = check_derivation(KNOWN['sigmoid_complement'], KNOWN)")


def test_cell_ids_are_fixed_and_unique_and_metadata_is_fixed(two_results):
    first, second = (nbmodule.notebook(two_results, TITLE) for _ in range(2))
    assert nbformat.writes(first) == nbformat.writes(second)
    ids = [c.id for c in first.cells]
    assert len(set(ids)) == len(ids)
    assert ids[:3] == ["notebook-title", "notebook-intro", "notebook-setup"]
    assert first.metadata.title == TITLE
    assert first.metadata.date == DATE
    assert first.metadata.authors == [{"name": "Generated and checked by derivations"}]
    assert first.metadata.kernelspec.name == "python3"
    nbformat.validate(first)


def test_theorem_cell_shows_statement_steps_and_marks(two_results):
    nb = nbmodule.notebook(two_results, TITLE)
    (cell,) = [c for c in nb.cells if c.id == "sigmoid_complement-theorem"]
    assert "### Theorem 2. One minus the sigmoid is the sigmoid of the negated argument" \
        in cell.source
    assert SIGMOID_COMPLEMENT in cell.source
    assert "\\begin{aligned}\n1 - \\sigma\\mathopen{}\\left(t\\right)\\mathclose{} &= " \
        "1 - \\frac{1}{1 + e^{- t}} " \
        "&&\\quad\\text{(1)} \\\\\n" in cell.source
    assert "- (1) ✓ definition of the sigmoid" in cell.source
    assert cell.source.rstrip().endswith("\N{END OF PROOF}")
    assert "\\dv" not in cell.source  # no derivations.sty macros: MathJax must typeset it


def test_author_file_is_loaded_by_the_setup_cell(tmp_path):
    results = check([str(DATA / "good_step.py")])
    nb = nbmodule.notebook(results, TITLE, SECTIONS, sources=[str(DATA / "good_step.py")])
    setup = nb.cells[2].source
    assert f"load({[str(DATA / 'good_step.py')]!r})" in setup
    (check_cell,) = [c for c in nb.cells if c.id == "good_one_hot-check"]
    assert "check_derivation(KNOWN['good_one_hot'], KNOWN)" in check_cell.source
    assert [c.source for c in nb.cells if c.cell_type == "markdown"][-2] \
        == "## 2. Further derivations"


@pytest.mark.parametrize(("parts", "expected"), [
    (("softmax_is_a_distribution", "check"), "softmax_is_a_distribution-check"),
    (("a" * 70, "theorem"), "a" * 55 + "-" + "%08x"),
])
def test_cell_ids_are_valid_even_for_long_names(parts, expected):
    ident = _cell_id(*parts)
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", ident)
    assert re.fullmatch(expected.replace("%08x", "[0-9a-f]{8}"), ident)
    assert _cell_id(*parts) == ident


# --- a live run and its exports ------------------------------------------------------------------

def test_live_run_checks_every_derivation_without_errors(built):
    out, outcome = built
    assert outcome.ok and sorted(p.name for p in outcome.written) == FILES
    nb = _executed(out)
    assert export.errors(nb) == []
    for name in TWO:
        (cell,) = [c for c in nb.cells if c.id == f"{name}-check"]
        (stream,) = cell.outputs
        assert stream.text.startswith(f"{name}: ok (")
    assert "version" not in nb.metadata.language_info
    assert all("execution" not in c.metadata for c in nb.cells)  # no timings recorded


def test_html_carries_mathjax_and_loads_nothing_from_outside(built):
    html = (built[0] / "derivations.html").read_text()
    assert offline.external(html) == []
    assert offline.config_script() in html
    assert offline.script_path().read_text() in html  # MathJax 3 itself, inline
    assert "require.js" not in html and "mermaid" not in html.lower()
    assert "Softmax outputs sum to one" in html
    assert "sigmoid_complement: ok (4 steps, weakest evidence: symbolic)" in html


def test_html_refuses_a_template_that_loads_from_a_cdn(built, monkeypatch):
    monkeypatch.setattr(export, "_HTML_TEMPLATE", "{%- extends 'index.html.j2' -%}")
    with pytest.raises(RuntimeError, match=r"would load 'https://cdnjs\.[^']*require"):
        export.html(_executed(built[0]))


def test_html_typesets_every_formula_with_the_network_off(built, offline_browser):
    """In Chromium, offline, from file://: every formula is an SVG, no TeX is left in the
    visible text, and the page asked for nothing outside itself."""
    shown = offline_browser(built[0] / "derivations.html")
    assert shown.outside == []
    assert shown.formulas >= 8 and shown.svg_formulas == shown.formulas and shown.errors == 0
    for tex in ("\\frac", "\\sum", "\\sigma", "\\begin", "$"):
        assert tex not in shown.text
    assert "Theorem 2. One minus the sigmoid is the sigmoid of the negated argument" in \
        shown.text


def test_the_committed_notebook_html_reads_offline(offline_browser):
    """``proofs/notebook/derivations.html`` as shipped: the answer first, every formula an SVG
    with no TeX left over, nothing loaded from outside the file."""
    page = Path(__file__).resolve().parents[2] / "proofs" / "notebook" / "derivations.html"
    assert offline.external(page.read_text()) == []
    shown = offline_browser(page)
    assert shown.outside == [] and shown.errors == 0
    assert shown.formulas > 300 and shown.svg_formulas == shown.formulas
    for tex in ("\\frac", "\\sum", "\\operatorname", "\\begin{aligned}", "$"):
        assert tex not in shown.text


def test_markdown_export_keeps_dollar_math_and_outputs(built):
    md = (built[0] / "derivations.md").read_text()
    assert SIGMOID_COMPLEMENT in md
    assert "    softmax_is_a_distribution: ok (3 steps" in md


def test_two_runs_are_byte_identical_across_hash_seeds(built, tmp_path):
    out, _ = built
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "derivations", "notebook", *TWO, "--out",
                    str(tmp_path)], check=True, env=env, capture_output=True)
    assert _snapshot(tmp_path) == _snapshot(out)


def test_check_names_stale_files_and_writes_nothing(built, tmp_path, monkeypatch, capsys):
    replayed = _executed(built[0])
    monkeypatch.setattr(export, "execute", lambda nb: replayed)  # the same outputs, no kernel
    shutil.copytree(built[0], tmp_path, dirs_exist_ok=True)
    assert main(["notebook", *TWO, "--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "derivations.md").write_text("edited by hand\n")
    before = _snapshot(tmp_path)
    assert main(["notebook", *TWO, "--check", "--out", str(tmp_path)]) == 1
    assert "derivations.md (run 'derivations notebook')" in capsys.readouterr().out
    assert _snapshot(tmp_path) == before


def test_failing_cell_writes_nothing_and_keeps_previous_files(built, tmp_path, monkeypatch,
                                                              capsys):
    shutil.copytree(built[0], tmp_path, dirs_exist_ok=True)
    before = _snapshot(tmp_path)
    real = nbmodule.notebook

    def with_a_failing_cell(*args, **kwargs):
        nb = real(*args, **kwargs)
        nb.cells.append(nbformat.v4.new_code_cell('raise RuntimeError("boom")', id="boom"))
        return nb

    monkeypatch.setattr(nbmodule, "notebook", with_a_failing_cell)
    assert main(["notebook", *TWO, "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "executing the notebook failed: cell 'boom' raised RuntimeError: boom" in err
    assert "nothing was written" in err
    assert _snapshot(tmp_path) == before


def test_failing_derivation_runs_no_kernel_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(export, "execute", lambda nb: pytest.fail("the kernel was started"))
    assert main(["notebook", str(DATA / "wrong_step.py"), "--out", str(tmp_path)]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_check_does_not_import_the_notebook_stack():
    code = ("import sys; from derivations.cli import main; main(['check', '-q', "
            "'sigmoid_complement']); print(sorted(m for m in ('nbformat', 'nbclient', "
            "'nbconvert', 'jupyter_client') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.latex
@pytest.mark.skipif(shutil.which("xelatex") is None or shutil.which("pandoc") is None,
                    reason="xelatex/pandoc not installed (run scripts/install-tex.sh)")
def test_pdf_export(built, tmp_path, monkeypatch):
    replayed = _executed(built[0])
    monkeypatch.setattr(export, "execute", lambda nb: replayed)
    outcome = notebook(TWO, out=tmp_path, pdf=True)
    assert outcome.pdf == tmp_path / "derivations.pdf"
    assert outcome.pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(outcome.pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        assert "Softmax outputs sum to one" in text and "2025-11-25" in text


def test_a_reference_implementation_is_shown_typeset_and_as_source():
    """As in the article: latexify's form, what it computes, the sampled check; then the code."""
    (with_code,) = check(["one_hot_cross_entropy"])
    text = nbmodule.theorem(view(with_code, macros=False), 1, {})
    assert "**Reference implementation.** The Python function `label_cross_entropy`" in text
    assert "$$\\mathtt{label\\_cross\\_entropy}(q, y) = -\\log q_{y}$$" in text
    assert "Checked numerically against that expression at 10 random points" in text
    assert ("```python\ndef label_cross_entropy(q: Vector, y: int) -> float:\n" in text
            and text.rstrip().endswith("```"))
    (without,) = check(["softmax_is_a_distribution"])
    assert "Reference implementation" not in nbmodule.theorem(view(without, macros=False), 1, {})


def test_the_do_not_edit_note_is_in_the_metadata_not_shown_to_the_reader(two_results):
    nb = nbmodule.notebook(two_results, TITLE, SECTIONS)
    assert nb.metadata["derivations"] == {"note": nbmodule.GENERATED}
    assert not any("do not edit" in cell.source for cell in nb.cells)


def test_the_committed_notebook_is_what_the_code_generates():
    """``derivations notebook --check`` on ``proofs/notebook``: CI relies on this test."""
    root = Path(__file__).resolve().parents[2]
    assert notebook(out=root / "proofs" / "notebook", verify_only=True).stale == []
