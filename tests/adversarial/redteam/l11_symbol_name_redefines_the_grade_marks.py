"""A symbol's name is TeX that every output prints verbatim, and the name audit is a blacklist
(``derivation._OPERATOR_NAME``: operators, brackets, spaces and a few commands such as
``\\le``, ``\\frac``, ``\\log``); any other command passes, ``\\gdef`` included. The first
derivation's symbol is named ``\\gdef\\dvsampled{\\dvsymbolic}w``: it prints as "w", and when
the book is typeset it redefines, globally, the mark of sampled evidence as the mark of a
symbolic proof. Every later theorem of the book (the PDF, the slides) then shows a step that
only agreed at random points, here a false one (l09's bump), with the check mark of a proof.
The text report and the JSON are right ("sampled"); the typeset book, the thing a reader
reads, is not. (The same route reads files into the PDF: a symbol named
``\\input{...}`` with a path without "/".)

False claim (printed in the PDF with the symbolic check mark): for real x,
max(0, 1 - |x - 10^7 pi|) = 0.
Counterexample: x = 10^7 pi: the left side is 1, the right side is 0. (Its real grade,
sampled, is itself the l09 miss.)

Grade obtained: "sampled" in the check, printed as symbolic (check mark) in
derivations.pdf; exit 0.

    python -m derivations build --no-cache --pdf --out /tmp/l11 tests/adversarial/redteam_round11/l11_symbol_name_redefines_the_grade_marks.py
    pdftotext /tmp/l11/derivations.pdf - | grep -B2 -A2 "the bump is flat"

Route: language.derivation._check_vocabulary (``_OPERATOR_NAME`` blacklist) ->
sympy.latex(Symbol) (the name verbatim) -> render.latex fragments, slides, MyST, Quarto.

Suggested fix: allow as a symbol's name only what SymPy's printer turns into safe TeX: letters,
digits, ``_``, ``^`` and Greek names (a whitelist, like the prose's ``MATH_COMMANDS``), or
escape every backslash a name carries; and make the grade macros robust (``\\newcommand`` is
not protected from ``\\gdef``: print the mark's glyph directly).
"""
from sympy import Abs, Max, S, Symbol, pi

from derivations import Derivation, Real, Step, rules

w = Symbol(r"\gdef\dvsampled{\dvsymbolic}w", real=True)
x = Symbol("x", real=True)

l11_carrier = Derivation(
    name="l11_carrier",
    title="Doubling",
    hypotheses=(Real(w),),
    start=w + w,
    steps=(Step(2 * w, rules.algebra, "collect the terms"),),
)

l11 = Derivation(
    name="l11_symbol_name_redefines_the_grade_marks",
    title="A bump that is never seen",
    hypotheses=(Real(x),),
    start=Max(0, 1 - Abs(x - 10**7 * pi)),
    steps=(Step(S.Zero, rules.algebra, "the bump is flat"),),
)
