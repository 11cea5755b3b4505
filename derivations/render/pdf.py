"""Compiling the standalone document with latexmk (pdflatex, never with shell escape)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from derivations.errors import TexFailed, TexUnavailable
from derivations.output import write_atomically


def compile_pdf(files: Mapping[str, str], main: str, target: Path, *, timeout: float = 300) -> Path:
    """Compile ``main`` (a name in ``files``) in a scratch directory; write the PDF to ``target``.

    The previous PDF stays in place unless the new one compiled completely.
    """
    write_atomically(target, pdf_bytes(files, main, timeout=timeout))
    return target


def pdf_bytes(files: Mapping[str, str], main: str, *, timeout: float = 300) -> bytes:
    """The PDF compiled from ``main`` in a scratch directory; nothing else is touched."""
    return compile_tex(files, main, timeout=timeout).pdf


@dataclass(frozen=True)
class Compiled:
    """A compiled document: the PDF and the LaTeX log of its last run."""

    pdf: bytes
    log: str

    @property
    def overfull(self) -> list[str]:
        """Every overfull box the log reports, as "Overfull \\hbox (3.2pt too wide) in
        paragraph at lines 12--12"."""
        return overfull(self.log)


_OVERFULL = re.compile(r"^Overfull \\[hv]box .*$", re.MULTILINE)


def overfull(log: str) -> list[str]:
    """The "Overfull \\hbox" and "Overfull \\vbox" lines of a LaTeX log."""
    return _OVERFULL.findall(log)


def compile_tex(files: Mapping[str, str], main: str, *, timeout: float = 300) -> Compiled:
    """Compile ``main`` (a name in ``files``) in a scratch directory with latexmk; the PDF and
    the log. Raises :class:`TexFailed` when latexmk fails."""
    latexmk = shutil.which("latexmk")
    if latexmk is None or shutil.which("pdflatex") is None:
        raise TexUnavailable(
            "cannot build the PDF: latexmk and pdflatex are not installed (on Debian: apt-get "
            "install latexmk texlive-latex-base texlive-latex-recommended "
            "texlive-fonts-recommended)")
    with tempfile.TemporaryDirectory(prefix="derivations-tex-") as scratch:
        work = Path(scratch)
        for name, content in files.items():
            (work / name).write_text(content, encoding="utf-8")
        cmd = [latexmk, "-pdf", "-no-shell-escape", "-interaction=nonstopmode",
               "-halt-on-error", "-file-line-error", main]
        done = subprocess.run(cmd, cwd=work, capture_output=True, text=True, timeout=timeout,
                              env=_reproducible_env())
        pdf = work / (Path(main).stem + ".pdf")
        if done.returncode != 0 or not pdf.exists():
            log = work / (Path(main).stem + ".log")
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else done.stdout[-3000:]
            raise TexFailed(f"latexmk failed on {main} (exit {done.returncode}):\n{tail}")
        log = work / (Path(main).stem + ".log")
        return Compiled(pdf.read_bytes(), log.read_text(errors="replace") if log.exists() else "")


def _reproducible_env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    env["FORCE_SOURCE_DATE"] = "1"
    return env
