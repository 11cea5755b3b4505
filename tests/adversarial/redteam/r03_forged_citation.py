# cite a modified copy (same name) of a checked theorem: must be refused
import dataclasses
from sympy import Symbol, S, Integer
from derivations import Derivation, Real, Relation, Step, rules
a = Symbol("a", real=True)
sq = Derivation(name="sq", title="square", hypotheses=(Real(a),), start=S.Zero,
                steps=(Step(a**2, rules.inequality, "square", relation=Relation.LE),))
r03 = Derivation(name="r03_forged_citation", title="t", hypotheses=(Real(a),), start=Integer(5),
                 steps=(Step(a**2, rules.by_theorem(dataclasses.replace(sq, start=Integer(5)), {}),
                             "cite", relation=Relation.LE),))
