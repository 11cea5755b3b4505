"""Hypotheses as LaTeX: printed by ``_print_<Class>`` dispatch along the MRO, as SymPy prints."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from sympy import Derivative, Function, IndexedBase, Lambda, Mul, Symbol, Tuple, exp, log

from derivations.language import hypotheses
from derivations.language.hypotheses import (
    Definition,
    Hypothesis,
    IndexRange,
    Nonnegative,
    Parameter,
    Positive,
    Real,
    Simplex,
    Size,
    UnitInterval,
)
from derivations.language.notation import KL, indexed_vector
from derivations.render.printer import HypothesisPrinter, hypothesis, latex

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
j, y = Symbol("j", integer=True), Symbol("y", integer=True)
theta, x = Symbol("theta", real=True), Symbol("x", real=True)
q = IndexedBase("q", positive=True)
w = IndexedBase("w", nonnegative=True)
z = IndexedBase("z", real=True)
a = IndexedBase("a")
P = IndexedBase("P", shape=(m, k))
f = Function("f")
r = Function("r")  # sorts after log in SymPy's order


@pytest.mark.parametrize(("h", "fixed", "expected"), [
    (Size(k), {k}, r"k \in \{1, 2, 3, \dots\}"),
    (Parameter(theta), set(), r"\theta \quad\text{(the parameters, free to take any value)}"),
    (Positive(q[j]), {k}, r"q_{j} > 0 \quad\text{for all } j"),
    (Nonnegative(w[j]), {k}, r"w_{j} \ge 0 \quad\text{for all } j"),
    (Real(z[j]), {k}, r"z_{j} \in \mathbb{R} \quad\text{for all } j"),
    (Real(z[j]), {k, j}, r"z_{j} \in \mathbb{R}"),  # a fixed symbol is not quantified
    (IndexRange(y, 1, k), {k}, r"y \in \{1, \dots, k\}"),
    (IndexRange(y, 0, 1), set(), r"y \in \{0, 1\}"),
    (Definition(f, Lambda(x, exp(x))), set(), r"f{\left(x \right)} = e^{x}"),
    (UnitInterval(a), set(), r"0 < a_{l} < 1 \quad\text{for all } l"),
    (Simplex(q, k), {k}, r"q_{j} \ge 0, \quad \sum_{j=1}^{k} q_{j} = 1"),
    (Simplex(P, k), {k, m},
     r"P_{i,j} \ge 0, \quad \sum_{j=1}^{k} P_{i,j} = 1 \quad\text{for all } i"),
])
def test_hypothesis_table(h, fixed, expected):
    assert hypothesis(h, fixed) == expected


def _kinds() -> list[type[Hypothesis]]:
    """Every kind of hypothesis the language defines."""
    return [c for _, c in inspect.getmembers(hypotheses, inspect.isclass)
            if issubclass(c, Hypothesis) and c is not Hypothesis]


def test_the_language_defines_the_kinds_this_module_knows():
    assert len(_kinds()) >= 9  # the walk above finds them (a test that cannot fail is a defect)


@pytest.mark.parametrize("kind", _kinds(), ids=lambda c: c.__name__)
def test_every_kind_of_hypothesis_has_its_own_print_method(kind):
    """The first ``_print_<Class>`` along the MRO is the kind's own, not the base's refusal."""
    found = next(c for c in kind.__mro__ if hasattr(HypothesisPrinter, f"_print_{c.__name__}"))
    assert found is kind


@dataclasses.dataclass(frozen=True)
class Bounded(Hypothesis):
    """A kind of hypothesis the printer has no method for."""

    owner: object = None


def test_a_new_kind_without_a_method_is_refused_by_name():
    with pytest.raises(TypeError, match=r"no LaTeX form for hypothesis Bounded\(owner=None\): "
                                        r"give HypothesisPrinter a method _print_Bounded"):
        hypothesis(Bounded(), set())


def test_a_subclass_prints_as_its_parent_until_it_has_its_own_method():
    @dataclasses.dataclass(frozen=True)
    class Strict(Positive):
        pass

    class Printer(HypothesisPrinter):
        def _print_Strict(self, h: Strict) -> str:
            return self._print_Positive(h).replace(">", r"\gg")

    assert hypothesis(Strict(q[j]), {k}) == r"q_{j} > 0 \quad\text{for all } j"
    assert Printer({"fixed": frozenset({k})}).doprint(Strict(q[j])) == (
        r"q_{j} \gg 0 \quad\text{for all } j")


def test_an_unknown_printer_setting_is_refused():
    with pytest.raises(TypeError, match="Unknown setting 'fixd'"):
        HypothesisPrinter({"fixd": frozenset()})


@pytest.mark.parametrize(("expr", "expected"), [
    # A tuple's entries are apart by TeX's space after a comma only, not SymPy's extra "\ ".
    (Tuple(y, 1 - y), r"\mathopen{}\left(y, 1 - y\right)\mathclose{}"),
    (Tuple(y), r"\mathopen{}\left(y,\right)\mathclose{}"),
    # A divergence's parenthesis sits against "KL" (no thin space before a \left group).
    (KL(indexed_vector(IndexedBase("p"), k), indexed_vector(q, k)),
     r"\dvKL\mathopen{}\left(p \,\middle\|\, q\right)\mathclose{}"),
])
def test_proof_printer_spacing(expr, expected):
    assert latex(expr) == expected


@pytest.mark.parametrize(("expr", "expected"), [
    # SymPy stores -1, log q_j, r(j); a reader writes the log last.
    (-log(q[j]) * r(j), r"- r{\left(j \right)}\,\log q_{j}"),
    (-2 * x * log(x), r"- 2\,x\,\log x"),
    # A product the author built in another order than SymPy's prints as built, with a bare
    # log bracketed before the next factor (log x x would read log(x x): red-team u17).
    (Mul(2, log(x), x, evaluate=False), r"2\,\left(\log x\right)\,x"),
])
def test_a_product_prints_its_logarithms_last(expr, expected):
    assert latex(expr) == expected


@pytest.mark.parametrize(("expr", "expected"), [
    # In an entry of a vector: partial, even where the expression shows one free symbol.
    (Derivative(-log(r(y)), z[j]),
     r"\frac{\partial}{\partial z_{j}} \left(- \log r{\left(y \right)}\right)"),
    (Derivative(r(x), x), r"\frac{d}{d x} r{\left(x \right)}"),  # in a scalar: d
])
def test_a_derivative_in_an_entry_of_a_vector_is_partial(expr, expected):
    assert latex(expr) == expected
