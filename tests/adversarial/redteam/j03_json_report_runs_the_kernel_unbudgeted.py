"""Red-team round 9: ``derivations check --json -`` never answers (or answers with no JSON and
no derivation named) for a file whose text check ends in a second.

The JSON report carries a digest of every step's canonical form (render/report.py
``_step_json`` -> checking/digest.py ``canonical_sha256`` -> kernel/canonical.py
``canonical``). That digest is computed *after* checking, by the renderer, outside the step's
time budget (checking/grade.py ``check_step`` wraps only the check in ``time_limit`` and in its
``except Exception``), on an expression the check itself never canonicalised: an inequality
step is proved on the *difference* of its sides (kernel/judge.py ``proves_order`` ->
``is_nonnegative(high - low)``), and a failing step is refuted by sampling alone.

Here the step says X^60 <= X^60 - y^2 with X = a + b + ... + v (ten reals); SymPy subtracts the
two sides to -y^2 at once, which the kernel cannot prove non-negative, and the sampler refutes
it (e.g. at y = 1 and every other symbol 0: 0 <= -1 is false). So

    python -m derivations check --no-cache j03_....py          # FAILED in about 2 s, exit 1
    python -m derivations check --no-cache --json - j03_....py  # runs on: canonical(X^60 - y^2)
                                                                # expands ~5e10 terms; no JSON

(the same for the true step X^60 <= X^60 + y^2, accepted ``symbolic`` in 2 s by the text check;
--json FILE writes nothing either). Killed after 100 s in the red team's run, still expanding.

A variant without the hang: a ``Definition`` of f with one argument, applied as f(a, b). The
arity audit (language/derivation.py ``_check_ranks``) does not record a Definition's arity
(``_hypothesis_expressions`` reads no ``function``/``formula``), so the derivation loads; the
text check reports the step UNDECIDED ("the engine cannot check this step (BadArgumentsError:
Lambda(t, t**2) takes exactly 1 argument (2 given))", naming the derivation and the step), but
with ``--json -`` the renderer's ``canonical`` raises again, outside ``check_step``'s handler:
standard output stays empty and standard error says only "derivations: error:
BadArgumentsError: ..." with no derivation or step named.

Route: output integrity (``--json -`` writes only JSON; "never a bare exception", issue 14),
class 7's budget. Grade: n/a (the text check FAILs the step, correctly).

Root cause: render/report.py ``_step_json`` calls checking/digest.py ``canonical_sha256`` on
every step outside ``time_limit`` and outside the checker's exception handling. Compute the
digest inside ``check_step`` (under the budget, recorded in the StepResult), or emit null when
it cannot be computed within the budget.
"""
from sympy import Add, symbols

from derivations import Derivation, Real, Relation, Step, rules

summands = symbols("a b c d e f g h u v", real=True)
y = symbols("y", real=True)
power = Add(*summands) ** 60

j03_json_report_runs_the_kernel_unbudgeted = Derivation(
    name="j03_json_report_runs_the_kernel_unbudgeted",
    title="Taking a square away does not decrease",
    hypotheses=(*(Real(s) for s in summands), Real(y)),
    start=power,
    steps=(Step(power - y ** 2, rules.inequality, "take a square away",
                relation=Relation.LE),),
)
