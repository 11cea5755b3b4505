"""C3: the gradient of softmax cross entropy is q - p; its Hessian is diag(q) - q q^T >= 0.

The logits z are real; q = softmax(z) is given by its formula (a definition), so every step is
checked on the exponentials themselves. The catalogue entry is the gradient; the Hessian and the
convexity of the loss in the logits are two helper theorems that cite it.
"""

from __future__ import annotations

from sympy import Derivative, Expr, IndexedBase, KroneckerDelta, Lambda, S, Sum, Symbol, exp, log

from derivations import (
    CrossEntropy,
    Definition,
    Derivation,
    IndexRange,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    function_vector,
    indexed_vector,
    named_function,
    rules,
)
from derivations.catalogue.notation import j, k

#: A bound class index for the normaliser, and the formal argument of the softmax's definition.
l = Symbol("l", integer=True)  # noqa: E741 (the textbook's letter)
#: The index of the softmax's normaliser.
s = Symbol("s", integer=True)
c = Symbol("c")

#: The logits, a direction in logit space, and the target distribution (soft or one-hot: its
#: entries may be zero).
z = IndexedBase("z", real=True)
v = IndexedBase("v", real=True)
p = IndexedBase("p", nonnegative=True)

#: q_c = softmax(z)_c, the network's predicted probability of class c.
softmax = named_function("softmax", r"q_{{{0}}}", positive=True)
_normaliser = Sum(exp(z[s]), (s, 1, k))
softmax_definition = Definition(softmax, Lambda(c, exp(z[c]) / _normaliser))


def q(index: Expr) -> Expr:
    """Entry ``index`` of the softmax of the logits."""
    return softmax(index)


_loss = CrossEntropy(indexed_vector(p, k), function_vector(q, Symbol("q"), k))
_common = (Size(k), Real(z[s]), Simplex(p, k), softmax_definition)

cross_entropy_gradient = Derivation(
    name="cross_entropy_gradient",
    title="The gradient of softmax cross entropy is the prediction minus the target",
    summary=(r"For logits $z$, predicted probabilities $q = \operatorname{softmax}(z)$ and a "
             r"target distribution $p$, the derivative of the cross entropy $H(p, q)$ with "
             r"respect to the logit $z_j$ is $q_j - p_j$: the prediction minus the target. This "
             r"uses that the entries of $p$ sum to one ($p$ may be one-hot). "
             r"[[cross_entropy_hessian]] and [[cross_entropy_convex_in_logits]] continue with the "
             r"second derivatives."),
    hypotheses=(*_common, IndexRange(j, 1, k)),
    start=Derivative(_loss, z[j]),
    steps=(
        Step(Derivative(-Sum(p[l] * log(q(l)), (l, 1, k)), z[j]), rules.definition,
             "definition of cross entropy"),
        Step(Derivative(-Sum(p[l] * (z[l] - log(_normaliser)), (l, 1, k)), z[j]),
             rules.definition,
             "the log of a softmax entry is its logit minus the log of the normaliser"),
        Step(-Sum(p[l] * (KroneckerDelta(j, l) - q(j)), (l, 1, k)), rules.algebra,
             "differentiate term by term: a logit's derivative with respect to another is a "
             "Kronecker delta, and the log-normaliser's derivative is the softmax entry"),
        Step(-p[j] + q(j) * Sum(p[l], (l, 1, k)), rules.one_hot_collapse,
             "the delta keeps only the term of class $j$, which is one of the $k$ classes"),
        Step(q(j) - p[j], rules.algebra, "the entries of $p$ sum to one"),
    ),
)

#: The label of a one-hot target.
y = Symbol("y", integer=True)
_hot = KroneckerDelta(j, y)
_one_hot = (Size(k), Real(z[s]), IndexRange(y, 1, k), IndexRange(j, 1, k), softmax_definition)

