"""The question that started the project, answered with the catalogue's checked theorems.

Every claim cites the theorems that prove it (``[[name]]``, printed "Theorem N" in every
format); what no theorem checks (an empirical fact about trained networks, a reading of the
mathematics in words) is a :class:`Remark`, printed apart and labelled as not checked. The
figures are drawn from expressions the cited theorems check.
"""

from __future__ import annotations

from sympy import Rational, Symbol, log

from derivations import Answer, Claim, Curve, Figure, NotationRow, Remark, Section

_a = Symbol("a", positive=True)
_x = Symbol("x", positive=True)
_c = Symbol("c", positive=True)
#: The two-class target of the decomposition figure: the true class 1 has probability 3/10.
_p1 = Rational(3, 10)
_cross = -(_p1 * log(_a) + (1 - _p1) * log(1 - _a))
_entropy = -(_p1 * log(_p1) + (1 - _p1) * log(1 - _p1))

QUESTION = (
    r"Maximum likelihood picks the parameters $\boldsymbol{\theta}$ that make the $m$ "
    r"observations $\mathbf{o}^{(i)} = (\mathbf{x}^{(i)}, y^{(i)})$ most probable under "
    r"$p_{\mathrm{model}}$. A classifier with $k$ classes is trained instead by minimising the "
    r"cross entropy $-\mathbf{y}^{(i)} \cdot \log \mathbf{a}(\mathbf{x}^{(i)}; "
    r"\boldsymbol{\theta})$ between the one-hot label $\mathbf{y}^{(i)}$ and the network's "
    r"output activations $\mathbf{a}$. How meaningful is the connection? Four questions "
    r"follow: are the activations really probabilities; is the equivalence limited to one-hot "
    r"labels; why does the probability used in training differ from the probability that the "
    r"argmax prediction is right; and what role do entropy and information theory play?")

NOTATION = (
    NotationRow(r"\boldsymbol{\theta}", r"\theta",
                r"the network's trainable parameters (for example its weights $W$ and biases "
                r"$b$), one symbol for the whole vector"),
    NotationRow("m", "m", r"the number of observations, indexed by $i$"),
    NotationRow("k", "k", r"the number of classes, indexed by $j$"),
    NotationRow(r"\mathbf{o}^{(i)} = (\mathbf{x}^{(i)}, y^{(i)})", r"o_i = (x_i, y_i)",
                r"observation $i$: an input and its label, one of the classes "
                r"$1, \ldots, k$"),
    NotationRow(r"p_{\mathrm{model}}(y \mid \mathbf{x}; \boldsymbol{\theta})",
                r"p_{\mathrm{model}}(y \mid x; \theta)",
                r"the model's probability of the label $y$ given the input $x$"),
    NotationRow(r"\mathbf{a}(\mathbf{x}; \boldsymbol{\theta})", r"q(x; \theta)",
                r"the output activations after the softmax: the model's predicted distribution "
                r"over the $k$ classes, with entries $q_j(x; \theta)$"),
    NotationRow(r"a_j(\mathbf{x}; \boldsymbol{\theta})", r"q_j(x; \theta)",
                r"entry $j$ of the activations: the model's probability of class $j$"),
    NotationRow(r"\mathbf{a} = \operatorname{softmax}(\mathbf{z})",
                r"q = \operatorname{softmax}(z)",
                r"the activations are the softmax of the logits $z$, the last layer's outputs; "
                r"the answer writes $a$ and the proofs $q$ for the same numbers"),
    NotationRow(r"\mathbf{y}^{(i)}", r"e_{y_i}",
                r"the one-hot vector of the label: entry $j$ is 1 if $j = y_i$, else 0"),
    NotationRow(r"-\mathbf{y}^{(i)} \cdot \log \mathbf{a}", r"H(e_{y_i}, q)",
                r"the cross entropy of the prediction relative to the one-hot target"),
    NotationRow("p", "p",
                r"a target distribution over the classes: one-hot, or a soft label"),
    NotationRow(r"P(Y = j \mid \mathbf{x})", r"\pi_j",
                r"the true probability of class $j$ given the input, in the population"),
    NotationRow(r"H(p), \ \mathrm{KL}(p \,\|\, q)", r"H(p), \ \mathrm{KL}(p \,\|\, q)",
                r"entropy and Kullback-Leibler divergence, in natural logarithms (nats)"),
)

