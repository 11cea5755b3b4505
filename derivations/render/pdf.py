"""Compiling the standalone document with latexmk (pdflatex, never with shell escape)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping
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
        return pdf.read_bytes()


def _reproducible_env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    env["FORCE_SOURCE_DATE"] = "1"
    return env
