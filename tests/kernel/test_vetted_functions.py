"""The functions of SymPy the engine accepts (``vocabulary.VETTED``), held against their values.

For each vetted function of one argument and each way of declaring that argument, every fact
SymPy's assumptions state of the application (positive, nonzero, finite, real, ...) is compared
with the function's values at points of the declared domain. Where SymPy is wrong (digamma
"finite" at 0 for x >= 0, atan(n) "positive" for an integer n >= 0, tan "extended real" at
pi/2), the kernel must not rely on it: the application is judged possibly undefined, and not
positive, non-negative or nonzero, whatever SymPy says (red-team round 16, r06 to r08). A
function outside the vetted list is refused before any of this is asked.
"""

from __future__ import annotations

import pytest
import sympy
from sympy import Integer, Rational, Symbol, arg, beta, divisor_sigma, nan, pi, zoo

from derivations.kernel import judge
from derivations.kernel.positivity import is_nonnegative, is_strictly_positive
from derivations.language import vocabulary
from derivations.language.hypotheses import Facts

DECLARATIONS = {
    "integer, nonnegative": {"integer": True, "nonnegative": True},
    "integer": {"integer": True},
    "integer, positive": {"integer": True, "positive": True},
    "nonnegative": {"nonnegative": True},
    "positive": {"positive": True},
    "real": {"real": True},
    "negative": {"negative": True},
    "integer, negative": {"integer": True, "negative": True},
}
POINTS = [Integer(v) for v in range(-4, 5)] + [Rational(1, 2), Rational(-1, 2), Rational(3, 2),
                                               Rational(-7, 3), Integer(10), pi / 2, pi, -pi]
#: Functions of more than one argument, or with conditions for arguments, scanned elsewhere.
SKIPPED = {"Piecewise", "KroneckerDelta", "Heaviside"}
SIGNS = ("positive", "nonnegative", "nonzero", "zero", "negative", "nonpositive")


def _in_domain(value: sympy.Expr, declared: dict[str, bool]) -> bool:
    probe = Symbol("probe", **declared)
    return all(getattr(value, f"is_{k}") is True
               for k in ("integer", "nonnegative", "positive", "real", "negative", "nonpositive")
               if getattr(probe, f"is_{k}") is True)


def _lies() -> list[tuple[str, str, str, bool, sympy.Expr]]:
    """(function, declaration, fact, SymPy's claim, a point where it is false)."""
    found = []
    for name in sorted(vocabulary.VETTED - SKIPPED):
        function = getattr(sympy, name)
        for label, declared in DECLARATIONS.items():
            application = function(Symbol("x", **declared))
            for fact in ("finite", "extended_real", *SIGNS):
                claim = getattr(application, f"is_{fact}")
                if claim is None:
                    continue
                for point in POINTS:
                    if not _in_domain(point, declared):
                        continue
                    value = function(point)
                    defined = not value.has(nan, zoo) and value.is_finite is True \
                        and value.is_real is True
                    truth = getattr(value, f"is_{fact}") if defined else (
                        False if fact in ("finite", "extended_real") else None)
                    if truth is not None and truth != claim:
                        found.append((name, label, fact, claim, point))
                        break
    return found


LIES = _lies()


def test_the_scan_finds_the_lies_it_was_written_for():
    """The scan is not empty by accident: it finds the lies the red team reported that the
    kernel works around (a pole SymPy calls finite or real); those of atan, asin and acos at
    a rational argument are corrected in SymPy's own handler (``derivations._compat``), so
    that SymPy's algebra does not act on them either."""
    facts = {(name, fact) for name, _, fact, _, _ in LIES}
    assert {("digamma", "finite"), ("tan", "extended_real")} <= facts
    assert not {name for name, *_ in LIES} & {"atan", "asin", "acos"}


def test_inverse_trigonometry_at_a_rational_argument_is_not_called_irrational():
    """Red-team s02, s03, s04: SymPy 1.14 called atan(n) irrational for every integer n, hence
    nonzero, and its algebra acted on it: Eq(atan(j), 0) was False, sign(atan(n)) was 1 for
    n >= 0, and a sum over j = 0..k of [atan j = 0] was 0 (its term at j = 0 is 1). Corrected,
    none of these is decided; at a rational argument away from the rational value the value
    is still irrational (atan 2, asin 1/2 is pi/6, acos 1/3)."""
    n = Symbol("n", integer=True, nonnegative=True)
    for f, one in ((sympy.atan, 0), (sympy.asin, 0), (sympy.acos, 1)):
        assert f(n).is_rational is None and f(n).is_zero is None
        assert not isinstance(sympy.Eq(f(n), 0), sympy.logic.boolalg.BooleanFalse)
        assert f(Integer(one)) == 0
    assert sympy.atan(n).is_positive is None and isinstance(sympy.sign(sympy.atan(n)), sympy.sign)
    assert sympy.atan(Integer(2)).is_rational is False
    assert sympy.acos(Rational(1, 3)).is_rational is False


@pytest.mark.parametrize(("name", "label", "fact", "claim", "point"), LIES,
                         ids=[f"{n}({lab}) {f}={c} at {p}" for n, lab, f, c, p in LIES])
def test_the_kernel_does_not_rely_on_a_wrong_assumption(name, label, fact, claim, point):
    application = getattr(sympy, name)(Symbol("x", **DECLARATIONS[label]))
    facts = Facts()
    if fact in ("finite", "extended_real"):
        assert judge.may_be_undefined(application, facts), (application, point)
    elif claim and fact == "positive":
        assert not is_strictly_positive(application, facts), (application, point)
    elif claim and fact == "nonnegative":
        assert not is_nonnegative(application, facts), (application, point)
    elif (claim and fact == "nonzero") or (not claim and fact == "zero"):
        assert not judge._never_zero(application, facts), (application, point)
    elif claim and fact == "negative":
        assert not is_strictly_positive(-application, facts), (application, point)
    elif claim and fact == "nonpositive":
        assert not is_nonnegative(-application, facts), (application, point)


@pytest.mark.parametrize("construct", [arg(Symbol("x", real=True)),
                                       beta(Symbol("x", real=True)),
                                       divisor_sigma(Symbol("n", integer=True, positive=True)),
                                       sympy.atan2(Symbol("y", real=True), Symbol("x", real=True))],
                         ids=str)
def test_a_function_outside_the_vetted_list_is_refused(construct):
    found = vocabulary.unsupported(construct + 1)
    assert found is not None and "vetted" in found.reason
    assert judge.may_be_undefined(construct, Facts())


def test_vetted_functions_and_the_authors_own_are_accepted():
    x = Symbol("x", real=True)
    f = sympy.Function("f")
    for construct in (sympy.exp(x), sympy.atan(x), sympy.gamma(x), f(x), sympy.Max(x, 1)):
        assert vocabulary.unsupported(construct) is None, construct
