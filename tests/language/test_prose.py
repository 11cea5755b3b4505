"""Prose with inline math: what is accepted, what is refused and why (issue: the answer, item 2)."""

from __future__ import annotations

import pytest
from sympy import Symbol, log

from derivations.errors import AuthoringError
from derivations.language import document, prose


def test_segments_split_text_math_code_and_references() -> None:
    got = prose.segments(r"Costs \$5: $q_i - p_i$ from `softmax`, see [[cross_entropy_gradient]].")
    assert [(s.kind, s.body) for s in got] == [
        ("text", "Costs $5: "), ("math", "q_i - p_i"), ("text", " from "), ("code", "softmax"),
        ("text", ", see "), ("ref", "cross_entropy_gradient"), ("text", ".")]


def test_render_folds_each_kind_through_its_function() -> None:
    out = prose.render(r"a $x^2$ `f` [[t]] b", text=str.upper, math=lambda m: f"<{m}>",
                       code=lambda c: f"[{c}]", ref=lambda r: "Theorem 7")
    assert out == "A <x^2> [f] Theorem 7 B"
    assert prose.plain(r"$q_i$ and `f`") == "q_i and f"
    assert prose.refs("[[a]] then [[b]] and [[a]]") == ("a", "b")


@pytest.mark.parametrize(("text", "why"), [
    ("z_i is q_i - p_i", "'_' in plain text looks like a formula"),
    ("the loss is <= 1", "'<' in plain text"),
    ("q = p entry by entry", "'=' in plain text"),
    ("diag(q) - q qˆT", "MODIFIER LETTER CIRCUMFLEX"),
    ("the parameters θ", "GREEK SMALL LETTER THETA"),
    ("x ≤ y", "LESS-THAN OR EQUAL TO"),
    ("a * b", "looks like a formula"),
    (r"$\input{/etc/passwd}$", r"\\input in"),
    (r"$\text{\write18{rm}}$", r"\\write18|\\write in"),
    (r"$\csname x\endcsname$", r"\\csname"),
    (r"$\def\x{1}$", r"\\def"),
    (r"$\catcode`\%=12$", r"\\catcode|comment"),
    (r"$a^^5c$", r"character code"),
    (r"$a % b$", "comment"),
    (r"$a & b$", "alignment"),
    (r"$a \\ b$", "line break"),
    (r"$\frac{1}{2$", "unbalanced braces"),
    (r"$a}{$", "closing brace"),
    ("$x", "never closed"),
    ("$$x$$", "display math"),
    ("$ $", "empty math"),
    ("$θ$", "ASCII TeX"),
    (r"\emph{x}", "backslash outside math"),
    ("`a b`", "not a code name"),
    ("`open", "unmatched backquote"),
    ("[[not a name]]", "a reference is written"),
    ("tab\x00null", "control character"),
])
def test_refused_with_a_message_naming_the_problem(text: str, why: str) -> None:
    with pytest.raises(AuthoringError, match=why):
        prose.segments(text, "the summary of t")


def test_the_error_names_where_the_text_is() -> None:
    with pytest.raises(AuthoringError, match="^the summary of softmax: "):
        prose.segments("q_i", "the summary of softmax")


@pytest.mark.parametrize("text", [
    r"$\operatorname*{arg\,max}_{\theta} \sum_{i=1}^{m} \log p(y_i \mid x_i; \theta)$",
    r"$\mathrm{KL}(p \,\|\, q) \ge 0$, with equality if and only if $p = q$",
    r"$H(p, q) = H(p) + \mathrm{KL}(p \,\|\, q)$ for any target",
    r"$\mathbf{e}_y$ and $\boldsymbol{\theta}$ and $\hat{y} = \arg\max_j q_j$",
    r"a 50% sign and a \$ sign are text, and so is a -- dash",
])
def test_ordinary_lecture_prose_is_accepted(text: str) -> None:
    assert prose.validate(text) == text


def test_a_claim_must_cite_what_proves_it() -> None:
    assert document.Claim("softmax outputs sum to one [[softmax_is_a_distribution]]").cites == (
        "softmax_is_a_distribution",)
    with pytest.raises(AuthoringError, match="must cite"):
        document.Claim("softmax outputs sum to one")
    with pytest.raises(AuthoringError, match="remark is one of"):
        document.Remark("networks are overconfident", "folklore")  # type: ignore[arg-type]


def test_an_answer_citing_an_unchecked_derivation_is_refused() -> None:
    q = Symbol("q", positive=True)
    figure = document.Figure("neg-log", "The loss $-\\log q$.", q, (0.01, 1.0),
                             (document.Curve(-log(q), "$-\\log q$"),), "q", "-\\log q",
                             ("one_hot_cross_entropy",))
    answer = document.Answer(
        "An answer", "Why?", (document.NotationRow(r"a(x; \theta)", r"q(x; \theta)",
                                                   "the output activations"),),
        (document.Section("Title", "Asked?", "Yes [[b]].",
                          (document.Claim("it holds [[a]]"), figure)),))
    assert answer.cites == ("b", "a", "one_hot_cross_entropy")
    answer.resolve(["a", "b", "one_hot_cross_entropy"])
    with pytest.raises(AuthoringError, match=r"\['b'\]"):
        answer.resolve(["a", "one_hot_cross_entropy"])


def test_a_figure_curve_in_a_second_variable_is_refused() -> None:
    q, r = Symbol("q"), Symbol("r")
    with pytest.raises(AuthoringError, match="depends on"):
        document.Figure("f", "c", q, (0.0, 1.0), (document.Curve(q * r, "x"),), "q", "y",
                        ("t",))


def test_a_reference_in_any_field_of_the_answer_must_resolve() -> None:
    """Red team d08: references in the answer's title, a section's title and question, a
    notation row's meaning and a curve's label are gathered and resolved too."""
    q = Symbol("q", positive=True)
    answer = document.Answer(
        "Why, by [[forged_main]]", "Why?",
        (document.NotationRow("q", "q", "as in [[never_checked]]"),),
        (document.Section("Does [[no_such]] hold?", "As [[forged]] shows?", "Yes.",
                          (document.Figure("f", "c", q, (0.1, 1.0),
                                           (document.Curve(-log(q), "by [[curve_ref]]"),),
                                           "q", "y", ("t",)),)),))
    assert set(answer.cites) == {"forged_main", "never_checked", "no_such", "forged",
                                 "curve_ref", "t"}
    with pytest.raises(AuthoringError, match="forged_main"):
        answer.resolve(["t"])


def test_a_relation_in_words_inside_math_is_a_statement():
    """Red-team round 21 (w07): a title that says $\\log(a+b) \\;\\mathrm{equals}\\; ...$ states
    a relation beside a check mark as surely as one with '='; a plain-text call with an
    operator in it is a formula."""
    assert prose.statements(r"$\log(a+b) \;\mathrm{equals}\; \log a + \log b$")
    assert prose.statements(r"$a \operatorname{is} b$")
    assert not prose.statements(r"$\mathrm{KL}(p \,\|\, q)$ and $\operatorname{softmax}(z)$")
    with pytest.raises(AuthoringError, match="looks like a formula"):
        prose.validate("log(a+b) equals log(a)+log(b)")
    prose.validate("PyTorch/SciPy agree (see the oracles)")
