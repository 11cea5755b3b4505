"""A cache that trusts its writer, through the engine's runtime state: the integrity check
(checking/integrity.py) compares every module-level constant of the checking code with its value
at ``baseline``, except the containers listed in ``_STATE`` as state that changes while checking
runs. ``derivations.kernel.binders._bound_cache`` is one of them (the snapshot records only its
identity), yet it decides every proof: it names the canonical bound variable of each nesting
depth (``bound_symbol``). A file that sets ``_bound_cache[0]`` to an author's free symbol ``j``
makes ``rename_bound`` rename every outermost summation variable to ``j``, capturing the free
``j`` in the body. Kernel and sampler both ``prepare`` through the same renaming, so the
cross-check agrees; the process counts as untampered and its verdicts are stored under honest
keys. Once the patch is gone, the cache still answers ``ok``.

Claimed (symbolic, from the cache): for a size k, 1 <= j <= k and real x_l,
sum_{i=1}^{k} x_i j = sum_{i=1}^{k} x_i i.
False at k = 2, j = 1, x_1 = x_2 = 1: the left side is 2, the right side is 3.

Reproduce (the patch runs only when F05_POISON is set, so importing this file is harmless):

    export DERIVATIONS_CACHE_DIR=/tmp/f05cache
    F05_POISON=1 python -m derivations check tests/adversarial/redteam_open/f05_*.py   # stores it
    python -m derivations check tests/adversarial/redteam_open/f05_*.py   # no patch: "symbolic"
    python -m derivations check --no-cache tests/adversarial/redteam_open/f05_*.py  # FAILED

Other runtime state excluded the same way may be worth a look: ``checking.key._TEXTS`` (the
file texts the key digests), the ``functools.lru_cache`` memos of ``canonical``/``prepare``.

Closed: once an author's code has run (a file loaded, a reference implementation called, a
step with the author's own classes checked) every memo of the checking code is emptied
(integrity.forget), so nothing written into one survives into a verdict.
"""
import os

from sympy import IndexedBase, Sum, Symbol

from derivations import Derivation, IndexRange, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
i = Symbol("i", integer=True)
l = Symbol("l", integer=True)
x = IndexedBase("x", real=True)

if os.environ.get("F05_POISON"):
    from derivations.kernel import binders as _binders

    _binders._bound_cache[0] = j  # runtime state the integrity check does not compare

f05 = Derivation(
    name="f05_cache_poison_bound_cache",
    title="A weighted sum",
    hypotheses=(Size(k), IndexRange(j, 1, k), Real(x[l])),
    start=Sum(x[i] * j, (i, 1, k)),
    steps=(Step(Sum(x[i] * i, (i, 1, k)), rules.algebra, "the weight is the index"),),
)
