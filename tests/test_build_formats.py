"""``derivations build --format``: LaTeX at the top of OUT, MyST in OUT/myst, Quarto in
OUT/quarto; all three by default, so ``build --check`` covers all three."""

from __future__ import annotations

import pytest

from derivations.cli import _parser, main
from derivations.pipeline import FORMATS, build, render
from derivations.render import myst, quarto

SOURCES = ["softmax_is_positive", "sigmoid_complement"]


def _files(directory):
    return sorted(p.relative_to(directory).as_posix() for p in directory.rglob("*")
                  if p.is_file())


@pytest.mark.parametrize("name", FORMATS)
def test_the_command_line_accepts_every_format_of_the_pipeline(name):
    assert _parser().parse_args(["build", "--format", name]).formats == [name]


def test_an_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build", "--format", "html"])
    assert exit_.value.code == 2
    assert "argument --format: invalid choice: 'html'" in capsys.readouterr().err


@pytest.mark.parametrize(("formats", "expected"), [
    (["latex"], ["derivations.sty", "derivations.tex", "sigmoid_complement.tex",
                 "slides.tex", "softmax_is_positive.tex"]),
    (["myst"], ["myst/index.md", "myst/sigmoid_complement.md", "myst/softmax_is_positive.md"]),
    (["quarto", "quarto"], ["quarto/_quarto.yml", "quarto/index.qmd",
                            "quarto/sigmoid_complement.qmd",
                            "quarto/softmax_is_positive.qmd"]),
])
def test_each_format_writes_its_own_files(formats, expected, tmp_path):
    args = [arg for f in formats for arg in ("--format", f)]
    assert main(["build", *SOURCES, "--out", str(tmp_path), *args]) == 0
    assert _files(tmp_path) == expected


def test_default_build_writes_all_formats_and_check_covers_them(tmp_path, capsys):
    assert main(["build", *SOURCES, "--out", str(tmp_path)]) == 0
    files = _files(tmp_path)
    assert {"derivations.tex", "myst/index.md", "quarto/index.qmd"} <= set(files)
    assert main(["build", *SOURCES, "--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "myst" / "sigmoid_complement.md").write_text("edited by hand\n")
    (tmp_path / "quarto" / "index.qmd").unlink()
    capsys.readouterr()
    assert main(["build", *SOURCES, "--check", "--out", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "myst/sigmoid_complement.md, quarto/index.qmd (run 'derivations build')" in out
    assert main(["build", *SOURCES, "--check", "--format", "latex", "--out", str(tmp_path)]) == 0


def test_orphans_in_the_format_folders_go_and_foreign_files_stay(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path)]) == 0
    orphans = [tmp_path / "myst" / "renamed.md", tmp_path / "quarto" / "renamed.qmd"]
    orphans[0].write_text(myst.HEADER + "old page\n")
    orphans[1].write_text(quarto.HEADER + "old page\n")
    foreign = [tmp_path / "myst" / "my_lecture.md", tmp_path / "quarto" / "my_lecture.qmd",
               tmp_path / "myst" / "notes.txt"]
    for path in foreign:
        path.write_text("# my own notes\n")
    (tmp_path / "myst" / "notes.txt").write_text(myst.HEADER)  # not a MyST page: kept too
    capsys.readouterr()
    assert main(["build", "--check", "--out", str(tmp_path)]) == 1
    assert "myst/renamed.md, quarto/renamed.qmd (run" in capsys.readouterr().out
    assert main(["build", "--out", str(tmp_path), "--format", "latex"]) == 0
    assert all(p.exists() for p in orphans)  # only the formats built are tidied
    assert main(["build", "--out", str(tmp_path)]) == 0
    assert not any(p.exists() for p in orphans) and all(p.exists() for p in foreign)


def test_pdf_needs_the_latex_format(tmp_path, capsys):
    assert main(["build", *SOURCES, "--pdf", "--format", "myst", "--out", str(tmp_path)]) == 2
    assert "--pdf needs the latex format (add --format latex)" in capsys.readouterr().err
    assert not tmp_path.exists() or _files(tmp_path) == []


def test_unknown_formats_are_refused():
    with pytest.raises(ValueError, match=r"unknown output format\(s\) \['html'\]: choose from "
                                         r"\('latex', 'myst', 'quarto'\)"):
        render([], ["html"])
    with pytest.raises(ValueError, match="the PDF is compiled from the LaTeX output"):
        build(SOURCES, pdf=True, formats=["quarto"])
