"""The beamer deck: its frames and overlays without TeX; with TeX, that it compiles, reveals
the steps one page at a time and runs off no slide."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest

from derivations.catalogue import CATALOGUE, SECTIONS
from derivations.checking.check import check_all
from derivations.cli import main
from derivations.pipeline import SLIDES, TITLE, render
from derivations.render import escape, slides
from derivations.render.latex import HEADER, STYLE
from derivations.render.slides import deck
from derivations.render.view import view

OVERLAY = re.compile(r"\\uncover<(\d+)->")


@pytest.fixture(scope="module")
def results():
    return check_all(CATALOGUE)


@pytest.fixture(scope="module")
def text(results):
    return deck(results, TITLE, SECTIONS)


def _frames(text: str) -> list[tuple[str, str]]:
    """(title, body) of every frame; a derivation's frame has its title on its first line."""
    frames = []
    for chunk in text.split(r"\begin{frame}")[1:]:
        body, title = chunk.split(r"\end{frame}")[0], ""
        if body.startswith("[t]{"):
            title, _, body = body[len("[t]{"):].partition("}\n")
        elif body.startswith("{"):
            title, _, body = body[1:].partition("}")
        frames.append((title, body))
    return frames


def _by_name(results, name):
    (result,) = [r for r in results if r.derivation.name == name]
    return result


def test_deck_is_what_the_pipeline_writes(results, text):
    assert render(results, ["latex"])[SLIDES] == text
    assert text == deck(results, TITLE, SECTIONS)  # deterministic


def test_deck_is_a_dated_nowhere_beamer_document_on_derivations_sty(text):
    assert text.startswith(HEADER)
    assert r"\documentclass[11pt]{beamer}" in text
    assert r"\usepackage{derivations}" in text
    assert r"\date{}" in text and r"\today" not in text
    titles = [title for title, _ in _frames(text)]
    assert titles[:2] == ["", "Evidence marks"]  # the title frame, then the legend
    assert r"\titlepage" in text and r"\dvlegend" in text


def test_one_theorem_frame_per_derivation_then_its_continuations(results, text):
    titles = [title for title, _ in _frames(text)]
    for d in CATALOGUE:
        assert titles.count(escape.latex(d.title)) == 1, d.name
        assert text.count(rf"\label{{dv:{d.name}}}") == 1, d.name
        first = titles.index(escape.latex(d.title))
        more = titles.count(escape.latex(d.title) + " (cont.)")
        assert titles[first + 1:first + 1 + more] == [escape.latex(d.title) + " (cont.)"] * more


def test_section_frames_in_catalogue_order(text):
    places = [text.index(rf"\section{{{heading}}}") for heading, _ in SECTIONS]
    assert places == sorted(places)
    assert text.count(r"\sectionpage") == len(SECTIONS)
    first_of_each = [text.index(rf"\label{{dv:{members[0].name}}}") for _, members in SECTIONS]
    assert all(s < f for s, f in zip(places, first_of_each, strict=True))


def test_a_derivation_outside_the_sections_comes_under_further_derivations(results):
    text = deck(results[:3], TITLE, [("Only the first", [results[0].derivation])])
    assert text.index(r"\section{Only the first}") < text.index(r"\section{Further derivations}")
    assert text.index(r"\section{Further derivations}") < text.index(
        rf"\label{{dv:{results[2].derivation.name}}}")
    assert r"\section" not in deck(results[:3], TITLE)  # no sections: no headings at all


def test_each_step_is_revealed_once_on_its_own_overlay(results, text):
    frames = _frames(text)
    one_hot = next(body for title, body in frames
                   if title == "Cross entropy against a one-hot label")
    assert OVERLAY.findall(one_hot) == ["2", "3"]  # two steps: overlays 2 and 3
    assert r"\begin{dvtheorem}" in one_hot and r"\textit{Hypotheses.}" in one_hot
    assert r"H(e_{y}, q) = - \log q_{y}" in one_hot  # the statement
    assert r"\uncover<3->{\slidesline{=}{- \log q_{y}}" in one_hot
    assert r"\slideswhy{\dvwhy{\dvsymbolic}{only the term of the label survives" in one_hot
    for title, body in frames:
        numbers = [int(n) for n in OVERLAY.findall(body)]
        assert numbers == list(range(2, len(numbers) + 2)), title
        assert len(numbers) <= slides.MAX_STEPS, title
    for r in results:
        for s in view(r).steps:
            line = rf"->{{\slidesline{{{s.relation}}}{{{s.expr}}}"
            assert text.count(line) >= 1, (r.derivation.name, s.index)


