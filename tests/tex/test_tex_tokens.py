"""The normal form of LaTeX math, and what it refuses before any reading."""

from __future__ import annotations

import pytest

from derivations.tex.tokens import NotRead, normal, tokens


@pytest.mark.parametrize(("one", "other"), [
    (r"\left( x \right)", "(x)"),
    (r"p_{j}", "p_j"),
    (r"\frac{1}{2}", r"\frac 1 2"),
    (r"a \leq b", r"a \le b"),
    (r"\operatorname*{arg\,max}_{\theta}", r"\arg\max_\theta"),
    (r"\underset{\theta}{\arg\max}", r"\dvargmax_{\theta}"),
    (r"\mathrm{KL}(p \,\|\, q)", r"D_{\mathrm{KL}}(p \| q)"),
    (r"{}={}", "="),
    (r"\mathbf{θ}", r"\boldsymbol{\theta}"),
    (r"\bm{x}", r"\boldsymbol{x}"),
    (r"a \cdot b", "a b"),
    (r"x^12", r"x^{1}2"),
])
def test_spellings_of_one_formula_have_one_normal_form(one, other):
    assert normal(one) == normal(other)


@pytest.mark.parametrize(("one", "other"), [
    (r"e^{x y}", r"e^{x} y"),
    (r"\epsilon", r"\varepsilon"),
    (r"\mathbf{x}", r"\boldsymbol{x}"),
    (r"\log(x) y", r"\log(x y)"),
    (r"x_{i+1}", r"x_{i}+1"),
])
def test_what_the_page_tells_apart_the_normal_form_keeps_apart(one, other):
    assert normal(one) != normal(other)


@pytest.mark.parametrize(("source", "message"), [
    (r"\frac12 x", r"TeX takes one digit as the argument of \\frac"),
    (r"\frac{1}23", r"TeX takes one digit"),
    (r"\sqrt12", r"argument of \\sqrt"),
    (r"2^{}3", "an empty group stands as the argument of '\\^'"),
    (r"x_{}", "an empty group"),
    (r"\mathbf{\theta}", r"set as \\theta by pdfLaTeX"),
    (r"a = 0 \qquad b = 0", r"a wide space"),
])
def test_what_tex_reads_otherwise_is_refused(source, message):
    with pytest.raises(NotRead, match=message):
        tokens(source)


def test_an_explicit_space_is_remembered():
    marked = {t.text: t.spaced for t in tokens(r"\lambda\,(a) x")}
    assert marked["("] and not marked["x"]
