"""A Lemma of the author's class (a subclass of ``rules.Lemma``) overrides ``problem()``, the
convexity proof that is the only thing standing behind a lemma's slack being non-negative.
``certificate_problem`` checks ``isinstance(lemma, Lemma)`` and rebuilds the certificate from the
instance (it matches, of course), and both it and the rule's side condition ask
``lemma.problem()``, which answers None. The slack here, -min(1, max(0, u - 10^7)), is negative
for u > 10^7; the lemma is even named and stated as the engine's "log_below_tangent: log x <= x -
1 (x > 0)", so every report shows the familiar lemma.

False claim (symbolic): for x > 0,  min(1, max(0, x - 10^7)) <= 0.
Counterexample: x = 10^8: the left side is 1, the right side is 0.

Grade obtained: symbolic, exit 0 (also --jobs 2, cache on, --json - "ok": true).

    python -m derivations check --no-cache tests/adversarial/redteam_round10/k10_lemma_subclass_skips_convexity.py

Route: rules.by_lemma(<subclass instance>) -> grade._check_order -> inequality
.certificate_problem (``isinstance`` only; the side condition "lemma ..." holds because
``lemma.problem()`` is the subclass's) -> judge.proves_order with the lemma's certificate ->
SYMBOLIC.

Suggested fix: accept only ``type(lemma) is Lemma`` (a frozen dataclass whose ``problem`` is the
engine's), or call ``Lemma.problem(lemma)`` explicitly rather than the bound method; more
generally, refuse engine types subclassed by the author (k09, k11). Also print the lemma's
slack (not its free-text ``statement``, which is the author's) in the reports.
"""
from sympy import Integer, Lambda, Max, Min, Symbol

from derivations import Derivation, Positive, Relation, Step, rules

x = Symbol("x", positive=True)
_u = Symbol("u")


class _Trusted(rules.Lemma):
    """A lemma whose convexity proof always succeeds."""

    def problem(self):
        return None


# "-min(1, max(0, u - 10^7)) >= 0 for u > 0, with equality only at u = 1": false for u > 10^7
_LEMMA = _Trusted("log_below_tangent", "log x <= x - 1 (x > 0)",
                  Lambda(_u, -Min(1, Max(0, _u - 10**7))), True, Integer(1))

_start = Min(1, Max(0, x - 10**7))

k10 = Derivation(
    name="k10_lemma_subclass_skips_convexity",
    title="A clipped ramp is never positive",
    hypotheses=(Positive(x),),
    start=_start,
    steps=(Step(Integer(0), rules.by_lemma(_LEMMA, 1, x), "the tangent line bounds the log",
                relation=Relation.LE),),
)
