"""The red team's .tex files: every attack is refused or failed, every true file checks.

``corpus/refused/`` holds the attacks (a false statement as the PDF shows it, or a row whose
reading could differ from the PDF); ``corpus/accepted/`` the true ones the red team wrote, each
with what its report must say. The findings of each round are in ``corpus/FINDINGS-*.md``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from derivations.checking.check import check_all
from derivations.tex import read_file

CORPUS = Path(__file__).parent / "corpus"
REFUSED = sorted((CORPUS / "refused").glob("*.tex"))
ACCEPTED = sorted((CORPUS / "accepted").glob("*.tex"))
#: What the report of some of the true files must say besides.
SAID = {
    "equation_env.tex": "note: equation is a display, not a chain",
    "r2_displaymath.tex": "note: displaymath is a display, not a chain",
    "hidden_hyp.tex": "x > 0",
}


def verdict(path: Path) -> tuple[bool, list[str]]:
    reading = read_file(path)
    results = check_all(reading.checked())
    ok = not reading.unread and all(r.ok for r in results)
    said = [why for _, why in (*reading.unread, *reading.notes)] + reading.hypotheses
    return ok, said


def test_the_corpus_is_not_empty():
    assert len(REFUSED) >= 120 and len(ACCEPTED) >= 15


@pytest.mark.parametrize("path", REFUSED, ids=lambda p: p.stem)
def test_an_attack_is_not_accepted(path):
    ok, said = verdict(path)
    assert not ok, f"{path.name} was accepted"


@pytest.mark.parametrize("path", ACCEPTED, ids=lambda p: p.stem)
def test_a_true_file_checks_and_says_what_it_assumed(path):
    ok, said = verdict(path)
    assert ok
    shown = SAID.get(path.name, "")
    assert not shown or any(shown in s for s in said), said


OUTSIDE = CORPUS / "outside"


@pytest.mark.parametrize("name", ["mle-softmax.tex", "logistic.tex"])
def test_a_page_written_from_the_docs_alone_checks(name):
    """Two lecturers' pages, each written by someone who read only the user guide (their
    reports are beside them)."""
    reading = read_file(OUTSIDE / name)
    assert reading.unread == [] and reading.rows_read == reading.rows >= 20
    assert all(r.ok for r in check_all(reading.derivations))


@pytest.mark.parametrize("name", ["mle-softmax-first-draft.tex", "logistic-first-draft.tex"])
def test_their_first_drafts_say_which_rows_were_not_read_and_why(name):
    reading = read_file(OUTSIDE / name)
    text = (OUTSIDE / name).read_text().split("\n")
    assert reading.unread
    for line, why in reading.unread:
        assert 1 <= line <= len(text)
        assert why.startswith(("not read: ", "not checked: ", "declaration '")), why
        assert len(why) > len("not read: ") + 10
