"""The whole flow in one place: load derivations, check them, render and write the outputs.

The CLI parses arguments and calls these functions; the tests and the pytest plugin call them
too, so there is exactly one pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from derivations.engine.checker import check_all, require
from derivations.engine.derivation import Derivation
from derivations.engine.results import DerivationResult, Evidence
from derivations.loader import load
from derivations.output import stale, write_atomically, write_tree
from derivations.render.latex import HEADER, STYLE, document, fragment

TITLE = "From maximum likelihood to cross entropy: checked derivations"
MAIN = "derivations.tex"
PDF = "derivations.pdf"


def check(sources: Sequence[str] = (), *,
          min_evidence: Evidence = Evidence.SAMPLED) -> list[DerivationResult]:
    """Load and check; a step below ``min_evidence`` counts as failed."""
    return check_loaded(load(sources), min_evidence=min_evidence)


def check_loaded(derivations: Iterable[Derivation], *,
                 min_evidence: Evidence = Evidence.SAMPLED) -> list[DerivationResult]:
    """Check derivations already loaded (the pytest plugin loads at collection time)."""
    return require(check_all(derivations), min_evidence)


def render(results: Sequence[DerivationResult]) -> dict[str, str]:
    """Every generated LaTeX file by name: fragments, the style file, the standalone document."""
    from derivations.catalogue import SECTIONS
    from derivations.catalogue.glossary import NOTATION

    files = {f"{r.derivation.name}.tex": fragment(r) for r in results}
    files["derivations.sty"] = STYLE
    sections = [(heading, [d.name for d in members]) for heading, members in SECTIONS]
    shared = {name for _, members in sections for name in members}
    notation = NOTATION if any(r.derivation.name in shared for r in results) else ()
    files[MAIN] = document(results, TITLE, sections, notation)
    return files


@dataclass(frozen=True)
class BuildOutcome:
    results: list[DerivationResult]
    written: list[Path] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    pdf: Path | None = None

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results) and not self.stale


def _orphans(out: Path, files: dict[str, str]) -> list[Path]:
    """Generated files in ``out`` that the current build no longer produces."""
    if not out.is_dir():
        return []
    return sorted(p for p in out.iterdir()
                  if p.suffix in (".tex", ".sty") and p.name not in files
                  and p.read_text(errors="replace").startswith(HEADER[:30]))


def build(sources: Sequence[str] = (), *, out: Path = Path("proofs"), pdf: bool = False,
          verify_only: bool = False) -> BuildOutcome:
    """Check, compile the PDF if asked, then write ``out``: all of it or, when a derivation
    fails, LaTeX fails or the build is interrupted, none of it.

    With ``verify_only`` nothing is written: the outcome lists the files that differ.
    """
    results = check(sources)
    if not all(r.ok for r in results):
        return BuildOutcome(results)
    files = render(results)
    if verify_only:
        extra = [p.name for p in _orphans(out, files)] if not sources else []
        return BuildOutcome(results, stale=stale(out, files) + extra)
    tree: dict[str, str | bytes] = dict(files)
    if pdf:  # compiled before anything is written: a LaTeX error leaves out/ as it was
        from derivations.render.pdf import pdf_bytes

        tree[PDF] = pdf_bytes(files, MAIN)
    written = write_tree(out, tree)
    if not sources:
        for orphan in _orphans(out, files):
            orphan.unlink()
    return BuildOutcome(results, written, pdf=out / PDF if pdf else None)


def write_report(path: Path, content: str) -> None:
    write_atomically(path, content.encode("utf-8"))
