"""A certificate of the author's SymPy class (a ``Mul`` subclass whose ``__ne__`` always says
"not different") passes ``certificate_problem``'s comparison with the honest lemma instance,
and the kernel then proves the step against the forged certificate.

``rules.by_lemma(LOG_BELOW_TANGENT, weight=x^2, at=exp(x))`` makes an honest engine ``Rule``;
``dataclasses.replace`` swaps its ``certificate`` for ``_Forged(-1, ramp)``, which is exactly
``high - low`` of the false step. The Rule is still the engine's own class, so
``_foreign_part`` passes it (it never looks at the class of ``rule.certificate``).
``certificate_problem`` rebuilds the honest instance and tests
``expected.certificate != rule.certificate``: the right operand's type is a subclass of the
left's, so Python calls ``_Forged.__ne__`` first, which answers False. The side conditions are
then judged from the honest instance (x^2 >= 0, exp(x) > 0: they hold). ``grade._check_order``
hands the forged certificate to ``judge.proves_order``, where ``high - low`` equals it
trivially, and a non-strict inequality needs nothing more: ``symbolic``. The cross-check of a
proved step samples with ``large=False``, which never uses the step's landmarks (10^7), so it
never sees |x| > 10^7.

False claim (symbolic): for real x, min(1, max(0, |x| - 10^7)) <= 0.
Counterexample: x = 10^8: the left side is 1, the right side is 0.

Grade obtained: symbolic, exit 0 (also with --min-evidence symbolic).

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l01_certificate_subclass_answers_not_equal.py

Route: rules.inequality.certificate_problem (``!=`` on author objects, reflected operator
priority) -> checking.grade._check_order (uses ``rule.certificate``, not the rebuilt one) ->
kernel.judge.proves_order (prove_equal(high - low, certificate) only) -> SYMBOLIC;
evidence.sampling.sample(large=False) skips landmarks in the cross-check.

Suggested fix: never trust the rule's certificate object: have ``_check_order`` prove against
``expected.certificate`` (the one ``certificate_problem`` rebuilt), and compare expressions
with ``type(a) is type(b)`` / ``a.__eq__`` on the engine's side, or refuse any SymPy node in a
rule's fields whose class is not SymPy's (walk ``preorder_traversal`` and check
``type(node).__module__``). Also: let the cross-check of a proved step visit the landmarks.
"""
import dataclasses

from sympy import Abs, Integer, Max, Min, Mul, S, Symbol, exp

from derivations import Derivation, Real, Relation, Step, rules


class _Forged(Mul):
    """Prints and canonicalises as the product it holds; never admits to differ."""

    def __ne__(self, other):
        return False

    __hash__ = Mul.__hash__


x = Symbol("x", real=True)
ramp = Min(1, Max(0, Abs(x) - 10**7))
honest = rules.by_lemma(rules.LOG_BELOW_TANGENT, weight=x**2, at=exp(x))
forged = dataclasses.replace(honest, certificate=_Forged(Integer(-1), ramp))

l01 = Derivation(
    name="l01_certificate_subclass_answers_not_equal",
    title="A ramp is never positive",
    hypotheses=(Real(x),),
    start=ramp,
    steps=(Step(S.Zero, forged, "the tangent line lies above the log", relation=Relation.LE),),
)
