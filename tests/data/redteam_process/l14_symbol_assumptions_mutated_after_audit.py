"""After the derivation is built (and audited), the module writes into SymPy's derived
assumptions of its symbol: ``x._assumptions["integer"] = True`` (and the facts that go with it).
``x`` was declared ``real=True`` and its only hypothesis, ``Real(x)``, prints as "x in R";
the declaration SymPy keeps for printing and ``srepr`` (``_assumptions_orig``) is unchanged,
so ``srepr(x)`` is still ``Symbol('x', real=True)``, every output prints the same theorem, and
``Derivation.audit_problem`` (ids of the parts) sees nothing. But every SymPy query now answers
``x.is_integer == True``: the kernel's ``expand`` rebuilds sin(pi x) and SymPy evaluates it to
0, and the sampler, which draws a symbol from its assumptions, draws integers, so the
cross-check agrees. This is k11 (undisplayed integer assumption) without a subclass, and l05
(mutation after the audits) one level deeper: a content digest built from ``srepr`` would not
see it either.

False claim (symbolic), as printed (LaTeX: hypotheses "x in R", then 2 sin(pi x) = 0): for
real x, 2 sin(pi x) = 0.
Counterexample: x = 1/2: the left side is 2 sin(pi/2) = 2, the right side is 0.

Grade obtained: symbolic, exit 0 (also with --min-evidence symbolic, and in build).

    python -m derivations check --no-cache --min-evidence symbolic tests/adversarial/redteam_round11/l14_symbol_assumptions_mutated_after_audit.py

Route: Derivation.__post_init__ audits x as real -> module code mutates ``x._assumptions`` ->
checking.grade.check_step -> kernel.canonical.canonical (expand: sin(pi x) -> 0 for integer x)
-> judge.proves_equal -> SYMBOLIC; evidence.point draws x as an integer.

Suggested fix: never query the author's objects for assumptions after the audit: rebuild every
symbol, family and function from its declaration (``_assumptions_orig``) when the derivation is
built (``xreplace`` each with a fresh ``Symbol(name, **declared)``) and check those copies; or
re-derive ``_assumptions`` from ``_assumptions_orig`` and compare, in ``audit_problem``, for every
atom of every part. Checking in a child process that re-imports nothing of the author's would
not help here (the mutation happens at import); the copies would.
"""
from sympy import Integer, Mul, Symbol, pi, sin

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)

l14 = Derivation(
    name="l14_symbol_assumptions_mutated_after_audit",
    title="A sine at a multiple of pi",
    hypotheses=(Real(x),),
    start=Mul(2, sin(pi * x, evaluate=False)),
    steps=(Step(Integer(0), rules.algebra, "the sine vanishes there"),),
)

# after the audits: SymPy's derived facts about x (not its declaration, which srepr and the
# printers show) now say that x is an integer
for _fact, _value in {"integer": True, "rational": True, "algebraic": True, "irrational": False,
                      "transcendental": False, "noninteger": False}.items():
    x._assumptions[_fact] = _value