PROBABILITIES = Section(
    title="Are the activations really probabilities?",
    asked=(r"Equation (1) of the question reads only the label's activation "
           r"$a_{y^{(i)}}$ as a probability. Are the other activations probabilities too, and "
           r"does training constrain them?"),
    opening=(r"Yes: a softmax output layer makes all $k$ activations a probability distribution, "
             r"for every input and every $\boldsymbol{\theta}$ ([[softmax_is_a_distribution]]), "
             r"and training moves every one of them ([[non_label_logits_pushed_down]])."),
    blocks=(
        Claim(r"Every softmax activation is positive ([[softmax_is_positive]]) and the $k$ "
              r"activations sum to one ([[softmax_is_a_distribution]]). So "
              r"$\mathbf{a}(\mathbf{x}; \boldsymbol{\theta})$ is a distribution over the classes, "
              r"not only its entry at the label, and the model's probability of any class $j$ is "
              r"$a_j$. With two classes, one sigmoid unit is the same model "
              r"([[sigmoid_is_two_class_softmax]])."),
        Claim(r"Training constrains the other activations. With a one-hot target the loss is "
              r"$-\log q_y$, yet its derivative with respect to the logit $z_j$ is $q_j - "
              r"\delta_{jy}$ ([[one_hot_gradient]]), because every activation shares the "
              r"softmax's normaliser. Off the label that is $q_j > 0$: every gradient step lowers "
              r"every non-label logit, in proportion to the probability it receives "
              r"([[non_label_logits_pushed_down]]). For any target $p$ the gradient is $q - p$ "
              r"([[cross_entropy_gradient]])."),
        Claim(r"The log loss is proper: for one input whose label has the true distribution "
              r"$\pi$, the expected loss $-\sum_j \pi_j \log q_j$ is at least $H(\pi)$, with "
              r"equality only at $q = \pi$ ([[log_loss_is_proper]]), by Gibbs' inequality "
              r"([[gibbs_inequality]]). So if the model family contains the true conditional "
              r"distribution, the population optimum outputs the true probability of every class, "
              r"not only of the label."),
        Figure(name="neg-log-loss",
               caption=(r"The loss of one observation, $-\log a_y$, against the activation at "
                        r"the label: zero only at $a_y = 1$, and unbounded as $a_y$ goes to "
                        r"zero."),
               variable=_a, domain=(0.02, 1.0), curves=(Curve(-log(_a), r"$-\log a_y$"),),
               xlabel="a_y", ylabel=r"-\log a_y", source=("one_hot_cross_entropy",),
               yrange=(0.0, 4.0)),
        Remark(r"With finite data the activations are estimates: a family that cannot "
               r"represent the truth, or one large enough to fit the training labels exactly, "
               r"gives activations that differ from the true probabilities, and deep networks "
               r"are often overconfident on new inputs. How close they come is measured "
               r"(calibration), not guaranteed.", "empirical"),
        Remark(r"The activations are the probabilities of a model, "
               r"$p_{\mathrm{model}}(j \mid \mathbf{x}; \boldsymbol{\theta}) = a_j$. Maximum "
               r"likelihood picks the model that makes the data most probable; nothing else "
               r"makes them probabilities, and nothing more is needed.", "interpretation"),
    ),
)

