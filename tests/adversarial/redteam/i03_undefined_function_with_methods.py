"""Red-team round 8: an "undefined" function that carries the author's own methods.

``Function("g", fdiff=...)`` is not a Function subclass written with ``class`` (refused since
b12/b13: "a function class of its own"), but SymPy's ``UndefinedFunction`` turns every keyword
that is not an assumption into a class attribute of the new function: here ``fdiff``, the
derivative SymPy uses for g. The result is an ``AppliedUndef``, so the vocabulary audit lets it
through as a plain undefined function, and it prints as one.

Printed theorem (``derivations build``): "x real  =>  d/dx g^2(x) = 0", for an arbitrary g.
False: g(x) = x at x = 1 gives d/dx x^2 = 2. Grade: symbolic.

Route: class 5 (what is printed is not what is checked: a behaviour no hypothesis displays) /
class 1 (an assumption nobody displayed). The same keyword route carries ``_eval_derivative``,
``_eval_evalf`` (the sampler's slow path values), ``_latex`` (the printing), ``_eval_expand_*``...

Root cause: language/derivation.py ``Derivation._check_vocabulary`` accepts every
``AppliedUndef`` (``isinstance(call, AppliedUndef)``) without looking at the attributes its
``UndefinedFunction`` was made with (``func._kwargs`` beyond the assumptions, or any attribute
in the class ``__dict__`` that SymPy's own ``Function("g")`` does not have). The kernel
(kernel/canonical.py, ``doit`` of the derivative) calls g's ``fdiff``, and the sampler's
fallback for "the derivative of an opaque function" differentiates symbolically, through the
same ``fdiff``, so the cross-check agrees. (The verdict cache stores nothing for it: the key
cannot write the lambda, so the step is unkeyable; the audit is what lets it through.)

Closed: an undefined function that carries anything of the author's besides its assumptions
(fdiff, _eval_evalf, a _latex not from named_function) is refused by the vocabulary audit.
"""
from sympy import Derivative, Function, S, Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)
g = Function("g", fdiff=lambda self, argindex=1: S.Zero)

i03_undefined_function_with_methods = Derivation(
    name="i03_undefined_function_with_methods",
    title="A function with no slope",
    hypotheses=(Real(x),),
    start=Derivative(g(x) ** 2, x),
    steps=(Step(S.Zero, rules.algebra, "g is flat"),),
)
