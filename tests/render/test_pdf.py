"""The standalone PDF compiles and page 1 is not blank (needs latexmk and pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.errors import TexUnavailable
from derivations.render.pdf import compile_pdf, compile_tex, overfull

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
def test_the_book_has_no_overfull_box_outline_fonts_only_and_its_metadata(tmp_path):
    from derivations.catalogue import CATALOGUE
    from derivations.checking.check import check_all
    from derivations.pipeline import MAIN, render

    files = render(check_all(CATALOGUE), ["latex"])
    done = compile_tex({n: t for n, t in files.items() if "/" not in n}, MAIN)
    assert done.overfull == []
    assert "LaTeX Warning: Reference" not in done.log  # every citation and figure resolves
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(done.pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                           text=True).stdout
    assert "Type 3" not in fonts, fonts
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    assert re.search(r"^Title:\s+From maximum likelihood to cross entropy", info, re.M), info
    assert re.search(r"^Author:\s+Generated and checked by derivations", info, re.M), info
    assert re.search(r"^Subject:\s+Checked derivations", info, re.M), info


def test_overfull_boxes_are_read_from_the_log():
    log = ("(./a.tex\nOverfull \\hbox (3.1pt too wide) in paragraph at lines 4--5\n[]\n"
           "Underfull \\hbox (badness 10000) in paragraph at lines 6--6\n"
           "Overfull \\vbox (2.0pt too high) has occurred while \\output is active\n")
    assert overfull(log) == ["Overfull \\hbox (3.1pt too wide) in paragraph at lines 4--5",
                             "Overfull \\vbox (2.0pt too high) has occurred while \\output is "
                             "active"]


@pytest.mark.latex
@needs_tex
def test_a_fragment_in_a_narrow_column_follows_the_host_numbering_and_names_absent_theorems(
        tmp_path):
    assert main(["build", "--out", str(tmp_path)]) == 0
    host = tmp_path / "host.tex"
    host.write_text("\\documentclass[twocolumn]{article}\n\\usepackage{amsthm}\n"
                    "\\newtheorem{theorem}{Theorem}[section]\n\\usepackage{derivations}\n"
                    "\\begin{document}\n\\section{Mine}\n\\begin{theorem}Own.\\end{theorem}\n"
                    "\\input{mle_is_mean_cross_entropy}\n\\end{document}\n")
    done = subprocess.run(["latexmk", "-pdf", "-no-shell-escape", "-interaction=nonstopmode",
                           "-halt-on-error", "host.tex"], cwd=tmp_path, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout[-2000:]
    text = " ".join(subprocess.run(["pdftotext", "host.pdf", "-"], cwd=tmp_path, check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "Theorem 1.2 (Maximum likelihood is minimum mean cross entropy)" in text
    assert "Cross entropy against a one-hot label" in text  # the absent theorem, by title
    assert "one_hot_cross_entropy" not in text


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
