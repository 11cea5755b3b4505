"""Red-team round 18: what is printed must be what is checked, and what SymPy cannot compute
exactly is not checked (t02, t03, t05, t06, t07)."""

from __future__ import annotations

import pytest
from sympy import EulerGamma, Float, GoldenRatio, Heaviside, Integer, Mod, Symbol, exp, floor

from derivations import Argmax, Derivation, Parameter, Real, Step, rules
from derivations.errors import AuthoringError
from derivations.language import vocabulary
from derivations.language.notation import named_function, reads_as_function

x = Symbol("x", real=True)


def _square(name: str, term, *hypotheses) -> Derivation:
    return Derivation(name=name, title="A square expanded", hypotheses=(Real(x), *hypotheses),
                      start=(term + 1) ** 2 - term ** 2 - 2 * term,
                      steps=(Step(Integer(1), rules.algebra, "expand the square"),))


def test_a_float_cannot_be_checked():
    """t03: 10^20 ((x + 1.0e-20 x) - x) is 0 to SymPy, which rounds the Float."""
    found = vocabulary.unsupported(x + Float("1e-20") * x)
    assert found is not None and "Rational(1, 10)" in found.reason
    assert vocabulary.unsupported(x + Integer(1) / 10 ** 20 * x) is None


def test_mod_cannot_be_checked_and_says_what_to_write():
    """t07: SymPy 1.14 makes Mod(2 Mod(b, 6), 3) Mod(2 Mod(b, 6)^2, 3) for an integer b."""
    found = vocabulary.unsupported(Mod(2 * Mod(Symbol("j"), 6), 3))
    assert found is not None and "floor(p/q)" in found.reason
    assert vocabulary.unsupported(x - 3 * floor(x / 3)) is None


@pytest.mark.parametrize(("constant", "name"), [(EulerGamma, "gamma"), (GoldenRatio, "phi")])
def test_a_parameter_printed_like_a_constant_of_sympy_is_refused(constant, name):
    """t05: arg max_gamma (gamma - gamma^2) with the first gamma Euler's constant."""
    g = Symbol(name, real=True)
    with pytest.raises(AuthoringError, match="print as"):
        Derivation(name="t05", title="t", hypotheses=(Parameter(g),),
                   start=Argmax(constant * g - g ** 2, g),
                   steps=(Step(Argmax(-g ** 2 + constant * g, g), rules.algebra, "same"),))
    Derivation(name="t05_apart", title="t", hypotheses=(Parameter(g),),  # one meaning each
               start=Argmax(g - g ** 2, g), steps=(Step(Argmax(-g ** 2 + g, g), rules.algebra,
                                                         "same"),))


def test_a_symbol_printed_like_the_head_of_a_function_of_sympy_is_refused():
    """Heaviside(x) prints as theta(x): a parameter theta beside it reads as one thing."""
    theta, e = Symbol("theta", real=True), Symbol("e", real=True)
    with pytest.raises(AuthoringError, match="print as"):
        _square("heaviside", Heaviside(x) + theta, Real(theta))
    with pytest.raises(AuthoringError, match="print as"):
        _square("base_e", exp(x) + e, Real(e))


@pytest.mark.parametrize("template", [r"\operatorname{{log}}\left({0}\right)",
                                      r"\mathrm{{exp}}({0})", r"\tfrac{{1}}{{{0}}}",
                                      r"{{1 \over {0}}}", r"\text{{max}}({0})", r"log({0})",
                                      r"\mathrm{{l}}\mathrm{{o}}\mathrm{{g}}({0})",
                                      r"l\!o{{}}g({0})", r"e^{{{0}}}"])
def test_a_template_that_typesets_a_known_function_is_refused(template):
    """t06: \\operatorname{log} typesets as \\log, \\tfrac as a fraction."""
    with pytest.raises(ValueError, match="reads as something"):
        named_function("L", template)


def test_a_template_with_a_name_of_its_own_is_kept():
    for template in (r"\operatorname{{softmax}}({0})", r"p_{{\mathrm{{model}}}}({0})",
                     r"\operatorname{{logit}}({0})", r"\zeta({0})"):
        named_function("F", template)
    assert reads_as_function(r"\operatorname{softmax}") is None


@pytest.mark.parametrize("name", [r"\tfrac{1}{x}", r"\operatorname{log}{x}", r"\mathrm{exp}"])
def test_a_symbol_named_like_a_function_or_a_fraction_is_refused(name):
    with pytest.raises(AuthoringError, match="prints as an expression"):
        _square("named", Symbol(name, real=True), Real(Symbol(name, real=True)))


def test_a_decimal_in_a_hypothesis_is_refused():
    n = Symbol("n", integer=True)
    from derivations import IndexRange

    with pytest.raises(AuthoringError, match="decimal number"):
        Derivation(name="d", title="t", hypotheses=(IndexRange(n, 0, Float("2.5")),), start=n,
                   steps=(Step(n, rules.algebra, "the same"),))
