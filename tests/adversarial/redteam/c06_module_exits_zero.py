"""A derivation file is imported inside the checking process and ``SystemExit`` is not turned
into a ``LoadError`` (loader.py): a module that ends with ``raise SystemExit(0)`` makes
``derivations check FILE`` exit 0 with no output at all, whatever its derivations claim.

False claim: log(a a) = 3 log a for a > 0 (at a = e: 2 != 3).
"""
from sympy import Symbol, log

from derivations import Derivation, Positive, Step, rules

a = Symbol("a", positive=True)

c06 = Derivation(
    name="c06_module_exits_zero",
    title="The log of a square",
    hypotheses=(Positive(a),),
    start=log(a * a),
    steps=(Step(3 * log(a), rules.algebra, "log of a square"),),
)

raise SystemExit(0)