def test_a_long_proof_continues_where_the_last_frame_stopped(results, monkeypatch):
    monkeypatch.setattr(slides, "MAX_STEPS", 2)
    result = _by_name(results, "label_smoothing")  # six steps
    v = view(result)
    frames = _frames(deck([result], TITLE))
    proof = [(title, body) for title, body in frames if title.startswith("Label smoothing")
             and not title.endswith("(in code)")]
    assert len(proof) >= 3
    assert [title.endswith("(cont.)") for title, _ in proof] == [False] + [True] * (len(proof) - 1)
    shown = [OVERLAY.findall(body) for _, body in proof]
    assert sum(map(len, shown)) == len(v.steps) and max(map(len, shown)) == 2
    last = v.start
    for _, body in proof:  # a continuation starts from the expression the previous one ended
        assert rf"\slidesline{{}}{{{last}}}" in body
        exprs = re.findall(r"\\uncover<\d+->\{\\slidesline\{[^}]*\}\{(.*)\}\\slideswhy", body)
        last = exprs[-1]
    assert last == v.steps[-1].expr
    ends = [r"\renewcommand{\qed}{}" in body for _, body in proof]
    assert ends == [True] * (len(proof) - 1) + [False]  # the end-of-proof mark on the last only
    assert proof[-1][1].count(r"\qedhere") == 1


def test_each_reference_implementation_gets_a_frame_after_its_proof(text):
    frames = _frames(text)
    titles = [title for title, _ in frames]
    for d in CATALOGUE:
        title = escape.latex(d.title)
        last = max(i for i, t in enumerate(titles) if t in (title, title + " (cont.)"))
        code = frames[last + 1:last + 1 + len(d.implementations)]
        assert [t for t, _ in code] == [title + " (in code)"] * len(d.implementations), d.name
        assert titles.count(title + " (in code)") == len(d.implementations)
        for impl, (_, body) in zip(d.implementations, code, strict=True):
            assert rf"\dvcode{{{escape.latex(impl.name)}}}" in body
            assert r"\adjustbox{max width" in body
            assert "sampled evidence, not a proof" in body


def test_tall_proofs_are_split_even_without_the_step_limit(text):
    titles = [title for title, _ in _frames(text)]
    for name in ("label_smoothing", "cross_entropy_gradient", "empirical_kl"):
        d = next(d for d in CATALOGUE if d.name == name)
        assert escape.latex(d.title) + " (cont.)" in titles, name


def test_title_with_latex_specials_is_escaped(results):
    result = _by_name(results, "one_hot_cross_entropy")
    odd = dataclasses.replace(result, derivation=dataclasses.replace(
        result.derivation, title="Loss & gain: 50% of p_1"))
    text = deck([odd], "Notes & drafts_1 at 100%")
    assert r"\begin{frame}[t]{Loss \& gain: 50\% of p\_1}" in text
    assert r"\title{Notes \& drafts\_1 at 100\%}" in text
    assert "Loss & gain" not in text and "50% of" not in text


def test_deck_uses_only_dv_names_the_style_defines(text):
    defined = set(re.findall(r"\\new(?:command|length)\{\\(dv\w+)\}", STYLE)) | {"dvtheorem"}
    used = set(re.findall(r"\\(dv[a-zA-Z]+)", text))
    assert used <= defined, used - defined
    assert {"dvwhy", "dvlegend", "dvsymbolic", "dvcite"} <= used


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
    expected = sum(max(map(int, OVERLAY.findall(body)), default=1) for _, body in frames)
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
    assert "Label(s) may have changed" not in log
    assert "LaTeX Warning: Reference" not in log  # every \dvcite resolves to a theorem number
