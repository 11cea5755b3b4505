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
                                      r"l\!o{{}}g({0})", r"e^{{{0}}}",
                                      r"\Gamma\left({0}\right)", r"\zeta({0})",
                                      r"\operatorname{{atanh}}({0})", r"\psi({0})"])
def test_a_template_that_typesets_a_known_function_is_refused(template):
    """t06: \\operatorname{log} typesets as \\log, \\tfrac as a fraction."""
    with pytest.raises(ValueError, match="reads as something"):
        named_function("L", template)


def test_a_template_with_a_name_of_its_own_is_kept():
    for template in (r"\operatorname{{softmax}}({0})", r"p_{{\mathrm{{model}}}}({0})",
                     r"\operatorname{{logit}}({0})", r"\sigma({0})"):
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


def test_a_summation_variable_that_is_also_free_is_refused():
    """u08: sum_j a_j + c_j reads as sum_j (a_j + c_j) when j is also free outside the sum."""
    from sympy import IndexedBase, Sum

    from derivations import IndexRange, Size

    k, j = Symbol("k", integer=True, positive=True), Symbol("j", integer=True)
    a, c = IndexedBase("a", real=True), IndexedBase("c", real=True)
    with pytest.raises(AuthoringError, match="both as the variable of a sum|is bound in"):
        Derivation(name="d", title="t", hypotheses=(Size(k), IndexRange(j, 1, k), Real(a),
                                                   Real(c)),
                   start=Sum(a[j], (j, 1, k)) + c[j], steps=(Step(
                       c[j] + Sum(a[j], (j, 1, k)), rules.algebra, "the same"),))


def test_a_bound_variable_named_like_a_free_symbol_is_refused():
    """u15: int_0^1 t t dt = t/2 reads the two t as one; u14: f(t) = t + t, with the second t
    another symbol, reads as 2t."""
    from sympy import Function, Integral, Lambda

    from derivations import Definition

    t = Symbol("t", real=True)
    with pytest.raises(AuthoringError, match="is bound in the start and stands free"):
        Derivation(name="d", title="t", hypotheses=(Real(t),),
                   start=Integral(t * t, (t, 0, 1)), steps=(Step(t / 2, rules.algebra, "x"),))
    f, other = Function("f"), Symbol("t")
    with pytest.raises(AuthoringError, match="is bound in the definition of f"):
        Derivation(name="d", title="t", hypotheses=(Real(t), Definition(
            f, Lambda(other, other + t))), start=f(Integer(1)),
            steps=(Step(1 + t, rules.definition, "x"),))


def test_a_power_of_a_template_with_a_bare_argument_is_bracketed():
    """u12: g x^2 reads g(x^2); u13: xlogy to a symbolic power crashed the printer."""
    from derivations import xlogy
    from derivations.render.printer import latex

    g = named_function("G", r"\operatorname{{g}} {0}")
    assert latex(g(x) ** 2) == r"\left(\operatorname{g} x\right)^{2}"
    f = named_function("F", r"\operatorname{{f}}({0})")
    assert latex(f(x) ** 2) == r"\operatorname{f}(x)^{2}"
    w, k = Symbol("w", positive=True), Symbol("k", integer=True, positive=True)
    assert latex(xlogy(w - 1, w) ** (k + 1)).startswith(r"\left(")


def test_a_factor_after_a_bare_log_is_bracketed():
    """u17: f(a) xlogy(p, p) printed p log p f(a), which reads log(p f(a)); so did a log, or a
    template's bare argument, that the author put before another factor."""
    from sympy import Function, Mul, log

    from derivations import xlogy
    from derivations.render.printer import latex

    p, q, a = Symbol("p", nonnegative=True), Symbol("q", nonnegative=True), Symbol("a")
    f = Function("f")
    assert latex(f(a) * xlogy(p, p)) == r"f{\left(a \right)}\,p\,\log p"
    assert latex(Mul(xlogy(p, p), f(a), evaluate=False)).endswith(r"p\,\log p")
    assert latex(xlogy(p, p) * xlogy(q, q)) == r"\left(p\,\log p\right)\,q\,\log q"
    assert latex(Mul(log(p), a, evaluate=False)) == r"\left(\log p\right)\,a"
    g = named_function("G", r"\operatorname{{g}} {0}")
    assert latex(Mul(g(p), a, evaluate=False)) == r"\left(\operatorname{g} p\right)\,a"
    # a log that another log follows, or a bracketed argument, reads one way only
    assert latex(log(p) * log(q)) == r"\log p\,\log q"
    assert latex(Mul(log(p + 1), a, evaluate=False)) == r"\log\left(1 + p\right)\,a"


