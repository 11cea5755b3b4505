"""The kernel's judgements on a whole step: equality, order, and a monotone transform.

These are the only verdicts that grade a step ``symbolic`` (``checking.grade`` asks them first
and records ``symbolic`` exactly when one says yes). Each is sound by construction: it answers
True only when the canonical form, positivity or the sign of a derivative settle the question
under the hypotheses; anything it cannot settle is False (or a reason), never a guess.
"""

from __future__ import annotations

from collections.abc import Callable

from sympy import (
    Abs,
    Basic,
    Derivative,
    Dummy,
    Function,
    Indexed,
    Integer,
    Integral,
    KroneckerDelta,
    Lambda,
    Max,
    Min,
    Mod,
    Mul,
    Piecewise,
    Pow,
    Product,
    S,
    Sum,
    Symbol,
    acoth,
    atan,
    atanh,
    cancel,
    ceiling,
    cos,
    cosh,
    cot,
    coth,
    csc,
    csch,
    default_sort_key,
    diff,
    digamma,
    exp,
    factorial,
    floor,
    gamma,
    log,
    loggamma,
    sec,
    sign,
    sin,
    sinh,
    tan,
    tanh,
    together,
    zeta,
)
from sympy import preorder_traversal as preorder
from sympy.core.function import AppliedUndef
from sympy.core.parameters import evaluate

from derivations.kernel import integrals, order
from derivations.kernel.binders import freshen
from derivations.kernel.canonical import (
    differentiated,
    generalise_sums,
    memoised,
    prepare,
    prove_equal,
)
from derivations.kernel.positivity import (
    is_nonnegative,
    is_positive,
    is_strictly_positive,
    not_smooth,
    sympy_decides,
)
from derivations.language import vocabulary
from derivations.language.hypotheses import Facts
from derivations.language.notation import Extremum, Optimum, Vector, XLogY, flipped, unfold


def proves_equal(lhs: Basic, rhs: Basic, facts: Facts) -> bool:
    """``lhs = rhs`` under the hypotheses: their difference reduces to the literal zero, and
    neither side divides by something that may vanish (SymPy's ``expand`` and ``cancel`` drop
    such points silently: ``(a^2 - b^2)/((a - b)(a + b)) = 1`` is false at a = b, where the
    left side is undefined). Definite integrals are opaque numbers, once each is shown to
    converge (``kernel.integrals``)."""
    if any(may_be_undefined(side, facts) for side in (lhs, rhs)):
        return False  # judged as written: atomising may merge two integrals (q04)
    opaque = _opaque((lhs, rhs), facts)
    if opaque is None:
        return False
    lhs, rhs = opaque
    return prove_equal(lhs, rhs, facts) or _rational_in_sums(lhs, rhs, facts)


def _rational_in_sums(lhs: Basic, rhs: Basic, facts: Facts) -> bool:
    """``lhs = rhs`` as rational functions of their sums: every sum (and product of
    exponentials) made one fresh symbol (``canonical.generalise_sums``), the difference
    cancelled over one denominator. This is how the chain rule through a sigmoid of
    ``sum_i w_i x_i`` meets ``sigma (1 - sigma) x_j``. Sound where both sides, derivatives
    carried out, are defined (checked here): there every denominator is nonzero, so a
    difference that cancels to 0 is 0."""
    if not (lhs.has(Sum, Product) or rhs.has(Sum, Product)):
        return False
    plain = [differentiated(side, facts) for side in (lhs, rhs)]
    if any(side.has(Derivative) or may_be_undefined(side, facts) for side in plain):
        return False
    difference = generalise_sums(plain[0] - plain[1])
    if difference.has(Sum, Product, Integral):
        return False
    return bool(cancel(together(difference)) == 0)


