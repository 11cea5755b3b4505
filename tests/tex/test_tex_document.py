"""Scanning a .tex file as TeX reads it: comments, macros, environments, rows and their lines."""

from __future__ import annotations

from derivations.tex.document import expand, scan


def rows(text: str):
    return [(r.line, r.math, r.by, r.tag, r.problem) for c in scan(text).chains for r in c.rows]


def test_rows_keep_their_lines_rules_and_tags():
    text = ("x\n\\begin{align*}\n  a &= b \\\\ % by: algebra\n  &= c \\tag{one hot collapse}\n"
            "  \\\\\n  &= d. % by: definition\n\\end{align*}\n")
    assert rows(text) == [(3, "a  = b", "algebra", "", ""),
                          (4, "= c", "", "one hot collapse", ""),
                          (6, "= d", "definition", "", "")]


def test_what_tex_does_not_set_is_not_read():
    text = ("% \\begin{align*} a &= b \\end{align*}\n"
            "\\begin {align*}\n a &= 1 \\\\ % \\end{align*}\n &= 2\n\\end{align*}\n"
            "\\end{document}\n\\begin{align*} c &= d \\end{align*}\n")
    assert [r[:2] for r in rows(text)] == [(3, "a  = 1"), (4, "= 2")]


def test_notes_after_two_ampersands_are_not_read_but_a_second_equation_is_refused():
    text = ("\\begin{align*}\n a &= b && \\text{by (3)} \\\\\n a &= b & c &= d\n"
            "\\end{align*}\n")
    found = rows(text)
    assert found[0][1] == "a  = b" and found[0][4] == ""
    assert "a second equation stands on this row" in found[1][4]


def test_a_macro_applies_from_where_it_is_defined():
    text = ("\\newcommand{\\two}{2}\n\\begin{align*}\n \\two x &= x\n\\end{align*}\n"
            "\\renewcommand{\\two}{3}\n\\begin{align*}\n \\two x &= x\n\\end{align*}\n"
            "% \\renewcommand{\\two}{4}\n")
    doc = scan(text)
    first, second = doc.chains
    assert expand(first.rows[0].math, doc.macros_at(first.offset)).split() == ["2", "x", "=", "x"]
    assert expand(second.rows[0].math, doc.macros_at(second.offset)).split()[0] == "3"


def test_macros_with_arguments_and_operators():
    text = "\\newcommand{\\pr}[2]{p(#1 \\mid #2)}\n\\DeclareMathOperator{\\sm}{softmax}\n"
    doc = scan(text)
    macros = doc.macros_at(len(text))
    assert expand(r"\pr{y}{x} + \sm", macros).split() == \
        ["p(y", r"\mid", "x)", "+", r"\operatorname{softmax}"]


def test_redefining_primitives_makes_nothing_readable():
    assert "\\let can change what a command means" in scan("\\let\\cdot=+\n").untrusted
    assert "takes parameters" in scan("\\def\\f#1{#1}\n").untrusted
    assert scan("\\def\\R{\\mathbb{R}}\n").untrusted == ""


def test_other_displays_are_noted_and_unknown_declarations_reported():
    doc = scan("%dv sise k\n\\begin{equation}\n x = 1\n\\end{equation}\n\\[ y \\]\n")
    assert doc.problems == [(1, "'%dv sise' is not a declaration; the keywords are size, "
                                "index, label, family, parameter, function, vector, onehot, "
                                "assume, define, simplex, convention")]
    assert doc.skipped == [(2, "equation"), (5, "\\[")]
