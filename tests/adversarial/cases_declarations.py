"""Routes 2, 5 and 6 through declarations, after red-team round 5: a pattern variable that
another hypothesis constrains, a parameter "free to take any value" that a hypothesis confines,
a simplex that may have no entries, a sum that runs backwards to infinity, and a sized proof
that cancels a denominator vanishing at one size."""

from __future__ import annotations

from sympy import Dummy, Function, IndexedBase, Integer, Lambda, Sum, Symbol, log, oo

from derivations import (
    Argmin,
    Derivation,
    Nonnegative,
    Parameter,
    Positive,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    UnitInterval,
    rules,
)
from tests.adversarial.corpus import false, true

x = Symbol("x_dc", real=True)
t = Symbol("t_dc", positive=True)
a = Symbol("a_dc", positive=True)
k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
theta = Symbol("theta_dc", real=True)
g = Function("g_dc", positive=True)
U = Dummy("u")
CONSTRAINED = "constrained by|meant for every"


def _one(name, hyps, start, expr, rule=rules.algebra, **kw) -> Derivation:
    return Derivation(name, "Claim", tuple(hyps), start, (Step(expr, rule, "as claimed", **kw),))


@false("family", refused=CONSTRAINED)
def a_positive_function_whose_pattern_variable_lies_in_the_unit_interval():
    """0 < a < 1 and g(a) > 0 read as g > 0 everywhere: splits log g(1 + a) g(2 + a)."""
    return _one("unit_pattern", [UnitInterval(a), Positive(g(a))],
                log(g(1 + a) * g(2 + a)), log(g(1 + a)) + log(g(2 + a)))


@false("family", refused=CONSTRAINED)
def a_positive_function_whose_pattern_variable_is_positive():
    return _one("pos_pattern", [Positive(t), Positive(g(t))],
                log(g(-t) * g(-2 * t)), log(g(-t)) + log(g(-2 * t)))


@false("family", refused=CONSTRAINED)
def a_nonnegative_pattern_variable():
    n = Symbol("n_dc", nonnegative=True)
    return _one("nonneg_pattern", [Nonnegative(n), Positive(g(n))],
                log(g(-1 - n) * g(n)), log(g(-1 - n)) + log(g(n)))


@true("family")
def a_pattern_over_a_variable_of_its_own_next_to_a_positive_symbol():
    u = Symbol("u_dc", real=True)
    return _one("own_pattern", [Positive(t), Positive(g(u))],
                log(g(-t) * g(-2 * t)), log(g(-t)) + log(g(-2 * t)), rules.log_of_product)


@false("undisplayed", refused="parameter")
def a_parameter_declared_positive():
    th = Symbol("theta_pos", positive=True)
    return _one("param_pos", [Parameter(th), Positive(th)], Argmin(th, th),
                Argmin(th ** 2, th), rules.monotone(Lambda(U, U ** 2)),
                relation=Relation.SAME_OPTIMISER)


@false("undisplayed", refused="parameter")
def a_parameter_in_the_unit_interval():
    th = Symbol("theta_unit", positive=True)
    return _one("param_unit", [Parameter(th), UnitInterval(th)], Argmin(th, th),
                Argmin(log(th), th), rules.logarithm(), relation=Relation.SAME_OPTIMISER)


@true("undisplayed")
def a_real_parameter_shifted():
    return _one("param_real", [Parameter(theta), Real(theta)], Argmin((theta - 1) ** 2, theta),
                Argmin((theta - 1) ** 2 + 3, theta), rules.add_constant(Integer(3)),
                relation=Relation.SAME_OPTIMISER)


@false("conventions", refused="not known to be an integer of at least 1")
def a_simplex_with_no_entries():
    p = IndexedBase("p_dc0", nonnegative=True)
    return _one("simplex_0", [Simplex(p, 0)], Integer(1), Integer(2))


@false("conventions", refused="not known to be an integer of at least 1")
def a_simplex_one_entry_short_of_a_size():
    p = IndexedBase("p_dc1", nonnegative=True)
    return _one("simplex_k1", [Size(k), Simplex(p, k - 1)], Sum(p[j], (j, 1, k - 1)),
                Integer(1), rules.definition)


@false("conventions", refused="backwards to infinity")
def a_geometric_sum_down_to_minus_infinity():
    return _one("down_inf", [Size(k)], Sum(2 ** j, (j, k, -oo)), 2 ** k)


@false("conventions", refused="backwards to infinity")
def a_sum_from_plus_infinity():
    return _one("from_inf", [Real(x)], x + Sum(2 ** -j, (j, oo, 1)), x + 1)


@false("numeric", fails="differ")
def a_size_power_cancelled_against_a_difference():
    """x^(k-2) (x^2 - x) = x^k - x^(k-1): at k = 1, x = 0 the left side is undefined."""
    return _one("size_power", [Real(x), Size(k)], x ** (k - 2) * (x ** 2 - x),
                x ** k - x ** (k - 1))


@false("numeric", fails="differ")
def a_size_power_dividing_a_polynomial():
    """(x^3 - x^2) / x^(k-1) = x^(4-k) - x^(3-k): at k = 3, x = 0 the left side is 0/0, the
    right side 0 - 1."""
    return _one("size_quotient", [Real(x), Size(k)], (x ** 3 - x ** 2) / x ** (k - 1),
                x ** (4 - k) - x ** (3 - k))


