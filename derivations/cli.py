"""The command line: ``derivations list | check | build | notebook | watch | mutate``. It parses
arguments and calls the pipeline (or the mutation harness, or the watcher); exit codes are 0
(every step holds; a watch session ended by Ctrl-C), 1 (a step, a build or a mutant hunt
failed), 2 (usage error), 130 (interrupted): one table, :data:`EXIT_CODES`, maps every error a
command raises to its code and its one-line message."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from derivations import __version__
from derivations.errors import AuthoringError, BuildError, DerivationError, LoadError

if TYPE_CHECKING:
    from derivations.language.results import Evidence
    from derivations.pipeline import BuildOutcome

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _os_error(exc: BaseException, args: argparse.Namespace) -> str:
    assert isinstance(exc, OSError)
    return f"derivations: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")


#: Every error a command may raise, tried in this order: its exit code and the one line printed
#: instead of a traceback (with ``--debug`` an ``Exception`` is raised instead).
EXIT_CODES: tuple[tuple[type[BaseException], int,
                        Callable[[BaseException, argparse.Namespace], str]], ...] = (
    # a source that cannot be loaded: a usage error
    (LoadError, EXIT_USAGE, lambda exc, args: f"derivations: error: {exc}"),
    # a file that cannot be read or written (OUT, --json FILE)
    (OSError, EXIT_USAGE, _os_error),
    # TeX missing or failing, a notebook cell that raised: the build wrote nothing
    (BuildError, EXIT_FAILED,
     lambda exc, args: f"derivations: {exc}\n"
                       f"derivations: nothing was written to {getattr(args, 'out', 'OUT')}."),
    # a malformed derivation, which its author can fix (the message says how): a usage error,
    # not a failed step (a construct the engine cannot check fails its step instead)
    (AuthoringError, EXIT_USAGE, lambda exc, args: f"derivations: error: {exc}"),
    # any other error of the family
    (DerivationError, EXIT_FAILED, lambda exc, args: f"derivations: {exc}"),
    (KeyboardInterrupt, EXIT_INTERRUPTED,
     lambda exc, args: "derivations: interrupted; files already in place were left as they "
                       "were."),
    # an object the engine cannot handle: one line, not a traceback
    (Exception, EXIT_FAILED,
     lambda exc, args: f"derivations: error: {type(exc).__name__}: {exc} (run with --debug "
                       "for the traceback)"),
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="derivations",
        description="Check derivations from maximum likelihood to cross entropy step by step, "
                    "and emit them as LaTeX proofs.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show Python tracebacks instead of one-line errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("list", help="list the catalogue's derivations")

    check = sub.add_parser("check", help="check every step and report")
    _checking(check)
    check.add_argument("--json", metavar="FILE", type=Path,
                       help="also write the machine-readable report to FILE ('-' for stdout)")
    check.add_argument("--min-evidence", type=_evidence, default="sampled", metavar="GRADE",
                       help="fail steps supported only by weaker evidence: symbolic, sized or "
                            "sampled (default: sampled)")
    check.add_argument("-q", "--quiet", action="store_true", help="print only failures")

    build = sub.add_parser("build", help="check, then write the proofs (LaTeX, MyST, Quarto)")
    _checking(build)
    build.add_argument("--out", type=Path, default=Path("proofs"),
                       help="output directory (default: proofs)")
    build.add_argument("--pdf", action="store_true",
                       help="also compile OUT/derivations.pdf with latexmk")
    build.add_argument("--slides", action="store_true",
                       help="also compile the beamer slides OUT/slides.pdf with latexmk")
    build.add_argument("--check", action="store_true", dest="verify_only",
                       help="write nothing; exit 1 and name the files that differ from OUT")
    build.add_argument("--format", action="append", dest="formats", metavar="FORMAT",
                       choices=("latex", "myst", "quarto"),
                       help="write (or with --check compare) only this format: latex (OUT/), "
                            "myst (OUT/myst/, Jupyter Book) or quarto (OUT/quarto/); repeat "
                            "for several (default: all three)")

    notebook = sub.add_parser("notebook", help="check, then write an executed notebook "
                                               "and its HTML and Markdown exports")
    _checking(notebook)
    notebook.add_argument("--out", type=Path, default=Path("proofs/notebook"),
                          help="output directory (default: proofs/notebook)")
    notebook.add_argument("--pdf", action="store_true",
                          help="also write OUT/derivations.pdf (nbconvert, xelatex)")
    notebook.add_argument("--check", action="store_true", dest="verify_only",
                          help="write nothing; exit 1 and name the files that differ from OUT")

    watch = sub.add_parser("watch", help="check, then check again on every save of a "
                                         "source file or of a file it imports")
    watch.add_argument("sources", nargs="+", metavar="SOURCE",
                       help="Python files or dotted modules defining derivations (catalogue "
                            "names are checked once: the package is not reloaded)")
    watch.add_argument("--no-cache", action="store_false", dest="cache",
                       help="neither read nor write the verdict cache on disk (verdicts are "
                            "still reused in memory during the session)")
    watch.add_argument("--min-evidence", type=_evidence, default="sampled", metavar="GRADE",
                       help="fail steps supported only by weaker evidence (as for check)")
    watch.add_argument("--poll", action="store_true",
                       help="look at the files' modification times instead of waiting for "
                            "file events (for network file systems)")

    mutate = sub.add_parser("mutate", help="make every step and reference implementation wrong, "
                                           "and check that the checker rejects each mutant")
    _checking(mutate, cache=False)  # the harness never uses the verdict cache
    mutate.add_argument("-v", "--verbose", action="store_true", help="list every killed mutant")
    return parser


def _checking(command: argparse.ArgumentParser, *, cache: bool = True) -> None:
    """What every command that checks takes: the sources, -j and, when it uses the verdict
    cache, --no-cache."""
    command.add_argument("sources", nargs="*", metavar="SOURCE",
                         help="catalogue names, Python files or dotted modules defining "
                              "derivations (default: the whole catalogue)")
    if cache:
        command.add_argument("--no-cache", action="store_false", dest="cache",
                             help="prove every step again, without reading or writing the "
                                  "verdict cache (default: reuse the accepted verdicts of "
                                  "unchanged steps)")
    command.add_argument("-j", "--jobs", type=_positive, default=_cpus(), metavar="N",
                         help=f"check in N processes (default: one per CPU, here {_cpus()}); "
                              "the results are the same")


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _evidence(text: str) -> Evidence:
    """A grade of evidence by its name. The names are the enum's, imported when a command that
    checks is parsed, not to build the parser: ``derivations --help`` stays instant."""
    from derivations.language.results import Evidence

    grades = [e.value for e in Evidence]
    if text not in grades:
        raise argparse.ArgumentTypeError(f"{text!r} is not a grade of evidence; choose from "
                                         + ", ".join(grades))
    return Evidence(text)


def _versions() -> dict[str, str]:
    import sympy

    return {"derivations": __version__, "sympy": sympy.__version__}


def _cmd_list(args: argparse.Namespace) -> int:
    from derivations.loader import catalogue

    for d in catalogue():
        print(f"{d.name:<28} {d.title}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from derivations.pipeline import check_report, write_report

    to_stdout = args.json is not None and str(args.json) == "-"
    # with --json -, whatever the author's code prints while it is checked (a function's
    # derivative rule, a helper) goes to standard error: standard output is the JSON alone
    with contextlib.redirect_stdout(sys.stderr) if to_stdout else contextlib.nullcontext():
        report = check_report(args.sources, min_evidence=args.min_evidence, cache=args.cache,
                              jobs=args.jobs,
                              versions=_versions() if args.json is not None else None)
    shown = report.failures if args.quiet else report.text
    if shown:  # with --json -, standard output carries the JSON alone; the text goes to stderr
        print(shown, end="", file=sys.stderr if to_stdout else sys.stdout)
    if args.json is not None and report.json is not None:
        if str(args.json) == "-":
            sys.stdout.write(report.json)
        else:
            write_report(args.json, report.json)
    return EXIT_OK if report.ok else EXIT_FAILED


def _settled(outcome: BuildOutcome, args: argparse.Namespace, command: str) -> int | None:
    """The exit code when a build failed or only compared (``--check``); None when it wrote."""
    from derivations.render.report import text

    if not all(r.ok for r in outcome.results):
        print(text([r for r in outcome.results if not r.ok]), end="")
        print(f"derivations: nothing was written to {args.out}: a derivation failed.",
              file=sys.stderr)
        return EXIT_FAILED
    if not args.verify_only:
        return None
    if outcome.stale:
        print(f"{args.out} differs from what the code generates: "
              + ", ".join(outcome.stale) + f" (run 'derivations {command}')")
        return EXIT_FAILED
    print(f"{args.out} matches what the code generates ({len(outcome.results)} derivations).")
    return EXIT_OK


def _cmd_build(args: argparse.Namespace) -> int:
    from derivations.pipeline import FORMATS, build
    from derivations.progress import Progress

    formats = tuple(dict.fromkeys(args.formats or FORMATS))
    for flag, wanted in (("--pdf", args.pdf), ("--slides", args.slides)):
        if wanted and "latex" not in formats:
            print(f"derivations: error: {flag} needs the latex format (add --format latex)",
                  file=sys.stderr)
            return EXIT_USAGE
    outcome = build(args.sources, out=args.out, pdf=args.pdf, slides=args.slides,
                    verify_only=args.verify_only, cache=args.cache, formats=formats,
                    progress=Progress(), jobs=args.jobs)
    settled = _settled(outcome, args, "build")
    if settled is not None:
        return settled
    print(f"checked {len(outcome.results)} derivations; wrote {len(outcome.written)} changed "
          f"file(s) to {args.out}" + (f"; PDF: {outcome.pdf}" if outcome.pdf else "")
          + (f"; slides: {outcome.slides}" if outcome.slides else ""))
    return EXIT_OK


def _cmd_notebook(args: argparse.Namespace) -> int:
    from derivations.pipeline import notebook
    from derivations.progress import Progress

    outcome = notebook(args.sources, out=args.out, pdf=args.pdf, verify_only=args.verify_only,
                       cache=args.cache, progress=Progress(), jobs=args.jobs)
    settled = _settled(outcome, args, "notebook")
    if settled is not None:
        return settled
    print(f"checked and executed {len(outcome.results)} derivations; wrote "
          f"{len(outcome.written)} changed file(s) to {args.out}"
          + (f"; PDF: {outcome.pdf}" if outcome.pdf else ""))
    return EXIT_OK


def _cmd_watch(args: argparse.Namespace) -> int:
    from derivations import watch

    try:
        watch.run(args.sources, cache=args.cache, poll=args.poll,
                  min_evidence=args.min_evidence)
    except KeyboardInterrupt:  # the way a session ends
        print("derivations: stopped watching.", file=sys.stderr)
    return EXIT_OK


def _cmd_mutate(args: argparse.Namespace) -> int:
    from derivations import mutation

    report = mutation.run(mutation.targets(args.sources), jobs=args.jobs)
    print(report.text(verbose=args.verbose), end="")
    if not report.ok:
        return EXIT_FAILED
    if not args.sources and report.total < mutation.MINIMUM_MUTANTS:
        print(f"derivations: only {report.total} non-equivalent mutants; the hunt needs at "
              f"least {mutation.MINIMUM_MUTANTS}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": _cmd_list, "check": _cmd_check, "build": _cmd_build, "notebook": _cmd_notebook,
    "watch": _cmd_watch, "mutate": _cmd_mutate}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except BaseException as exc:
        matched = next(((code, message) for kind, code, message in EXIT_CODES
                        if isinstance(exc, kind)), None)
        if matched is None or (args.debug and isinstance(exc, Exception)):
            raise  # SystemExit and the like; with --debug, the traceback
        code, message = matched
        print(message(exc, args), file=sys.stderr)
        return code


def run() -> None:
    """The ``derivations`` command: :func:`main`, whose status is the process's. Where an
    author's code was loaded, the process ends here, without the interpreter's exit handlers:
    a hook the author's file registered (``atexit.register(os._exit, 0)``) could otherwise
    replace the status of a failed check (red-team l13). A file that ends the process itself
    while it is loaded cannot be stopped from inside; it never ends with a report either."""
    code = main()
    from derivations.loader import authors_modules

    if authors_modules(list(sys.modules)):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    raise SystemExit(code)
