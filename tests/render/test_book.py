"""What the Markdown formats share: justification lines, page and index assembly, and each
format's :class:`~derivations.render.book.Markup`."""

from __future__ import annotations

import dataclasses

import pytest

from derivations.language.results import Evidence
from derivations.pipeline import check
from derivations.render import book, mkdocs_pages, myst, quarto
from derivations.render.view import ConditionView, StepView, view


@pytest.fixture(scope="module")
def one_hot_results():
    """A derivation that cites three others, checked with them (the citations come first)."""
    return check(["mle_is_mean_cross_entropy"])


def _step(cites: tuple[str, ...] = (), conditions: tuple[ConditionView, ...] = (),
          evidence: Evidence | None = Evidence.SYMBOLIC) -> StepView:
    return StepView(index=2, relation="=", expr="x", why="because *so*", rule="r", cites=cites,
                    conditions=conditions, evidence=evidence)


@pytest.mark.parametrize(("markup", "step", "expected"), [
    (myst.MARKUP, _step(), r"(2) ✓ because \*so\*"),
    (myst.MARKUP, _step(evidence=Evidence.SIZED), r"(2) (✓) because \*so\*"),
    (quarto.MARKUP, _step(evidence=Evidence.SAMPLED), r"(2) ≈ because \*so\*"),
    (myst.MARKUP, _step(cites=("a_b",)), r"(2) ✓ because \*so\* (by {prf:ref}`dv-a_b`)"),
    (quarto.MARKUP, _step(cites=("a_b",)), r"(2) ✓ because \*so\* (by @thm-dv-a-b)"),
    (quarto.MARKUP, _step(cites=("elsewhere",)), r"(2) ✓ because \*so\* (by `elsewhere`)"),
    (myst.MARKUP, _step(conditions=(ConditionView("x > 0", "x > 0"), ConditionView(None, "a*b"))),
     r"(2) ✓ because \*so\*; *needs* {math}`x > 0`; a\*b"),
    (quarto.MARKUP, _step(conditions=(ConditionView("x > 0", "x > 0"),)),
     r"(2) ✓ because \*so\*; *needs* $x > 0$"),
    (mkdocs_pages.MARKUP, _step(cites=("a_b",)),
     r"(2) ✓ because \*so\* (by [Theorem A *b*](a_b.md#dv-a_b))"),
    (mkdocs_pages.MARKUP, _step(cites=("elsewhere",)), r"(2) ✓ because \*so\* (by `elsewhere`)"),
])
def test_justification_line(markup, step, expected):
    assert book.why(step, markup, {"a_b": "A *b*"}) == expected


def test_the_index_lists_the_sections_and_the_rest_under_derivations(one_hot_results):
    index = myst.files(one_hot_results, "T")["index.md"]
    assert index.count("```{toctree}") == 1 and ":caption: Derivations" in index
    first = one_hot_results[0].derivation
    index = myst.files(one_hot_results, "T", [("First", [first])])["index.md"]
    assert index.index(":caption: First") < index.index(":caption: Further derivations")


def test_joined_collapses_blank_runs_and_ends_with_one_newline():
    assert book.joined(["", "a", "", "", "b", "", ""]) == "a\n\nb\n"


@pytest.mark.parametrize("module", [myst, quarto, mkdocs_pages])
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
    assert page.index("Each line follows from the one above it") < proof_ends
    assert r"\mathtt{label\_cross\_entropy}(q, y) = -\log q_{y}" in page
    assert "sampled evidence, not a proof" in page[proof_ends:]


def test_a_derivation_without_code_shows_no_implementation_block():
    v = view(check(["softmax_is_positive"])[0], macros=False)
    assert v.implementations == ()
    assert book.code(v, myst.MARKUP) == []


@pytest.mark.parametrize(("markup", "label", "inline", "display", "suffix", "header"), [
    (myst.MARKUP, "dv-a_b", "{math}`x`", ["```{math}", "x", "```"], ".md", f"% {book.GENERATED}\n"),
    (quarto.MARKUP, "thm-dv-a-b", "$x$", ["$$", "x", "$$"], ".qmd",
     f"<!-- {book.GENERATED} -->\n"),
    (mkdocs_pages.MARKUP, "dv-a_b", "$x$", ["$$", "x", "$$"], ".md", ""),
])
def test_each_markup_says_how_it_writes_labels_math_and_files(markup, label, inline, display,
                                                               suffix, header):
    assert (markup.label("a_b"), markup.inline(" x "), markup.display("x\n")) == (label, inline,
                                                                                 display)
    assert (markup.suffix, markup.header) == (suffix, header)


def test_the_formats_differ_only_in_markup(one_hot_results):
    """Quarto and MkDocs write math alike: their theorem and proof bodies are the same lines,
    indented in MkDocs' admonitions."""
    name = "one_hot_cross_entropy"
    qmd = quarto.files(one_hot_results, "T")[f"{name}.qmd"]
    md = mkdocs_pages.files(one_hot_results, "T")[f"{name}.md"]
    body = qmd[qmd.index("**Hypotheses.**"):qmd.index("\n\n:::\n")]
    assert body.replace("\n", "\n    ").replace("\n    \n", "\n\n") in md
    steps = [line for line in qmd.splitlines() if line.startswith("- (")]
    assert steps and all(f"    {line}" in md.splitlines() for line in steps)


def test_the_answer_closes_under_the_same_heading_as_in_the_book_and_the_slides():
    from derivations.catalogue.answer import ANSWER

    numbers = {name: n for n, name in enumerate(sorted(ANSWER.cites), 1)}
    lines = book.answer(myst.MARKUP, ANSWER, numbers)
    assert "### In summary" in lines and "### In short" not in lines