one_hot_gradient = Derivation(
    name="one_hot_gradient",
    title="The gradient of the one-hot loss in every logit",
    summary=(r"For a one-hot target $e_y$ the loss is $-\log q_y$, and its derivative with "
             r"respect to the logit $z_j$ is $q_j - \delta_{jy}$: $q_y - 1$ at the label and "
             r"$q_j$ at every other class. The loss involves only the label's probability, yet "
             r"its gradient involves every output, because each $q_j$ shares the softmax's "
             r"normaliser; [[non_label_logits_pushed_down]] draws the consequence."),
    hypotheses=_one_hot,
    start=Derivative(-log(q(y)), z[j]),
    steps=(
        Step(-Derivative(z[y] - log(_normaliser), z[j]), rules.definition,
             "the log of a softmax entry is its logit minus the log of the normaliser"),
        Step(-KroneckerDelta(j, y) + exp(z[j]) / _normaliser, rules.algebra,
             "differentiate: a logit's derivative with respect to another is a Kronecker delta, "
             "and the log-normaliser's is the softmax entry"),
        Step(q(j) - _hot, rules.definition, "fold the softmax entry back"),
    ),
)

non_label_logits_pushed_down = Derivation(
    name="non_label_logits_pushed_down",
    title="The one-hot loss pushes every other logit down",
    summary=(r"Off the label ($j \ne y$, where $1 - \delta_{jy} = 1$) the derivative of the "
             r"one-hot loss with respect to $z_j$ is $q_j$, which is positive "
             r"([[softmax_is_positive]]): a gradient step lowers every non-label logit, in "
             r"proportion to the probability the model gives that class. Training with a one-hot "
             r"target therefore constrains all the outputs, not only the label's."),
    hypotheses=_one_hot,
    start=(1 - _hot) * Derivative(-log(q(y)), z[j]),
    steps=(
        Step((1 - _hot) * (q(j) - _hot), rules.algebra,
             "the gradient of the one-hot loss", cites=("one_hot_gradient",)),
        Step((1 - _hot) * q(j), rules.algebra,
             r"a delta is 0 or 1, so $\delta_{jy} (1 - \delta_{jy})$ vanishes"),
        Step(S.Zero, rules.inequality,
             "a softmax entry is positive, and one minus a delta is 0 or 1",
             relation=Relation.GE),
    ),
)


cross_entropy_hessian = Derivation(
    name="cross_entropy_hessian",
    title="The Hessian of softmax cross entropy in the logits",
    summary=(r"The matrix of second derivatives of the cross entropy with respect to the logits "
             r"is $\operatorname{diag}(q) - q q^{\top}$: the diagonal matrix of the predicted "
             r"probabilities minus the outer product of the prediction with itself. It does not "
             r"depend on the target."),
    hypotheses=(*_common, IndexRange(j, 1, k), IndexRange(l, 1, k)),
    start=Derivative(Derivative(_loss, z[j]), z[l]),
    steps=(
        Step(Derivative(q(j) - p[j], z[l]), rules.algebra,
             "the first derivative is the prediction minus the target",
             cites=("cross_entropy_gradient",)),
        Step(Derivative(exp(z[j]) / _normaliser, z[l]), rules.definition,
             "definition of the softmax; the target does not depend on the logits"),
        Step(exp(z[j]) * KroneckerDelta(j, l) / _normaliser
             - exp(z[j]) * exp(z[l]) / _normaliser ** 2, rules.algebra,
             "the quotient rule"),
        Step(q(j) * (KroneckerDelta(j, l) - q(l)), rules.definition,
             "fold the softmax entries back"),
    ),
)

_quadratic_form = Sum(v[j] * v[l] * Derivative(Derivative(_loss, z[j]), z[l]),
                      (j, 1, k), (l, 1, k))
_mean = Sum(q(s) * v[s], (s, 1, k))

cross_entropy_convex_in_logits = Derivation(
    name="cross_entropy_convex_in_logits",
    title="Softmax cross entropy is convex in the logits",
    summary=(r"Along every direction $v$ in logit space, the second derivative of the cross "
             r"entropy is the variance of the entries of $v$ under the predicted distribution, "
             r"hence non-negative: the Hessian is positive semi-definite and the loss is convex "
             r"in the logits $z$ (not strictly: shifting every logit by the same amount changes "
             r"nothing). For an affine last layer $z = W x + b$ with its inputs $x$ fixed, the "
             r"same holds in $W$ and $b$ ([[cross_entropy_convex_in_last_layer]]); through hidden "
             r"layers the loss is not convex in the weights."),
    hypotheses=(*_common, Real(v[l])),
    start=_quadratic_form,
    steps=(
        Step(Sum(v[j] * v[l] * q(j) * (KroneckerDelta(j, l) - q(l)), (j, 1, k), (l, 1, k)),
             rules.algebra, "the Hessian entries", cites=("cross_entropy_hessian",)),
        Step(Sum(q(j) * v[j] ** 2, (j, 1, k)) - Sum(q(j) * v[j], (j, 1, k)) ** 2,
             rules.algebra,
             "the delta keeps the diagonal of the first double sum; the second double sum is "
             "a product of two single sums"),
        Step(Sum(q(j) * (v[j] - _mean) ** 2, (j, 1, k)), rules.algebra,
             "a variance: the softmax entries are weights that sum to one"),
        Step(S.Zero, rules.inequality,
             "a sum of positive weights times squares is non-negative",
             relation=Relation.GE),
    ),
)

