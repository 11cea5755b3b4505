"""C1 and C2: the network's outputs as probabilities (softmax, and the sigmoid for two classes).

Softmax turns any real logits into a probability distribution (positive entries summing to one),
ignores a common shift of the logits, and has the log-sum-exp form of its logarithm. For two
classes it is the sigmoid of the difference of the logits, so the binary cross entropy of a
sigmoid output is the two-class softmax cross entropy: logistic regression is multinomial
logistic regression with two classes.
"""

from __future__ import annotations

from sympy import (
    Add,
    IndexedBase,
    Integer,
    KroneckerDelta,
    Lambda,
    Mul,
    Pow,
    Sum,
    Symbol,
    Tuple,
    exp,
    log,
)

from derivations import (
    CrossEntropy,
    Definition,
    Derivation,
    Implementation,
    IndexRange,
    Real,
    Relation,
    Size,
    Step,
    Vector,
    named_function,
    rules,
    vector,
)
from derivations.catalogue import implementations as code
from derivations.catalogue.notation import j, k

#: The logits, real numbers, and a real shift of all of them.
z = IndexedBase("z", real=True)
c = Symbol("c", real=True)
#: The summation index of the softmax's normaliser.
l = Symbol("l", integer=True)  # noqa: E741 (the index, as in the text)
#: Formal arguments of the definitions: a class index, a shift, a real number.
_J, _C, _T = Symbol("j"), Symbol("c"), Symbol("t")

softmax = named_function("softmax", r"\operatorname{{softmax}}(z)_{{{0}}}")
shifted_softmax = named_function("softmax_shifted",
                                 r"\operatorname{{softmax}}(z + {0}\,\mathbf{{1}})_{{{1}}}")
sigmoid = named_function("sigmoid", r"\sigma\mathopen{{}}\left({0}\right)\mathclose{{}}")
#: The whole softmax vector, for display.
softmax_vector = named_function("softmax_vector", r"\operatorname{{softmax}}({0})")


def _normaliser(size, shift=None):
    """``sum_{l=1}^{size} exp(z_l + shift)``: the softmax's denominator."""
    return Sum(exp(z[l] + shift if shift is not None else z[l]), (l, 1, size))


def softmax_definition(size) -> Definition:
    """``softmax(z)_j = exp(z_j) / sum_l exp(z_l)`` for ``size`` classes."""
    return Definition(softmax, Lambda(_J, exp(z[_J]) / _normaliser(size)))


shifted_softmax_definition = Definition(
    shifted_softmax, Lambda((_C, _J), exp(z[_J] + _C) / _normaliser(k, _C)))
sigmoid_definition = Definition(sigmoid, Lambda(_T, 1 / (1 + exp(-_T))))

_entry = exp(z[j]) / _normaliser(k)
_logits = (Size(k), Real(z[l]), softmax_definition(k))

# --- C1: softmax ---------------------------------------------------------------------------

softmax_is_a_distribution = Derivation(
    name="softmax_is_a_distribution",
    title="Softmax outputs sum to one",
    summary=(r"For any real logits $z$, the softmax outputs sum to one; with their positivity "
             r"([[softmax_is_positive]]) they form a probability distribution over the $k$ "
             r"classes, so the network's outputs can be read as the class probabilities of a "
             r"model."),
    hypotheses=_logits,
    start=Sum(softmax(j), (j, 1, k)),
    steps=(
        Step(Sum(_entry, (j, 1, k)), rules.definition, "definition of softmax"),
        Step(Sum(exp(z[j]), (j, 1, k)) / _normaliser(k), rules.algebra,
             "the denominator does not depend on the class, so it leaves the sum"),
        Step(Integer(1), rules.algebra,
             "the numerator and the denominator are the same sum of exponentials"),
    ),
)

softmax_is_positive = Derivation(
    name="softmax_is_positive",
    title="Softmax outputs are positive",
    summary=("Every softmax output is strictly positive, whatever the real logits: no class is "
             "ever given probability zero, so the log of every output is finite."),
    hypotheses=(*_logits, IndexRange(j, 1, k)),
    start=softmax(j),
    steps=(
        Step(_entry, rules.definition, "definition of softmax"),
        Step(Integer(0), rules.inequality,
             "an exponential is positive, and so is a sum of at least one exponential",
             relation=Relation.GT),
    ),
)


def _times_exp_c(e):
    """``exp(c) * e``, kept as a product for printing."""
    return Mul(exp(c), e, evaluate=False)


softmax_shift_invariance = Derivation(
    name="softmax_shift_invariance",
    title="Softmax ignores a common shift of the logits",
    summary=("Adding the same real number to every logit leaves the softmax unchanged: only "
             "differences of logits matter (which is why implementations subtract the largest "
             "logit before exponentiating)."),
    hypotheses=(*_logits, IndexRange(j, 1, k), Real(c), shifted_softmax_definition),
    start=shifted_softmax(c, j),
    steps=(
        Step(exp(z[j] + c) / _normaliser(k, c), rules.definition,
             "definition of softmax, at the shifted logits"),
        Step(_times_exp_c(exp(z[j])) / Sum(_times_exp_c(exp(z[l])), (l, 1, k)), rules.algebra,
             "the exponential of a sum is the product of the exponentials"),
        Step(Mul(_times_exp_c(exp(z[j])), Pow(_times_exp_c(_normaliser(k)), -1, evaluate=False),
                 evaluate=False), rules.algebra,
             "the common factor comes out of the sum"),
        Step(_entry, rules.algebra, "the positive common factor cancels"),
        Step(softmax(j), rules.definition, "definition of softmax"),
    ),
)

