"""Red-team round 18, t05: what is printed is not what is checked. SymPy prints some of its
own constants and functions with a Greek or Latin letter that is also a symbol's name: Euler's
constant EulerGamma as `\\gamma`, the golden ratio as `\\phi`, pi as `\\pi`, E as `e`, the
Heaviside step Heaviside(x) as `\\theta\\left(x\\right)`, the gamma function as
`\\Gamma\\left(y\\right)`. The a24/b06 look-alike checks compare the LaTeX of symbols,
families, entries and undefined functions only, so a parameter named gamma next to the constant
EulerGamma prints as one letter with two meanings, and the optimiser rule `add_constant`
(rightly: it is a constant) drops what every reader sees as a term in the parameter.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    arg max_gamma ( gamma - gamma^2 )  =  arg max_gamma ( -gamma^2 )
    side condition shown: "-gamma is free of gamma"
    (built proof: `\\dvargmax_{\\gamma} \\left(\\gamma - \\gamma^{2}\\right) =
     \\dvargmax_{\\gamma} - \\gamma^{2} \\qquad \\dvsymbolic`)

Counterexample (as printed): arg max_g (g - g^2) is {1/2} (derivative 1 - 2 g), while
arg max_g (-g^2) is {0}. Checked with SymPy: `solve(diff(g - g**2, g), g)` is [1/2]. (What the
kernel checked, with the first gamma Euler's constant 0.5772..., is true.)

Variants, each accepted at symbolic grade (first derivations below), same pattern:
- parameter phi, constant GoldenRatio: "arg max_phi (phi - phi^2) = arg max_phi (-phi^2)";
- parameter pi (a Symbol named "pi"), constant pi: "arg max_pi (pi - pi^2) = arg max_pi (-pi^2)";
- parameter e (a Symbol named "e"), constant E: "arg max_e (e - e^2) = arg max_e (-e^2)";
- parameter theta, Heaviside(x) for real x: "arg max_theta (theta(x) - theta^2) =
  arg max_theta (-theta^2)", theta(x) read as theta x gives {x/2} against {0};
- parameter Gamma, gamma(y) for y > 0: "arg max_Gamma (Gamma(y) - Gamma^2) = ...".

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt18 python -m derivations check \
        /work/rt18/t05_sympy_constant_prints_as_the_parameter.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0. `derivations build`
writes the line quoted above (and, for the Heaviside variant,
`\\dvargmax_{\\theta} \\left(\\theta\\left(x\\right) - \\theta^{2}\\right) = ...`).

Route: `language/derivation.py` `_check_clashes` and `_check_lookalikes` meet the LaTeX of
`scan.free` (free symbols: EulerGamma, pi, E are NumberSymbols, not Symbols, so they are not
among them), of families, of entries and of `scan.calls` (AppliedUndef only: Heaviside and
gamma are SymPy functions). The printer (`render/printer.ProofPrinter`, SymPy's LatexPrinter
underneath) writes the constant and the parameter alike. `rules.add_constant`'s condition,
`facts.depends_on_parameter(-EulerGamma)`, is False, which is true of what is checked.

Suggested fix: in the look-alike check, also meet the LaTeX of every number symbol (pi, E,
EulerGamma, GoldenRatio, Catalan, I) and the printed head of every vetted function
application (`\\theta`, `\\Gamma`, `\\zeta`, `\\delta`) against the symbols'; or refuse symbols
named like SymPy's constants (`e`, `i`, `pi`, `gamma`, `phi`, `G`) outright, as the .tex reader
already does for `e` and `\\pi` ("the reader's own names cannot be declared as symbols"). Print
Heaviside as `H(x)`.

Closed: the look-alike check compares what SymPy itself prints with letters (its constants:
\\gamma for EulerGamma, \\phi, \\pi, e, also as the base of exp, i; a Kronecker delta; the head of
each of its functions: \\theta for Heaviside, \\Gamma for gamma) with every symbol, entry and
function of the derivation (`derivation._sympy_letters`). A parameter gamma next to EulerGamma
is refused when the derivation is built.
"""

from sympy import E, EulerGamma, GoldenRatio, Heaviside, Symbol, gamma, pi

from derivations import Argmax, Derivation, Parameter, Positive, Real, Step, rules

x = Symbol("x", real=True)
y = Symbol("y", positive=True)


def _claim(name: str, parameter: Symbol, term, extra=()) -> Derivation:
    return Derivation(
        name=name,
        title="A term free of the parameter does not move the maximiser",
        hypotheses=(Parameter(parameter), *extra),
        start=Argmax(-parameter**2 + term, parameter),
        steps=(Step(Argmax(-parameter**2, parameter), rules.add_constant(-term),
                    "drop the term free of the parameter"),),
    )


t05_golden_ratio = _claim("t05_golden_ratio", Symbol("phi", real=True), GoldenRatio)
t05_pi = _claim("t05_pi", Symbol("pi", real=True), pi)
t05_euler_number = _claim("t05_euler_number", Symbol("e", real=True), E)
t05_heaviside = _claim("t05_heaviside", Symbol("theta", real=True), Heaviside(x), (Real(x),))
t05_gamma_function = _claim("t05_gamma_function", Symbol("Gamma", real=True), gamma(y),
                            (Positive(y),))

t05_sympy_constant_prints_as_the_parameter = _claim(
    "t05_sympy_constant_prints_as_the_parameter", Symbol("gamma", real=True), EulerGamma)
