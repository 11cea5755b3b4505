"""A reference implementation is called inside the checking process, and only ``Exception`` is
caught around it (evidence/code.py): a function that raises ``SystemExit(0)`` (or calls a bare
``exit()``) ends ``derivations check`` at once with status 0, no report and no JSON, although the
derivation's step is false.

False claim: log(a a) = 3 log a for a > 0 (at a = e: 2 != 3). `derivations check` prints
nothing and exits 0, also with ``-j 2`` and ``--json -``.
"""
from sympy import Symbol, log

from derivations import Derivation, Implementation, Positive, Step, rules

a = Symbol("a", positive=True)


def log_square(a):
    exit()  # a script habit; raises SystemExit(None): status 0


c05 = Derivation(
    name="c05_implementation_exits_zero",
    title="The log of a square",
    hypotheses=(Positive(a),),
    start=log(a * a),
    steps=(Step(3 * log(a), rules.algebra, "log of a square"),),
    implementations=(Implementation(log_square, equals="start", a=a),),
)
