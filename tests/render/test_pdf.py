"""The standalone PDF compiles and page 1 is not blank (needs latexmk and pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.errors import TexUnavailable
from derivations.render.pdf import compile_pdf

needs_tex = pytest.mark.skipif(
    shutil.which("latexmk") is None or shutil.which("pdftoppm") is None,
    reason="latexmk/pdftoppm not installed (run scripts/install-tex.sh)")


@pytest.mark.latex
@needs_tex
def test_pdf_builds_and_first_page_has_ink(tmp_path):
    assert main(["build", "--pdf", "--out", str(tmp_path)]) == 0
    pdf = tmp_path / "derivations.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-gray", str(pdf),
                    str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    ppm = subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-gray", str(pdf)],
                         check=True, capture_output=True).stdout
    pixels = ppm.split(b"\n", 3)[3]
    dark = sum(1 for b in pixels if b < 200)
    assert png.stat().st_size > 0
    assert dark > 1000, f"page 1 looks blank ({dark} non-white pixels of {len(pixels)})"


@pytest.mark.latex
@needs_tex
def test_fragment_compiles_in_a_host_document(tmp_path):
    assert main(["build", "--out", str(tmp_path)]) == 0
    host = tmp_path / "host.tex"
    host.write_text("\\documentclass{article}\n\\usepackage{derivations}\n"
                    "\\newcommand{\\KL}{KL}\\newcommand{\\argmin}{argmin}\n\\begin{document}\n"
                    "\\input{one_hot_cross_entropy}\n\\input{mle_as_sum_of_neg_logs}\n"
                    "\\end{document}\n")
    done = subprocess.run(["latexmk", "-pdf", "-no-shell-escape", "-interaction=nonstopmode",
                           "-halt-on-error", "host.tex"], cwd=tmp_path, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout[-2000:]


@pytest.mark.latex
@needs_tex
def test_latex_error_keeps_previous_pdf(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"%PDF previous")
    with pytest.raises(Exception, match="latexmk failed"):
        compile_pdf({"bad.tex": "\\documentclass{article}\\begin{document}\\undefinedmacro"
                     "\\end{document}"}, "bad.tex", target)
    assert target.read_bytes() == b"%PDF previous"


def test_missing_tex_is_reported_clearly(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(TexUnavailable, match="latexmk and pdflatex are not installed"):
        compile_pdf({"a.tex": ""}, "a.tex", Path(tmp_path / "a.pdf"))
