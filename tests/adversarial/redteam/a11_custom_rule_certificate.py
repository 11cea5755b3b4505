# A hand-made inequality Rule (rules.Rule is public) whose certificate is any expression and
# whose side conditions are empty: the kernel only checks larger - smaller == certificate,
# never that the certificate is non-negative.  The claim fails only at y = 500 (of 0..1000),
# which 2 cross-check points almost never draw.
from sympy import Symbol, KroneckerDelta, S
from derivations import Derivation, IndexRange, Relation, Step, rules

y = Symbol("y", integer=True, nonnegative=True)
FAKE = rules.Rule("lemma:log_below_tangent", "certificate from the lemma log x <= x - 1",
                  frozenset({Relation.LE, Relation.GE}), certificate=-KroneckerDelta(y, 500))

a11 = Derivation(
    name="a11_custom_rule_certificate",
    title="An indicator is never positive",
    hypotheses=(IndexRange(y, 0, 1000),),
    start=KroneckerDelta(y, 500),
    steps=(Step(S.Zero, FAKE, "step", relation=Relation.LE),),
)
