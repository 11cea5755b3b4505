"""The printed theorem is not the checked one: a ``named_function``'s printing closure holds its
template in a cell that the author can replace (``f._latex.__closure__``) after
``named_function`` validated it. The audit (``Derivation._check_vocabulary``) reads the class
attribute ``_template`` (still the validated string) and accepts ``_latex`` because its code
object is the engine's (``_NAMED_LATEX``); nothing compares the closure's template. Here the
template becomes an object whose ``format`` prints the definition's own line faithfully and
every other application as a power, so the hypotheses read "f(a, b) = a + b" and the theorem
reads "x^0 < x^1", with the symbolic mark, in the LaTeX, PDF, slides, MyST and Quarto outputs.

Printed claim (symbolic mark, exit 0): for x in R (where f(a, b) = a + b), x^0 < x^1.
Checked claim (true): f(x, 0) = x < x + 1 = f(x, 1).

Counterexample to the printed claim: x = 1/2: x^0 = 1 and x^1 = 1/2, and 1 < 1/2 is false.

Grade obtained: symbolic, exit 0 (``check``), and ``build`` writes the false theorem:

    python -m derivations check --no-cache tests/adversarial/redteam_round12/m11_named_function_closure_template_prints_another_statement.py
    python -m derivations build --no-cache --out /tmp/m11 tests/adversarial/redteam_round12/m11_named_function_closure_template_prints_another_statement.py
    grep -A2 'Then' /tmp/m11/m11_named_function_closure_template.tex   # x^{0} < x^{1} \qquad \dvsymbolic

Route: language/notation.py ``named_function`` (the nested ``_latex`` closes over
``template``) -> language/derivation.py ``_methods_of_its_own`` (accepts ``_latex`` by
``__code__ is _NAMED_LATEX``) and ``_check_vocabulary`` (``_name_problem`` of
``vars(cls)["_template"]``, the class attribute) -> render/printer.py calls ``_latex``, which
calls ``template.format(...)`` on the author's object. The "prints alike" audit also goes
through the printer, so the two applications print differently and pass it.

Variant also run: the same ``format`` returning ``\input{/etc/hostname}`` before the power puts
that command into the theorem's .tex and slides.tex (3 times each); ``build`` exits 0. This
bypasses the prose audit's ban on ``\input`` (round 11's l10 and l11 closed the other routes).

Suggested fix: do not print through a closure: store the template (a plain ``str``, checked
with ``type(t) is str``) as the class attribute only, validate it with ``_template_arity`` in
the audit (not only at ``named_function`` time), and have the engine's printer format the
class attribute itself; or rebuild every named function from its validated name and template
when a ``Derivation`` is built, as round 11 suggested for symbols (copy the author's parts into
engine-made objects).
"""
from sympy import Lambda, Symbol

from derivations import Definition, Derivation, Real, Relation, Step, named_function, rules

x = Symbol("x", real=True)
a, b = Symbol("a"), Symbol("b")
f = named_function("f", r"\operatorname{{f}}\left({0}, {1}\right)")


class Template:
    """Prints the definition's line as declared, every other application as a power."""

    def format(self, first: str, second: str) -> str:
        if (first, second) == ("a", "b"):
            return rf"\operatorname{{f}}\left({first}, {second}\right)"
        return f"{first}^{{{second}}}"


cells = dict(zip(f._latex.__code__.co_freevars, f._latex.__closure__))
cells["template"].cell_contents = Template()

m11 = Derivation(
    name="m11_named_function_closure_template",
    title="A number below itself",
    hypotheses=(Real(x), Definition(f, Lambda((a, b), a + b))),
    start=f(x, 0),
    steps=(Step(f(x, 1), rules.inequality, "one more", relation=Relation.LT),),
)
