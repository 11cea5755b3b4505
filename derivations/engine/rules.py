"""Every rule a step can name: the equality table and the optimiser-keeping transforms."""

from derivations.engine.equality_rules import (
    EQUALITY_RULES,
    algebra,
    definition,
    log_of_product,
    one_hot_collapse,
)
from derivations.engine.inequality_rules import LOG_BELOW_TANGENT, Lemma, by_lemma
from derivations.engine.optimiser_rules import (
    add_constant,
    identity,
    logarithm,
    monotone,
    negate,
    negative_log,
    positive_factor,
)
from derivations.engine.rule import Condition, Rule
from derivations.engine.step import Relation

#: Rules for inequality steps: supported by sampling until a certificate is cited.
inequality = Rule("inequality", "an inequality between the two sides",
                  frozenset({Relation.LE, Relation.GE}))

__all__ = [
    "EQUALITY_RULES", "LOG_BELOW_TANGENT", "Condition", "Lemma", "Rule", "add_constant",
    "algebra", "by_lemma", "definition", "identity",
    "inequality", "log_of_product", "logarithm", "monotone", "negate", "negative_log",
    "one_hot_collapse", "positive_factor",
]
