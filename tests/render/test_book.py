"""What MyST and Quarto share: prose escaping, justification lines, sections, file assembly."""

from __future__ import annotations

import dataclasses

import pytest

from derivations.language.results import Evidence
from derivations.pipeline import check
from derivations.render import book, myst, quarto
from derivations.render.view import ConditionView, StepView, view


@pytest.fixture(scope="module")
def one_hot_results():
    """A derivation that cites three others, checked with them (the citations come first)."""
    return check(["mle_is_mean_cross_entropy"])


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
def test_escape_table(text, expected):
    assert book.escape(text) == expected


def _step(cites: tuple[str, ...] = (), conditions: tuple[ConditionView, ...] = (),
          evidence: Evidence | None = Evidence.SYMBOLIC) -> StepView:
    return StepView(index=2, relation="=", expr="x", why="because_so", rule="r", cites=cites,
                    conditions=conditions, evidence=evidence)


@pytest.mark.parametrize(("markup", "step", "expected"), [
    (myst.MARKUP, _step(), r"✓ *Step 2.* because\_so"),
    (myst.MARKUP, _step(evidence=Evidence.SIZED), r"(✓) *Step 2.* because\_so"),
    (quarto.MARKUP, _step(evidence=Evidence.SAMPLED), r"≈ *Step 2.* because\_so"),
    (myst.MARKUP, _step(cites=("a_b",)), r"✓ *Step 2.* because\_so (by {prf:ref}`dv-a_b`)"),
    (quarto.MARKUP, _step(cites=("a_b",)), r"✓ *Step 2.* because\_so (by @thm-dv-a-b)"),
    (quarto.MARKUP, _step(cites=("elsewhere",)), r"✓ *Step 2.* because\_so (by `elsewhere`)"),
    (myst.MARKUP, _step(conditions=(ConditionView("x > 0", "x > 0"), ConditionView(None, "a*b"))),
     r"✓ *Step 2.* because\_so; *needs* {math}`x > 0`; a\*b"),
    (quarto.MARKUP, _step(conditions=(ConditionView("x > 0", "x > 0"),)),
     r"✓ *Step 2.* because\_so; *needs* $x > 0$"),
])
def test_justification_line(markup, step, expected):
    assert book.why(step, markup, frozenset({"a_b"})) == expected


def test_sections_keep_their_order_and_the_rest_comes_last(one_hot_results):
    views = [view(r, macros=False) for r in one_hot_results]
    names = [v.name for v in views]
    groups = book.grouped(views, [("Second", [names[1]]), ("Empty", ["missing"]),
                                  ("First", [names[0]])])
    assert [(h, [v.name for v in g]) for h, g in groups] == [
        ("Second", [names[1]]), ("First", [names[0]]), ("Further derivations", names[2:])]
    assert [h for h, _ in book.grouped(views, [])] == ["Derivations"]


def test_joined_collapses_blank_runs_and_ends_with_one_newline():
    assert book.joined(["", "a", "", "", "b", "", ""]) == "a\n\nb\n"


@pytest.mark.parametrize("module", [myst, quarto])
def test_a_derivation_may_not_take_the_index_page_name(module, one_hot_results):
    result = one_hot_results[0]
    renamed = dataclasses.replace(result, derivation=dataclasses.replace(result.derivation,
                                                                         name="index"))
    assert module.files([result], "T")  # the same derivation under its own name is fine
    with pytest.raises(ValueError, match=r"a derivation named 'index' would overwrite the index "
                                         r"page of the Markdown outputs \(MyST, Quarto\): "
                                         "rename it"):
        module.files([renamed], "T")


@pytest.mark.parametrize("module", [myst, quarto])
def test_a_loss_page_shows_its_reference_implementation_as_sampled_evidence(module,
                                                                            one_hot_results):
    page = module.files(one_hot_results, "T")["one_hot_cross_entropy" + module.SUFFIX]
    proof_ends = page.index("Reference implementation")
    assert page.index("Starting from") < proof_ends
    assert r"\mathrm{label\_cross\_entropy}(q, y) = -\log q_{y}" in page
    assert "sampled evidence, not a proof" in page[proof_ends:]


def test_a_derivation_without_code_shows_no_implementation_block():
    v = view(check(["softmax_is_positive"])[0], macros=False)
    assert v.implementations == ()
    assert book.code(v, myst.MARKUP) == []
