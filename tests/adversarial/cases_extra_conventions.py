"""Route 6: conventions a reader and SymPy may read differently: reversed or non-integer sum
ranges, derivatives with respect to integers, 0/0 cancellations, branch cuts of log, sqrt and
powers, absolute values, floor and ceiling."""

from __future__ import annotations

from sympy import (
    Abs,
    Derivative,
    Integer,
    KroneckerDelta,
    Product,
    Rational,
    Sum,
    Symbol,
    ceiling,
    exp,
    floor,
    log,
    oo,
    sqrt,
)

from derivations import (
    Derivation,
    IndexRange,
    Nonnegative,
    Positive,
    Real,
    Size,
    Step,
    rules,
)
from tests.adversarial.corpus import false, true

BACKWARDS = "may run backwards"
NOT_INTEGER = "is not known to be an integer"
WRONG = "differ|not established|fails|undecided"


def _eq(name, hypotheses, start, end, rule=rules.algebra):
    return Derivation(name, name.replace("_", " "), tuple(hypotheses), start, (
        Step(end, rule, "a rewrite"),))


# --- ranges, bounds and derivatives -------------------------------------------------------


@false("conventions", refused=BACKWARDS)
def a_count_over_a_range_that_may_run_backwards():
    n = Symbol("n_cv1", integer=True)
    j = Symbol("j_cv1", integer=True)
    return _eq("count_back", [IndexRange(n, -4, 4)], Sum(1, (j, 1, n)), n)


@false("conventions", refused=BACKWARDS)
def a_sum_from_the_size_down_to_one():
    k = Symbol("k_cv2", integer=True, positive=True)
    j = Symbol("j_cv2", integer=True)
    return _eq("size_down", [Size(k)], Sum(j, (j, k, 1)), k * (k + 1) / 2)


@false("conventions", refused=BACKWARDS)
def a_product_that_may_run_backwards():
    n = Symbol("n_cv3", integer=True)
    j = Symbol("j_cv3", integer=True)
    return _eq("prod_back", [IndexRange(n, -3, 3)], Product(3, (j, 1, n)), 3 ** n)


@false("conventions", refused=BACKWARDS)
def a_sum_up_to_a_size_minus_two():
    k = Symbol("k_cv4", integer=True, positive=True)
    j = Symbol("j_cv4", integer=True)
    return _eq("minus_two", [Size(k)], Sum(1, (j, 1, k - 2)), k - 2)


@false("conventions", refused=NOT_INTEGER)
def a_sum_up_to_a_real_bound():
    x = Symbol("x_cv5", real=True)
    j = Symbol("j_cv5", integer=True)
    return _eq("real_bound", [Real(x)], Sum(1, (j, 1, x)), x)


@false("conventions", refused=NOT_INTEGER)
def a_sum_up_to_half_the_size():
    k = Symbol("k_cv6", integer=True, positive=True)
    j = Symbol("j_cv6", integer=True)
    return _eq("half_size", [Size(k)], Sum(2, (j, 1, k / 2)), k)


@false("conventions", refused=NOT_INTEGER)
def a_sum_from_a_half_integer():
    j = Symbol("j_cv7", integer=True)
    return _eq("half_start", [], Sum(j, (j, Rational(1, 2), 3)), Integer(6))


@false("conventions", refused="differentiates with respect to .* an integer")
def a_derivative_with_respect_to_a_count():
    n = Symbol("n_cv8", integer=True)
    return _eq("d_count", [IndexRange(n, 0, 9)], Derivative(n ** 2, n), 2 * n)


@false("conventions", refused="differentiates with respect to .* an integer")
def a_derivative_with_respect_to_a_label_inside_a_delta():
    y = Symbol("y_cv9", integer=True)
    x = Symbol("x_cv9", real=True)
    return _eq("d_label", [IndexRange(y, 1, 5), Real(x)],
               Derivative(KroneckerDelta(y, 2) * x + y * x, y), x)


# --- 0/0, branch cuts, powers --------------------------------------------------------------


@false("conventions", fails=WRONG)
def log_of_a_product_of_reals():
    x, y = Symbol("x_cv10", real=True), Symbol("y_cv10", real=True)
    return _eq("log_reals", [Real(x), Real(y)], log(x * y), log(x) + log(y),
               rules.log_of_product)


@false("conventions", fails=WRONG)
def root_of_a_square_of_a_real():
    x = Symbol("x_cv12", real=True)
    return _eq("root_real", [Real(x)], sqrt(x ** 2), x)


@false("conventions", fails=WRONG)
def root_of_a_product_of_reals():
    x, y = Symbol("x_cv13", real=True), Symbol("y_cv13", real=True)
    return _eq("root_prod", [Real(x), Real(y)], sqrt(x * y), sqrt(x) * sqrt(y))


@false("conventions", fails=WRONG)
def a_power_of_a_square_of_a_real_base():
    x = Symbol("x_cv14", real=True)
    b = Symbol("b_cv14", real=True)
    return _eq("pow_pow", [Real(x), Real(b)], (x ** 2) ** b, x ** (2 * b))


@false("conventions", fails=WRONG)
def a_squared_exponent_halved():
    x = Symbol("x_cv15", real=True)
    return _eq("sq_half", [Real(x)], (x ** 2) ** Rational(3, 2), x ** 3)


