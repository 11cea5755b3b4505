"""C4 and D4: the log loss is a proper scoring rule, and what the argmax prediction achieves.

Both theorems look at one input x. Its true class distribution is pi; the network predicts q. The
log loss is minimised, in expectation over the true class, exactly by q = pi; and when q = pi
(a calibrated prediction), predicting the most probable class is right with probability
max_j q_j.
"""

from __future__ import annotations

from sympy import Abs, Derivative, IndexedBase, KroneckerDelta, Lambda, Sum, Symbol, log

from derivations import (
    KL,
    CrossEntropy,
    Definition,
    Derivation,
    Entropy,
    IndexRange,
    Positive,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    indexed_vector,
    named_function,
    rules,
)
from derivations.catalogue.information import gibbs_inequality, p
from derivations.catalogue.notation import j, k, q

#: A second class index, and the index of the expected log loss's sum.
l = Symbol("l", integer=True)  # noqa: E741 (the textbook's letter)
s_ = Symbol("s", integer=True)

#: The true class distribution of the input, and the Lagrange multiplier of sum q = 1.
pi = IndexedBase("pi", positive=True)
lam = Symbol("lambda", real=True)

_pi, _q = indexed_vector(pi, k), indexed_vector(q, k)
_expected_log_loss = Sum(pi[s_] * -log(q[s_]), (s_, 1, k))
_distributions = (Size(k), Simplex(pi, k), Positive(pi[j]), Simplex(q, k), Positive(q[j]))


# C4 ------------------------------------------------------------------------------------------

log_loss_is_proper = Derivation(
    name="log_loss_is_proper",
    title="The log loss is minimised by the true probabilities",
    summary=(r"For one input whose class has the true distribution $\pi$, the expected log loss "
             r"of a prediction $q$, averaged over the true class, is at least the entropy "
             r"$H(\pi)$, and $q = \pi$ attains it; equality holds only at $q = \pi$, by the "
             r"equality case of Gibbs' inequality ([[gibbs_inequality]]), which the engine "
             r"carries through the citation. Hence, when the model family contains the true "
             r"conditional distribution, the population minimiser of the cross-entropy loss "
             r"outputs the true conditional probabilities. The Lagrange condition of the "
             r"constrained minimisation is [[log_loss_lagrange_condition]]."),
    hypotheses=_distributions,
    start=_expected_log_loss,
    equality_if={q: pi},
    steps=(
        Step(CrossEntropy(_pi, _q), rules.definition,
             "the expected log loss is the cross entropy from the truth to the prediction"),
        Step(Entropy(_pi) + KL(_pi, _q), rules.definition,
             "cross entropy is entropy plus divergence"),
        Step(Entropy(_pi), rules.by_theorem(gibbs_inequality, {p: pi}),
             "the divergence is non-negative", relation=Relation.GE),
    ),
)

_lagrangian = _expected_log_loss + lam * (Sum(q[l], (l, 1, k)) - 1)

log_loss_lagrange_condition = Derivation(
    name="log_loss_lagrange_condition",
    title="The Lagrange condition of the expected log loss",
    summary=(r"Minimising the expected log loss over $q$ subject to $\sum_j q_j = 1$, the "
             r"derivative of the Lagrangian with respect to $q_j$ is $\lambda - \pi_j / q_j$. It "
             r"vanishes exactly when $q_j = \pi_j / \lambda$; summing over $j$, both $\pi$ and "
             r"$q$ sum to one, so $\lambda = 1$ ([[log_loss_lagrange_multiplier]] checks the sum) "
             r"and $q = \pi$."),
    hypotheses=(Size(k), Simplex(pi, k), Positive(pi[l]), Positive(q[l]), Real(lam),
                IndexRange(j, 1, k)),
    start=Derivative(_lagrangian, q[j]),
    steps=(
        Step(-Sum(pi[l] * KroneckerDelta(j, l) / q[l], (l, 1, k))
             + lam * Sum(KroneckerDelta(j, l), (l, 1, k)), rules.algebra,
             "differentiate term by term: only the terms of class $j$ depend on its probability"),
        Step(lam - pi[j] / q[j], rules.one_hot_collapse,
             "the delta keeps the term of class $j$, one of the $k$ classes"),
        Step((lam * q[j] - pi[j]) / q[j], rules.algebra, "over a common denominator"),
    ),
)


