"""The mutation harness: build wrong variants of every step and every reference implementation,
judge each one with the checker, and sort the outcomes.

The step operators are in :mod:`derivations.mutation.rules`, the code operators in
:mod:`derivations.mutation.code`; each mutant goes to
:func:`~derivations.checking.grade.check_step` or
:func:`~derivations.evidence.code.check_implementation` under the given
:class:`~derivations.settings.CheckSettings`. A mutant that is in fact still correct (an
equivalent mutant) is recognised by proof, never by hand (:func:`equivalence`).
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
import warnings
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sympy import Basic

from derivations.checking.grade import check_step
from derivations.evidence.code import check_implementation
from derivations.kernel import order
from derivations.kernel.canonical import prove_equal
from derivations.kernel.positivity import is_nonnegative
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Facts
from derivations.language.notation import Optimum
from derivations.language.results import Evidence, Status, StepResult
from derivations.language.step import Step
from derivations.loader import catalogue, load
from derivations.mutation.code import code_changes, implementation_sites, mutant_implementation
from derivations.mutation.rules import Change, Site, changes
from derivations.settings import DEFAULT, CheckSettings

#: The evidence the catalogue is held to (``derivations check --min-evidence symbolic``): a
#: mutant graded weaker is rejected under it, and listed apart from the outright kills.
POLICY = Evidence.SYMBOLIC
#: Below this many non-equivalent mutants the run does not count as a hunt.
MINIMUM_MUTANTS = 200


@dataclass(frozen=True)
class Outcome:
    """What happened to one mutant (plain strings, so that worker processes can return it)."""

    where: str
    operator: str
    detail: str
    verdict: str  # "killed", "policy", "undecided", "survived", "equivalent" or "crashed"
    reason: str
    seconds: float = 0.0

    def line(self) -> str:
        return f"{self.where} [{self.operator}] {self.detail}: {self.reason}"


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def _with(self, *verdicts: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.verdict in verdicts]

    @property
    def killed(self) -> list[Outcome]:
        return self._with("killed", "undecided", "policy")

    @property
    def survivors(self) -> list[Outcome]:
        return self._with("survived")

    @property
    def crashed(self) -> list[Outcome]:
        return self._with("crashed")

    @property
    def equivalent(self) -> list[Outcome]:
        return self._with("equivalent")

    @property
    def total(self) -> int:
        """M: the mutants that are not equivalent."""
        return len(self.killed) + len(self.survivors)

    @property
    def ok(self) -> bool:
        return not self.survivors and not self.crashed

    def summary(self) -> str:
        notes = []
        policy, undecided = len(self._with("policy")), len(self._with("undecided"))
        if policy:
            notes.append(f"{policy} rejected only by the {POLICY.value!r} evidence policy")
        if undecided:
            notes.append(f"{undecided} undecided")
        extra = f" ({'; '.join(notes)})" if notes else ""
        return f"killed {len(self.killed)} of {self.total}{extra}"

    def text(self, *, verbose: bool = False) -> str:
        lines = []
        if verbose:
            lines += ["killed:", *(f"  {o.line()}" for o in self._with("killed"))]
            lines += ["undecided (not accepted):", *(f"  {o.line()}" for o in
                                                     self._with("undecided"))]
        policy = self._with("policy")
        lines.append(f"rejected only by the evidence policy ({len(policy)}): the checker found no "
                     f"counterexample and no proof, and graded them below {POLICY.value!r}:")
        lines += [f"  {o.line()}" for o in policy]
        lines.append(f"equivalent mutants, excluded ({len(self.equivalent)}), each with its proof:")
        lines += [f"  {o.line()}" for o in self.equivalent]
        lines.append(f"survivors ({len(self.survivors)}): wrong steps the checker accepted:")
        lines += [f"  {o.line()}" for o in self.survivors]
        if self.crashed:
            lines.append(f"crashes ({len(self.crashed)}): the checker raised instead of judging:")
            lines += [f"  {o.line()}" for o in self.crashed]
        lines.append(f"{self.summary()} [{len(self.outcomes)} mutants in {self.seconds:.1f} s]")
        return "\n".join(lines) + "\n"


def sites(derivations: Sequence[Derivation]) -> list[Site]:
    """Every step of every derivation, with the expression it follows from."""
    out = []
    for d in derivations:
        prev = d.start
        for index, step in enumerate(d.steps, 1):
            out.append(Site(d, index, prev))
            prev = step.expr
    return out


def _body(e: Basic) -> Basic:
    return e.objective if isinstance(e, Optimum) else e


def _same_kind(a: Basic, b: Basic) -> bool:
    """Both plain expressions, or optimiser sets of one sense over one variable."""
    if isinstance(a, Optimum) and isinstance(b, Optimum):
        return type(a) is type(b) and a.variable == b.variable
    return not isinstance(a, Optimum) and not isinstance(b, Optimum)


def equivalence(site: Site, change: Change, verdict: StepResult) -> str | None:
    """The proof that ``change`` is still a correct step, or None when it is not equivalent."""
    original, facts = site.step, change.facts
    if change.kind == "expr":
        if _same_kind(change.step.expr, original.expr) and prove_equal(
                _body(change.step.expr), _body(original.expr), facts):
            return "equivalent: proved equal to the original expression under the same hypotheses"
        return _still_implied(original, change, facts)
    if change.kind == "relation":
        relation = change.step.relation
        if relation is not None and not relation.strict and prove_equal(
                _body(change.prev), _body(change.step.expr), facts):
            return "equivalent: the two sides are proved equal, so both orders hold"
        return None
    if change.kind == "hypothesis":
        if verdict.ok and verdict.evidence is Evidence.SYMBOLIC:
            return ("equivalent: the step still proves symbolically without this hypothesis, so "
                    "its proof does not use it")
        return None
    return None


def _still_implied(original: Step, change: Change, facts: Facts) -> str | None:
    """For an inequality step, a new side moved further in the safe direction: the original
    step and ``new <= new'`` (or ``>=``), proved (term by term, or by structure: a sum that
    gained a non-negative term), imply the mutant."""
    relation = original.relation
    if relation is None or not relation.direction or change.step.relation is not relation:
        return None
    old, new = original.expr, change.step.expr
    gap = new - old if relation.direction == "up" else old - new
    low, high = (old, new) if relation.direction == "up" else (new, old)
    if is_nonnegative(gap, facts) or order.proves_le(low, high, facts, strict=False):
        sign = ">=" if relation.direction == "up" else "<="
        return (f"still correct: implied by the original step, since the new side {sign} the "
                "original one is proved")
    return None


def judge(site: Site, change: Change, seed: int,
          settings: CheckSettings = DEFAULT) -> Outcome:
    """Check one mutant and classify it."""
    where = f"{site.derivation.name} step {site.index}"
    verdict = check_step(site.index, change.prev, change.step, change.facts, settings,
                         seed=seed)
    proof = equivalence(site, change, verdict)
    if proof is not None:
        return Outcome(where, change.operator, change.detail, "equivalent", proof)
    if verdict.ok:
        grade = verdict.evidence.value if verdict.evidence else "?"
        if verdict.evidence is not None and not verdict.evidence.at_least(POLICY):
            return Outcome(where, change.operator, change.detail, "policy",
                           f"not proved: graded {grade!r} ({verdict.reason}), below the "
                           f"{POLICY.value!r} evidence the catalogue is held to")
        return Outcome(where, change.operator, change.detail, "survived",
                       f"ACCEPTED [{grade}] {verdict.reason}".rstrip())
    status = "undecided" if verdict.status is Status.UNDECIDED else "killed"
    return Outcome(where, change.operator, change.detail, status, verdict.reason)


@dataclass(frozen=True)
class _Batch:
    """One run's work: the step sites, then the code sites, and the settings of every check.
    Set before the workers fork, so that they inherit it instead of receiving it pickled."""

    sites: list[Site]
    code_sites: list[tuple[Derivation, int]]
    settings: CheckSettings


_BATCH = _Batch([], [], DEFAULT)


def _judge_site(site: Site, settings: CheckSettings) -> list[Outcome]:
    out = []
    for n, change in enumerate(changes(site)):
        seed = zlib.crc32(f"{site.derivation.name}:{site.index}:{n}".encode())
        start = time.perf_counter()
        try:
            out.append(replace(judge(site, change, seed, settings),
                               seconds=time.perf_counter() - start))
        except Exception as exc:  # a crash is a defect of its own: reported, never hidden
            where = traceback.extract_tb(exc.__traceback__)[-1]
            out.append(Outcome(f"{site.derivation.name} step {site.index}", change.operator,
                               change.detail, "crashed",
                               f"{type(exc).__name__}: {exc} ({where.filename}:{where.lineno})"))
    return out


def _judge_code_site(d: Derivation, n: int, settings: CheckSettings) -> list[Outcome]:
    """Every mutant of reference implementation ``n`` (from 1) of ``d``, against its
    expression."""
    impl = d.implementations[n - 1]
    where = f"{d.name} code {impl.name}"
    out = []
    for number, change in enumerate(code_changes(impl.function)):
        seed = zlib.crc32(f"{d.name}:code{n}:{number}".encode())
        start = time.perf_counter()
        try:
            with warnings.catch_warnings():  # a mutant dividing by zero in NumPy is expected
                warnings.simplefilter("ignore", RuntimeWarning)
                verdict = check_implementation(mutant_implementation(impl, change), d,
                                               settings, seed=seed)
        except Exception as exc:  # a crash is a defect of its own: reported, never hidden
            out.append(Outcome(where, change.operator, change.detail, "crashed",
                               f"{type(exc).__name__}: {exc}"))
            continue
        if verdict.ok:
            status, reason = "survived", f"ACCEPTED {verdict.reason}"
        else:
            status = "undecided" if verdict.status is Status.UNDECIDED else "killed"
            reason = verdict.reason + (f"; {verdict.mismatch()}" if verdict.counterexample
                                       else "")
        out.append(Outcome(where, change.operator, change.detail, status, reason,
                           time.perf_counter() - start))
    return out


def _judge(position: int) -> list[Outcome]:
    """Position ``n`` is the n-th step site of the batch, then the code sites follow."""
    batch = _BATCH
    if position < len(batch.sites):
        return _judge_site(batch.sites[position], batch.settings)
    return _judge_code_site(*batch.code_sites[position - len(batch.sites)], batch.settings)


def run(derivations: Sequence[Derivation], *, jobs: int = 1, code: bool = True,
        settings: CheckSettings = DEFAULT) -> Report:
    """Mutate every step of ``derivations`` and, with ``code``, every reference implementation,
    and judge every mutant under ``settings`` (in ``jobs`` processes; the same report)."""
    global _BATCH
    start = time.perf_counter()
    _BATCH = _Batch(sites(derivations),
                    implementation_sites(list(derivations)) if code else [], settings)
    positions = range(len(_BATCH.sites) + len(_BATCH.code_sites))
    try:
        if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                parts = pool.map(_judge, positions, chunksize=1)
        else:
            parts = [_judge(p) for p in positions]
    finally:
        _BATCH = _Batch([], [], DEFAULT)  # no derivation kept alive past the run
    report = Report([o for part in parts for o in part])
    report.seconds = time.perf_counter() - start
    return report


def targets(sources: Sequence[str] = ()) -> list[Derivation]:
    """The derivations ``sources`` name (catalogue names, Python files, dotted modules; the
    whole catalogue when empty), as ``derivations check`` loads them, less the catalogue
    entries they only cite: those are mutated when named."""
    if not sources:
        return catalogue()
    shipped = {id(d) for d in catalogue()}
    return [d for d in load(sources) if id(d) not in shipped or d.name in sources]