@true("citations")
def a_citation_of_a_theorem_stated_with_an_explicit_sum():
    """A cited theorem whose statement writes its sum out: the certificate's binders are fresh
    Dummies (printed "_b"), which the reserved-name audit must not take for the engine's."""
    p = IndexedBase("p_ds", positive=True)
    q = IndexedBase("q_ds", positive=True)
    i = Symbol("i_ds", integer=True)
    tangent = Derivation("tangent_sum", "Logs below their tangents",
                         (Size(k), Positive(p[i]), Positive(q[i])),
                         Sum(q[j] / p[j] - 1, (j, 1, k)), (
                             Step(Sum(log(q[j] / p[j]), (j, 1, k)),
                                  rules.by_lemma(rules.LOG_BELOW_TANGENT, Integer(1),
                                                 q[j] / p[j], (j, 1, k)),
                                  "term by term", relation=Relation.GE),))
    r = IndexedBase("r_ds", positive=True)
    return tangent, _one("cite_sum", [Size(k), Positive(r[i]), Positive(p[i])],
                         Sum(r[j] / p[j] - 1, (j, 1, k)), Sum(log(r[j] / p[j]), (j, 1, k)),
                         rules.by_theorem(tangent, {q: r}), relation=Relation.GE)


@false("printing", fails="equality case.*not every entry")
def an_equality_case_over_fewer_entries_than_the_simplex_gives():
    """Red-team h01 without its vector named q: the lemma's sum covers k entries of a q that
    the hypotheses make a distribution of k + 1, so 'equality iff q = p' says too much (at
    k = 1, q = (1/2, 1/2), p = (1/2, 7) both sides are 0)."""
    from derivations import KL, Vector

    p = IndexedBase("p_eq", positive=True)
    q = IndexedBase("q_eq", positive=True)
    e = Symbol("e_eq", integer=True)
    c = Symbol("c", integer=True)
    first_p = Vector(Symbol("u_eq"), Lambda(c, p[c]), k)
    first_q = Vector(Symbol("v_eq"), Lambda(c, q[c]), k)
    return Derivation("eq_short", "Gibbs on the first entries",
                      (Size(k), Simplex(q, k + 1), Positive(q[e]), Positive(p[e])),
                      -KL(first_p, first_q), (
                          Step(Sum(q[j] - p[j], (j, 1, k)),
                               rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j],
                                              over=(j, 1, k)),
                               "the tangent bound, term by term", relation=Relation.LE),),
                      equality_if={q: p})


@false("conventions", fails="not shown to converge|undecided")
def an_oscillating_infinite_product_cancelled():
    r = Symbol("r_dc", integer=True)
    from sympy import Product
    inner = Product(-1, (r, 1, oo))
    return _one("prod_cancel", [Real(x)], x + Sum((-1) ** j * inner, (j, 1, 2)), x)


@false("definitions", refused="differentiates with respect to its own argument")
def a_definition_that_differentiates_in_its_own_argument():
    from sympy import Derivative

    from derivations import Definition
    f = Function("f_dd", real=True)
    u, v = Symbol("u_dd", real=True), Symbol("v_dd", real=True)
    return _one("def_diff", [Real(x), Definition(f, Lambda((u, v), Derivative(u * v, u)))],
                f(x, x), 2 * x, rules.definition)


@false("undisplayed", refused="of its own")
def an_undefined_function_with_a_derivative_rule_of_its_own():
    from sympy import Derivative
    g = Function("g_dd", fdiff=lambda self, argindex=1: 0)
    return _one("fdiff_own", [Real(x)], Derivative(g(x) ** 2, x), Integer(0))


@false("undisplayed", refused="of its own")
def an_undefined_function_with_a_numeric_value_of_its_own():
    g = Function("h_dd", _eval_evalf=lambda self, prec: Integer(0))
    return _one("evalf_own", [Real(x)], g(x) + 1, Integer(1))


@false("numeric", fails="differ|undecided|not shown")
def a_pole_of_atanh_cancelled():
    """(atanh(u/2) + 1)^2 - atanh(u/2)^2 - 2 atanh(u/2) = 1: undefined at u = 2."""
    from sympy import atanh
    f = atanh(x / 2)
    return _one("atanh_pole", [Real(x)], (f + 1) ** 2 - f ** 2 - 2 * f, Integer(1))


@false("printing", refused="prints as an expression")
def a_symbol_named_like_a_difference():
    ab = Symbol("a - b", real=True)
    return _one("named_diff", [Real(ab)], Integer(0), ab ** 2, rules.inequality,
                relation=Relation.LE)


@false("printing", refused="symbol class of the author's")
def a_symbol_subclass():
    class Variable(Symbol):
        pass
    v = Variable("v_dd", real=True)
    return _one("subclass_sym", [Real(v), Real(x)], v * x, v ** 2)


@false("undisplayed", refused="changed after it was built")
def a_derivation_whose_hypotheses_were_replaced_after_its_audits():
    a = Symbol("a_dd", positive=True)
    d = _one("swapped", [Positive(a)], log(a * a), 2 * log(a), rules.log_of_product)
    object.__setattr__(d, "hypotheses", ())
    return d


@false("definitions", refused="argument")
def a_definition_applied_to_too_many_arguments():
    from derivations import Definition
    f = Function("f_ar")
    u = Symbol("u_ar")
    return _one("arity", [Real(x), Definition(f, Lambda(u, u ** 2))], f(x, x), x ** 2,
                rules.definition)
