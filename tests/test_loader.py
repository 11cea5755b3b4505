"""Loading author files that cite each other's derivations by ordinary Python imports: each file
runs once per load, however it is reached, so the cited object is the loaded, checked one; what
a file cites from a file it imports is loaded and checked with it; two different derivations of
one name, or a forged one, are still refused; an author's file never replaces a library module.

The theorems use a ``Dummy``: a new symbol on every run, so a file run twice would give two
different theorems of one name, and the tests below would see it."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from derivations import loader
from derivations.cli import main
from derivations.errors import LoadError

HEAD = """\
import sys
from sympy import Dummy, S, Symbol
from derivations import Derivation, Real, Relation, Step, rules
print("running {name}", file=sys.stderr)
"""

THEOREM = """
{var} = Dummy("{var}", real=True)
{theorem} = Derivation("{theorem}", "A square is non-negative", (Real({var}),), S.Zero,
                       (Step({var} ** 2, rules.inequality, "a square", relation=Relation.LE),))
"""

CITER = """
{var}_c = Symbol("{var}_c", real=True)
{citer} = Derivation("{citer}", "A shifted square is non-negative", (Real({var}_c),), S.Zero,
                     (Step(({var}_c - 1) ** 2, rules.by_theorem({cited}, {{{bound}: {var}_c - 1}}),
                           "a square", relation=Relation.LE),))
"""


def write(folder: Path, name: str, *parts: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(HEAD.format(name=path.name) + "".join(parts))
    return path


def theorem(var: str, name: str) -> str:
    return THEOREM.format(var=var, theorem=name)


def citer(var: str, name: str, cited: str, bound: str) -> str:
    return CITER.format(var=var, citer=name, cited=cited, bound=bound)


def check(*paths: Path) -> int:
    return main(["check", "--no-cache", "-j", "1", *map(str, paths)])


@pytest.fixture
def mutual(tmp_path):
    """``first.py`` and ``second.py`` each prove a theorem and cite the other's, importing each
    other (``import second``, ``from first import ...``): a cycle of imports, not of citations."""
    first = write(tmp_path, "first", theorem("x", "square_x"), "\nimport second\n",
                  citer("x", "cites_second", "second.square_y", "second.y"))
    second = write(tmp_path, "second", theorem("y", "square_y"),
                   "\nfrom first import square_x, x\n", citer("y", "cites_first", "square_x", "x"))
    return first, second


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_files_citing_each_other_check_together_in_either_order(mutual, order, capsys):
    assert check(*(mutual[i] for i in order)) == 0
    out, err = capsys.readouterr()
    for name in ("square_x", "square_y", "cites_first", "cites_second"):
        assert f"{name}: ok" in out
    assert err.count("running first.py") == 1 and err.count("running second.py") == 1
    assert "4 derivations" in out


@pytest.mark.parametrize(("which", "cited", "citer_name"), [
    (0, "square_y", "cites_second"),  # cited through ``import second``, as second.square_y
    (1, "square_x", "cites_first"),  # cited through ``from first import square_x``
])
def test_a_file_alone_loads_and_checks_what_it_cites(mutual, which, cited, citer_name, capsys):
    assert check(mutual[which]) == 0
    out = capsys.readouterr().out
    assert f"{citer_name}: ok" in out
    assert f"{cited}: ok" in out  # the cited theorem, from the other file, is checked too
    assert out.index(f"{cited}: ok") < out.index(f"{citer_name}: ok")


def test_a_module_imported_by_name_gives_its_derivations_for_citation(tmp_path, capsys):
    write(tmp_path, "a", theorem("t", "square_t"))
    b = write(tmp_path, "b", "\nimport a\n", citer("u", "cites_a", "a.square_t", "a.t"))
    assert check(b) == 0
    out = capsys.readouterr().out
    assert "square_t: ok" in out and "cites_a: ok" in out


def test_a_name_in_cites_reaches_a_derivation_of_an_imported_module(tmp_path, capsys):
    write(tmp_path, "a", theorem("t", "square_t"))
    b = write(tmp_path, "b", "\nimport a\n", """
u = Symbol("u", real=True)
uses_a = Derivation("uses_a", "A square", (Real(u),), S.Zero,
                    (Step(u ** 2, rules.inequality, "as a says", relation=Relation.LE,
                          cites=("square_t",)),))
""")
    assert check(b) == 0
    out = capsys.readouterr().out
    assert "square_t: ok" in out and "uses_a: ok" in out


ABS_BOUND = """
t = Symbol("t", real=True)
abs_bound = Derivation("abs_bound", "a bound on |t|", (Real(t),), Abs(t),
                       (Step(t / 2 - 1, rules.inequality, "at least", relation=Relation.GE),))
"""

ABS_CITER = """
import a
u = Symbol("u", real=True)
cites_a = Derivation("cites_a", "a bound on |u - 1|", (Real(u),), Abs(u - 1),
                     (Step((u - 1) / 2 - 1, rules.by_theorem(a.abs_bound, {a.t: u - 1}),
                           "the bound at u - 1", relation=Relation.GE),))
