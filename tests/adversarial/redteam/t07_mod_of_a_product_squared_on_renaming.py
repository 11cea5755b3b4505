"""Red-team round 18, t07: SymPy 1.14's `Mod.eval` squares an inner Mod when every factor of
its first argument is an integer: Mod(2 Mod(b, 6), 3) becomes Mod(2 Mod(b, 6)^2, 3) for an
integer b, which is another number (b = 2: 4 mod 3 = 1, but 8 mod 3 = 2). Written with a plain
summation variable j, SymPy leaves the summand alone (j is not known to be an integer), and
it prints as written. `prepare` renames j to the engine's integer binder `_b0`, the rebuilt Mod
takes the wrong branch, and the kernel and the sampler both work on the wrong summand. Mod is
a vetted function.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    sum_{j=1}^{2} ( 2 (j mod 6) ) mod 3  =  4
    (printed `\\sum_{j=1}^{2} 2\\,\\left(j \\bmod 6\\right) \\bmod 3 = 4`)

Counterexample: it is a closed statement: the sum is (2 mod 3) + (4 mod 3) = 2 + 1 = 3, not 4.
Checked with SymPy: `sum(Mod(2*Mod(j, 6), 3) for j in range(1, 3))` is 3, while
`Mod(2*Mod(b, 6), 3)` for `b = Symbol('b', integer=True)` prints `Mod(2*(Mod(b, 6))**2, 3)`,
whose terms at b = 1, 2 are 2 and 2.

Variant (first derivation below): for every size k,
sum_{j=1}^{k} (2 (j mod 6)) mod 3 = sum_{j=1}^{k} (2 (j mod 6)^2) mod 3, false from k = 2 on
(3 against 4 at k = 2; the terms differ at every j = 2, 5 (mod 6)). Also symbolic: both sides
are renamed to the same wrong summand.

The same bug acts where a definition is unfolded at an integer (second derivation below):
with f(t) = (2 (t mod 6)) mod 3 and g(t) = (2 (t mod 6)^2) mod 3 (t a plain symbol, so both
formulas print as written), "f(n) = g(n) for every integer n >= 0" is accepted at symbolic
grade. `Facts.apply_definitions` calls the Lambda at the integer n, so f(n) becomes g(n);
n = 2 gives f(2) = 1 and g(2) = 2. The s01 fix builds the instances unevaluated, but judges
only their definedness.

A second, independent Mod bug takes the same route (third derivation below): for an integer
b, SymPy makes Mod(-b/3, b) = -b/3, which is wrong for every b != 0 (b = 3: (-1) mod 3 = 2).
Written with floor(j) for j, nothing is evaluated. Renamed, floor(_b0) is _b0 and the Mod
collapses: "for every size k, sum_{j=1}^{k} (-floor(j)/3) mod j = sum_{j=1}^{k} (-j/3)" is
accepted at symbolic grade, while the left side is sum_{j=1}^{k} 2j/3 (k = 1: 2/3 against
-1/3). Checked: `Mod(Rational(-1, 3), 1)` is 2/3.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt18 python -m derivations check \
        /work/rt18/t07_mod_of_a_product_squared_on_renaming.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `canonical.prepare` -> `binders.rename_bound` -> `rebind`:
`e.function.xreplace({j: _b0})` rebuilds Mod(2*Mod(_b0, 6), 3). SymPy's `Mod.eval` (sympy/core/
mod.py, the `isinstance(p, Mul)` branch) then runs
`non_mod_l = [i % q if i.is_Integer else i for i in p.args]` over *all* factors of p, the Mod
factors included, and then `p = Mul(*(non_mod_l + mod_l))`, so each inner Mod factor is
multiplied in twice. `sums.write_out_small` writes the renamed sum out: Mod(2, 3) + Mod(8, 3) =
4. `canonical` proves 4 = 4, and the sampler's cross-check evaluates the same prepared side.
It is the s03 route (a rename lets SymPy re-evaluate with an integer assumption), with a
genuine SymPy bug instead of the atan lie that `_compat` now corrects.

Suggested fix: correct Mod.eval in `_compat` (the Mul branch must not append `mod_l` to a
list that already holds it), and add Mod of products with inner Mods to
`tests/kernel/test_vetted_functions.py`'s scan of evaluation at integer symbols. More
generally, rename binders under `evaluate(False)`: no rebuild should ever re-run SymPy's
evaluation with new assumptions. A cheap guard is to compare the side before and after
`prepare` at one exact rational point, since a rename must not change a value.

Closed: Mod is no longer a vetted function (`vocabulary._REFUSED`): SymPy 1.14 evaluates it
wrongly at some integer arguments, and the engine renames every summation variable to an
integer before it judges a step. A step with a Mod cannot be checked; the message gives the
reason and says to write p - q floor(p/q).
"""

from sympy import Function, Integer, Lambda, Mod, Sum, Symbol, floor, oo

from derivations import Definition, Derivation, IndexRange, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j")

t07_every_size = Derivation(
    name="t07_every_size",
    title="Doubling before or after squaring the remainder",
    hypotheses=(Size(k),),
    start=Sum(Mod(2 * Mod(j, 6), 3), (j, 1, k)),
    steps=(Step(Sum(Mod(2 * Mod(j, 6) ** 2, 3), (j, 1, k)), rules.algebra,
                "a remainder mod 6 has the remainder mod 3 of its square"),),
)

n = Symbol("n", integer=True, nonnegative=True)
t = Symbol("t")
f = Function("f")
g = Function("g")

t07_definition_at_an_integer = Derivation(
    name="t07_definition_at_an_integer",
    title="Two remainders agree",
    hypotheses=(IndexRange(n, 0, oo), Definition(f, Lambda(t, Mod(2 * Mod(t, 6), 3))),
                Definition(g, Lambda(t, Mod(2 * Mod(t, 6) ** 2, 3)))),
    start=f(n),
    steps=(Step(g(n), rules.definition, "unfold both"),),
)

t07_mod_of_a_third = Derivation(
    name="t07_mod_of_a_third",
    title="Remainders of negative thirds",
    hypotheses=(Size(k),),
    start=Sum(Mod(-floor(j) / 3, j), (j, 1, k)),
    steps=(Step(Sum(-j / 3, (j, 1, k)), rules.algebra, "a third is less than the modulus"),),
)

t07_mod_of_a_product_squared_on_renaming = Derivation(
    name="t07_mod_of_a_product_squared_on_renaming",
    title="A sum of two remainders",
    hypotheses=(),
    start=Sum(Mod(2 * Mod(j, 6), 3), (j, 1, 2)),
    steps=(Step(Integer(4), rules.algebra, "add the two terms"),),
)
