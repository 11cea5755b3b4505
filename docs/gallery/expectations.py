"""Expectations under a discrete distribution, from the definition E_p[g] = sum_j p_j g_j
(``Expectation``): the cross entropy as an expected negative log-likelihood, linearity, the
expectation of a constant, and the variance as a difference of moments. Nothing about the
expectation is assumed: each step unfolds it and is proved.
"""

from sympy import IndexedBase, Symbol, log

from derivations import (
    CrossEntropy,
    Derivation,
    Expectation,
    Positive,
    Real,
    Simplex,
    Size,
    Step,
    function_vector,
    indexed_vector,
    rules,
)

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", nonnegative=True)
q = IndexedBase("q", positive=True)
g = IndexedBase("g", real=True)
h = IndexedBase("h", real=True)
a = Symbol("a", real=True)
b = Symbol("b", real=True)
c = Symbol("c", real=True)
P = indexed_vector(p, k)
Q = indexed_vector(q, k)
G = indexed_vector(g, k)
H = indexed_vector(h, k)

#: Murphy, PML1, 6.1.6 (cross entropy): the cross entropy of p and q is the expected value,
#: under p, of the negative log-probability that q gives each outcome.
cross_entropy_is_expected_nll = Derivation(
    name="cross_entropy_is_expected_nll",
    title="Cross entropy is the expected negative log-likelihood",
    hypotheses=(Size(k), Simplex(p, k), Positive(q[j])),
    start=Expectation(function_vector(lambda i: -log(q[i]), Symbol(r"\ell"), k), P),
    steps=(Step(CrossEntropy(P, Q), rules.definition, r"both are $\sum_j p_j (-\log q_j)$"),),
)

#: Bishop, PRML, eq. 1.33 and the linearity used throughout chapter 1.
linearity_of_expectation = Derivation(
    name="linearity_of_expectation",
    title="Expectation is linear",
    hypotheses=(Size(k), Simplex(p, k), Real(g[j]), Real(h[j]), Real(a), Real(b)),
    start=Expectation(function_vector(lambda i: a * g[i] + b * h[i],
                                      a * Symbol("g") + b * Symbol("h"), k), P),
    steps=(Step(a * Expectation(G, P) + b * Expectation(H, P), rules.definition,
                "the sum splits term by term"),),
)

#: The expectation of a constant is the constant: the probabilities sum to one.
expectation_of_a_constant = Derivation(
    name="expectation_of_a_constant",
    title="The expectation of a constant is the constant",
    hypotheses=(Size(k), Simplex(p, k), Real(c)),
    start=Expectation(function_vector(lambda i: c, c, k), P),
    steps=(Step(c, rules.definition, "the probabilities sum to one"),),
)

mean = Expectation(G, P)
#: Bishop, PRML, eq. 1.39: the variance is the second moment minus the squared mean.
variance_as_moments = Derivation(
    name="variance_as_moments",
    title="The variance is the second moment minus the squared mean",
    hypotheses=(Size(k), Simplex(p, k), Real(g[j])),
    start=Expectation(function_vector(lambda i: (g[i] - mean) ** 2,
                                      (Symbol("g") - Symbol(r"\mu")) ** 2, k), P),
    steps=(
        Step(Expectation(function_vector(lambda i: g[i] ** 2, Symbol("g") ** 2, k), P)
             - 2 * mean * mean + mean ** 2, rules.definition,
             "expand the square; the mean is a constant and the probabilities sum to one"),
        Step(Expectation(function_vector(lambda i: g[i] ** 2, Symbol("g") ** 2, k), P)
             - mean ** 2, rules.algebra, "collect the squared mean"),
    ),
)
