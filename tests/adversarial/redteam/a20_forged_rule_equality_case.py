# A hand-built Rule posing as a citation of Gibbs' inequality: the certificate is right, but
# equality_if={a: 1} is simply asserted (instance=None, theorem=None, no cites), and
# equality_case.problems trusts any rule.equality_if when instance is None.
# Claimed: 0 <= (a-1)^2 (a-3)^2 with equality iff a = 1.  False: equality also at a = 3.
from sympy import Symbol, Integer, S
from derivations import Derivation, Real, Relation, Step, rules

a = Symbol("a", real=True)
bound = (a - 1)**2 * (a - 3)**2
FORGED = rules.Rule("theorem:gibbs_inequality", "by Gibbs' inequality",
                    frozenset({Relation.LE, Relation.GE}),
                    certificate=bound, equality_if={a: Integer(1)})

a20 = Derivation(
    name="a20_forged_rule_equality_case",
    title="A product of squares vanishes only at one",
    hypotheses=(Real(a),),
    start=S.Zero,
    steps=(Step(bound, FORGED, "by Gibbs' inequality", relation=Relation.LE),),
    equality_if={a: Integer(1)},
)
