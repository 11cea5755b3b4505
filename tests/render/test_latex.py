"""LaTeX fragments, the style file and the standalone document."""

from __future__ import annotations

import re

import pytest
from sympy import Add, IndexedBase, KroneckerDelta, Sum, Symbol, log

from derivations import KL, Argmin, CrossEntropy, Entropy, OneHot, indexed_vector
from derivations.catalogue import CATALOGUE
from derivations.catalogue.answer import ANSWER
from derivations.checking.check import check_all
from derivations.pipeline import render
from derivations.render import latex as latex_
from derivations.render.latex import STYLE
from derivations.render.printer import latex

ANSWER_HEADING = r"\section*{" + latex_.pdf_text(ANSWER.title)

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
    (KL(P, Q), r"\dvKL\mathopen{}\left(p \,\middle\|\, q\right)\mathclose{}"),
    (Argmin(log(q[1]) + theta, theta), r"\dvargmin_{\theta} \left(\theta + \log q_{1}\right)"),
    # terms in the order a reader writes them: positive terms first ...
    (q[j] - p[j], r"q_{j} - p_{j}"),
    (y - 1, "y - 1"),
    (log(q[j]) - log(2), r"\log q_{j} - \log 2"),
    (-p[j] - q[j], r"- p_{j} - q_{j}"),
    # a power of a sum is closed: no second pair of parentheses around it in a product
    ((p[y] - Sum(q[j], (j, 1, k))) ** 2 * q[y],
     r"\left(p_{y} - \sum_{j=1}^{k} q_{j}\right)^{2}\,q_{y}"),
    # ... unless the author chose an order with evaluate=False
    (Add(log(2), -p[j], q[j], evaluate=False), r"\log 2 - p_{j} + q_{j}"),
])
def test_printer_table(expr, expected):
    assert latex(expr) == expected


@pytest.fixture(scope="module")
def results():
    return check_all(CATALOGUE)


@pytest.fixture(scope="module")
def files(results):
    return render(results, ["latex"])


def test_render_has_every_fragment_style_and_document(files):
    assert set(files) == {f"{d.name}.tex" for d in CATALOGUE} | {
        "derivations.sty", "derivations.tex", "slides.tex"}
    for d in CATALOGUE:
        assert rf"\input{{{d.name}}}" in files["derivations.tex"]


def test_fragment_has_theorem_hypotheses_and_one_line_per_step(files):
    text = files["mle_is_mean_cross_entropy.tex"]
    assert r"\begin{dvtheorem}[Maximum likelihood is minimum mean cross entropy]" in text
    assert r"\label{dv:mle_is_mean_cross_entropy}" in text
    assert text.count(r"\item") == 9  # eight hypotheses and the where line of q(x_i; theta)
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
    order = [r"\maketitle", ANSWER_HEADING, r"\tableofcontents",
             r"\section*{How to read the proofs}", r"\dvlegend", r"\section*{Notation}",
             r"\section*{How the theorems depend", r"\section{From likelihood"]
    places = [doc.index(marker) for marker in order]
    assert places == sorted(places)
    assert r"H(p, q) = - \sum_{j=1}^{k} p_{j}\,\log q_{j}" in doc
    assert doc.count(r"\addcontentsline{toc}{subsection}{\protect\numberline") == len(CATALOGUE)
    assert r"\hyperref[dv:one_hot_cross_entropy]" in doc


def test_document_of_an_authors_own_derivations_has_no_catalogue_notation():
    from pathlib import Path

    from derivations.pipeline import check

    source = Path(__file__).parents[1] / "data" / "sampled_only.py"  # cites nothing
    doc = render(check([str(source)]))["derivations.tex"]
    assert r"\section*{Notation}" not in doc
    assert r"\tableofcontents" in doc


def test_the_printer_keeps_sympys_order_when_asked():
    from derivations.render.printer import ProofPrinter

    assert ProofPrinter({"terms": "sympy"}).doprint(q[j] - p[j]) == r"- p_{j} + q_{j}"


@pytest.mark.parametrize(("prose", "expected"), [
    ("the entries of $p$ sum to one", r"the entries of $p$ sum to one"),
    ("as `math.log1p` does", r"as \texttt{math.log1p} does"),
    ("by [[gibbs_inequality]]", r"by \dvcite{gibbs_inequality}"),
    ("50% & more", r"50\% \& more"),
])
def test_prose_is_latex_text(prose, expected):
    assert latex_.text(prose) == expected


def test_prose_in_a_heading_has_a_bookmark_form():
    assert latex_.pdf_text(r"Gradient $q_i - p_i$") == (
        r"Gradient \texorpdfstring{$q_i - p_i$}{qi - pi}")


def test_a_fragment_names_the_theorems_it_cites_by_title(files):
    text = files["mle_is_mean_cross_entropy.tex"]
    assert r"\dvknown{one_hot_cross_entropy}{Cross entropy against a one-hot label}" in text
    assert r"\texttt{one\_hot" not in STYLE + text  # never a code name
    assert r"\dvbreakable" in text and text.count(r"\qedhere") == 1


