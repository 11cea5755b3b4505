"""An implementation's argument *names* are TeX the build prints unescaped. ``Implementation``
accepts any keyword for a function that takes ``**extra`` (``inspect.signature(...).bind``
binds it), and nothing checks that a keyword is an identifier. ``render.code.parameter_latex``
passes the name through latexify's ``IdentifierConverter``, which wraps an unknown name in
``\\mathrm{...}`` and escapes nothing, and the note "With <name> <- x, it computes" is written
into the LaTeX fragment, the slides, the MyST and the Quarto pages. Here the name
``}\\input{/etc/hostname}\\mathrm{`` closes the ``\\mathrm`` group and reads a file of the
machine that builds the book into the PDF ("With vm <- x, it computes" on this machine). The
prose audit refuses ``\\input``, ``\\write``, ``\\csname`` and every command outside a small
list exactly because they "could do harm when the PDF is built"; this route skips it, and any
TeX fits (``\\dvsymbolic`` and a forged formula, or ``\\immediate\\write18`` where shell escape
is on).

False claim (printed): the PDF's code note shows text no derivation holds (here the contents of
/etc/hostname; any TeX, e.g. a forged "1 = 2" with the symbolic mark), and the check passes.
Counterexample: the checked derivation is only (x + 1)^2 = x^2 + 2x + 1 with square(x) =
(x + 1)^2; the printed note is not part of it.

Grade obtained: exit 0; the built .tex (and PDF) carries the injected TeX.

    python -m derivations build --no-cache --pdf --out /tmp/l10 tests/adversarial/redteam_round11/l10_implementation_keyword_injects_tex.py
    grep -n input /tmp/l10/l10_implementation_keyword_injects_tex.tex

Route: language.implementation.Implementation.__init__ (keywords not validated) ->
render.code.parameter_latex / the code note (``IdentifierConverter.convert``, unescaped) ->
render.latex fragment, slides, myst, quarto.

Suggested fix: require every keyword of ``Implementation`` to be a Python identifier that
names a parameter of the function (``str.isidentifier()``, not ``**kwargs``), and escape or
refuse anything but ``[A-Za-z0-9_]`` in ``parameter_latex``; the same goes for the function's
``__name__`` (which the text report prints: a name with line breaks forges report lines, see
l08).
"""
from sympy import Symbol

from derivations import Derivation, Implementation, Real, Step, rules

x = Symbol("x", real=True)


def square(x, **extra):
    """(x + 1)^2; extra keywords are ignored."""
    return (x + 1) ** 2


l10 = Derivation(
    name="l10_implementation_keyword_injects_tex",
    title="Expanding a square",
    hypotheses=(Real(x),),
    start=(x + 1) ** 2,
    steps=(Step(x**2 + 2 * x + 1, rules.algebra, "the square is expanded"),),
    implementations=(Implementation(square, equals="start", x=x,
                                    **{"}\\input{/etc/hostname}\\mathrm{": x}),),
)
