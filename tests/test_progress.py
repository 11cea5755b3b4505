"""Progress lines appear on a terminal and nowhere else."""

from __future__ import annotations

import io

import pytest

from derivations.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_each_stage_and_its_time():
    out = _Terminal()
    with Progress(out).stage("compiling derivations.pdf"):
        pass
    assert out.getvalue().startswith("compiling derivations.pdf … done in ")
    assert out.getvalue().endswith(" s\n")


def test_a_pipe_sees_nothing():
    out = io.StringIO()
    progress = Progress(out)
    with progress.stage("executing the notebook"):
        progress.count("cells", 1, 2)
    assert out.getvalue() == ""


def test_a_failed_stage_says_so_and_reraises():
    out = _Terminal()
    with pytest.raises(RuntimeError, match="latex broke"), Progress(out).stage("slides"):
        raise RuntimeError("latex broke")
    assert out.getvalue() == "slides … failed\n"


def test_a_counter_rewrites_its_line_and_ends_it():
    out = _Terminal()
    progress = Progress(out)
    for n in (1, 2):
        progress.count("cells", n, 2)
    assert out.getvalue() == "\rcells 1/2\rcells 2/2\n"


def test_a_pdf_build_announces_its_compile_stage_on_a_terminal(tmp_path, monkeypatch):
    from derivations import pipeline

    monkeypatch.setattr("derivations.render.pdf.pdf_bytes", lambda files, main: b"%PDF fake")
    out = _Terminal()
    outcome = pipeline.build(["softmax_is_positive"], out=tmp_path, pdf=True,
                             progress=Progress(out))
    assert outcome.pdf == tmp_path / "derivations.pdf"
    assert out.getvalue().startswith("compiling derivations.pdf … done in ")
