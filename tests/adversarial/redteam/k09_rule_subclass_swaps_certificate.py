"""A Rule of the author's class (a subclass of ``rules.Rule``) shows one certificate to the
checks that decide whether a certificate can be trusted and another to the prover.
``certificate_problem`` (rules/inequality.py) rebuilds the lemma instance from ``rule.instance``
and compares it with ``rule.certificate``: it reads the honest certificate 1 * slack(2). But
``checking.grade._check_order`` has already read ``rule.certificate`` into a local variable before
that test, and hands that first value to ``judge.proves_order``, which then only has to prove
"larger - smaller = certificate" and, for a non-strict step, trusts its sign. A property that
answers the prover's frame with exactly ``end - start`` proves any inequality. Nothing refuses a
rule whose class is not the engine's: ``Step.__post_init__`` checks ``isinstance(rule, Rule)``.
(Such a step is uncacheable, ``key._class``, but it is checked and accepted all the same.)

False claim (symbolic): for real x,  min(1, max(0, |x| - 10^7)) <= 0.
Counterexample: x = 10^8: the left side is 1, the right side is 0.
(The cross-check of a proved step samples only 2 points, near the usual magnitudes.)

Grade obtained: symbolic, exit 0; also with --jobs 2, the cache on, and --json - ("ok": true).

    python -m derivations check --no-cache tests/adversarial/redteam_round10/k09_rule_subclass_swaps_certificate.py

Route: grade._check_order: ``certificate = v.step.rule.certificate`` (forged value) ->
inequality.certificate_problem (reads the honest value: passes) -> judge.proves_order(...,
certificate=<forged>) -> prove_equal(high - low, high - low) -> SYMBOLIC.

Suggested fix: refuse any Rule whose type is not exactly ``Rule`` (and Step, Lemma, Hypothesis
subclasses: k10, k11); and in ``_check_order`` take the certificate that ``certificate_problem``
rebuilt (return it from there) rather than the rule's own attribute, so that what is validated
is what is proved.
"""
import sys
from dataclasses import fields

from sympy import Abs, Integer, Max, Min, Symbol

from derivations import Derivation, Real, Relation, Step, rules
from derivations.language.rule import Rule

x = Symbol("x", real=True)

_start = Min(1, Max(0, Abs(x) - 10**7))
_end = Integer(0)


class _Certified(Rule):
    """A Rule whose certificate is the lemma instance to everyone but the prover."""

    @property
    def certificate(self):
        if sys._getframe(1).f_code.co_name == "_check_order":
            return _end - _start  # what the prover reads: exactly "larger - smaller"
        return self._certificate

    @certificate.setter
    def certificate(self, value):
        object.__setattr__(self, "_certificate", value)


_honest = rules.by_lemma(rules.LOG_BELOW_TANGENT, 1, Integer(2))  # 1 * (2 - 1 - log 2) >= 0
_rule = _Certified(**{f.name: getattr(_honest, f.name) for f in fields(Rule)})

k09 = Derivation(
    name="k09_rule_subclass_swaps_certificate",
    title="A clipped ramp is never positive",
    hypotheses=(Real(x),),
    start=_start,
    steps=(Step(_end, _rule, "the tangent line bounds the log", relation=Relation.LE),),
)
