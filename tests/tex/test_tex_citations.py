"""A row may cite a catalogue theorem or a lemma by name (``% by: theorem:...``,
``% by: lemma:...``): the citation is the catalogue's checked object, instantiated as written,
and a wrong instance, mapping or name fails or is refused at its row."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from derivations.checking.check import check_all
from derivations.cli import main
from derivations.language.results import Evidence
from derivations.tex import read_file

GIBBS = r"""
%dv size k
%dv index j \in \{1, \dots, k\}
%dv family p_{j} for j \in \{1, \dots, k\}
%dv family q_{j} for j \in \{1, \dots, k\}
%dv simplex p_{j} for j \in \{1, \dots, k\}
%dv assume p_{j} > 0
%dv simplex q_{j} for j \in \{1, \dots, k\}
%dv assume q_{j} > 0
\begin{align*}
  & - \sum_{j=1}^{k} p_{j}\,\log\left(\frac{q_{j}}{p_{j}}\right) \\
  \ge{} & - \sum_{j=1}^{k} \left(\frac{q_{j}}{p_{j}} - 1\right)\,p_{j} % by: BY
\end{align*}
"""

PROPER = r"""
%dv size k
%dv index s \in \{1, \dots, k\}
%dv family \pi_{j} for j \in \{1, \dots, k\}
%dv family q_{j} for j \in \{1, \dots, k\}
%dv simplex \pi_{j} for j \in \{1, \dots, k\}
%dv assume \pi_{u} > 0
%dv simplex q_{j} for j \in \{1, \dots, k\}
%dv assume q_{v} > 0
\begin{align*}
  & H(\pi) + \mathrm{KL}(\pi \,\|\, q) \\
  \ge{} & H(\pi) % by: BY
\end{align*}
"""


def _check(tmp_path: Path, text: str, by: str):
    path = tmp_path / "notes.tex"
    path.write_text(textwrap.dedent(text).replace("BY", by))
    reading = read_file(path)
    results = [r for r in check_all(reading.checked()) if r.derivation.name in reading.lines]
    return reading, results


LEMMA = r"lemma:log_below_tangent(at=\frac{q_{j}}{p_{j}}, weight=p_{j}, over=j \in \{1, \dots, k\})"


def test_a_lemma_instance_certifies_its_row(tmp_path):
    reading, (result,) = _check(tmp_path, GIBBS, LEMMA)
    assert reading.unread == []
    assert [s.evidence for s in result.steps] == [Evidence.SYMBOLIC]


@pytest.mark.parametrize("by", [
    LEMMA.replace("weight=p_{j}", "weight=2 p_{j}"),  # another certificate
    LEMMA.replace(r"at=\frac{q_{j}}{p_{j}}", r"at=\frac{p_{j}}{q_{j}}"),
    LEMMA.replace("weight=p_{j}", "weight=-p_{j}"),  # a negative weight
    LEMMA.replace("k\\}", "k - 1\\}"),  # a sum over part of the range
    LEMMA.replace("log_below_tangent", "two_power_above_tangent"),
])
def test_a_wrong_lemma_instance_fails(tmp_path, by):
    reading, results = _check(tmp_path, GIBBS, by)
    assert reading.unread == [] and results
    assert not all(r.ok for r in results)


@pytest.mark.parametrize(("by", "said"), [
    ("lemma:log_above_tangent(at=p_{j}, weight=1)", "names no lemma; the lemmas are"),
    ("lemma:log_below_tangent(at=p_{j})", "takes at=..., weight=..."),
    ("lemma:log_below_tangent(at=p_{j}, weight=1, at=2)", "given twice"),
    ("lemma:log_below_tangent(at=p_{j}, weight=1, over=j = 1..k)", "over reads"),
    ("lemma:log_below_tangent(at=p_{j} + , weight=1)", "not read"),
    ("theorem:no_such_theorem", "names no theorem of the catalogue"),
    ("theorem:one_hot_cross_entropy", "names no theorem of the catalogue"),  # an equality
    ("theorem:gibbs_inequality(r=q)", "is none of the symbols of gibbs_inequality"),
])
def test_a_citation_that_cannot_be_made_says_why_at_its_row(tmp_path, by, said):
    reading, results = _check(tmp_path, GIBBS, by)
    assert results == []
    rows = dict(reading.unread)
    assert any(said in why for why in rows.values()), reading.unread


def test_a_theorem_is_the_catalogues_checked_object_mapped_as_written(tmp_path):
    reading, (result,) = _check(tmp_path, PROPER, r"theorem:gibbs_inequality(p=\pi)")
    assert reading.unread == []
    assert result.ok and [s.evidence for s in result.steps] == [Evidence.SYMBOLIC]
    assert [d.name for d in reading.checked()][0] == "gibbs_inequality"
    assert result.steps[0].step.cites == ("gibbs_inequality",)


@pytest.mark.parametrize("by", [
    r"theorem:gibbs_inequality(p=q, q=\pi)",  # KL(q || pi): another statement
    r"theorem:gibbs_inequality",  # p left as the theorem's own p: no hypothesis here covers it
    r"theorem:shannon_code_lower_bound",
])
def test_a_theorem_mapped_to_another_statement_fails(tmp_path, by):
    reading, results = _check(tmp_path, PROPER, by)
    # fails, or is refused before the check (a symbol of the theorem no hypothesis here covers)
    assert [r.ok for r in results] == [False] or (
        results == [] and any("not checked" in why for _, why in reading.unread))


def test_the_cli_checks_the_cited_theorem_and_reports_the_row(tmp_path, capsys):
    path = tmp_path / "notes.tex"
    path.write_text(textwrap.dedent(PROPER).replace("BY", r"theorem:gibbs_inequality(p=\pi)"))
    assert main(["check", "--no-cache", str(path)]) == 0
    out = capsys.readouterr().out
    assert "notes.tex:12: step 1 (theorem:gibbs_inequality) symbolic" in out, out
