"""Reading one row: the tree as written, its meaning, and what is refused as ambiguous."""

from __future__ import annotations

import pytest
from sympy import Abs, IndexedBase, KroneckerDelta, Product, Sum, Symbol, exp, log, sqrt

from derivations.language.notation import KL, Argmax, CrossEntropy, Entropy, OneHot
from derivations.tex.declarations import Declaration, declare
from derivations.tex.reader import _parser, as_written, meaning, read_row
from derivations.tex.tokens import NotRead, normal

DECLARATIONS = [
    ("size", "k, m"),
    ("index", r"j \in \{1, \dots, k\}"),
    ("index", r"i \in \{1, \dots, m\}"),
    ("label", r"y \in \{1, \dots, k\}"),
    ("family", r"q_{j} for j \in \{1, \dots, k\}"),
    ("family", r"p_{j} for j \in \{1, \dots, k\}"),
    ("family", r"\mathbf{o}^{(i)}"),
    ("family", r"W_{j,l}"),
    ("parameter", r"\theta"),
    ("function", r"p_{\mathrm{model}}(o; \theta)"),
    ("function", r"\ell_{c} for c \in \{1, \dots, k\}"),
    ("onehot", r"e_{c} for c \in \{1, \dots, k\}"),
    ("assume", r"q_{j} > 0"),
]
DECLARED = declare([Declaration(kw, text, n) for n, (kw, text) in enumerate(DECLARATIONS)])
V = DECLARED.vocabulary
q, p, W = IndexedBase("q"), IndexedBase("p"), IndexedBase("W")
j, i = Symbol("j", integer=True), Symbol("i", integer=True)
x, a, b = Symbol("x"), Symbol("a"), Symbol("b")


def read(source: str):
    parts = read_row(source, V)
    assert len(parts) == 1 and parts[0][0] is None
    return parts[0][1]


def test_the_declarations_are_all_used():
    assert DECLARED.problems == []


def test_the_grammar_is_lalr_without_a_conflict():
    # strict mode raises on any shift/reduce conflict when the parser is built
    assert _parser().options.strict


@pytest.mark.parametrize(("source", "expected"), [
    (r"\sum_{j=1}^{k} q_{j}", lambda: Sum(q[j], (j, 1, Symbol("k", integer=True, positive=True)))),
    (r"\log x^{2}", lambda: log(x ** 2)),
    (r"\log(a + b)", lambda: log(a + b)),
    (r"e^{-x}", lambda: exp(-x)),
    (r"\exp(x)", lambda: exp(x)),
    (r"\sqrt{x}", lambda: sqrt(x)),
    (r"\frac{1}{2} x", lambda: x / 2),
    (r"- \log q_{y}", lambda: -log(q[Symbol("y", integer=True)])),
    (r"\delta_{jy}", lambda: KroneckerDelta(j, Symbol("y", integer=True))),
    (r"\delta_{j,y}", lambda: KroneckerDelta(j, Symbol("y", integer=True))),
    (r"W_{j,l}", lambda: W[j, Symbol("l")]),
    (r"\left|x - 1\right|", lambda: Abs(x - 1)),
    (r"\lvert{a}\rvert b", lambda: Abs(a) * b),
    (r"\bigl| a \bigr| - \left|{b - a}\right|", lambda: Abs(a) - Abs(b - a)),
    (r"\prod_{i=1}^{m} \mathbf{o}^{(i)}",
     lambda: Product(IndexedBase(r"\mathbf{o}")[i], (i, 1, Symbol("m", integer=True,
                                                                  positive=True)))),
])
def test_a_row_means_what_the_page_shows(source, expected):
    got = meaning(read(source))
    assert str(got) == str(expected()), got


def test_information_measures_and_optima():
    assert isinstance(meaning(read(r"H(e_{y}, q)")), CrossEntropy)
    assert isinstance(meaning(read(r"H(p)")), Entropy)
    assert isinstance(meaning(read(r"\mathrm{KL}(p \| q)")), KL)
    assert isinstance(meaning(read(r"H(e_{y}, \ell)")), CrossEntropy)
    assert isinstance(meaning(read(r"H(e_{y}, q)")).args[0], OneHot)
    chain = meaning(read(r"\underset{\theta}{\arg\max} \prod_{i=1}^{m} "
                         r"p_{\mathrm{model}}(\mathbf{o}^{(i)}; \theta)"))
    assert isinstance(chain, Argmax)


