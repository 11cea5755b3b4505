r"""Red-team round 22, x05 (prose, low): bypasses of the w07 closure. A title beside a check
mark states a false identity in words set in a math font; `prose._states` does not see it.

False claims as printed beside the check mark (each derivation graded **symbolic**, exit 0, also
under `--min-evidence symbolic`; the steps prove the true log(ab) = log a + log b):

    x05_boldsymbol:  title "The identity $\log(a + b) \; \boldsymbol{equals} \; \log a + \log b$"
    x05_coincides:   title "The identity $\log(a + b) \; \mathrm{coincides\ with} \; \log a + \log b$"
    x05_matches:     title "The identity $\log(a + b) \; \mathrm{matches} \; \log a + \log b$"
    main (last):     title "The identity $\log(a + b) \; \mathrm{equ}\mathrm{als} \; \log a + \log b$"
                     (TeX sets the two upright groups as the one word "equals")

Counterexample: a = b = 1: log(1 + 1) = 0.6931 (mpmath `log(2)`), log 1 + log 1 = 0.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt22 python -m derivations check \
        /work/rt22/x05_relation_words_split_across_font_groups.py --no-cache --min-evidence symbolic

Route: `language/prose.py _states`: a math segment states a relation when `_RELATION` matches
or when a word of `_RELATION_WORDS` occurs inside ONE `_WORD_COMMAND` group
(`\math[a-z]*{...}`, `\operatorname`, `\text[a-z]*`, `\mbox`, `\hbox`). (1) Words split across two
groups (`\mathrm{equ}\mathrm{als}`) give "equ" and "als", neither in the list, though TeX sets
one word. (2) `\boldsymbol{...}` is allowed in prose math (`MATH_COMMANDS`) but is not a
`_WORD_COMMAND`. (3) The word list is finite: "coincides with", "matches" pass. (A word broken
by a thin space, `\mathrm{eq\,uals}`, is refused: "eq" is in the list.)

Suggested fix: do not list words. Refuse every run of two or more letters set upright or bold in
the math of a title or a justification (or any `\mathrm`/`\text`/`\boldsymbol` group of letters
outside a whitelist of operator names), after joining adjacent font groups; relations in words
are then impossible.

Closed: relation words are read as TeX sets them, across font groups, \boldsymbol included, from a longer list (`prose._states`).
"""

from sympy import Symbol, log

from derivations import Derivation, Positive, Step, rules

a = Symbol("a", positive=True)
b = Symbol("b", positive=True)


def _titled(name: str, title: str) -> Derivation:
    return Derivation(
        name=name, title=title, hypotheses=(Positive(a), Positive(b)),
        start=log(a * b),
        steps=(Step(log(a) + log(b), rules.algebra, "split the log"),),
    )

x05_boldsymbol = _titled(
    "x05_boldsymbol",
    'The identity $\\log(a + b) \\; \\boldsymbol{equals} \\; \\log a + \\log b$')
x05_coincides = _titled(
    "x05_coincides",
    'The identity $\\log(a + b) \\; \\mathrm{coincides\\ with} \\; \\log a + \\log b$')
x05_matches = _titled(
    "x05_matches",
    'The identity $\\log(a + b) \\; \\mathrm{matches} \\; \\log a + \\log b$')
x05_relation_words_split_across_font_groups = _titled(
    "x05_relation_words_split_across_font_groups",
    'The identity $\\log(a + b) \\; \\mathrm{equ}\\mathrm{als} \\; \\log a + \\log b$')