@memoised
def may_be_undefined(expr: Basic, facts: Facts) -> bool:
    """Whether ``expr`` may have no value under the hypotheses: it divides by something that
    may vanish, or it has an infinite series not proved absolutely convergent (what
    :func:`proves_equal` and :func:`proves_order` refuse on either side)."""
    if vocabulary.unsupported(expr) is not None:
        return True  # an integral, a limit, an expectation, ...: it may diverge, and SymPy may
        # evaluate it by a rule that holds only under conditions it does not state
    if expr.has(S.NaN, S.ComplexInfinity) or _infinite_term(expr):
        return True
    if facts.definitions and any(
            may_be_undefined(instance, facts) or _partial(instance, facts, prepared=False)
            for instance in facts.definition_instances(unfold(expr))):
        return True  # a defined function's formula, where it is applied, judged on its own:
        # unfolded in context, SymPy may cancel its pole (x r(x), r(t) = 1/t: red-team r05) or
        # hide its integral or series from the checks below (r09)
    if any(may_be_undefined(component, inside)
           or _partial(component, inside, prepared=False) is not None
           for component, inside in _components(expr, facts)):
        return True  # a vector's rule, at an index of its range, judged as written: applied
        # to an integer, SymPy makes sin(pi j)/(j - 1) the number 0 (red-team s05)
    if not all(_never_zero_as_written(d, facts) for d in written_denominators(expr, facts)):
        return True
    if undefined_xlogy(unfold(expr), facts) is not None:
        return True
    for d in unfold(expr).atoms(Derivative):
        carried = differentiated(d, facts)
        if carried.has(Derivative) or may_be_undefined(carried, facts):
            return True  # a derivative carried out on its own: where the function has no
            # derivative, its formula has a pole (d/dx sqrt(x^2 + y^2) at 0), which SymPy
            # cancels in context (times sqrt(x^2 + y^2): red-team u02). One that cannot be
            # carried out (through a kink, |x| or max(0, x), or of an opaque function, which
            # may be any total function) may have no value: the algebra would treat it as a
            # number (red-team round 21)
    if _partial(unfold(expr), facts, prepared=False) is not None:
        return True  # a function's pole, judged as written: once a summation variable is
        # renamed to an integer, SymPy makes sin(pi j) gamma(x) the number 0 (red-team t01)
    if expr.has(Integral):
        opaque = _opaque((expr,), facts)
        if opaque is None:
            return True  # an integral not shown to converge
        expr = opaque[0]
    # (an expectation or an information quantity is a series once unfolded: its convergence
    # is judged on that)
    return _unproved_series(unfold(expr)) is not None or _partial(expr, facts) is not None \
        or not all(_never_zero(d, facts) for d in _denominators(expr, facts))


def _components(expr: Basic, facts: Facts) -> list[tuple[Basic, Facts]]:
    """The rule of each vector in ``expr`` at a generic index ``j`` of its range, ``1 <= j <=
    size`` a hypothesis, substituted without SymPy's evaluation."""
    found = []
    for vector in sorted(expr.atoms(Vector), key=default_sort_key):
        j, inside = order._generic(Integer(1), vector.size, facts)
        with evaluate(False):
            component = vector.rule.expr.xreplace({vector.rule.variables[0]: j})
        found.append((component, inside))
    return found


def _infinite_term(e: Basic) -> bool:
    """Whether ``e`` holds an infinity other than the bound of a sum, product or integral
    (loggamma(n) is oo for an integer n < 0, at construction: no real value)."""
    if e in (S.Infinity, S.NegativeInfinity):
        return True
    if isinstance(e, (Sum, Product, Integral)):
        return _infinite_term(e.function)
    return any(_infinite_term(a) for a in e.args if isinstance(a, Basic))


def written_denominators(expr: Basic, facts: Facts) -> list[Basic]:
    """The denominators of ``expr`` as written, its binders and integrals untouched: renaming
    the variables of two sums alike (sum_i w_i / sum_j w_j), or making two integrals one
    opaque number, lets SymPy cancel a quotient to 1 before its denominator is looked at
    (red-team q04, q05); renaming a summation variable to a plain integer lets SymPy make
    sin(pi j)/j the number 0, and the term at j = 0 has no value (s05)."""
    return _dividing(unfold(expr), facts)


