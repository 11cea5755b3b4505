"""A rule's name is any string the author likes (``rules.monotone(transform, name)``, a
``Lemma``'s name through ``by_lemma``, or ``Rule(...)`` itself), and no audit looks at it: the
round-10 fix for k07 refuses line breaks in titles and justifications only
(``Derivation._check_prose``). ``render.report._step_line`` prints ``rule.name`` first on the
step's line, so a name with line breaks forges report lines: here the honest step's line is
completed inside the name, and a whole block "riemann: ok ... symbolic" follows, whose
"justification" is the step's real one (a relation-free text the prose audit accepts). The
same line is printed by ``derivations watch`` and in the pytest plugin's failure sections; the
JSON report carries the name as it is.

False claim (printed, exit 0): "riemann: ok (1 step, weakest evidence: symbolic) ... every
nontrivial zero of zeta lies on the critical line", shown as a checked derivation.
Counterexample: no such derivation was loaded or checked; the only derivation is the honest
arg min_theta (theta - 1)^2 = arg min_theta (theta^2 - 2 theta + 1).

Grade obtained: a printed "symbolic" block for an unchecked statement, exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l08_rule_name_breaks_the_report_line.py

Route: rules.optimiser.monotone (name unchecked) -> language.rule.Rule -> Derivation audits
(no check of rule names) -> render.report._step_line (``f"{r.step.rule.name:<20}"``).

Suggested fix: validate every author string that reaches a report as a name: rule names,
lemma names and statements, transform names, Implementation names (``[A-Za-z0-9_:.-]+``, no
control or separator characters), in ``Rule.__post_init__`` / ``Lemma.__post_init__``; and
have ``_step_line`` escape anything non-printable as a last line of defence.
"""
from sympy import Lambda, Symbol

from derivations import Argmin, Derivation, Parameter, Step, rules
from derivations.rules.optimiser import u

theta = Symbol("theta", real=True)

_NAME = ("same_objective       symbolic  an equal objective\n\n"
         "riemann: ok (1 step, weakest evidence: symbolic)\n"
         "   1. algebra             ")

l08 = Derivation(
    name="l08_rule_name_breaks_the_report_line",
    title="The same objective",
    hypotheses=(Parameter(theta),),
    start=Argmin((theta - 1) ** 2, theta),
    steps=(Step(Argmin(theta**2 - 2 * theta + 1, theta), rules.monotone(Lambda(u, u), _NAME),
                "every nontrivial zero of zeta lies on the critical line"),),
)