def test_a_template_shows_only_symbols_the_function_depends_on():
    """u11: p_theta(x) with a P that does not take theta: d/dtheta of it is 0 to every check."""
    from sympy import Derivative, Lambda

    from derivations import Definition

    theta, t = Symbol("theta", real=True), Symbol("t", real=True)
    shows = named_function("P", r"p_{{\theta}}\left({0}\right)")
    with pytest.raises(AuthoringError, match=r"shows '\\\\theta'.*does not take it"):
        Derivation(name="d", title="t", hypotheses=(Real(x), Real(theta)),
                   start=Derivative(shows(x), theta),
                   steps=(Step(Integer(0), rules.algebra, "differentiate"),))
    # taken as an argument, or through a definition (two deep), it may be shown
    takes = named_function("Q", r"q_{{\theta}}\left({0}\right)")
    Derivation(name="d", title="t", hypotheses=(Real(theta),), start=takes(theta) - takes(theta),
               steps=(Step(Integer(0), rules.algebra, "cancel"),))
    inner = named_function("Z", r"z_{{{0}}}(t)")
    outer = named_function("W", r"w_{{{0}}}(t)")
    Derivation(name="d", title="t", hypotheses=(
        Real(x), Real(t), Definition(inner, Lambda(x, t * x)),
        Definition(outer, Lambda(x, inner(x) + 1))),
        start=outer(x), steps=(Step(t * x + 1, rules.definition, "unfold"),))
    with pytest.raises(AuthoringError, match="shows 't'"):
        Derivation(name="d", title="t", hypotheses=(Real(x), Real(t)),
                   start=outer(x) + t, steps=(Step(t + outer(x), rules.algebra, "swap"),))


def test_a_printed_name_is_one_name():
    """Round 20 (v04, v06): a name that typesets as two letters (a{b}), or with an empty or
    wrapped script (j^{}), reads as something else; the whitelist allows one letter or Greek
    letter, accented or in a font, with at most a subscript and a superscript."""
    for name in ("a{b}", "y{}j", "j^{}", "j_{}", r"\text{\textit{j}}", "ab_{1}"):
        odd = Symbol(name, real=True)
        with pytest.raises(AuthoringError, match="may typeset as something other|a product of"):
            Derivation(name="d", title="t", hypotheses=(Real(odd),), start=odd * 1,
                       steps=(Step(odd, rules.algebra, "same"),))
    for name in ("x", "theta", "x_1", "q^*", r"v^{\max}", "phat", r"\hat{y}", r"\ell",
                 r"p_{\mathrm{model}}", r"\mathbf{x}", r"x^{\prime}"):
        fine = Symbol(name, real=True)
        Derivation(name="d", title="t", hypotheses=(Real(fine),), start=fine + 0 * fine,
                   steps=(Step(fine, rules.algebra, "same"),))


def test_a_name_shows_only_what_it_depends_on():
    """Round 20 (v03, v05): y^{j}, a^{j} or f_{j} beside a sum over j reads as depending on j;
    a vector shown as p_epsilon may, when its rule holds epsilon."""
    from sympy import Function, Lambda, Sum

    from derivations import Definition

    j = Symbol("j", integer=True)
    y = Symbol("y_{j}", real=True)
    with pytest.raises(AuthoringError, match="shows 'j'|indexed by j"):
        Derivation(name="d", title="t", hypotheses=(Real(y),), start=Sum(y, (j, 1, 2)),
                   steps=(Step(2 * y, rules.algebra, "two terms"),))
    g = Function("g_{j}", real=True)
    with pytest.raises(AuthoringError, match="shows 'j'"):
        Derivation(name="d", title="t", hypotheses=(Real(x), Real(g(x))),
                   start=Sum(g(x), (j, 1, 2)), steps=(Step(2 * g(x), rules.algebra, "two"),))
    t, f = Symbol("t"), Function("f")
    with pytest.raises(AuthoringError, match="shows 't'"):
        Derivation(name="d", title="t", hypotheses=(Definition(f, Lambda(t, Symbol("y_{t}"))),),
                   start=f(Integer(1)), steps=(Step(f(Integer(2)), rules.definition, "x"),))
    # (a vector shown as p_epsilon whose rule holds epsilon may: the catalogue's
    # label_smoothing_* derivations, checked by every catalogue test)


def test_a_bound_variable_has_no_look_alike_in_its_scope():
    """Round 20 (v01, v02): two different j's in nested sums, or a sum's t inside f(t) = ...,
    print as one variable; the same symbol bound again is read as SymPy reads it."""
    from sympy import Function, Lambda, Sum

    from derivations import Definition

    j, other = Symbol("j", integer=True), Symbol("j")
    with pytest.raises(AuthoringError, match="another symbol that prints like it"):
        Derivation(name="d", title="t", hypotheses=(),
                   start=Sum(other * Sum(other, (j, 1, 2)), (other, 1, 2)),
                   steps=(Step(Integer(9), rules.algebra, "x"),))
    t, t_summed, f = Symbol("t"), Symbol("t", integer=True), Function("f")
    with pytest.raises(AuthoringError, match="another symbol that prints like it"):
        Derivation(name="d", title="t", hypotheses=(Definition(
            f, Lambda(t, Sum(t, (t_summed, 1, 2)))),), start=f(Integer(5)),
            steps=(Step(Integer(10), rules.definition, "x"),))
    Derivation(name="d", title="t", hypotheses=(),
               start=Sum(j * Sum(j, (j, 1, 2)), (j, 1, 2)),
               steps=(Step(Integer(9), rules.algebra, "innermost binds"),))


