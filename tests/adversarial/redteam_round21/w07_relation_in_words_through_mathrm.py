r"""Red-team round 21, w07 (prose beside a check mark; low value, a bypass of the d09 closure):
prose math may not state a relation (`prose.statements`, `_RELATION`), and d09 added `\text`,
`\textrm`, `\textit` so that "equals" in words is caught. `\mathrm{...}` (also `\mathit`,
`\mathbf`, `\mathsf`, `\operatorname`, all in MATH_COMMANDS) sets a word just as well and is not
in `_RELATION`. Plain text may also carry a formula without spaces around its operator
(`_TEXT_FORMULA` only refuses `+`, `*`, `/` between spaces).

False claim as printed (beside a step graded **symbolic**, exit 0, also under
`--min-evidence symbolic`): title and justification

    The logarithm of a sum: $\log(a + b) \; \mathrm{equals} \; \log a + \log b$
    so $\log(a + b) \;\mathrm{equals}\; \log a + \log b$

(and, variant w07_plain_text: "log(a+b) equals log(a)+log(b)" in plain text). False at
a = b = 1: log 2 = 0.6931 vs 0 (math.log). What was checked is log(ab) = log a + log b.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt21 python -m derivations check \
        /work/rt21/w07_relation_in_words_through_mathrm.py --no-cache --min-evidence symbolic

Route: `prose.segments` validates the math (all commands allowed), `statements` finds no
`[=<>]` and no listed relation command; the title and the "why" are printed verbatim beside
the theorem and the step's check mark.

Suggested fix: treat every font/word command (`\mathrm`, `\mathit`, `\mathbf`, `\mathsf`,
`\operatorname`, `\mathtt`) like `\text` in `_RELATION` (or refuse words of more than one
letter in them unless they are a known operator name), and refuse `[-+*/]` between two
formula-like tokens in plain text (`a+b`, `(a)+log`), not only between spaces.
"""

from sympy import Symbol, log

from derivations import Derivation, Positive, Step, rules

a = Symbol("a", positive=True)
b = Symbol("b", positive=True)

w07_plain_text = Derivation(
    name="w07_plain_text",
    title=r"The logarithm of a sum: log(a+b) equals log(a)+log(b)",
    hypotheses=(Positive(a), Positive(b)),
    start=log(a * b),
    steps=(Step(log(a) + log(b), rules.log_of_product, r"so log(a+b) equals log(a)+log(b)"),),
)

w07_relation_in_words_through_mathrm = Derivation(
    name="w07_relation_in_words_through_mathrm",
    title=r"The logarithm of a sum: $\log(a + b) \; \mathrm{equals} \; \log a + \log b$",
    hypotheses=(Positive(a), Positive(b)),
    start=log(a * b),
    steps=(Step(log(a) + log(b), rules.log_of_product,
                r"so $\log(a + b) \;\mathrm{equals}\; \log a + \log b$"),),
)
