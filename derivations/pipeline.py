"""The whole flow in one place: load derivations, check them, render and write the outputs.

The CLI parses arguments and calls these functions; the tests and the pytest plugin call them
too, so there is exactly one pipeline.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from derivations.checking.store import VerdictCache
from derivations.errors import LoadError
from derivations.language.derivation import Derivation
from derivations.language.document import Answer
from derivations.language.results import DerivationResult, Evidence
from derivations.loader import authors_modules, load, shipped_only
from derivations.output import stale, write_atomically, write_tree
from derivations.progress import QUIET, Progress
from derivations.render import myst, quarto
from derivations.render.latex import HEADER, STYLE, document, fragment
from derivations.render.report import SourceLines
from derivations.render.slides import deck
from derivations.settings import DEFAULT, CheckSettings

TITLE = "From maximum likelihood to cross entropy: checked derivations"
MAIN = "derivations.tex"
PDF = "derivations.pdf"
SLIDES = "slides.tex"
SLIDES_PDF = "slides.pdf"
#: The formats ``derivations build`` writes, by default all of them.
FORMATS = ("latex", "myst", "quarto")
#: Each format's folder under OUT, the suffixes of its files and the header they start with.
_GENERATED = {"latex": ("", (".tex", ".sty"), HEADER),
              "myst": ("myst", (myst.SUFFIX,), myst.HEADER),
              "quarto": ("quarto", (quarto.SUFFIX,), quarto.HEADER)}
#: The executed notebook and its exports: ``derivations.ipynb``, ``.html``, ``.md`` (``.pdf``).
NOTEBOOK = "derivations"


def check(sources: Sequence[str] = (), *, min_evidence: Evidence = Evidence.SAMPLED,
          cache: bool = False, jobs: int = 1, settings: CheckSettings = DEFAULT,
          verdicts: VerdictCache | None = None) -> list[DerivationResult]:
    """Load and check; a step below ``min_evidence`` counts as failed. ``cache``: reuse the
    accepted verdicts of unchanged steps (``checking.store``; the command line's default), or
    those of ``verdicts``, a cache the caller opened. ``jobs``: processes to check in
    (``checking.parallel``; the same results).

    The cache is sealed before an author's file or module is loaded, and verified after it
    ran and after the check (``VerdictCache.seal``): a row that the checker did not write
    discards the whole cache."""
    opened = VerdictCache.open() if cache and verdicts is None else None
    store = verdicts or opened
    try:
        if store is not None and not shipped_only(sources):
            store.seal()  # before any author's code runs
        loaded = load(sources)
        if store is not None:
            store.verify("while the sources were loaded", loaded=True)
        return check_loaded(loaded, min_evidence=min_evidence, jobs=jobs, settings=settings,
                            verdicts=store)
    finally:
        if opened is not None:
            opened.close()


def check_loaded(derivations: Iterable[Derivation], *,
                 min_evidence: Evidence = Evidence.SAMPLED,
                 cache: bool = False, jobs: int = 1,
                 settings: CheckSettings = DEFAULT,
                 verdicts: VerdictCache | None = None) -> list[DerivationResult]:
    """Check derivations already loaded (the pytest plugin loads at collection time).
    ``verdicts``: a cache the caller keeps open from one check to the next (``derivations
    watch``), used instead of opening one. A cache opened here is sealed at once: the code
    that loaded ``derivations`` ran before, so only what runs while they are checked is
    watched."""
    from derivations.checking.check import check_all, require  # not for a stored report

    opened = VerdictCache.open() if cache and verdicts is None else None
    if opened is not None:
        opened.seal()
    try:
        return require(check_all(derivations, cache=verdicts or opened, jobs=jobs,
                                 settings=settings), min_evidence)
    finally:
        if opened is not None:
            opened.close()


@dataclass(frozen=True)
class CheckReport:
    """What ``derivations check`` prints: the report of every derivation, the report of the
    failing ones alone ("" when none fails), and the JSON report when one was asked for."""

    ok: bool
    text: str
    failures: str
    json: str | None = None
    #: whether this is the report an earlier check of exactly the same inputs stored
    stored: bool = False


def check_report(sources: Sequence[str] = (), *, min_evidence: Evidence = Evidence.SAMPLED,
                 cache: bool = False, jobs: int = 1,
                 versions: dict[str, str] | None = None) -> CheckReport:
    """Load, check and report; with ``versions``, also the JSON report (which names them).

    With ``cache``, a check of the shipped catalogue alone (``loader.shipped_only``) whose
    every input is unchanged (every source file of the package, and what every verdict depends
    on: ``checking.key.report_key``) is answered by the report it printed last time, without
    constructing a derivation. A report is stored only when every derivation holds, no code but
    the package's ran, the package's files did not change while it was checked, and the
    checking code is the code on disk."""
    from derivations.checking.key import report_key
    from derivations.render.report import as_json, lines_text, text

    verdicts = VerdictCache.open() if cache else None
    try:
        record = request = None
        if verdicts is not None and shipped_only(sources):
            request = [f"sources={list(sources)!r}", f"min_evidence={min_evidence.value}",
                       f"json={sorted(versions.items()) if versions is not None else None!r}"]
            record = report_key(request, DEFAULT)
            stored = verdicts.report(record)
            if stored is not None and "text" in stored and (versions is None or "json" in stored):
                return CheckReport(True, stored["text"], "", stored.get("json"), stored=True)
        before = set(sys.modules)
        python = [s for s in sources if not s.endswith(".tex")]
        results = check(python, min_evidence=min_evidence, jobs=jobs, verdicts=verdicts) \
            if python or not sources else []
        ran = authors_modules(set(sys.modules) - before)
        read, lines = _read_tex([s for s in sources if s.endswith(".tex")])
        checked = check_loaded(read, min_evidence=min_evidence, jobs=jobs,
                               verdicts=verdicts) if read else []
        failed = [r for r in results if not r.ok]
        everything = [*results, *checked]
        ok = not failed and all(r.ok for r in checked) and all(s.ok for s in lines)
        shown = (text(results) if results else "") + (lines_text(checked, lines) if lines else "")
        shown_failed = (text(failed) if failed else "") + (
            lines_text(checked, lines) if lines and not ok else "")
        report = CheckReport(ok, shown, shown_failed,
                             as_json(everything, versions, sources=lines)
                             if versions is not None else None)
        if (verdicts is not None and record is not None and request is not None and report.ok
                and not ran and report_key(request, DEFAULT) == record):
            verdicts.keep_report(record, {"text": report.text} if report.json is None
                                 else {"text": report.text, "json": report.json})
        return report
    finally:
        if verdicts is not None:
            verdicts.close()


def _read_tex(paths: Sequence[str]) -> tuple[list[Derivation], list[SourceLines]]:
    """The chains of the ``.tex`` files ``paths`` as derivations, and where their steps stand.
    A file that does not exist is a usage error, as a missing ``.py`` is."""
    from derivations.tex import read_file

    derivations: list[Derivation] = []
    lines: list[SourceLines] = []
    for shown in paths:
        path = Path(shown)
        if not path.is_file():
            raise LoadError(f"{shown}: no such file")
        reading = read_file(path)
        derivations.extend(d for d in reading.checked()
                           if all(d is not e for e in derivations))
        lines.append(reading.source_lines(shown))
    return derivations, lines


def render(results: Sequence[DerivationResult],
           formats: Sequence[str] = FORMATS) -> dict[str, str]:
    """Every generated file by its path under OUT. LaTeX: fragments, the style file, the
    standalone document and the beamer slides, at the top; MyST and Quarto: a page per
    derivation and an index page, in ``myst/`` and ``quarto/``."""
    from derivations.catalogue import SECTIONS
    from derivations.catalogue.glossary import NOTATION

    _known(formats)
    files: dict[str, str] = {}
    if "latex" in formats:
        files["derivations.sty"] = STYLE
        shared = {d.name for _, members in SECTIONS for d in members}
        catalogue = any(r.derivation.name in shared for r in results)
        notation = NOTATION if catalogue else ()
        answer = _answer(results) if catalogue else None
        titles = {r.derivation.name: r.derivation.title for r in results}
        files.update({f"{r.derivation.name}.tex": fragment(r, titles) for r in results})
        files[MAIN] = document(results, TITLE, SECTIONS, notation, answer)
        files[SLIDES] = deck(results, TITLE, SECTIONS, answer)
    opening = catalogue_answer(results)
    for name, module in (("myst", myst), ("quarto", quarto)):
        if name in formats:
            folder = _GENERATED[name][0]
            files.update({f"{folder}/{path}": text for path, text
                          in module.files(results, TITLE, SECTIONS, opening).items()})
    return files


def catalogue_answer(results: Sequence[DerivationResult]) -> Answer | None:
    """The answer for the outputs that open with it (the web pages, the notebook), when
    ``results`` hold every derivation of the catalogue's sections, resolved against them (so
    it cannot cite a theorem that was not checked); ``None`` for a build of a few sources."""
    from derivations.catalogue import SECTIONS

    shared = {d.name for _, members in SECTIONS for d in members}
    return _answer(results) if shared <= {r.derivation.name for r in results} else None


def _answer(results: Sequence[DerivationResult]) -> Answer | None:
    """The catalogue's answer to the question when the whole catalogue (every derivation its
    sections list) is among the checked ``results``, else ``None`` (a build of some of its
    derivations has no answer). The answer must then cite only checked derivations: one that
    cites anything else is an error (``Answer.resolve``)."""
    import importlib

    from derivations.catalogue import SECTIONS

    names = {r.derivation.name for r in results}
    if not all(d.name in names for _, members in SECTIONS for d in members):
        return None

    try:
        module = importlib.import_module("derivations.catalogue.answer")
    except ModuleNotFoundError as missing:  # not written yet
        if missing.name != "derivations.catalogue.answer":
            raise
        return None
    found: Answer | None = getattr(module, "ANSWER", None)
    if found is not None:
        found.resolve(names)
    return found


def _known(formats: Sequence[str]) -> None:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"unknown output format(s) {unknown!r}: choose from {FORMATS!r}")


@dataclass(frozen=True)
class BuildOutcome:
    results: list[DerivationResult]
    written: list[Path] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    pdf: Path | None = None
    slides: Path | None = None

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results) and not self.stale


def _orphans(out: Path, files: dict[str, str], formats: Sequence[str] = FORMATS) -> list[Path]:
    """Generated files of ``formats`` in ``out`` that the current build no longer produces. A
    file is generated when it starts with its format's header: a user's own files stay."""
    found = []
    for name in formats:
        folder, suffixes, header = _GENERATED[name]
        where = out / folder if folder else out
        if where.is_dir():
            found += [p for p in where.iterdir()
                      if p.suffix in suffixes and p.is_file()
                      and p.relative_to(out).as_posix() not in files
                      and p.read_text(errors="replace").startswith(header[:30])]
    return sorted(found)


def build(sources: Sequence[str] = (), *, out: Path = Path("proofs"), pdf: bool = False,
          verify_only: bool = False, cache: bool = False,
          formats: Sequence[str] = FORMATS, slides: bool = False,
          progress: Progress = QUIET, jobs: int = 1) -> BuildOutcome:
    """Check, compile the PDF and the slides' PDF if asked, then write ``out`` in ``formats``:
    all of it or, when a derivation fails, LaTeX fails or the build is interrupted, none of it.

    With ``verify_only`` nothing is written: the outcome lists the files that differ.
    """
    _known(formats)
    if (pdf or slides) and "latex" not in formats:
        raise ValueError("the PDF is compiled from the LaTeX output: add the 'latex' format")
    results = check(sources, cache=cache, jobs=jobs)
    if not all(r.ok for r in results):
        return BuildOutcome(results)
    files = render(results, formats)
    if verify_only:
        extra = ([p.relative_to(out).as_posix() for p in _orphans(out, files, formats)]
                 if not sources else [])
        return BuildOutcome(results, stale=stale(out, files) + extra)
    tree: dict[str, str | bytes] = dict(files)
    if pdf or slides:  # compiled before anything is written: a LaTeX error leaves out/ as it was
        from derivations.render.pdf import pdf_bytes

        latex = {name: text for name, text in files.items() if "/" not in name}
        if pdf:
            with progress.stage(f"compiling {PDF}"):
                tree[PDF] = pdf_bytes(latex, MAIN)
        if slides:
            with progress.stage(f"compiling {SLIDES_PDF}"):
                tree[SLIDES_PDF] = pdf_bytes(latex, SLIDES)
    written = write_tree(out, tree)
    if not sources:
        for orphan in _orphans(out, files, formats):
            orphan.unlink()
    return BuildOutcome(results, written, pdf=out / PDF if pdf else None,
                        slides=out / SLIDES_PDF if slides else None)


def notebook(sources: Sequence[str] = (), *, out: Path = Path("proofs/notebook"),
             pdf: bool = False, verify_only: bool = False, cache: bool = False,
             progress: Progress = QUIET, jobs: int = 1) -> BuildOutcome:
    """Check, build the notebook, execute it (every derivation is checked again in the kernel),
    export it to HTML and Markdown (and PDF if asked), then write ``out``: all of it or, when a
    derivation, a cell or an export fails, none of it.

    With ``verify_only`` nothing is written: the outcome lists the files that differ (the PDF,
    which carries its build time, is never compared).
    """
    from derivations import catalogue
    from derivations.render import export
    from derivations.render.notebook import notebook as unexecuted

    results = check(sources, cache=cache, jobs=jobs)
    if not all(r.ok for r in results):
        return BuildOutcome(results)
    shipped = {r.derivation.name for r in results
               if getattr(catalogue, r.derivation.name, None) is r.derivation}
    with progress.stage("executing the notebook"):
        nb = export.execute(unexecuted(results, TITLE, catalogue.SECTIONS, sources, shipped,
                                       catalogue_answer(results)))
    with progress.stage("exporting HTML"):
        files = {f"{NOTEBOOK}.ipynb": export.ipynb(nb), f"{NOTEBOOK}.html": export.html(nb),
                 f"{NOTEBOOK}.md": export.markdown(nb)}
    if verify_only:
        return BuildOutcome(results, stale=stale(out, files))
    tree: dict[str, str | bytes] = dict(files)
    if pdf:
        with progress.stage("compiling the notebook PDF"):
            tree[f"{NOTEBOOK}.pdf"] = export.pdf(nb)
    written = write_tree(out, tree)
    return BuildOutcome(results, written, pdf=out / f"{NOTEBOOK}.pdf" if pdf else None)


def write_report(path: Path, content: str) -> None:
    write_atomically(path, content.encode("utf-8"))
