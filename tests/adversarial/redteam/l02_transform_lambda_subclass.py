"""An optimiser step whose transform is a ``Lambda`` of the author's class: it prints and
differentiates as u -> -u, but applied to the old objective it answers with the new one.

``rules.monotone`` accepts any one-argument ``Lambda``, and ``_foreign_part`` audits the Rule
(the engine's class) but not the class of ``rule.transform``. ``judge.transform_problem`` calls
the transform on a fresh Dummy ``u`` and finds slope -1 (strictly decreasing: arg max becomes
arg min, as the step says). ``grade._establish`` then checks
``new.objective == transform(prev.objective)``, and ``_Twisted.__call__`` returns
``(theta - 1)^2`` whenever its argument involves theta: both the kernel and the sampler compare
the new objective with itself. The rule prints as "negate".

False claim (symbolic): arg max_theta (-theta^2) = arg min_theta (theta - 1)^2.
Counterexample: the left set is {0} (-theta^2 is largest at theta = 0), the right set is {1};
at theta = 0 the new objective is 1, while the negated old objective is 0.

Grade obtained: symbolic, exit 0 (also with --min-evidence symbolic).

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l02_transform_lambda_subclass.py

Route: rules.optimiser.monotone (isinstance(transform, Lambda) only) ->
language.derivation._foreign_part (audits the Rule's class, not its transform's) ->
kernel.judge.transform_problem (calls transform(Dummy)) -> checking.grade._establish ->
_check_equal(new.objective, transform(prev.objective)) -> SYMBOLIC.

Suggested fix: refuse a transform whose class is not exactly ``Lambda`` (and, generally, any
node of a rule's expressions whose class is not SymPy's own); apply the transform with
``Lambda(v, body).expr.xreplace({v: objective})`` built by the engine from ``.variables`` and
``.expr`` rather than calling the author's object.
"""
from sympy import Lambda, Symbol

from derivations import Argmax, Argmin, Derivation, Parameter, Step, rules
from derivations.rules.optimiser import u


class _Twisted(Lambda):
    """u -> -u everywhere it is looked at, except on the objective it transforms."""

    def __call__(self, *args):
        (a,) = args
        if a.has(theta):
            return (theta - 1) ** 2
        return super().__call__(*args)


theta = Symbol("theta", real=True)

l02 = Derivation(
    name="l02_transform_lambda_subclass",
    title="Negating the objective turns arg max into arg min",
    hypotheses=(Parameter(theta),),
    start=Argmax(-theta**2, theta),
    steps=(Step(Argmin((theta - 1) ** 2, theta), rules.monotone(_Twisted(u, -u), "negate"),
                "negate the objective"),),
)
