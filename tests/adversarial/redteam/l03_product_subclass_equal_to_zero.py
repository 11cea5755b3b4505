"""A product of the author's class (a ``Mul`` subclass whose ``__eq__`` answers True to
everything) stands in the start expression. The declaration audit refuses author classes of
``Symbol`` and of ``Function`` only (``Derivation._check_vocabulary``); a subclass of ``Mul``,
``Add`` or ``Pow`` passes, prints as the product it holds, and keeps its class through the
kernel's rewrites (``Mul.flatten`` builds ``cls``). ``canonical.reduces_to_zero`` then starts
with ``if difference == 0: return True``: the difference of the canonical forms is the
author's object, and it says it is 0.

The cross-check of a proved step samples small magnitudes only (``sample(large=False)``, no
landmarks), so the value 2 at |x| > 10^7 is never seen. (A hunt would see it: the same step
without the subclass fails with a counterexample at x = -10^8.)

False claim (symbolic): for real x, 2 min(1, max(0, |x| - 10^7)) = 0.
Counterexample: x = 10^8: the left side is 2, the right side is 0.

Grade obtained: symbolic, exit 0 (also with --min-evidence symbolic).

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l03_product_subclass_equal_to_zero.py

Route: language.derivation._check_vocabulary (no check of the classes of Mul/Add/Pow nodes) ->
kernel.canonical.canonical (the node survives expand) -> canonical.reduces_to_zero
(``difference == 0`` asks the author's ``__eq__``) -> judge.proves_equal -> SYMBOLIC;
evidence.sampling.sample(large=False) skips landmarks in the cross-check.

Suggested fix: refuse every node of every expression a derivation carries (start, steps,
rules' transforms, certificates, mappings, definitions, hypotheses) whose class is not one of
SymPy's or the engine's own (``type(node).__module__`` under ``sympy.`` or the engine's
notation classes, recorded by ``seal``); and in the kernel compare with ``is S.Zero`` /
``type(d) is Integer`` rather than ``==``.
"""
from sympy import Abs, Integer, Max, Min, Mul, S, Symbol

from derivations import Derivation, Real, Step, rules


class _Zeroish(Mul):
    """Prints as the product it holds; equal to anything it is compared with."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = Mul.__hash__


x = Symbol("x", real=True)
ramp = Min(1, Max(0, Abs(x) - 10**7))

l03 = Derivation(
    name="l03_product_subclass_equal_to_zero",
    title="A ramp vanishes",
    hypotheses=(Real(x),),
    start=_Zeroish(Integer(2), ramp),
    steps=(Step(S.Zero, rules.algebra, "it vanishes"),),
)
