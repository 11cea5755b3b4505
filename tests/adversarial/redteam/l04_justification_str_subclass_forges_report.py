"""A justification of the author's ``str`` class: its content is one harmless line, which the
prose audit reads (``prose.validate``, and the line-break refusal in
``Derivation._check_prose`` tests ``c in text`` on the content), but its ``__format__`` gives
the text report something else. ``render.report._step_line`` builds the line with an f-string
(``f" {r.step.why}"``), which calls ``type(why).__format__``: the author's method. Here it
returns two more lines: a forged block "riemann: ok ... symbolic" for a theorem that exists
nowhere. (The same holds of ``Derivation.name``, checked by ``_NAME.match`` on its content and
printed by ``f"{d.name}: ok ..."``, and of ``title``; a name's ``__format__`` could also emit
terminal escapes that hide a "FAILED".) The JSON report shows the honest content (``json``
encodes the str's own characters), so the two reports disagree.

False claim (printed, exit 0): "riemann: ok (1 step, weakest evidence: symbolic) ... every
nontrivial zero of zeta lies on the critical line", shown as a checked derivation.
Counterexample: no such derivation was loaded or checked; the only derivation is
(x + 1)^2 = x^2 + 2x + 1.

Grade obtained: a printed "symbolic" line for an unchecked statement, exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round11/l04_justification_str_subclass_forges_report.py

Route: language.step.Step.__post_init__ (isinstance(why, str)) ->
language.derivation.Derivation._check_prose (reads the content) ->
render.report._step_line (f-string calls the author's ``__format__``).

Suggested fix: normalise every author text to an exact ``str`` when it is stored
(``str.__str__(why)`` / ``"".join(why)`` in ``Step.__post_init__``, ``Derivation.__post_init__``
for name, title and summary, ``Definition.text``, ``Implementation`` names), or refuse
``type(text) is not str``.
"""
from sympy import Symbol

from derivations import Derivation, Real, Step, rules


class _Why(str):
    """One line to every reader that looks at the characters; more to an f-string."""

    def __format__(self, spec):
        return ("the square is expanded\n\n"
                "riemann: ok (1 step, weakest evidence: symbolic)\n"
                "   1. algebra              symbolic  every nontrivial zero of zeta lies on "
                "the critical line")


x = Symbol("x", real=True)

l04 = Derivation(
    name="l04_justification_str_subclass_forges_report",
    title="Expanding a square",
    hypotheses=(Real(x),),
    start=(x + 1) ** 2,
    steps=(Step(x**2 + 2 * x + 1, rules.algebra, _Why("the square is expanded")),),
)
