# A Function subclass (not an undefined function, so neither the declaration audit nor the
# template checks of named_function apply) that prints as \log and is declared nonnegative;
# numerically it is log(x)^2, so the sampler agrees.
# Printed: x > 0  =>  0 <= log x.   False at x = 1/2.
from sympy import Function, Integer, Symbol, log
from derivations import Derivation, Positive, Relation, Step, rules


class lg(Function):
    is_nonnegative = True
    is_real = True
    nargs = 1

    def _latex(self, printer):
        return r"\log " + printer._print(self.args[0])

    def _eval_evalf(self, prec):
        return (log(self.args[0]) ** 2)._eval_evalf(prec)


x = Symbol("x", positive=True)

b13 = Derivation(
    name="b13_function_subclass_prints_log",
    title="Logarithms are nonnegative",
    hypotheses=(Positive(x),),
    start=Integer(0),
    steps=(Step(lg(x), rules.inequality, "a log is nonnegative", relation=Relation.LE),),
)
