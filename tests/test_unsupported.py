"""Constructs the engine cannot check (``derivations/language/vocabulary.py``): a step that holds
one fails with "cannot check: <construct> (<what to do>)", naming its derivation and step, the
rest of the run goes on, nothing is proved and no value is drawn for what they bind; a
malformed lemma is an authoring error (exit 2). Each case has a true and a false variant: both
fail, since neither can be checked."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pytest
from sympy import (
    Add,
    Integral,
    Lambda,
    Limit,
    Mul,
    S,
    Symbol,
    UnevaluatedExpr,
    exp,
    log,
    oo,
    pi,
    sin,
    sqrt,
)
from sympy.stats import Normal

from derivations import (
    AuthoringError,
    Derivation,
    Positive,
    Real,
    Relation,
    Status,
    Step,
    check_derivation,
    rules,
)
from derivations.cli import main
from derivations.evidence.point import Point
from derivations.evidence.sampling import equal, sample
from derivations.kernel import judge
from derivations.kernel.canonical import prove_equal
from derivations.language.hypotheses import Facts
from derivations.render.latex import fragment
from derivations.settings import DEFAULT

#: Every file below defines one derivation with the construct, and an ordinary one after it
#: that the run still checks.
PLAIN = '''
plain = Derivation(name="plain", title="Nothing unusual", hypotheses=(Positive(a),),
                   start=2 * a, steps=(Step(a + a, rules.algebra, "twice"),))
'''
HEADER = '''
from sympy import (Function, Integral, Lambda, Limit, O, S, Subs, Symbol, UnevaluatedExpr,
                   exp, oo, sin)
from sympy.stats import E, Normal

from derivations import Definition, Derivation, Positive, Real, Step, rules

a = Symbol("a", positive=True)
x = Symbol("x", real=True)
t = Symbol("t")
F = Function("F")
mu = Symbol("mu", real=True)
X = Normal("X", mu, a)
'''


def _file(tmp_path: Path, name: str, hypotheses: str, start: str, step: str) -> Path:
    source = HEADER + textwrap.dedent(f'''
        {name} = Derivation(name="{name}", title="A construct", hypotheses=({hypotheses},),
                            start={start}, steps=(Step({step}, rules.algebra, "by SymPy"),))
        ''') + PLAIN
    path = tmp_path / f"{name}.py"
    path.write_text(source)
    return path


CASES = [  # name, hypotheses, start, step, what the reason starts with
    ("integral", "Positive(a), Real(x)", "Integral(exp(-a * x), x)", "-exp(-a * x) / a",
     "cannot check: Integral(exp(-a*x), x) (the engine checks definite integrals over one "
     "real variable"),
    ("double_integral", "Positive(a)", "Integral(exp(-a * x * t), (x, 0, 1), (t, 0, 1))",
     "S.One", "cannot check: Integral(exp(-a*t*x), (x, 0, 1), (t, 0, 1))"),
    ("limit", "Real(x)", "Limit(sin(x) / x, x, 0, '+')", "S.One",
     "cannot check: Limit(sin(x)/x, x, 0, dir='+') (the engine has no limits"),
    ("limit_wrong", "Real(x)", "Limit(sin(x) / x, x, 0, '+')", "S.Zero",
     "cannot check: Limit(sin(x)/x, x, 0, dir='+')"),
    ("expectation", "Real(mu), Positive(a)", "E(X, evaluate=False)", "mu",
     "cannot check: Expectation(X) (the engine has no random variables"),
    ("expectation_wrong", "Real(mu), Positive(a)", "E(X, evaluate=False)", "mu + 1",
     "cannot check: Expectation(X)"),
    ("random_symbol", "Real(mu), Positive(a)", "X + 1", "1 + X",
     "cannot check: the random symbol X of sympy.stats"),
    ("substitution", "Real(x)", "Subs(x**2 + 1, x, S.Zero)", "S.One",
     "cannot check: Subs(x**2 + 1, x, 0) (carry the substitution out"),
    ("order_term", "Real(x)", "exp(x)", "1 + x + O(x**2)",
     "cannot check: O(x**2) (an order term"),
    ("unevaluated", "Positive(a)", "2 * a", "UnevaluatedExpr(a) + UnevaluatedExpr(a)",
     "cannot check: UnevaluatedExpr(a) (to keep a step as written, build its sums and "
     "products with Add(..., evaluate=False)"),
    ("in_definition", "Positive(a), Real(x), Definition(F, Lambda(t, Integral(exp(-t * x), x)))",
     "F(a)", "-exp(-a * x) / a", "cannot check: Integral(exp(-a*x), x)"),
]


@pytest.mark.parametrize(("name", "hypotheses", "start", "step", "reason"), CASES,
                         ids=[c[0] for c in CASES])
def test_a_construct_the_engine_cannot_check_fails_its_step(tmp_path, capsys, name, hypotheses,
                                                            start, step, reason):
    path = _file(tmp_path, name, hypotheses, start, step)
    assert main(["check", "--no-cache", str(path)]) == 1
    out, err = capsys.readouterr()
    assert f"{name}: FAILED (1 of 1 step failed)" in out
    assert "   1. algebra              FAILED    by SymPy\n" in out
    assert f"      -> {reason}" in out
    assert "plain: ok (1 step, weakest evidence: symbolic)" in out  # the run went on
    assert "Traceback" not in out + err and err == ""


def test_a_definite_integral_is_sampled_by_quadrature_and_proved_only_by_an_antiderivative(
        tmp_path, capsys):
    """Without an antiderivative the true step is only sampled, the false one refuted."""
    for name, value, verdict in (("true", "1 / a", "sampled"), ("false", "2 / a", "FAILED")):
        path = tmp_path / f"{name}.py"
        path.write_text(HEADER + textwrap.dedent(f'''
            {name} = Derivation(name="{name}", title="An integral", hypotheses=(Positive(a),),
                                start=Integral(exp(-a * x), (x, 0, oo)),
                                steps=(Step({value}, rules.algebra, "by SymPy"),))
            '''))
        main(["check", "--no-cache", str(path)])
        out = capsys.readouterr().out
        assert f"   1. algebra              {verdict}" in out, out


@pytest.mark.parametrize(("start", "end"), [
    # true (for a > 0) and false variants: none may be proved, whatever SymPy's doit says
    (Integral(exp(-Symbol("a", real=True) * Symbol("x")), (Symbol("x"), 0, oo)),
     1 / Symbol("a", real=True)),  # false: diverges for a <= 0
    (Limit(sin(Symbol("x")) / Symbol("x"), Symbol("x"), 0, "+"), S.One),
    (Limit(1 / Symbol("x"), Symbol("x"), 0, "+"), oo),
    (Limit(1 / Symbol("x"), Symbol("x"), 0, "-"), oo),  # false: -oo from the left
])
def test_the_kernel_never_proves_an_integral_or_a_limit(start, end):
    facts = Facts.from_hypotheses(())
    assert not prove_equal(start, end, facts)
    assert not judge.proves_equal(start, end, facts)
    assert judge.may_be_undefined(start, facts)
    assert not judge.proves_order(start, end, facts, strict=False)


_X, _Y = Symbol("x", real=True), Symbol("y", real=True)


@pytest.mark.parametrize(("construct", "bound"), [
    (Limit(sin(_X) / _X, _X, 0, "+"), {_X, Symbol("+")}),  # the variable and the direction
    (Integral(exp(-_X**2), (_X, 0, oo), (Symbol("z"), 0, 1)), {_X, Symbol("z")}),  # double
    (Normal("N", 0, 1), {Symbol("N")}),  # a random symbol's own symbol
])
def test_the_sampler_draws_no_value_for_what_a_construct_binds(construct, bound):
    side = construct + _Y
    facts = Facts.from_hypotheses((Real(_Y),))
    point = Point(facts, random.Random(1), DEFAULT)
    point.fix_free([side])
    point.fix_values(point.fix_structure([side]))
    assert _Y in point.values
    assert not bound & set(point.values)
    outcome = sample(side, _Y + 1, facts, equal, DEFAULT, points=6, seed=0)
    assert outcome.counterexample is None and outcome.agreed == 0
    assert outcome.undecided.startswith("cannot check: ")


def test_the_sampler_integrates_a_definite_integral_without_drawing_its_variable():
    side = Integral(exp(-_X**2), (_X, 0, oo)) + _Y
    facts = Facts.from_hypotheses((Real(_Y),))
    point = Point(facts, random.Random(1), DEFAULT)
    point.fix_free([side])
    point.fix_values(point.fix_structure([side]))
    assert _Y in point.values and _X not in point.values
    assert sample(side, _Y + sqrt(pi) / 2, facts, equal, DEFAULT, points=4, seed=0).agreed == 4
    wrong = sample(side, _Y + 1, facts, equal, DEFAULT, points=4, seed=0)
    assert wrong.counterexample is not None


def test_a_lemma_with_a_plain_zero_for_its_slack_exits_2_saying_what_to_write(tmp_path,
                                                                             capsys):
    path = tmp_path / "zero_lemma.py"
    path.write_text(textwrap.dedent('''
        from sympy import S
        from derivations import rules

        ZERO = rules.Lemma("zero", "0 >= 0", 0, True, S.One)
        '''))
    assert main(["check", "--no-cache", str(path)]) == 2
    out, err = capsys.readouterr()
    assert err == (f"derivations: error: {path} (line 5): lemma 'zero': the slack must be a "
                   "function of one variable, Lambda(x, ...) with slack(x) >= 0 on the domain "
                   "(for log x <= x - 1: Lambda(x, x - 1 - log(x))), not 0\n")


@pytest.mark.parametrize(("arguments", "message"), [
    (("zero", "0 >= 0", 0, True, S.One), "the slack must be a function of one variable"),
    (("two", "", Lambda((Symbol("u"), Symbol("v")), Symbol("u")), True, S.One),
     "the slack must be a function of one variable"),
    (("point", "", Lambda(Symbol("u"), Symbol("u")**2), False, "zero"),
     "the equality point must be a number or a SymPy expression"),
    (("domain", "", Lambda(Symbol("u"), Symbol("u")**2), 1, S.Zero),
     "positive_domain is True"),
])
def test_a_malformed_lemma_is_an_authoring_error(arguments, message):
    with pytest.raises(AuthoringError, match=message):
        rules.Lemma(*arguments)


def test_a_lemma_with_a_plain_zero_for_its_equality_point_is_read_as_sympys():
    """The measured crash: ``at_equality=0`` raised AttributeError ('int' has no is_positive);
    a plain number is SymPy's number, as everywhere in the API."""
    u = Symbol("u")
    square = rules.Lemma("square", "u^2 >= 0", Lambda(u, u**2), False, 0)
    assert square.at_equality == S.Zero and square.problem() is None
    tangent = rules.Lemma("tangent_at_0", "", Lambda(u, u - 1 - log(u)), True, 0)
    assert tangent.problem() == "the equality point 0 is outside the domain x > 0"
    b = Symbol("b", real=True)
    d = Derivation(name="square_below", title="Adding a square", hypotheses=(Real(b),),
                   start=b, steps=(Step(b + (b - 1)**2, rules.by_lemma(square, 1, b - 1),
                                        "a square is non-negative", relation=Relation.LE),))
    assert check_derivation(d).ok