def _never_zero_as_written(d: Basic, facts: Facts) -> bool:
    """:func:`_never_zero` of a written denominator; one holding an integral is judged with
    each integral an opaque number (never zero unless shown so)."""
    if d.has(Integral):
        opaque = _opaque((d,), facts)
        return opaque is not None and _never_zero(opaque[0], facts)
    return _never_zero(d, facts)


def _opaque(sides: tuple[Basic, ...], facts: Facts) -> tuple[Basic, ...] | None:
    """``sides`` with every definite integral an opaque real number, or None when one is not
    shown to converge (``kernel.integrals.atomise``)."""
    if not any(side.has(Integral) for side in sides):
        return sides
    return integrals.atomise(tuple(prepare(side, facts) for side in sides), facts,
                             may_be_undefined, proves_equal)


def evaluate_integrals(expr: Basic, antiderivatives: tuple[Lambda, ...],
                       facts: Facts) -> tuple[list[integrals.Evaluation], Basic]:
    """What each antiderivative evaluates in ``expr`` by the fundamental theorem of calculus
    (``kernel.integrals.fundamental``, with this module's judgements of equality and of
    definedness), and ``expr``, its definitions unfolded, with those integrals replaced by
    their values."""
    plain = prepare(expr, facts)
    found = integrals.fundamental(plain, antiderivatives, facts, may_be_undefined, proves_equal)
    values = {e.integral: e.value for e in found if e.integral is not None and e.value is not None}
    return found, plain.xreplace(values)


#: Functions with a value at every real argument (an opaque function is total by assumption).
#: ``XLogY`` is not one of them, but it is judged as written (:func:`undefined_xlogy`), before
#: definitions are unfolded into its arguments.
_TOTAL = (exp, sin, cos, atan, sinh, cosh, tanh, Abs, sign, Max, Min, floor, ceiling,
          KroneckerDelta, XLogY)


def undefined_xlogy(expr: Basic, facts: Facts) -> Basic | None:
    """A term ``XLogY(x, y)`` of ``expr`` (as written) that may have no value, or None.

    ``x log y`` with ``0 log y = 0`` has a value wherever ``x`` is 0, and elsewhere only where
    ``y`` has one and is positive. It is shown defined in two ways:

    - ``y`` is shown defined and strictly positive (``p log q`` for a positive ``q``);
    - ``x`` is shown non-negative, and ``y`` is ``x`` times factors each either defined and
      strictly positive, or a power ``D^e`` with a negative exponent whose base is
      non-negative and at least ``x`` (so ``x`` is 0 wherever ``D`` is): ``p log p``,
      ``p log(p / q)``, and an empirical ``p(x, y) log(p(x, y) / p(x))``, where the pair's
      frequency is at most the input's.

    Anything else (``x log w`` for ``w >= 0``) may have no value: where ``x`` is not 0 and
    ``y`` is, the term is ``x log 0`` (red-team s07), and SymPy's algebra must not cancel it."""
    if not expr.has(XLogY):
        return None
    if isinstance(expr, XLogY) and not _xlogy_defined(expr.args[0], expr.args[1], facts):
        return expr
    if isinstance(expr, (Sum, Product)):  # judged at a generic index of each range
        return next((found for body, inside in _generic_terms(expr, facts)
                     if (found := undefined_xlogy(body, inside)) is not None), None)
    return next((found for a in expr.args if isinstance(a, Basic)
                 if (found := undefined_xlogy(a, facts)) is not None), None)


def _at(body: Basic, v: Basic, t: Basic) -> Basic:
    """``body`` at ``v = t``, its inner binders made fresh, without SymPy's evaluation: at a
    positive integer j, sin(pi j) xlogy(j, x) would be 0, and xlogy(j, y) the plain j log y
    (red-team u05)."""
    with evaluate(False):
        return freshen(body).xreplace({v: t})