log_loss_lagrange_multiplier = Derivation(
    name="log_loss_lagrange_multiplier",
    title="At a stationary point of the Lagrangian the multiplier is one",
    summary=(r"Weighting the derivatives of the Lagrangian by the entries of $q$ and summing "
             r"gives $\lambda - 1$, because both $\pi$ and $q$ sum to one. At a stationary point "
             r"every derivative is zero, so $\lambda = 1$, and then the Lagrange condition "
             r"([[log_loss_lagrange_condition]]) gives $q_j = \pi_j$ for every class."),
    hypotheses=(Size(k), Simplex(pi, k), Positive(pi[l]), Simplex(q, k), Positive(q[l]),
                Real(lam)),
    start=Sum(q[j] * Derivative(_lagrangian, q[j]), (j, 1, k)),
    steps=(
        Step(Sum(q[j] * (lam - pi[j] / q[j]), (j, 1, k)), rules.algebra,
             "the derivative with respect to each entry",
             cites=("log_loss_lagrange_condition",)),
        Step(lam * Sum(q[j], (j, 1, k)) - Sum(pi[j], (j, 1, k)), rules.algebra,
             "multiply out and split the sum"),
        Step(lam - 1, rules.algebra, "both distributions sum to one"),
    ),
)

# D4 ------------------------------------------------------------------------------------------

#: The predicted class (an argmax of q) and the largest predicted probability.
y_hat = Symbol(r"\hat{y}", integer=True)
top = Symbol("q^*", real=True)
#: Reals whose squares measure how far each class's predicted probability falls short of the
#: largest one. (A family declared non-negative would read more simply, but the sampler draws
#: negative values for non-negative reals that are not positive, and refutes the true step.)
gap = IndexedBase("h", real=True)
#: The formal argument of the definitions.
c = Symbol("c")

#: q_c, the predicted probabilities, written relative to their largest entry q*: class c falls
#: short by h_c^2 |c - y_hat| >= 0, and the predicted class not at all. Every vector whose
#: largest entry is at y_hat has this form (h_c^2 = (q* - q_c) / |c - y_hat| for c != y_hat,
#: ties included), so the definition says exactly "y_hat is an argmax of q".
predicted = named_function("predicted", r"q_{{{0}}}")
argmax_form = Definition(predicted, Lambda(c, top - gap[c] ** 2 * Abs(c - y_hat)))
#: pi_c, the true class probabilities; calibration means they are the predicted ones.
true_probability = named_function("true_probability", r"\pi_{{{0}}}")
calibration = Definition(true_probability, Lambda(c, predicted(c)))

argmax_accuracy = Derivation(
    name="argmax_accuracy",
    title="A calibrated argmax prediction is right with its largest predicted probability",
    summary=(r"The decision rule predicts the class $\hat{y}$ with the largest predicted "
             r"probability. The probability that the true class is $\hat{y}$ is its true "
             r"probability $\pi_{\hat{y}}$ (the first step, which needs no calibration). When the "
             r"true probabilities are the predicted ones, this is $q_{\hat{y}}$, which is at "
             r"least $q_j$ for every class $j$: the largest predicted probability $q^*$. Training "
             r"compares the whole predicted distribution with the target, while prediction uses "
             r"only the position of its largest entry. That $\hat{y}$ is an argmax is written as "
             r"a definition: every class $c$ falls short of $q^*$ by $h_c^2 |c - \hat{y}| \ge 0$, "
             r"so $\hat{y}$ falls short by nothing; every vector whose largest entry is at "
             r"$\hat{y}$, ties included, can be written this way."),
    hypotheses=(Size(k), IndexRange(y_hat, 1, k), IndexRange(j, 1, k), Real(top),
                Real(gap[l]), argmax_form, calibration),
    start=Sum(true_probability(l) * KroneckerDelta(l, y_hat), (l, 1, k)),
    steps=(
        Step(true_probability(y_hat), rules.one_hot_collapse,
             "the probability that the true class is the predicted one; the predicted class "
             "is one of the $k$ classes"),
        Step(predicted(y_hat), rules.definition, "the prediction is calibrated"),
        Step(top, rules.definition, "the predicted class has the largest predicted probability"),
        Step(predicted(j), rules.inequality,
             "every other class falls short of it by a non-negative gap",
             relation=Relation.GE),
    ),
)

