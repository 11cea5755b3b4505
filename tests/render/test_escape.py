"""Escaping prose for each markup: LaTeX, and Markdown in the dialect of the pages and of the
notebook."""

from __future__ import annotations

from pathlib import Path

import pytest

from derivations.render import escape


@pytest.mark.parametrize(("text", "expected"), [
    ("a_b", r"a\_b"),
    ("50% & #1 $x$ {y} ~ ^ \\", r"50\% \& \#1 \$x\$ \{y\} \textasciitilde{} \textasciicircum{} "
                                 r"\textbackslash{}"),
    ("p(y | x)", r"p(y \textbar{} x)"),
    ("1 <= y", r"1 \textless{}= y"),
])
def test_latex_table(text, expected):
    assert escape.latex(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("plain words, a comma.", "plain words, a comma."),
    ("a_b *c* `d`", r"a\_b \*c\* \`d\`"),
    ("[link](x) {role}", r"\[link\](x) \{role\}"),
    ("$x$ and @thm-a", r"\$x\$ and \@thm-a"),
    ("<b> & #1 % ~ ^ |", r"\<b\> \& \#1 \% \~ \^ \|"),
    ("back\\slash", r"back\\slash"),
    ("two\nlines", "two lines"),
    ("- not a list", r"\- not a list"),
    ("1. not a list", r"1\. not a list"),
    ("(1) not a list", r"\(1) not a list"),
    ("::: not a div", r"\::: not a div"),
    ("12 apostles", "12 apostles"),
])
def test_markdown_table_for_the_pages(text, expected):
    assert escape.markdown(text) == escape.markdown(text, escape.PAGES) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("log x <= x - 1", "log x &lt;= x - 1"),
    ("the p_j sum to one", r"the p\_j sum to one"),
    ("*not* [a link] #3 `code` $5", r"\*not\* \[a link\] \#3 \`code\` \$5"),
    ("A & B\nC", "A &amp; B C"),
    ("2^x, KL(p || q), 100%", "2^x, KL(p || q), 100%"),
    ("- a dash", "- a dash"),
])
def test_markdown_table_for_the_notebook(text, expected):
    assert escape.markdown(text, escape.NOTEBOOK) == expected


def test_a_named_function_prints_the_template_its_class_holds():
    """Red-team m11: the template held in named_function's printing closure was swapped for
    one that printed f(x, 0) < f(x, 1) as x^0 < x^1; the printer now reads the class's own
    template, the one the audits read."""
    import runpy

    from sympy import latex

    attack = runpy.run_path(str(Path(__file__).resolve().parents[1] / "data"
                                / "redteam_process" / "m11_closure_template.py"))
    d = attack["m11"]
    shown = latex(d.start) + latex(d.steps[0].expr)
    assert "operatorname{f}" in shown and "x^{0}" not in shown, shown
