"""SymPy's private API, in one place: an upgrade of SymPy touches this module only.

The package pins SymPy to one minor release (``pyproject.toml``); these names are what it uses
beyond SymPy's public surface, and why.
"""

from __future__ import annotations

#: The names of every assumption SymPy knows (``positive``, ``integer``, ...): the declaration
#: audit asks each of a symbol, to find everything its declaration implies.
from sympy.core.assumptions import _assume_defined

#: Converts an object that is already SymPy's (or a plain number) without parsing strings:
#: ``sympify`` would turn an author's string into an expression, silently.
from sympy.core.sympify import _sympify


def _correct_inverse_trigonometry() -> None:
    """Correct one of SymPy's assumptions, in its own handler table, once, at import.

    SymPy 1.14 calls ``atan(a)``, ``asin(a)`` and ``acos(a)`` irrational for every rational
    ``a`` (``_eval_is_rational``), though atan(0) = asin(0) = 0 and acos(1) = 0; from
    "irrational" it derives "nonzero", and with a nonnegative integer n, "atan(n) > 0". Its own
    algebra then acts on the lie: Eq(atan(j), 0) is False for an integer j, sign(atan(j)) is 1,
    and a sum over j = 0..k of [atan j = 0] is 0 (red-team rounds 16 and 17, r08, s02 to
    s08). The corrected handler calls the value irrational only at a rational argument shown
    away from the function's one rational value (0 at 0 for atan and asin, 0 at 1 for acos:
    Niven's theorem leaves no other), and asks nothing otherwise.
    ``tests/kernel/test_vetted_functions.py`` holds SymPy's answers against the values."""
    from sympy import acos, asin, atan
    from sympy.core.cache import clear_cache
    from sympy.core.logic import fuzzy_not

    def handler(zero_at: int):
        def _eval_is_rational(self):
            s = self.func(*self.args)
            if s.func != self.func:
                return s.is_rational
            a = s.args[0]
            if a.is_rational and fuzzy_not((a - zero_at).is_zero):
                return False
            return None
        return _eval_is_rational

    for function, zero_at in ((atan, 0), (asin, 0), (acos, 1)):
        corrected = handler(zero_at)
        function._eval_is_rational = corrected
        function._prop_handler["rational"] = corrected
    clear_cache()  # (expressions built before hold the old answers)


_correct_inverse_trigonometry()

__all__ = ["_assume_defined", "_sympify"]
