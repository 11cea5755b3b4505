"""Textbook steps that the checker does not yet grade `symbolic` (kept as written, not contorted).

Each derivation below is the natural textbook derivation. Its failing step is listed in
docs/gallery/README.md with a minimal reproduction, the grade or message obtained and what was
expected. `python -m derivations check docs/gallery/not_yet.py --min-evidence symbolic` exits 1.
"""

from sympy import (
    Derivative,
    IndexedBase,
    Lambda,
    Max,
    Sum,
    Symbol,
    exp,
    log,
)

from derivations import (
    Definition,
    Derivation,
    Entropy,
    Real,
    Simplex,
    Size,
    Step,
    indexed_vector,
    named_function,
    rules,
    xlogy,
)

a = Symbol("a", real=True)
v = Symbol("v", real=True)  # the formal argument of the sigmoid's definition
sigma = named_function("sigma", r"\sigma({0})", positive=True)
sigmoid_definition = Definition(sigma, Lambda(v, 1 / (1 + exp(-v))), "the logistic sigmoid")
j = Symbol("j", integer=True)
margin = Symbol("m", real=True)

# 6. Cover and Thomas, Theorem 2.6.4 as stated there, entries allowed to be zero
#    (0 log 0 = 0): step 2 is only sampled. The book goes on over the support of p only
#    (the j with p_j > 0); there is no way to write a sum over the support, so the tangent step
#    is not written here (with 1/(k p_j) at p_j = 0 it would be rightly refused).
k = Symbol("k", integer=True, positive=True)
p0 = IndexedBase("p", nonnegative=True)
entropy_at_most_log_k_with_zeros = Derivation(
    name="entropy_at_most_log_k_with_zeros",
    title="Entropy is at most log k, zero entries allowed (Cover and Thomas, Theorem 2.6.4)",
    summary=r"For any distribution $p$ over $k$ outcomes, $H(p) \le \log k$.",
    hypotheses=(Size(k), Simplex(p0, k)),
    start=Entropy(indexed_vector(p0, k)),
    steps=(
        Step(-Sum(xlogy(p0[j], p0[j]), (j, 1, k)), rules.definition, "definition of entropy"),
        Step(log(k) + Sum(xlogy(p0[j], 1 / (k * p0[j])), (j, 1, k)), rules.algebra,
             "add and subtract the log of k; the entries sum to one"),
    ),
)

# 9. Murphy PML1 section 17.3 (the squared hinge is differentiable): d/dm max(0, 1 - m)^2 =
#    -2 max(0, 1 - m). Undecided: the derivative goes through the kink of Max.
squared_hinge_derivative = Derivation(
    name="squared_hinge_derivative",
    title="The derivative of the squared hinge loss (Murphy PML1 17.3)",
    summary=r"For a real margin $m$, the derivative of $\max(0, 1 - m)^2$ is $-2 \max(0, 1 - m)$.",
    hypotheses=(Real(margin),),
    start=Derivative(Max(0, 1 - margin) ** 2, margin),
    steps=(Step(-2 * Max(0, 1 - margin), rules.algebra, "the chain rule"),),
)