"""


def test_the_citer_is_at_most_as_strong_as_what_it_cites_from_another_file(tmp_path, capsys):
    """|t| >= t/2 - 1 is only sampled (the kernel proves no inequality with |t| in it)."""
    write(tmp_path, "a", "from sympy import Abs\n", ABS_BOUND)
    b = write(tmp_path, "b", "from sympy import Abs\n", ABS_CITER)
    assert check(b) == 0
    out = capsys.readouterr().out
    assert "abs_bound: ok (1 step, weakest evidence: sampled)" in out
    assert "cites_a: ok (1 step, weakest evidence: sampled)" in out
    assert "it cites 'abs_bound', which holds only at sampled grade" in out


def test_a_citer_of_a_false_theorem_in_another_file_fails(tmp_path, capsys):
    write(tmp_path, "a", theorem("t", "square_t").replace("t ** 2,", "t ** 2 - 1,"))
    b = write(tmp_path, "b", "\nimport a\n",
              citer("u", "cites_a", "a.square_t", "a.t").replace("- 1) ** 2,", "- 1) ** 2 - 1,"))
    assert check(b) == 1
    out = capsys.readouterr().out
    assert "square_t: FAILED" in out and "cites_a: FAILED" in out
    assert "cites 'square_t', which does not check" in out


def test_two_different_derivations_of_one_name_in_two_files_exit_2_naming_both(tmp_path,
                                                                                 capsys):
    a = write(tmp_path, "a", theorem("t", "square"))
    b = write(tmp_path, "b", theorem("u", "square"))
    assert check(a, b) == 2
    err = capsys.readouterr().err
    assert "two different derivations are named 'square'" in err
    assert f"in {a}" in err and f"in {b}" in err


def test_a_derivation_named_like_an_imported_one_exits_2_naming_both_files(tmp_path, capsys):
    a = write(tmp_path, "a", theorem("t", "square"))
    b = write(tmp_path, "b", "\nimport a\n", theorem("u", "square"),
              citer("v", "cites", "square", "u"))
    assert check(b) == 2
    err = capsys.readouterr().err
    assert "two different derivations are named 'square'" in err
    assert f"in {a}" in err and f"in {b}" in err


FORGE = """
from dataclasses import replace
import a


def forge():
    return replace(a.square_t, steps=(Step(a.t ** 2 - 1, rules.inequality, "a square",
                                           relation=Relation.LE),))
"""


def test_a_forged_theorem_named_like_the_imported_one_is_refused(tmp_path, capsys):
    """Built in ``b`` from ``a``'s theorem, with a false step, and never checked: named like
    the loaded theorem, it is not it."""
    a = write(tmp_path, "a", theorem("t", "square_t"))
    b = write(tmp_path, "b", FORGE, citer("u", "cites_forged", "forge()", "a.t")
              .replace("- 1) ** 2,", "- 1) ** 2 - 1,"))
    for paths in ((b,), (a, b), (b, a)):
        assert check(*paths) == 1
        out = capsys.readouterr().out
        assert "square_t: ok" in out and "cites_forged: FAILED" in out
        assert ("step 1 takes its certificate from an object named 'square_t' that is not the "
                "loaded, checked derivation of that name") in out


def test_a_forged_theorem_at_the_top_level_is_a_second_derivation_of_the_name(tmp_path,
                                                                              capsys):
    a = write(tmp_path, "a", theorem("t", "square_t"))
    b = write(tmp_path, "b", FORGE, "forged = forge()\n")
    assert check(b) == 2
    err = capsys.readouterr().err
    assert "two different derivations are named 'square_t'" in err
    assert f"in {a}" in err and f"in {b}" in err


def test_each_load_runs_the_files_as_they_are_now(tmp_path):
    """A second load does not reuse the first one's modules: ``a`` from another folder, or
    edited, is run again."""
    for n, folder in enumerate((tmp_path / "one", tmp_path / "two", tmp_path / "one")):
        folder.mkdir(exist_ok=True)
        write(folder, "a", theorem("t", f"square_{n}"))
        b = write(folder, "b", "\nimport a\n", citer("u", "cites_a", f"a.square_{n}", "a.t"))
        assert [d.name for d in loader.load([str(b)])] == [f"square_{n}", "cites_a"]


def test_a_file_named_like_a_library_module_does_not_replace_it(tmp_path, capsys):
    shadow = write(tmp_path, "math", theorem("t", "square_t"))
    b = write(tmp_path, "b", "\nfrom math import square_t, t\n",
              citer("u", "cites", "square_t", "t"))
    assert check(shadow, b) == 2
    err = capsys.readouterr().err
    assert "cannot import name 'square_t' from 'math'" in err
    assert (f"({shadow} cannot be imported as 'math': that is the name of a module of the "
            "standard library or of an installed package, which comes first; rename the "
            "file)") in err
    assert sys.modules["math"] is math
    assert check(shadow) == 0  # named as a source, it loads under a private name
    assert sys.modules["math"] is math


def test_a_folder_does_not_shadow_a_library_module_not_imported_yet(tmp_path):
    name = "this_library_module_is_installed"
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / f"{name}.py").write_text("WHO = 'library'\n")
    (tmp_path / f"{name}.py").write_text("WHO = 'author'\n")
    b = write(tmp_path, "b", f"\nfrom {name} import WHO\nassert WHO == 'library', WHO\n",
              theorem("t", "square_t"))
    sys.path.append(str(tmp_path / "lib"))
    try:
        assert [d.name for d in loader.load([str(b)])] == ["square_t"]
    finally:
        sys.path.remove(str(tmp_path / "lib"))
        sys.modules.pop(name, None)


def test_the_search_path_is_restored_and_a_failing_file_is_not_left_importable(tmp_path):
    path = tmp_path / "broken_file.py"
    path.write_text("import sys\nsys.path.append('elsewhere')\nraise RuntimeError('broken')\n")
    before = list(sys.path)
    with pytest.raises(LoadError, match=r"broken_file.py \(line 3\): importing it raised "
                                               r"RuntimeError: broken"):
        loader.load([str(path)])
    assert sys.path == before
    assert "broken_file" not in sys.modules