def _generic_terms(s: Sum | Product, facts: Facts) -> list[tuple[Basic, Facts]]:
    """The term of ``s`` at a generic index of each range, with the range as a hypothesis;
    over a range of a few constant integers, the term at each of them instead (a two-entry
    pair ``(a, 1 - a)`` is positive at index 1 and at index 2, not at a generic one)."""
    body, inside = s.function, facts
    limits = list(s.limits)
    if len(limits) == 1 and all(b.is_Integer for b in limits[0][1:]) \
            and 0 <= limits[0][2] - limits[0][1] < _MAX_CASES:
        v, lo, hi = limits[0]
        return [(_at(body, v, Integer(n)), facts) for n in range(lo, hi + 1)]
    for n, (v, lo, hi) in enumerate(limits):
        j, inside = order._generic(lo, hi, inside)
        body = _at(body, v, j)
        limits[n + 1:] = [(w, a.xreplace({v: j}), b.xreplace({v: j}))
                          for w, a, b in limits[n + 1:]]
    return [(body, inside)]


def _xlogy_defined(x: Basic, y: Basic, facts: Facts) -> bool:
    """Whether ``XLogY(x, y)`` is shown to have a value (:func:`undefined_xlogy`). ``x`` and
    ``y`` may be as substituted, without evaluation: whether something has a value is judged
    on that form, where no pole has been cancelled; signs and order on the evaluated one, where
    a Kronecker delta at two integers is 0 or 1."""
    plain = _evaluated(x)
    if plain.is_zero:
        return True
    if _defined_positive(y, facts):
        return True
    if not is_nonnegative(plain, facts):
        return False
    factors = [f for factor in Mul.make_args(y) for f in Mul.make_args(factor)]
    if x not in factors:
        return False
    factors.remove(x)
    return all(_defined_positive(f, facts)
               or (isinstance(f, Pow) and f.exp.is_number and f.exp.is_negative
                   and not may_be_undefined(f.base, facts)
                   and is_nonnegative(_evaluated(f.base), facts)
                   and proves_order(prepare(x, facts), prepare(f.base, facts), facts,
                                    strict=False))
               for f in factors)


def _defined_positive(e: Basic, facts: Facts) -> bool:
    """``e`` is shown to have a value, and a positive one, everywhere under the hypotheses."""
    return not may_be_undefined(e, facts) and is_strictly_positive(_evaluated(e), facts)


def _evaluated(e: Basic) -> Basic:
    """``e`` rebuilt with SymPy's evaluation (what a substitution without it left as built)."""
    if not e.args or isinstance(e, (Symbol, Indexed)):
        return e
    return e.func(*(_evaluated(a) for a in e.args))


#: Functions with poles on the real line: defined only where the kernel shows the argument
#: away from them (gamma, its log and digamma at a positive argument), never on SymPy's word.
_POLED = (gamma, loggamma, digamma, zeta, tan, cot, sec, csc, coth, csch, acoth,
          atanh)