# The last layer: convexity in its weights and biases, the inputs held fixed ------------------

#: The last layer's n inputs (fixed), its weights and biases, and a direction (U, d) in them;
#: t moves the parameters along that direction: (W + t U, b + t d).
n_in = Symbol("n", integer=True, positive=True)
r = Symbol("r", integer=True)
t = Symbol("t", real=True)
W = IndexedBase("W", real=True)
U = IndexedBase("U", real=True)
b = IndexedBase("b", real=True)
d_b = IndexedBase("d", real=True)
x_in = IndexedBase("x", real=True)
layer_logit = named_function("layer_logit", r"z_{{{0}}}(t)", real=True)
layer_direction = named_function("layer_direction", r"v_{{{0}}}", real=True)
layer_softmax = named_function("layer_softmax", r"q_{{{0}}}(t)", positive=True)
_layer_normaliser = Sum(exp(layer_logit(s)), (s, 1, k))
_layer = (
    Definition(layer_logit, Lambda(c, Sum((W[c, r] + t * U[c, r]) * x_in[r], (r, 1, n_in))
                                   + b[c] + t * d_b[c])),
    Definition(layer_direction, Lambda(c, Sum(U[c, r] * x_in[r], (r, 1, n_in)) + d_b[c])),
    Definition(layer_softmax, Lambda(c, exp(layer_logit(c)) / _layer_normaliser)),
)
_layer_mean = Sum(layer_softmax(s) * layer_direction(s), (s, 1, k))

cross_entropy_convex_in_last_layer = Derivation(
    name="cross_entropy_convex_in_last_layer",
    title="With fixed inputs, softmax cross entropy is convex in an affine last layer",
    summary=(r"Let the logits be an affine function $z = W x + b$ of the last layer's inputs $x$, "
             r"which are held fixed, and move the weights and biases along any direction, $(W + t "
             r"U, b + t d)$. Then each logit moves along a line, $z_j(t) = z_j(0) + t v_j$ with "
             r"$v = U x + d$, and the second derivative of the cross entropy in $t$ is the "
             r"variance of $v$ under the predicted distribution, which is non-negative: the loss "
             r"is convex in $W$ and $b$ together, as it is in the logits "
             r"([[cross_entropy_convex_in_logits]]). Nothing here says the same of the weights of "
             r"earlier layers, on which the inputs $x$ themselves depend."),
    hypotheses=(Size(k), Size(n_in), Real(W[j, r]), Real(U[j, r]), Real(b[j]), Real(d_b[j]),
                Real(x_in[r]), Real(t), Simplex(p, k), *_layer),
    start=Derivative(CrossEntropy(indexed_vector(p, k),
                                  function_vector(layer_softmax, Symbol("q"), k)), t, 2),
    steps=(
        Step(Derivative(-Sum(p[j] * layer_logit(j), (j, 1, k)) + log(_layer_normaliser), t, 2),
             rules.definition,
             "the log of a softmax entry is its logit minus the log of the normaliser, and the "
             "target sums to one"),
        Step(Sum(layer_softmax(j) * layer_direction(j) ** 2, (j, 1, k)) - _layer_mean ** 2,
             rules.algebra,
             "differentiate twice: each logit is linear in $t$ with slope $v_j$, so only the "
             "log-normaliser has a second derivative"),
        Step(Sum(layer_softmax(j) * (layer_direction(j) - _layer_mean) ** 2, (j, 1, k)),
             rules.algebra, "a variance: the softmax entries are weights that sum to one"),
        Step(S.Zero, rules.inequality,
             "a sum of positive weights times squares is non-negative",
             relation=Relation.GE),
    ),
)