A, B = Symbol("a", real=True), Symbol("b", real=True)


def test_evaluate_false_keeps_a_step_as_written_and_it_is_checked():
    kept = Derivation(name="kept", title="Kept as written", hypotheses=(Real(A), Real(B)),
                      start=2 * A + B, steps=(Step(Add(B, A, A, evaluate=False),
                                                   rules.algebra, "split"),))
    result = check_derivation(kept)
    assert result.ok and result.steps[0].evidence.value == "symbolic"
    assert r"{}={} & b + a + a &&" in fragment(result)
    c = Symbol("c", positive=True)
    product = Derivation(name="product_kept", title="Kept", hypotheses=(Positive(c),),
                         start=log(c**2), steps=(Step(Mul(2, log(c), evaluate=False),
                                                      rules.algebra, "a power"),))
    result = check_derivation(product)
    assert result.ok and r"{}={} & 2\,\log c &&" in fragment(result)


def test_a_wrong_step_kept_as_written_is_refuted():
    wrong = Derivation(name="kept_wrong", title="Kept as written", hypotheses=(Real(A), Real(B)),
                       start=2 * A + B, steps=(Step(Add(B, A, B, evaluate=False),
                                                    rules.algebra, "split"),))
    step = check_derivation(wrong).steps[0]
    assert step.status is Status.FAILED and step.counterexample is not None
    assert step.reason == "the two sides differ"


def test_unevaluated_expr_is_never_accepted_nor_refuted_with_a_false_counterexample():
    """UnevaluatedExpr(a) + UnevaluatedExpr(a) = 2 a is true; the evaluator has no value for an
    UnevaluatedExpr, so sampling once called it a counterexample. It cannot be checked."""
    step = check_derivation(Derivation(
        name="unevaluated", title="Unevaluated", hypotheses=(Real(A),), start=2 * A,
        steps=(Step(UnevaluatedExpr(A) + UnevaluatedExpr(A), rules.algebra, "twice"),),
    )).steps[0]
    assert step.status is Status.FAILED and step.counterexample is None
    assert step.reason.startswith("cannot check: UnevaluatedExpr(a)")
