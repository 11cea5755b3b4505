"""A declared function applied to a whole family (``\\operatorname{softmax}(z)_{j}``) is one
function of its other arguments for each family: a definition at ``z`` gives its value at
``z`` only, and its dependence on the entries of ``z`` is seen only through that definition."""

from __future__ import annotations

import textwrap

import pytest

from derivations.checking.check import check_all
from derivations.language.results import Evidence
from derivations.tex import read_file

HEAD = r"""
%dv size k
%dv index l \in \{1, \dots, k\}
%dv family z_{j}
%dv family w_{j}
%dv label j \in \{1, \dots, k\}
%dv function \operatorname{softmax}(z)_{a}
%dv assume z_{l} \in \mathbb{R}
%dv assume w_{l} \in \mathbb{R}
"""
DEFINED = HEAD + (r"%dv define \operatorname{softmax}(z)_{u} = "
                  r"\frac{e^{z_{u}}}{\sum_{l=1}^{k} e^{z_{l}}}" "\n")


def _results(tmp_path, head: str, rows: str):
    path = tmp_path / "notes.tex"
    path.write_text(textwrap.dedent(head) + "\\begin{align*}\n" + rows + "\n\\end{align*}\n")
    reading = read_file(path)
    return reading, check_all(reading.checked())


def _verdicts(tmp_path, head: str, rows: str) -> list[bool]:
    """Whether each chain of ``rows`` checks; every row must be read."""
    reading, results = _results(tmp_path, head, rows)
    assert reading.unread == []
    return [r.ok for r in results]


def test_the_definition_at_the_family_unfolds(tmp_path):
    reading, (result,) = _results(tmp_path, DEFINED, r"""
  & \operatorname{softmax}(z)_{j} \\
  ={} & \frac{e^{z_{j}}}{\sum_{l=1}^{k} e^{z_{l}}} \\
  >{} & 0""")
    assert reading.unread == []
    assert [s.evidence for s in result.steps] == [Evidence.SYMBOLIC] * 2


@pytest.mark.parametrize("rows", [
    # defined at z, not at w: softmax(w) is another function, with no value given
    r"""& \operatorname{softmax}(w)_{j} \\ ={} & \frac{e^{w_{j}}}{\sum_{l=1}^{k} e^{w_{l}}}""",
    r"""& \operatorname{softmax}(z)_{j} \\ ={} & \operatorname{softmax}(w)_{j}""",
    r"""& \operatorname{softmax}(z)_{j} \\ ={} & \frac{e^{w_{j}}}{\sum_{l=1}^{k} e^{w_{l}}}""",
    r"""& \operatorname{softmax}(z)_{j} \\ ={} & \frac{e^{z_{j}}}{\sum_{l=1}^{k} e^{z_{j}}}""",
    r"""& \sum_{l=1}^{k} \operatorname{softmax}(z)_{l} \\ ={} & 2""",
])
def test_a_false_row_about_a_function_of_a_family_fails(tmp_path, rows):
    reading, results = _results(tmp_path, DEFINED, rows)
    assert reading.unread == []
    assert [r.ok for r in results] == [False]


@pytest.mark.parametrize("head", [HEAD, DEFINED])
def test_a_derivative_in_an_entry_of_the_family_is_refused(tmp_path, head):
    """Undefined, softmax(z)_j is opaque: read as a function of j alone, its derivative in z_1
    would be 0. So the row is refused, defined or not."""
    reading, results = _results(tmp_path, head, r"""
  & \frac{\partial}{\partial z_{1}} \operatorname{softmax}(z)_{j} \\
  ={} & 0""")
    assert results == []
    assert any("stands whole as an argument" in why for _, why in reading.unread)


def test_two_families_give_two_functions_that_print_as_written(tmp_path):
    from derivations.render.printer import latex

    reading, (result,) = _results(tmp_path, DEFINED, r"""
  & \operatorname{softmax}(z)_{j} + \operatorname{softmax}(w)_{j} \\
  ={} & \operatorname{softmax}(w)_{j} + \operatorname{softmax}(z)_{j}""")
    assert result.ok
    start = reading.derivations[0].start
    assert sorted(latex(a) for a in start.args) == [
        r"\mathrm{softmax}(w)_{j}", r"\mathrm{softmax}(z)_{j}"]
    assert len({a.func for a in start.args}) == 2


VECTORS = r"""
%dv size k
%dv index j \in \{1, \dots, k\}
%dv index s \in \{1, \dots, k\}
%dv family p_{j} for j \in \{1, \dots, k\}
%dv family z_{j}
%dv family w_{j}
%dv function q_{a}(b)
%dv vector q = q_{j}(t) for j \in \{1, \dots, k\}
%dv function \operatorname{softmax}(z)_{a}
%dv vector \operatorname{softmax}(z) = \operatorname{softmax}(z)_{j} for j \in \{1, \dots, k\}
%dv assume t \in \mathbb{R}
%dv assume z_{s} \in \mathbb{R}
%dv assume w_{s} \in \mathbb{R}
%dv simplex p_{j} for j \in \{1, \dots, k\}
%dv define q_{a}(b) = \frac{e^{b\,z_{a}}}{\sum_{s=1}^{k} e^{b\,z_{s}}}
%dv define \operatorname{softmax}(z)_{u} = \frac{e^{z_{u}}}{\sum_{s=1}^{k} e^{z_{s}}}
"""


