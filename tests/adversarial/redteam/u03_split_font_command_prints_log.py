r"""Red-team round 19, u03: the t06 closure screens a named function's template, and a symbol's
name, with `notation.reads_as_function`: a word of a known function is looked for inside each
font command (`_WRAPPER` matches `\mathrm{...}` with no brace inside) and in the plain text
around. Split the word across two font commands, or put an empty group inside one, and no
word is "log": `\mathrm{l}\mathrm{og}` gives the words "l" and "og", and `\mathrm{l{}og}`
is not matched by `_WRAPPER` at all (it has a brace inside), so the command name is dropped and
the letters "l", "og" remain. Both typeset exactly as an upright "log", the way `\log` does.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for real x:   (1 + log(x))^2 - log(x)^2 - 2 log(x)  =  1

printed `\left(1 + \mathrm{l}\mathrm{og}\left(x\right)\right)^{2} - \mathrm{l}\mathrm{og}
\left(x\right)^{2} - 2\,\mathrm{l}\mathrm{og}\left(x\right) = 1`, which typesets as the claim
about the logarithm. What was checked is the same identity for an opaque total function L, which
is true. As printed it is false: at x = 0 (or any x <= 0) log x has no real value (SymPy:
`log(S(0))` is zoo, and the left side at x = 0 is nan; at x = -1 it is complex), while the right
side is 1. This is t06's claim, through the hole in t06's closure.

Variants, each accepted at symbolic grade (first derivations below):
- the template `\mathrm{l{}og}\left({0}\right)` (an empty group inside one font command);
- a *symbol* named `\mathrm{l}\mathrm{og}{x}`, which prints as "log x" (upright log, italic x),
  in the same identity: (1 + log x)^2 - (log x)^2 - 2 log x = 1 for "real log x"
  (`_OPERATOR_NAME` and `reads_as_function(words=False)` pass it).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u03_split_font_command_prints_log.py --no-cache
and `python -m derivations build --out /tmp/rt19-out FILE` for the LaTeX quoted above.
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `notation.named_function` -> `_template_arity`: `_MISLEADING` looks for `\log` (a
command), and `reads_as_function(head)` applies `_WRAPPER`
(`\\(operatorname|mathrm|...)\*?\s*\{([^{}]*)\}`) and then `re.findall("[A-Za-z]+")` on what is
left, comparing each word with `_FUNCTION_WORDS`. Neither sees a word split by a closing and an
opening brace, nor one holding `{}`. For a symbol's name, `Derivation._check_declarations`
asks `_OPERATOR_NAME` and `reads_as_function(name, words=False)` in the same way.

Suggested fix: compare what is typeset, not what the source says: drop every font command and
every brace first (the `_bare` normalisation `_check_lookalikes` already has), then look for
the function words in the letters that remain, in order, across group boundaries ("l" + "og").
Better still, refuse font commands in templates and names other than one `\operatorname{...}`
holding letters only, and refuse a name whose letters, braces removed, contain a function word.

Closed: `notation.reads_as_function` joins letters set apart only by font commands, thin spaces or empty groups before it looks for a function's name: both templates and the symbol's name are refused. The .tex variant's declaration is refused with its line, and its row says so (no IndexError).
"""

from sympy import Integer, Symbol

from derivations import Derivation, Real, Step, named_function, rules

x = Symbol("x", real=True)
shown_log = Symbol(r"\mathrm{l}\mathrm{og}{x}", real=True)
L_braced = named_function("L_braced", r"\mathrm{{l{{}}og}}\left({0}\right)")
L = named_function("L", r"\mathrm{{l}}\mathrm{{og}}\left({0}\right)")

u03_empty_group = Derivation(
    name="u03_empty_group",
    title="A square expanded",
    hypotheses=(Real(x),),
    start=(L_braced(x) + 1) ** 2 - L_braced(x) ** 2 - 2 * L_braced(x),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)

u03_symbol_name = Derivation(
    name="u03_symbol_name",
    title="A square expanded",
    hypotheses=(Real(shown_log),),
    start=(shown_log + 1) ** 2 - shown_log ** 2 - 2 * shown_log,
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)

u03_split_font_command_prints_log = Derivation(
    name="u03_split_font_command_prints_log",
    title="A square expanded",
    hypotheses=(Real(x),),
    start=(L(x) + 1) ** 2 - L(x) ** 2 - 2 * L(x),
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)
