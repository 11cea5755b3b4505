"""Red-team round 20, v06: a free symbol named `j^{}` (an empty superscript; `j_{}` and
`\\text{\\textit{j}}` work too) typesets exactly like the letter j. Inside a sum over j it reads
as the summation variable; what is checked is one constant symbol.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    \\sum_{j=1}^{k} j^{} = k\\,\\sum_{j=1}^{1} j^{}        for every size k

TeX sets `j^{}` as a plain j (an empty superscript adds nothing visible), so the page shows
sum_{j=1}^{k} j = k * sum_{j=1}^{1} j, i.e. k(k + 1)/2 = k: false at k = 2 (3 against 2;
SymPy: `Sum(j, (j, 1, 2)).doit()` = 3). What is checked is sum_{j=1}^{k} J = k J for one
symbol J named "j^{}", which is true.

Variants (earlier derivations, each accepted at symbolic grade):
- v06_subscript: the name `j_{}`: `\\sum_{j=1}^{2} j_{} = 2\\,\\sum_{j=1}^{1} j_{}` (TeX: 1 + 2 = 2);
- v06_text_italic: the name `\\text{\\textit{j}}`, an italic j set in text mode:
  `\\sum_{j=1}^{2} \\text{\\textit{j}} = 2\\,\\sum_{j=1}^{1} \\text{\\textit{j}}`;
- v06_definition: hypothesis `f{\\left(t \\right)} = t^{}` (TeX: f(t) = t, the identity), claim
  f(1) = f(2), i.e. 1 = 2 as printed; checked: f is the constant function T.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt20 python -m derivations check \\
        /work/rt20/v06_name_with_an_empty_script_typesets_as_the_bound_variable.py \\
        --no-cache --min-evidence symbolic

Route: the u14/u15 closure `Derivation._check_bound_names` compares a bound variable (of a sum,
product, integral, or a definition's Lambda) with the free symbols by their exact LaTeX
(`latex(v)` == `latex(s)`): "j" against "j^{}" differ. The look-alike check
(`_check_lookalikes`) compares with `_bare`, which drops braces but keeps `^`/`_`, and does not
look at bound variables at all. `_name_problem` (prose math) allows `^{}`, `_{}`, `\\text`,
`\\textit`; `_OPERATOR_NAME` and `_LETTERS` see nothing. The kernel is right about the
object: a constant summed k times.

Suggested fix: compare what is typeset: normalise every printed name (drop empty scripts `^{}`,
`_{}`, empty groups, font and text wrappers, as `_bare` partly does) before *every* comparison,
the bound-variable ones included, and refuse names with an empty script outright.
"""

from sympy import Function, Lambda, Integer, Sum, Symbol

from derivations import Definition, Derivation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)


def _two_terms(name: str, symbol_name: str) -> Derivation:
    y = Symbol(symbol_name)
    return Derivation(
        name=name,
        title="A sum of two equal terms",
        hypotheses=(),
        start=Sum(y, (j, 1, 2)),
        steps=(Step(2 * Sum(y, (j, 1, 1)), rules.algebra, "the two terms are equal"),),
    )


v06_subscript = _two_terms("v06_subscript", "j_{}")
v06_text_italic = _two_terms("v06_text_italic", r"\text{\textit{j}}")

t = Symbol("t")
t_lookalike = Symbol("t^{}")
f = Function("f")

v06_definition = Derivation(
    name="v06_definition",
    title="A defined function at one and at two",
    hypotheses=(Definition(f, Lambda(t, t_lookalike)),),
    start=f(Integer(1)),
    steps=(Step(f(Integer(2)), rules.definition, "unfolding the definition"),),
)

j_lookalike = Symbol("j^{}")

v06_name_with_an_empty_script_typesets_as_the_bound_variable = Derivation(
    name="v06_name_with_an_empty_script_typesets_as_the_bound_variable",
    title="A sum of equal terms",
    hypotheses=(Size(k),),
    start=Sum(j_lookalike, (j, 1, k)),
    steps=(Step(k * Sum(j_lookalike, (j, 1, 1)), rules.algebra, "the terms are all equal"),),
)