@pytest.mark.parametrize(("rows", "ok"), [
    # q alone is the vector of the q_j(t), at the chain's t: H(p, q) depends on t through it
    (r"& H(p, q) \\ ={} & - \sum_{j=1}^{k} p_{j}\,\log q_{j}(t)", True),
    (r"& H(p, q) \\ ={} & - \sum_{j=1}^{k} p_{j}\,\log q_{j}(2)", False),
    (r"& \frac{\partial}{\partial t} H(p, q) \\ ={} & 0", False),
    (r"& H(p, \operatorname{softmax}(z)) \\ ={} & "
     r"- \sum_{j=1}^{k} p_{j}\,\log \operatorname{softmax}(z)_{j}", True),
    (r"& H(p, \operatorname{softmax}(z)) \\ ={} & "
     r"- \sum_{j=1}^{k} p_{j}\,\log \frac{e^{w_{j}}}{\sum_{s=1}^{k} e^{w_{s}}}", False),
])
def test_a_vector_named_like_the_function_of_its_entries(tmp_path, rows, ok):
    assert _verdicts(tmp_path, VECTORS, rows) == [ok]


def test_a_vector_of_another_family_is_not_declared_by_one_of_z(tmp_path):
    reading, results = _results(tmp_path, VECTORS, r"""
  & H(p, \operatorname{softmax}(w)) \\
  ={} & H(p, \operatorname{softmax}(z))""")
    assert results == [] and reading.unread  # softmax(w) alone is no declared vector


SHIFTED = DEFINED + (r"%dv assume c \in \mathbb{R}" "\n"
                     r"%dv define \operatorname{softmax}(z + v\,\mathbf{1})_{a} = "
                     r"\frac{e^{v + z_{a}}}{\sum_{l=1}^{k} e^{v + z_{l}}}" "\n")


@pytest.mark.parametrize(("rows", "ok"), [
    (r"& \operatorname{softmax}(z + c\,\mathbf{1})_{j} \\ ={} & "
     r"\frac{e^{c + z_{j}}}{\sum_{l=1}^{k} e^{c + z_{l}}} \\ ={} & "
     r"\frac{e^{z_{j}}}{\sum_{l=1}^{k} e^{z_{l}}} \\ ={} & \operatorname{softmax}(z)_{j}", True),
    # the shift's sign is part of the function: z - c 1 is not defined by the z + v 1 line
    (r"& \operatorname{softmax}(z - c\,\mathbf{1})_{j} \\ ={} & "
     r"\frac{e^{z_{j} - c}}{\sum_{l=1}^{k} e^{z_{l} - c}}", False),
    (r"& \operatorname{softmax}(z + c\,\mathbf{1})_{j} \\ ={} & e^{c}\,"
     r"\operatorname{softmax}(z)_{j}", False),
    (r"& \operatorname{softmax}(w + c\,\mathbf{1})_{j} \\ ={} & "
     r"\frac{e^{c + w_{j}}}{\sum_{l=1}^{k} e^{c + w_{l}}}", False),
])
def test_a_shifted_family_is_an_argument_of_its_own(tmp_path, rows, ok):
    assert _verdicts(tmp_path, SHIFTED, rows) == [ok]


@pytest.mark.parametrize(("rows", "said"), [
    (r"& \mathbf{1} \\ ={} & 1", "vector of ones stands only"),
    (r"& \operatorname{softmax}(z + c)_{j} \\ ={} & 1", "stands alone here"),
    (r"& z + c\,\mathbf{1} \\ ={} & 1", "stands only as an argument"),
    (r"& \frac{\partial}{\partial z_{1}} \operatorname{softmax}(z + c\,\mathbf{1})_{j} "
     r"\\ ={} & 0", "stands whole as an argument"),
])
def test_a_shifted_family_elsewhere_is_refused(tmp_path, rows, said):
    reading, results = _results(tmp_path, SHIFTED, rows)
    assert results == []
    assert any(said in why for _, why in reading.unread), reading.unread


def test_reading_a_family_argument_leaves_the_checking_code_as_loaded(tmp_path):
    """The reader's table of functions at a family grows as files are read: it is state, not a
    constant, so the verdict cache still trusts the process afterwards (a full run of the suite
    found the cache refusing to store once a worker had read such a file)."""
    from derivations.checking import integrity

    integrity.baseline()
    _results(tmp_path, SHIFTED, r"& \operatorname{softmax}(z - c\,\mathbf{1})_{j} + "
                                r"\operatorname{softmax}(w)_{j} \\ ={} & 1")
    assert integrity.tampered() is None
