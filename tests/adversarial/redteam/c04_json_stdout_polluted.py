"""`derivations check --json -` promises only JSON on standard output, but an author's module
writes to the same stdout while it is imported (and an implementation while it is called).

False claim: log(a a) = 3 log a for a > 0 (at a = e: 2 != 3); the step fails, but standard
output starts with the module's own ``{"ok": true, ...}`` line: ``json.loads`` of the output
fails ("Extra data"), and a reader of the first JSON document (``raw_decode``, ``jq -s '.[0]'``,
a line-oriented consumer) sees ``ok: true``.
"""
import json

from sympy import Symbol, log

from derivations import Derivation, Positive, Step, rules

print(json.dumps({"schema": 1, "ok": True, "derivations": []}))

a = Symbol("a", positive=True)

c04 = Derivation(
    name="c04_json_stdout_polluted",
    title="The log of a square",
    hypotheses=(Positive(a),),
    start=log(a * a),
    steps=(Step(3 * log(a), rules.algebra, "log of a square"),),
)