@false("conventions", fails=WRONG)
def log_of_a_square_of_a_real():
    x = Symbol("x_cv16", real=True)
    return _eq("log_sq", [Real(x)], log(x ** 2), 2 * log(x))


@false("conventions", fails=WRONG)
def an_even_power_of_minus_one_at_a_real_exponent():
    x = Symbol("x_cv18", real=True)
    return _eq("even_real", [Real(x)], (-1) ** (2 * x), Integer(1))


@false("conventions", fails=WRONG)
def an_absolute_value_of_a_product_with_a_real_factor():
    x, y = Symbol("x_cv19", real=True), Symbol("y_cv19", real=True)
    return _eq("abs_prod", [Real(x), Real(y)], Abs(x * y), x * Abs(y))


@false("conventions", fails=WRONG)
def the_triangle_inequality_as_an_equality():
    x, y = Symbol("x_cv20", real=True), Symbol("y_cv20", real=True)
    return _eq("abs_sum", [Real(x), Real(y)], Abs(x + y), Abs(x) + Abs(y))


@false("conventions", fails=WRONG)
def floors_of_a_sum_split():
    x, y = Symbol("x_cv21", real=True), Symbol("y_cv21", real=True)
    return _eq("floor_sum", [Real(x), Real(y)], floor(x + y), floor(x) + floor(y))


@false("conventions", fails=WRONG)
def a_floor_that_ignores_a_half():
    x = Symbol("x_cv22", real=True)
    return _eq("floor_half", [Real(x)], floor(x + Rational(1, 2)), floor(x))


@false("conventions", fails=WRONG)
def a_ceiling_of_half_a_count():
    n = Symbol("n_cv23", integer=True, nonnegative=True)
    return _eq("ceil_half", [IndexRange(n, 0, 100)], ceiling(n / 2), n / 2)


@false("conventions", fails=WRONG)
def a_log_of_a_sum_split_like_a_product():
    a, b = Symbol("a_cv24", positive=True), Symbol("b_cv24", positive=True)
    return _eq("log_sum", [Positive(a), Positive(b)], log(a + b), log(a) + log(b))


@false("conventions", fails=WRONG)
def a_root_of_a_square_of_a_difference():
    a, b = Symbol("a_cv25", positive=True), Symbol("b_cv25", positive=True)
    return _eq("root_diff", [Positive(a), Positive(b)], sqrt((a - b) ** 2), a - b)


@false("conventions", fails=WRONG)
def a_log_power_of_a_negative_shift():
    a = Symbol("a_cv26", positive=True)
    return _eq("log_pow_shift", [Positive(a)], log((a - 2) ** 4), 4 * log(a - 2))


# --- true ----------------------------------------------------------------------------------


@true("conventions")
def an_empty_sum_counts_zero_terms():
    n = Symbol("n_ct1", integer=True, nonnegative=True)
    j = Symbol("j_ct1", integer=True)
    return _eq("count_ok", [IndexRange(n, 0, oo)], Sum(1, (j, 1, n)), n)


@true("conventions")
def log_of_exp_of_a_real():
    x = Symbol("x_ct2", real=True)
    return _eq("log_exp", [Real(x)], log(exp(x)) + log(exp(-x)), Integer(0))


@true("conventions")
def root_of_a_square_is_an_absolute_value():
    x = Symbol("x_ct3", real=True)
    return _eq("root_abs", [Real(x)], sqrt(x ** 2), Abs(x))


@true("conventions")
def power_of_a_power_of_a_positive_base():
    a = Symbol("a_ct5", positive=True)
    b, c = Symbol("b_ct5", real=True), Symbol("c_ct5", real=True)
    return _eq("pow_pos", [Positive(a), Real(b), Real(c)], (a ** b) ** c, a ** (b * c))


@true("conventions")
def log_of_a_real_power_of_a_positive_base():
    a = Symbol("a_ct6", positive=True)
    b = Symbol("b_ct6", real=True)
    return _eq("log_pow", [Positive(a), Real(b)], log(a ** b), b * log(a))


@true("conventions")
def a_nonnegative_root_squared_back():
    x = Symbol("x_ct10", nonnegative=True)
    return _eq("root_nn2", [Nonnegative(x)], sqrt(x ** 2) * sqrt(x) ** 2, x ** 2)


@true("conventions")
def a_floor_shifted_by_a_count():
    x = Symbol("x_ct11", real=True)
    n = Symbol("n_ct11", integer=True, nonnegative=True)
    return _eq("floor_shift", [Real(x), IndexRange(n, 0, 100)], floor(x + n), floor(x) + n)


@true("conventions")
def a_squared_absolute_value_is_the_square():
    x = Symbol("x_ct12", real=True)
    return _eq("abs_sq", [Real(x)], Abs(x) ** 2 + Abs(-x), x ** 2 + Abs(x))


@true("conventions")
def a_sum_of_an_affine_term_split():
    x = Symbol("x_ct13", real=True)
    k = Symbol("k_ct13", integer=True, positive=True)
    j = Symbol("j_ct13", integer=True)
    return _eq("sum_affine", [Size(k), Real(x)], Sum(x * j + 1, (j, 1, k)),
               x * Sum(j, (j, 1, k)) + k)