SOFT_LABELS = Section(
    title="Is the equivalence limited to one-hot labels?",
    asked=(r"Going from equation (1) to equation (3) uses the one-hot structure of "
           r"$\mathbf{y}^{(i)}$. Is equating maximum likelihood with minimum cross entropy "
           r"limited to one-hot labels?"),
    opening=(r"No. Cross entropy is a negative log-likelihood for any target distribution, and "
             r"minimising it minimises a divergence ([[cross_entropy_is_entropy_plus_kl]])."),
    blocks=(
        Claim(r"For a one-hot target the cross entropy is the negative log of the label's "
              r"activation ([[one_hot_cross_entropy]]): that is the step from (1) to (3). Summed "
              r"over the observations it is the negative log-likelihood of the labels, so maximum "
              r"likelihood is minimum mean cross entropy ([[mle_as_sum_of_neg_logs]], "
              r"[[conditional_likelihood]], [[mle_is_mean_cross_entropy]]). Over the data set it "
              r"is also the minimum divergence of the model $\hat{p}(x) \, q(y \mid x; \theta)$ "
              r"from the empirical distribution of the pairs $(x, y)$, inputs repeated or not "
              r"([[empirical_kl_classifier]])."),
        Claim(r"For any target $p$, soft or one-hot, $H(p, q) = H(p) + \mathrm{KL}(p \,\|\, "
              r"q)$ ([[cross_entropy_is_entropy_plus_kl]]). The entropy does not depend on "
              r"$\boldsymbol{\theta}$, so training the network on targets $p_i$ minimises "
              r"$\sum_i \mathrm{KL}(p_i \,\|\, q(x_i; \theta))$, the summed divergence of "
              r"its outputs from them ([[soft_label_decomposition]])."),
        Claim(r"A soft label that records the share of $n$ annotators' votes is a likelihood: $n$ "
              r"times its cross entropy is the negative log-likelihood of the $n$ annotations "
              r"([[soft_labels_are_expected_nll]])."),
        Claim(r"The same link holds for other models of the label: a binary label gives the "
              r"Bernoulli likelihood, the binary cross entropy "
              r"([[bernoulli_nll_is_binary_cross_entropy]]); independent labels give a sum of "
              r"binary cross entropies ([[multi_label_binary_cross_entropy]]); a Gaussian with a "
              r"fixed variance gives the squared error ([[gaussian_nll_is_mse]]); and label "
              r"smoothing is the cross entropy against a mix of the one-hot label and the uniform "
              r"distribution ([[label_smoothing]])."),
        Figure(name="entropy-plus-divergence",
               caption=(r"A two-class target $p = (0.3, 0.7)$ and a prediction $(a, 1 - a)$: "
                        r"the cross entropy is the target's entropy, which does not move, plus "
                        r"the divergence, which is zero only at $a = 0.3$."),
               variable=_a, domain=(0.02, 0.98),
               curves=(Curve(_cross, r"cross entropy $H(p, q)$"),
                       Curve(_entropy + 0 * _a, r"entropy $H(p)$", "dashed"),
                       Curve(_cross - _entropy, r"divergence $\mathrm{KL}(p \,\|\, q)$",
                             "dotted")),
               xlabel="a", ylabel="\\text{nats}",
               source=("cross_entropy_is_entropy_plus_kl",), yrange=(0.0, 2.5)),
        Remark(r"The one-hot structure is what makes the sum collapse to a single term; it is "
               r"not what makes cross entropy a likelihood. Equation (3) is the special case "
               r"of a target that puts all its mass on one class.", "interpretation"),
    ),
)

PREDICTION = Section(
    title="Why do training and prediction use two probabilities?",
    asked=(r"Training reads $a_{y^{(i)}}$ as the probability of the label, while a "
           r"prediction is right when $\arg\max_j a_j = y^{(i)}$, equation (2). When are the "
           r"two the same?"),
    opening=(r"Not for one input, and not reliably: $a_{y}(\mathbf{x})$ and the probability "
             r"that the argmax is right are different numbers, and equation (2) is not an "
             r"identity. What does hold is an average: if the model is calibrated, its argmax "
             r"accuracy is the mean largest activation $E[\max_j a_j(X)]$ "
             r"([[calibrated_accuracy]]); trained networks are calibrated only approximately."),
    blocks=(
        Claim(r"The loss and its gradient $q - p$ involve every activation and no argmax "
              r"([[cross_entropy_gradient]]): training compares the whole predicted distribution "
              r"with the target."),
        Claim(r"The argmax is a decision rule applied after training. For one input it is right "
              r"with the true probability of the class it picks, $\pi_{\hat{y}}$, and when the "
              r"activations are the true probabilities that is $\max_j a_j$, the largest "
              r"activation, not the activation at the label ([[argmax_accuracy]]). Equation (2) "
              r"mixes the rule's accuracy with the model's probability of the label."),
        Claim(r"Averaged over inputs, with calibration in its proper sense, $P(Y = j \mid "
              r"\mathbf{a}(X) = v) = v_j$: the argmax rule is right with probability $E[\max_j "
              r"a_j(X)]$, the mean largest activation ([[calibrated_accuracy]]). The identity "
              r"uses only the entry at the predicted class, so top-label calibration is enough "
              r"for it. The activation at the label, $a_{y^{(i)}}$, is what training raises; the "
              r"largest activation is what accuracy tracks, and the two coincide only where the "
              r"label is the predicted class."),
        Figure(name="reliability",
               caption=(r"A reliability diagram: the fraction of argmax predictions that are "
                        r"right, against the largest activation $c$. A calibrated model lies "
                        r"on the diagonal, where the accuracy is the largest activation; the "
                        r"second curve illustrates an overconfident model and is not computed "
                        r"from data."),
               variable=_c, domain=(0.5, 1.0),
               curves=(Curve(_c, r"calibrated: accuracy $c$"),
                       Curve(_c ** 3, r"overconfident (illustration)", "dashed")),
               xlabel=r"\max_j a_j", ylabel=r"\text{accuracy}",
               source=("calibrated_accuracy",),
               yrange=(0.0, 1.0)),
        Remark(r"What practitioners measure is top-label calibration: among inputs whose "
               r"largest activation is near $c$, the fraction predicted correctly should be "
               r"near $c$. Networks trained to a low cross entropy are often overconfident, "
               r"below the diagonal, and a single temperature fitted on held-out data usually "
               r"corrects much of it.", "empirical"),
    ),
)

