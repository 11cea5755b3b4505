"""The rules page (docs/rules.md) and its examples (docs/examples/rules.py) cannot rot.

Every rule `derivations.rules` exports has a worked example and a heading; every code block on
the page is the example file's text; the example file checks with every step `symbolic` and
prints what the page shows; and a misuse of every rule with a side condition fails, naming
that condition.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from sympy import (
    IndexedBase,
    Integer,
    Integral,
    KroneckerDelta,
    Lambda,
    Product,
    S,
    Sum,
    Symbol,
    exp,
    log,
    oo,
)

from derivations import (
    Argmax,
    Argmin,
    Derivation,
    IndexRange,
    Parameter,
    Positive,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    rules,
)
from derivations.checking.check import check_all
from derivations.cli import main
from derivations.language.rule import Rule
from derivations.loader import from_file

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "rules.md"
EXAMPLES = ROOT / "docs" / "examples" / "rules.py"
REGION = re.compile(r"^# --8<-- \[start:(\w+)\]\n(.*?)^# --8<-- \[end:\1\]\n", re.M | re.S)
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)


def _rule_names() -> list[str]:
    """The names `derivations.rules` exports that are a Rule or a function returning one."""
    names = []
    for name in rules.__all__:
        obj = getattr(rules, name)
        if isinstance(obj, Rule):
            names.append(name)
        elif callable(obj) and not isinstance(obj, type):
            if typing.get_type_hints(obj).get("return") is Rule:
                names.append(name)
    return names


def _blocks(language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(PAGE.read_text()) if lang == language]


def test_the_rules_are_the_fifteen_known_ones():
    # a new rule must get an example here (and then be added to this list)
    assert sorted(_rule_names()) == sorted([
        "algebra", "log_of_product", "one_hot_collapse", "definition", "antiderivative",
        "identity", "logarithm", "negate", "negative_log", "positive_factor", "add_constant",
        "monotone", "inequality", "by_lemma", "by_theorem"])


@pytest.mark.parametrize("name", _rule_names())
def test_every_rule_has_an_example_and_a_heading(name):
    source = EXAMPLES.read_text()
    assert re.search(rf"^rule_{name} = Derivation\(\n    name=\"rule_{name}\",", source, re.M)
    assert name in dict(REGION.findall(source)), f"no marked region for {name}"
    prose = FENCE.sub("", PAGE.read_text())
    headings = [line for line in prose.splitlines() if line.startswith("#")]
    assert any(re.search(rf"`rules\.{name}\b", h) for h in headings), f"no heading for {name}"


def test_every_code_block_is_the_example_file_verbatim():
    source = EXAMPLES.read_text()
    shown = _blocks("python")
    assert shown
    for body in shown:
        assert body in source, body
    regions = dict(REGION.findall(source))
    # and every marked region of the file is on the page, whole
    assert sorted(regions.values()) == sorted(shown)


def test_the_examples_check_symbolic_and_print_what_the_page_shows(capsys):
    code = main(["check", "--no-cache", "-j", "1", "--min-evidence", "symbolic", str(EXAMPLES)])
    out = capsys.readouterr().out
    assert code == 0, out
    last = out.strip().splitlines()[-1]
    assert re.fullmatch(r"(\d+) derivations, (\d+) steps: \2 symbolic, 0 sized, 0 sampled, "
                        r"0 failed; 0 derivations failed", last), last
    consoles = _blocks("console")
    assert len(consoles) > len(_rule_names())
    for body in consoles:
        if body.startswith("$ "):  # the command, then an excerpt and the last line
            command, *lines = body.splitlines()
            assert command == ("$ python -m derivations check docs/examples/rules.py "
                               "--no-cache --min-evidence symbolic")
            assert lines[-1] == last
        else:  # one derivation's block, as printed
            assert body in out, body


def test_the_examples_load_with_every_step_symbolic():
    results = check_all(from_file(EXAMPLES))
    weak = [(r.derivation.name, s.index, s.evidence) for r in results for s in r.steps
            if not s.ok or s.evidence is None or s.evidence.value != "symbolic"]
    assert weak == []
    assert all(r.ok for r in results)


# Misuses: each fails at its one step, and the reason names the side condition.
k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
N = Symbol("N", integer=True, positive=True)
n = Symbol("n", integer=True)
z = IndexedBase("z", real=True)
b = IndexedBase("b", real=True)
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)
r = IndexedBase("r", positive=True)
s = IndexedBase("s", positive=True)
theta = Symbol("theta", real=True)
x = Symbol("x", real=True)
c = Symbol("c", real=True)
t = Symbol("t", real=True)
lam = Symbol("lambda", positive=True)
u = Symbol("u")
w = Symbol("w")


def _misuse(name, hypotheses, start, expr, rule, relation=None):
    return Derivation(name=name, title="A misuse", hypotheses=hypotheses, start=start,
                      steps=(Step(expr, rule, "misused", relation=relation),))


def _gibbs() -> Derivation:
    return next(d for d in from_file(EXAMPLES) if d.name == "rule_by_lemma")


MISUSES = {
    # the observations' probabilities are only known to be real
    "log_of_product": lambda: _misuse(
        "misuse_log_of_product", (Size(N), Real(b[n])), -log(Product(b[n], (n, 1, N))),
        -Sum(log(b[n]), (n, 1, N)), rules.log_of_product),
    # the label may be 0, outside the classes 1..k
    "one_hot_collapse": lambda: _misuse(
        "misuse_one_hot_collapse", (Size(k), IndexRange(y, 0, k), Positive(q[j])),
        -Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)), -log(q[y]), rules.one_hot_collapse),
    # exp(-lambda t) is the antiderivative of -lambda exp(-lambda t), not of the density
    "antiderivative": lambda: _misuse(
        "misuse_antiderivative", (Positive(lam),), Integral(lam * exp(-lam * t), (t, 0, oo)),
        Integer(1), rules.antiderivative(exp(-lam * t), of=t)),
    # theta x may be negative or zero
    "logarithm": lambda: _misuse(
        "misuse_logarithm", (Parameter(theta), Real(x)), Argmax(theta * x, theta),
        Argmax(log(theta * x), theta), rules.logarithm()),
    "negative_log": lambda: _misuse(
        "misuse_negative_log", (Parameter(theta), Real(x)), Argmax(theta * x, theta),
        Argmin(-log(theta * x), theta), rules.negative_log()),
    # a factor of unknown sign
    "positive_factor": lambda: _misuse(
        "misuse_positive_factor", (Parameter(theta), Real(x), Real(c)),
        Argmin((x - theta) ** 2, theta), Argmin(c * (x - theta) ** 2, theta),
        rules.positive_factor(c)),
    # a "constant" that is the parameter itself
    "add_constant": lambda: _misuse(
        "misuse_add_constant", (Parameter(theta), Real(x)), Argmin((x - theta) ** 2, theta),
        Argmin((x - theta) ** 2 + theta, theta), rules.add_constant(theta)),
    # squaring is not monotone on the real line
    "monotone": lambda: _misuse(
        "misuse_monotone", (Parameter(theta), Real(x)), Argmin(x - theta, theta),
        Argmin((x - theta) ** 2, theta), rules.monotone(Lambda(u, u ** 2))),
    # the weights z_j may be negative
    "by_lemma": lambda: _misuse(
        "misuse_by_lemma", (Size(k), Real(z[j]), Positive(q[j])),
        Sum(z[j] * log(q[j]), (j, 1, k)), Sum(z[j] * (q[j] - 1), (j, 1, k)),
        rules.by_lemma(rules.LOG_BELOW_TANGENT, z[j], q[j], (j, 1, k)), Relation.LE),
    # the prediction s is positive but not known to sum to one
    "by_theorem": lambda: _misuse(
        "misuse_by_theorem", (Size(k), Simplex(r, k), Positive(r[j]), Positive(s[j])),
        -Sum(r[j] * log(r[j]), (j, 1, k)), -Sum(r[j] * log(s[j]), (j, 1, k)),
        rules.by_theorem(_gibbs(), {p: r, q: s}), Relation.LE),
    # a "lemma" that is not one: w^3 is not convex, nor non-negative
    "by_lemma (own lemma)": lambda: _misuse(
        "misuse_by_lemma_own_lemma", (Real(c),), S.Zero, c ** 3,
        rules.by_lemma(rules.Lemma("cube", "0 <= w^3", Lambda(w, w ** 3), False, Integer(0)),
                       Integer(1), c), Relation.LE),
}

REASONS = {
    "log_of_product": "side condition 'every factor positive' is not established "
                      "(not known to be positive: b[n])",
    "one_hot_collapse": "side condition '1 <= y <= k' is not established "
                        "(no hypothesis puts the integer y in [1, k])",
    "antiderivative": "side condition 'exp(-lambda*t) is an antiderivative of an integrand on "
                      "the left' is not established",
    "logarithm": "cannot show that log(_u) is strictly monotone on the real line (its "
                 "derivative 1/_u has no known sign); the objective is not known to be positive",
    "negative_log": "the objective is not known to be positive",
    "positive_factor": "side condition 'c > 0' is not established",
    "add_constant": "side condition 'theta does not depend on theta' is not established",
    "monotone": "cannot show that u**2 is strictly monotone on the real line (its derivative "
                "2*u has no known sign); the objective is not known to be positive",
    "by_lemma": "side condition 'weight z[j] >= 0' is not established",
    "by_theorem": "side condition 's lies on the simplex of size k' is not established "
                  "(not implied by this theorem's hypotheses)",
    "by_lemma (own lemma)": "side condition 'lemma 0 <= w^3' is not established "
                            "(the slack is not known to be strictly convex on the domain)",
}


@pytest.mark.parametrize("rule", list(MISUSES))
def test_a_misuse_fails_naming_its_side_condition(rule):
    misuse = MISUSES[rule]()
    known = [_gibbs(), misuse] if rule == "by_theorem" else [misuse]
    result = check_all(known)[-1]
    assert not result.ok
    (step,) = result.steps
    assert not step.ok
    assert REASONS[rule] in step.reason, step.reason


def test_every_rule_with_a_side_condition_has_a_misuse():
    conditional = {"log_of_product", "one_hot_collapse", "antiderivative", "logarithm",
                   "negative_log", "positive_factor", "add_constant", "monotone", "by_lemma",
                   "by_theorem"}
    assert conditional <= set(MISUSES)


def test_the_page_quotes_the_misuse_reasons():
    text = " ".join(PAGE.read_text().split())
    for reason in REASONS.values():
        assert reason in text, reason


def test_the_page_quotes_the_side_conditions_the_examples_show():
    text = " ".join(PAGE.read_text().split())
    for result in check_all(from_file(EXAMPLES)):
        for step in result.steps:
            for condition in step.conditions:
                assert f"`{condition.text}`" in text, (result.derivation.name, condition.text)
