"""A small answer to the question, for the renderers' tests until the catalogue has its own:
every kind of block, prose with math, code and references, and a figure."""

from __future__ import annotations

from sympy import Symbol, log

from derivations.language.document import (
    Answer,
    Claim,
    Curve,
    Figure,
    NotationRow,
    Remark,
    Section,
)

x = Symbol("x", positive=True)

SAMPLE = Answer(
    title="How meaningful is the link between maximum likelihood and cross entropy?",
    question=(r"A network with parameters $\theta$ outputs activations $a(x; \theta)$ for $k$ "
              r"classes; the data are $m$ observations $o^{(i)} = (x^{(i)}, y^{(i)})$. Is "
              r"maximising the likelihood $p_{\mathrm{model}}$ the same as minimising the cross "
              "entropy, and what does that say about the activations?"),
    notation=(
        NotationRow(r"a(x; \theta)", "q", "the model's predicted distribution over the classes"),
        NotationRow(r"\mathbf{y}^{(i)}", "e_{y_i}", "the one-hot label of observation $i$"),
        NotationRow("k", "k", "the number of classes"),
    ),
    sections=(
        Section(
            title="Are the activations probabilities?",
            asked=r"Do the outputs $a(x; \theta)$ form a distribution, or only the label's one?",
            opening="Yes: all of them do, by construction of the softmax.",
            blocks=(
                Claim("Softmax outputs are positive [[softmax_is_positive]] and sum to one "
                      "[[softmax_is_a_distribution]], whatever the logits."),
                Claim(r"The gradient in the logits is $q_i - p_i$ [[cross_entropy_gradient]], "
                      "so every output that is not the label's is pushed down."),
                Remark("Networks trained to a low loss on finite data are often overconfident; "
                       "calibration is measured, not implied.", "empirical"),
                Figure(name="neg-log", caption=r"The loss $-\log q$ of the label's output $q$.",
                       variable=x, domain=(0.01, 1.0),
                       curves=(Curve(-log(x), r"$-\log q$"),
                               Curve(1 - x, r"$1 - q$", "dashed")),
                       xlabel="q", ylabel=r"-\log q", source=("one_hot_cross_entropy",),
                       yrange=(0.0, 5.0)),
            )),
        Section(
            title="Is it limited to one-hot labels?",
            asked="Does the equivalence need one-hot labels?",
            opening=r"No: $H(p, q) = H(p) + \mathrm{KL}(p \| q)$ for any target $p$.",
            blocks=(
                Claim("The decomposition holds for every target "
                      "([[cross_entropy_is_entropy_plus_kl]]); "
                      "`torch.nn.functional.cross_entropy` accepts soft targets."),
                Remark("Reading the entropy as the irreducible part of the loss is an "
                       "interpretation.", "interpretation"),
            )),
    ),
    summary=("Softmax outputs are a distribution ([[softmax_is_a_distribution]]).",
             r"Cross entropy is $H(p) + \mathrm{KL}(p \| q)$ "
             "([[cross_entropy_is_entropy_plus_kl]])."),
)