log_softmax_is_logit_minus_logsumexp = Derivation(
    name="log_softmax_is_logit_minus_logsumexp",
    title="The log of a softmax output is the logit minus log-sum-exp",
    summary=("The log-probability of a class is its logit minus the log of the sum of the "
             "exponentiated logits (log-sum-exp); this is how a cross-entropy loss is computed "
             "from logits without forming the probabilities."),
    hypotheses=(*_logits, IndexRange(j, 1, k)),
    start=log(softmax(j)),
    steps=(
        Step(log(_entry), rules.definition, "definition of softmax"),
        Step(Add(z[j], -log(_normaliser(k)), evaluate=False), rules.algebra,
             "the log of a quotient of positive numbers is the difference of the logs, and the "
             "log of an exponential is its exponent"),
    ),
    # in code, classes count from 0: the class j is j - 1
    implementations=(
        Implementation(code.log_softmax, equals="start", z=vector(z, k), j=j - 1),
    ),
)

# --- C2: the sigmoid is the two-class softmax -----------------------------------------------

#: A real number (one logit), and a label 0 or 1.
t = Symbol("t", real=True)
y = Symbol("y", integer=True)
_pair_index = Symbol("j", integer=True)
_difference = Add(z[1], -z[2], evaluate=False)
_two_classes = (Real(z[l]), softmax_definition(2), sigmoid_definition)


def pair(first, second, display=None) -> Vector:
    """The two-entry vector ``(first, second)``."""
    return Vector(display if display is not None else Tuple(first, second),
                  Lambda(_pair_index, first * KroneckerDelta(_pair_index, 1)
                         + second * KroneckerDelta(_pair_index, 2)), 2)


sigmoid_is_two_class_softmax = Derivation(
    name="sigmoid_is_two_class_softmax",
    title="The sigmoid is the two-class softmax",
    summary=(r"With two classes, the softmax probability of the first class is the sigmoid of the "
             r"difference of the two logits. A network with one sigmoid output is therefore a "
             r"two-class softmax network with logits $(t, 0)$; with no hidden layer, these are "
             r"logistic regression and multinomial logistic regression with two classes."),
    hypotheses=_two_classes,
    start=softmax(1),
    steps=(
        Step(exp(z[1]) / (exp(z[1]) + exp(z[2])), rules.definition,
             "definition of softmax, for two classes"),
        Step(1 / (1 + exp(Mul(-1, _difference, evaluate=False))), rules.algebra,
             "numerator and denominator are divided by the exponential of the first logit"),
        Step(sigmoid(_difference), rules.definition, "definition of the sigmoid"),
    ),
)

sigmoid_complement = Derivation(
    name="sigmoid_complement",
    title="One minus the sigmoid is the sigmoid of the negated argument",
    summary=("The probability the sigmoid leaves for the other class is the sigmoid of the "
             "negated logit, so the two outputs of a sigmoid unit are symmetric."),
    hypotheses=(Real(t), sigmoid_definition),
    start=1 - sigmoid(t),
    steps=(
        Step(1 - 1 / (1 + exp(-t)), rules.definition, "definition of the sigmoid"),
        Step(exp(-t) / (1 + exp(-t)), rules.algebra, "a common denominator"),
        Step(1 / (exp(t) + 1), rules.algebra,
             "numerator and denominator are multiplied by the exponential of the argument"),
        Step(sigmoid(-t), rules.definition, "definition of the sigmoid, at the negated argument"),
    ),
)

_labels = pair(y, 1 - y)

logistic_loss_is_two_class_cross_entropy = Derivation(
    name="logistic_loss_is_two_class_cross_entropy",
    title="Binary cross entropy on a logit is two-class softmax cross entropy",
    summary=(r"The binary cross entropy of a sigmoid output at the logit $z_1 - z_2$, for a label "
             r"$y \in \{0, 1\}$, is the cross entropy of the two-class softmax of the logits "
             r"$(z_1, z_2)$ against the one-hot label $(y, 1 - y)$; one logit $t$ is the case of "
             r"the logits $(t, 0)$. Training logistic regression with the binary cross entropy is "
             r"training two-class multinomial logistic regression with the softmax cross entropy."),
    hypotheses=(*_two_classes, IndexRange(y, 0, 1)),
    start=CrossEntropy(_labels, pair(sigmoid(_difference), 1 - sigmoid(_difference))),
    steps=(
        Step(CrossEntropy(_labels, pair(sigmoid(_difference),
                                        sigmoid(Add(z[2], -z[1], evaluate=False)))),
             rules.algebra, "one minus the sigmoid is the sigmoid of the negated argument",
             cites=("sigmoid_complement",)),
        Step(CrossEntropy(_labels, pair(softmax(1), softmax(2))), rules.algebra,
             "each sigmoid is a two-class softmax output (the second with the classes swapped)",
             cites=("sigmoid_is_two_class_softmax",)),
        Step(CrossEntropy(_labels, Vector(softmax_vector(z),
                                          Lambda(_pair_index, softmax(_pair_index)), 2)),
             rules.definition, "the two outputs are the softmax vector"),
    ),
    # the logit t is the difference of the two logits
    implementations=(
        Implementation(code.logistic_loss, equals="start", t=_difference, y=y),
    ),
)