def test_names_that_read_as_powers_operators_or_constants_are_refused():
    """Red-team round 21: a name x^{2} reads as a power (w01); a vector's name used as a number
    is a symbol like any other (w02); d/(d x) with a symbol d reads as a derivative (w05); a
    function pi(t) reads as pi times t (w04)."""
    from sympy import Function, Lambda, Mul, Pow

    from derivations import Definition, Positive

    power = Symbol("x^{2}", real=True)
    with pytest.raises(AuthoringError, match="reads as a power"):
        Derivation(name="d", title="t", hypotheses=(Real(power),), start=power * 1,
                   steps=(Step(power, rules.algebra, "same"),))
    d, y = Symbol("d", positive=True), Symbol("y", positive=True)
    quotient = Mul(d, Pow(Mul(d, y, evaluate=False), -1, evaluate=False), evaluate=False)
    with pytest.raises(AuthoringError, match="reads as a derivative"):
        Derivation(name="d", title="t", hypotheses=(Positive(d), Positive(y)),
                   start=Mul(quotient, y ** 2, evaluate=False),
                   steps=(Step(y, rules.algebra, "x"),))
    t, pi_fn = Symbol("t"), Function("pi")
    with pytest.raises(AuthoringError, match="reads as the constant"):
        Derivation(name="d", title="t", hypotheses=(Definition(pi_fn, Lambda(t, t ** 2)),),
                   start=pi_fn(Integer(2)),
                   steps=(Step(4 * pi_fn(Integer(1)), rules.definition, "unfold"),))


def test_names_read_as_tex_sets_them():
    """Red-team round 22: d^-1 x^-1 prints as d/(d x) (x01); x^{\\mathrm{e}} reads as a power
    (x02); x_{1} beside a family x reads as its entry (x04); a plain function printed \\log or
    e_{} (x07, x08)."""
    from sympy import Function, IndexedBase, Mul, Pow, Sum

    from derivations import Positive, Size

    d, y = Symbol("d", positive=True), Symbol("y", positive=True)
    with pytest.raises(AuthoringError, match="reads as a derivative"):
        Derivation(name="d", title="t", hypotheses=(Positive(d), Positive(y)),
                   start=Mul(d, Pow(d, -1, evaluate=False), Pow(y, -1, evaluate=False),
                             y ** 2, evaluate=False), steps=(Step(y, rules.algebra, "x"),))
    with pytest.raises(AuthoringError, match="reads as a power"):
        e_power = Symbol(r"t^{\mathrm{e}}", real=True)
        Derivation(name="d", title="t", hypotheses=(Real(e_power),), start=e_power * 1,
                   steps=(Step(e_power, rules.algebra, "same"),))
    k, j = Symbol("k", integer=True, positive=True), Symbol("j", integer=True)
    z, first = IndexedBase("z", real=True), Symbol("z_1", real=True)
    with pytest.raises(AuthoringError, match="entry or a derivative"):
        Derivation(name="d", title="t", hypotheses=(Size(k), Real(z[j]), Real(first)),
                   start=Sum(z[j], (j, 1, k)) + first,
                   steps=(Step(first + Sum(z[j], (j, 1, k)), rules.algebra, "swap"),))
    for name in (r"\log", "e_{}", r"\Gamma"):
        f = Function(name, real=True)
        with pytest.raises(AuthoringError, match="prints its name"):
            Derivation(name="d", title="t", hypotheses=(Real(x), Real(f(x))), start=f(x) * 1,
                       steps=(Step(f(x), rules.algebra, "same"),))


def test_a_named_function_to_a_power_inside_another_prints_for_every_audit():
    """SymPy's own printer (the audits' look-alike checks) passes a power's exponent to the
    template's printer, which crashed a derivation with h(f(x)^2) at build time."""
    from sympy import latex as sympy_latex

    from derivations import Positive

    t0 = Symbol("t0", real=True)
    f = named_function("f", "f({0})", positive=True)
    h = named_function("h", "h({0})", positive=True)
    assert sympy_latex(h(f(x) ** 2)) == r"h(\left(f(x)\right)^{2})"
    Derivation(name="d", title="t", hypotheses=(Real(x), Positive(f(t0)), Positive(h(t0))),
               start=h(f(x) ** 2) * 1, steps=(Step(h(f(x) ** 2), rules.algebra, "same"),))