def _formulas_in_text(text: str, *, conditions: bool) -> list[str]:
    """Plain-text formulas (issue 15's markers) outside code names and labels; ``conditions``:
    also in the side conditions the rules write (``\\dvconditions``)."""
    if not conditions:
        text = re.sub(r"\\dvconditions\{.*", "", text)
    prose_only = re.sub(r"\\(?:texttt|mathtt|dvcode|dvcite|dvknown|dvnumbered|label|ref|"
                        r"input|hyperref)(?:\[[^]]*\])?\{[^}]*\}", "", text)
    return [bad for bad in (r"\_", r"\textasciicircum", r"\textgreater{}=", r"\textless{}=")
            if bad in prose_only]


def test_no_plain_text_formula_in_generated_latex(files):
    for name, text in files.items():
        if name.endswith(".tex"):
            assert not _formulas_in_text(text, conditions=False), name


def test_no_plain_text_formula_in_side_conditions(files):
    """Every side condition the rules produce carries a formula, typeset as math."""
    assert not any(_formulas_in_text(text, conditions=True)
                   for name, text in files.items() if name.endswith(".tex"))


def test_the_answer_comes_first_with_remarks_apart_and_figures_from_theorems():
    from answer_sample import SAMPLE

    doc = latex_.document([], "T", answer=SAMPLE)
    assert doc.index(r"\section*{How meaningful") < doc.index(r"\tableofcontents")
    assert r"\begin{dvremark}{Empirical, not checked}Networks trained" in doc
    assert r"\begin{dvremark}{Interpretation, not checked}" in doc
    assert r"$q_i - p_i$ \dvcite{cross_entropy_gradient}" in doc
    assert r"Drawn from \dvcite{one_hot_cross_entropy}.}\label{fig:neg-log}" in doc
    assert doc.count(r"\addplot[") == 2 and r"\usepackage{pgfplots}" in doc
    assert r"\subsection*{In summary}" in doc
    assert r"\usepackage{pgfplots}" not in latex_.document([], "T")


def test_the_pipeline_opens_the_book_and_the_slides_with_the_catalogue_answer(files):
    assert ANSWER_HEADING in files["derivations.tex"]
    assert latex_.text(ANSWER.sections[0].title) in files["slides.tex"]


def test_an_answer_citing_an_unchecked_derivation_is_refused(results, monkeypatch):
    import dataclasses

    from derivations.catalogue import answer
    from derivations.errors import AuthoringError
    from derivations.language.document import Claim
    from derivations.pipeline import _answer

    assert _answer(results) is ANSWER
    assert _answer(results[:2]) is None  # a build of part of the catalogue has no answer
    first = ANSWER.sections[0]
    stray = dataclasses.replace(first, blocks=(*first.blocks, Claim("See [[no_such_theorem]].")))
    monkeypatch.setattr(answer, "ANSWER", dataclasses.replace(
        ANSWER, sections=(stray, *ANSWER.sections[1:])))
    with pytest.raises(AuthoringError, match=r"the answer cites \['no_such_theorem'\], which "
                       "are not among the checked derivations"):
        _answer(results)


def test_the_book_has_outline_fonts_metadata_and_breakable_proofs(files):
    doc = files["derivations.tex"]
    assert r"\usepackage[T1]{fontenc}" in doc and r"\usepackage{lmodern}" in doc
    assert "pdftitle={From maximum likelihood" in doc and "pdfauthor=" in doc
    assert "pdfsubject=" in doc
    assert r"\newcommand{\dvbreakable}{\interdisplaylinepenalty=0 }" in STYLE


def test_the_book_and_the_slides_say_once_that_arrays_are_indexed_from_0(files):
    for name in ("derivations.tex", "slides.tex"):
        text = files[name]
        assert text.count("Python's arrays are indexed from 0") == 1, name
        first = text.index(r"\dvcode{" if name == "slides.tex" else r"\input{")
        silenced = text.index(r"\renewcommand{\dvarraysnote}{}")  # after each implementation
        assert text.index(latex_.ARRAYS_ONCE) < first and silenced < first, name


def test_the_hypotheses_lead_in_is_never_alone_at_the_foot_of_a_page():
    head = STYLE[STYLE.index(r"\newcommand{\dvhypotheses}"):]
    head = head[:head.index(r"\begin{itemize}")]
    assert r"\textit{Hypotheses.}\par\nobreak" in head and r"\@beginparpenalty=\@M" in head


def test_one_font_family_in_the_book_and_the_slides(files):
    # A remark's label was set in sans serif, the only sans-serif text in either document.
    for text in (STYLE, files["slides.tex"]):
        assert r"\textsf" not in text and r"\sffamily" not in text


def test_a_wide_free_of_condition_shrinks_only_its_formula(files):
    # The words go on a line of their own in the narrow column; only the formula is fitted.
    text = files["empirical_kl_classifier.tex"]
    assert r"\right)$} is free of $\theta$" in text
    assert r"\text{ is free of }" not in text


def test_a_vector_named_apart_from_its_entries_is_defined_where_it_is_used():
    """Red-team h04 (tests/data/redteam_h04_vector_named_apart_entries_unshown.py): a vector
    named p made of the entries q_j printed "q is a distribution => KL(p || q) = 0" with no line
    saying what p is; read as written, false for p = (1, 0), q = (1/2, 1/2)."""
    from pathlib import Path

    from derivations.loader import from_file

    data = Path(__file__).parent.parent / "data"
    (d,) = from_file(data / "redteam_h04_vector_named_apart_entries_unshown.py")
    (result,) = check_all([d])
    assert result.ok and r"p_{j} = q_{j} \quad\text{for all } j" in latex_.fragment(result)