def _partial(expr: Basic, facts: Facts, *, prepared: bool = True) -> Basic | None:
    """An application in ``expr`` that may have no value under the hypotheses: a log whose
    argument is not shown positive, or any other function that SymPy's assumptions do not
    show finite and real here (atanh at 1, gamma at -7, zeta at 1, Mod(y, 0)); None when there
    is none (``prepared=False``: in ``expr`` as it stands, unevaluated). SymPy's algebra treats
    such an application as a number and cancels it (F^2 - F^2), dropping its poles."""
    for node in preorder(prepare(expr, facts) if prepared else expr):
        if isinstance(node, Extremum):  # a max or min of no entries has no value
            if not order.nonempty(node, facts):
                return node
        elif isinstance(node, log):
            if not is_strictly_positive(facts.complement(node.args[0]), facts):
                return node
        elif isinstance(node, Pow) and node.exp.is_integer is not True:
            if not is_nonnegative(node.base, facts):
                return node  # sqrt(u) of a u that may be negative is not a real number: the
                # algebra holds over the complex numbers, the statement is about reals (u10)
        elif isinstance(node, Piecewise):
            if node.args[-1].cond is not S.true:
                return node  # no branch where every condition fails: no value there (m10)
            continue  # defined where its branches are (each is visited in turn)
        elif isinstance(node, _POLED):
            if not (isinstance(node, (gamma, loggamma, digamma))
                    and is_strictly_positive(node.args[0], facts)):
                return node  # a pole SymPy's assumptions do not always see (digamma(x) "finite"
                # for x >= 0: the scan of tests/kernel/test_vetted_functions.py)
        elif isinstance(node, (Function, Mod)) and not isinstance(node, (AppliedUndef, *_TOTAL)) \
                and not (node.is_finite is True and node.is_extended_real is True):
            return node  # (n! of a non-negative integer n is finite: SymPy says so)
    return None


def _unproved_series(expr: Basic) -> Basic | None:
    """An infinite sum in ``expr`` that SymPy does not show absolutely convergent (or an
    infinite product it does not show convergent), or None.

    Such a sum may have no value (sum of (-1)^r), and a rewrite that treats it as a number is
    unsound: SymPy cancels G - G for two equal unevaluated series, and a conditionally
    convergent one may be rearranged to any value. A series whose convergence depends on a
    symbol (sum of x^r / r!) is not shown convergent here."""
    for s in expr.atoms(Sum, Product):
        if any(lo.is_infinite or hi.is_infinite for _, lo, hi in s.limits):
            if any(isinstance(n, Function) and not isinstance(n, (exp, factorial))
                   and n.free_symbols & set(s.variables) for n in preorder(s.function)):
                return s  # SymPy's tests are trusted on rational and exponential terms only:
                # it calls sum 1/(1 + n^2 sin(n)^2) absolutely convergent (red-team round 22)
            try:  # (SymPy: a product converges when the sum of the logs of its terms does)
                proved = (s.is_absolutely_convergent() if isinstance(s, Sum)
                          else s.is_convergent()) is S.true
            except Exception:  # SymPy: "convergence checking for more than one symbol ..."
                proved = False
            if not proved:
                return s
    return None


def _denominators(expr: Basic, facts: Facts) -> list[Basic]:
    """The bases of negative powers, except inside the argument ``y`` of an ``XLogY(x, y)``:
    there a vanishing denominator leaves the term undefined on both sides of every rewrite
    (where ``x`` is not 0) or zero (where it is), and the kernel cancels or splits inside
    ``y`` only where no denominator may vanish (``canonical._resolve_xlogy``)."""
    return _dividing(prepare(expr, facts), facts)


def _dividing(e: Basic, facts: Facts) -> list[Basic]:
    """The bases of the powers of ``e`` whose exponent may be negative (x^n at n = -1: m06),
    outside the argument ``y`` of an ``XLogY(x, y)``."""
    return [p.base for p in dividing_powers(e, facts)]


def dividing_powers(e: Basic, facts: Facts) -> list[Pow]:
    """The powers of ``e`` whose exponent may be negative, outside the argument ``y`` of an
    ``XLogY(x, y)``: each divides by its base wherever its exponent is negative."""
    if e.has(XLogY):
        e = e.replace(lambda n: isinstance(n, XLogY), lambda n: n.args[0])
    return sorted((p for p in e.atoms(Pow) if not _nonnegative_exponent(p.exp, facts)),
                  key=default_sort_key)