# D5 ------------------------------------------------------------------------------------------

#: The distinct output vectors v^(1), ..., v^(n) the model gives over the inputs, and the
#: probability w_s that an input gets output s.
n = Symbol("n", integer=True, positive=True)
s = Symbol("s", integer=True)
w = IndexedBase("w", nonnegative=True)
#: The argmax of each output vector, and its largest entry.
argmax_of = IndexedBase(r"\hat{y}", integer=True)
largest = IndexedBase(r"v^{\max}", real=True)
gaps = IndexedBase("h", real=True)
#: Formal arguments of the definitions: an output and a class.
S_, C_ = Symbol("s"), Symbol("c")
#: v^(s)_c: entry c of output s, written relative to its largest entry (as in argmax_accuracy,
#: this says exactly that yhat_s is an argmax of v^(s), ties included).
output_entry = named_function("output_entry", r"v^{{({0})}}_{{{1}}}")
output_form = Definition(output_entry, Lambda((S_, C_), largest[S_] - gaps[S_, C_] ** 2
                                              * Abs(C_ - argmax_of[S_])))
#: pi^(s)_c = P(Y = c | q(X) = v^(s)): the true probability of class c among the inputs that
#: get output s. Calibration in the proper sense: it is the output's own entry.
given_output = named_function("given_output", r"\pi^{{({0})}}_{{{1}}}")
proper_calibration = Definition(given_output, Lambda((S_, C_), output_entry(S_, C_)))

calibrated_accuracy = Derivation(
    name="calibrated_accuracy",
    title="Under calibration, argmax accuracy is the mean largest output",
    summary=(r"Let the model give the output vector $v^{(s)}$ to a share $w_s$ of the inputs, "
             r"for $s = 1, \ldots, n$, and let $\pi^{(s)}_c = P(Y = c \mid q(X) = v^{(s)})$ be "
             r"the true probability of class $c$ among those inputs. The argmax rule predicts "
             r"$\hat{y}_s$ for them, so it is right with probability $\sum_s w_s "
             r"\pi^{(s)}_{\hat{y}_s}$. The model is calibrated when $\pi^{(s)}_c = "
             r"v^{(s)}_c$ for every output and class; then the accuracy is $\sum_s w_s "
             r"v^{\max}_s$, the expected largest output $E[\max_j q_j(X)]$, and not the "
             r"expected output at the label. Only the entry at $\hat{y}_s$ is used: "
             r"top-label calibration, $P(Y = \hat{y} \mid \max_j q_j(X) = c) = c$, which is "
             r"what reliability diagrams measure, is enough for this identity. The output "
             r"vectors are finitely many here, as they are for any finite set of inputs."),
    hypotheses=(Size(k), Size(n), Simplex(w, n), IndexRange(argmax_of[s], 1, k),
                Real(largest[s]), Real(gaps[s, j]), output_form, proper_calibration),
    start=Sum(w[s] * Sum(given_output(s, j) * KroneckerDelta(j, argmax_of[s]), (j, 1, k)),
              (s, 1, n)),
    steps=(
        Step(Sum(w[s] * given_output(s, argmax_of[s]), (s, 1, n)), rules.one_hot_collapse,
             r"among the inputs with output $s$, the rule is right when the class is "
             r"$\hat{y}_s$, one of the $k$ classes"),
        Step(Sum(w[s] * output_entry(s, argmax_of[s]), (s, 1, n)), rules.definition,
             "the model is calibrated"),
        Step(Sum(w[s] * largest[s], (s, 1, n)), rules.definition,
             r"$\hat{y}_s$ is an argmax of $v^{(s)}$: its entry is the largest"),
    ),
)
