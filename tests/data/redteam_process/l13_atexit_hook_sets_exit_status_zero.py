"""The author's module registers ``atexit.register(os._exit, 0)``. The check runs and prints
the honest report, "FAILED", and the command line then ends with ``sys.exit(1)``; at
interpreter shutdown the hook runs ``os._exit(0)``, which replaces the status: the process
exits 0. CI that trusts the exit status (``derivations check`` in a pipeline, ``--json``
consumers that only look at the status) passes a false derivation. The round-8 fix for c06
turns ``SystemExit`` raised while loading into a ``LoadError``; ``os._exit`` cannot be caught
(at import it ends the process at once with status 0 and no report or JSON at all: seen
too), and an atexit hook runs after every check the CLI makes.

False claim: for a > 0, log(a a) = 3 log a (the report says FAILED; the status says ok).
Counterexample: a = e: the left side is 2, the right side is 3.

Grade obtained: step FAILED in the report, exit status 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l13_atexit_hook_sets_exit_status_zero.py; echo $?

Route: loader._run (the author's module runs in the checker's process) -> cli exits with 1 ->
atexit -> os._exit(0).

Suggested fix: the status must be decided where the author's code never ran: load and check in
a child process (fork or subprocess) that sends the results back, and let the parent, which ran
no author code, print the report and choose the status (a child that dies or exits early is a
LoadError, status 2). Short of that, call ``os._exit(status)`` from the CLI itself after
flushing its output, so no hook runs after the decision (this does not help against
``os._exit(0)`` at import).
"""
import atexit
import os

from sympy import Symbol, log

from derivations import Derivation, Positive, Step, rules

a = Symbol("a", positive=True)

l13 = Derivation(
    name="l13_atexit_hook_sets_exit_status_zero",
    title="The log of a square",
    hypotheses=(Positive(a),),
    start=log(a * a),
    steps=(Step(3 * log(a), rules.algebra, "log of a square"),),
)

atexit.register(os._exit, 0)