def _nonnegative_exponent(e: Basic, facts: Facts) -> bool:
    """Whether the exponent ``e`` is shown non-negative: by SymPy, by the kernel, or at every
    value of the ranged integers it is made of (``1 - y`` for ``0 <= y <= 1``)."""
    if (e.is_nonnegative is True and sympy_decides(e)) or is_nonnegative(e, facts):
        return True
    # linear in one ranged quantity (y, or a label y_i under a sum over i): its two ends
    atoms = [a for a in e.atoms(Symbol, Indexed) if facts.range_of(a) is not None
             and not (isinstance(a, Symbol) and any(a in i.free_symbols
                                                    for i in e.atoms(Indexed)))]
    if len(atoms) != 1 or not (e - atoms[0] * e.diff(atoms[0])).is_number \
            or not e.diff(atoms[0]).is_number:
        return False
    bounds = facts.range_of(atoms[0])
    assert bounds is not None
    return all(b.is_number and e.xreplace({atoms[0]: b}).is_nonnegative is True for b in bounds)


def plain_weighted_log(expr: Basic, facts: Facts) -> Basic | None:
    """A plain product ``c log y`` in ``expr`` (as written, before any unfolding) whose weight
    ``c`` may be 0 while ``y`` may be 0, or None.

    It prints as "c log y", exactly as ``xlogy(c, y)`` does, and a document's notation reads
    that with the convention 0 log 0 = 0; but the plain product is undefined where y = 0, so
    what is checked would not be what is printed. Where ``y`` is positive, or ``c`` is never
    0, the two readings agree."""
    for node in preorder(expr):
        if not isinstance(node, Mul):
            continue
        logs = [f for f in node.args if isinstance(f, log)]
        for factor in logs:
            weight = Mul(*[f for f in node.args if f is not factor])
            if weight.is_number and weight.is_nonzero:
                continue
            y = facts.complement(factor.args[0])  # 1 - a, for 0 < a < 1, is positive
            if is_strictly_positive(y, facts) or _never_zero(weight, facts):
                continue
            return node
    return None


#: A step is proved case by case over a declared integer range of at most this many values.
_MAX_CASES = 16


def case_splits(sides: tuple[Basic, ...], facts: Facts) -> list[tuple[Basic, tuple[int, ...]]]:
    """What a step can be split on, with its values: a free integer, or an entry whose indices
    no sum or product of the step binds (``y_i``, not ``y_j`` under a sum over ``j``), whose
    declared range has constant bounds and at most :data:`_MAX_CASES` values. Sizes are never
    split on (a size is symbolic by design)."""
    bound = {v for side in sides for node in preorder(side)  # what a binder binds
             if isinstance(node, (Sum, Product, Derivative, Lambda, Integral))
             for v in node.variables}
    atoms = sorted({a for side in sides for a in side.free_symbols | side.atoms(Indexed)
                    if isinstance(a, (Symbol, Indexed)) and not isinstance(a, Dummy)},
                   key=default_sort_key)
    found = []
    for atom in atoms:
        if atom in facts.sizes or (isinstance(atom, Indexed) and (
                atom.free_symbols & bound or atom.base.label in bound)):
            continue
        if isinstance(atom, Symbol) and (atom in bound or atom.is_integer is not True):
            continue
        declared = facts.range_of(atom)
        if declared is None or not all(b.is_Integer for b in declared):
            continue
        lo, hi = (int(b) for b in declared)
        if 1 <= hi - lo + 1 <= _MAX_CASES:
            found.append((atom, tuple(range(lo, hi + 1))))
    return found


def proves_by_cases(prove: Callable[[Basic, Basic], bool], lhs: Basic, rhs: Basic,
                    facts: Facts) -> tuple[Basic, tuple[int, ...]] | None:
    """The atom and values of a case split that proves ``prove(lhs, rhs)`` in every case, or
    None. Sound: whatever value in its range the atom has, the step is one of the cases, each
    proved under the same hypotheses (which still hold of the atom, whatever it is)."""
    if any(may_be_undefined(side, facts) for side in (lhs, rhs)):
        return None  # a case's substitution may evaluate a pole away (x^(n^2+1) x^(-n^2-1))
    for atom, values in case_splits((lhs, rhs), facts):
        if all(prove(lhs.xreplace({atom: Integer(v)}), rhs.xreplace({atom: Integer(v)}))
               for v in values):
            return atom, values
    return None


