"""The author's module, while it is loaded, finds the checker's own ``VerdictCache`` object
(``gc.get_objects()``) and calls its public ``put`` with an "ok, symbolic" verdict under the
key of its own false step. Nothing is written to the database while the file runs, so the
seal (``VerdictCache.seal`` / ``verify``, the round-10 fix for k03) sees no new row. The
verdict waits in ``_pending``: the same run's lookup (``VerdictCache._read`` reads
``_pending`` first) serves it, so the false step is accepted at once; then ``flush`` signs it
with the secret and writes it as the checker's own row (``_written``), which ``verify``
accepts. Every later run, of any file with this step, even one with no such code, is served
the signed verdict.

This is the plain command line: the cache is on by default.

False claim (symbolic): for real x, (x + 1)^2 = x^2 + 1.
Counterexample: x = 1: the left side is 4, the right side is 2.

Grade obtained: symbolic, exit 0, with the default cache (and later, from the cache, for a
clean file stating the same step).

    DERIVATIONS_CACHE_DIR=$(mktemp -d) python -m derivations check tests/adversarial/redteam_round11/l07_pending_verdict_put_through_the_checkers_cache.py

(Reproduced: after that, a file holding only the same Derivation, checked with the same
DERIVATIONS_CACHE_DIR, prints "symbolic" and exits 0; with --no-cache it fails at once.)

Route: author's module-level code -> gc -> VerdictCache.put (public, unauthenticated caller)
-> checking.grade._check_step -> VerdictCache.get -> _read (``_pending``) -> SYMBOLIC;
checking.parts.check_parts -> VerdictCache.flush (signs and records as written by the
checker) -> pipeline.check -> verify passes.

Suggested fix: the seal must also cover what is pending: snapshot ``_pending`` (empty) when
sealing and refuse/discard anything added to it that the checker did not compute (keep the
pending verdicts keyed by a nonce the grading code alone holds, or have ``check_step`` return
the verdict and only the pipeline, after ``verify``, put it); better, check the author's code in
a child process that has no handle on the parent's cache at all, as the round-10 notes said.
"""
import gc

from sympy import Symbol

from derivations import Derivation, Real, Step, rules
from derivations.checking.parts import step_seed
from derivations.checking.store import Verdict, VerdictCache
from derivations.settings import DEFAULT

x = Symbol("x", real=True)

l07 = Derivation(
    name="l07_pending_verdict_put_through_the_checkers_cache",
    title="Expanding a square",
    hypotheses=(Real(x),),
    start=(x + 1) ** 2,
    steps=(Step(x**2 + 1, rules.algebra, "the square is expanded"),),
)

for _cache in [o for o in gc.get_objects() if isinstance(o, VerdictCache)]:
    _step = l07.steps[0]
    _key = _cache.key(l07.start, _step, l07.facts, step_seed(l07.start, _step), DEFAULT)
    if _key is not None:
        _cache.put(_key, Verdict("symbolic", "", ("symbolic", "sampled")))