@pytest.mark.parametrize("source", [
    r"\frac{1}{m} \sum_{i=1}^{m} - \log p_{\mathrm{model}}(\mathbf{o}^{(i)}; \theta)",
    r"\log\left(\frac{p_{j}}{q_{j}}\right) - \log p_{j}",
    r"\left(\sum_{j=1}^{k} q_{j}\right)^{2} q_{y}",
    r"\frac{\partial}{\partial q_{j}} \left(q_{j} - p_{j}\right)",
    r"2 \cdot 3",
    r"\lambda\,(a + b)",
    r"\left|{x - q_{j}}\right| + \lvert x \rvert",
])
def test_a_row_prints_back_as_written(source):
    assert normal(as_written(read(source))) == normal(source)


@pytest.mark.parametrize(("source", "message"), [
    (r"\sigma(a + b)", r"reads as a function applied to the bracket"),
    (r"q_{j}(a + b)", r"reads as a function applied to the bracket"),
    (r"\log x y", r"is ambiguous: does the operator apply to both factors"),
    (r"\frac{\partial}{\partial q_{j}} q_{j} q_{j}", r"is ambiguous"),
    (r"2 3", r"shows as one number"),
    (r"2\frac{1}{2}", r"shows as one number"),
    (r"\frac{d}{dx} x", r"reads as a derivative, but d here is a symbol"),
    (r"q_{ab}", r"one index that is a product, or two indices"),
    (r"x^{(2)}", r"reads as an index in most texts"),
    (r"\arg\min_{\theta} \theta^{2} + \theta", r"stands only as a whole side"),
    (r"q + 1", r"a vector stands only as an argument of H or KL"),
    (r"e_{y}", r"a vector stands only as an argument of H or KL"),
    (r"\log q", r"a vector stands only as an argument of H or KL"),
    (r"(1, 2)^{2}", r"a vector stands only as an argument of H or KL"),
    (r"x_{i}", r"x is not declared as a family or a function"),
    (r"\frac{\partial}{\partial q_{j}} L", r"L is not declared, so the derivative reads it"),
    (r"\sum_{\substack{1 \le j \le k \\ 1 \le j \le k}} 1", r"one index twice"),
    (r"\mathrm{softmax}(x)", r"names something that is not declared"),
    (r"\int_0^1 x", r"not in the declared subset"),
    (r"W_{j}", r"W has 2 indices, not 1"),
    (r"p_{\mathrm{model}}(o, \theta)", r"is declared with separators"),
    (r"\sum_{l} q_{l}", r"no range is declared for l"),
    # bare bars are those of p(y | x) too: an absolute value is \left| x \right| or \lvert x \rvert
    (r"|x - 1|", r"cannot read"),
    (r"\left| x \middle| y \right|", r"cannot read"),
    (r"\left| x \right", r"cannot read|unexpected|not read|end"),
])
def test_an_ambiguous_or_unknown_row_is_refused_with_why(source, message):
    with pytest.raises(NotRead, match=message):
        read(source)


def test_the_tree_keeps_the_source_order():
    written = read(r"b + a")
    assert as_written(written) == "b + a"
    assert str(meaning(written)) == "a + b"


def test_no_part_as_written_reaches_the_kernel():
    """A one-hot label that is an entry written with a bracketed superscript once reached the
    kernel as an opaque 'written' node inside the vector, and a true step failed."""
    from sympy import preorder_traversal

    from derivations.tex.reader import Written

    d = declare([Declaration(kw, text, n) for n, (kw, text) in enumerate([
        *DECLARATIONS, ("family", r"b^{(i)}"), ("assume", r"b^{(i)} \in \{1, \dots, k\}")])])
    assert d.problems == []
    for source in (r"H(e_{b^{(i)}}, q)", r"\sum_{i=1}^{m} H(e_{b^{(i)}}, q)",
                   r"\mathrm{KL}(e_{b^{(i)}} \| q)", r"\frac{1}{2} \log(q_{b^{(i)}})"):
        (part,) = read_row(source, d.vocabulary)
        meant = meaning(part[1])
        assert not any(isinstance(n, Written) for n in preorder_traversal(meant)), source
        if isinstance(meant, CrossEntropy):
            assert str(meant.args[0].args[0]) == "b[i]"
