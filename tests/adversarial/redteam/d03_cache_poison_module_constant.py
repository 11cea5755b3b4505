"""A cache that trusts its writer, again: the integrity check (checking/integrity.py
``tampered``/``module_problem``) compares only the functions, classes, methods and
``from``-imports of each verdict module with its source file. A module-level *constant* is
not compared, so rebinding one is not seen: ``snapshot`` changes, ``tampered()`` finds
nothing, the new snapshot is trusted and the verdicts are stored under honest keys.

The constant rebound here is ``canonical._ROUGH``, the tuple of functions through which no
derivative is carried out (|x| has no derivative at 0). Without ``Abs`` in it, SymPy's rule
d|x|/dx = sign(x) is "proved" ``symbolic`` and stored.

Claimed (symbolic, from the cache): for real x, d|x|/dx = sign(x). False at x = 0: |x| has no
derivative there (one-sided derivatives -1 and +1), while sign(0) = 0.

Reproduce (the patch runs only when D03_POISON is set, so importing this file is harmless):

    export DERIVATIONS_CACHE_DIR=/tmp/d03cache
    D03_POISON=1 python -m derivations check tests/adversarial/redteam/d03_*.py   # stores it
    python -m derivations check tests/adversarial/redteam/d03_*.py   # no patch: "symbolic"
    python -m derivations check --no-cache tests/adversarial/redteam/d03_*.py  # "sampled"

Other module constants that change verdicts the same way: ``canonical._ROUNDS``,
``sums._EXPLICIT_TERMS``, ``prose.MATH_COMMANDS``; and any class attribute (``Argmin.sense``).

Closed: the integrity check compares every module-level value and class attribute of the
checking code (by identity, and a table's members) with what it was when the loader first
imported it, before any author's code ran; and the honest check refutes the claim at x = 0.
"""
import os

from sympy import Abs, Derivative, Symbol, sign

from derivations import Derivation, Real, Step, rules

if os.environ.get("D03_POISON"):
    import derivations.kernel.canonical as _canonical

    _canonical._ROUGH = tuple(f for f in _canonical._ROUGH if f is not Abs)

x = Symbol("x", real=True)

d03 = Derivation(
    name="d03_cache_poison_module_constant",
    title="The derivative of an absolute value",
    hypotheses=(Real(x),),
    start=Derivative(Abs(x), x),
    steps=(Step(sign(x), rules.algebra, "differentiate"),),
)