INFORMATION = Section(
    title="What role do entropy and information theory play?",
    asked=(r"Once the activations are probabilities, why speak of the entropy of "
           r"$\mathbf{a}(\mathbf{x}^{(i)}; \boldsymbol{\theta})$? Shannon entropy is about "
           r"codes, and training builds no code."),
    opening=(r"For the computation, a bookkeeping role: with a one-hot label the entropy is zero "
             r"and the cross entropy is the divergence ([[one_hot_cross_entropy_is_divergence]]). "
             r"Information theory adds a reading of the numbers, not a different loss."),
    blocks=(
        Claim(r"A one-hot target has entropy zero, $H(e_y) = 0$, with $0 \log 0 = 0$ "
              r"([[one_hot_entropy_is_zero]]), so against it the cross entropy is the divergence: "
              r"$H(e_y, q) = \mathrm{KL}(e_y \,\|\, q) = -\log q_y$ "
              r"([[one_hot_cross_entropy_is_divergence]]). For one-hot labels, minimising cross "
              r"entropy, minimising divergence and maximising likelihood are one computation."),
        Claim(r"A code built for $q$ spends $-\log_2 q_j$ bits on class $j$, and when the classes "
              r"occur with probabilities $p$ its expected length is the cross entropy in bits "
              r"([[cross_entropy_is_code_length]]). The excess over the best code for $p$ is "
              r"$\mathrm{KL}(p \,\|\, q)$ ([[code_length_excess]]), which is never negative and "
              r"is zero only at $q = p$ ([[gibbs_inequality]]); codes with whole-bit lengths come "
              r"within one bit of the cross entropy ([[shannon_code_bound]])."),
        Figure(name="gibbs-tangent",
               caption=(r"The inequality behind Gibbs' inequality: $\log x$ lies below its "
                        r"tangent $x - 1$ at $x = 1$, touching it only there."),
               variable=_x, domain=(0.1, 3.0),
               curves=(Curve(log(_x), r"$\log x$"),
                       Curve(_x - 1, r"$x - 1$", "dashed")),
               xlabel="x", ylabel="y", source=("gibbs_inequality",), yrange=(-2.5, 2.0)),
        Remark(r"The coding reading is an interpretation: no code is built when a network is "
               r"trained. It explains the form of the loss: minimising the cross entropy "
               r"minimises the excess cost of describing the labels with the model's code, "
               r"which has the same minimisers as maximum likelihood.", "interpretation"),
        Remark(r"The entropy of the activations, $H(\mathbf{a}(\mathbf{x}; "
               r"\boldsymbol{\theta}))$, is the model's own uncertainty about the label of "
               r"$\mathbf{x}$: zero when it puts all its probability on one class, $\log k$ when "
               r"it is uniform. It is not part of the one-hot loss; label smoothing "
               r"([[label_smoothing]]) and confidence penalties raise it on purpose.",
               "interpretation"),
    ),
)

ANSWER = Answer(
    title="How maximum likelihood and cross entropy connect: the question, answered",
    question=QUESTION,
    notation=NOTATION,
    sections=(PROBABILITIES, SOFT_LABELS, PREDICTION, INFORMATION),
    summary=(
        r"Softmax activations are a probability distribution by construction, and a proper "
        r"loss makes them estimates of the true conditional probabilities.",
        r"Cross entropy is the negative log-likelihood of any target distribution; one-hot "
        r"labels are the case where the sum collapses to one term.",
        r"Training uses the whole predicted distribution; the argmax is a decision rule, and "
        r"when the model is calibrated its accuracy is the mean largest activation.",
        r"Entropy and divergence are the bookkeeping: cross entropy is entropy plus divergence, "
        r"and the divergence is the excess length of a code built for the model.",
    ),
)

__all__ = ["ANSWER"]
