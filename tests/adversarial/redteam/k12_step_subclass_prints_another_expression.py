"""A Step of the author's class (a subclass of ``Step``) answers ``expr`` according to who asks:
the checker (checking.parts, checking.grade, the kernel, the sampler) gets (x + 1)^2's true
expansion, every renderer (any frame in ``derivations.render``: the LaTeX fragments, the PDF,
MyST, Quarto, slides, notebook, the JSON report's "expression") gets x^2 + 1. ``Derivation``
checks ``isinstance(s, Step)`` only, and ``Step`` is a frozen dataclass whose field a property
can shadow.

False claim (printed as checked, symbolic): for real x,  (x + 1)^2 = x^2 + 1  (the LaTeX
theorem reads ``(1 + x)^2 = 1 + x^2`` with the symbolic mark; the JSON report's expression is
"x**2 + 1").
Counterexample: x = 1: the left side is 4, the right side is 2.

Grade shown: symbolic, exit 0.

    python -m derivations check --no-cache --json - tests/adversarial/redteam_round10/k12_step_subclass_prints_another_expression.py
    python -m derivations build --no-cache --format latex --out /tmp/k12 tests/adversarial/redteam_round10/k12_step_subclass_prints_another_expression.py

Route: checking.parts.check_parts / grade.check_step read ``step.expr`` (the checked value);
render.view.view and render.report._step_json read it again later (the printed value).

Suggested fix: refuse Step objects whose type is not exactly ``Step`` (as for Derivation in
``audit_problem``, and for Rule, Lemma and the hypotheses: k09 to k11); better, have the view
model print from the very objects the checker used (store the checked ``expr`` in StepResult at
check time, ``StepResult.expression``, and render from the results only).
"""
import sys

from sympy import Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)

_checked = x**2 + 2 * x + 1
_printed = x**2 + 1


class _Step(Step):
    """A step whose expression is one thing to the checker and another to every output."""

    @property
    def expr(self):
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__", "").startswith("derivations.render"):
                return _printed
            frame = frame.f_back
        return _checked

    @expr.setter
    def expr(self, value):
        pass


k12 = Derivation(
    name="k12_step_subclass_prints_another_expression",
    title="The square of a sum",
    hypotheses=(Real(x),),
    start=(x + 1) ** 2,
    steps=(_Step(_checked, rules.algebra, "expand the square"),),
)
