"""Every rule a step can name: the equality table and the optimiser-keeping transforms."""

from derivations.language.relation import Relation
from derivations.language.rule import Condition, Rule
from derivations.rules.equality import (
    EQUALITY_RULES,
    algebra,
    definition,
    log_of_product,
    one_hot_collapse,
)
from derivations.rules.inequality import LOG_BELOW_TANGENT, Lemma, by_lemma, by_theorem
from derivations.rules.integration import antiderivative
from derivations.rules.optimiser import (
    add_constant,
    identity,
    logarithm,
    monotone,
    negate,
    negative_log,
    positive_factor,
)

#: An inequality whose difference of sides is non-negative (positive, for < and >) term by
#: term: sums and products of non-negative factors, squares, fractional parts. Without such a
#: proof the step is graded 'sampled'.
inequality = Rule("inequality", "the difference of the two sides is non-negative term by term",
                  frozenset({Relation.LE, Relation.GE, Relation.LT, Relation.GT}))

__all__ = [
    "EQUALITY_RULES", "LOG_BELOW_TANGENT", "Condition", "Lemma", "Rule", "add_constant",
    "algebra", "antiderivative", "by_lemma", "by_theorem", "definition", "identity",
    "inequality", "log_of_product", "logarithm", "monotone", "negate", "negative_log",
    "one_hot_collapse", "positive_factor",
]
