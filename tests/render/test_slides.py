"""The beamer deck: its frames and overlays without TeX; with TeX, that it compiles, reveals
the steps one page at a time and runs off no slide."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest

from derivations.catalogue import CATALOGUE, SECTIONS
from derivations.catalogue.answer import ANSWER
from derivations.checking.check import check_all
from derivations.cli import main
from derivations.pipeline import SLIDES, TITLE, render
from derivations.render import escape, latex, sections, slides
from derivations.render.latex import HEADER, STYLE
from derivations.render.slides import deck
from derivations.render.view import view

OVERLAY = re.compile(r"\\uncover<(\d+)->")


@pytest.fixture(scope="module")
def results():
    return check_all(CATALOGUE)


@pytest.fixture(scope="module")
def text(results):
    return deck(results, TITLE, SECTIONS, ANSWER)


def _frames(text: str) -> list[tuple[str, str]]:
    """(title, body) of every frame: the ``\\slidestitle{...}`` on its first line, if any."""
    frames = []
    for chunk in text.split(r"\begin{frame}")[1:]:
        body, title = chunk.split(r"\end{frame}")[0], ""
        if body.startswith("[t]"):
            title, _, body = body[len("[t]"):].partition("\n")
        frames.append((title, body))
    return frames


def _by_name(results, name):
    (result,) = [r for r in results if r.derivation.name == name]
    return result


def test_deck_is_what_the_pipeline_writes(results, text):
    assert render(results, ["latex"])[SLIDES] == text
    assert text == deck(results, TITLE, SECTIONS, ANSWER)  # deterministic


def test_deck_is_a_dated_nowhere_beamer_document_on_derivations_sty(text):
    assert text.startswith(HEADER)
    assert r"\documentclass[11pt]{beamer}" in text
    assert r"\usepackage{derivations}" in text
    assert r"\date{}" in text and r"\today" not in text
    assert r"\titlepage" in text and r"\dvlegend" in text


def test_one_font_family_for_text_and_math(text):
    assert r"\usepackage[T1]{fontenc}" in text and r"\usepackage{lmodern}" in text
    assert r"\usefonttheme{serif}" in text and r"\usefonttheme{professionalfonts}" in text


def test_frame_titles_never_wrap(text):
    for title, _ in _frames(text):
        assert title == "" or title.startswith(r"\slidestitle{"), title
    assert "\\frametitle{\\adjustbox{max width=\\textwidth}{#1}}}" in text


def _theorem_frames(text: str, number: int) -> tuple[list[str], list[str]]:
    """The statement frames and the proof frames of theorem ``number``."""
    frames = _frames(text)
    statements = [body for title, body in frames if title == rf"\slidestitle{{Theorem {number}}}"]
    proofs = [body for title, body in frames
              if re.fullmatch(rf"\\slidestitle{{Proof of Theorem {number}( \(\d/\d\))?}}", title)]
    return statements, proofs


def test_each_theorem_has_a_statement_frame_with_its_summary_and_at_most_two_proof_frames(
        results, text):
    numbers = sections.numbers(results, SECTIONS)
    for r in results:
        v = view(r)
        statements, proofs = _theorem_frames(text, numbers[v.name])
        assert 1 <= len(statements) <= 2, v.name  # a long summary has a frame of its own
        heading = rf"\begin{{block}}{{{latex.text(v.title)}}}"  # the title heads each one
        assert all(body.startswith("\\slidesfit{\n" + heading) for body in statements), v.name
        assert latex.text(v.summary, lambda n: f"Theorem~{numbers[n]}") in statements[0]
        assert rf"\slidesstatement{{{v.start}}}{{{v.conclusion}}}" in statements[-1]
        assert 1 <= len(proofs) <= slides.MAX_FRAMES, v.name
        shown = [OVERLAY.findall(body) for body in proofs]
        for overlays in shown:  # each frame reveals its steps one by one, from overlay 2
            assert overlays == [str(n) for n in range(2, len(overlays) + 2)], v.name
        assert sum(map(len, shown)) == len(v.steps), v.name
        assert proofs[-1].count(r"\qedsymbol") == 1


def test_the_proof_frame_reveals_the_steps_of_the_proof(results, text):
    numbers = sections.numbers(results, SECTIONS)
    result = _by_name(results, "one_hot_cross_entropy")
    (proof,) = _theorem_frames(text, numbers["one_hot_cross_entropy"])[1]
    assert OVERLAY.findall(proof) == ["2", "3"]  # two steps: overlays 2 and 3
    assert r"\uncover<3->{\slidesline{=}{- \log q_{y}}" in proof
    assert r"\slideswhy{\dvwhy{\dvsymbolic}{only the term of the label survives" in proof
    for r in results:
        for s in view(r).steps:
            assert rf"->{{\slidesline{{{s.relation}}}{{{s.expr}}}" in text, (r.derivation.name,
                                                                              s.index)
    assert result.derivation.title in text


def test_a_tall_proof_splits_into_two_frames_that_continue_where_the_first_stopped(
        results, monkeypatch):
    monkeypatch.setattr(slides, "_PAGE", 10.0)  # nothing fits: every proof splits, in two only
    result = _by_name(results, "label_smoothing")
    text = deck([result], TITLE)
    _, proofs = _theorem_frames(text, 1)
    assert len(proofs) == 2
    last = re.findall(r"\\uncover<\d+->\{\\slidesline\{[^}]*\}\{(.*)\}\\slideswhy", proofs[0])[-1]
    assert rf"\slidesline{{}}{{{last}}}" in proofs[1]
    assert proofs[0].count(r"\qedsymbol") == 0 and proofs[1].count(r"\qedsymbol") == 1


def test_citations_are_theorem_numbers_never_code_names(results, text):
    numbers = sections.numbers(results, SECTIONS)
    assert rf"\dvnumbered{{one_hot_cross_entropy}}{{{numbers['one_hot_cross_entropy']}}}" in text
    assert r"\texttt{one\_hot" not in text
    assert rf"Theorem~{numbers['one_hot_cross_entropy']}" in text


def test_reference_implementations_are_in_the_appendix(text):
    appendix = text.index(r"\appendix")
    for d in CATALOGUE:
        for impl in d.implementations:
            place = text.index(rf"\dvcode{{{escape.latex(impl.name)}}}")
            assert place > appendix, impl.name
    assert text.index(r"\slidestitle{In summary}") < appendix


def test_the_answer_comes_first_and_its_summary_closes_it():
    from answer_sample import SAMPLE

    results = check_all([d for d in CATALOGUE if d.name in SAMPLE.cites])
    text = deck(results, TITLE, SECTIONS, SAMPLE)
    titles = [title for title, _ in _frames(text)]
    assert titles[1] == r"\slidestitle{The question}"
    assert titles[2] == r"\slidestitle{Notation}"
    first_theorem = text.index(r"\slidestitle{Theorem 1}")
    for section in SAMPLE.sections:
        assert text.index(latex.text(section.title)) < first_theorem
    assert r"\slidesremark{Empirical, not checked}{Networks trained" in text
    assert r"\addplot[black, thick, solid] coordinates {" in text
    assert "Drawn from Theorem~" in text
    summary = text.index(r"\slidestitle{In summary}")  # right after the answer's frames
    last_answer = text.rindex(latex.text(SAMPLE.sections[-1].title), 0, first_theorem)
    assert last_answer < summary < text.index("How to read the proofs") < first_theorem
    assert "Softmax outputs are a distribution (Theorem~" in text[summary:first_theorem]


def test_section_frames_in_catalogue_order(text):
    places = [text.index(rf"\section{{{heading}}}") for heading, _ in SECTIONS]
    assert places == sorted(places)


def test_title_with_latex_specials_is_escaped(results):
    result = _by_name(results, "one_hot_cross_entropy")
    odd = dataclasses.replace(result, derivation=dataclasses.replace(
        result.derivation, title="Loss & gain: 50% of it"))
    text = deck([odd], "Notes & drafts_1 at 100%")
    assert r"\begin{block}{Loss \& gain: 50\% of it}" in text
    assert r"\title{Notes \& drafts\_1 at 100\%}" in text
    assert "Loss & gain" not in text and "50% of" not in text


def test_deck_uses_only_dv_names_the_style_defines(text):
    defined = set(re.findall(r"\\new(?:command|length)\{\\(dv\w+)\}", STYLE)) | {"dvtheorem"}
    used = set(re.findall(r"\\(dv[a-zA-Z]+)", text))
    assert used <= defined, used - defined
    assert {"dvwhy", "dvlegend", "dvsymbolic", "dvnumbered"} <= used


def test_slides_need_the_latex_format(tmp_path, capsys):
    assert main(["build", "--slides", "--format", "myst", "--out", str(tmp_path)]) == 2
    assert "--slides needs the latex format" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


needs_tex = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("latexmk", "pdflatex", "pdfinfo")),
    reason="latexmk/pdfinfo not installed (run scripts/install-tex.sh)")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    assert main(["build", "--slides", "--out", str(out)]) == 0
    return out


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M)[1])


@pytest.mark.latex
@needs_tex
def test_build_slides_writes_a_pdf_with_a_page_per_overlay(built):
    pdf = built / "slides.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    frames = _frames((built / SLIDES).read_text())
    expected = sum(max(map(int, re.findall(r"\\(?:uncover|item)<(\d+)->", body)), default=1)
                   for _, body in frames)
    assert _pages(pdf) == expected
    assert expected > 3 * len(CATALOGUE)


@pytest.mark.latex
@needs_tex
def test_no_frame_runs_off_its_slide(built):
    done = subprocess.run(["latexmk", "-pdf", "-no-shell-escape", "-interaction=nonstopmode",
                           "-halt-on-error", SLIDES], cwd=built, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]
    log = (built / "slides.log").read_text(errors="replace")
    overfull = re.findall(r"Overfull \\[hv]box \((.*?)\) (?:detected at|in paragraph at) "
                          r"lines? ([\d-]+)", log)
    assert overfull == []
    assert re.findall(r"^Slides: .*", log, re.M) == []  # no frame or title shrunk to fit
    assert "Label(s) may have changed" not in log
    assert "LaTeX Warning: Reference" not in log  # every \dvcite resolves to a theorem number


@pytest.mark.latex
@needs_tex
def test_slides_use_outline_fonts_only(built):
    fonts = subprocess.run(["pdffonts", str(built / "slides.pdf")], check=True,
                           capture_output=True, text=True).stdout
    assert "Type 3" not in fonts, fonts
