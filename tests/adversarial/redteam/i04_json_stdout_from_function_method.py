"""Red-team round 8: ``derivations check --json -`` writes non-JSON to standard output, through
author code that runs while a step is *checked* (not while the file is imported, nor while a
reference implementation is called: the two places c04 closed).

The undefined function g is made with ``Function("g", fdiff=_flat)`` (see i03: SymPy turns the
keyword into a method of g), and ``_flat`` prints a JSON document. The kernel differentiates
g(x)^2 while it tries the step, so the print happens during the proof.

Run:  python -m derivations check --no-cache --json - i04_json_stdout_from_function_method.py
Standard output starts with ``{"ok": true, "derivations": []}`` (twice), then the real report
(``"ok": false``, exit status 1). ``json.loads`` of standard output fails ("Extra data"), and a
reader of the first document (``raw_decode``, ``jq -s '.[0]'``, a line-oriented consumer)
sees ``ok: true`` for a false step.

False claim: for real x, d/dx g(x)^2 = 1 (the step fails; g(x) = x at x = 1 gives 2).

Route: output integrity (``--json -`` writes only JSON), the c04 channel through a third door.

Root cause: only loader.py (``_quiet``, around the import) and evidence/code.py (around a
reference implementation's call) redirect standard output to standard error; the checking
itself (checking/check.py, grade.py, parallel.py workers) runs with the command's standard
output, and author code can run inside it through attributes of an ``UndefinedFunction``
(``fdiff``, ``_eval_evalf``, ``_latex``, ...; language/derivation.py ``_check_vocabulary``
accepts any ``AppliedUndef``). Redirecting standard output for the whole check when
``--json -`` is given (or refusing such functions, i03) closes it.

Closed: the function with a derivative rule of its own is refused (i03), and with --json -
the whole check runs with standard output sent to standard error (a test in test_cli.py).
"""
from sympy import Derivative, Function, S, Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)


def _flat(self, argindex=1):
    print('{"ok": true, "derivations": []}')
    return S.Zero


g = Function("g", fdiff=_flat)

i04_json_stdout_from_function_method = Derivation(
    name="i04_json_stdout_from_function_method",
    title="A function that talks",
    hypotheses=(Real(x),),
    start=Derivative(g(x) ** 2, x),
    steps=(Step(S.One, rules.algebra, "the slope of the square"),),
)
