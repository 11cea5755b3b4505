"""What the engine can check: the one place that says which SymPy constructs it cannot.

The kernel proves, and the sampler evaluates, expressions built of numbers, symbols, families,
functions (SymPy's and undefined ones), sums and products (``docs/reference.md``, "Supported
SymPy constructs"). Some constructs of SymPy bind a variable the engine does not see through
(an integral, a limit, a substitution), stand for a random quantity (``sympy.stats``) or for a
set of functions (an order term), or hold a value the evaluator does not open
(``UnevaluatedExpr``): SymPy may evaluate them to a value that holds only under
conditions it does not state, and a point of the sampler has no value for what they bind.

:func:`unsupported` finds such a construct. A step that contains one fails with
:attr:`Unsupported.reason` ("cannot check: ... (what to do)", ``checking.grade``); the kernel
never proves a side that contains one (``kernel.judge``), the sampler never evaluates one nor
draws a value for a variable bound in one (``evidence``); the declaration audit lets them
through to the steps that fail on them, so that one such step does not abort a whole run.
The dispatch is by class, along the MRO, as SymPy's printer dispatches: a new construct is one
entry of :data:`_ADVICE`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sympy import (
    Basic,
    Float,
    Integral,
    Lambda,
    Limit,
    Order,
    Product,
    Subs,
    Sum,
    Symbol,
    UnevaluatedExpr,
)

#: The constructs the engine cannot check, with what an author can write instead.
_ADVICE: dict[type, str] = {
    Integral: "the engine checks definite integrals over one real variable, "
              "Integral(f, (x, a, b)), only: write an indefinite or a multiple integral as "
              "nested definite ones, or stand for it by a named function (Function('F'))",
    Limit: "the engine has no limits: write the limit's value, or stand for it by a named "
           "function (Function('L'))",
    Subs: "carry the substitution out before writing the step (expr.subs(...) or .doit())",
    UnevaluatedExpr: "to keep a step as written, build its sums and products with "
                     "Add(..., evaluate=False) and Mul(..., evaluate=False), which the checker "
                     "reads and the printer keeps",
    Order: "an order term stands for a set of functions, not a value: write the terms, or "
           "bound the remainder in an inequality step",
    Float: "a decimal is printed as a decimal, but SymPy computes with a binary float rounded "
           "to its precision (x + 1.0e-20 x - x is 0 to SymPy): write an exact number, "
           "Rational(1, 10) for 0.1, or a symbol with a hypothesis",
}
#: Every object of ``sympy.stats`` (a random symbol, an expectation, a probability, ...).
_STATS = ("the engine has no random variables: write the expectation or probability as a "
          "Sum over the outcomes (or its closed form), with the distribution's parameters as "
          "symbols")
#: Any other construct that binds a variable.
_BINDER = ("the engine sees through the variables bound by sums and products only: write the "
           "result, or a Sum or Product")
#: Binders the engine sees through (a Lambda: a vector's rule, a definition, a transform).
_SEEN_THROUGH = (Sum, Product, Lambda)
#: Printed forms longer than this are cut in a reason.
_SHOWN = 120


@dataclass(frozen=True)
class Unsupported:
    """A construct the engine cannot check, and what the author can write instead."""

    construct: Basic
    advice: str

    @property
    def shown(self) -> str:
        """The construct as the author wrote it (``Integral(exp(-x), (x, 0, oo))``; a random
        symbol by its name and origin)."""
        if _from_stats(self.construct) and type(self.construct).__name__ == "RandomSymbol":
            return f"the random symbol {self.construct} of sympy.stats"
        text = str(self.construct)
        if isinstance(self.construct, UnevaluatedExpr):  # (prints as its argument)
            text = f"UnevaluatedExpr({text})"
        return text if len(text) <= _SHOWN else text[:_SHOWN - 3] + "..."

    @property
    def reason(self) -> str:
        """``cannot check: <construct> (<what to do>)``: the reason of the failed step."""
        return f"cannot check: {self.shown} ({self.advice})"


def _from_stats(node: Basic) -> bool:
    return str(type(node).__module__).startswith("sympy.stats")


def definite(node: Basic) -> bool:
    """Whether ``node`` is a definite integral over one variable, ``Integral(f, (x, a, b))``:
    the integral the kernel sees through (``kernel.integrals``)."""
    return isinstance(node, Integral) and len(node.limits) == 1 \
        and len(node.limits[0]) == 3 and isinstance(node.limits[0][0], Symbol)


def advice(node: Basic) -> str | None:
    """What to write instead of ``node`` when the engine cannot check it, else None."""
    if definite(node):
        return None
    found = _by_class(type(node))
    if found is None and getattr(node, "bound_symbols", None) \
            and not isinstance(node, _SEEN_THROUGH):
        return _BINDER
    return found


def _by_class(cls: type) -> str | None:
    """:func:`advice` as far as the class decides it (looked up along the MRO, once per
    class: the kernel asks it of every node it proves)."""
    if cls not in _KNOWN:
        found = next((_ADVICE[base] for base in cls.__mro__ if base in _ADVICE), None)
        _KNOWN[cls] = found or (_STATS if str(cls.__module__).startswith("sympy.stats")
                                else _unvetted(cls))
    return _KNOWN[cls]


#: The functions of SymPy the engine relies on: the kernel knows where each has a value
#: (``judge._partial``), where it is smooth (``canonical.smooth``) and where it has a pole
#: (the sampler's probes), and what SymPy's assumptions say of their values is checked against
#: values by ``tests/kernel/test_vetted_functions.py``. Any other function of SymPy is
#: refused: its assumptions were found wrong where the engine trusted them (arg and beta
#: "finite" at their poles, divisor_sigma "an integer" everywhere: red-team r06 to r08).
VETTED = frozenset({
    "exp", "log", "sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan",
    "sinh", "cosh", "tanh", "coth", "sech", "csch", "atanh", "acoth", "Abs", "sign",
    "floor", "ceiling", "frac", "Heaviside", "KroneckerDelta", "Piecewise", "gamma",
    "loggamma", "digamma", "zeta", "factorial", "erf",
})
_UNVETTED = ("the engine relies only on the functions of SymPy it has vetted (where each has a "
             "value, and what SymPy's assumptions say of its values): stand for this one by a "
             "named function (Function('F')), with a Definition if it has a formula, or write "
             "it with vetted functions (docs/reference.md lists them)")


#: Functions of SymPy refused for a reason of their own.
_REFUSED = {
    "Mod": ("SymPy 1.14 evaluates Mod wrongly at some integer arguments (Mod(2 Mod(b, 6), 3) "
            "becomes Mod(2 Mod(b, 6)^2, 3) for an integer b, and Mod(-b/3, b) becomes -b/3), "
            "and the engine renames every summation variable to an integer: write the "
            "remainder of p by q as p - q floor(p/q)"),
}


def _unvetted(cls: type) -> str | None:
    """:data:`_UNVETTED` for a function of SymPy outside :data:`VETTED` (an undefined function,
    a function of this package, min and max are not refused)."""
    from sympy import Function
    from sympy.core.function import AppliedUndef

    if not issubclass(cls, Function) or issubclass(cls, AppliedUndef) \
            or not str(cls.__module__).startswith("sympy.") or cls.__name__ in VETTED:
        return None
    return _REFUSED.get(cls.__name__, _UNVETTED)


#: :func:`_by_class`'s answers, by class (a memo: ``checking.integrity`` names it as state and
#: empties it once an author's code has run).
_KNOWN: dict[type, str | None] = {}


def unsupported(*exprs: Basic) -> Unsupported | None:
    """The first construct of ``exprs`` (outermost first) that the engine cannot check."""
    for expr in exprs:
        for node in _preorder(expr):
            found = advice(node)
            if found is not None:
                return Unsupported(node, found)
    return None


def _preorder(expr: Basic) -> Iterator[Basic]:
    stack = [expr]
    while stack:
        node = stack.pop()
        if not isinstance(node, Basic):
            continue
        yield node
        stack.extend(reversed(node.args))


def outside(expr: Basic) -> Iterator[Basic]:
    """Every subexpression of ``expr`` that lies outside the constructs the engine cannot
    check, those constructs themselves included but not what they contain (the direction
    ``+`` of a limit, the variable of an integral)."""
    stack = [expr]
    while stack:
        node = stack.pop()
        if not isinstance(node, Basic):
            continue
        yield node
        if advice(node) is None:
            stack.extend(node.args)


def only_bound(sides: Iterable[Basic]) -> set[Basic]:
    """What the constructs in ``sides`` bind and nothing else leaves free: the variable of an
    integral (definite ones included), a limit and its direction, a Lambda's arguments, the
    symbol of a random variable. A value drawn for one of them would be substituted into the
    binder: never draw one."""
    sides = list(sides)
    inside: set[Basic] = set()
    for side in sides:
        for node in _preorder(side):
            if advice(node) is not None or isinstance(node, (Lambda, Integral)):
                inside |= node.atoms(Symbol) - node.free_symbols
    free = set().union(*(s.free_symbols for s in sides)) if sides else set()
    return inside - free
