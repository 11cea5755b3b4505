"""LaTeX fragments, the style file and the standalone document."""

from __future__ import annotations

import re

import pytest
from sympy import IndexedBase, KroneckerDelta, Sum, Symbol, log

from derivations import KL, Argmin, CrossEntropy, Entropy, OneHot, indexed_vector
from derivations.catalogue import CATALOGUE
from derivations.checking.check import check_all
from derivations.pipeline import render
from derivations.render.latex import STYLE
from derivations.render.printer import latex

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True)
j = Symbol("j", integer=True)
theta = Symbol("theta", real=True)
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)
P, Q = indexed_vector(p, k), indexed_vector(q, k)


@pytest.mark.parametrize(("expr", "expected"), [
    (q[j], "q_{j}"),
    (log(q[y]), r"\log q_{y}"),
    (log(q[1] * q[2]), r"\log\left(q_{1}\,q_{2}\right)"),
    (-Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)),
     r"- \sum_{j=1}^{k} \delta_{j y}\,\log q_{j}"),
    (CrossEntropy(OneHot(y, k), Q), "H(e_{y}, q)"),
    (Entropy(P), "H(p)"),
    (KL(P, Q), r"\dvKL\left(p \,\middle\|\, q\right)"),
    (Argmin(log(q[1]) + theta, theta), r"\dvargmin_{\theta} \left(\theta + \log q_{1}\right)"),
])
def test_printer_table(expr, expected):
    assert latex(expr) == expected


@pytest.fixture(scope="module")
def files():
    return render(check_all(CATALOGUE), ["latex"])


def test_render_has_every_fragment_style_and_document(files):
    assert set(files) == {f"{d.name}.tex" for d in CATALOGUE} | {
        "derivations.sty", "derivations.tex", "slides.tex"}
    for d in CATALOGUE:
        assert rf"\input{{{d.name}}}" in files["derivations.tex"]


def test_fragment_has_theorem_hypotheses_and_one_line_per_step(files):
    text = files["mle_is_mean_cross_entropy.tex"]
    assert r"\begin{dvtheorem}[Maximum likelihood is minimum mean cross entropy]" in text
    assert r"\label{dv:mle_is_mean_cross_entropy}" in text
    assert text.count(r"\item") == 8
    assert text.count(r"\dvwhy{\dvsymbolic}") == 5
    assert r"\dvcite{one_hot_cross_entropy}" in text
    assert r"1 \le y_{i} \le k" in text


def test_fragment_uses_only_dv_macros_it_defines(files):
    defined = set(re.findall(r"\\new(?:command|length)\{\\(dv\w+)\}", STYLE)) | {"dvtheorem"}
    for name, text in files.items():
        if name.endswith(".tex") and name != "derivations.tex":
            used = set(re.findall(r"\\(dv[a-zA-Z]+)", text))
            assert used <= defined, (name, used - defined)


def test_generated_text_is_free_of_engine_internals(files):
    for name, text in files.items():
        assert "_b0" not in text and "b_{0}" not in text, name
        assert "Lambda" not in text and "Sum(" not in text, name


def test_document_has_contents_notation_legend_and_graph(files):
    doc = files["derivations.tex"]
    order = [r"\tableofcontents", r"\section*{How to read the proofs}", r"\dvlegend",
             r"\section*{Notation}", r"\begin{tikzpicture}", r"\section{From likelihood"]
    places = [doc.index(marker) for marker in order]
    assert places == sorted(places)
    assert r"H(p, q) = - \sum_{j=1}^{k} p_{j}\,\log q_{j}" in doc
    assert doc.count(r"\addcontentsline{toc}{subsection}") == len(CATALOGUE)
    assert r"\hyperref[dv:one_hot_cross_entropy]" in doc


def test_document_of_an_authors_own_derivations_has_no_catalogue_notation():
    from pathlib import Path

    from derivations.pipeline import check

    source = Path(__file__).parents[1] / "data" / "sampled_only.py"  # cites nothing
    doc = render(check([str(source)]))["derivations.tex"]
    assert r"\section*{Notation}" not in doc
    assert r"\tableofcontents" in doc
