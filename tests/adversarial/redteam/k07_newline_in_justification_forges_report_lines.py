"""A justification may contain newlines (``language.prose.validate`` refuses control
characters but lets ``\n`` through), and the readable report prints it raw: the text of one
step can add lines that look exactly like the report's own, here a whole extra derivation
block "riemann: ok ... symbolic" that was never checked. The same text reaches the pytest
plugin's -rP section and failure report and every ``derivations watch`` report. (The Markdown
and LaTeX outputs fold the newlines into spaces, so there it is only odd prose.)

False claim (printed as checked, symbolic): ``riemann: ok (1 step, weakest evidence:
symbolic)``, "every nontrivial zero of zeta has real part one half". Nothing of it was checked:
the only derivation is (x + 1)^2 = x^2 + 2x + 1, and no derivation named riemann exists.
(A claim in words, not math: prose forbids relations outside $...$ and in titles and
justifications, which is exactly what this bypasses by making the words look like a separate,
checked result.) Counterexample: n/a (a printing defect); the summary line still counts 1
derivation, which a reader does not cross-check.

Obtained: the forged block in the report, exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round10/k07_newline_in_justification_forges_report_lines.py

Route: Step.why -> Derivation._check_prose -> prose.validate (control characters except \n
and \t refused) -> render.report._step_line prints ``r.step.why`` verbatim.

Suggested fix: refuse line breaks (and tabs) in every one-line prose field (title, why,
definition texts), or print them escaped / folded to one space in the text report as the
Markdown renderers do; and indent every continuation line of a step in the text report so
that nothing the author writes can start a line of its own.
"""
from sympy import Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)

_forged = ("expand the square\n\n"
           "riemann: ok (1 step, weakest evidence: symbolic)\n"
           "   1. algebra              symbolic  every nontrivial zero of zeta has real part "
           "one half")

k07 = Derivation(
    name="k07_newline_in_justification_forges_report_lines",
    title="The square of a sum",
    hypotheses=(Real(x),),
    start=(x + 1) ** 2,
    steps=(Step(x**2 + 2 * x + 1, rules.algebra, _forged),),
)
