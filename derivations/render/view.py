"""A checked derivation as plain strings: what every output format shows, computed once.

The LaTeX fragment, the slides, the notebook and the Markdown formats all typeset the same
things: the hypotheses, the statement, each step's relation, expression, justification, side
conditions and evidence mark. They differ only in the markup around them, so each renderer takes
a :class:`DerivationView` and never prints SymPy objects itself.

Math strings are LaTeX for math mode. With ``macros=True`` (the LaTeX outputs) they use the
``dv`` macros of derivations.sty; with ``macros=False`` (MathJax, KaTeX) only standard amsmath.
Prose strings are raw text: each renderer escapes them for its own markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sympy import Basic, IndexedBase

from derivations.language.derivation import Derivation
from derivations.language.relation import Relation
from derivations.language.results import (
    DerivationResult,
    Evidence,
    ImplementationResult,
    StepResult,
)
from derivations.render import declare
from derivations.render.printer import MATH_MACROS, ProofPrinter, hypothesis

__all__ = ["MATH_MACROS", "CodeView", "DerivationView", "StepView", "ConditionView", "view"]

#: What each evidence mark means, strongest first; the same words in every output.
EVIDENCE_MEANING: dict[Evidence, str] = {
    Evidence.SYMBOLIC: "proved symbolically, for any number of classes and of observations",
    Evidence.SIZED: "proved only at several concrete sizes (weaker evidence)",
    Evidence.SAMPLED: "agreement at random points only, no proof (weakest evidence)",
}

#: A plain-text mark per grade, for formats without the LaTeX macros (slides use the macros).
TEXT_MARK: dict[Evidence, str] = {Evidence.SYMBOLIC: "✓", Evidence.SIZED: "(✓)",
                                  Evidence.SAMPLED: "≈"}


@dataclass(frozen=True)
class ConditionView:
    """A side condition: ``math`` (LaTeX) when it has a formula, else ``text`` (prose).
    ``free_of`` holds the two formulas of "X is free of y" apart, so that a narrow column can
    set the words on a line of their own instead of shrinking all of it."""

    math: str | None
    text: str
    free_of: tuple[str, str] | None = None


@dataclass(frozen=True)
class StepView:
    index: int
    relation: str  # LaTeX relation symbol, e.g. "=" or "\le"
    expr: str  # LaTeX, math mode
    why: str  # prose
    rule: str
    cites: tuple[str, ...]
    conditions: tuple[ConditionView, ...]
    evidence: Evidence | None
    by: str = ""  # the rule as a .tex row names it (``% by: positive_factor(\frac{1}{m})``)


@dataclass(frozen=True)
class CodeView:
    """A reference implementation: the function as latexify prints it, what it computes, and
    the numeric check (sampled evidence: ``points`` random points, at the sizes listed)."""

    name: str  # the Python function's name
    module: str  # the module that defines it
    latex: str  # LaTeX, math mode, by latexify; empty when latexify cannot render the function
    problem: str  # prose: why latexify could not render it, else empty
    computes: str  # LaTeX of the expression of the derivation that the function computes
    arguments: tuple[str, ...]  # LaTeX, math mode: each argument and what it is made of
    points: int  # random points where the function and the expression agreed
    sizes: tuple[tuple[str, tuple[int, ...]], ...]  # each size (LaTeX) and the values tried
    arrays: bool  # whether an argument is an array (indexed from 0, unlike the math)
    ok: bool
    source: str = ""  # the function's Python source, dedented; empty where it cannot be read


@dataclass(frozen=True)
class DerivationView:
    name: str
    title: str
    summary: str  # prose, possibly empty
    hypotheses: tuple[str, ...]  # LaTeX, math mode, one per hypothesis
    start: str  # LaTeX of the first expression
    statement: str  # LaTeX: start, relation, end, and the equality case if any
    evidence: Evidence | None  # the weakest grade of any step
    steps: tuple[StepView, ...]
    implementations: tuple[CodeView, ...] = ()  # reference implementations in code, if any
    conclusion: str = ""  # LaTeX: the statement after its start (relation, end, equality case)
    #: the ``%dv`` declarations a .tex reader needs for the chain (``render.declare``)
    declarations: tuple[str, ...] = ()

    @property
    def cites(self) -> tuple[str, ...]:
        """Every derivation a step cites, in order of first citation."""
        seen: dict[str, None] = {}
        for step in self.steps:
            seen.update(dict.fromkeys(step.cites))
        return tuple(seen)


def _shown(obj: Basic) -> Basic:
    """An indexed family is shown by its label (``q = p`` means entry by entry)."""
    return obj.label if isinstance(obj, IndexedBase) else obj


def _step(result: StepResult, latex: Callable[[Basic], str]) -> StepView:
    step = result.step
    from derivations.language.notation import FreeOf

    conditions = tuple(ConditionView(
        latex(c.formula) if c.formula is not None else None, c.text,
        (latex(c.formula.args[0]), latex(c.formula.args[1])) if isinstance(c.formula, FreeOf)
        else None)
        for c in result.conditions)
    return StepView(index=result.index, relation=(step.relation or Relation.EQ).latex,
                    expr=latex(step.expr), why=step.why, rule=step.rule.name,
                    cites=tuple(step.cites), conditions=conditions, evidence=result.evidence,
                    by=declare.by(step.rule, latex))


def _code(result: ImplementationResult, d: Derivation, latex: Callable[[Basic], str]) -> CodeView:
    from derivations.language.implementation import Entries
    from derivations.render.code import arguments_latex, function_latex

    impl = result.implementation
    try:
        code, problem = function_latex(impl.function), ""
    except ValueError as exc:
        code, problem = "", str(exc)
    sizes = tuple((latex(s), tuple(sorted({point[n] for point in result.sizes})))
                  for n, s in enumerate(d.facts.sizes))
    module = getattr(impl.function, "__module__", "") or ""
    return CodeView(name=impl.name, module=module, latex=code, problem=problem,
                    computes=latex(impl.target(d)), arguments=arguments_latex(impl, latex),
                    points=result.points, sizes=sizes,
                    arrays=any(isinstance(v, Entries) for _, v in impl.arguments), ok=result.ok,
                    source=_source(impl.function))


def _source(function: Callable[..., object]) -> str:
    import inspect
    import textwrap

    try:
        return textwrap.dedent(inspect.getsource(function)).rstrip("\n")
    except (OSError, TypeError):  # defined at a prompt, or not Python code
        return ""


def _entries(d: Derivation, latex: Callable[[Basic], str]) -> tuple[str, ...]:
    """What each vector shown under a name of its own is made of: ``u_j = 1/k`` for every
    ``j``. A vector is printed by its name only, so without this line a reader would never see
    the entries that were checked (a family's own vector, ``q = (q_1, ..., q_k)``, and a
    one-hot vector, defined in the notation, need none)."""
    from sympy import Symbol, Tuple, default_sort_key

    from derivations.language.notation import OneHot, Vector

    found: dict[Basic, Vector] = {}
    for expr in (d.start, *(s.expr for s in d.steps)):
        for v in sorted(expr.atoms(Vector), key=default_sort_key):
            if not isinstance(v, OneHot) and not isinstance(v.display, Tuple):
                found.setdefault(v.display, v)
    lines = []
    for display, v in found.items():
        used = {str(x) for x in v.rule.expr.free_symbols - set(v.rule.variables)}
        index = Symbol(next(n for n in ("j", "l", "r", "s", "c") if n not in used), integer=True)
        entry = v.component(index)
        name = latex(display)
        if latex(entry) in (f"{name}_{{{latex(index)}}}", f"{name}_{latex(index)}"):
            continue  # the family's own entries: the name says it all
        # (an entry of another family, or a function's value, is said: a vector p made of the
        # entries q_j would otherwise print as a p nobody defined)
        shown = f"{name}_{{{latex(index)}}}" if isinstance(display, Symbol) and len(
            display.name) == 1 else rf"\left({name}\right)_{{{latex(index)}}}"
        lines.append(rf"{shown} = {latex(entry)} \quad\text{{for all }} {latex(index)}")
    return tuple(lines)


def view(result: DerivationResult, *, macros: bool = True) -> DerivationView:
    """The strings every renderer shows for one checked derivation."""
    d = result.derivation
    printer = ProofPrinter({"macros": macros})
    latex = printer.doprint
    fixed = set(d.facts.sizes) | set(d.facts.parameters)
    conclusion = rf"{d.relation.latex} {latex(d.end)}"
    if d.equality_if:
        cases = r",\ ".join(rf"{latex(_shown(a))} = {latex(_shown(b))}"
                            for a, b in d.equality_if.items())
        conclusion += rf", \quad\text{{with equality if and only if }} {cases}"
    return DerivationView(
        name=d.name, title=d.title, summary=d.summary or "",
        hypotheses=(*(hypothesis(h, fixed, macros=macros) for h in d.hypotheses),
                    *_entries(d, latex)),
        start=latex(d.start), statement=f"{latex(d.start)} {conclusion}", conclusion=conclusion,
        evidence=result.weakest,
        steps=tuple(_step(r, latex) for r in result.steps),
        implementations=tuple(_code(r, d, latex) for r in result.implementations),
        declarations=declare.declarations(d, latex))
