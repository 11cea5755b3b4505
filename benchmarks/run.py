"""Timings of the checker, each the median of several runs in fresh processes.

    python benchmarks/run.py [--runs N] [--json FILE] [--markdown FILE] [--no-pdf]

Measures the floor (``python -c "import sympy"``); ``derivations check`` of the whole catalogue
cold (``--no-cache``; and with an empty verdict cache, which it fills) and warm (the cache
filled); ``derivations build`` without and with the PDF; ``derivations watch``, from the save of
a file of 30 derivations with one step edited to the status line of its check (median of 10
saves); the naive baseline that other step
checkers use, ``simplify(lhs - rhs) == 0``, on exactly the catalogue's equality checks, against
the canonicaliser on the same; and how the sized and sampled checks of H(p, q) = H(p) +
KL(p || q) and of softmax normalisation grow with the number of classes k. ``--markdown``
writes the table with a description of the machine (``docs/benchmarks.md``).

No timing here is asserted anywhere: this script reports, it does not judge.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PY = sys.executable
SCRIPT = str(Path(__file__).resolve())
ROOT = Path(__file__).resolve().parents[1]
SIZES = (10, 100, 1000)
IDENTITIES = ("entropy_plus_kl", "softmax_normalisation")


# -- fresh processes ----------------------------------------------------------------------------


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


FLOOR = [PY, "-c", "import sympy"]


def _median(cmd: list[str], runs: int, env: Callable[[], dict[str, str]] | None = None,
            floor: list[float] | None = None) -> dict[str, Any]:
    """The median of ``runs`` timings of ``cmd``; with ``floor``, the floor is timed before
    each run as well (a shared machine's speed drifts: the ratios compare like with like)."""
    times = []
    for _ in range(runs):
        if floor is not None:
            floor.append(_timed(FLOOR))
        times.append(_timed(cmd, env() if env else None))
    return {"median_s": statistics.median(times), "runs_s": times}


#: The warm check made to load and check every derivation (its verdicts all in the cache).
NO_REPORT = "derivations check (warm cache, stored report deleted)"


def _without_reports(cache: Path) -> dict[str, str]:
    """The environment of a check with ``cache``, whose stored whole reports are deleted first
    (``checking.store``): the check constructs every derivation and looks every step up."""
    import sqlite3

    from derivations.checking.store import FILENAME

    with sqlite3.connect(cache / FILENAME) as db:
        db.execute("DELETE FROM reports")
    return _env(cache)


def _env(cache: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if cache is not None:
        env["DERIVATIONS_CACHE_DIR"] = str(cache)
    return env


def _inner(what: list[str], timeout: float,
           env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``run.py --inner WHAT`` in a fresh process; its JSON answer, or a timeout note."""
    try:
        done = subprocess.run([PY, SCRIPT, "--inner", *what], check=True, capture_output=True,
                              text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"timeout_s": timeout}
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- derivations watch: from a save to its verdict ---------------------------------------------

#: Derivations in the file the watch benchmark edits, and saves it times.
WATCHED, SAVES = 30, 10


def watched_source(n: int = WATCHED, edit: int = 0) -> str:
    """``n`` derivations of three steps each; ``edit`` > 0 writes the first one's last step
    another true way (a different one for each ``edit``), so every save has one new step."""
    lines = ["from sympy import Symbol, exp, log",
             "from derivations import Derivation, Positive, Real, Step, rules",
             "a = Symbol('a', positive=True)", "b = Symbol('b', positive=True)",
             "x = Symbol('x', real=True)", ""]
    for i in range(n):
        c = i + 2
        last = (f"{c}*log(a*b**{edit + 1}) + {2 - (edit + 1) * c}*log(b) + x"
                if edit and i == 0 else f"{c}*log(a*b) + {2 - c}*log(b) + x")
        lines.append(f"""d{i} = Derivation(name="d{i}", title="Number {i}",
    hypotheses=(Positive(a), Positive(b), Real(x)),
    start=log(a**{c} * b**2 * exp(x)),
    steps=(Step(log(a**{c}) + log(b**2) + x, rules.log_of_product, "split the log"),
           Step({c}*log(a) + 2*log(b) + x, rules.algebra, "log of a power"),
           Step({last}, rules.algebra, "collect")))
""")
    return "\n".join(lines)


def _status(stream: Any) -> str:
    """The next status line of a watcher (the lines after it are its details)."""
    while True:
        line = stream.readline()
        if not line:
            raise RuntimeError("derivations watch ended")
        if line.startswith("["):
            return line


def watch_latency(saves: int, folder: Path, floor: list[float] | None = None) -> dict[str, Any]:
    """Save a file of :data:`WATCHED` derivations with one step edited, ``saves`` times, under a
    running ``derivations watch``; the seconds from the save to the status line of its check
    (and what the watcher reports of its own time). The floor is timed before the watcher
    starts and after it ends."""
    path = folder / "watched.py"
    path.write_text(watched_source())
    if floor is not None:
        floor.append(_timed(FLOOR))
    process = subprocess.Popen([PY, "-m", "derivations", "watch", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env=_env(folder / "cache"), bufsize=1)
    times, reported = [], []
    try:
        _status(process.stdout)  # the first check
        assert process.stdout is not None
        process.stdout.readline()  # "watching 1 file (...)"
        for edit in range(1, saves + 1):
            time.sleep(0.3)  # let the watcher settle between two saves
            began = time.perf_counter()
            path.write_text(watched_source(edit=edit))
            line = _status(process.stdout)
            times.append(time.perf_counter() - began)
            if "(1 proved again)" not in line or "ok:" not in line:
                raise RuntimeError(f"unexpected watch report: {line!r}")
            reported.append(float(line.rsplit(" in ", 1)[1].split()[0]) / 1000)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    if floor is not None:
        floor.append(_timed(FLOOR))
    return {"median_s": statistics.median(times), "runs_s": times,
            "reported_median_s": statistics.median(reported)}


# -- measured inside a fresh process ------------------------------------------------------------


def _pairs() -> list[tuple[str, Any, Any]]:
    """(label, lhs, rhs) for every equality the checker proves in the catalogue."""
    from derivations.catalogue import CATALOGUE
    from derivations.language.notation import Optimum
    from derivations.language.step import Relation

    pairs = []
    for d in CATALOGUE:
        prev = d.start
        for n, step in enumerate(d.steps, 1):
            new = step.expr
            if isinstance(prev, Optimum):
                transform = step.rule.transform
                lhs = transform(prev.objective) if transform is not None else prev.objective
                pairs.append((f"{d.name}:{n}", lhs, new.objective))
            elif step.relation is Relation.EQ:
                pairs.append((f"{d.name}:{n}", prev, new))
            prev = new
    return pairs


class _Late(Exception):
    pass


@contextmanager
def _limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise _Late

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _baseline(per_pair_limit: float = 60.0) -> dict[str, Any]:
    """The naive ``simplify(lhs - rhs) == 0`` and the canonicaliser on the same equalities."""
    from sympy import simplify

    from derivations.catalogue import CATALOGUE
    from derivations.kernel.canonical import prepare, prove_equal

    pairs = _pairs()
    facts = {d.name: d.facts for d in CATALOGUE}
    sides = [(facts[label.split(":")[0]], lhs, rhs) for label, lhs, rhs in pairs]
    naive = 0.0
    naive_proved = late = 0
    for f, lhs, rhs in sides:
        start = time.perf_counter()
        try:
            with _limit(per_pair_limit):
                naive_proved += bool(simplify(prepare(lhs, f) - prepare(rhs, f)) == 0)
        except _Late:
            late += 1
        except Exception:  # SymPy's simplify itself fails on some steps: not proved
            pass
        naive += time.perf_counter() - start
    from derivations.kernel import canonical

    canonical.prepare.cache_clear()  # type: ignore[attr-defined]  # nothing carried over
    canonical.canonical.cache_clear()  # type: ignore[attr-defined]
    start = time.perf_counter()
    ours_proved = sum(prove_equal(lhs, rhs, f) for f, lhs, rhs in sides)
    ours = time.perf_counter() - start
    return {"equalities": len(pairs), "naive_s": naive, "naive_proved": naive_proved,
            "naive_timeouts": late, "naive_limit_s": per_pair_limit,
            "canonical_s": ours, "canonical_proved": ours_proved}


def _identity(name: str, k: Any) -> tuple[Any, Any, Any]:
    from sympy import IndexedBase, Integer, Sum, Symbol, exp, log

    from derivations.language.hypotheses import Facts, Positive, Real, Size

    j, i = Symbol("j", integer=True), Symbol("i", integer=True)
    size = Symbol("k", integer=True, positive=True)
    if name == "entropy_plus_kl":
        p, q = IndexedBase("p", positive=True), IndexedBase("q", positive=True)
        lhs = -Sum(p[j] * log(q[j]), (j, 1, k))
        rhs = -Sum(p[j] * log(p[j]), (j, 1, k)) + Sum(p[j] * log(p[j] / q[j]), (j, 1, k))
        return lhs, rhs, Facts.from_hypotheses([Size(size), Positive(p[j]), Positive(q[j])])
    z = IndexedBase("z", real=True)
    lhs = Sum(exp(z[j]) / Sum(exp(z[i]), (i, 1, k)), (j, 1, k))
    return lhs, Integer(1), Facts.from_hypotheses([Size(size), Real(z[j])])


def _scaling(name: str, method: str, k: int) -> dict[str, Any]:
    """One check of one identity at k classes: ``sampled`` (one random point, each sum evaluated
    term by term), ``sized`` (the exact proof at size k, as ``prove_sized`` does at 1, 2, 3) or
    ``symbolic`` (the canonicaliser on the sums with bound k, not written out)."""
    from sympy import Integer, Symbol

    from derivations.evidence.sampling import equal, sample
    from derivations.evidence.sized import prove_sized
    from derivations.kernel.canonical import prove_equal
    from derivations.settings import DEFAULT

    size = Symbol("k", integer=True, positive=True)
    start = time.perf_counter()
    if method == "sampled":
        lhs, rhs, facts = _identity(name, Integer(k))
        out = sample(lhs, rhs, facts, equal, DEFAULT, points=1, seed=1, large=False)
        ok = out.counterexample is None and out.agreed == 1
    elif method == "sized":
        lhs, rhs, facts = _identity(name, size)
        ok = prove_sized(lhs, rhs, facts, DEFAULT.replace(sized_sizes=(k,)))
    else:
        lhs, rhs, facts = _identity(name, Integer(k))
        ok = prove_equal(lhs, rhs, facts)
    return {"seconds": time.perf_counter() - start, "ok": bool(ok)}


_PHASES = ("import sympy", "import derivations", "build the catalogue's derivations",
           "check them")
#: The phases split into parts: building (the parts named "in building") and checking.
_PARTS_OF = _PHASES[2:]
_BUILDING = "(in building)"


def _phases(cached: bool) -> dict[str, Any]:
    """Where the time of one ``derivations check`` goes, phase by phase, in this process: the
    profile behind the table's totals (without the interpreter's own start-up)."""
    clock = time.perf_counter
    start = clock()
    import sympy  # noqa: F401

    imported_sympy = clock()
    from derivations import pipeline
    from derivations.checking import grade, parts, store
    from derivations.kernel import judge
    from derivations.language.derivation import Derivation
    from derivations.loader import load

    imported = clock()
    spent: dict[str, float] = {}

    def timed(owner: Any, name: str, phase: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = clock()
            try:
                return original(*args, **kwargs)
            finally:
                spent[phase] = spent.get(phase, 0.0) + clock() - began
        setattr(owner, name, wrapper)

    timed(Derivation, "_check_declarations", f"declaration checks {_BUILDING}")
    for name in ("proves_equal", "proves_order", "transform_problem"):
        timed(judge, name, "symbolic proofs")
    timed(grade, "prove_sized", "symbolic proofs")
    timed(grade, "sample", "sampling (counterexample hunt)")
    timed(parts, "check_implementation", "reference implementations")
    timed(store.VerdictCache, "key", "cache keys and lookups")
    timed(store.VerdictCache, "code_key", "cache keys and lookups")
    timed(store.VerdictCache, "get", "cache keys and lookups")
    derivations = load(())
    built = clock()
    pipeline.check_loaded(derivations, cache=cached)
    done = clock()
    return {"import sympy": imported_sympy - start,
            "import derivations": imported - imported_sympy,
            "build the catalogue's derivations": built - imported,
            "check them": done - built, "parts": spent}


# -- the table ----------------------------------------------------------------------------------


def _machine() -> dict[str, Any]:
    import sympy

    import derivations

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"platform": platform.platform(), "cpu": cpu, "cores": os.cpu_count(),
            "python": platform.python_version(), "sympy": sympy.__version__,
            "derivations": derivations.__version__,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def _fmt(entry: dict[str, Any]) -> str:
    if "timeout_s" in entry:
        return f"> {entry['timeout_s']:g} s"
    seconds = entry.get("median_s", entry.get("seconds"))
    return f"{seconds:.3f} s"


def _compile_package() -> str:
    """Compile the package's bytecode, as installing a wheel does, so that a run does not pay
    for compiling its sources (an editable install on a machine that sets
    PYTHONDONTWRITEBYTECODE would, on every run; SymPy's bytecode is compiled at install)."""
    import importlib.util

    spec = importlib.util.find_spec("derivations")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        subprocess.run([PY, "-m", "compileall", "-q", folder], check=True, capture_output=True)
    return ", ".join(folders)


def measure(args: argparse.Namespace) -> dict[str, Any]:
    runs = args.runs
    compiled = _compile_package()
    load_before = os.getloadavg()
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        floor: list[float] = []
        rows["import sympy (floor)"] = {}  # filled in last, from every floor timing
        check = [PY, "-m", "derivations", "check", "-q"]
        rows["derivations check --no-cache (cold)"] = _median([*check, "--no-cache"], runs,
                                                              floor=floor)
        rows["derivations check --no-cache -j 1 (cold, one process)"] = _median(
            [*check, "--no-cache", "-j", "1"], runs, floor=floor)
        fresh = iter(range(10**6))
        rows["derivations check, empty cache (cold, fills it)"] = _median(
            check, runs, lambda: _env(root / f"empty-{next(fresh)}"), floor)
        warm = root / "warm"
        subprocess.run(check, check=True, capture_output=True, env=_env(warm))
        rows["derivations check (warm cache)"] = _median(check, runs, lambda: _env(warm), floor)
        rows[NO_REPORT] = _median(check, runs, lambda: _without_reports(warm), floor)
        notes = [*check, str(ROOT / "docs" / "tex" / "lecture-notes.tex")]
        rows["derivations check lecture-notes.tex (a .tex file, cold)"] = _median(
            [*notes, "--no-cache"], runs, floor=floor)
        subprocess.run(notes, check=True, capture_output=True, env=_env(warm))
        rows["derivations check lecture-notes.tex (warm cache)"] = _median(
            notes, runs, lambda: _env(warm), floor)
        build = [PY, "-m", "derivations", "build", "--out", str(root / "proofs")]
        rows["derivations build (warm cache)"] = _median(build, runs, lambda: _env(warm), floor)
        if not args.no_pdf and shutil.which("latexmk"):
            rows["derivations build --pdf (warm cache)"] = _median(
                [*build, "--pdf"], max(1, runs // 2), lambda: _env(warm), floor)
        rows[f"derivations watch: save to verdict ({WATCHED} derivations, one step edited)"] = \
            watch_latency(SAVES, root, floor)
        rows["import sympy (floor)"] = {"median_s": statistics.median(floor), "runs_s": floor}
        phases = {}
        for kind in ("cold", "warm"):  # the warm one reads the cache filled above
            samples = [_inner(["phases", kind], args.timeout * 10, _env(warm)) for _ in range(runs)]
            phases[kind] = min(samples, key=lambda p: sum(p[k] for k in _PHASES))
    baseline = _inner(["baseline"], args.timeout * 10)
    scaling: dict[str, dict[str, dict[str, Any]]] = {}
    for name in IDENTITIES:
        for method in ("sampled", "sized", "symbolic"):
            for k in args.sizes:
                samples = []
                for _ in range(args.scaling_runs):
                    samples.append(_inner(["scaling", name, method, str(k)], args.timeout))
                    if "timeout_s" in samples[-1]:  # once is enough to know
                        break
                done = [s for s in samples if "seconds" in s]
                entry = ({"median_s": statistics.median(s["seconds"] for s in done),
                          "ok": all(s["ok"] for s in done)} if len(done) == len(samples)
                         else {"timeout_s": args.timeout})
                scaling.setdefault(name, {}).setdefault(method, {})[str(k)] = entry
    return {"machine": {**_machine(), "compiled": compiled}, "load_before": load_before,
            "load_after": os.getloadavg(),
            "runs": runs, "fresh_process": rows, "phases": phases, "baseline": baseline,
            "scaling": scaling}


def table(result: dict[str, Any]) -> list[str]:
    """The report as Markdown lines (also what the terminal shows)."""
    rows, floor = result["fresh_process"], result["fresh_process"]["import sympy (floor)"]
    out = [f"Median of {result['runs']} runs, each in a fresh process; the floor is timed "
           "before every run of the others, and its median taken over all of them. Commands "
           "run with their defaults, so they check in one process per CPU (`-j`) unless the "
           "row says otherwise.", "",
           "| what | seconds | × floor |", "|---|---:|---:|"]
    watched = None
    for name, entry in rows.items():
        out.append(f"| {name} | {entry['median_s']:.3f} | "
                   f"{entry['median_s'] / floor['median_s']:.2f} |")
        if "reported_median_s" in entry:
            watched = entry
    if NO_REPORT in rows:
        out += ["", "A warm `derivations check` of the unchanged catalogue prints the report "
                "the previous one stored, without constructing a derivation; with that report "
                "deleted (after any edit of the package), it constructs every derivation and "
                "finds every step's verdict in the cache."]
    if watched is not None:
        out += ["", f"`derivations watch`: the median of {len(watched['runs_s'])} saves under "
                "one running watcher (file events), each timed from the write of the file to "
                "the status line of its check; the watcher's own figure (load again, check, "
                f"report) is {watched['reported_median_s'] * 1000:.0f} ms."]
    if "phases" in result:
        out += ["", "Where one check's time goes, phase by phase inside one process (the "
                "interpreter's start-up aside; the fastest of the runs above; `cold` is "
                "`--no-cache`, `warm` every step's verdict in the cache, no stored report):",
                "", "| phase | cold | warm |", "|---|---:|---:|"]
        cold, warm = result["phases"]["cold"], result["phases"]["warm"]
        for phase in _PHASES:
            out.append(f"| {phase} | {cold[phase]:.3f} | {warm[phase]:.3f} |")
            if phase in _PARTS_OF:
                for part in sorted(set(cold["parts"]) | set(warm["parts"])):
                    if (_BUILDING in part) == (phase == _PHASES[2]):
                        out.append(f"| &nbsp;&nbsp;of which {part.split(' (')[0]} | "
                                   f"{cold['parts'].get(part, 0.0):.3f} | "
                                   f"{warm['parts'].get(part, 0.0):.3f} |")
    b = result["baseline"]
    out += ["", f"The same {b.get('equalities', '?')} equality steps of the catalogue, in one "
            "process:", "", "| method | seconds | proves |", "|---|---:|---:|"]
    if "naive_s" in b:
        late = (f" ({b['naive_timeouts']} stopped after {b['naive_limit_s']:g} s)"
                if b["naive_timeouts"] else "")
        out.append(f"| naive `simplify(lhs - rhs) == 0` | {b['naive_s']:.3f} | "
                   f"{b['naive_proved']}{late} |")
        out.append(f"| canonicaliser (`prove_equal`) | {b['canonical_s']:.3f} | "
                   f"{b['canonical_proved']} |")
        out += ["", f"Ratio naive / canonicaliser: {b['naive_s'] / b['canonical_s']:.1f}x."]
    else:
        out.append(f"| naive `simplify(lhs - rhs) == 0` | {_fmt(b)} | ? |")
    sizes = sorted({int(k) for per in result["scaling"].values() for m in per.values()
                    for k in m})
    out += ["", "One identity at k classes (one fresh process each; sampled: one random point, "
            "each sum evaluated term by term; sized: the exact proof at size k; symbolic: the "
            "canonicaliser on the sums with bound k, not written out):", "",
            "| identity | check | " + " | ".join(f"k = {k}" for k in sizes) + " |",
            "|---|---|" + "---:|" * len(sizes)]
    for name, per in result["scaling"].items():
        for method, by_k in per.items():
            cells = []
            for k in sizes:
                entry = by_k.get(str(k), {})
                cell = _fmt(entry) if entry else "-"
                if entry.get("ok") is False:
                    cell += " (not proved)"
                cells.append(cell)
            out.append(f"| {name.replace('_', ' ')} | {method} | {' | '.join(cells)} |")
    return out


def markdown(result: dict[str, Any]) -> str:
    m = result["machine"]
    cores = m["cores"] or 1
    loaded = max(result["load_before"][0], result["load_after"][0]) > 0.5 * cores
    load = ", ".join(f"{x:.2f}" for x in result["load_before"])
    lines = [
        "# Benchmarks", "",
        "How long checking takes, measured by `python benchmarks/run.py --markdown "
        "docs/benchmarks.md` (this page is that script's output; run it again on your machine "
        "to compare). The floor is the time Python takes to import SymPy: no SymPy command can "
        "start faster.", "",
        *table(result), "",
        "## The machine", "",
        f"- {m['platform']}, {m['cpu']}, {m['cores']} cores",
        f"- Python {m['python']}, SymPy {m['sympy']}, derivations {m['derivations']} (its "
        "bytecode compiled first, as installing a wheel does)",
        f"- measured {m['date']}; load average before: {load}"
        + (" (the machine was busy with other work, so the figures are high)" if loaded else ""),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per timing")
    parser.add_argument("--scaling-runs", type=int, default=3)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                        default=list(SIZES), help="numbers of classes (default: 10,100,1000)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds before one scaling measurement is given up")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF build")
    parser.add_argument("--json", type=Path, help="also write every measurement to FILE")
    parser.add_argument("--markdown", type=Path,
                        help="also write the table and the machine to FILE")
    parser.add_argument("--watch-only", action="store_true",
                        help="measure only the floor and derivations watch's save to verdict")
    parser.add_argument("--inner", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.watch_only:
        floor: list[float] = []
        with tempfile.TemporaryDirectory() as tmp:
            entry = watch_latency(SAVES, Path(tmp), floor)
        for _ in range(args.runs):
            floor.append(_timed(FLOOR))
        low = statistics.median(floor)
        print(f"import sympy (floor): {low:.3f} s; derivations watch, save to verdict: "
              f"{entry['median_s']:.3f} s = {entry['median_s'] / low:.2f}x the floor (the "
              f"watcher's own figure {entry['reported_median_s'] * 1000:.0f} ms); saves: "
              + ", ".join(f"{t * 1000:.0f}" for t in entry["runs_s"]) + " ms")
        return
    if args.inner:
        what, *rest = args.inner
        if what == "baseline":
            answer = _baseline()
        elif what == "phases":
            answer = _phases(rest[0] == "warm")
        else:
            answer = _scaling(rest[0], rest[1], int(rest[2]))
        print(json.dumps(answer))
        return
    result = measure(args)
    print("\n".join(table(result)))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    if args.markdown:
        args.markdown.write_text(markdown(result))


if __name__ == "__main__":
    main()
