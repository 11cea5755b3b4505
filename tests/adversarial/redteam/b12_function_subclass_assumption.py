# The declaration audit looks at undefined functions (AppliedUndef) only.  A Function *subclass*
# carrying is_positive = True is never asked for a hypothesis, yet SymPy (and so the kernel)
# trusts it: the log of a product of its values splits.  Its numeric values (evalf) are
# positive, so the sampler agrees.
# Printed (no hypothesis at all): log(g(x) g(y)) = log g(x) + log g(y), for real x, y.
# False for a reader's arbitrary g, e.g. g = -1: log 1 = 0 but log(-1) + log(-1) = 2 i pi.
from sympy import Function, Symbol, exp, log
from derivations import Derivation, Real, Step, rules


class g(Function):
    is_positive = True
    is_real = True
    nargs = 1

    def _eval_evalf(self, prec):
        return exp(self.args[0])._eval_evalf(prec)


x = Symbol("x", real=True)
y = Symbol("y", real=True)

b12 = Derivation(
    name="b12_function_subclass_assumption",
    title="Splitting a log",
    hypotheses=(Real(x), Real(y)),
    start=log(g(x) * g(y)),
    steps=(Step(log(g(x)) + log(g(y)), rules.log_of_product, "split the log"),),
)