def _never_zero(d: Basic, facts: Facts) -> bool:
    return bool((d.is_nonzero is True and sympy_decides(d)) or is_strictly_positive(d, facts)
                or is_strictly_positive(-d, facts) or facts.in_unit_interval(d))


def proves_order(low: Basic, high: Basic, facts: Facts, *, strict: bool,
                 certificate: Basic | None = None) -> bool:
    """``low <= high`` (``low < high`` when ``strict``).

    With a ``certificate`` (a sum of non-negative slacks, see ``rules.inequality``), the
    difference ``high - low`` must equal it, and for a strict inequality it must be positive;
    without one, the difference must be non-negative (positive) term by term, or the two
    sides must be ordered by their structure (``kernel/order.py``: monotone contexts, sums over
    ranges, extrema).
    """
    if any(may_be_undefined(side, facts) for side in (low, high)):
        return False  # a side undefined somewhere: no order there (0 <= x^-2 at x = 0)
    opaque = _opaque((low, high), facts)
    if opaque is None:
        return False
    low, high = opaque
    if any(facts.complement(prepare(side, facts)).is_extended_real is not True
           for side in (low, high)):
        return False  # a side that may be complex has no order (sqrt(x) - 1 <= sqrt(x): m04)
    if certificate is not None:
        if not prove_equal(high - low, certificate, facts):
            return False
        return not strict or is_strictly_positive(certificate, facts)
    prover = is_strictly_positive if strict else is_nonnegative
    return prover(high - low, facts) or order.proves_le(low, high, facts, strict=strict)


def transform_problem(prev: Optimum, new: Optimum, transform: Lambda,
                      facts: Facts) -> str | None:
    """Why ``transform`` does not carry ``prev``'s optimiser to ``new``'s, or None.

    The transform must not depend on the parameter, must be built of functions judged by the
    sign of their derivative (no jumps), and must be strictly monotone on the objective's range;
    a decreasing one turns arg max into arg min. The objectives themselves are compared by
    :func:`proves_equal` (``new = transform(prev)``) by the caller.
    """
    blocked = vocabulary.unsupported(prev, new, transform)
    if blocked is not None:
        return blocked.reason
    if prev.variable != new.variable:
        return f"the optimisation variable changes from {prev.variable} to {new.variable}"
    if prev.variable not in facts.parameters:
        return f"{prev.variable} is not declared as the parameter (hypothesis Parameter)"
    if facts.depends_on_parameter(transform.expr):
        return f"the transform {transform} depends on the parameter {prev.variable}"
    rough = not_smooth(transform.expr, transform.variables[0])
    if rough is not None:
        return (f"the transform {transform.expr} uses {rough}, which may jump; only sums, "
                "products, powers, exp and log are judged by the sign of the derivative")
    positive = is_positive(prev.objective, facts)
    arg = Dummy("u", positive=True) if positive else Dummy("u", real=True)
    slope = diff(transform(arg), arg)
    domain = "(0, oo)" if positive else "the real line"
    if slope.is_positive:
        direction = prev.sense
    elif slope.is_negative:
        direction = flipped(prev.sense)
    else:
        return (f"cannot show that {transform.expr} is strictly monotone on {domain} "
                f"(its derivative {slope.xreplace({arg: transform.variables[0]})} has no "
                "known sign)" + ("" if positive else
                                 "; the objective is not known to be positive"))
    if direction != new.sense:
        return (f"the transform is strictly {'in' if slope.is_positive else 'de'}creasing, "
                f"so arg {prev.sense} becomes arg {direction}, not arg {new.sense}")
    return None
